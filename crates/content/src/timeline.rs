//! The coalition's progress: milestones with honest dates, kinds and statuses,
//! and the membership figures the chart and home page read.

use crate::date::PartialDate;
use crate::doc::Block;
use crate::json::Fields;
use crate::link::{classify, LinkKind};
use serde::{Deserialize, Serialize};

/// Where a milestone stands.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// It has happened.
    Achieved,
    /// It has started and is not finished.
    InProgress,
    /// It was promised or planned and has not happened yet.
    Planned,
}

impl Status {
    /// Every status, in the order filters list them.
    pub const ALL: [Status; 3] = [Status::Achieved, Status::InProgress, Status::Planned];

    /// The word readers see, so status never relies on colour.
    pub fn label(self) -> &'static str {
        match self {
            Status::Achieved => "Achieved",
            Status::InProgress => "In progress",
            Status::Planned => "Planned",
        }
    }

    /// A shape shown beside the word, so status never relies on colour.
    pub fn shape(self) -> &'static str {
        match self {
            Status::Achieved => "●",
            Status::InProgress => "◐",
            Status::Planned => "○",
        }
    }

    /// The URL and JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::InProgress => "in_progress",
            Status::Planned => "planned",
        }
    }

    /// Reads a URL key.
    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A kind of milestone, listed in the timeline file so editors can add more.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    /// The kind's short name in web addresses and in each milestone's Kind. Milestones name it, so change it with care.
    #[cfg_attr(feature = "schema", schemars(title = "Short name for web addresses"))]
    pub slug: String,
    /// The name readers see.
    #[cfg_attr(feature = "schema", schemars(title = "Name readers see"))]
    pub name: String,
}

/// An outside source for a milestone.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Its whole web address, starting https://.
    #[cfg_attr(feature = "schema", schemars(title = "Web address"))]
    pub url: String,
    /// What the link says, naming the publisher.
    #[cfg_attr(feature = "schema", schemars(title = "Name of the source"))]
    pub label: String,
}

/// One step in the coalition's story.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    /// A stable, URL-safe id: `/timeline#<id>` reaches it.
    pub id: String,
    /// When, at the precision known; absent when no date is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// For a milestone without a date: the period it falls in, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// A short headline.
    pub title: String,
    /// A few sentences, as the same safe document tree as posts.
    pub description: Vec<Block>,
    /// The slug of one of the timeline's kinds.
    pub kind: String,
    /// Where it stands.
    pub status: Status,
    /// A post on this site about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post: Option<String>,
    /// An outside source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// The largest membership figure accepted: far more organisations than any coalition
/// has, so a figure past it is a typing mistake (and the chart's sums stay small).
pub const MEMBERSHIP_MAX: u32 = 1_000_000;

/// A bar's height for `count` on a chart whose tallest bar, for `max`, is `room` high:
/// worked in 64 bits and held to `room`, so no figure overflows or draws past the chart.
pub fn bar_height(count: u32, max: u32, room: u32) -> u32 {
    let scaled = u64::from(count.min(max)) * u64::from(room) / u64::from(max.max(1));
    u32::try_from(scaled).unwrap_or(room).min(room)
}

/// A membership figure: "more than `count` organisations" on a date.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MembershipPoint {
    /// When the figure was stated.
    pub date: PartialDate,
    /// The number of organisations.
    pub count: u32,
    /// True when the figure is a floor ("more than 130").
    #[serde(default)]
    pub at_least: bool,
}

impl MembershipPoint {
    /// The figure in words: "more than 130" or "130".
    pub fn figure(&self) -> String {
        if self.at_least {
            format!("more than {}", self.count)
        } else {
            self.count.to_string()
        }
    }

    /// The short form for charts: "130+" or "130".
    pub fn short(&self) -> String {
        if self.at_least {
            format!("{}+", self.count)
        } else {
            self.count.to_string()
        }
    }
}

/// The published timeline: `content/timeline.json`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// The kinds milestones may have.
    pub kinds: Vec<Kind>,
    /// Membership over time, oldest first.
    pub membership: Vec<MembershipPoint>,
    /// Milestones, oldest first.
    pub milestones: Vec<Milestone>,
}

crate::json::read_by_hand!(Timeline);

impl Timeline {
    /// Reads `timeline.json` by hand (see [`crate::json`]).
    pub fn from_json(value: &serde_json::Value) -> Result<Self, String> {
        let timeline = Fields::of(value)?;
        Ok(Timeline {
            kinds: timeline.needed_list("kinds", |k| {
                let kind = Fields::of(k)?;
                Ok(Kind {
                    slug: kind.needed("slug")?,
                    name: kind.needed("name")?,
                })
            })?,
            membership: timeline.list("membership", |p| {
                let point = Fields::of(p)?;
                Ok(MembershipPoint {
                    date: point.needed_date("date")?,
                    count: point.number("count")?,
                    at_least: point.flag("at_least")?,
                })
            })?,
            milestones: timeline.needed_list("milestones", |m| {
                let milestone = Fields::of(m)?;
                Ok(Milestone {
                    id: milestone.needed("id")?,
                    date: milestone.date("date")?,
                    period: milestone.text("period")?,
                    title: milestone.needed("title")?,
                    description: milestone.list("description", Block::from_json)?,
                    kind: milestone.needed("kind")?,
                    status: milestone.keyed("status", Status::from_key)?,
                    post: milestone.text("post")?,
                    source: milestone
                        .object("source", |source| {
                            Ok(Source {
                                url: source.needed("url")?,
                                label: source.needed("label")?,
                            })
                        })?
                        // The link policy again, since the JSON may come from elsewhere.
                        .filter(|s| classify(&s.url) == Some(LinkKind::External)),
                })
            })?,
        })
    }
}

/// What the reader has asked the timeline to show: `?kind=&status=`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineQuery {
    /// A kind slug, or every kind.
    pub kind: Option<String>,
    /// A status, or every status.
    pub status: Option<Status>,
}

impl TimelineQuery {
    /// The URL parameters this query reads, so the build can tell a shared filtered
    /// link from a plain one before the app has started.
    pub const KEYS: &'static [&'static str] = &["kind", "status"];

    /// Reads the query from URL parameters, ignoring values it does not know.
    pub fn from_params(kind: Option<String>, status: Option<String>) -> Self {
        Self {
            kind: kind.filter(|k| !k.is_empty()),
            status: status.as_deref().and_then(Status::from_key),
        }
    }

    /// The `?…` part of the timeline URL for this query.
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        if let Some(kind) = &self.kind {
            parts.push(format!("kind={}", crate::text::encode(kind)));
        }
        if let Some(status) = self.status {
            parts.push(format!("status={}", status.key()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// True when the milestone passes the filters.
    pub fn matches(&self, milestone: &Milestone) -> bool {
        self.kind.as_deref().is_none_or(|k| milestone.kind == k)
            && self.status.is_none_or(|s| milestone.status == s)
    }
}

/// A run of milestones under one heading: a year, or a period for undated ones.
#[derive(Debug, PartialEq, Eq)]
pub struct Group<'a> {
    /// "2023", or the period text of undated milestones.
    pub heading: String,
    /// The milestones, in order.
    pub milestones: Vec<&'a Milestone>,
}

impl Milestone {
    /// True for a planned or unfinished milestone whose whole date has passed.
    pub fn is_overdue(&self, today: &PartialDate) -> bool {
        self.status != Status::Achieved && self.date.is_some_and(|d| d.has_passed(today))
    }

    /// True when this milestone lies after today: planned for a date not yet passed.
    pub fn is_future(&self, today: &PartialDate) -> bool {
        self.date.is_some_and(|d| d.last_day() > today.last_day())
            || (self.date.is_none() && self.status == Status::Planned)
    }

    /// The date as readers see it, or the period, or an honest "date not known".
    pub fn when(&self) -> String {
        match (&self.date, &self.period) {
            (Some(date), _) => date.long(),
            (None, Some(period)) => format!("{period} (exact date not known)"),
            (None, None) => "Date not known".to_string(),
        }
    }
}

impl Timeline {
    /// The name of a kind, falling back to its slug.
    pub fn kind_name<'a>(&'a self, slug: &'a str) -> &'a str {
        self.kinds
            .iter()
            .find(|k| k.slug == slug)
            .map(|k| k.name.as_str())
            .unwrap_or(slug)
    }

    /// The matching milestones grouped by year (or period), oldest first.
    pub fn groups(&self, query: &TimelineQuery) -> Vec<Group<'_>> {
        let mut groups: Vec<Group<'_>> = Vec::new();
        for milestone in self.milestones.iter().filter(|m| query.matches(m)) {
            let heading = match (&milestone.date, &milestone.period) {
                (Some(date), _) => date.year().to_string(),
                (None, Some(period)) => period.clone(),
                (None, None) => "Date not known".to_string(),
            };
            match groups.last_mut() {
                Some(group) if group.heading == heading => group.milestones.push(milestone),
                _ => groups.push(Group {
                    heading,
                    milestones: vec![milestone],
                }),
            }
        }
        groups
    }

    /// The id of the first milestone that lies after today, where the "now" marker goes before;
    /// `None` puts it after the last.
    pub fn first_future<'a>(
        &'a self,
        query: &TimelineQuery,
        today: &PartialDate,
    ) -> Option<&'a str> {
        self.milestones
            .iter()
            .filter(|m| query.matches(m))
            .find(|m| m.is_future(today))
            .map(|m| m.id.as_str())
    }

    /// The most recent achieved milestones, newest first, for the home page.
    pub fn latest_achieved(&self, n: usize) -> Vec<&Milestone> {
        self.milestones
            .iter()
            .rev()
            .filter(|m| m.status == Status::Achieved && m.date.is_some())
            .take(n)
            .collect()
    }

    /// The next planned milestone: the earliest still planned.
    pub fn next_planned(&self) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.status == Status::Planned)
    }

    /// The latest membership figure, the coalition's headline number.
    pub fn latest_membership(&self) -> Option<&MembershipPoint> {
        self.membership.iter().max_by_key(|p| p.date)
    }

    /// Puts the membership figures and milestones in date order, so that an editor may add
    /// one anywhere in the file. A milestone known only by a period keeps its place after
    /// the dated one before it; "2023" comes after "2023-11-02", as the year's end does.
    pub fn sort_by_date(&mut self) {
        self.membership.sort_by_key(|p| p.date);
        let mut after = None;
        let mut keyed: Vec<_> = std::mem::take(&mut self.milestones)
            .into_iter()
            .map(|m| {
                if let Some(date) = m.date {
                    after = Some(date.last_day());
                }
                (after, m)
            })
            .collect();
        keyed.sort_by_key(|(key, _)| *key);
        self.milestones = keyed.into_iter().map(|(_, m)| m).collect();
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::keyed::read(deserializer, &Status::ALL, Status::key)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_bar_is_scaled_in_64_bits_and_never_taller_than_its_room() {
        assert_eq!(bar_height(40_000_000, 40_000_000, 130), 130);
        assert_eq!(bar_height(20_000_000, 40_000_000, 130), 65);
        assert_eq!(bar_height(u32::MAX, u32::MAX, 130), 130);
        assert_eq!(bar_height(u32::MAX, 1, 130), 130, "never past the room");
        assert_eq!(
            bar_height(5, 0, 130),
            0,
            "a zero top divides nothing by zero"
        );
        assert_eq!(bar_height(0, 10, 130), 0);
    }

    use super::*;
    use crate::samples::{date, milestone, timeline as sample};

    #[test]
    fn keys_name_every_parameter_the_url_carries() {
        let q =
            TimelineQuery::from_params(Some("policy".into()), Some(Status::ALL[0].key().into()));
        assert_eq!(
            crate::blog::keys_in(&q.to_query_string()),
            TimelineQuery::KEYS
        );
    }

    #[test]
    fn a_source_address_the_link_policy_refuses_is_dropped_when_read() {
        let mut written = sample();
        written.milestones[0].source = Some(Source {
            url: "javascript:alert(document.domain)".into(),
            label: "A report".into(),
        });
        let json = serde_json::to_value(&written).unwrap_or_default();
        let read = Timeline::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read.milestones[0].source, None);
    }

    #[test]
    fn the_published_timeline_reads_back_whole() {
        let mut written = sample();
        written.milestones[0].source = Some(Source {
            url: "https://example.org".into(),
            label: "A report".into(),
        });
        written.milestones[1].post = Some("a-post".into());
        let json = crate::json::check::reads_back(&written);
        let bad = json.replacen("\"achieved\"", "\"done\"", 1);
        assert_eq!(
            crate::json::check::refusal::<Timeline>(&bad).as_deref(),
            Some("`milestones[0].status` \"done\" is not one the site knows")
        );
    }

    #[test]
    fn groups_by_year_with_undated_under_their_period() {
        let timeline = sample();
        let groups = timeline.groups(&TimelineQuery::default());
        let headings: Vec<&str> = groups.iter().map(|g| g.heading.as_str()).collect();
        assert_eq!(headings, ["2022", "During the first year", "2023", "2025"]);
        assert_eq!(groups[2].milestones.len(), 3);
    }

    #[test]
    fn now_marker_and_overdue_follow_today() {
        let timeline = sample();
        let all = TimelineQuery::default();
        let early = date("2023-12-01");
        assert_eq!(timeline.first_future(&all, &early), Some("steering-group"));
        let during = date("2023-06-01");
        assert_eq!(timeline.first_future(&all, &during), Some("anniversary"));
        let late = date("2026-11-28");
        assert_eq!(timeline.first_future(&all, &late), None);
        let steering = &timeline.milestones[4];
        assert!(!steering.is_overdue(&date("2023-12-31")));
        assert!(steering.is_overdue(&date("2024-01-01")));
        assert!(
            !timeline.milestones[0].is_overdue(&late),
            "achieved is never overdue"
        );
    }

    #[test]
    fn filters_by_kind_and_status() {
        let mut timeline = sample();
        timeline.milestones[2].kind = "government".into();
        let q = TimelineQuery::from_params(Some("government".into()), Some("achieved".into()));
        assert_eq!(q.to_query_string(), "?kind=government&status=achieved");
        let ids: Vec<&str> = timeline
            .groups(&q)
            .iter()
            .flat_map(|g| g.milestones.iter().map(|m| m.id.as_str()))
            .collect();
        assert_eq!(ids, ["plan"]);
        let planned = TimelineQuery::from_params(None, Some("planned".into()));
        assert_eq!(timeline.groups(&planned).len(), 2);
        assert_eq!(
            TimelineQuery::from_params(None, Some("bogus".into())).status,
            None
        );
    }

    #[test]
    fn home_figures_come_from_the_data() {
        let timeline = sample();
        let latest: Vec<&str> = timeline
            .latest_achieved(2)
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(latest, ["anniversary", "plan"]);
        assert_eq!(
            timeline.next_planned().map(|m| m.id.as_str()),
            Some("steering-group")
        );
        assert_eq!(
            timeline.latest_membership().map(|p| p.figure()),
            Some("more than 130".into())
        );
    }

    #[test]
    fn when_is_honest_about_precision() {
        let t = sample();
        assert_eq!(t.milestones[0].when(), "2 November 2022");
        assert_eq!(
            t.milestones[1].when(),
            "During the first year (exact date not known)"
        );
        assert_eq!(t.milestones[4].when(), "2023");
    }

    #[test]
    fn milestones_and_figures_added_anywhere_are_put_in_date_order() {
        let mut t = sample();
        let before: Vec<String> = t.milestones.iter().map(|m| m.id.clone()).collect();
        t.sort_by_date();
        let same: Vec<String> = t.milestones.iter().map(|m| m.id.clone()).collect();
        assert_eq!(same, before, "a timeline already in order keeps its order");
        t.milestones
            .push(milestone("early", Some("2022-12"), Status::Achieved));
        let mut undated = milestone("after-early", None, Status::Achieved);
        undated.period = Some("Soon after".into());
        t.milestones.push(undated);
        let latest = t.membership.last().map(|p| p.date);
        t.membership.insert(
            0,
            MembershipPoint {
                date: date("2099-01-01"),
                count: 1,
                at_least: false,
            },
        );
        t.sort_by_date();
        let ids: Vec<&str> = t.milestones.iter().map(|m| m.id.as_str()).collect();
        let at = |id: &str| ids.iter().position(|i| *i == id);
        assert!(
            at("launch") < at("early") && at("early") < at("after-early"),
            "{ids:?}"
        );
        assert!(at("after-early") < at("plan"), "{ids:?}");
        assert_eq!(
            t.membership.last().map(|p| p.date),
            Some(date("2099-01-01"))
        );
        assert!(t.membership.iter().rev().nth(1).map(|p| p.date) == latest);
    }
}
