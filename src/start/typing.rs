//! What a reader did on the built page before the app started: typing, choices and a
//! press of Send. Adoption sets each field to the app's state, so what was typed is
//! read first and given back after, through the fields' own events.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One field the reader changed: its id, the property changed, and the value given.
pub struct Typed {
    id: String,
    key: &'static str,
    value: wasm_bindgen::JsValue,
}

/// A property of an element (`value`, `checked`, `defaultValue` …), as the page has it now.
fn read(el: &web_sys::Element, key: &str) -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(el, &key.into()).ok()
}

/// True when the reader changed a field of the built page: its value or choice is no
/// longer what the page was written with.
fn touched(field: &web_sys::Element, choice: bool) -> bool {
    if field.tag_name() == "SELECT" {
        // Untouched: the option written as selected, or else the first, is still chosen.
        let options = field.query_selector_all("option").ok();
        let written = options
            .as_ref()
            .and_then(|list| {
                (0..list.length()).find(|&i| {
                    list.item(i)
                        .and_then(|o| read(o.unchecked_ref(), "defaultSelected"))
                        .is_some_and(|d| d.is_truthy())
                })
            })
            .unwrap_or(0);
        return read(field, "selectedIndex").and_then(|i| i.as_f64()) != Some(f64::from(written));
    }
    let (now, written) = if choice {
        ("checked", "defaultChecked")
    } else {
        ("value", "defaultValue")
    };
    read(field, now) != read(field, written)
}

/// Every field under `root` the reader changed, before the app sets them.
pub fn capture(root: &web_sys::Element) -> Vec<Typed> {
    let Ok(fields) = root.query_selector_all("input[id], select[id], textarea[id]") else {
        return Vec::new();
    };
    (0..fields.length())
        .filter_map(|i| fields.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|field| {
            let kind = field.get_attribute("type");
            let choice = matches!(kind.as_deref(), Some("radio" | "checkbox"));
            if !touched(&field, choice) {
                return None;
            }
            let key = if choice { "checked" } else { "value" };
            let value = read(&field, key)?;
            // A change event for a radio left unchosen would act on the reader's behalf.
            let unchosen_radio = kind.as_deref() == Some("radio") && !value.is_truthy();
            (!unchosen_radio).then(|| Typed {
                id: field.id(),
                key,
                value,
            })
        })
        .collect()
}

/// The fields the reader typed into while the app had just started, watched until
/// `stop`: the app has those already, and nothing older goes over them.
pub struct Watch {
    root: web_sys::Element,
    ids: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
    listener: wasm_bindgen::closure::Closure<dyn Fn(web_sys::Event)>,
}

/// Starts noting each field under `root` the reader types into or chooses.
pub fn watch(root: &web_sys::Element) -> Watch {
    let ids = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let noted = ids.clone();
    let listener =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            if let Some(field) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .filter(|_| ev.is_trusted())
            {
                noted.borrow_mut().push(field.id());
            }
        });
    for kind in ["input", "change"] {
        let _ = root.add_event_listener_with_callback_and_bool(
            kind,
            listener.as_ref().unchecked_ref(),
            true,
        );
    }
    Watch {
        root: root.clone(),
        ids,
        listener,
    }
}

impl Watch {
    /// Stops watching, and says which fields were typed into.
    pub fn stop(self) -> Vec<String> {
        for kind in ["input", "change"] {
            let _ = self.root.remove_event_listener_with_callback_and_bool(
                kind,
                self.listener.as_ref().unchecked_ref(),
                true,
            );
        }
        self.ids.take()
    }
}

/// Puts focus back on the field the reader was in, after the app drew its own page.
pub fn refocus(id: Option<String>) {
    let Some(el) = id
        .filter(|id| !id.is_empty())
        .and_then(|id| document().get_element_by_id(&id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = el.focus();
}

/// Gives each captured field its value back and tells the app, as the reader's own
/// typing would, so the app's state holds every word; `since` are fields typed into
/// after the capture, which the app already holds.
pub fn replay(typed: Vec<Typed>, since: &[String]) {
    for Typed { id, key, value } in typed {
        if since.contains(&id) {
            continue;
        }
        let Some(field) = document().get_element_by_id(&id) else {
            continue;
        };
        if js_sys::Reflect::set(&field, &key.into(), &value).is_err() {
            continue;
        }
        for kind in ["input", "change"] {
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
                let _ = field.dispatch_event(&event);
            }
        }
    }
}

/// Makes a press of the sending form's button that the page held while it was not yet
/// the app's (`boot-check.js`), now that the app, with what was typed, can send it.
pub fn submit_held_press(root: &web_sys::HtmlElement) {
    let key = wasm_bindgen::JsValue::from_str("__heldSubmit");
    if !js_sys::Reflect::get(&window(), &key).is_ok_and(|held| held.is_truthy()) {
        return;
    }
    let _ = js_sys::Reflect::delete_property(&window(), &key);
    if let Ok(Some(form)) = root.query_selector("form[method=post]") {
        if let Ok(submit) = js_sys::Reflect::get(&form, &"requestSubmit".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            let _ = submit.call0(&form);
        }
    }
}
