//! The page for any address the site does not have.

use crate::components::page_heading::PageHeading;
use leptos::prelude::*;
use leptos_router::components::A;

/// Tells the reader plainly that the page is missing and offers the way home.
#[component]
pub fn NotFound() -> impl IntoView {
    crate::head::state(|facts| facts.not_found = true);
    view! {
        <div class="wrap page">
            <PageHeading title="Page not found" />
            <p>"There is no page at this address. If you typed it, check it is spelled correctly."</p>
            <p>
                <A href="/">"Go to the home page"</A>
            </p>
        </div>
    }
}
