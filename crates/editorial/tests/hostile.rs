//! Property tests: whatever editors or other producers write, the content step
//! gives a result or a clear error, never a panic or a hang, and its output
//! never carries a script, an event handler or a disallowed link.

use content::doc::{Block, Inline};
use content::link::classify;
use content::post::Post;
use editorial::html::blocks_to_html;
use editorial::markdown::to_document;
use editorial::source::{load_members, load_site, load_timeline, parse_post, TomlText};
use proptest::prelude::*;

fn links_are_safe(blocks: &[Block]) -> bool {
    fn inlines_ok(inlines: &[Inline]) -> bool {
        inlines.iter().all(|i| match i {
            Inline::Link { href, content } => classify(href).is_some() && inlines_ok(content),
            Inline::Image(image) => classify(&image.src).is_some(),
            Inline::Emphasis { content } | Inline::Strong { content } => inlines_ok(content),
            _ => true,
        })
    }
    blocks.iter().all(|b| match b {
        Block::Heading { content, .. } | Block::Paragraph { content } => inlines_ok(content),
        Block::List { items, .. } => items.iter().all(|i| links_are_safe(i)),
        Block::Quote { content } => links_are_safe(content),
        _ => true,
    })
}

/// The only elements the document tree can become.
const ALLOWED: &[&str] = &[
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "hr",
    "em",
    "strong",
    "a",
    "span",
    "img",
    "br",
];

/// The markup tags in rendered HTML (text is escaped, so every real tag starts with `<`).
fn real_tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .filter_map(|rest| rest.split_once('>').map(|(tag, _)| tag))
        .collect()
}

/// Markdown-ish text with the pieces attackers and odd editors use.
fn markdownish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<script>alert(1)</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("[x](javascript:alert(1))".to_string()),
        Just("[x](data:text/html,hi)".to_string()),
        Just("![i](vbscript:x)".to_string()),
        Just("<iframe src=//evil>".to_string()),
        Just("\n\n> ".to_string()),
        Just("\n- ".to_string()),
        Just("\n1. ".to_string()),
        Just("\n```\n".to_string()),
        Just("# ".to_string()),
        Just("**".to_string()),
        Just("\u{202E}\u{200F}e\u{0301}\u{1F642}".to_string()),
        "[a-zA-Z0-9 ]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn markdown_never_panics_and_stays_inert(text in markdownish()) {
        let doc = to_document(&text);
        prop_assert!(links_are_safe(&doc.blocks));
        let html = blocks_to_html(&doc.blocks, None);
        for tag in real_tags(&html) {
            let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            prop_assert!(ALLOWED.contains(&name.as_str()), "tag {tag:?} in {html}");
            // Attribute names only: drop the quoted values, which are escaped text.
            let names: String = tag.split('"').step_by(2).collect();
            prop_assert!(!names.to_lowercase().contains(" on"), "event handler in {tag:?}");
        }
        prop_assert!(!html.to_lowercase().contains("href=\"javascript:"));
    }

    #[test]
    fn any_text_as_a_post_is_a_result(body in any::<String>(), front in any::<String>()) {
        let src = format!("+++\n{front}\n+++\n{body}");
        let _ = parse_post("p.md", "p", &src);
        let _ = parse_post("p.md", "p", &body);
    }

    #[test]
    fn any_text_as_settings_timeline_or_members_is_a_result(text in any::<String>()) {
        let _ = load_site("s.toml", &text);
        let _ = load_timeline("t.toml", &text);
        let _ = load_members("m.toml", &text);
    }

    #[test]
    fn any_text_and_field_path_places_an_error(text in any::<String>(), path in "[a-z0-9_.\\[\\]]{0,24}") {
        let error = TomlText::new("t.toml", &text, 1).error(&path, "x");
        prop_assert!(error.line.is_none_or(|line| line <= text.lines().count().max(1)));
    }

    #[test]
    fn any_json_as_a_post_is_a_result(json in any::<String>()) {
        let _ = serde_json::from_str::<Post>(&json);
    }
}

#[test]
fn a_megabyte_body_and_deep_nesting_convert() {
    let paragraph = "Speech and language therapists help children *every* day. [Read](/blog).\n\n";
    let big = paragraph.repeat(1_048_576 / paragraph.len() + 1);
    let doc = to_document(&big);
    assert!(doc.blocks.len() > 10_000);
    let deep_list: String = (0..500)
        .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
        .collect();
    let deep_quote = format!("{} deep\n", ">".repeat(5000));
    assert!(!to_document(&deep_list).blocks.is_empty());
    assert!(!to_document(&deep_quote).blocks.is_empty());
}

#[test]
fn deeply_nested_json_is_refused_not_overflowed() {
    let deep = format!(
        "{{\"meta\":{{}},\"body\":[{}{}]}}",
        "{\"type\":\"quote\",\"content\":[".repeat(2000),
        "]}".repeat(2000)
    );
    assert!(serde_json::from_str::<Post>(&deep).is_err());
}
