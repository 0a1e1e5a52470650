//! The small document tree that post bodies and descriptions travel as, so the
//! browser renders Markdown without a Markdown parser and without HTML.

use crate::json::{within, Fields};
use crate::picture::PostImage;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// A block of a document; unknown kinds from other producers are kept as
/// `Unknown` and skipped, never fatal.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    /// Any block kind this version does not know (read, never written).
    #[serde(skip)]
    Unknown,
}

/// A run of text inside a block.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    /// A picture with its required text alternative, and the sizes the build made of it.
    Image(PostImage),
    /// A hard line break.
    Break,
    /// Any inline kind this version does not know (read, never written).
    #[serde(skip)]
    Unknown,
}

impl Inline {
    /// Shorthand for a text run.
    pub fn text(text: impl Into<String>) -> Self {
        Inline::Text { text: text.into() }
    }
}

// Reading the tree. Serde's derive for tagged enums buffers every node and its
// fields before choosing a variant, which made this the largest single piece of the
// app's wasm. Reading each node as a JSON value and matching on its "type" is a
// fraction of the size, accepts keys in any order, and skips kinds it does not know
// along with whatever they carry.

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Block::from_json(&Value::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Inline::from_json(&Value::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}

impl Block {
    /// Reads one block; a kind this version does not know becomes [`Block::Unknown`].
    pub fn from_json(value: &Value) -> Result<Self, String> {
        let f = Fields::of(value)?;
        Ok(match f.needed("type")?.as_str() {
            "heading" => Block::Heading {
                level: u8::try_from(f.number("level")?)
                    .map_err(|_| "`level` is too large".to_string())?,
                content: f.needed_list("content", Inline::from_json)?,
            },
            "paragraph" => Block::Paragraph {
                content: f.needed_list("content", Inline::from_json)?,
            },
            "list" => Block::List {
                ordered: f.needed_flag("ordered")?,
                start: f
                    .get("start")
                    .map(|_| f.number("start"))
                    .transpose()?
                    .map(u64::from),
                items: f.needed_list("items", |item| {
                    item.as_array()
                        .ok_or_else(|| "must be a list of blocks".to_string())?
                        .iter()
                        .enumerate()
                        .map(|(j, block)| {
                            Block::from_json(block).map_err(|e| within(&format!("[{j}]"), e))
                        })
                        .collect()
                })?,
            },
            "quote" => Block::Quote {
                content: f.needed_list("content", Block::from_json)?,
            },
            "code" => Block::Code {
                language: f.text("language")?,
                text: f.needed("text")?,
            },
            "rule" => Block::Rule,
            _ => Block::Unknown,
        })
    }
}

impl Inline {
    /// Reads one run of text; a kind this version does not know becomes [`Inline::Unknown`].
    pub fn from_json(value: &Value) -> Result<Self, String> {
        let f = Fields::of(value)?;
        Ok(match f.needed("type")?.as_str() {
            "text" => Inline::Text {
                text: f.needed("text")?,
            },
            "emphasis" => Inline::Emphasis {
                content: f.needed_list("content", Inline::from_json)?,
            },
            "strong" => Inline::Strong {
                content: f.needed_list("content", Inline::from_json)?,
            },
            "link" => Inline::Link {
                href: f.needed("href")?,
                content: f.needed_list("content", Inline::from_json)?,
            },
            "code" => Inline::Code {
                text: f.needed("text")?,
            },
            "image" => Inline::Image(PostImage::from_fields(f)?),
            "break" => Inline::Break,
            _ => Inline::Unknown,
        })
    }
}

/// Appends the readable text of inlines to `out`, for word counts and summaries.
pub fn inline_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Emphasis { content } | Inline::Strong { content } => inline_text(content, out),
            Inline::Link { content, .. } => inline_text(content, out),
            Inline::Image(image) => out.push_str(&image.alt),
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
    fn keys_may_come_in_any_order_and_unknown_kinds_carry_anything() {
        let json = r#"[
            {"content":[{"text":"hi","type":"text"},{"content":"a string","type":"marquee"}],"type":"paragraph"},
            {"items":[[{"type":"rule"}]],"start":null,"ordered":true,"type":"list"},
            {"type":"code","language":null,"text":"x"}
        ]"#;
        let blocks: Result<Vec<Block>, _> = serde_json::from_str(json);
        assert_eq!(
            blocks.ok(),
            Some(vec![
                Block::Paragraph {
                    content: vec![Inline::text("hi"), Inline::Unknown]
                },
                Block::List {
                    ordered: true,
                    start: None,
                    items: vec![vec![Block::Rule]]
                },
                Block::Code {
                    language: None,
                    text: "x".into()
                }
            ])
        );
    }

    #[test]
    fn known_kinds_with_missing_or_wrong_fields_are_refused_with_a_reason() {
        let cases = [
            (r#"[{"type":"heading","content":[]}]"#, "`level` is missing"),
            (
                r#"[{"type":"heading","level":300,"content":[]}]"#,
                "too large",
            ),
            (
                r#"[{"type":"paragraph","content":"words"}]"#,
                "`content` must be a list",
            ),
            (
                r#"[{"type":"paragraph","content":[{"type":"link","content":[]}]}]"#,
                "`content[0].href` is missing",
            ),
            (r#"[{"type":"list","items":[]}]"#, "`ordered` is missing"),
            (
                r#"[{"type":"list","ordered":false,"items":[{"type":"rule"}]}]"#,
                "list of blocks",
            ),
            (
                r#"[{"type":"code","language":3,"text":""}]"#,
                "`language` must be text",
            ),
            (r#"[{"level":2}]"#, "`type` is missing"),
            (r#"["rule"]"#, "must be an object"),
        ];
        for (json, reason) in cases {
            let message = serde_json::from_str::<Vec<Block>>(json)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(message.contains(reason), "{json}: {message}");
        }
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
