//! The #SENDInTheSpecialists site: `App` and the one route table. The same views
//! start in the browser by adopting those pages (`start`, the `hydrate` feature) and are rendered into every
//! built page (`render`, the `ssr` feature). Pages own their data; components take props.

// Rendering the views to HTML at build time nests deeply typed futures.
#![recursion_limit = "256"]

#[cfg(all(feature = "hydrate", feature = "ssr"))]
compile_error!(
    "the `hydrate` (browser) and `ssr` (build-time render) features exclude each other: \
     build the render with `--no-default-features --features ssr`"
);

// The built pages and the app must have one shape for the app to adopt a page, and
// an erased view ends with a marker a typed one lacks: every build erases components.
#[cfg(not(erase_components))]
compile_error!(
    "build with `--cfg erase_components`, as .cargo/config.toml sets it: a RUSTFLAGS \
     of your own replaces that setting; add `--cfg erase_components` to it"
);

mod browser;
mod components;
pub mod head;
mod outbox;
mod pages;
mod prefs;
#[cfg(feature = "ssr")]
pub mod render;
mod source;
mod state;
#[cfg(all(test, feature = "ssr"))]
mod tests;

use components::layout::Shell;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::{
    act::WriteToYourMp, blog::BlogIndex, content_page::ContentPage, home::Home, join::Join,
    members::Members, not_found::NotFound, post::PostPage, timeline::Timeline,
};

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
                    <Route path=path!("/blog/page/:page") view=BlogIndex />
                    <Route path=path!("/blog/category/:category") view=BlogIndex />
                    <Route path=path!("/blog/category/:category/page/:page") view=BlogIndex />
                    <Route path=path!("/blog/:slug") view=PostPage />
                    <Route path=path!("/timeline") view=Timeline />
                    <Route path=path!("/members") view=Members />
                    <Route path=path!("/join") view=Join />
                    <Route path=path!("/write-to-your-mp") view=WriteToYourMp />
                    // Where a form service returns a reader who sent the built form without the app.
                    <Route
                        path=path!("/join/thanks")
                        view=|| view! { <ContentPage slug="join-thanks" /> }
                    />
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

#[cfg(not(feature = "ssr"))]
mod start;
#[cfg(not(feature = "ssr"))]
pub use start::start;
