//! The members directory: organisation types and nations shared with the
//! sign-up form, the directory's rules, and its search and A to Z grouping.

use crate::date::PartialDate;
use crate::json::Fields;
use serde::{Deserialize, Serialize};

/// The kinds of organisation that can join, the same list the sign-up form offers.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgType {
    /// A registered charity or voluntary organisation.
    Charity,
    /// A professional body or royal college.
    ProfessionalBody,
    /// A trade union.
    TradeUnion,
    /// A school or college.
    SchoolOrCollege,
    /// A health or care provider.
    HealthOrCareProvider,
    /// A local authority.
    LocalAuthority,
    /// A research or academic body.
    ResearchOrAcademic,
    /// Anything else.
    Other,
}

impl OrgType {
    /// Every type, in the order forms and filters list them.
    pub const ALL: [OrgType; 8] = [
        OrgType::Charity,
        OrgType::ProfessionalBody,
        OrgType::TradeUnion,
        OrgType::SchoolOrCollege,
        OrgType::HealthOrCareProvider,
        OrgType::LocalAuthority,
        OrgType::ResearchOrAcademic,
        OrgType::Other,
    ];

    /// The words readers see.
    pub fn label(self) -> &'static str {
        match self {
            OrgType::Charity => "Charity or voluntary organisation",
            OrgType::ProfessionalBody => "Professional body",
            OrgType::TradeUnion => "Trade union",
            OrgType::SchoolOrCollege => "School or college",
            OrgType::HealthOrCareProvider => "Health or care provider",
            OrgType::LocalAuthority => "Local authority",
            OrgType::ResearchOrAcademic => "Research or academic body",
            OrgType::Other => "Other",
        }
    }

    /// The URL and JSON key.
    pub fn key(self) -> &'static str {
        match self {
            OrgType::Charity => "charity",
            OrgType::ProfessionalBody => "professional_body",
            OrgType::TradeUnion => "trade_union",
            OrgType::SchoolOrCollege => "school_or_college",
            OrgType::HealthOrCareProvider => "health_or_care_provider",
            OrgType::LocalAuthority => "local_authority",
            OrgType::ResearchOrAcademic => "research_or_academic",
            OrgType::Other => "other",
        }
    }

    /// Reads a URL or form key.
    pub fn from_key(key: &str) -> Option<OrgType> {
        OrgType::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// Where an organisation works, the same list the sign-up form offers.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Nation {
    /// England.
    England,
    /// Scotland.
    Scotland,
    /// Wales.
    Wales,
    /// Northern Ireland.
    NorthernIreland,
    /// The whole of the UK.
    UkWide,
}

impl Nation {
    /// Every choice, in the order forms and filters list them.
    pub const ALL: [Nation; 5] = [
        Nation::England,
        Nation::Scotland,
        Nation::Wales,
        Nation::NorthernIreland,
        Nation::UkWide,
    ];

    /// The words readers see.
    pub fn label(self) -> &'static str {
        match self {
            Nation::England => "England",
            Nation::Scotland => "Scotland",
            Nation::Wales => "Wales",
            Nation::NorthernIreland => "Northern Ireland",
            Nation::UkWide => "UK-wide",
        }
    }

    /// The URL and JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Nation::England => "england",
            Nation::Scotland => "scotland",
            Nation::Wales => "wales",
            Nation::NorthernIreland => "northern_ireland",
            Nation::UkWide => "uk_wide",
        }
    }

    /// Reads a URL or form key.
    pub fn from_key(key: &str) -> Option<Nation> {
        Nation::ALL.into_iter().find(|n| n.key() == key)
    }
}

/// One organisation in the directory.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// The organisation's name.
    pub name: String,
    /// What kind of organisation it is.
    #[serde(rename = "type")]
    pub org_type: OrgType,
    /// Where it works; empty when not stated.
    #[serde(default)]
    pub nations: Vec<Nation>,
    /// Its website, an http(s) address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// When it joined, at the precision known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined: Option<PartialDate>,
    /// True for the organisations that convened the coalition.
    #[serde(default)]
    pub convener: bool,
    /// True for made-up example entries that a real deployment must replace.
    #[serde(default)]
    pub sample: bool,
}

impl Member {
    /// True when the organisation works in `nation` (UK-wide counts for every nation).
    pub fn works_in(&self, nation: Nation) -> bool {
        self.nations.contains(&nation)
            || (nation != Nation::UkWide && self.nations.contains(&Nation::UkWide))
    }

    /// Where it works, as the directory says it: "Works UK-wide", "Works in England and Wales";
    /// `None` when not stated.
    pub fn works(&self) -> Option<String> {
        if self.nations.is_empty() {
            None
        } else if self.nations == [Nation::UkWide] {
            Some("Works UK-wide".to_string())
        } else {
            let names: Vec<&str> = self.nations.iter().map(|n| n.label()).collect();
            Some(format!("Works in {}", list_and(&names)))
        }
    }

    /// The letter the A to Z list files it under, ignoring a leading "The".
    pub fn letter(&self) -> char {
        sort_key(&self.name)
            .chars()
            .next()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_uppercase())
            .unwrap_or('#')
    }
}

/// The key a name is sorted and compared by, so "The X" and "x" are one member.
pub fn sort_key(name: &str) -> String {
    let lower = crate::text::fold_case(name.trim());
    lower
        .strip_prefix("the ")
        .map(str::to_string)
        .unwrap_or(lower)
}

/// Joins names as readers expect: "A", "A and B", "A, B and C".
pub fn list_and(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The published directory: `content/members.json`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Members {
    /// Every listed organisation, A to Z.
    pub members: Vec<Member>,
}

crate::json::read_by_hand!(Members);

impl Members {
    /// Reads `members.json` by hand (see [`crate::json`]).
    pub fn from_json(value: &serde_json::Value) -> Result<Self, String> {
        let members = Fields::of(value)?.needed_list("members", |m| {
            let member = Fields::of(m)?;
            Ok(Member {
                name: member.needed("name")?,
                org_type: member.keyed("type", OrgType::from_key)?,
                nations: member.list("nations", |n| {
                    n.as_str()
                        .and_then(Nation::from_key)
                        .ok_or_else(|| format!("{n} is not a nation the site knows"))
                })?,
                website: member.text("website")?,
                joined: member.date("joined")?,
                convener: member.flag("convener")?,
                sample: member.flag("sample")?,
            })
        })?;
        Ok(Members { members })
    }
}

/// What the reader has asked the directory to show: `?q=&type=&nation=`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemberQuery {
    /// Words to find in names.
    pub q: String,
    /// Only this type.
    pub org_type: Option<OrgType>,
    /// Only organisations working here.
    pub nation: Option<Nation>,
}

impl MemberQuery {
    /// The URL parameters this query reads, so the build can tell a shared filtered
    /// link from a plain one before the app has started.
    pub const KEYS: &'static [&'static str] = &["q", "type", "nation"];

    /// Reads the query from URL parameters, ignoring values it does not know.
    pub fn from_params(
        q: Option<String>,
        org_type: Option<String>,
        nation: Option<String>,
    ) -> Self {
        Self {
            q: q.map(|q| q.trim().to_string()).unwrap_or_default(),
            org_type: org_type.as_deref().and_then(OrgType::from_key),
            nation: nation.as_deref().and_then(Nation::from_key),
        }
    }

    /// True when nothing narrows the list.
    pub fn is_unfiltered(&self) -> bool {
        self.q.is_empty() && self.org_type.is_none() && self.nation.is_none()
    }

    /// The `?…` part of the members URL.
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        if !self.q.is_empty() {
            parts.push(format!("q={}", crate::text::encode(&self.q)));
        }
        if let Some(t) = self.org_type {
            parts.push(format!("type={}", t.key()));
        }
        if let Some(n) = self.nation {
            parts.push(format!("nation={}", n.key()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// True when the member passes every filter.
    pub fn matches(&self, member: &Member) -> bool {
        let name = crate::text::fold_case(&member.name);
        crate::text::fold_case(&self.q)
            .split_whitespace()
            .all(|w| name.contains(w))
            && self.org_type.is_none_or(|t| member.org_type == t)
            && self.nation.is_none_or(|n| member.works_in(n))
    }
}

impl Members {
    /// Sorts A to Z by name, ignoring case and a leading "The".
    pub fn sort(&mut self) {
        // Each key made once, not twice for every comparison.
        self.members.sort_by_cached_key(|m| sort_key(&m.name));
    }

    /// True when any entry is sample data.
    pub fn has_samples(&self) -> bool {
        self.members.iter().any(|m| m.sample)
    }

    /// The conveners that match, A to Z.
    pub fn conveners<'a>(&'a self, query: &'a MemberQuery) -> impl Iterator<Item = &'a Member> {
        self.members
            .iter()
            .filter(move |m| m.convener && query.matches(m))
    }

    /// The other matching members, grouped under their first letter, A to Z.
    pub fn by_letter(&self, query: &MemberQuery) -> Vec<(char, Vec<&Member>)> {
        let mut groups: Vec<(char, Vec<&Member>)> = Vec::new();
        for member in self
            .members
            .iter()
            .filter(|m| !m.convener && query.matches(m))
        {
            let letter = member.letter();
            match groups.last_mut() {
                Some((l, list)) if *l == letter => list.push(member),
                _ => groups.push((letter, vec![member])),
            }
        }
        groups
    }
}

impl<'de> Deserialize<'de> for OrgType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::keyed::read(deserializer, &OrgType::ALL, OrgType::key)
    }
}

impl<'de> Deserialize<'de> for Nation {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::keyed::read(deserializer, &Nation::ALL, Nation::key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::{member, members as sample};

    #[test]
    fn keys_name_every_parameter_the_url_carries() {
        let q = MemberQuery::from_params(
            Some("speech".into()),
            Some(OrgType::ALL[0].key().into()),
            Some(Nation::ALL[0].key().into()),
        );
        assert_eq!(
            crate::blog::keys_in(&q.to_query_string()),
            MemberQuery::KEYS
        );
    }

    #[test]
    fn the_published_directory_reads_back_whole() {
        let mut written = sample();
        written.members[1].website = Some("https://example.org".into());
        written.members[1].joined = crate::date::PartialDate::parse("2023-03").ok();
        let json = crate::json::check::reads_back(&written);
        let bad = json.replacen("\"england\"", "\"atlantis\"", 1);
        assert_eq!(
            crate::json::check::refusal::<Members>(&bad).as_deref(),
            Some("`members[2].nations[0]` \"atlantis\" is not a nation the site knows")
        );
    }

    #[test]
    fn sorts_and_groups_a_to_z_ignoring_the() {
        let m = sample();
        let groups = m.by_letter(&MemberQuery::default());
        let letters: Vec<char> = groups.iter().map(|(l, _)| *l).collect();
        assert_eq!(letters, ['A', 'E']);
        assert_eq!(groups[1].1.len(), 2);
        assert_eq!(groups[1].1[0].name, "the Example Academy Trust");
        assert_eq!(m.conveners(&MemberQuery::default()).count(), 1);
    }

    #[test]
    fn searches_and_filters() {
        let m = sample();
        let q = MemberQuery::from_params(Some("speech".into()), None, None);
        let names: Vec<&str> = m
            .members
            .iter()
            .filter(|x| q.matches(x))
            .map(|x| x.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Example Speech Therapy Network",
                "Royal College of Speech and Language Therapists"
            ]
        );
        let wales = MemberQuery::from_params(None, None, Some("wales".into()));
        let names: Vec<&str> = m
            .members
            .iter()
            .filter(|x| wales.matches(x))
            .map(|x| x.name.as_str())
            .collect();
        assert_eq!(
            names,
            ["Another Example Union", "the Example Academy Trust"],
            "UK-wide counts in Wales"
        );
        let q = MemberQuery::from_params(
            Some("".into()),
            Some("trade_union".into()),
            Some("nowhere".into()),
        );
        assert_eq!(q.nation, None);
        assert_eq!(q.to_query_string(), "?type=trade_union");
    }

    #[test]
    fn says_where_a_member_works() {
        let m = |nations: &[Nation]| member("X", OrgType::Charity, nations).works();
        assert_eq!(m(&[]), None);
        assert_eq!(m(&[Nation::UkWide]), Some("Works UK-wide".into()));
        assert_eq!(
            m(&[Nation::England, Nation::Wales]),
            Some("Works in England and Wales".into())
        );
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(list_and(&[]), "");
        assert_eq!(list_and(&["A"]), "A");
        assert_eq!(list_and(&["A", "B"]), "A and B");
        assert_eq!(list_and(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn keys_round_trip() {
        for t in OrgType::ALL {
            assert_eq!(OrgType::from_key(t.key()), Some(t));
        }
        for n in Nation::ALL {
            assert_eq!(Nation::from_key(n.key()), Some(n));
        }
    }
}
