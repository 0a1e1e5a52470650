//! The members directory's rules.

use super::{Problem, Validate};
use content::link::{classify, LinkKind};
use content::members::{sort_key, Members};

impl Validate for Members {
    /// Every rule the directory must meet.
    fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (i, m) in self.members.iter().enumerate() {
            let field = |name: &str| format!("members[{i}].{name}");
            if m.name.trim().is_empty() {
                problems.push(Problem::new(field("name"), "must not be empty"));
            }
            if self.members[..i]
                .iter()
                .any(|o| sort_key(&o.name) == sort_key(&m.name))
            {
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
}
