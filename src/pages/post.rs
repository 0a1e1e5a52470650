//! One blog post, reached by `/blog/:slug`; it fetches only its own file.

use crate::components::document::{DateTime, Document};
use crate::components::loader::failed;
use crate::components::page_heading::PageHeading;
use crate::components::picture::picture;
use crate::components::post_card::CategoryLink;
use crate::components::skeleton::PostSkeleton;
use crate::source::ContentFile;
use crate::state::{use_site, LastBlogQuery};
use content::address;
use content::post::{post_path, share_links, Post, PostLink};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// Shows a post, "post not found" for an unknown slug, or the error panel.
#[component]
pub fn PostPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    // An address that is not a post's is never requested: it reads as "not found".
    let post = ContentFile::new(Signal::derive(move || address::post(&slug.get())));
    view! {
        <div class="wrap page">
            <BackLink />
            {move || match post.read::<Post>() {
                None => view! { <PostSkeleton /> }.into_any(),
                Some(Ok(post)) => untrack(|| view! { <Article post /> }.into_any()),
                Some(Err(error)) if error.is_not_found() => view! { <PostNotFound /> }.into_any(),
                Some(Err(error)) => failed(error, post),
            }}
        </div>
    }
}

/// Returns to the blog list as the reader left it: filter, search and page kept.
#[component]
fn BackLink() -> impl IntoView {
    let last = expect_context::<LastBlogQuery>();
    view! {
        <p class="back-link">
            <A href=move || last.0.get() exact=true>
                "Back to blog"
            </A>
        </p>
    }
}

/// Says the post does not exist and offers the way back.
#[component]
fn PostNotFound() -> impl IntoView {
    crate::head::state(|facts| facts.not_found = true);
    view! {
        <PageHeading title="Post not found" />
        <p>"There is no post at this address. It may have been renamed or removed."</p>
        <p>
            <A href="/blog" exact=true>"See all posts"</A>
        </p>
    }
}

/// The post itself: title, date, category, author, body, tags, sharing and neighbours.
#[component]
fn Article(post: Post) -> impl IntoView {
    let mut meta = post.meta;
    crate::head::state(|facts| facts.article = Some((meta.date, meta.image.clone())));
    let image = meta.image.take();
    let tags = meta.tags.clone();
    let (slug, title) = (meta.slug.clone(), meta.title.clone());
    view! {
        <article class="post">
            <header class="post-header">
                <PageHeading title=meta.title.clone() description=meta.summary.clone() />
                <p class="post-meta">
                    <DateTime date=meta.date />
                    {meta
                        .updated
                        .map(|updated| view! { " (updated " <DateTime date=updated /> ")" })}
                    " · Posted in " <CategoryLink slug=meta.category.clone() /> " · " {meta.author.clone()}
                    " · " {format!("{} min read", meta.reading_minutes)}
                </p>
                {image.map(|image| picture(image, crate::head::COLUMN_PICTURE_SIZES, "eager"))}
            </header>
            {meta
                .in_short
                .clone()
                .map(|text| {
                    view! {
                        <aside class="in-short" aria-labelledby="in-short-heading">
                            <h2 id="in-short-heading">"In short"</h2>
                            <p>{text}</p>
                        </aside>
                    }
                })}
            {meta
                .bsl_video
                .clone()
                .filter(|url| content::link::classify(url) == Some(content::link::LinkKind::External))
                .map(|url| {
                    view! {
                        <p class="bsl">
                            <a href=url rel="noopener noreferrer">
                                "Watch this post in British Sign Language (BSL)"
                            </a>
                        </p>
                    }
                })}
            <div class="prose">
                <Document blocks=post.body />
            </div>
            <footer class="post-footer">
                {(!tags.is_empty())
                    .then(|| {
                        view! {
                            <h2 class="small-heading">"Tags"</h2>
                            <ul class="tags">
                                {tags.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                            </ul>
                        }
                    })}
                <Share slug title />
                <Neighbours older=post.older newer=post.newer />
            </footer>
        </article>
    }
}

/// Plain share links built from the site's base URL; no third-party scripts.
#[component]
fn Share(slug: String, title: String) -> impl IntoView {
    let site = use_site();
    move || {
        site.get().map(|site| {
            view! {
                <h2 class="small-heading">"Share this post"</h2>
                <ul class="share">
                    {share_links(&site.base_url, &slug, &title)
                        .into_iter()
                        .map(|(name, href)| {
                            view! {
                                <li>
                                    <a href=href rel="noopener noreferrer">
                                        {name}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })
    }
}

/// Links to the older and newer posts, which the post's own file names.
#[component]
fn Neighbours(older: Option<PostLink>, newer: Option<PostLink>) -> impl IntoView {
    let link = |label: &'static str, rel: &'static str, post: Option<PostLink>| {
        post.map(|p| {
            view! {
                <li>
                    <span class="small">{label}</span>
                    <a href=post_path(&p.slug) rel=rel>
                        {p.title}
                    </a>
                </li>
            }
        })
    };
    (older.is_some() || newer.is_some()).then(|| {
        view! {
            <nav class="post-nav" aria-label="More posts">
                <ul>{link("Older post", "prev", older)} {link("Newer post", "next", newer)}</ul>
            </nav>
        }
    })
}
