//! The members page.

use crate::components::page_heading::PageHeading;
use leptos::prelude::*;

/// The organisations that make up the coalition.
#[component]
pub fn Members() -> impl IntoView {
    view! {
        <div class="wrap page">
            <PageHeading title="Members" />
            <p>"The organisations that make up the coalition. This page is being built."</p>
        </div>
    }
}
