//! Placeholders the size of the content they stand for, so nothing jumps when it arrives.

use leptos::prelude::*;

/// Stands in for a list of post summaries while the index loads.
#[component]
pub fn ListSkeleton(
    /// How many entries to draw.
    rows: usize,
) -> impl IntoView {
    view! {
        <div class="skeleton-list" aria-hidden="true">
            {(0..rows)
                .map(|_| {
                    view! {
                        <div class="card-skeleton">
                            <div class="skeleton-line title-line"></div>
                            <div class="skeleton-line short"></div>
                            <div class="skeleton-line"></div>
                            <div class="skeleton-line"></div>
                        </div>
                    }
                })
                .collect_view()}
        </div>
        <p class="visually-hidden">"Loading…"</p>
    }
}

/// Stands in for a post while it loads.
#[component]
pub fn PostSkeleton() -> impl IntoView {
    view! {
        <div class="post-skeleton" aria-hidden="true">
            <div class="skeleton-line heading-line"></div>
            <div class="skeleton-line short"></div>
            {(0..8).map(|_| view! { <div class="skeleton-line"></div> }).collect_view()}
        </div>
        <p class="visually-hidden">"Loading…"</p>
    }
}
