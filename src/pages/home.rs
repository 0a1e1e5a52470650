//! The home page.

use crate::components::page_heading::PageHeading;
use leptos::prelude::*;

/// What the coalition asks for and how it is going.
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <div class="wrap page">
            <PageHeading title="#SENDInTheSpecialists" />
            <p>"What the coalition asks for and how it is going. This page is being built."</p>
        </div>
    }
}
