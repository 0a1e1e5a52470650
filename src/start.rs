//! Starting the app in the browser. The build drew this page with the app's own views
//! from the content files it names; once those files are here, and are the very ones it
//! was drawn from, the app adopts the page (hydration): the same elements, made live, so
//! nothing is drawn twice. Otherwise (a page a host served for another address, a file
//! that failed or changed since the build) the app draws its own page in its place,
//! which says in words what failed and offers Retry.

mod typing;

use crate::state::{Adopted, BuildDate};
use crate::{source, App};
use leptos::prelude::*;
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

/// What the build wrote into the page's head under `name`.
fn meta(name: &str) -> Option<String> {
    document()
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()?
        .get_attribute("content")
}

/// True when the page is the one the build drew for this address, not one a host
/// serves for many (404.html).
fn drawn_for_here() -> bool {
    let here = window().location().pathname().unwrap_or_default();
    let trim = |path: &str| path.trim_end_matches('/').to_string();
    meta("drawn-for").is_some_and(|drawn| trim(&drawn) == trim(&here))
}

/// Waits for the browser's next task, so instantiating the wasm and drawing the app are
/// two tasks and no single one blocks a slow phone for both.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Starts the app on the page the build wrote into `#app`.
pub fn start() {
    install_panic_hook();
    wasm_bindgen_futures::spawn_local(async {
        next_task().await;
        let Some(root) = document()
            .get_element_by_id("app")
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            let adopted = RwSignal::new(true);
            leptos::mount::mount_to_body(move || {
                provide_context(Adopted(adopted));
                view! { <App /> }
            });
            return;
        };
        let files: Vec<String> = meta("content-files")
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let fingerprint = meta("content-fingerprint").unwrap_or_default();
        let adopt = drawn_for_here() && source::preload(&files, &fingerprint).await;
        let built = meta("build-date").and_then(|d| content::date::PartialDate::parse(&d).ok());
        // What the reader typed meanwhile, read last, for adoption sets every field.
        let typed = typing::capture(&root);
        let adopted = RwSignal::new(!adopt);
        let app = move || {
            provide_context(Adopted(adopted));
            if let Some(day) = built {
                provide_context(BuildDate(day));
            }
            view! { <App /> }
        };
        let focused = document().active_element().map(|el| el.id());
        if adopt {
            leptos::mount::hydrate_from(root.clone(), app).forget();
            adopted.set(true);
        } else {
            root.set_inner_html("");
            leptos::mount::mount_to(root.clone(), app).forget();
            typing::refocus(focused);
        }
        // The app answers from here on: a Send pressed now is its own, not held.
        let _ = root.set_attribute("data-app", "live");
        // What the reader's browser knows (the query, the clock, a kept draft) is applied
        // by the views' own effects; what the reader typed before goes over it, except in a
        // field typed into since, which the app already has.
        let since = typing::watch(&root);
        next_task().await;
        if let Some(html) = document().document_element() {
            let _ = html.remove_attribute("data-filtered");
        }
        typing::replay(typed, &since.stop());
        typing::submit_held_press(&root);
    });
}
