//! A standalone page written by editors, such as the privacy notice.

use crate::components::document::{DateTime, Document};
use crate::components::loader::loaded;
use crate::components::page_heading::PageHeading;
use crate::components::skeleton::PostSkeleton;
use crate::source::ContentFile;
use content::post::Page;
use leptos::prelude::*;

/// Fetches `content/pages/<slug>.json` and shows it, or the error panel.
#[component]
pub fn ContentPage(
    /// Which page: its file name and route.
    slug: &'static str,
) -> impl IntoView {
    view! { <div class="wrap page">{editors_page(slug)}</div> }
}

/// An editors' page's heading, date and text, as every page that shows one draws it.
pub fn editors_page(slug: &str) -> impl IntoView {
    let page = ContentFile::new(Signal::stored(content::address::page(slug)));
    loaded(
        page,
        || view! { <PostSkeleton /> }.into_any(),
        |page: Page| {
            view! {
                <PageHeading title=page.title.clone() description=page.summary.clone() />
                {page
                    .updated
                    .map(|d| view! { <p class="post-meta">"Last updated " <DateTime date=d /></p> })}
                <div class="prose">
                    <Document blocks=page.body />
                </div>
            }
        },
    )
}
