//! Where every published file lives: the one list the build writes to and the app
//! fetches from, so the two can never disagree about an address.

use crate::text::is_slug;

/// The folder every published content file sits under, from the site's root.
pub const CONTENT: &str = "/content/";

/// The site settings.
pub const SITE: &str = "/content/site.json";

/// The timeline of the coalition's progress.
pub const TIMELINE: &str = "/content/timeline.json";

/// The members directory.
pub const MEMBERS: &str = "/content/members.json";

/// Every post's metadata: the search index, fetched only when a reader searches.
pub const POST_INDEX: &str = "/content/posts/index.json";

/// The home page's latest posts.
pub const LATEST_POSTS: &str = "/content/posts/latest.json";

/// One post, whole.
pub fn post(slug: &str) -> String {
    format!("/content/posts/{slug}.json")
}

/// One standalone page (privacy, accessibility, the action page …).
pub fn page(slug: &str) -> String {
    format!("/content/pages/{slug}.json")
}

/// One page of a blog list: every post's, or one category's.
pub fn list_page(category: Option<&str>, page: usize) -> String {
    match category {
        Some(slug) => format!("/content/posts/category/{slug}/{page}.json"),
        None => format!("/content/posts/pages/{page}.json"),
    }
}

/// True for the addresses the app may fetch content from: `/content/` then lower-case
/// words, digits and hyphens, ending `.json`. Anything else from a URL is never requested.
pub fn is_content_url(url: &str) -> bool {
    let Some(path) = url
        .strip_prefix(CONTENT)
        .and_then(|p| p.strip_suffix(".json"))
    else {
        return false;
    };
    path.split('/').all(is_slug)
}

/// One short fingerprint of the content files a page was drawn from, in the order read:
/// the build writes it into the page and the app compares it with what it fetched, so a
/// page is adopted only with the very files it was drawn from (FNV-1a, 64 bits: small in
/// the wasm, and a check against stale files, not a defence against forgery).
pub fn fingerprint<'a>(bodies: impl IntoIterator<Item = &'a str>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for body in bodies {
        // A separator no JSON text holds, so ["ab"] and ["a", "b"] differ.
        for byte in body.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_fingerprint_changes_with_any_file_and_with_where_files_split() {
        let page = super::fingerprint(["{\"a\":1}", "{\"b\":2}"]);
        assert_eq!(page, super::fingerprint(["{\"a\":1}", "{\"b\":2}"]));
        assert_ne!(page, super::fingerprint(["{\"a\":1}", "{\"b\":3}"]));
        assert_ne!(page, super::fingerprint(["{\"b\":2}", "{\"a\":1}"]));
        assert_ne!(
            super::fingerprint(["ab"]),
            super::fingerprint(["a", "b"]),
            "the files' boundaries count"
        );
        assert_eq!(super::fingerprint([]).len(), 16);
    }

    use super::*;

    #[test]
    fn only_content_files_are_fetched() {
        assert!(is_content_url("/content/site.json"));
        assert!(is_content_url("/content/posts/index.json"));
        assert!(is_content_url("/content/posts/1st-anniversary.json"));
        assert!(!is_content_url("/content/posts/../secret.json"));
        assert!(!is_content_url("/content/posts/Bad Slug.json"));
        assert!(!is_content_url("/content/posts/.json"));
        assert!(!is_content_url("/content//x.json"));
        assert!(!is_content_url("https://evil.example/content/site.json"));
        assert!(!is_content_url("/content/site.toml"));
    }

    #[test]
    fn every_address_the_app_fetches_is_one_it_may_fetch() {
        let all = [
            SITE.to_string(),
            TIMELINE.to_string(),
            MEMBERS.to_string(),
            POST_INDEX.to_string(),
            LATEST_POSTS.to_string(),
            post("a-post"),
            page("privacy"),
            list_page(None, 1),
            list_page(Some("news"), 2),
        ];
        for address in &all {
            assert!(is_content_url(address), "{address}");
        }
    }
}
