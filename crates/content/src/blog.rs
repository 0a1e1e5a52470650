//! The blog index's filter, search and pages, kept in the URL so every view can be shared.

use crate::address;
use crate::json::Fields;
use crate::post::{ListPage, PostIndex, PostMeta};
use crate::text::encode;

/// What the file a blog view reads holds: one published page of a list, or the search
/// index (every post, no page numbers) that a search reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Listing {
    /// A page of a list as the build cut it.
    Page(ListPage),
    /// Every post, to search.
    Index(PostIndex),
}

crate::json::read_by_hand!(Listing);

impl Listing {
    /// A list page has its page numbers; the search index has none.
    pub fn from_json(value: &serde_json::Value) -> Result<Self, String> {
        if Fields::of(value)?.get("pages").is_some() {
            ListPage::from_json(value).map(Listing::Page)
        } else {
            PostIndex::from_json(value).map(Listing::Index)
        }
    }
}

/// Posts shown on one page of the blog index.
pub const PAGE_SIZE: usize = 10;

/// What a reader has asked the blog index to show, as read from and written to `?category=&q=&page=`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BlogQuery {
    /// A category slug, or none for every category.
    pub category: Option<String>,
    /// Words to find in titles, summaries and tags.
    pub q: String,
    /// The page, counting from 1.
    pub page: usize,
}

/// One page of matching posts, with what the page needs to say about the rest.
#[derive(Debug, PartialEq, Eq)]
pub struct BlogPage<'a> {
    /// The posts on this page.
    pub posts: Vec<&'a PostMeta>,
    /// How many posts match in all.
    pub total: usize,
    /// This page, clamped to the pages that exist.
    pub page: usize,
    /// How many pages there are (at least 1).
    pub pages: usize,
}

fn matches_words(post: &PostMeta, words: &[String]) -> bool {
    let haystack = crate::text::fold_case(&format!(
        "{} {} {}",
        post.title,
        post.summary,
        post.tags.join(" ")
    ));
    words.iter().all(|w| haystack.contains(w.as_str()))
}

impl BlogQuery {
    /// The URL parameters that filter the list: the search words, and the category and
    /// page of old links (`/blog?category=policy`), which the app sends to the list's own
    /// page. The build names them so a filtered link waits for the app.
    pub const KEYS: &'static [&'static str] = &["category", "q", "page"];

    /// Reads the query from URL parameters; anything unparseable falls back to the default.
    pub fn from_params(category: Option<String>, q: Option<String>, page: Option<String>) -> Self {
        Self {
            category: category.filter(|c| !c.trim().is_empty()),
            q: q.map(|q| q.trim().to_string()).unwrap_or_default(),
            page: page
                .and_then(|p| p.trim().parse::<usize>().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
        }
    }

    /// True when no filter or search narrows the list.
    pub fn is_unfiltered(&self) -> bool {
        self.category.is_none() && self.q.is_empty()
    }

    /// This query with a different page.
    pub fn with_page(&self, page: usize) -> Self {
        Self {
            page,
            ..self.clone()
        }
    }

    /// This query with a different category, back on page 1.
    pub fn with_category(&self, category: Option<&str>) -> Self {
        Self {
            category: category.map(str::to_string),
            page: 1,
            ..self.clone()
        }
    }

    /// The address of the blog index showing this query. Category and page are in the
    /// path (`/blog/category/policy/page/2`), each a page the build writes, so they read
    /// without JavaScript; the search words, which only the app answers, are in `?q=`.
    pub fn href(&self) -> String {
        let mut href = String::from("/blog");
        if let Some(category) = &self.category {
            href.push_str(&format!("/category/{}", encode(category)));
        }
        if self.page > 1 {
            href.push_str(&format!("/page/{}", self.page));
        }
        if !self.q.is_empty() {
            href.push_str(&format!("?q={}", encode(&self.q)));
        }
        href
    }

    /// How many pages the list this query filters to has, before any search.
    pub fn pages_in(category: Option<&str>, posts: &[PostMeta]) -> usize {
        BlogQuery {
            category: category.map(str::to_string),
            ..Default::default()
        }
        .apply(posts)
        .pages
    }

    /// The file that answers this query: its list page as published, or the search index
    /// when there are words to find, so a page's cost never grows with the archive.
    pub fn source(&self) -> String {
        if self.q.is_empty() {
            address::list_page(self.category.as_deref(), self.page.max(1))
        } else {
            address::POST_INDEX.to_string()
        }
    }

    /// True when `listing` is the file this query reads (the search index for a search,
    /// a list page otherwise): while the next file loads the last one is still at hand,
    /// and must not be shown as this query's answer.
    pub fn answers(&self, listing: &Listing) -> bool {
        matches!(
            (self.q.is_empty(), listing),
            (true, Listing::Page(_)) | (false, Listing::Index(_))
        )
    }

    /// What to show from the file [`Self::source`] named: a published page as it is, or
    /// the search index (every post, no page numbers) searched and cut to this page.
    pub fn show<'a>(&self, listing: &'a Listing) -> BlogPage<'a> {
        match listing {
            Listing::Index(index) => self.apply(&index.posts),
            Listing::Page(list) => BlogPage {
                posts: list.posts.iter().collect(),
                total: list.total,
                page: list.page,
                pages: list.pages,
            },
        }
    }

    /// The matching posts, in the order given, cut to this query's page.
    pub fn apply<'a>(&self, posts: &'a [PostMeta]) -> BlogPage<'a> {
        let words: Vec<String> = crate::text::fold_case(&self.q)
            .split_whitespace()
            .map(String::from)
            .collect();
        let matching: Vec<&PostMeta> = posts
            .iter()
            .filter(|p| self.category.as_deref().is_none_or(|c| p.category == c))
            .filter(|p| matches_words(p, &words))
            .collect();
        let total = matching.len();
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        let page = self.page.clamp(1, pages);
        let posts = matching
            .into_iter()
            .skip((page - 1) * PAGE_SIZE)
            .take(PAGE_SIZE)
            .collect();
        BlogPage {
            posts,
            total,
            page,
            pages,
        }
    }
}

/// The parameter names in a `?…` query string, in order.
#[cfg(test)]
pub(crate) fn keys_in(query: &str) -> Vec<&str> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split('=').next())
        .filter(|key| !key.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_search_is_answered_by_the_index_only_and_a_list_by_its_page_only() {
        let page = Listing::Page(Default::default());
        let index = Listing::Index(Default::default());
        let list = BlogQuery::from_params(None, None, None);
        let search = BlogQuery::from_params(None, Some("therapists".to_string()), None);
        assert!(list.answers(&page));
        assert!(!list.answers(&index));
        assert!(search.answers(&index));
        assert!(
            !search.answers(&page),
            "the list page still at hand while the index loads is not the search's answer"
        );
    }

    use super::*;
    use crate::date::PartialDate;

    fn post(i: usize, category: &str, title: &str, tags: &[&str]) -> PostMeta {
        PostMeta {
            slug: format!("post-{i}"),
            title: title.into(),
            date: PartialDate::day(2023, 1, (i % 28 + 1) as u8).unwrap_or_else(|e| panic!("{e}")),
            updated: None,
            category: category.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            author: "RCSLT".into(),
            summary: format!("Summary {i}"),
            image: None,
            reading_minutes: 1,
            in_short: None,
            bsl_video: None,
        }
    }

    #[test]
    fn reads_params_forgivingly() {
        let q = BlogQuery::from_params(
            Some("news".into()),
            Some("  plan ".into()),
            Some("x".into()),
        );
        assert_eq!(
            q,
            BlogQuery {
                category: Some("news".into()),
                q: "plan".into(),
                page: 1
            }
        );
        let q = BlogQuery::from_params(Some("".into()), None, Some("0".into()));
        assert_eq!(
            q,
            BlogQuery {
                category: None,
                q: String::new(),
                page: 1
            }
        );
    }

    #[test]
    fn keys_name_every_parameter_a_link_to_the_list_can_carry() {
        // Search words, and the category and page of links from before lists had paths.
        for key in ["q", "category", "page"] {
            assert!(BlogQuery::KEYS.contains(&key), "KEYS should name {key}");
        }
    }

    #[test]
    fn category_and_page_live_in_the_path_and_words_in_the_query() {
        let q = BlogQuery {
            category: Some("news".into()),
            q: "SEND & AP".into(),
            page: 2,
        };
        assert_eq!(q.href(), "/blog/category/news/page/2?q=SEND%20%26%20AP");
        assert_eq!(BlogQuery::default().href(), "/blog");
        assert_eq!(BlogQuery::default().with_page(3).href(), "/blog/page/3");
        assert_eq!(
            q.with_category(None).href(),
            "/blog?q=SEND%20%26%20AP",
            "a new category starts again at page 1"
        );
    }

    #[test]
    fn a_list_has_as_many_pages_as_its_posts_fill() {
        let mut posts: Vec<PostMeta> = (0..21).map(|i| post(i, "news", "N", &[])).collect();
        posts.push(post(40, "policy", "P", &[]));
        assert_eq!(BlogQuery::pages_in(None, &posts), 3);
        assert_eq!(BlogQuery::pages_in(Some("news"), &posts), 3);
        assert_eq!(BlogQuery::pages_in(Some("policy"), &posts), 1);
        assert_eq!(
            BlogQuery::pages_in(Some("empty"), &posts),
            1,
            "an empty category still has its page"
        );
    }

    #[test]
    fn a_list_reads_its_own_page_and_only_a_search_reads_every_post() {
        let plain = BlogQuery::from_params(Some("policy".into()), None, Some("2".into()));
        assert_eq!(plain.source(), "/content/posts/category/policy/2.json");
        assert_eq!(BlogQuery::default().source(), "/content/posts/pages/1.json");
        let search = BlogQuery {
            q: "plan".into(),
            ..plain
        };
        assert_eq!(search.source(), address::POST_INDEX);
        let published = Listing::Page(ListPage {
            posts: vec![post(1, "news", "One", &[])],
            total: 11,
            page: 2,
            pages: 2,
        });
        let shown = BlogQuery::default().show(&published);
        assert_eq!(
            (shown.posts.len(), shown.total, shown.page, shown.pages),
            (1, 11, 2, 2)
        );
        // The search index has every post and no page numbers: searched here.
        let index = Listing::Index(PostIndex {
            posts: (0..12)
                .map(|i| post(i, "news", &format!("Plan {i}"), &[]))
                .collect(),
        });
        let found = BlogQuery {
            q: "plan".into(),
            ..Default::default()
        }
        .show(&index);
        assert_eq!((found.posts.len(), found.total, found.pages), (10, 12, 2));
    }

    #[test]
    fn a_list_page_and_the_search_index_read_back_as_what_they_are() {
        let page = ListPage {
            posts: vec![post(1, "news", "One", &[])],
            total: 11,
            page: 2,
            pages: 2,
        };
        let json = crate::json::check::reads_back(&page);
        let read: Result<Listing, _> = serde_json::from_str(&json);
        assert_eq!(read.ok(), Some(Listing::Page(page)));
        let index = PostIndex {
            posts: vec![post(2, "policy", "Two", &["plan"])],
        };
        let json = crate::json::check::reads_back(&index);
        let read: Result<Listing, _> = serde_json::from_str(&json);
        assert_eq!(read.ok(), Some(Listing::Index(index)));
        assert_eq!(
            crate::json::check::refusal::<Listing>(
                r#"{"posts":[],"total":1,"page":1,"pages":"2"}"#
            )
            .as_deref(),
            Some("`pages` must be a whole number")
        );
    }

    #[test]
    fn filters_searches_and_pages() {
        let mut posts: Vec<PostMeta> = (0..23)
            .map(|i| post(i, "news", &format!("News {i}"), &[]))
            .collect();
        posts.push(post(
            30,
            "campaign",
            "Improvement Plan response",
            &["parliament"],
        ));
        let all = BlogQuery::default().apply(&posts);
        assert_eq!((all.total, all.pages, all.posts.len()), (24, 3, 10));
        let last = BlogQuery::default().with_page(3).apply(&posts);
        assert_eq!(last.posts.len(), 4);
        let beyond = BlogQuery::default().with_page(9).apply(&posts);
        assert_eq!(beyond.page, 3, "a page past the end shows the last page");
        let campaign = BlogQuery::default()
            .with_category(Some("campaign"))
            .apply(&posts);
        assert_eq!(campaign.total, 1);
        let by_tag = BlogQuery {
            q: "PARLIAMENT".into(),
            ..Default::default()
        }
        .apply(&posts);
        assert_eq!(
            by_tag.posts.first().map(|p| p.slug.as_str()),
            Some("post-30")
        );
        let both_words = BlogQuery {
            q: "plan improvement".into(),
            ..Default::default()
        }
        .apply(&posts);
        assert_eq!(both_words.total, 1);
        let none = BlogQuery {
            q: "zebra".into(),
            ..Default::default()
        }
        .apply(&posts);
        assert_eq!((none.total, none.pages, none.posts.len()), (0, 1, 0));
    }
}
