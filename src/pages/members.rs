//! The members directory: conveners first, then A to Z, with search and filters in the URL.

use crate::components::document::DateTime;
use crate::components::loader::loaded;
use crate::components::needs_script::NeedsScript;
use crate::components::page_heading::PageHeading;
use crate::components::skeleton::ListSkeleton;
use crate::source::ContentFile;
use content::address;
use content::members::{Member, MemberQuery, Members as Directory, Nation, OrgType};
use content::timeline::Timeline;
use leptos::html::{Input, Select};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Lists the organisations that chose to be listed, and invites others to join.
#[component]
pub fn Members() -> impl IntoView {
    let directory = ContentFile::at(address::MEMBERS);
    let params = crate::state::use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        MemberQuery::from_params(p.get("q"), p.get("type"), p.get("nation"))
    });
    crate::head::state(|facts| facts.filters = MemberQuery::KEYS);
    view! {
        <div class="wrap page">
            <PageHeading title="Members" description="The organisations that make up the coalition." />
            {loaded(
                directory,
                || view! { <ListSkeleton rows=3 /> }.into_any(),
                move |data: Directory| view! { <Directory data query /> },
            )}
            <p class="join-invite">
                "Is your organisation missing? " <A href="/join">"Join the coalition"</A>
                ", or ask to be listed if you are already a member."
            </p>
        </div>
    }
}

/// The counts, the sample notice, the filters and the two lists.
#[component]
fn Directory(data: Directory, query: Memo<MemberQuery>) -> impl IntoView {
    let total = data.members.len();
    let samples = data.has_samples();
    let data = StoredValue::new(data);
    view! {
        <Headline listed=total />
        {samples
            .then(|| {
                view! {
                    <div class="notice" role="note">
                        <p>
                            <strong>"Sample entries: "</strong>
                            "entries marked “Sample entry” are made-up examples to show how the directory works. They are not real members."
                        </p>
                    </div>
                }
            })}
        <Filters query />
        {move || {
            let q = query.get();
            data.with_value(|data| {
                let conveners: Vec<Member> = data.conveners(&q).cloned().collect();
                let letters: Vec<(char, Vec<Member>)> = data
                    .by_letter(&q)
                    .into_iter()
                    .map(|(l, list)| (l, list.into_iter().cloned().collect()))
                    .collect();
                let shown = conveners.len() + letters.iter().map(|(_, l)| l.len()).sum::<usize>();
                view! {
                    <p class="results-summary" role="status">
                        {if q.is_unfiltered() {
                            String::new()
                        } else {
                            format!("Showing {shown} of {total} organisations.")
                        }}
                        {(!q.is_unfiltered())
                            .then(|| view! { " " <a href="/members">"Clear filters"</a> })}
                    </p>
                    {(!conveners.is_empty())
                        .then(|| {
                            view! {
                                <section aria-labelledby="conveners-heading" data-query-view="">
                                    <h2 id="conveners-heading">"Convened by"</h2>
                                    <ul class="member-list conveners">
                                        {conveners
                                            .into_iter()
                                            .map(|m| view! { <MemberCard member=m /> })
                                            .collect_view()}
                                    </ul>
                                </section>
                            }
                        })}
                    {(!letters.is_empty())
                        .then(|| {
                            view! {
                                <section aria-labelledby="a-to-z-heading" data-query-view="">
                                    <h2 id="a-to-z-heading">"Members A to Z"</h2>
                                    {letters
                                        .into_iter()
                                        .map(|(letter, list)| {
                                            view! {
                                                <h3 class="letter">{letter.to_string()}</h3>
                                                <ul class="member-list">
                                                    {list
                                                        .into_iter()
                                                        .map(|m| view! { <MemberCard member=m /> })
                                                        .collect_view()}
                                                </ul>
                                            }
                                        })
                                        .collect_view()}
                                </section>
                            }
                        })}
                    {(shown == 0)
                        .then(|| {
                            view! {
                                <p class="empty">
                                    "No listed organisations match. "
                                    <a href="/members">"Clear filters"</a>
                                </p>
                            }
                        })}
                }
            })
        }}
    }
}

/// How many are listed here beside the coalition's headline figure, which counts every member.
#[component]
fn Headline(listed: usize) -> impl IntoView {
    let timeline = ContentFile::at(address::TIMELINE);
    let headline = move || match timeline.read::<Timeline>() {
        None => Some(view! { <span class="skeleton"></span> }.into_any()),
        Some(Err(_)) => None,
        Some(Ok(t)) => t.latest_membership().cloned().map(|p| {
            view! {
                " The coalition has "
                {p.figure()}
                " member organisations (as of "
                <DateTime date=p.date />
                "); not every member chooses to be listed."
            }
            .into_any()
        }),
    };
    view! {
        <p class="lead">
            <strong>
                {format!("{listed} {} listed.", if listed == 1 { "organisation" } else { "organisations" })}
            </strong>
            {headline}
        </p>
    }
}

/// Search by name and filter by type and nation; the choices go into the URL.
#[component]
fn Filters(query: Memo<MemberQuery>) -> impl IntoView {
    let (q, kind, nation) = (
        NodeRef::<Input>::new(),
        NodeRef::<Select>::new(),
        NodeRef::<Select>::new(),
    );
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let next = MemberQuery::from_params(
            q.get().map(|i| i.value()),
            kind.get().map(|s| s.value()),
            nation.get().map(|s| s.value()),
        );
        navigate(
            &format!("/members{}", next.to_query_string()),
            Default::default(),
        );
    };
    view! {
        <NeedsScript what="Search and filters" shown="every listed organisation is shown" />
        <form
            action="/members"
            method="get"
            class="member-filters"
            role="search"
            data-query-view=""
            on:submit=submit
        >
            <div class="field">
                <label for="member-q">"Search by name"</label>
                <input id="member-q" type="search" name="q" node_ref=q prop:value=move || query.get().q />
            </div>
            <FilterSelect
                id="member-type"
                name="type"
                label="Type of organisation"
                any="Any type"
                options=OrgType::ALL.iter().map(|t| (t.key(), t.label())).collect()
                selected=Signal::derive(move || query.get().org_type.map(|t| t.key()).unwrap_or(""))
                node_ref=kind
            />
            <FilterSelect
                id="member-nation"
                name="nation"
                label="Works in"
                any="Anywhere"
                options=Nation::ALL.iter().map(|n| (n.key(), n.label())).collect()
                selected=Signal::derive(move || query.get().nation.map(|n| n.key()).unwrap_or(""))
                node_ref=nation
            />
            <button type="submit" class="button">
                "Show organisations"
            </button>
        </form>
    }
}

/// A labelled filter whose first choice means "any", with the URL's choice selected.
#[component]
fn FilterSelect(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    any: &'static str,
    options: Vec<(&'static str, &'static str)>,
    selected: Signal<&'static str>,
    node_ref: NodeRef<Select>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name node_ref=node_ref>
                <option value="" selected=move || selected.get().is_empty()>
                    {any}
                </option>
                {options
                    .into_iter()
                    .map(|(key, text)| {
                        view! {
                            <option value=key selected=move || selected.get() == key>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// One organisation: name, type, nations, when it joined and a safe link to its website.
#[component]
fn MemberCard(member: Member) -> impl IntoView {
    let nations = member.works();
    let website = member
        .website
        .clone()
        .filter(|w| content::link::classify(w) == Some(content::link::LinkKind::External));
    view! {
        <li class="member">
            <p class="member-name">
                {member.name.clone()}
                {member.sample.then(|| view! { <span class="sample-badge">"Sample entry"</span> })}
            </p>
            <p class="member-meta">
                {member.org_type.label()}
                {nations.map(|n| view! { " · " {n} })}
                {member.joined.map(|d| view! { " · Joined " <DateTime date=d /> })}
            </p>
            {website
                .map(|href| {
                    view! {
                        <p>
                            <a href=href rel="noopener noreferrer external">
                                "Website"
                                <span class="visually-hidden">{format!(" of {}", member.name)}</span>
                            </a>
                        </p>
                    }
                })}
        </li>
    }
}
