//! The blog page.

use crate::components::page_heading::PageHeading;
use leptos::prelude::*;

/// News and updates from the coalition.
#[component]
pub fn BlogIndex() -> impl IntoView {
    view! {
        <div class="wrap page">
            <PageHeading title="Blog" />
            <p>"News and updates from the coalition. This page is being built."</p>
        </div>
    }
}
