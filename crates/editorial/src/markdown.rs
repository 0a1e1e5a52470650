//! Markdown to the document tree, once, at build time. Raw HTML becomes text,
//! unsafe links lose their target, and headings sit below the page's `h1`.

use content::doc::{Block, Inline};
use content::link::{classify, LinkKind};
use content::picture::PostImage;
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Deepest nesting of lists and quotes kept; deeper content is lifted to this level.
pub const MAX_DEPTH: usize = 12;

/// Deepest nesting of anything (emphasis inside emphasis, say) the build accepts: a
/// document no reader could follow, and deep enough to exhaust the stack of whatever
/// reads it recursively. Deeper text is refused, naming its line.
pub const MAX_NESTING: usize = 32;

/// The tree of one Markdown text, with what an editor must fix and which site links it makes.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Converted {
    /// The document tree.
    pub blocks: Vec<Block>,
    /// (line, message) for every link or image the policy refused.
    pub problems: Vec<(usize, String)>,
    /// (line, href) for every site-relative link, to check it leads somewhere.
    pub internal_links: Vec<(usize, String)>,
    /// (line, src) for every picture, to check it is one the site was given.
    pub pictures: Vec<(usize, String)>,
}

enum Frame {
    Root(Vec<Block>),
    Quote(Vec<Block>),
    List {
        ordered: bool,
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>, Vec<Inline>),
    Paragraph(Vec<Inline>),
    Heading(u8, Vec<Inline>),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Link(Option<String>, Vec<Inline>),
    Image(Option<String>, String),
    CodeBlock(Option<String>, String),
    /// Any other container: its inlines flow into the parent.
    Transparent(Vec<Inline>),
}

struct Builder {
    /// Byte offsets of every newline, to turn offsets into line numbers quickly.
    newlines: Vec<usize>,
    stack: Vec<Frame>,
    depth: usize,
    /// Whether text nested past [`MAX_NESTING`] was reported (once a text).
    too_deep: bool,
    out: Converted,
}

fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut merged: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        if let (Some(Inline::Text { text: last }), Inline::Text { text }) =
            (merged.last_mut(), &inline)
        {
            last.push_str(text);
            continue;
        }
        merged.push(inline);
    }
    merged
}

impl Builder {
    fn line(&self, offset: usize) -> usize {
        self.newlines.partition_point(|&n| n < offset) + 1
    }

    /// Refuses `text` as decoded (a reference such as `&#xFFFE;` in a code block's
    /// language, a link's target or title, a picture's address), by its line: the raw
    /// file passed its own check, and what is decoded reaches the feeds.
    fn refuse_invisible(&mut self, text: &str, offset: usize, what: &str) {
        if let Some(c) = text.chars().find(|c| content::text::is_invisible(*c)) {
            let line = self.line(offset);
            self.out.problems.push((
                line,
                format!(
                    "{what} holds an invisible control character {} (written as a character reference such as &#11;), which no feed can carry; remove it",
                    content::text::name_invisible(c)
                ),
            ));
        }
    }

    fn push_inline(&mut self, inline: Inline) {
        match self.stack.last_mut() {
            Some(
                Frame::Item(_, inlines)
                | Frame::Paragraph(inlines)
                | Frame::Heading(_, inlines)
                | Frame::Emphasis(inlines)
                | Frame::Strong(inlines)
                | Frame::Link(_, inlines)
                | Frame::Transparent(inlines),
            ) => inlines.push(inline),
            Some(Frame::Image(_, alt)) => {
                let mut text = String::new();
                content::doc::inline_text(std::slice::from_ref(&inline), &mut text);
                alt.push_str(&text);
            }
            Some(Frame::CodeBlock(_, text)) => {
                if let Inline::Text { text: t } = inline {
                    text.push_str(&t);
                }
            }
            Some(Frame::Root(_) | Frame::Quote(_) | Frame::List { .. }) | None => {
                self.push_block(Block::Paragraph {
                    content: vec![inline],
                });
            }
        }
    }

    fn push_inlines(&mut self, inlines: Vec<Inline>) {
        for inline in inlines {
            self.push_inline(inline);
        }
    }

    fn push_block(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(Frame::Root(blocks) | Frame::Quote(blocks)) => blocks.push(block),
            Some(Frame::Item(blocks, inlines)) => {
                if !inlines.is_empty() {
                    let content = merge_text(std::mem::take(inlines));
                    blocks.push(Block::Paragraph { content });
                }
                blocks.push(block);
            }
            Some(Frame::List { items, .. }) => items.push(vec![block]),
            _ => {
                // A block inside an inline container: keep its text.
                let mut text = String::new();
                content::doc::plain_text(std::slice::from_ref(&block), &mut text);
                self.push_inline(Inline::text(text.trim_end().to_string()));
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, offset: usize) {
        if self.stack.len() > MAX_NESTING {
            if !self.too_deep {
                self.too_deep = true;
                let line = self.line(offset);
                self.out.problems.push((
                    line,
                    format!("this text nests formatting more than {MAX_NESTING} levels deep (emphasis inside emphasis, say); simplify it"),
                ));
            }
            self.stack.push(Frame::Transparent(Vec::new()));
            return;
        }
        let frame = match tag {
            Tag::Paragraph => Frame::Paragraph(Vec::new()),
            Tag::HtmlBlock => Frame::Paragraph(Vec::new()),
            Tag::Heading { level, .. } => {
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                Frame::Heading(level, Vec::new())
            }
            Tag::BlockQuote(_) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    Frame::Transparent(Vec::new())
                } else {
                    Frame::Quote(Vec::new())
                }
            }
            Tag::List(start) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    Frame::Transparent(Vec::new())
                } else {
                    Frame::List {
                        ordered: start.is_some(),
                        start: start.filter(|s| *s != 1),
                        items: Vec::new(),
                    }
                }
            }
            Tag::Item => {
                if self.depth > MAX_DEPTH {
                    Frame::Transparent(Vec::new())
                } else {
                    Frame::Item(Vec::new(), Vec::new())
                }
            }
            Tag::CodeBlock(kind) => {
                if let CodeBlockKind::Fenced(info) = &kind {
                    self.refuse_invisible(info, offset, "this code block's language");
                }
                let language = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split_whitespace()
                        .next()
                        .filter(|l| l.len() <= 30)
                        .map(str::to_string),
                    CodeBlockKind::Indented => None,
                };
                Frame::CodeBlock(language, String::new())
            }
            Tag::Emphasis => Frame::Emphasis(Vec::new()),
            Tag::Strong => Frame::Strong(Vec::new()),
            Tag::Link {
                dest_url, title, ..
            } => {
                self.refuse_invisible(&dest_url, offset, "this link's target");
                self.refuse_invisible(&title, offset, "this link's title");
                let href = dest_url.to_string();
                let line = self.line(offset);
                match classify(&href) {
                    Some(LinkKind::Internal) => {
                        self.out.internal_links.push((line, href.clone()));
                        Frame::Link(Some(href), Vec::new())
                    }
                    Some(_) => Frame::Link(Some(href), Vec::new()),
                    None => {
                        self.out.problems.push((
                            line,
                            format!("link target \"{href}\" is not allowed: use https:, http:, mailto:, tel: or a path starting with /"),
                        ));
                        Frame::Link(None, Vec::new())
                    }
                }
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                self.refuse_invisible(&dest_url, offset, "this picture's address");
                self.refuse_invisible(&title, offset, "this picture's title");
                let src = dest_url.to_string();
                let line = self.line(offset);
                match classify(&src) {
                    Some(LinkKind::Internal | LinkKind::External) => {
                        self.out.pictures.push((line, src.clone()));
                        Frame::Image(Some(src), String::new())
                    }
                    _ => {
                        self.out.problems.push((
                            line,
                            format!("image source \"{src}\" is not allowed: use a path starting with / or an http(s) address"),
                        ));
                        Frame::Image(None, String::new())
                    }
                }
            }
            _ => Frame::Transparent(Vec::new()),
        };
        self.stack.push(frame);
    }

    fn end(&mut self, tag: TagEnd, offset: usize) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if matches!(tag, TagEnd::BlockQuote(_) | TagEnd::List(_)) {
            self.depth = self.depth.saturating_sub(1);
        }
        match frame {
            Frame::Root(blocks) => self.stack.push(Frame::Root(blocks)),
            Frame::Quote(content) => self.push_block(Block::Quote { content }),
            Frame::List {
                ordered,
                start,
                items,
            } => self.push_block(Block::List {
                ordered,
                start,
                items,
            }),
            Frame::Item(mut blocks, inlines) => {
                if !inlines.is_empty() {
                    blocks.push(Block::Paragraph {
                        content: merge_text(inlines),
                    });
                }
                if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                    items.push(blocks);
                } else {
                    for block in blocks {
                        self.push_block(block);
                    }
                }
            }
            Frame::Paragraph(content) => {
                let content = merge_text(content);
                if !content.is_empty() {
                    self.push_block(Block::Paragraph { content });
                }
            }
            Frame::Heading(level, content) => self.push_block(Block::Heading {
                level,
                content: merge_text(content),
            }),
            Frame::Emphasis(content) => self.push_inline(Inline::Emphasis {
                content: merge_text(content),
            }),
            Frame::Strong(content) => self.push_inline(Inline::Strong {
                content: merge_text(content),
            }),
            Frame::Link(Some(href), content) => self.push_inline(Inline::Link {
                href,
                content: merge_text(content),
            }),
            Frame::Link(None, content) | Frame::Transparent(content) => self.push_inlines(content),
            Frame::Image(src, alt) => match src {
                Some(src) if !alt.trim().is_empty() => self.push_inline(Inline::Image(PostImage {
                    src,
                    alt,
                    renditions: None,
                })),
                Some(src) => {
                    let line = self.line(offset);
                    self.out.problems.push((
                        line,
                        format!("image \"{src}\" has no alt text: write what it shows in ![…](…)"),
                    ));
                }
                None => {}
            },
            Frame::CodeBlock(language, text) => self.push_block(Block::Code { language, text }),
        }
    }

    fn event(&mut self, event: Event<'_>, offset: usize) {
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(tag) => self.end(tag, offset),
            Event::Text(text) => {
                // A character reference (`&#11;`) is decoded here, after the raw check.
                self.refuse_invisible(&text, offset, "this text");
                self.push_inline(Inline::text(text.to_string()));
            }
            Event::Html(html) => {
                // Inside an HTML block: keep the markup as visible text, line by line.
                self.push_inline(Inline::text(html.trim_end_matches('\n').to_string()));
                if html.ends_with('\n') {
                    self.push_inline(Inline::Break);
                }
            }
            Event::InlineHtml(html) => self.push_inline(Inline::text(html.to_string())),
            Event::Code(code) => {
                self.refuse_invisible(&code, offset, "this code");
                self.push_inline(Inline::Code {
                    text: code.to_string(),
                })
            }
            Event::SoftBreak => self.push_inline(Inline::text(" ")),
            Event::HardBreak => self.push_inline(Inline::Break),
            Event::Rule => self.push_block(Block::Rule),
            _ => {}
        }
    }
}

fn visit_headings(blocks: &mut [Block], f: &mut dyn FnMut(&mut u8)) {
    for block in blocks {
        match block {
            Block::Heading { level, .. } => f(level),
            Block::Quote { content } => visit_headings(content, f),
            Block::List { items, .. } => items.iter_mut().for_each(|item| visit_headings(item, f)),
            _ => {}
        }
    }
}

/// Moves headings so the body's top level is `h2`, below the page's own `h1`,
/// whether the editor started sections with `#` or `##`.
fn shift_headings(blocks: &mut [Block]) {
    let mut top = u8::MAX;
    visit_headings(blocks, &mut |level| top = top.min(*level));
    if top == u8::MAX {
        return;
    }
    visit_headings(blocks, &mut |level| *level = (*level + 2 - top).clamp(2, 6));
}

fn trim_trailing_breaks(blocks: &mut [Block]) {
    for block in blocks {
        if let Block::Paragraph { content } = block {
            while matches!(content.last(), Some(Inline::Break)) {
                content.pop();
            }
        }
    }
}

/// Converts CommonMark to the document tree, reporting refused links and images by line.
pub fn to_document(markdown: &str) -> Converted {
    let mut builder = Builder {
        newlines: markdown
            .bytes()
            .enumerate()
            .filter_map(|(i, b)| (b == b'\n').then_some(i))
            .collect(),
        stack: vec![Frame::Root(Vec::new())],
        depth: 0,
        too_deep: false,
        out: Converted::default(),
    };
    for (event, range) in Parser::new_ext(markdown, Options::empty()).into_offset_iter() {
        builder.event(event, range.start);
    }
    while builder.stack.len() > 1 {
        builder.end(TagEnd::Paragraph, markdown.len());
    }
    let mut out = builder.out;
    if let Some(Frame::Root(mut blocks)) = builder.stack.pop() {
        trim_trailing_breaks(&mut blocks);
        shift_headings(&mut blocks);
        out.blocks = blocks;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use content::doc::Block::*;

    fn text(t: &str) -> Inline {
        Inline::text(t)
    }

    #[test]
    fn an_invisible_character_decoded_anywhere_is_refused_by_its_line() {
        let doc = to_document(
            "Fine words.\n\n```rust&#1;&#xFFFE;x\ncode\n```\n\n[this](https://example.org/a&#xFFFE;b)\n\n![a &#xFDD0; picture](/images/a&#xFFFF;.jpg \"t&#xFFFE;\")\n\n[more](/timeline \"a&#1;title\")\n",
        );
        let mut lines: Vec<usize> = doc.problems.iter().map(|(line, _)| *line).collect();
        lines.dedup();
        assert_eq!(lines, [3, 7, 9, 11], "{:?}", doc.problems);
        assert!(
            doc.problems
                .iter()
                .all(|(_, m)| m.contains("invisible control character U+")),
            "{:?}",
            doc.problems
        );
        assert!(doc.problems[0].1.contains("U+0001"), "{:?}", doc.problems);
        assert!(doc.problems[1].1.contains("U+FFFE"), "{:?}", doc.problems);
    }

    #[test]
    fn keeps_ordinary_formatting() {
        let doc = to_document(
            "# Progress\n\nWe *welcome* the **plan**, see [the timeline](/timeline) and `code`.\n\n- one\n- two\n\n3. three\n4. four\n\n> quoted\n\n---\n\n```toml\nkey = 1\n```\n\n![A group photo](/images/a.jpg)\n",
        );
        assert_eq!(doc.problems, vec![]);
        assert_eq!(doc.internal_links, vec![(3, "/timeline".to_string())]);
        assert_eq!(
            doc.blocks,
            vec![
                Heading {
                    level: 2,
                    content: vec![text("Progress")]
                },
                Paragraph {
                    content: vec![
                        text("We "),
                        Inline::Emphasis {
                            content: vec![text("welcome")]
                        },
                        text(" the "),
                        Inline::Strong {
                            content: vec![text("plan")]
                        },
                        text(", see "),
                        Inline::Link {
                            href: "/timeline".into(),
                            content: vec![text("the timeline")]
                        },
                        text(" and "),
                        Inline::Code {
                            text: "code".into()
                        },
                        text("."),
                    ]
                },
                List {
                    ordered: false,
                    start: None,
                    items: vec![
                        vec![Paragraph {
                            content: vec![text("one")]
                        }],
                        vec![Paragraph {
                            content: vec![text("two")]
                        }]
                    ]
                },
                List {
                    ordered: true,
                    start: Some(3),
                    items: vec![
                        vec![Paragraph {
                            content: vec![text("three")]
                        }],
                        vec![Paragraph {
                            content: vec![text("four")]
                        }]
                    ]
                },
                Quote {
                    content: vec![Paragraph {
                        content: vec![text("quoted")]
                    }]
                },
                Rule,
                Code {
                    language: Some("toml".into()),
                    text: "key = 1\n".into()
                },
                Paragraph {
                    content: vec![Inline::Image(PostImage {
                        src: "/images/a.jpg".into(),
                        alt: "A group photo".into(),
                        renditions: None,
                    })]
                },
            ]
        );
    }

    #[test]
    fn heading_levels_shift_below_the_title() {
        let levels = |markdown: &str| -> Vec<u8> {
            to_document(markdown)
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Heading { level, .. } => Some(*level),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            levels("# a\n## b\n### c\n#### d\n##### e\n###### f\n"),
            [2, 3, 4, 5, 6, 6]
        );
        let levels = levels("## a\n### b\n## c\n");
        assert_eq!(
            levels,
            [2, 3, 2],
            "sections written with ## start at h2 too"
        );
    }

    #[test]
    fn raw_html_becomes_text() {
        let doc = to_document(
            "<script>alert('x')</script>\n\nHello <img src=x onerror=\"alert(1)\"> there.\n\n<iframe src=\"https://evil.example\"></iframe>\n",
        );
        let json = format!("{:?}", doc.blocks);
        assert!(json.contains("<script>alert('x')</script>"), "{json}");
        assert!(
            json.contains("<img src=x onerror=\\\"alert(1)\\\">"),
            "{json}"
        );
        assert!(json.contains("<iframe"), "{json}");
        // Every piece is a text run: there is no node kind that could carry markup.
        for block in &doc.blocks {
            let Paragraph { content } = block else {
                panic!("expected a paragraph, got {block:?}");
            };
            assert!(content
                .iter()
                .all(|i| matches!(i, Inline::Text { .. } | Inline::Break)));
        }
    }

    #[test]
    fn unsafe_links_keep_their_text_but_lose_the_target() {
        let doc = to_document(
            "Click [me](javascript:alert(1)) or [this](data:text/html,hi) or <javascript:alert(2)>.\n\n![x](javascript:alert(3))\n",
        );
        let debug = format!("{:?}", doc.blocks);
        assert!(!debug.contains("Link"), "{debug}");
        assert!(!debug.contains("Image"), "{debug}");
        assert!(debug.contains("me") && debug.contains("this"));
        assert_eq!(doc.problems.len(), 4, "{:?}", doc.problems);
        assert!(doc
            .problems
            .iter()
            .all(|(line, _)| *line == 1 || *line == 3));
    }

    #[test]
    fn images_need_alt_text() {
        let doc = to_document("Intro\n\n![](/a.png)\n");
        assert_eq!(doc.problems.len(), 1);
        assert_eq!(doc.problems[0].0, 3);
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let deep = (0..500)
            .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
            .collect::<String>();
        let quotes = format!("{} deep\n", ">".repeat(500));
        for source in [deep, quotes] {
            let doc = to_document(&source);
            fn depth(blocks: &[Block]) -> usize {
                blocks
                    .iter()
                    .map(|b| match b {
                        List { items, .. } => 1 + items.iter().map(|i| depth(i)).max().unwrap_or(0),
                        Quote { content } => 1 + depth(content),
                        _ => 0,
                    })
                    .max()
                    .unwrap_or(0)
            }
            assert!(depth(&doc.blocks) <= MAX_DEPTH);
            let mut text = String::new();
            content::doc::plain_text(&doc.blocks, &mut text);
            assert!(
                text.contains("deep") || text.contains("level 499"),
                "text kept"
            );
        }
    }

    #[test]
    fn tree_round_trips_through_json() {
        let doc = to_document(
            "# T\n\nA [link](https://example.org) and *more*.\n\n1. x\n2. y\n\n> q\n\n    code\n",
        );
        let json = serde_json::to_string(&doc.blocks).unwrap_or_default();
        let back: Vec<Block> = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, doc.blocks);
        assert!(!back.is_empty());
    }
}
