//! The join page.

use crate::components::page_heading::PageHeading;
use leptos::prelude::*;

/// How an organisation can join the coalition.
#[component]
pub fn Join() -> impl IntoView {
    view! {
        <div class="wrap page">
            <PageHeading title="Join the coalition" />
            <p>"How an organisation can join the coalition. This page is being built."</p>
        </div>
    }
}
