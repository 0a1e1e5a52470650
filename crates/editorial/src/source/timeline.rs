//! `content/timeline.toml`: the coalition's milestones and membership figures.

use super::{markdown_errors, site_links, Origin, SiteLink, SourceError, TomlText};
use crate::markdown::to_document;
use crate::rules::Validate;
use content::timeline::{Kind, MembershipPoint, Milestone, Source, Status, Timeline};
use serde::Deserialize;

/// A milestone as editors write it.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct MilestoneSource {
    /// A short name for links to it (lower-case words and hyphens), such as first-anniversary. Links use it, so change it with care.
    #[schemars(title = "Link name")]
    id: String,
    /// When it happened or is due: a day, a month (2023-03) or a year.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    #[schemars(title = "Date", with = "Option<content::date::PartialDate>")]
    date: Option<toml::Value>,
    /// If no date is known, when it happened in words.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    #[schemars(title = "Period")]
    period: Option<String>,
    /// What happened, in a few words.
    #[schemars(title = "Title")]
    title: String,
    /// What it means, in a sentence or two.
    #[schemars(title = "Description", extend("x-widget" = "markdown"))]
    description: String,
    /// One of the kinds of milestone, listed at the end of the timeline.
    #[schemars(title = "Kind")]
    kind: String,
    /// Where it stands.
    #[schemars(title = "Status")]
    status: Status,
    /// A blog post about it, if there is one.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    #[schemars(title = "Blog post")]
    post: Option<String>,
    /// Where readers can check it.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    #[schemars(title = "Source")]
    source: Option<Source>,
}

/// A membership figure as editors write it.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct MembershipSource {
    /// When the figure was true: a day, a month or a year.
    #[schemars(title = "Date", with = "content::date::PartialDate")]
    date: toml::Value,
    /// How many organisations were members.
    #[schemars(title = "Members")]
    count: u32,
    /// Tick if the figure is "at least" this many.
    #[serde(default)]
    #[schemars(title = "At least")]
    at_least: bool,
}

/// `content/timeline.toml` as editors write it; the CMS's timeline form is made from its schema.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TimelineSource {
    /// The milestones, in any order: the site shows them by date.
    #[schemars(title = "Milestones")]
    milestones: Vec<MilestoneSource>,
    /// How many organisations were members and when, in any order, for the chart.
    #[serde(default)]
    #[schemars(title = "Membership figures")]
    membership: Vec<MembershipSource>,
    /// The kinds of milestone readers can filter by. Rarely changed.
    #[schemars(title = "Kinds of milestone")]
    kinds: Vec<Kind>,
}

/// The timeline checked on its own, with what the library needs to check it against the rest.
#[derive(Debug)]
pub struct ParsedTimeline {
    /// The timeline as it will be published.
    pub timeline: Timeline,
    /// Every site-relative link in the descriptions.
    pub links: Vec<SiteLink>,
    /// The file, to place errors about its fields.
    pub origin: Origin,
}

/// Reads and checks `content/timeline.toml`.
pub fn load_timeline(file: &str, src: &str) -> Result<ParsedTimeline, Vec<SourceError>> {
    let text = TomlText::new(file, src, 1);
    let source: TimelineSource = text.parse().map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut links = Vec::new();
    let mut milestones = Vec::new();
    for (i, m) in source.milestones.into_iter().enumerate() {
        let date = m
            .date
            .as_ref()
            .and_then(|value| text.date(&format!("milestones[{i}].date"), value, &mut errors));
        let converted = to_document(&m.description);
        let field = format!("milestones[{i}].description");
        let first_line = text.text_line(&field).unwrap_or(1);
        errors.extend(markdown_errors(
            file,
            converted.problems,
            first_line,
            &field,
        ));
        links.extend(site_links(
            &converted.internal_links,
            &converted.pictures,
            first_line,
            &field,
        ));
        milestones.push(Milestone {
            id: m.id,
            date,
            period: m.period,
            title: m.title,
            description: converted.blocks,
            kind: m.kind,
            status: m.status,
            post: m.post,
            source: m.source,
        });
    }
    let mut membership = Vec::new();
    for (i, p) in source.membership.into_iter().enumerate() {
        if let Some(date) = text.date(&format!("membership[{i}].date"), &p.date, &mut errors) {
            membership.push(MembershipPoint {
                date,
                count: p.count,
                at_least: p.at_least,
            });
        }
    }
    let timeline = Timeline {
        kinds: source.kinds,
        membership,
        milestones,
    };
    if errors.is_empty() {
        errors.extend(text.locate(timeline.validate()));
    }
    if errors.is_empty() {
        Ok(ParsedTimeline {
            timeline,
            links,
            origin: Origin::new(file, src, 1),
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) const TIMELINE: &str = r#"[[kinds]]
slug = "coalition"
name = "Coalition"

[[membership]]
date = 2022-11-02
count = 100
at_least = true

[[milestones]]
id = "launch"
date = 2022-11-02
title = "Launch"
description = "The coalition [launches](/blog/a-post)."
kind = "coalition"
status = "achieved"
post = "a-post"

[[milestones]]
id = "debate"
period = "During the first year"
title = "Debate"
description = """
A debate, [planned](/join).
"""
kind = "coalition"
status = "achieved"
"#;

    #[test]
    fn parses_the_timeline() {
        let parsed = load_timeline("t.toml", TIMELINE).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(parsed.timeline.milestones.len(), 2);
        assert_eq!(
            parsed.timeline.milestones[1].when(),
            "During the first year (exact date not known)"
        );
        let links: Vec<(usize, &str)> = parsed
            .links
            .iter()
            .map(|l| (l.line, l.href.as_str()))
            .collect();
        assert_eq!(
            links,
            [(14, "/blog/a-post"), (24, "/join")],
            "a multi-line description's text begins on the line after its quotes"
        );
    }

    #[test]
    fn bad_timelines_name_file_line_and_field() {
        let cases = [
            (
                TIMELINE.replace("date = 2022-11-02\ntitle", "date = \"2022-13\"\ntitle"),
                12,
                "milestones[0].date",
            ),
            (
                TIMELINE.replace("id = \"debate\"", "id = \"launch\""),
                20,
                "milestones[1].id",
            ),
            (
                TIMELINE.replace(
                    "kind = \"coalition\"\nstatus = \"achieved\"\npost",
                    "kind = \"rumour\"\nstatus = \"achieved\"\npost",
                ),
                15,
                "milestones[0].kind",
            ),
            (
                TIMELINE.replace("period = \"During the first year\"\n", ""),
                19,
                "milestones[1].date",
            ),
            (
                TIMELINE.replace("(/blog/a-post)", "(javascript:alert(1))"),
                14,
                "milestones[0].description",
            ),
        ];
        for (src, line, field) in cases {
            let errors = load_timeline("content/timeline.toml", &src)
                .err()
                .unwrap_or_default();
            assert_eq!(errors.len(), 1, "{field}: {errors:?}");
            assert_eq!(errors[0].field.as_deref(), Some(field), "{errors:?}");
            assert_eq!(errors[0].line, Some(line), "{field}: {errors:?}");
        }
        let bad_status = TIMELINE.replace("status = \"achieved\"\npost", "status = \"done\"\npost");
        let errors = load_timeline("t.toml", &bad_status)
            .err()
            .unwrap_or_default();
        assert_eq!(errors[0].line, Some(16), "{errors:?}");
        assert!(errors[0].message.contains("done"), "{errors:?}");
    }
}
