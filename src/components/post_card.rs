//! A post's summary as the blog index and the home page list it.

use crate::components::document::DateTime;
use crate::components::picture::picture;
use crate::state::use_site;
use content::blog::BlogQuery;
use content::post::{post_path, PostMeta};
use leptos::prelude::*;
use leptos_router::components::A;

/// A post's category by name, linking to the blog filtered to it.
#[component]
pub fn CategoryLink(
    /// The category's slug.
    slug: String,
) -> impl IntoView {
    let site = use_site();
    let href = BlogQuery::default().with_category(Some(&slug)).href();
    let name = move || {
        site.get()
            .and_then(|s| s.category(&slug).map(|c| c.name.clone()))
            .unwrap_or_else(|| slug.clone())
    };
    view! { <a href=href>{name}</a> }
}

/// How wide a card's picture shows: the stylesheet's `.post-card picture img`.
const CARD_SIZES: &str = "8rem";

/// Title link, date, category, reading time and summary; `level` keeps the heading order right where it is used.
#[component]
pub fn PostCard(
    /// The post to summarise.
    post: PostMeta,
    /// The heading level of the title: 2 on the blog, 3 under a section heading.
    #[prop(default = 2)]
    level: u8,
) -> impl IntoView {
    let title = view! { <A href=post_path(&post.slug)>{post.title}</A> };
    let heading = if level <= 2 {
        view! { <h2>{title}</h2> }.into_any()
    } else {
        view! { <h3>{title}</h3> }.into_any()
    };
    view! {
        <article class="post-card">
            {heading}
            {post.image.map(|image| picture(image, CARD_SIZES, "lazy"))}
            <p class="post-meta">
                <DateTime date=post.date />
                " · "
                <CategoryLink slug=post.category />
                " · "
                {format!("{} min read", post.reading_minutes)}
            </p>
            <p>{post.summary}</p>
        </article>
    }
}
