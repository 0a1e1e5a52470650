//! Renders the content crate's document tree as Leptos views: text stays text,
//! and every link passes the link policy again, since JSON can come from elsewhere.

use crate::components::picture::picture;
use content::date::PartialDate;
use content::doc::{plain_text, Block, Inline};
use content::link::{classify, LinkKind};
use leptos::prelude::*;

/// Nesting deeper than this is shown as plain text, so hostile JSON cannot exhaust the stack.
const MAX_DEPTH: usize = 16;

/// A post body or description, rendered from its tree without any HTML parsing.
#[component]
pub fn Document(
    /// The blocks to show.
    blocks: Vec<Block>,
) -> impl IntoView {
    blocks.into_iter().map(|b| block(b, 0)).collect_view()
}

/// A date in a `<time>` element, shown at its own precision.
#[component]
pub fn DateTime(
    /// The date to show.
    date: PartialDate,
) -> impl IntoView {
    view! { <time datetime=date.iso()>{date.long()}</time> }
}

fn flattened(blocks: Vec<Block>) -> AnyView {
    let mut text = String::new();
    plain_text(&blocks, &mut text);
    view! { <p>{text}</p> }.into_any()
}

fn block(node: Block, depth: usize) -> AnyView {
    if depth > MAX_DEPTH {
        return flattened(vec![node]);
    }
    match node {
        Block::Heading { level, content } => {
            let content = inlines(content, depth);
            match level {
                0..=2 => view! { <h2>{content}</h2> }.into_any(),
                3 => view! { <h3>{content}</h3> }.into_any(),
                4 => view! { <h4>{content}</h4> }.into_any(),
                5 => view! { <h5>{content}</h5> }.into_any(),
                _ => view! { <h6>{content}</h6> }.into_any(),
            }
        }
        Block::Paragraph { content } => view! { <p>{inlines(content, depth)}</p> }.into_any(),
        Block::List {
            ordered,
            start,
            items,
        } => {
            let items = items
                .into_iter()
                .map(|item| {
                    let children = item.into_iter().map(|b| block(b, depth + 1)).collect_view();
                    view! { <li>{children}</li> }
                })
                .collect_view();
            if ordered {
                view! { <ol start=start>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Quote { content } => {
            let children = content
                .into_iter()
                .map(|b| block(b, depth + 1))
                .collect_view();
            view! { <blockquote>{children}</blockquote> }.into_any()
        }
        Block::Code { language, text } => view! {
            <pre tabindex="0" data-language=language>
                <code>{text}</code>
            </pre>
        }
        .into_any(),
        Block::Rule => view! { <hr /> }.into_any(),
        Block::Unknown => ().into_any(),
    }
}

fn inlines(content: Vec<Inline>, depth: usize) -> AnyView {
    content
        .into_iter()
        .map(|i| inline(i, depth + 1))
        .collect_view()
        .into_any()
}

fn inline(inline: Inline, depth: usize) -> AnyView {
    if depth > MAX_DEPTH {
        let mut text = String::new();
        content::doc::inline_text(std::slice::from_ref(&inline), &mut text);
        return text.into_any();
    }
    match inline {
        Inline::Text { text } => text.into_any(),
        Inline::Emphasis { content } => view! { <em>{inlines(content, depth)}</em> }.into_any(),
        Inline::Strong { content } => {
            view! { <strong>{inlines(content, depth)}</strong> }.into_any()
        }
        Inline::Link { href, content } => match classify(&href) {
            Some(LinkKind::External) => view! {
                <a href=href rel="noopener noreferrer">
                    {inlines(content, depth)}
                </a>
            }
            .into_any(),
            Some(_) => view! { <a href=href>{inlines(content, depth)}</a> }.into_any(),
            None => view! { <span>{inlines(content, depth)}</span> }.into_any(),
        },
        Inline::Code { text } => view! { <code>{text}</code> }.into_any(),
        Inline::Image(image) => match classify(&image.src) {
            Some(LinkKind::Internal | LinkKind::External) => {
                picture(image, crate::head::COLUMN_PICTURE_SIZES, "lazy")
            }
            _ => image.alt.into_any(),
        },
        Inline::Break => view! { <br /> }.into_any(),
        Inline::Unknown => ().into_any(),
    }
}
