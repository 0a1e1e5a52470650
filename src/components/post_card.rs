//! A post's summary as the blog index and the home page list it.

use crate::components::document::DateTime;
use crate::state::use_site;
use content::blog::BlogQuery;
use content::post::{post_path, PostMeta};
use leptos::prelude::*;
use leptos_router::components::A;

/// Title link, date, category, reading time and summary; `level` keeps the heading order right where it is used.
#[component]
pub fn PostCard(
    /// The post to summarise.
    post: PostMeta,
    /// The heading level of the title: 2 on the blog, 3 under a section heading.
    #[prop(default = 2)]
    level: u8,
) -> impl IntoView {
    let site = use_site();
    let category_slug = post.category.clone();
    let category = move || {
        site.get()
            .and_then(|s| s.category(&category_slug).map(|c| c.name.clone()))
            .unwrap_or_else(|| category_slug.clone())
    };
    let category_href = format!(
        "/blog{}",
        BlogQuery::default()
            .with_category(Some(&post.category))
            .to_query_string()
    );
    let title = view! { <A href=post_path(&post.slug)>{post.title}</A> };
    let heading = if level <= 2 {
        view! { <h2>{title}</h2> }.into_any()
    } else {
        view! { <h3>{title}</h3> }.into_any()
    };
    view! {
        <article class="post-card">
            {heading}
            <p class="post-meta">
                <DateTime date=post.date />
                " · "
                <a href=category_href>{category}</a>
                " · "
                {format!("{} min read", post.reading_minutes)}
            </p>
            <p>{post.summary}</p>
        </article>
    }
}
