//! Native tests of the views: components rendered to HTML with `to_html`, as the
//! build renders them, and asserted on. Run with `--no-default-features --features ssr`.

use crate::components::document::{DateTime, Document};
use crate::components::membership_chart::MembershipChart;
use crate::components::milestone::StatusBadge;
use crate::components::needs_script::NeedsScript;
use crate::components::page_heading::PageHeading;
use crate::head::{PageFacts, PageHead};
use content::date::PartialDate;
use content::doc::{Block, Inline};
use content::timeline::{MembershipPoint, Status};
use leptos::prelude::*;

/// Renders a view in a fresh owner with the app's shared state, as each built page is,
/// and reads it as a reader's browser shows it: without the empty comments (`<!>`) that
/// mark, for the app's adoption, where one text node ends and the next begins.
fn html<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner.with(|| {
        crate::state::provide();
        view().into_view().to_html().replace("<!>", "")
    })
}

/// What a view stated for the page head while rendering.
fn facts<V: IntoView + 'static>(view: impl FnOnce() -> V) -> PageFacts {
    let owner = Owner::new();
    owner.with(|| {
        let head = PageHead::default();
        provide_context(head.clone());
        crate::state::provide();
        let _ = view().into_view().to_html();
        let facts = head.0.lock().map(|f| f.clone()).unwrap_or_default();
        facts
    })
}

fn day(text: &str) -> PartialDate {
    PartialDate::parse(text).unwrap_or_else(|e| panic!("test date {text}: {e}"))
}

fn text(words: &str) -> Inline {
    Inline::Text { text: words.into() }
}

#[test]
fn a_document_shows_text_as_text_and_drops_links_the_policy_refuses() {
    let blocks = vec![Block::Paragraph {
        content: vec![
            text("<script>alert(1)</script> "),
            Inline::Link {
                href: "javascript:alert(1)".into(),
                content: vec![text("bad")],
            },
            Inline::Link {
                href: "https://example.org/".into(),
                content: vec![text("good")],
            },
        ],
    }];
    let out = html(|| view! { <Document blocks /> });
    assert!(
        out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "text escaped: {out}"
    );
    assert!(
        !out.contains("javascript:"),
        "a refused link is not a link: {out}"
    );
    assert!(out.contains("<span>bad"), "its words stay: {out}");
    assert!(
        out.contains("<a href=\"https://example.org/\" rel=\"noopener noreferrer\">good"),
        "an external link opens safely: {out}"
    );
}

#[test]
fn a_date_reads_in_words_and_carries_its_machine_form() {
    let out = html(|| view! { <DateTime date=day("2023-11-02") /> });
    assert_eq!(out, "<time datetime=\"2023-11-02\">2 November 2023</time>");
    let out = html(|| view! { <DateTime date=day("2025") /> });
    assert_eq!(out, "<time datetime=\"2025\">2025</time>");
}

#[test]
fn the_page_heading_wraps_the_hashtag_between_words_and_names_the_page() {
    let out = html(|| view! { <PageHeading title="#SENDInTheSpecialists" /> });
    assert!(
        out.contains("#SEND<wbr>In<wbr>The<wbr>Specialists"),
        "{out}"
    );
    assert!(out.starts_with("<h1 tabindex=\"-1\">"), "{out}");
    let stated = facts(|| view! { <PageHeading title="Blog" description="News." /> });
    assert_eq!(stated.title, "Blog");
    assert_eq!(stated.description.as_deref(), Some("News."));
}

#[test]
fn a_status_is_told_in_words_and_a_shape_and_overdue_is_said_too() {
    let out = html(|| view! { <StatusBadge status=Status::Planned overdue=true /> });
    assert!(out.contains("Planned"), "{out}");
    assert!(out.contains("Overdue"), "{out}");
    let out = html(|| view! { <StatusBadge status=Status::Achieved overdue=false /> });
    assert!(!out.contains("Overdue"), "{out}");
}

#[test]
fn the_membership_chart_has_a_text_alternative_and_a_table_with_the_same_figures() {
    let points = vec![
        MembershipPoint {
            date: day("2022-11-02"),
            count: 100,
            at_least: true,
        },
        MembershipPoint {
            date: day("2024-03"),
            count: 130,
            at_least: true,
        },
    ];
    let out = html(|| view! { <MembershipChart points /> });
    assert!(out.contains("<svg"), "{out}");
    assert!(
        out.contains("Membership grew from more than 100 organisations on 2 November 2022 to more than 130 in March 2024."),
        "{out}"
    );
    assert_eq!(
        out.matches("<tr>").count(),
        3,
        "a header row and a row a figure: {out}"
    );
}

#[test]
fn a_note_for_readers_without_javascript_says_what_they_see_instead() {
    let out = html(|| view! { <NeedsScript what="Filtering" shown="every milestone is shown" /> });
    assert_eq!(
        out,
        "<noscript><p class=\"notice\">Filtering needs JavaScript, which is off in your browser, so every milestone is shown.</p></noscript>"
    );
}
