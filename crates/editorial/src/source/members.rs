//! `content/members.toml`: the members directory.

use super::{SourceError, TomlText};
use crate::rules::Validate;
use content::members::{Member, Members, Nation, OrgType};
use serde::Deserialize;

/// A member as editors write it.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct MemberSource {
    /// The organisation's name, as it writes it.
    #[schemars(title = "Name")]
    name: String,
    /// What kind of organisation it is.
    #[serde(rename = "type")]
    #[schemars(title = "Type")]
    org_type: OrgType,
    /// Where it works.
    #[serde(default)]
    #[schemars(title = "Nations")]
    nations: Vec<Nation>,
    /// Its website, starting https://.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    #[schemars(title = "Website")]
    website: Option<String>,
    /// When it joined: a day, a month (2023-03) or a year.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    #[schemars(title = "Joined", with = "Option<content::date::PartialDate>")]
    joined: Option<toml::Value>,
    /// Tick for an organisation that convenes the coalition.
    #[serde(default)]
    #[schemars(title = "Convener")]
    convener: bool,
    /// Tick for made-up example data, which the site labels as such.
    #[serde(default)]
    #[schemars(title = "Sample data")]
    sample: bool,
}

/// `content/members.toml` as editors write it; the CMS's members form is made from its schema.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct MembersSource {
    /// Every member organisation.
    #[schemars(title = "Members")]
    members: Vec<MemberSource>,
}

/// Reads and checks `content/members.toml`, returning the directory A to Z. Every
/// rule about members needs only this file, so the library adds none.
pub fn load_members(file: &str, src: &str) -> Result<Members, Vec<SourceError>> {
    let text = TomlText::new(file, src, 1);
    let source: MembersSource = text.parse().map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut members = Vec::new();
    for (i, m) in source.members.into_iter().enumerate() {
        let joined = m
            .joined
            .as_ref()
            .and_then(|value| text.date(&format!("members[{i}].joined"), value, &mut errors));
        members.push(Member {
            name: m.name,
            org_type: m.org_type,
            nations: m.nations,
            website: m.website,
            joined,
            convener: m.convener,
            sample: m.sample,
        });
    }
    let mut directory = Members { members };
    errors.extend(text.locate(directory.validate()));
    if !errors.is_empty() {
        return Err(errors);
    }
    directory.sort();
    Ok(directory)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MEMBERS: &str = r#"[[members]]
name = "Zed Example Group"
type = "charity"
nations = ["england"]
sample = true

[[members]]
name = "Alpha Example Society"
type = "professional_body"
joined = "2023-03"
sample = true
"#;

    #[test]
    fn loads_sorted() {
        let m = load_members("m.toml", MEMBERS).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(m.members[0].name, "Alpha Example Society");
        assert_eq!(
            m.members[0].joined.map(|d| d.long()),
            Some("March 2023".into())
        );
    }

    #[test]
    fn bad_members_name_file_line_and_field() {
        let cases = [
            (
                MEMBERS.replace("type = \"charity\"", "type = \"club\""),
                3,
                None,
            ),
            (MEMBERS.replace("[\"england\"]", "[\"atlantis\"]"), 4, None),
            (
                MEMBERS.replace("joined = \"2023-03\"", "joined = \"2023-3\""),
                10,
                Some("members[1].joined"),
            ),
            (
                MEMBERS.replace("joined = \"2023-03\"", "joined = 2023-03"),
                10,
                None,
            ),
            (
                MEMBERS.replace("Alpha Example Society", "zed example group"),
                8,
                Some("members[1].name"),
            ),
            (
                MEMBERS.replace(
                    "sample = true\n\n",
                    "sample = true\nwebsite = \"ftp://x\"\n\n",
                ),
                6,
                Some("members[0].website"),
            ),
        ];
        for (src, line, field) in cases {
            let errors = load_members("content/members.toml", &src)
                .err()
                .unwrap_or_default();
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert_eq!(errors[0].line, Some(line), "{errors:?}");
            assert_eq!(errors[0].field.as_deref(), field, "{errors:?}");
        }
    }
}
