//! The "Reading preferences" control in the header: text size, spacing, colours,
//! contrast, motion and font, remembered on this device.

use crate::browser::{self, Store};
use crate::prefs::{Choices, PREFERENCES, STORAGE_KEY};
use leptos::prelude::*;

/// What a reader without JavaScript is told in place of the choices.
const NEEDS_SCRIPT: &str = "<p>These choices need JavaScript, which is off. Your browser's own text size, zoom and colour settings still work.</p>";

/// Sets or clears a preference's attribute on `<html>`, where the stylesheet reads it.
fn apply(key: &str, value: &str) {
    if let Some(html) = document().document_element() {
        let name = format!("data-{key}");
        if value == "default" {
            let _ = html.remove_attribute(&name);
        } else {
            let _ = html.set_attribute(&name, value);
        }
    }
}

/// A disclosure in the header that lets each reader set how the site looks; it works by keyboard and is labelled.
#[component]
pub fn ReadingPreferences() -> impl IntoView {
    // The standard choices, as the build drew them; once the page is adopted, what
    // prefs.js applied from storage before the first paint.
    let choices = RwSignal::new(Choices::read(|_| None));
    let adopted = crate::state::use_adopted();
    Effect::new(move || {
        if adopted.get() {
            choices.set(Choices::read(|key| {
                browser::html_attribute(&format!("data-{key}"))
            }));
        }
    });
    let choose = move |key: &'static str, value: &'static str| {
        choices.update(|c| c.set(key, value));
        browser::save(
            Store::Local,
            STORAGE_KEY,
            &choices.get_untracked().to_json(),
        );
        apply(key, value);
    };
    let reset = move |_| {
        for p in PREFERENCES {
            choose(p.key, "default");
        }
    };
    view! {
        <details class="prefs">
            <summary>"Reading preferences"</summary>
            <div class="prefs-panel">
                // As markup, not elements: with scripts on, a browser reads a noscript's
                // content as text, which the app could not adopt as elements.
                <noscript inner_html=NEEDS_SCRIPT></noscript>
                {PREFERENCES
                    .iter()
                    .map(|p| {
                        view! {
                            <fieldset class="prefs-group">
                                <legend>{p.legend}</legend>
                                {p
                                    .options
                                    .iter()
                                    .map(|(value, label)| {
                                        let id = format!("pref-{}-{}", p.key, value);
                                        view! {
                                            <div class="choice">
                                                <input
                                                    class="choice-input"
                                                    type="radio"
                                                    id=id.clone()
                                                    name=format!("pref-{}", p.key)
                                                    prop:checked=move || choices.with(|c| c.get(p.key) == *value)
                                                    on:change=move |_| choose(p.key, value)
                                                />
                                                <label class="choice-label" for=id>
                                                    {*label}
                                                </label>
                                            </div>
                                        }
                                    })
                                    .collect_view()}
                            </fieldset>
                        }
                    })
                    .collect_view()}
                <p>
                    <button type="button" class="button button-secondary" on:click=reset>
                        "Reset to standard"
                    </button>
                </p>
            </div>
        </details>
    }
}
