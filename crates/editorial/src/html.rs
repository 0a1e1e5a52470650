//! The document tree as static HTML, for pages readable without JavaScript and
//! for feeds. The same link policy as the app; every piece of text is escaped.

use content::doc::{Block, Inline};
use content::link::{classify, LinkKind};

/// Nesting deeper than the app renders is written as plain text here too.
const MAX_DEPTH: usize = 16;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Writes blocks as HTML; site-relative links and images are made absolute with `base` when given (feeds).
pub fn blocks_to_html(blocks: &[Block], base: Option<&str>) -> String {
    let mut out = String::new();
    for block in blocks {
        write_block(block, base, 0, &mut out);
    }
    out
}

fn absolute(href: &str, base: Option<&str>) -> String {
    match (classify(href), base) {
        (Some(LinkKind::Internal), Some(base)) => format!("{}{href}", base.trim_end_matches('/')),
        _ => href.to_string(),
    }
}

fn write_block(block: &Block, base: Option<&str>, depth: usize, out: &mut String) {
    if depth > MAX_DEPTH {
        let mut text = String::new();
        content::doc::plain_text(std::slice::from_ref(block), &mut text);
        out.push_str(&format!("<p>{}</p>", escape(text.trim())));
        return;
    }
    match block {
        Block::Heading { level, content } => {
            let level = (*level).clamp(2, 6);
            out.push_str(&format!("<h{level}>"));
            write_inlines(content, base, depth, out);
            out.push_str(&format!("</h{level}>"));
        }
        Block::Paragraph { content } => {
            out.push_str("<p>");
            write_inlines(content, base, depth, out);
            out.push_str("</p>");
        }
        Block::List {
            ordered,
            start,
            items,
        } => {
            match (ordered, start) {
                (true, Some(start)) => out.push_str(&format!("<ol start=\"{start}\">")),
                (true, None) => out.push_str("<ol>"),
                (false, _) => out.push_str("<ul>"),
            }
            for item in items {
                out.push_str("<li>");
                for child in item {
                    write_block(child, base, depth + 1, out);
                }
                out.push_str("</li>");
            }
            out.push_str(if *ordered { "</ol>" } else { "</ul>" });
        }
        Block::Quote { content } => {
            out.push_str("<blockquote>");
            for child in content {
                write_block(child, base, depth + 1, out);
            }
            out.push_str("</blockquote>");
        }
        Block::Code { language, text } => {
            match language {
                Some(lang) => out.push_str(&format!(
                    "<pre tabindex=\"0\" data-language=\"{}\"><code>",
                    escape(lang)
                )),
                None => out.push_str("<pre tabindex=\"0\"><code>"),
            }
            out.push_str(&escape(text));
            out.push_str("</code></pre>");
        }
        Block::Rule => out.push_str("<hr>"),
        Block::Unknown => {}
    }
}

fn write_inlines(inlines: &[Inline], base: Option<&str>, depth: usize, out: &mut String) {
    for inline in inlines {
        write_inline(inline, base, depth + 1, out);
    }
}

fn write_inline(inline: &Inline, base: Option<&str>, depth: usize, out: &mut String) {
    if depth > MAX_DEPTH {
        let mut text = String::new();
        content::doc::inline_text(std::slice::from_ref(inline), &mut text);
        out.push_str(&escape(&text));
        return;
    }
    match inline {
        Inline::Text { text } => out.push_str(&escape(text)),
        Inline::Emphasis { content } => {
            out.push_str("<em>");
            write_inlines(content, base, depth, out);
            out.push_str("</em>");
        }
        Inline::Strong { content } => {
            out.push_str("<strong>");
            write_inlines(content, base, depth, out);
            out.push_str("</strong>");
        }
        Inline::Link { href, content } => match classify(href) {
            Some(kind) => {
                let rel = if kind == LinkKind::External {
                    " rel=\"noopener noreferrer\""
                } else {
                    ""
                };
                out.push_str(&format!(
                    "<a href=\"{}\"{rel}>",
                    escape(&absolute(href, base))
                ));
                write_inlines(content, base, depth, out);
                out.push_str("</a>");
            }
            None => {
                out.push_str("<span>");
                write_inlines(content, base, depth, out);
                out.push_str("</span>");
            }
        },
        Inline::Code { text } => out.push_str(&format!("<code>{}</code>", escape(text))),
        Inline::Image(image) => match classify(&image.src) {
            Some(LinkKind::Internal | LinkKind::External) => out.push_str(&format!(
                "<img src=\"{}\" alt=\"{}\" loading=\"lazy\" decoding=\"async\">",
                escape(&absolute(&image.src, base)),
                escape(&image.alt)
            )),
            _ => out.push_str(&escape(&image.alt)),
        },
        Inline::Break => out.push_str("<br>"),
        Inline::Unknown => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::to_document;

    #[test]
    fn renders_formatting() {
        let doc =
            to_document("# Hi\n\nA *b* **c** `d` [e](/blog) ![f](/g.png)\n\n1. x\n\n> q\n\n---\n");
        assert_eq!(
            blocks_to_html(&doc.blocks, None),
            "<h2>Hi</h2><p>A <em>b</em> <strong>c</strong> <code>d</code> <a href=\"/blog\">e</a> <img src=\"/g.png\" alt=\"f\" loading=\"lazy\" decoding=\"async\"></p><ol><li><p>x</p></li></ol><blockquote><p>q</p></blockquote><hr>"
        );
        assert!(blocks_to_html(&doc.blocks, Some("https://example.org/"))
            .contains("href=\"https://example.org/blog\""));
    }

    #[test]
    fn hostile_input_is_inert() {
        let doc = to_document(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)> [x](javascript:alert(3)) \"quotes\" & 'apostrophes'\n\n<iframe src=\"https://evil.example\"></iframe>\n",
        );
        let html = blocks_to_html(&doc.blocks, None);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img src=x"), "{html}");
        assert!(!html.contains("<iframe"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            html.contains("&quot;quotes&quot; &amp; &#39;apostrophes&#39;"),
            "{html}"
        );
        let hostile = vec![Block::Paragraph {
            content: vec![Inline::Link {
                href: "javascript:alert(1)".into(),
                content: vec![Inline::text("<b>")],
            }],
        }];
        assert_eq!(
            blocks_to_html(&hostile, None),
            "<p><span>&lt;b&gt;</span></p>"
        );
    }
}
