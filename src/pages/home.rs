//! The home page: the case in ten seconds, then the latest news, progress and a call to join.
//! Each part fetches in parallel and shows as soon as its own data arrives.

use crate::components::document::DateTime;
use crate::components::loader::loaded;
use crate::components::milestone::{MilestoneWhen, StatusBadge};
use crate::components::page_heading::PageHeading;
use crate::components::post_card::PostCard;
use crate::components::skeleton::ListSkeleton;
use crate::source::ContentFile;
use crate::state::{use_site, use_today};
use content::address;
use content::members::{list_and, MemberQuery, Members};
use content::post::PostIndex;
use content::timeline::{Milestone, Timeline};
use leptos::prelude::*;
use leptos_router::components::A;

/// What the coalition asks for, who convened it, how big it is, and what has happened.
#[component]
pub fn Home() -> impl IntoView {
    let site = use_site();
    let posts = ContentFile::at(address::LATEST_POSTS);
    let timeline = ContentFile::at(address::TIMELINE);
    let members = ContentFile::at(address::MEMBERS);
    let title = move || site.get().map(|s| s.name).unwrap_or_else(|| "Home".into());
    view! {
        <div class="wrap page home">
            <section class="hero">
                <PageHeading title=Signal::derive(title) />
                {move || {
                    site.get()
                        .map(|s| {
                            view! {
                                <p class="ask">{s.home.ask}</p>
                                <p>{s.home.intro}</p>
                            }
                        })
                }}
                {loaded(members, || view! { <p class="skeleton-line short"></p> }.into_any(), |m: Members| view! { <Conveners members=m /> })}
                {loaded(timeline, || view! { <div class="figures skeleton"></div> }.into_any(), |t: Timeline| view! { <Figures timeline=t /> })}
                <p class="button-row">
                    <A href="/join" attr:class="button button-link">
                        "Join the coalition"
                    </A>
                    <A href="/write-to-your-mp" attr:class="button button-secondary button-link">
                        "Write to your MP"
                    </A>
                </p>
            </section>
            <section class="home-posts" aria-labelledby="latest-posts">
                <h2 id="latest-posts">"Latest news"</h2>
                {loaded(
                        posts, || view! { <ListSkeleton rows=3 /> }.into_any(),
                        |index: PostIndex| {
                            index
                                .posts
                                .into_iter()
                                .map(|post| view! { <PostCard post level=3 /> })
                                .collect_view()
                        },
                    )}
                <p>
                    <A href="/blog">"All news and updates"</A>
                </p>
            </section>
            <section class="home-progress" aria-labelledby="progress-heading">
                <h2 id="progress-heading">"Progress so far"</h2>
                {loaded(timeline, || view! { <ListSkeleton rows=2 /> }.into_any(), |t: Timeline| view! { <Progress timeline=t /> })}
                <p>
                    <A href="/timeline">"See the full timeline"</A>
                </p>
            </section>
        </div>
    }
}

/// "Convened by …", read from the members directory.
#[component]
fn Conveners(members: Members) -> impl IntoView {
    let query = MemberQuery::default();
    let names: Vec<&str> = members.conveners(&query).map(|m| m.name.as_str()).collect();
    (!names.is_empty())
        .then(|| view! { <p class="conveners">{format!("Convened by {}.", list_and(&names))}</p> })
}

/// The headline membership figure with its date, and the launch date, from the timeline.
#[component]
fn Figures(timeline: Timeline) -> impl IntoView {
    let latest = timeline.latest_membership().cloned();
    let launch = timeline.milestones.iter().find_map(|m| m.date);
    view! {
        <dl class="figures">
            {latest
                .map(|p| {
                    view! {
                        <div>
                            <dt>"Member organisations"</dt>
                            <dd>
                                <span class="figure">{p.short()}</span>
                                <span class="small">
                                    {format!("{} as of ", p.figure())} <DateTime date=p.date />
                                </span>
                            </dd>
                        </div>
                    }
                })}
            {launch
                .map(|d| {
                    view! {
                        <div>
                            <dt>"Launched"</dt>
                            <dd>
                                <span class="figure">
                                    <DateTime date=d />
                                </span>
                            </dd>
                        </div>
                    }
                })}
        </dl>
    }
}

/// The latest achieved milestones and the next planned one.
#[component]
fn Progress(timeline: Timeline) -> impl IntoView {
    let today = use_today();
    let row = move |m: Milestone| {
        let status = m.status;
        let ends = m.clone();
        let overdue = move || today.get().is_some_and(|t| ends.is_overdue(&t));
        let href = format!("/timeline#{}", m.id);
        view! {
            <li>
                <p class="milestone-meta">
                    <MilestoneWhen milestone=m.clone() />
                    " · "
                    {move || view! { <StatusBadge status overdue=overdue() /> }}
                </p>
                <p>
                    <a href=href>{m.title.clone()}</a>
                </p>
            </li>
        }
    };
    let achieved: Vec<Milestone> = timeline.latest_achieved(3).into_iter().cloned().collect();
    let next = timeline.next_planned().cloned();
    view! {
        <h3>"Achieved"</h3>
        <ul class="progress-list">{achieved.into_iter().map(row).collect_view()}</ul>
        {next
            .map(|m| {
                view! {
                    <h3>"Next"</h3>
                    <ul class="progress-list">{row(m)}</ul>
                }
            })}
    }
}
