//! The #SENDInTheSpecialists site: `App`, the one route table, and the start-up
//! that mounts it. Pages own their data; components take props.

mod browser;
mod components;
mod fetch;
mod outbox;
mod pages;
mod state;

use components::layout::Shell;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::{
    blog::BlogIndex, content_page::ContentPage, home::Home, join::Join, members::Members,
    not_found::NotFound, post::PostPage, timeline::Timeline,
};
use wasm_bindgen::JsCast;

/// The whole site: shared state, the shell around every page, and the routes.
#[component]
pub fn App() -> impl IntoView {
    state::provide();
    outbox::provide();
    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/blog") view=BlogIndex />
                    <Route path=path!("/blog/:slug") view=PostPage />
                    <Route path=path!("/timeline") view=Timeline />
                    <Route path=path!("/members") view=Members />
                    <Route path=path!("/join") view=Join />
                    <Route
                        path=path!("/privacy")
                        view=|| view! { <ContentPage slug="privacy" /> }
                    />
                    <Route
                        path=path!("/accessibility")
                        view=|| view! { <ContentPage slug="accessibility" /> }
                    />
                </Routes>
            </Shell>
        </Router>
    }
}

/// Shows the page's own "something went wrong" message, so a bug never leaves a frozen page.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(message) = document().get_element_by_id("app-crashed") {
            let _ = message.remove_attribute("hidden");
        }
    }));
}

/// What a page shows while its content is still loading.
const LOADING: &str = ".skeleton, .skeleton-line, .skeleton-list, .post-skeleton, .card-skeleton";

/// Frames to wait for content before showing the app anyway (about ten seconds).
const MAX_WAIT_FRAMES: u32 = 600;

/// Swaps the build's static page for the app once the app's page has its content,
/// so the reader never sees the page empty out and fill again.
fn take_over(static_root: web_sys::Element, live: web_sys::HtmlElement, frames: u32) {
    let found = |selector: &str| live.query_selector(selector).ok().flatten().is_some();
    // Ready when the page has its heading and nothing is still loading, or when it has an error to show.
    let loaded = found(".error-panel") || (found("h1") && !found(LOADING));
    if !loaded && frames < MAX_WAIT_FRAMES {
        request_animation_frame(move || take_over(static_root, live, frames + 1));
        return;
    }
    carry_typing(&static_root, &live);
    // Keep the reader's place: the element they were on, if the app has it too.
    let focused = document()
        .active_element()
        .map(|el| el.id())
        .filter(|id| !id.is_empty());
    live.set_id("app");
    let _ = live.set_attribute("data-app", "live");
    let _ = static_root.replace_with_with_node_1(&live);
    if let Some(id) = focused {
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
}

/// Copies anything typed into the static page's fields into the app's fields
/// with the same id, so nothing typed before the app took over is lost.
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
        let value = js_sys::Reflect::get(&field, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        if value.is_empty() {
            continue;
        }
        let Ok(Some(target)) = live.query_selector(&format!("#{}", field.id())) else {
            continue;
        };
        if js_sys::Reflect::set(&target, &"value".into(), &value.into()).is_ok() {
            for kind in ["input", "change"] {
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
                    let _ = target.dispatch_event(&event);
                }
            }
        }
    }
}

/// Starts the app beside the static page the build wrote into `#app`, and takes over when ready.
pub fn start() {
    install_panic_hook();
    let live = document()
        .create_element("div")
        .ok()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match (document().get_element_by_id("app"), live) {
        (Some(static_root), Some(live)) => {
            leptos::mount::mount_to(live.clone(), App).forget();
            take_over(static_root, live, 0);
        }
        _ => leptos::mount::mount_to_body(App),
    }
}
