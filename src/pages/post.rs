//! One blog post.

use crate::components::page_heading::PageHeading;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A post, reached by its slug.
#[component]
pub fn PostPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    view! {
        <div class="wrap page">
            <PageHeading title="Post" />
            <p>{slug}</p>
        </div>
    }
}
