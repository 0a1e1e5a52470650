//! Blog posts as the build publishes them: an index of metadata and one file a post.

use crate::date::PartialDate;
use crate::doc::Block;
use crate::json::{within, Fields};
use crate::link::{classify, LinkKind};
use crate::picture::PostImage;
use serde::{Deserialize, Serialize};

/// The longest summary accepted, so index entries and link previews stay short.
pub const SUMMARY_MAX_CHARS: usize = 280;

/// The longest title accepted: a headline, never a paragraph, so it fits a share card,
/// a browser tab and a feed reader's list.
pub const TITLE_MAX_CHARS: usize = 200;

/// Why a title is refused, if it is: empty, or longer than [`TITLE_MAX_CHARS`].
pub fn title_problem(title: &str) -> Option<String> {
    let length = title.chars().count();
    if title.trim().is_empty() {
        Some("must not be empty".into())
    } else if length > TITLE_MAX_CHARS {
        Some(format!(
            "is {length} characters; keep a title to {TITLE_MAX_CHARS}, and put the rest in the summary or the text"
        ))
    } else {
        None
    }
}

/// The action page's slug, written once for the constants below.
macro_rules! action_page {
    () => {
        "write-to-your-mp"
    };
}

/// The "write to your MP" page: the coalition's ask and the UK-wide talking points.
pub const ACTION_PAGE: &str = action_page!();

/// The standalone pages the app expects as `content/pages/<slug>.md`. The action page's
/// nation pages hold talking points for a devolved nation; left without a body, the
/// UK-wide points on the action page stand for them.
pub const PAGES: &[&str] = &[
    "privacy",
    "accessibility",
    "join-thanks",
    action_page!(),
    concat!(action_page!(), "-scotland"),
    concat!(action_page!(), "-wales"),
    concat!(action_page!(), "-northern-ireland"),
];

/// The page of talking points for one nation (its key, as `northern_ireland`).
pub fn action_page_for(nation_key: &str) -> String {
    format!("{ACTION_PAGE}-{}", nation_key.replace('_', "-"))
}

/// A standalone page such as the privacy notice: `content/pages/<slug>.json`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Page {
    /// The URL-safe name: the page lives at `/<slug>`.
    pub slug: String,
    /// The heading and document title.
    pub title: String,
    /// A sentence for the meta description.
    pub summary: String,
    /// When it last changed, if stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<PartialDate>,
    /// The body as a document tree.
    pub body: Vec<Block>,
}

impl Page {
    /// Reads a published page, naming the first field that is missing or of the wrong type.
    pub fn from_json(value: &serde_json::Value) -> Result<Self, String> {
        let page = Fields::of(value)?;
        Ok(Page {
            slug: page.needed("slug")?,
            title: page.needed("title")?,
            summary: page.needed("summary")?,
            updated: page.date("updated")?,
            body: page.needed_list("body", Block::from_json)?,
        })
    }
}

/// A post's metadata: all the blog index needs, without the body.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PostMeta {
    /// The URL-safe name: the post lives at `/blog/<slug>`.
    pub slug: String,
    /// The headline.
    pub title: String,
    /// When it was first published, to the day.
    pub date: PartialDate,
    /// When it was last changed, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<PartialDate>,
    /// The slug of one of the site's categories.
    pub category: String,
    /// Free keywords that search also matches.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Who wrote it, or a label such as "Update from RCSLT".
    pub author: String,
    /// A sentence or two for the index and link previews.
    pub summary: String,
    /// An optional lead image; the alt text is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<PostImage>,
    /// Estimated minutes to read, computed at build time.
    pub reading_minutes: u32,
    /// An optional plain-English summary shown first, headed "In short".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_short: Option<String>,
    /// An optional https link to a British Sign Language version of the post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bsl_video: Option<String>,
}

impl PostMeta {
    /// Reads the metadata from JSON by hand (see [`crate::json`]; a test reads back
    /// what the derived writer wrote, so the two cannot drift).
    pub fn from_json(value: &serde_json::Value) -> Result<Self, String> {
        let post = Fields::of(value)?;
        Ok(PostMeta {
            slug: post.needed("slug")?,
            title: post.needed("title")?,
            date: post.needed_date("date")?,
            updated: post.date("updated")?,
            category: post.needed("category")?,
            tags: post.list("tags", |t| {
                t.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| "must be text".to_string())
            })?,
            author: post.needed("author")?,
            summary: post.needed("summary")?,
            image: post
                .object("image", PostImage::from_fields)?
                // The link policy again, since the JSON may come from elsewhere.
                .filter(|i| {
                    matches!(
                        classify(&i.src),
                        Some(LinkKind::Internal | LinkKind::External)
                    )
                }),
            reading_minutes: post.number("reading_minutes")?,
            in_short: post.text("in_short")?,
            bsl_video: post.text("bsl_video")?,
        })
    }
}

/// One published post: `content/posts/<slug>.json`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Post {
    /// The same metadata as in the index.
    pub meta: PostMeta,
    /// The body as a document tree.
    pub body: Vec<Block>,
    /// The next older post, so a post page needs no index to link to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub older: Option<PostLink>,
    /// The next newer post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newer: Option<PostLink>,
}

/// Another post, as a link to it names it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostLink {
    /// Its slug.
    pub slug: String,
    /// Its title.
    pub title: String,
}

/// One page of a blog list (every post, or one category's), newest first: what the
/// list's built page and the app read, so a page's cost never grows with the archive.
/// Published as `content/posts/pages/<n>.json` and `content/posts/category/<slug>/<n>.json`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ListPage {
    /// The posts on this page.
    pub posts: Vec<PostMeta>,
    /// How many posts the whole list has.
    pub total: usize,
    /// This page, counting from 1.
    pub page: usize,
    /// How many pages the list has (at least 1).
    pub pages: usize,
}

crate::json::read_by_hand!(Page, PostMeta, Post, ListPage, PostIndex);

impl Post {
    /// Reads a published post by hand (see [`crate::json`]).
    pub fn from_json(value: &serde_json::Value) -> Result<Self, String> {
        let post = Fields::of(value)?;
        let link = |key: &str| {
            post.object(key, |link| {
                Ok(PostLink {
                    slug: link.needed("slug")?,
                    title: link.needed("title")?,
                })
            })
        };
        Ok(Post {
            meta: post
                .get("meta")
                .ok_or_else(|| "`meta` is missing".to_string())
                .and_then(|m| PostMeta::from_json(m).map_err(|e| within("meta", e)))?,
            body: post.needed_list("body", Block::from_json)?,
            older: link("older")?,
            newer: link("newer")?,
        })
    }
}

impl ListPage {
    /// Reads one page of a blog list by hand.
    pub fn from_json(value: &serde_json::Value) -> Result<Self, String> {
        let list = Fields::of(value)?;
        Ok(ListPage {
            posts: list.needed_list("posts", PostMeta::from_json)?,
            total: list.number("total")? as usize,
            page: list.number("page")? as usize,
            pages: list.number("pages")? as usize,
        })
    }
}

impl PostIndex {
    /// Reads the index (or the latest posts) by hand.
    pub fn from_json(value: &serde_json::Value) -> Result<Self, String> {
        Ok(PostIndex {
            posts: Fields::of(value)?.needed_list("posts", PostMeta::from_json)?,
        })
    }
}

/// Posts on the home page's "Latest news", published as `content/posts/latest.json`.
pub const LATEST_COUNT: usize = 3;

/// The blog index: `content/posts/index.json`, newest first.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PostIndex {
    /// Every post's metadata, newest first.
    pub posts: Vec<PostMeta>,
}

/// Newest first, ties by title: the one order of every list of posts.
fn newest_first(a: &PostMeta, b: &PostMeta) -> std::cmp::Ordering {
    b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title))
}

/// Puts posts newest first and has each name the posts either side, so a post's page
/// reads its own file and never the index.
pub fn order_and_link(posts: &mut [Post]) {
    posts.sort_by(|a, b| newest_first(&a.meta, &b.meta));
    let links: Vec<PostLink> = posts
        .iter()
        .map(|p| PostLink {
            slug: p.meta.slug.clone(),
            title: p.meta.title.clone(),
        })
        .collect();
    for (i, post) in posts.iter_mut().enumerate() {
        post.older = links.get(i + 1).cloned();
        post.newer = i.checked_sub(1).and_then(|j| links.get(j)).cloned();
    }
}

impl PostIndex {
    /// Builds the index from posts in any order: newest first, ties by title.
    pub fn from_posts<'a>(posts: impl IntoIterator<Item = &'a Post>) -> Self {
        let mut metas: Vec<PostMeta> = posts.into_iter().map(|p| p.meta.clone()).collect();
        metas.sort_by(newest_first);
        Self { posts: metas }
    }
}

/// Where a post lives on the site.
pub fn post_path(slug: &str) -> String {
    format!("/blog/{slug}")
}

/// Plain share links (no third-party scripts): (network name, address).
pub fn share_links(base_url: &str, slug: &str, title: &str) -> Vec<(&'static str, String)> {
    use crate::text::encode;
    let url = format!("{}{}", base_url.trim_end_matches('/'), post_path(slug));
    let (u, t) = (encode(&url), encode(title));
    vec![
        ("Email", format!("mailto:?subject={t}&body={u}")),
        (
            "Bluesky",
            format!("https://bsky.app/intent/compose?text={t}%20{u}"),
        ),
        (
            "X (Twitter)",
            format!("https://twitter.com/intent/tweet?url={u}&text={t}"),
        ),
        (
            "Facebook",
            format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        ),
        (
            "LinkedIn",
            format!("https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        ),
        ("WhatsApp", format!("https://wa.me/?text={t}%20{u}")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::picture::Renditions;
    use crate::samples::post_meta as meta;
    use crate::text::is_slug;

    #[test]
    fn metadata_reads_back_as_written_by_every_field() {
        let mut full = meta("a-post", "2023-11-02");
        full.updated = PartialDate::parse("2023-12").ok();
        full.tags = vec!["a".into(), "b".into()];
        full.image = Some(PostImage {
            src: "/i.png".into(),
            alt: "A picture".into(),
            renditions: Some(Renditions {
                width: 1600,
                height: 900,
                webp: "/p/a-800.webp 800w, /p/a-1600.webp 1600w".into(),
            }),
        });
        full.in_short = Some("Short.".into());
        full.bsl_video = Some("https://video.example/1".into());
        for written in [meta("b-post", "2024-01-05"), full] {
            crate::json::check::reads_back(&written);
        }
        let broken =
            serde_json::from_str::<PostMeta>(r#"{"slug":"a","title":"t","date":"2023-13-01"}"#);
        assert!(broken.is_err(), "a bad date is refused, not defaulted");
        let missing = serde_json::from_str::<PostMeta>(r#"{"slug":"a"}"#)
            .err()
            .map(|e| e.to_string());
        assert_eq!(missing.as_deref(), Some("`title` is missing"));
    }

    #[test]
    fn a_post_file_reads_back_whole_with_every_kind_of_block_and_text() {
        use crate::doc::{Block, Inline};
        let words = || vec![Inline::text("words")];
        let post = Post {
            meta: meta("a-post", "2023-11-02"),
            body: vec![
                Block::Heading {
                    level: 2,
                    content: words(),
                },
                Block::Paragraph {
                    content: vec![
                        Inline::Emphasis { content: words() },
                        Inline::Strong { content: words() },
                        Inline::Link {
                            href: "/blog".into(),
                            content: words(),
                        },
                        Inline::Code { text: "x".into() },
                        Inline::Image(PostImage {
                            src: "/pictures/a-800.jpg".into(),
                            alt: "A picture".into(),
                            renditions: Some(Renditions {
                                width: 1200,
                                height: 800,
                                webp: "/pictures/a-400.webp 400w, /pictures/a-1200.webp 1200w"
                                    .into(),
                            }),
                        }),
                        Inline::Break,
                    ],
                },
                Block::List {
                    ordered: true,
                    start: Some(3),
                    items: vec![vec![Block::Rule], vec![]],
                },
                Block::Quote {
                    content: vec![Block::Code {
                        language: Some("rust".into()),
                        text: "fn main() {}".into(),
                    }],
                },
            ],
            older: Some(PostLink {
                slug: "older".into(),
                title: "Older".into(),
            }),
            newer: None,
        };
        let json = crate::json::check::reads_back(&post);
        let spoilt = json.replacen("\"level\":2", "\"level\":\"2\"", 1);
        assert_eq!(
            crate::json::check::refusal::<Post>(&spoilt).as_deref(),
            Some("`body[0].level` must be a whole number")
        );
    }

    #[test]
    fn a_page_reads_back_whole_and_names_a_missing_field() {
        let page = Page {
            slug: "privacy".into(),
            title: "Privacy notice".into(),
            summary: "How we use what you tell us.".into(),
            updated: PartialDate::parse("2024-05").ok(),
            body: vec![Block::Rule],
        };
        let json = crate::json::check::reads_back(&page);
        assert_eq!(
            crate::json::check::refusal::<Page>(&json.replacen("\"title\"", "\"heading\"", 1))
                .as_deref(),
            Some("`title` is missing")
        );
    }

    #[test]
    fn a_picture_address_the_link_policy_refuses_is_dropped_when_read() {
        let mut written = meta("a-post", "2023-11-02");
        written.image = Some(PostImage {
            src: "javascript:alert(1)".into(),
            alt: "A picture".into(),
            renditions: None,
        });
        let json = serde_json::to_value(&written).unwrap_or_default();
        let read = PostMeta::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read.image, None);
    }

    #[test]
    fn index_is_newest_first_with_neighbours() {
        let mut posts: Vec<Post> = [
            ("b", "2023-03-02"),
            ("a", "2022-11-02"),
            ("c", "2023-11-02"),
        ]
        .iter()
        .map(|(s, d)| Post {
            meta: meta(s, d),
            body: vec![],
            older: None,
            newer: None,
        })
        .collect();
        let index = PostIndex::from_posts(&posts);
        let order: Vec<&str> = index.posts.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(order, ["c", "b", "a"]);
        order_and_link(&mut posts);
        let linked: Vec<&str> = posts.iter().map(|p| p.meta.slug.as_str()).collect();
        assert_eq!(linked, ["c", "b", "a"], "the same order as the index");
        let (older, newer) = (&posts[1].older, &posts[1].newer);
        assert_eq!(older.as_ref().map(|p| p.slug.as_str()), Some("a"));
        assert_eq!(newer.as_ref().map(|p| p.slug.as_str()), Some("c"));
        assert_eq!(posts[0].newer, None);
    }

    #[test]
    fn share_links_are_plain_encoded_urls() {
        let links = share_links("https://example.org/", "a-post", "SEND & AP");
        assert_eq!(
            links[0].1,
            "mailto:?subject=SEND%20%26%20AP&body=https%3A%2F%2Fexample.org%2Fblog%2Fa-post"
        );
        assert!(
            links.iter().all(|(_, href)| classify(href).is_some()),
            "{links:?}"
        );
        assert!(links
            .iter()
            .skip(1)
            .all(|(_, href)| href.starts_with("https://")));
    }

    #[test]
    fn every_devolved_nation_has_its_page_of_talking_points() {
        use crate::members::Nation;
        for nation in [Nation::Scotland, Nation::Wales, Nation::NorthernIreland] {
            let slug = action_page_for(nation.key());
            assert!(PAGES.contains(&slug.as_str()), "{slug}");
            assert!(is_slug(&slug), "{slug}");
        }
    }
}
