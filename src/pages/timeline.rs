//! The timeline: the coalition's whole story from data, oldest first, with a "now" marker.

use crate::components::document::DateTime;
use crate::components::loader::loaded;
use crate::components::membership_chart::MembershipChart;
use crate::components::milestone::MilestoneItem;
use crate::components::needs_script::NeedsScript;
use crate::components::page_heading::PageHeading;
use crate::components::skeleton::ListSkeleton;
use crate::source::ContentFile;
use crate::state::use_today;
use content::address;
use content::timeline::{Status, Timeline as TimelineData, TimelineQuery};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Shows every milestone grouped by year, filterable by kind and status in the URL.
#[component]
pub fn Timeline() -> impl IntoView {
    let timeline = ContentFile::at(address::TIMELINE);
    let params = crate::state::use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        TimelineQuery::from_params(p.get("kind"), p.get("status"))
    });
    crate::head::state(|facts| facts.filters = TimelineQuery::KEYS);
    let lead = "What the coalition has achieved since it launched, and what is still to come.";
    view! {
        <div class="wrap page">
            <PageHeading title="Timeline" description=lead />
            <p class="lead">{lead}</p>
            {loaded(
                    timeline,
                    || view! { <ListSkeleton rows=4 /> }.into_any(),
                    move |data: TimelineData| {
                        let points = data.membership.clone();
                        view! {
                            <Filters data=data.clone() query />
                            <Milestones data query />
                            <section aria-labelledby="membership-heading">
                                <h2 id="membership-heading">"Membership over time"</h2>
                                <MembershipChart points />
                            </section>
                        }
                    },
                )}
        </div>
    }
}

/// Kind and status filters as plain links, the current choice marked.
#[component]
fn Filters(data: TimelineData, query: Memo<TimelineQuery>) -> impl IntoView {
    let link = move |label: String, next: TimelineQuery| {
        let href = format!("/timeline{}", next.to_query_string());
        let current = move || {
            let q = query.get();
            (q.kind == next.kind && q.status == next.status).then_some("true")
        };
        view! {
            <li>
                <a href=href aria-current=current>
                    {label}
                </a>
            </li>
        }
    };
    let kinds = data
        .kinds
        .iter()
        .map(|k| (k.name.clone(), Some(k.slug.clone())))
        .collect::<Vec<_>>();
    view! {
        <NeedsScript what="Filtering" shown="every milestone is shown" />
        <nav class="filters" aria-label="Filter by kind" data-query-view="">
            <ul>
                {move || {
                    let q = query.get();
                    std::iter::once(("All kinds".to_string(), None))
                        .chain(kinds.clone())
                        .map(|(label, kind)| {
                            link(label, TimelineQuery { kind, status: q.status })
                        })
                        .collect_view()
                }}
            </ul>
        </nav>
        <nav class="filters" aria-label="Filter by status" data-query-view="">
            <ul>
                {move || {
                    let q = query.get();
                    std::iter::once(("All statuses".to_string(), None))
                        .chain(Status::ALL.into_iter().map(|s| (s.label().to_string(), Some(s))))
                        .map(|(label, status)| {
                            link(label, TimelineQuery { kind: q.kind.clone(), status })
                        })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}

/// Moves to the milestone named in the URL fragment once it is in the document,
/// trying for a few frames while the app takes over from the static page.
fn focus_fragment(tries: u32) {
    let hash = window().location().hash().unwrap_or_default();
    let id = hash.trim_start_matches('#').to_string();
    if id.is_empty() {
        return;
    }
    match document()
        .get_element_by_id(&id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(el) if el.is_connected() => {
            el.scroll_into_view();
            let _ = el.focus();
        }
        _ if tries < 120 => request_animation_frame(move || focus_fragment(tries + 1)),
        _ => {}
    }
}

/// The matching milestones grouped by year, with the "now" marker where today falls.
#[component]
fn Milestones(data: TimelineData, query: Memo<TimelineQuery>) -> impl IntoView {
    let today = use_today();
    let data = StoredValue::new(data);
    // After this list is in the document, not merely built.
    Effect::new(move || request_animation_frame(|| focus_fragment(0)));
    move || {
        let q = query.get();
        let today = today.get();
        data.with_value(|data| {
            let first_future = today.and_then(|t| data.first_future(&q, &t).map(str::to_string));
            let groups = data.groups(&q);
            if groups.is_empty() {
                return view! {
                    <p class="empty" role="status">
                        "No milestones match these filters. "
                        <a href="/timeline">"Show every milestone"</a>
                    </p>
                }
                .into_any();
            }
            let now = today.map(|t| {
                view! {
                    <li class="now-marker">
                        <span>"Now: " <DateTime date=t /></span>
                    </li>
                }
            });
            let mut now = Some(now);
            let groups = groups
                .into_iter()
                .map(|group| {
                    let items = group
                        .milestones
                        .into_iter()
                        .map(|m| {
                            let marker = (first_future.as_deref() == Some(m.id.as_str()))
                                .then(|| now.take().flatten())
                                .flatten();
                            let kind = data.kind_name(&m.kind).to_string();
                            view! {
                                {marker}
                                <MilestoneItem milestone=m.clone() kind today />
                            }
                        })
                        .collect_view();
                    view! {
                        <li class="year">
                            <h2>{group.heading}</h2>
                            <ol class="milestones">{items}</ol>
                        </li>
                    }
                })
                .collect_view();
            let trailing = if first_future.is_none() {
                now.flatten()
            } else {
                None
            };
            view! {
                <ol class="timeline" data-query-view="">{groups} {trailing}</ol>
            }
            .into_any()
        })
    }
}
