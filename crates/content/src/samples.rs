//! Valid content of every kind, for tests to spoil one field at a time: the model's own
//! tests and the editorial rules' tests share these, so there is one sample of each.

use crate::date::PartialDate;
use crate::members::{Member, Members, Nation, OrgType};
use crate::post::PostMeta;
use crate::service::Service;
use crate::site::{Category, Home, Signup, SiteConfig};
use crate::timeline::{Kind, MembershipPoint, Milestone, Status, Timeline};

/// A valid configuration for tests to spoil one field at a time.
pub fn site() -> SiteConfig {
    SiteConfig {
        name: "#SENDInTheSpecialists".into(),
        tagline: "Invest in the specialists".into(),
        description: "A coalition".into(),
        contact_email: "coalition@example.org".into(),
        base_url: "https://example.org".into(),
        categories: vec![Category {
            slug: "news".into(),
            name: "News".into(),
        }],
        signup: Signup {
            service: Service::Json,
            endpoint: None,
            access_key: None,
            privacy_notice_version: "2026-11".into(),
            support_max_chars: 1000,
        },
        home: Home {
            ask: "Invest in the specialists.".into(),
            intro: "Because children need them.".into(),
        },
    }
}

/// A valid post's metadata, dated `date`.
pub fn post_meta(slug: &str, date: &str) -> PostMeta {
    PostMeta {
        slug: slug.into(),
        title: format!("Title {slug}"),
        date: PartialDate::parse(date).unwrap_or_else(|e| panic!("{e}")),
        updated: None,
        category: "news".into(),
        tags: vec![],
        author: "Update from RCSLT".into(),
        summary: "A summary.".into(),
        image: None,
        reading_minutes: 1,
        in_short: None,
        bsl_video: None,
    }
}

/// A sample member of the directory.
pub fn member(name: &str, t: OrgType, nations: &[Nation]) -> Member {
    Member {
        name: name.into(),
        org_type: t,
        nations: nations.to_vec(),
        website: None,
        joined: None,
        convener: false,
        sample: true,
    }
}

/// A valid directory: its convener and three samples, sorted.
pub fn members() -> Members {
    let mut conv = member(
        "Royal College of Speech and Language Therapists",
        OrgType::ProfessionalBody,
        &[],
    );
    conv.convener = true;
    conv.sample = false;
    let mut m = Members {
        members: vec![
            conv,
            member(
                "Example Speech Therapy Network",
                OrgType::Charity,
                &[Nation::England],
            ),
            member(
                "the Example Academy Trust",
                OrgType::SchoolOrCollege,
                &[Nation::Wales],
            ),
            member(
                "Another Example Union",
                OrgType::TradeUnion,
                &[Nation::UkWide],
            ),
        ],
    };
    m.sort();
    m
}

/// A date written as editors write it.
pub fn date(s: &str) -> PartialDate {
    PartialDate::parse(s).unwrap_or_else(|e| panic!("{e}"))
}

/// A milestone of the coalition kind.
pub fn milestone(id: &str, when: Option<&str>, status: Status) -> Milestone {
    Milestone {
        id: id.into(),
        date: when.map(date),
        period: when.is_none().then(|| "During the first year".to_string()),
        title: format!("Title {id}"),
        description: vec![],
        kind: "coalition".into(),
        status,
        post: None,
        source: None,
    }
}

/// A valid timeline: two kinds, two membership figures and six milestones.
pub fn timeline() -> Timeline {
    Timeline {
        kinds: vec![
            Kind {
                slug: "coalition".into(),
                name: "Coalition".into(),
            },
            Kind {
                slug: "government".into(),
                name: "Government".into(),
            },
        ],
        membership: vec![
            MembershipPoint {
                date: date("2022-11-02"),
                count: 100,
                at_least: true,
            },
            MembershipPoint {
                date: date("2023-11-02"),
                count: 130,
                at_least: true,
            },
        ],
        milestones: vec![
            milestone("launch", Some("2022-11-02"), Status::Achieved),
            milestone("debate", None, Status::Achieved),
            milestone("plan", Some("2023-03-02"), Status::Achieved),
            milestone("anniversary", Some("2023-11-02"), Status::Achieved),
            milestone("steering-group", Some("2023"), Status::Planned),
            milestone("steering-group-done", Some("2025"), Status::Planned),
        ],
    }
}
