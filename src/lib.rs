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

/// Starts the app inside `#app` (or the body if the page lacks it).
pub fn start() {
    install_panic_hook();
    match document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(root) => leptos::mount::mount_to(root, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
}
