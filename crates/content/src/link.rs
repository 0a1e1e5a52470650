//! The one link policy, applied when building and again when rendering, since
//! JSON can come from elsewhere.

/// What kind of target a permitted link has, so views can treat outside links
/// differently from the site's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// An `http:` or `https:` address on another site.
    External,
    /// A `mailto:` address.
    Email,
    /// A `tel:` number.
    Phone,
    /// A path on this site, starting with one `/`.
    Internal,
    /// A fragment on the current page, starting with `#`.
    Fragment,
}

/// Decides whether `href` may become a link, and of which kind; `None` means
/// the text is shown without a link.
pub fn classify(href: &str) -> Option<LinkKind> {
    if href.is_empty() || href.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    if href.starts_with('#') {
        return Some(LinkKind::Fragment);
    }
    if href.starts_with('/') {
        // "//host" and "/\host" leave the site.
        return match href.as_bytes().get(1) {
            Some(b'/') | Some(b'\\') => None,
            _ => Some(LinkKind::Internal),
        };
    }
    let scheme_end = href.find(':')?;
    if href[..scheme_end].contains(['/', '?', '#']) {
        return None;
    }
    let rest = &href[scheme_end + 1..];
    match href[..scheme_end].to_ascii_lowercase().as_str() {
        "http" | "https" if rest.starts_with("//") && rest.len() > 2 => Some(LinkKind::External),
        "mailto" if !rest.is_empty() => Some(LinkKind::Email),
        "tel" if !rest.is_empty() => Some(LinkKind::Phone),
        _ => None,
    }
}

/// The path part of a site-relative link, without query or fragment, for
/// checking that it names a page that exists.
pub fn internal_path(href: &str) -> &str {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    let path = &href[..end];
    if path.len() > 1 {
        path.trim_end_matches('/')
    } else {
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permits_only_safe_schemes() {
        assert_eq!(classify("https://www.rcslt.org/"), Some(LinkKind::External));
        assert_eq!(classify("HTTP://example.org"), Some(LinkKind::External));
        assert_eq!(
            classify("mailto:someone@example.org"),
            Some(LinkKind::Email)
        );
        assert_eq!(classify("tel:+441234567890"), Some(LinkKind::Phone));
        assert_eq!(classify("/blog/a-post"), Some(LinkKind::Internal));
        assert_eq!(classify("#next-steps"), Some(LinkKind::Fragment));
    }

    #[test]
    fn refuses_script_data_and_tricks() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox",
            "//evil.example",
            "/\\evil.example",
            "relative/path",
            "https:",
            "https:evil",
            "file:///etc/passwd",
            "",
            "mailto:",
        ] {
            assert_eq!(classify(bad), None, "{bad:?} must not become a link");
        }
    }

    #[test]
    fn internal_path_drops_query_fragment_and_trailing_slash() {
        assert_eq!(internal_path("/blog/x/?a=1#b"), "/blog/x");
        assert_eq!(internal_path("/"), "/");
        assert_eq!(internal_path("/timeline#launch"), "/timeline");
    }
}
