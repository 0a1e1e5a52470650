//! The blog index: newest first, with category filter, search and pages, all in the URL.
//! Category and page are in the path, so every list page is also a built page.

use crate::components::loader::loaded;
use crate::components::page_heading::PageHeading;
use crate::components::post_card::PostCard;
use crate::components::skeleton::ListSkeleton;
use crate::source::ContentFile;
use crate::state::{use_site, LastBlogQuery};
use content::blog::{BlogQuery, Listing};
use content::post::PostMeta;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

/// Lists posts; filter, search and page live in the URL so any view can be shared.
#[component]
pub fn BlogIndex() -> impl IntoView {
    let path = use_params_map();
    let search = crate::state::use_query_map();
    let query = Memo::new(move |_| {
        let (p, s) = (path.read(), search.read());
        BlogQuery::from_params(p.get("category"), s.get("q"), p.get("page"))
    });
    // This list's own page, or every post's metadata only when the reader searches.
    let list = ContentFile::new(Signal::derive(move || query.get().source()));
    let last = expect_context::<LastBlogQuery>();
    Effect::new(move || last.0.set(query.get().href()));
    crate::head::state(|facts| facts.filters = BlogQuery::KEYS);
    let site = use_site();
    let description = Signal::derive(move || {
        site.get()
            .map(|s| format!("News and updates from {}.", s.name))
    });

    view! {
        <div class="wrap page">
            <PageHeading title="Blog" description />
            <SearchForm query />
            {loaded(
                list,
                || view! { <ListSkeleton rows=3 /> }.into_any(),
                move |list: Listing| view! { <PostList list query /> },
            )}
            <p>
                <a href="/feed.xml" rel="external">
                    "Follow the blog with a feed reader"
                </a>
                " (Atom), or as "
                <a href="/feed.json" rel="external">
                    "JSON Feed"
                </a>
                "."
            </p>
        </div>
    }
}

/// A search box that puts the words in the URL, keeping the chosen category;
/// without the app it still submits as an ordinary GET form.
#[component]
fn SearchForm(query: Memo<BlogQuery>) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let words = input.get().map(|i| i.value()).unwrap_or_default();
        let next = BlogQuery {
            q: words.trim().to_string(),
            page: 1,
            ..query.get_untracked()
        };
        navigate(&next.href(), Default::default());
    };
    // Without the app the form still submits, to this list's first page.
    let action = move || {
        BlogQuery {
            q: String::new(),
            page: 1,
            ..query.get()
        }
        .href()
    };
    view! {
        <form
            action=action
            method="get"
            class="search-form"
            role="search"
            data-query-view=""
            on:submit=submit
        >
            <label for="blog-search">"Search posts"</label>
            <div class="search-row">
                <input
                    id="blog-search"
                    type="search"
                    name="q"
                    node_ref=input
                    prop:value=move || query.get().q
                />
                <button type="submit" class="button">
                    "Search"
                </button>
            </div>
        </form>
    }
}

/// The category links, the matching posts and the page links.
#[component]
fn PostList(list: Listing, query: Memo<BlogQuery>) -> impl IntoView {
    let list = StoredValue::new(list);
    let page = Memo::new(move |_| {
        list.with_value(|list| {
            let query = query.get();
            if !query.answers(list) {
                // The last list, still at hand while this query's file loads.
                return (Vec::new(), 0, 1, 1, true);
            }
            let result = query.show(list);
            (
                result.posts.into_iter().cloned().collect::<Vec<PostMeta>>(),
                result.total,
                result.page,
                result.pages,
                false,
            )
        })
    });
    view! {
        <Categories query />
        <Summary
            query
            total=Signal::derive(move || page.get().1)
            searching=Signal::derive(move || page.get().4)
        />
        <ol class="post-list" data-query-view="">
            <For each=move || page.get().0 key=|post| post.slug.clone() let:post>
                <li>
                    <PostCard post />
                </li>
            </For>
        </ol>
        <Pagination query page=Signal::derive(move || page.get().2) pages=Signal::derive(move || page.get().3) />
    }
}

/// Links to each category, with the current one marked.
#[component]
fn Categories(query: Memo<BlogQuery>) -> impl IntoView {
    let site = use_site();
    let link = move |slug: Option<String>, name: String| {
        let current = {
            let slug = slug.clone();
            move || (query.get().category == slug).then_some("true")
        };
        let href = move || query.get().with_category(slug.as_deref()).href();
        view! {
            <li>
                <a href=href aria-current=current>
                    {name}
                </a>
            </li>
        }
    };
    move || {
        site.get().map(|site| {
            view! {
                <nav class="filters" aria-label="Categories" data-query-view="">
                    <ul>
                        {link(None, "All posts".into())}
                        {site
                            .categories
                            .into_iter()
                            .map(|c| link(Some(c.slug), c.name))
                            .collect_view()}
                    </ul>
                </nav>
            }
        })
    }
}

/// Says how many posts match, or helps when none do.
#[component]
fn Summary(query: Memo<BlogQuery>, total: Signal<usize>, searching: Signal<bool>) -> impl IntoView {
    let site = use_site();
    let described = move || {
        let q = query.get();
        let mut parts = Vec::new();
        if !q.q.is_empty() {
            parts.push(format!("“{}”", q.q));
        }
        if let Some(slug) = &q.category {
            let name = site
                .get()
                .and_then(|s| s.category(slug).map(|c| c.name.clone()))
                .unwrap_or_else(|| slug.clone());
            parts.push(format!("in {name}"));
        }
        parts.join(" ")
    };
    view! {
        <div class="results-summary" role="status" data-query-view="">
            {move || {
                let n = total.get();
                let filtered = !query.get().is_unfiltered();
                if searching.get() {
                    return view! { <p>"Searching for " {described} "…"</p> }.into_any();
                }
                match (n, filtered) {
                    (0, true) => {
                        view! {
                            <p class="empty">
                                "No posts match " {described} ". "
                                <A href="/blog" exact=true>"Clear filters"</A>
                                " to see every post."
                            </p>
                        }
                            .into_any()
                    }
                    (0, false) => view! { <p class="empty">"There are no posts yet."</p> }.into_any(),
                    (n, true) => {
                        view! {
                            <p>
                                {format!("{n} {} ", if n == 1 { "post matches" } else { "posts match" })}
                                {described} ". " <A href="/blog" exact=true>"Clear filters"</A>
                            </p>
                        }
                            .into_any()
                    }
                    (n, false) => {
                        view! { <p>{format!("{n} {}", if n == 1 { "post" } else { "posts" })}</p> }
                            .into_any()
                    }
                }
            }}
        </div>
    }
}

/// Previous and next page links, shown only when there is more than one page.
#[component]
fn Pagination(query: Memo<BlogQuery>, page: Signal<usize>, pages: Signal<usize>) -> impl IntoView {
    move || {
        let (page, pages) = (page.get(), pages.get());
        (pages > 1).then(|| {
            let q = query.get();
            view! {
                <nav class="pagination" aria-label="Pages">
                    {(page > 1)
                        .then(|| {
                            view! {
                                <a href=q.with_page(page - 1).href() rel="prev">
                                    "Previous page"
                                </a>
                            }
                        })}
                    <span>{format!("Page {page} of {pages}")}</span>
                    {(page < pages)
                        .then(|| {
                            view! {
                                <a href=q.with_page(page + 1).href() rel="next">
                                    "Next page"
                                </a>
                            }
                        })}
                </nav>
            }
        })
    }
}
