//! The security and caching headers every host should send, as a `_headers`
//! file and, for hosts that cannot set headers, as a CSP meta tag.

use crate::address::{CARDS_PATH, MEDIA_PATH, PUBLISHED_PATH};
use base64::Engine;
use content::site::Signup;
use sha2::{Digest, Sha256};

/// The `'sha256-…'` source of every inline script in the built page, so the
/// policy allows Trunk's start-up script and nothing else inline.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            let body = &after[body_start..body_start + close];
            let digest = Sha256::digest(body.as_bytes());
            hashes.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &after[body_start + close..];
    }
    hashes
}

/// True for the wasm, JS and CSS Trunk names by their content hash (`app-<hash>.js`,
/// `app-<hash>_bg.wasm`), which can be cached for a year. The hash is a 64-bit number
/// in hex without leading zeros, so 12 to 16 digits.
pub fn is_content_hashed(name: &str) -> bool {
    let Some((stem, _)) = [".js", ".wasm", ".css"]
        .iter()
        .find_map(|ext| name.strip_suffix(ext).map(|stem| (stem, ext)))
    else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// The origin (scheme, host and port) of an https address, when it has a sound one.
pub fn origin(url: &str) -> Option<String> {
    editorial::rules::https_origin(url).ok()
}

/// The Content Security Policy: scripts only from this site and the hashed start-up script,
/// connections only to this site, the form service and the services the action page
/// asks about a postcode, and forms sent only to this site (the return to the thank-you
/// page), a service that takes plain form posts, and WriteToThem.
pub fn content_security_policy(
    script_hashes: &[String],
    signup: &Signup,
    for_meta: bool,
) -> String {
    let service_origin = signup.endpoint.as_deref().and_then(origin);
    let with_service = |allowed: bool| match (&service_origin, allowed) {
        (Some(origin), true) => format!("'self' {origin}"),
        _ => "'self'".to_string(),
    };
    let connect = format!("{} {}", with_service(true), act::lookup::SERVICES.join(" "));
    let write_to_them = origin(act::handoff::WRITE_TO_THEM).unwrap_or_default();
    let form_action = format!(
        "{} {write_to_them}",
        with_service(signup.service.takes_form_posts())
    );
    let mut directives = vec![
        "default-src 'self'".to_string(),
        format!(
            "script-src 'self' {} 'wasm-unsafe-eval'",
            script_hashes.join(" ")
        ),
        "style-src 'self'".to_string(),
        "img-src 'self' https: data:".to_string(),
        "font-src 'self'".to_string(),
        format!("connect-src {connect}"),
        format!("form-action {form_action}"),
        "object-src 'none'".to_string(),
        "base-uri 'none'".to_string(),
    ];
    if !for_meta {
        // Not allowed in a meta tag: only a header can forbid framing.
        directives.push("frame-ancestors 'none'".to_string());
    }
    directives.join("; ")
}

/// The `_headers` file as Cloudflare Pages reads it: security headers for every
/// path, a year's cache for content-hashed files, revalidation for the rest, and
/// for `/admin/` the content manager's own policy instead of the site's (`!`
/// detaches the header the rule for every path set, so exactly one policy applies),
/// and for uploaded pictures a policy that runs nothing, whatever a file holds.
pub fn headers_file(csp: &str, hashed_files: &[String], admin_csp: &str) -> String {
    let mut out = format!(
        "/*\n  Content-Security-Policy: {csp}\n  Strict-Transport-Security: max-age=63072000; includeSubDomains\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()\n  X-Frame-Options: DENY\n\n/content/*\n  Cache-Control: no-cache\n\n/admin/*\n  ! Content-Security-Policy\n  Content-Security-Policy: {admin_csp}\n  X-Robots-Tag: noindex\n  Cache-Control: no-cache\n\n{MEDIA_PATH}/*\n  ! Content-Security-Policy\n  Content-Security-Policy: default-src 'none'; sandbox\n"
    );
    // What the build made of the pictures and the share cards: named by their
    // content's hash, so a year's cache is safe, and served under the same policy.
    for made in [PUBLISHED_PATH, CARDS_PATH] {
        out.push_str(&format!(
            "\n{made}/*\n  ! Content-Security-Policy\n  Content-Security-Policy: default-src 'none'; sandbox\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
    }
    for file in hashed_files {
        out.push_str(&format!(
            "\n/{file}\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_found_whatever_the_length_of_their_hash() {
        for name in [
            "send-site-24784da6752b28d_bg.wasm",
            "send-site-24784da6752b28d.js",
            "main-fa7af5e6d471bdb.css",
            "main-0123456789abcdef.css",
        ] {
            assert!(is_content_hashed(name), "{name} should count as hashed");
        }
        for name in [
            "prefs.js",
            "boot-check.js",
            "favicon.svg",
            "send-site-xyz.js",
        ] {
            assert!(!is_content_hashed(name), "{name} is not hashed");
        }
    }

    #[test]
    fn hashes_only_inline_scripts() {
        let html = "<script type=\"module\">import init from '/a.js';</script><script src=\"/b.js\"></script>";
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 1);
        // sha256 of the exact script body, base64.
        let expected = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(b"import init from '/a.js';"));
        assert_eq!(hashes[0], format!("'sha256-{expected}'"));
    }

    use content::service::Service;

    fn signup(service: Service, endpoint: Option<&str>) -> Signup {
        Signup {
            service,
            endpoint: endpoint.map(str::to_string),
            access_key: None,
            privacy_notice_version: "v".into(),
            support_max_chars: 1000,
        }
    }

    #[test]
    fn policy_is_strict() {
        let formspree = signup(Service::Formspree, Some("https://formspree.io/f/xyz"));
        let csp = content_security_policy(&["'sha256-abc'".into()], &formspree, false);
        assert!(csp.contains("script-src 'self' 'sha256-abc' 'wasm-unsafe-eval'"));
        assert!(csp.contains("connect-src 'self' https://formspree.io https://api.postcodes.io https://members-api.parliament.uk;"));
        assert!(
            csp.contains("form-action 'self' https://formspree.io https://www.writetothem.com;"),
            "{csp}"
        );
        let json = signup(Service::Json, Some("https://forms.example.org/f"));
        let csp = content_security_policy(&[], &json, false);
        assert!(
            csp.contains("connect-src 'self' https://forms.example.org https://api.postcodes.io")
                && csp.contains("form-action 'self' https://www.writetothem.com;"),
            "a JSON-only service is never a form's target, WriteToThem always is: {csp}"
        );
        let netlify = signup(Service::Netlify, Some("/"));
        assert!(content_security_policy(&[], &netlify, false)
            .contains("form-action 'self' https://www.writetothem.com;"));
        assert!(
            csp.contains("object-src 'none'")
                && csp.contains("base-uri 'none'")
                && csp.contains("frame-ancestors 'none'")
        );
        assert!(!csp.contains("unsafe-inline"));
        assert!(
            !content_security_policy(&[], &signup(Service::Json, None), true)
                .contains("frame-ancestors")
        );
        assert_eq!(
            origin("https://forms.example.test:8443/f/1?x"),
            Some("https://forms.example.test:8443".into())
        );
        assert_eq!(origin("http://insecure.example"), None);
    }
}
