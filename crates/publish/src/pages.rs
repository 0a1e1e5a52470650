//! The pages the build writes: one for every route in the app's route table, each
//! parameter filled from the content, and each the app's own view rendered at build
//! time, set into Trunk's `index.html` with the head tags link previews need.

use content::blog::BlogQuery;
use content::date::PartialDate;
use content::post::PostMeta;
use content::site::SiteConfig;
use editorial::html::escape;
use send_site::head::PageFacts;
use send_site::render::{render, routes, Segment};
use std::path::Path;

pub use crate::address::NOT_FOUND_PATH;

/// One page the build writes, as the app's views drew it.
pub struct BuiltPage {
    /// The route, such as `/blog/first-anniversary`.
    pub path: String,
    /// The title, description and the rest the page's view stated for its head.
    pub facts: PageFacts,
    /// The content files the view read, preloaded beside the wasm.
    pub reads: Vec<String>,
    /// Those files' one fingerprint, which the app checks before it adopts the page.
    pub fingerprint: String,
    /// The HTML inside `<div id="app">`.
    pub html: String,
}

/// What the route table's parameters are filled from: the site's categories and every
/// post's metadata (the published index is enough; no post body is needed).
#[derive(Clone, Copy)]
pub struct Filled<'a> {
    /// The site settings, for the categories.
    pub site: &'a SiteConfig,
    /// Every post's metadata.
    pub posts: &'a [PostMeta],
}

/// The values a route parameter takes, given the ones already chosen to its left.
fn values(p: Filled, param: &str, chosen: &[(String, String)]) -> Result<Vec<String>, String> {
    match param {
        "slug" => Ok(p.posts.iter().map(|post| post.slug.clone()).collect()),
        "category" => Ok(p.site.categories.iter().map(|c| c.slug.clone()).collect()),
        // Page 1 of a list is the list's own address.
        "page" => {
            let category = chosen
                .iter()
                .find(|(name, _)| name == "category")
                .map(|(_, value)| value.as_str());
            Ok((2..=BlogQuery::pages_in(category, p.posts))
                .map(|n| n.to_string())
                .collect())
        }
        other => Err(format!(
            "the app has a route with a parameter `:{other}` that the build cannot fill; teach `publish::pages::values` what it takes"
        )),
    }
}

/// The app's routes without parameters (`/`, `/timeline`), from its one route table:
/// what an internal link may name besides a post.
pub fn fixed_routes() -> Vec<String> {
    routes()
        .into_iter()
        .filter_map(|route| {
            let mut path = String::new();
            for segment in route {
                match segment {
                    Segment::Fixed(text) => path.push_str(&format!("/{text}")),
                    Segment::Param(_) => return None,
                }
            }
            Some(if path.is_empty() {
                "/".to_string()
            } else {
                path
            })
        })
        .collect()
}

/// Every address the build writes a page for: each route in the app's route table,
/// with its parameters filled from the content.
pub fn paths(p: Filled) -> Result<Vec<String>, String> {
    let mut paths = Vec::new();
    for route in routes() {
        let mut partial: Vec<(String, Vec<(String, String)>)> = vec![(String::new(), Vec::new())];
        for segment in &route {
            let mut next = Vec::new();
            for (path, chosen) in partial {
                match segment {
                    Segment::Fixed(text) => next.push((format!("{path}/{text}"), chosen)),
                    Segment::Param(name) => {
                        for value in values(p, name, &chosen)? {
                            let mut chosen = chosen.clone();
                            chosen.push((name.clone(), value.clone()));
                            next.push((format!("{path}/{value}"), chosen));
                        }
                    }
                }
            }
            partial = next;
        }
        paths.extend(partial.into_iter().map(|(path, _)| {
            if path.is_empty() {
                "/".to_string()
            } else {
                path
            }
        }));
    }
    if paths.is_empty() {
        return Err("the app's route table lists no routes".into());
    }
    Ok(paths)
}

/// Renders every page from the files published under `out`, as on the day `built`;
/// a page that renders "not found" or an error panel is a build error, never a page.
pub fn render_all(
    p: Filled,
    out: &Path,
    built: PartialDate,
) -> Result<Vec<BuiltPage>, Vec<String>> {
    let mut pages = Vec::new();
    let mut problems = Vec::new();
    let paths = paths(p).map_err(|e| vec![e])?;
    for path in paths.iter().map(String::as_str).chain([NOT_FOUND_PATH]) {
        let rendered = render(path, out, built);
        let facts = rendered.facts;
        if path != NOT_FOUND_PATH && facts.not_found {
            problems.push(format!("the page at {path} shows \"not found\""));
        }
        if path == NOT_FOUND_PATH && !facts.not_found {
            problems.push(format!(
                "{NOT_FOUND_PATH} matched a route; the 404 page needs an address no route has"
            ));
        }
        problems.extend(
            facts
                .errors
                .iter()
                .map(|e| format!("the page at {path} cannot show its content: {e}")),
        );
        pages.push(BuiltPage {
            path: path.to_string(),
            facts,
            reads: rendered.reads,
            fingerprint: rendered.fingerprint,
            html: rendered.html,
        });
    }
    if problems.is_empty() {
        Ok(pages)
    } else {
        Err(problems)
    }
}

/// The picture a link preview shows for a page, as the head tags name it.
pub struct ShareImage {
    /// The site path of the picture.
    pub src: String,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// The words that stand in for it.
    pub alt: String,
    /// Its media type.
    pub mime: &'static str,
}

fn head_tags(
    site: &SiteConfig,
    page: &BuiltPage,
    built: PartialDate,
    share: &ShareImage,
) -> String {
    let facts = &page.facts;
    let base = site.base_url.trim_end_matches('/');
    let url = format!("{base}{}", if page.path == "/" { "/" } else { &page.path });
    let title = escape(&site.page_title(&facts.title));
    let description = escape(facts.description.as_deref().unwrap_or(&site.description));
    let mut tags = vec![
        format!("<link rel=\"canonical\" href=\"{}\">", escape(&url)),
        format!("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{} blog (Atom)\" href=\"{}/feed.xml\">", escape(&site.name), escape(base)),
        format!("<link rel=\"alternate\" type=\"application/feed+json\" title=\"{} blog (JSON Feed)\" href=\"{}/feed.json\">", escape(&site.name), escape(base)),
        format!("<meta property=\"og:site_name\" content=\"{}\">", escape(&site.name)),
        format!("<meta property=\"og:title\" content=\"{}\">", escape(if facts.title.is_empty() { &site.name } else { &facts.title })),
        format!("<meta property=\"og:description\" content=\"{description}\">"),
        format!("<meta property=\"og:url\" content=\"{}\">", escape(&url)),
        "<meta property=\"og:locale\" content=\"en_GB\">".to_string(),
        format!("<meta property=\"og:type\" content=\"{}\">", if facts.article.is_some() { "article" } else { "website" }),
        format!("<meta name=\"twitter:title\" content=\"{title}\">"),
        format!("<meta name=\"twitter:description\" content=\"{description}\">"),
    ];
    if let Some((date, image)) = &facts.article {
        tags.push(format!(
            "<meta property=\"article:published_time\" content=\"{}T00:00:00Z\">",
            date.iso()
        ));
        // The lead picture, asked for as the head is read and before anything else
        // (its `<img>` loads it at the size the view says, which this repeats).
        if let Some(made) = image.as_ref().and_then(|i| i.renditions.as_ref()) {
            tags.push(format!(
                "<link rel=\"preload\" as=\"image\" type=\"image/webp\" imagesrcset=\"{}\" imagesizes=\"{}\" fetchpriority=\"high\">",
                escape(&made.webp),
                escape(send_site::head::COLUMN_PICTURE_SIZES)
            ));
        }
    }
    let image = escape(&format!("{base}{}", share.src));
    let alt = escape(&share.alt);
    tags.extend([
        format!("<meta property=\"og:image\" content=\"{image}\">"),
        format!(
            "<meta property=\"og:image:type\" content=\"{}\">",
            share.mime
        ),
        format!(
            "<meta property=\"og:image:width\" content=\"{}\">",
            share.width
        ),
        format!(
            "<meta property=\"og:image:height\" content=\"{}\">",
            share.height
        ),
        format!("<meta property=\"og:image:alt\" content=\"{alt}\">"),
        format!("<meta name=\"twitter:image\" content=\"{image}\">"),
        format!("<meta name=\"twitter:image:alt\" content=\"{alt}\">"),
    ]);
    tags.push("<meta name=\"twitter:card\" content=\"summary_large_image\">".to_string());
    if !facts.filters.is_empty() {
        // Read by prefs.js before the first paint: see `PageFacts::filters`.
        tags.push(format!(
            "<meta name=\"page-filters\" content=\"{}\">",
            facts.filters.join(" ")
        ));
    }
    // The day date-dependent labels ("Overdue", "Now") were rendered for.
    tags.push(format!(
        "<meta name=\"build-date\" content=\"{}\">",
        built.iso()
    ));
    // What the app checks before it adopts the page rather than drawing its own: the
    // address the page was drawn for (a host serves 404.html at many), and its files.
    tags.push(format!(
        "<meta name=\"drawn-for\" content=\"{}\"><meta name=\"content-fingerprint\" content=\"{}\">",
        escape(&page.path),
        page.fingerprint
    ));
    if !page.reads.is_empty() {
        // prefs.js starts these downloads as the head is parsed and hands them to the
        // app: one download each in every engine (WebKit never gives `fetch` a file that
        // `<link rel=preload>` fetched, so a preload would be downloaded twice there).
        tags.push(format!(
            "<meta name=\"content-files\" content=\"{}\">",
            page.reads.join(" ")
        ));
    }
    format!(
        "<title>{title}</title><meta name=\"description\" content=\"{description}\">{}",
        tags.join("")
    )
}

/// Fills the built `index.html` with one page's head tags and static content.
pub fn fill(
    template: &str,
    site: &SiteConfig,
    page: &BuiltPage,
    built: PartialDate,
    share: &ShareImage,
) -> Result<String, String> {
    let head_start = template
        .find("<title>")
        .ok_or("index.html has no <title>")?;
    let head_end = template[head_start..]
        .find("<meta name=\"color-scheme\"")
        .map(|i| head_start + i)
        .ok_or("index.html has no color-scheme meta after the title")?;
    let app = "<div id=\"app\"></div>";
    if !template.contains(app) {
        return Err("index.html has no empty <div id=\"app\"></div>".into());
    }
    let mut html = String::with_capacity(template.len() + page.html.len() + 4096);
    html.push_str(&template[..head_start]);
    html.push_str(&head_tags(site, page, built, share));
    html.push('\n');
    html.push_str(&template[head_end..]);
    Ok(html.replacen(app, &format!("<div id=\"app\">{}</div>", page.html), 1))
}
