//! The blog as Atom 1.0 and JSON Feed 1.1, with full content, and the sitemap
//! and robots file, all with absolute URLs from the site's base URL.

use content::post::{post_path, Post};
use editorial::html::{blocks_to_html, escape};
use editorial::library::Library;
use serde::{Deserialize, Serialize};

/// `xml` without any character XML 1.0 forbids (a control character other than a tab or
/// line break, a noncharacter such as U+FFFE): the checks refuse them in the content,
/// and this keeps a feed readable should one ever slip past them.
fn xml_safe(xml: String) -> String {
    if xml.chars().any(content::text::is_invisible) {
        xml.chars()
            .filter(|c| !content::text::is_invisible(*c))
            .collect()
    } else {
        xml
    }
}

fn base(p: &Library) -> &str {
    p.site.base_url.trim_end_matches('/')
}

/// Posts a feed carries: the newest, so a feed stays small however long the archive.
pub const FEED_POSTS: usize = 50;

fn rfc3339(date: &content::date::PartialDate) -> String {
    let (y, m, d) = date.first_day();
    format!("{y:04}-{m:02}-{d:02}T00:00:00Z")
}

fn post_url(p: &Library, post: &Post) -> String {
    format!("{}{}", base(p), post_path(&post.meta.slug))
}

fn updated(post: &Post) -> content::date::PartialDate {
    post.meta.updated.unwrap_or(post.meta.date)
}

/// The Atom 1.0 feed of the newest [`FEED_POSTS`] posts, newest first.
pub fn atom(p: &Library) -> String {
    let base = base(p);
    let newest = p.posts.iter().map(updated).max();
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-GB\">\n<title>{}</title>\n<subtitle>{}</subtitle>\n<id>{home}/</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{home}/blog\"/>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{home}/feed.xml\"/>\n<updated>{}</updated>\n",
        escape(&p.site.name),
        escape(&p.site.tagline),
        newest.map(|d| rfc3339(&d)).unwrap_or_else(|| "1970-01-01T00:00:00Z".into()),
        home = escape(base),
    );
    for post in p.posts.iter().take(FEED_POSTS) {
        let url = post_url(p, post);
        let category = p
            .site
            .category(&post.meta.category)
            .map(|c| c.name.as_str())
            .unwrap_or(&post.meta.category);
        xml.push_str(&format!(
            "<entry>\n<title>{}</title>\n<id>{}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<published>{}</published>\n<updated>{}</updated>\n<author><name>{}</name></author>\n<category term=\"{}\" label=\"{}\"/>\n<summary>{}</summary>\n<content type=\"html\">{}</content>\n</entry>\n",
            escape(&post.meta.title),
            escape(&url),
            escape(&url),
            rfc3339(&post.meta.date),
            rfc3339(&updated(post)),
            escape(&post.meta.author),
            escape(&post.meta.category),
            escape(category),
            escape(&post.meta.summary),
            escape(&blocks_to_html(&post.body, Some(base))),
        ));
    }
    xml.push_str("</feed>\n");
    xml_safe(xml)
}

/// A JSON Feed 1.1 document.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonFeed {
    /// The spec version URL.
    pub version: String,
    /// The feed's title.
    pub title: String,
    /// The blog's address.
    pub home_page_url: String,
    /// This file's address.
    pub feed_url: String,
    /// What the feed is.
    pub description: String,
    /// The language of the content.
    pub language: String,
    /// The posts, newest first.
    pub items: Vec<JsonFeedItem>,
}

/// One post in a JSON Feed.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonFeedItem {
    /// A unique, permanent id: the post's URL.
    pub id: String,
    /// The post's address.
    pub url: String,
    /// The headline.
    pub title: String,
    /// The full body as HTML.
    pub content_html: String,
    /// The summary.
    pub summary: String,
    /// First published, RFC 3339.
    pub date_published: String,
    /// Last changed, RFC 3339.
    pub date_modified: String,
    /// Keywords, with the category first.
    pub tags: Vec<String>,
    /// Who wrote it.
    pub authors: Vec<JsonFeedAuthor>,
}

/// An author in a JSON Feed.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonFeedAuthor {
    /// The author's name or label.
    pub name: String,
}

/// The JSON Feed 1.1 of the newest [`FEED_POSTS`] posts, newest first.
pub fn json_feed(p: &Library) -> JsonFeed {
    let base = base(p);
    JsonFeed {
        version: "https://jsonfeed.org/version/1.1".into(),
        title: p.site.name.clone(),
        home_page_url: format!("{base}/blog"),
        feed_url: format!("{base}/feed.json"),
        description: p.site.tagline.clone(),
        language: "en-GB".into(),
        items: p
            .posts
            .iter()
            .take(FEED_POSTS)
            .map(|post| {
                let url = post_url(p, post);
                let category = p
                    .site
                    .category(&post.meta.category)
                    .map(|c| c.name.clone())
                    .unwrap_or_else(|| post.meta.category.clone());
                JsonFeedItem {
                    id: url.clone(),
                    url,
                    title: post.meta.title.clone(),
                    content_html: blocks_to_html(&post.body, Some(base)),
                    summary: post.meta.summary.clone(),
                    date_published: rfc3339(&post.meta.date),
                    date_modified: rfc3339(&updated(post)),
                    tags: std::iter::once(category)
                        .chain(post.meta.tags.iter().cloned())
                        .collect(),
                    authors: vec![JsonFeedAuthor {
                        name: post.meta.author.clone(),
                    }],
                }
            })
            .collect(),
    }
}

/// Every route and post, for search engines.
pub fn sitemap(p: &Library, paths: &[String]) -> String {
    let base = base(p);
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for path in paths {
        let lastmod = p
            .posts
            .iter()
            .find(|post| post_path(&post.meta.slug) == *path)
            .map(|post| format!("<lastmod>{}</lastmod>", updated(post).iso()))
            .unwrap_or_default();
        xml.push_str(&format!(
            "<url><loc>{}</loc>{lastmod}</url>\n",
            escape(&format!("{base}{path}"))
        ));
    }
    xml.push_str("</urlset>\n");
    xml_safe(xml)
}

/// Lets every crawler in and points at the sitemap.
pub fn robots(p: &Library) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}/sitemap.xml\n",
        base(p)
    )
}
