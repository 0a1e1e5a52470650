//! What a coalition replaces before launch: the members marked as sample data and a
//! contact address at a domain kept for examples. Never an error, since deploying with
//! them is the coalition's choice, but always said, naming the file and line.

use super::{SourceError, TomlText};
use crate::rules::Problem;
use serde::Deserialize;

/// Only the fields this check reads; every other rule is the full readers'.
#[derive(Deserialize)]
struct Samples {
    #[serde(default)]
    members: Vec<Sample>,
}

#[derive(Deserialize)]
struct Sample {
    #[serde(default)]
    name: String,
    #[serde(default)]
    sample: bool,
}

#[derive(Deserialize)]
struct Contact {
    #[serde(default)]
    contact_email: String,
}

/// The domains set aside for examples (RFC 2606 and RFC 6761): never a real inbox.
fn is_example_address(email: &str) -> bool {
    let domain = email
        .rsplit_once('@')
        .map_or("", |(_, d)| d)
        .to_ascii_lowercase();
    ["example.org", "example.com", "example.net", "example"]
        .iter()
        .any(|reserved| domain == *reserved || domain.ends_with(&format!(".{reserved}")))
}

/// Each placeholder still in `site.toml` and `members.toml`, as (file, text) pairs.
pub fn before_launch(site: (&str, &str), members: (&str, &str)) -> Vec<SourceError> {
    let mut notes = Vec::new();
    let site_text = TomlText::new(site.0, site.1, 1);
    if let Ok(contact) = site_text.parse::<Contact>() {
        if is_example_address(&contact.contact_email) {
            notes.extend(site_text.locate(vec![Problem::new(
                "contact_email",
                format!(
                    "\"{}\" is a placeholder: set the coalition's real contact address before launch",
                    contact.contact_email
                ),
            )]));
        }
    }
    let members_text = TomlText::new(members.0, members.1, 1);
    if let Ok(source) = members_text.parse::<Samples>() {
        let samples = source.members.iter().enumerate().filter(|(_, m)| m.sample);
        notes.extend(members_text.locate(
            samples
                .map(|(i, m)| {
                    Problem::new(
                        format!("members[{i}].sample"),
                        format!(
                            "\"{}\" is made-up sample data: remove it or replace it with a real member before launch",
                            m.name
                        ),
                    )
                })
                .collect(),
        ));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_placeholder_with_its_line() {
        let site = "name = \"X\"\ncontact_email = \"hello@example.org\"\n";
        let members = "[[members]]\nname = \"Real Society\"\ntype = \"charity\"\n\n[[members]]\nname = \"Made-up Forum\"\ntype = \"charity\"\nsample = true\n";
        let notes: Vec<String> = before_launch(("site.toml", site), ("members.toml", members))
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].starts_with("site.toml:2:"), "{notes:?}");
        assert!(
            notes[0].contains("\"hello@example.org\" is a placeholder"),
            "{notes:?}"
        );
        assert!(notes[1].starts_with("members.toml:8:"), "{notes:?}");
        assert!(
            notes[1].contains("\"Made-up Forum\" is made-up sample data"),
            "{notes:?}"
        );
    }

    #[test]
    fn real_content_needs_nothing_replaced() {
        let site = "contact_email = \"team@coalition.org.uk\"\n";
        let members = "[[members]]\nname = \"Real Society\"\ntype = \"charity\"\n";
        assert!(before_launch(("s", site), ("m", members)).is_empty());
        assert!(!is_example_address("me@notexample.org"));
        assert!(is_example_address("me@mail.example.com"));
    }
}
