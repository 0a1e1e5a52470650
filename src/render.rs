//! Build-time rendering: the app's own views turned into each built page's HTML, with
//! the published files handed in as data. Used by `publish`; never in the wasm.

use crate::head::{PageFacts, PageHead};
use crate::source::published::Published;
use crate::state::BuildDate;
use crate::App;
use content::date::PartialDate;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use leptos_router::{PathSegment, RouteList};
use std::path::Path;

/// One page as the app draws it at `path`, and what it read and stated while drawing.
#[derive(Debug)]
pub struct Rendered {
    /// The HTML that goes inside `<div id="app">`: skip link, header, main, footer.
    pub html: String,
    /// The page's title, description and the rest its head needs.
    pub facts: PageFacts,
    /// The content files the view read, in order: what the page preloads.
    pub reads: Vec<String>,
    /// Those files' one fingerprint, as the app computes it from what it fetched.
    pub fingerprint: String,
}

/// Renders the app at `path` from the published files under `root`, as it would look on `today`.
pub fn render(path: &str, root: &Path, today: PartialDate) -> Rendered {
    let owner = Owner::new();
    owner.with(|| {
        let files = Published::new(root);
        let head = PageHead::default();
        provide_context(RequestUrl::new(path));
        provide_context(files.clone());
        provide_context(BuildDate(today));
        provide_context(head.clone());
        // Leptos marks where one text node ends and the next begins, and where a dynamic
        // part sits, with empty comments (`<!>`), which the app needs to adopt the page.
        // `<!---->` is the same empty comment, written as HTML wants it. Text is escaped,
        // so `<!>` is never a reader's words.
        let html = view! { <App /> }.to_html().replace("<!>", "<!---->");
        let facts = head.0.lock().map(|f| f.clone()).unwrap_or_default();
        let reads = files.reads();
        let bodies: Vec<String> = reads
            .iter()
            .filter_map(|url| files.read(url).ok())
            .collect();
        Rendered {
            html,
            facts,
            fingerprint: content::address::fingerprint(bodies.iter().map(String::as_str)),
            reads,
        }
    })
}

/// One part of a route's path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Written as it is, such as `blog`.
    Fixed(String),
    /// Filled in per page, such as `slug` in `/blog/:slug`.
    Param(String),
}

/// Every route in the app's one route table, as path segments.
pub fn routes() -> Vec<Vec<Segment>> {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new("/"));
        RouteList::generate(|| view! { <App /> })
            .map(|list| {
                list.iter()
                    .map(|route| {
                        route
                            .path()
                            .iter()
                            .filter_map(|segment| match segment {
                                PathSegment::Static(s) if !s.is_empty() => {
                                    Some(Segment::Fixed(s.trim_matches('/').to_string()))
                                }
                                PathSegment::Param(p) | PathSegment::OptionalParam(p) => {
                                    Some(Segment::Param(p.to_string()))
                                }
                                PathSegment::Splat(p) => Some(Segment::Param(p.to_string())),
                                _ => None,
                            })
                            .collect()
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}
