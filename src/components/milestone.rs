//! One milestone, as the timeline and the home page show it.

use crate::components::document::Document;
use content::date::PartialDate;
use content::post::post_path;
use content::timeline::{Milestone, Status};
use leptos::prelude::*;

/// The status in words and a shape, with "Overdue" when a planned date has passed.
#[component]
pub fn StatusBadge(
    /// Where the milestone stands.
    status: Status,
    /// True when its date passed without it being achieved.
    overdue: bool,
) -> impl IntoView {
    view! {
        <span class=format!("status status-{}", status.key())>
            <span class="status-shape" aria-hidden="true">
                {status.shape()}
            </span>
            " "
            {status.label()}
        </span>
        {overdue
            .then(|| {
                view! {
                    <span class="status overdue">
                        <span class="status-shape" aria-hidden="true">
                            "!"
                        </span>
                        " Overdue"
                    </span>
                }
            })}
    }
}

/// A milestone's date at its own precision, or the honest words when none is known.
#[component]
pub fn MilestoneWhen(
    /// The milestone whose date to show.
    milestone: Milestone,
) -> impl IntoView {
    let when = milestone.when();
    match milestone.date {
        Some(date) => view! { <time datetime=date.iso()>{when}</time> }.into_any(),
        None => view! { <span>{when}</span> }.into_any(),
    }
}

/// A milestone in the timeline: reachable as `/timeline#<id>`, with its date, kind, status and links.
#[component]
pub fn MilestoneItem(
    /// The milestone to show.
    milestone: Milestone,
    /// The kind's name.
    kind: String,
    /// Today, for the overdue label.
    today: Option<PartialDate>,
) -> impl IntoView {
    let overdue = today.is_some_and(|t| milestone.is_overdue(&t));
    let status = milestone.status;
    let post = milestone.post.clone().map(|slug| {
        view! {
            <a href=post_path(&slug)>
                "Read more"
                <span class="visually-hidden">{format!(": {}", milestone.title)}</span>
            </a>
        }
    });
    let source = milestone.source.clone().map(|source| {
        view! {
            <a href=source.url rel="noopener noreferrer">
                {source.label}
            </a>
        }
    });
    view! {
        <li
            id=milestone.id.clone()
            tabindex="-1"
            class=format!("milestone status-{}", status.key())
        >
            <h3>{milestone.title.clone()}</h3>
            <p class="milestone-meta">
                <MilestoneWhen milestone=milestone.clone() />
                " · "
                {kind}
                " · "
                <StatusBadge status overdue />
            </p>
            <Document blocks=milestone.description.clone() />
            {(post.is_some() || source.is_some())
                .then(|| view! { <p class="milestone-links">{post} " " {source}</p> })}
        </li>
    }
}
