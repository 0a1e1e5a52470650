//! The members directory's rules.

use super::{Problem, Validate};
use content::link::{classify, LinkKind};
use content::members::{sort_key, Members};
use std::collections::HashMap;

impl Validate for Members {
    /// Every rule the directory must meet.
    fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        // Each name's key made once and looked up, not compared with every other name:
        // 20,000 members took 157 s by pairs.
        let mut seen: HashMap<String, usize> = HashMap::with_capacity(self.members.len());
        for (i, m) in self.members.iter().enumerate() {
            let field = |name: &str| format!("members[{i}].{name}");
            if m.name.trim().is_empty() {
                problems.push(Problem::new(field("name"), "must not be empty"));
            }
            if seen.insert(sort_key(&m.name), i).is_some() {
                problems.push(Problem::new(
                    field("name"),
                    format!("\"{}\" is listed twice", m.name),
                ));
            }
            if let Some(site) = &m.website {
                if classify(site) != Some(LinkKind::External) {
                    problems.push(Problem::new(
                        field("website"),
                        format!("\"{site}\" must be an http(s) address"),
                    ));
                }
            }
            for (j, n) in m.nations.iter().enumerate() {
                if m.nations[..j].contains(n) {
                    problems.push(Problem::new(
                        field("nations"),
                        format!("\"{}\" is listed twice", n.key()),
                    ));
                }
            }
            if m.convener && m.sample {
                problems.push(Problem::new(
                    field("sample"),
                    "a convener is a real organisation, not sample data",
                ));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use content::members::Nation;
    use content::samples::members as sample;

    #[test]
    fn validation_names_fields() {
        let mut m = sample();
        m.members[1].website = Some("javascript:alert(1)".into());
        m.members[2].name = "ANOTHER example union".into();
        m.members[3].nations = vec![Nation::Wales, Nation::Wales];
        m.members
            .iter_mut()
            .filter(|x| x.convener)
            .for_each(|x| x.sample = true);
        let fields: Vec<String> = m.validate().into_iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                "members[1].website",
                "members[2].name",
                "members[3].nations",
                "members[3].sample"
            ]
        );
    }

    #[test]
    fn five_thousand_distinct_names_are_checked_at_once_and_a_twin_still_found() {
        let mut m = sample();
        let model = m.members[0].clone();
        m.members = (0..5_000)
            .map(|i| content::members::Member {
                name: format!("Member organisation number {i}"),
                website: None,
                convener: false,
                ..model.clone()
            })
            .collect();
        m.members[4_999].name = "the MEMBER organisation number 17".into();
        let started = std::time::Instant::now();
        let problems = m.validate();
        let took = started.elapsed();
        assert_eq!(
            problems,
            [Problem::new(
                "members[4999].name",
                "\"the MEMBER organisation number 17\" is listed twice"
            )]
        );
        // One key a name: milliseconds. Every pair, two keys each: tens of seconds.
        assert!(took.as_secs_f64() < 1.0, "took {took:?}");
    }
}
