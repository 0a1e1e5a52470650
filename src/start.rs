//! Starting the app in the browser beside the static page the build wrote, and
//! taking over from it once the app's own page has its content.

use crate::ready;
use crate::App;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Shows the page's own "something went wrong" message, so a bug never leaves a frozen page.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(message) = document().get_element_by_id("app-crashed") {
            let _ = message.remove_attribute("hidden");
        }
    }));
}

/// How long the app waits for its content before taking over anyway.
const MAX_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Swaps the build's static page for the app once the app's page has its content,
/// so the reader never sees the page empty out and fill again.
fn take_over(static_root: web_sys::Element, live: web_sys::HtmlElement) {
    carry_typing(&static_root, &live);
    // Keep the reader's place: the element they were on, found in the app by its id,
    // or else at the same place in the page (the skip link, a menu link).
    let focused = document()
        .active_element()
        .filter(|el| static_root.contains(Some(el)));
    let same_place = focused.as_ref().and_then(|el| {
        let path = path_from(&static_root, el)?;
        follow(&live, &path).filter(|found| found.tag_name() == el.tag_name())
    });
    let focused_id = focused.map(|el| el.id()).filter(|id| !id.is_empty());
    // The app's lists are filtered now: stop holding them back (see prefs.js).
    if let Some(html) = document().document_element() {
        let _ = html.remove_attribute("data-filtered");
    }
    live.set_id("app");
    let _ = live.set_attribute("data-app", "live");
    let _ = static_root.replace_with_with_node_1(&live);
    let target = focused_id
        .and_then(|id| document().get_element_by_id(&id))
        .or(same_place)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = target {
        let _ = el.focus();
    }
    submit_held_press(&live);
}

/// Makes a press of the sending form's button that `boot-check.js` held while the built
/// page was showing, now that the app (with what was typed carried over) can send it.
fn submit_held_press(live: &web_sys::HtmlElement) {
    let window = window();
    let key = wasm_bindgen::JsValue::from_str("__heldSubmit");
    if !js_sys::Reflect::get(&window, &key).is_ok_and(|held| held.is_truthy()) {
        return;
    }
    let _ = js_sys::Reflect::delete_property(&window, &key);
    if let Ok(Some(form)) = live.query_selector("form[method=post]") {
        if let Ok(submit) = js_sys::Reflect::get(&form, &"requestSubmit".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            let _ = submit.call0(&form);
        }
    }
}

/// Where `el` sits under `root`, as child positions from the top, so the same
/// place can be found in the app's copy of the page.
fn path_from(root: &web_sys::Element, el: &web_sys::Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut node = el.clone();
    while !node.is_same_node(Some(root)) {
        let parent = node.parent_element()?;
        let siblings = parent.children();
        let index = (0..siblings.length()).find(|&i| {
            siblings
                .item(i)
                .is_some_and(|c| c.is_same_node(Some(&node)))
        })?;
        path.push(index);
        node = parent;
    }
    path.reverse();
    Some(path)
}

/// The element at `path` under `root`, if the page has one there.
fn follow(root: &web_sys::Element, path: &[u32]) -> Option<web_sys::Element> {
    path.iter()
        .try_fold(root.clone(), |el, &i| el.children().item(i))
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

/// Copies what the reader typed or chose on the built page into the app's field with the
/// same id, so nothing done before the app took over is lost. Only fields the reader
/// changed are carried (the app may have filled the rest from the URL or a saved draft),
/// and a choice only when made: a change event for a radio left unchosen would act on
/// the reader's behalf.
fn carry_typing(static_root: &web_sys::Element, live: &web_sys::HtmlElement) {
    let Ok(fields) = static_root.query_selector_all("input[id], select[id], textarea[id]") else {
        return;
    };
    for i in 0..fields.length() {
        let Some(field) = fields
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let kind = field.get_attribute("type");
        let choice = matches!(kind.as_deref(), Some("radio" | "checkbox"));
        if !touched(&field, choice) {
            continue;
        }
        let Ok(Some(target)) = live.query_selector(&format!("#{}", field.id())) else {
            continue;
        };
        let key = if choice { "checked" } else { "value" };
        let Some(ours) = read(&field, key) else {
            continue;
        };
        let unchosen_radio = kind.as_deref() == Some("radio") && !ours.is_truthy();
        if unchosen_radio
            || read(&target, key).as_ref() == Some(&ours)
            || js_sys::Reflect::set(&target, &key.into(), &ours).is_err()
        {
            continue;
        }
        for kind in ["input", "change"] {
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
                let _ = target.dispatch_event(&event);
            }
        }
    }
}

/// While the static page is showing, the router (listening on the window) would take
/// a click on its skip link and change the address without moving focus; this keeps
/// links to a place on the same page the browser's, which moves focus there.
fn leave_in_page_links_to_the_browser(static_root: &web_sys::Element) {
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        let in_page = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href^='#']").ok().flatten())
            .is_some();
        if in_page {
            ev.stop_propagation();
        }
    });
    let _ = static_root.add_event_listener_with_callback("click", handler.as_ref().unchecked_ref());
    // One small closure per visit; it stops being called once the static page is gone.
    handler.forget();
}

/// Takes over when every file the page asked for has been read and, a frame later, it
/// still needs no other (a view may ask for one as it draws what it read): so what the
/// page read is drawn before the swap. [`MAX_WAIT`] bounds the wait.
fn when_ready(take_over_once: Rc<dyn Fn()>) {
    ready::then(Box::new(move || {
        request_animation_frame(move || {
            if ready::is_ready() {
                take_over_once();
            } else {
                when_ready(take_over_once);
            }
        })
    }));
}

/// Starts the app beside the static page the build wrote into `#app`, and takes over when ready.
pub fn start() {
    install_panic_hook();
    // Instantiating the wasm is one task; drawing the app is the next, after a yield,
    // so no single task blocks a slow phone for the two together.
    let mount = Closure::once_into_js(mount_beside_static_page);
    if window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(mount.unchecked_ref(), 0)
        .is_err()
    {
        mount_beside_static_page();
    }
}

/// Draws the app off-screen beside the static page, then takes over when it is ready.
fn mount_beside_static_page() {
    let live = document()
        .create_element("div")
        .ok()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match (document().get_element_by_id("app"), live) {
        (Some(static_root), Some(live)) => {
            leave_in_page_links_to_the_browser(&static_root);
            leptos::mount::mount_to(live.clone(), App).forget();
            let waiting = Rc::new(Cell::new(Some((static_root, live))));
            let take_over_once: Rc<dyn Fn()> = Rc::new(move || {
                if let Some((static_root, live)) = waiting.take() {
                    take_over(static_root, live);
                }
            });
            when_ready(take_over_once.clone());
            set_timeout(move || take_over_once(), MAX_WAIT);
        }
        _ => leptos::mount::mount_to_body(App),
    }
}
