//! The timeline page.

use crate::components::page_heading::PageHeading;
use leptos::prelude::*;

/// What the coalition has achieved, and what comes next.
#[component]
pub fn Timeline() -> impl IntoView {
    view! {
        <div class="wrap page">
            <PageHeading title="Timeline" />
            <p>"What the coalition has achieved, and what comes next. This page is being built."</p>
        </div>
    }
}
