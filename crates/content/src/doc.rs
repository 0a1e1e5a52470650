//! The small document tree that post bodies and descriptions travel as, so the
//! browser renders Markdown without a Markdown parser and without HTML.

use serde::{Deserialize, Serialize};

/// A block of a document; unknown kinds from other producers are kept as
/// `Unknown` and skipped, never fatal.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A section heading, level 2 to 6 (the page's own title is the only `h1`).
    Heading { level: u8, content: Vec<Inline> },
    /// A paragraph of running text.
    Paragraph { content: Vec<Inline> },
    /// A bulleted or numbered list; each item is a list of blocks.
    List {
        ordered: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    /// A quotation.
    Quote { content: Vec<Block> },
    /// Preformatted code or text.
    Code {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        language: Option<String>,
        text: String,
    },
    /// A thematic break between sections.
    Rule,
    /// Any block kind this version does not know.
    #[serde(other)]
    Unknown,
}

/// A run of text inside a block.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text, always shown as text, never as markup.
    Text { text: String },
    /// Emphasised text.
    Emphasis { content: Vec<Inline> },
    /// Strongly emphasised text.
    Strong { content: Vec<Inline> },
    /// A link; its target is checked again by the link policy when rendered.
    Link { href: String, content: Vec<Inline> },
    /// Code within a sentence.
    Code { text: String },
    /// An image with its required text alternative.
    Image { src: String, alt: String },
    /// A hard line break.
    Break,
    /// Any inline kind this version does not know.
    #[serde(other)]
    Unknown,
}

impl Inline {
    /// Shorthand for a text run.
    pub fn text(text: impl Into<String>) -> Self {
        Inline::Text { text: text.into() }
    }
}

/// Appends the readable text of inlines to `out`, for word counts and summaries.
pub fn inline_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Emphasis { content } | Inline::Strong { content } => inline_text(content, out),
            Inline::Link { content, .. } => inline_text(content, out),
            Inline::Image { alt, .. } => out.push_str(alt),
            Inline::Break => out.push(' '),
            Inline::Unknown => {}
        }
    }
}

/// Appends the readable text of blocks to `out`, one line a block.
pub fn plain_text(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph { content } => {
                inline_text(content, out)
            }
            Block::List { items, .. } => items.iter().for_each(|item| plain_text(item, out)),
            Block::Quote { content } => plain_text(content, out),
            Block::Code { text, .. } => out.push_str(text),
            Block::Rule | Block::Unknown => {}
        }
        out.push('\n');
    }
}

/// Minutes to read `blocks` at an unhurried 200 words a minute, at least one.
pub fn reading_minutes(blocks: &[Block]) -> u32 {
    let mut text = String::new();
    plain_text(blocks, &mut text);
    let words = text.split_whitespace().count() as u32;
    words.div_ceil(200).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_node_types_are_kept_as_unknown() {
        let json = r#"[
            {"type":"paragraph","content":[{"type":"text","text":"hi"},{"type":"sparkle","level":9}]},
            {"type":"carousel","slides":[1,2,3]}
        ]"#;
        let blocks: Vec<Block> = serde_json::from_str(json).unwrap_or_default();
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph {
                    content: vec![Inline::text("hi"), Inline::Unknown]
                },
                Block::Unknown
            ]
        );
    }

    #[test]
    fn reading_time_rounds_up() {
        let words = |n: usize| {
            vec![Block::Paragraph {
                content: vec![Inline::text("word ".repeat(n))],
            }]
        };
        assert_eq!(reading_minutes(&words(0)), 1);
        assert_eq!(reading_minutes(&words(200)), 1);
        assert_eq!(reading_minutes(&words(201)), 2);
    }
}
