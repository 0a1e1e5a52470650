//! The timeline's rules on its own (the posts its milestones name are checked by the
//! library).

use super::{Problem, Validate};
use content::link::{classify, LinkKind};
use content::post::title_problem;
use content::text::is_slug;
use content::timeline::{Timeline, MEMBERSHIP_MAX};
use std::collections::HashSet;

impl Validate for Timeline {
    /// Every rule the timeline must meet on its own (the posts its milestones name
    /// are checked by the library).
    fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        // Each key looked up in a set, not compared with every earlier one.
        let mut kinds = HashSet::new();
        for (i, kind) in self.kinds.iter().enumerate() {
            if !is_slug(&kind.slug) {
                problems.push(Problem::new(
                    format!("kinds[{i}].slug"),
                    "use lower-case letters, digits and hyphens",
                ));
            }
            if !kinds.insert(kind.slug.as_str()) {
                problems.push(Problem::new(
                    format!("kinds[{i}].slug"),
                    format!("\"{}\" is listed twice", kind.slug),
                ));
            }
        }
        let mut ids = HashSet::new();
        for (i, m) in self.milestones.iter().enumerate() {
            let field = |name: &str| format!("milestones[{i}].{name}");
            if !is_slug(&m.id) {
                problems.push(Problem::new(
                    field("id"),
                    format!(
                        "\"{}\" must use lower-case letters, digits and hyphens",
                        m.id
                    ),
                ));
            }
            if !ids.insert(m.id.as_str()) {
                problems.push(Problem::new(
                    field("id"),
                    format!("\"{}\" is used by an earlier milestone", m.id),
                ));
            }
            if let Some(why) = title_problem(&m.title) {
                problems.push(Problem::new(field("title"), why));
            }
            match (&m.date, &m.period) {
                (None, None) => problems.push(Problem::new(
                    field("date"),
                    "give a date (YYYY-MM-DD, YYYY-MM or YYYY) or, if none is known, a `period` in words",
                )),
                (None, Some(period)) if period.trim().is_empty() => {
                    problems.push(Problem::new(field("period"), "must not be empty"));
                }
                _ => {}
            }
            if !kinds.contains(m.kind.as_str()) {
                let known: Vec<&str> = self.kinds.iter().map(|k| k.slug.as_str()).collect();
                problems.push(Problem::new(
                    field("kind"),
                    format!(
                        "\"{}\" is not a known kind; use one of: {}",
                        m.kind,
                        known.join(", ")
                    ),
                ));
            }
            if let Some(source) = &m.source {
                if classify(&source.url) != Some(LinkKind::External) {
                    problems.push(Problem::new(
                        field("source"),
                        format!("\"{}\" must be an http(s) address", source.url),
                    ));
                }
                if source.label.trim().is_empty() {
                    problems.push(Problem::new(field("source"), "the source needs a label"));
                }
            }
        }
        let mut dates = HashSet::new();
        for (i, p) in self.membership.iter().enumerate() {
            if p.count > MEMBERSHIP_MAX {
                problems.push(Problem::new(
                    format!("membership[{i}].count"),
                    format!(
                        "{} organisations is more than any coalition has; a membership figure may be at most 1,000,000: check the number for a typing mistake",
                        p.count
                    ),
                ));
            }
            if !dates.insert(p.date) {
                problems.push(Problem::new(
                    format!("membership[{i}].date"),
                    format!(
                        "there is already a membership figure for {}; change one of the dates or remove one",
                        p.date.long()
                    ),
                ));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use content::samples::{milestone, timeline as sample};
    use content::timeline::{MembershipPoint, Source, Status};

    #[test]
    fn sample_is_valid() {
        assert_eq!(sample().validate(), vec![]);
    }

    #[test]
    fn each_rule_names_its_field() {
        let mut t = sample();
        t.milestones[1].id = "launch".into();
        t.milestones[3].kind = "gossip".into();
        t.milestones[5].source = Some(Source {
            url: "javascript:x".into(),
            label: "x".into(),
        });
        let mut undated = milestone("x", None, Status::Achieved);
        undated.period = None;
        t.milestones.push(undated);
        let again = t.membership[0].date;
        t.membership.push(MembershipPoint {
            date: again,
            count: 1,
            at_least: false,
        });
        let fields: Vec<String> = t.validate().into_iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                "milestones[1].id",
                "milestones[3].kind",
                "milestones[5].source",
                "milestones[6].date",
                "membership[2].date"
            ]
        );
    }

    #[test]
    fn a_membership_count_past_a_million_is_refused_naming_the_field() {
        let mut t = sample();
        t.membership[0].count = 1_000_000;
        assert_eq!(t.validate(), vec![], "a million is plausible");
        t.membership[0].count = 40_000_000;
        let problems = t.validate();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field, "membership[0].count");
        assert!(
            problems[0].message.contains("40000000") && problems[0].message.contains("1,000,000"),
            "{problems:?}"
        );
    }
}
