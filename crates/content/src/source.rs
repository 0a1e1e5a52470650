//! Reading the editors' sources: TOML settings and Markdown posts with TOML
//! front matter, with every error naming the file, line and field.

use crate::date::PartialDate;
use crate::markdown::to_document;
use crate::post::{validate_meta, Post, PostImage, PostMeta};
use crate::site::{Problem, SiteConfig};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::fmt;

/// Something an editor must fix, located as precisely as the source allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceError {
    /// The file, as the editor knows it (`content/site.toml`).
    pub file: String,
    /// The line, counting from 1, when it can be found.
    pub line: Option<usize>,
    /// The field at fault, when there is one.
    pub field: Option<String>,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for SourceError {}

fn is_header(line: &str) -> bool {
    line.trim_start().starts_with('[')
}

fn is_key(line: &str, key: &str) -> bool {
    let line = line.trim_start();
    let line = line
        .strip_prefix(key)
        .or_else(|| line.strip_prefix(&format!("\"{key}\"")));
    line.is_some_and(|rest| rest.trim_start().starts_with('='))
}

fn split_index(segment: &str) -> (&str, Option<usize>) {
    match segment.split_once('[') {
        Some((name, rest)) => (name, rest.trim_end_matches(']').parse().ok()),
        None => (segment, None),
    }
}

/// Readies a file's text for parsing: a byte-order mark (which some editors write) is
/// dropped, and a control character (a vertical tab or form feed pasted from a word
/// processor, say) is refused with its line and column, since no feed can carry it.
pub fn clean_text(file: &str, src: &str) -> Result<String, SourceError> {
    let text = src.strip_prefix('\u{feff}').unwrap_or(src);
    for (index, line) in text.lines().enumerate() {
        if let Some((column, c)) = line
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_control() && *c != '\t' && *c != '\r')
        {
            let name = match c {
                '\u{b}' => " (a vertical tab)".to_string(),
                '\u{c}' => " (a form feed)".to_string(),
                '\u{0}' => " (a null)".to_string(),
                _ => String::new(),
            };
            return Err(SourceError {
                file: file.to_string(),
                line: Some(index + 1),
                field: None,
                message: format!(
                    "column {}: an invisible control character U+{:04X}{name}, often pasted from a word processor; delete it and type the text again",
                    column + 1,
                    c as u32
                ),
            });
        }
    }
    Ok(text.to_string())
}

/// Finds the line (from 1) of a field path such as `signup.endpoint`,
/// `categories[1].slug` or `milestones[0].date` in a TOML text.
pub fn field_line(src: &str, path: &str) -> Option<usize> {
    let lines: Vec<&str> = src.lines().collect();
    let region_end = |from: usize| {
        (from..lines.len())
            .find(|&i| is_header(lines[i]))
            .unwrap_or(lines.len())
    };
    let (mut start, mut end) = (0, region_end(0));
    let mut found = None;
    let mut table = String::new();
    for segment in path.split('.') {
        let (name, index) = split_index(segment);
        if let Some(i) = (start..end).find(|&i| is_key(lines[i], name)) {
            // A key in this region (an inline table or array stops the search here).
            return Some(i + 1);
        }
        table = if table.is_empty() {
            name.to_string()
        } else {
            format!("{table}.{name}")
        };
        let header = match index {
            Some(_) => format!("[[{table}]]"),
            None => format!("[{table}]"),
        };
        let nth = index.unwrap_or(0);
        let Some(at) = (end.min(start)..lines.len())
            .filter(|&i| lines[i].trim() == header)
            .nth(nth)
        else {
            // Not written yet: point at the table it belongs in, if any.
            return found;
        };
        found = Some(at + 1);
        start = at + 1;
        end = region_end(start);
    }
    found
}

fn line_of_offset(src: &str, offset: usize) -> usize {
    src.get(..offset)
        .map(|s| s.bytes().filter(|b| *b == b'\n').count() + 1)
        .unwrap_or(1)
}

/// Parses TOML into `T`, turning a syntax or type error into a located [`SourceError`].
pub fn parse_toml<T: DeserializeOwned>(
    file: &str,
    src: &str,
    line_offset: usize,
) -> Result<T, SourceError> {
    toml::from_str(src).map_err(|e| SourceError {
        file: file.to_string(),
        line: e
            .span()
            .map(|span| line_of_offset(src, span.start) + line_offset),
        field: None,
        message: match e.message().trim() {
            m if m.contains("invalid date") => {
                format!("{m} (write a month or year in quotes, such as \"2023-03\" or \"2023\")")
            }
            m => m.to_string(),
        },
    })
}

/// Turns validation problems into located errors for one TOML text.
pub fn locate(
    file: &str,
    src: &str,
    line_offset: usize,
    problems: Vec<Problem>,
) -> Vec<SourceError> {
    problems
        .into_iter()
        .map(|p| SourceError {
            file: file.to_string(),
            line: field_line(src, &p.field).map(|l| l + line_offset),
            field: Some(p.field),
            message: p.message,
        })
        .collect()
}

/// Reads and checks `content/site.toml`.
pub fn load_site(file: &str, src: &str) -> Result<SiteConfig, Vec<SourceError>> {
    let site: SiteConfig = parse_toml(file, src, 0).map_err(|e| vec![e])?;
    let problems = site.validate();
    if problems.is_empty() {
        Ok(site)
    } else {
        Err(locate(file, src, 0, problems))
    }
}

/// The front matter editors write between `+++` lines at the top of a post.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    date: toml::Value,
    #[serde(default)]
    updated: Option<toml::Value>,
    category: String,
    #[serde(default)]
    tags: Vec<String>,
    author: String,
    summary: String,
    #[serde(default)]
    image: Option<PostImage>,
    #[serde(default)]
    in_short: Option<String>,
    #[serde(default)]
    bsl_video: Option<String>,
}

/// A parsed post with the site-relative links its body makes, for checking later.
#[derive(Debug)]
pub struct ParsedPost {
    /// The post as it will be published.
    pub post: Post,
    /// (line in the file, href) of every site-relative link in the body.
    pub internal_links: Vec<(usize, String)>,
}

fn date_field(value: &toml::Value) -> Result<PartialDate, String> {
    let text = match value {
        toml::Value::String(s) => s.clone(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Integer(i) => i.to_string(),
        other => {
            return Err(format!(
                "expected a date such as \"2023-11-02\", found {other}"
            ))
        }
    };
    PartialDate::parse(&text).map_err(|e| e.to_string())
}

/// Reads a date field of a TOML file, recording a located error when it is not a date.
fn located_date(
    file: &str,
    src: &str,
    field: String,
    value: &toml::Value,
    errors: &mut Vec<SourceError>,
) -> Option<PartialDate> {
    match date_field(value) {
        Ok(date) => Some(date),
        Err(message) => {
            errors.push(SourceError {
                file: file.to_string(),
                line: field_line(src, &field),
                field: Some(field),
                message,
            });
            None
        }
    }
}

/// Splits a post into its front matter and body, returning the body's first line number.
fn split_front_matter(src: &str) -> Option<(&str, &str, usize)> {
    let rest = src.strip_prefix("+++")?;
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = front.lines().count() + 3;
            return Some((front, body, body_line));
        }
        offset += line.len();
    }
    None
}

/// Reads and checks one post, `content/posts/<slug>.md`, whose slug is its file name.
pub fn parse_post(
    file: &str,
    slug: &str,
    src: &str,
    site: &SiteConfig,
) -> Result<ParsedPost, Vec<SourceError>> {
    let err = |line: Option<usize>, field: Option<&str>, message: String| SourceError {
        file: file.to_string(),
        line,
        field: field.map(str::to_string),
        message,
    };
    let Some((front, body, body_line)) = split_front_matter(src) else {
        return Err(vec![err(
            Some(1),
            None,
            "a post starts with front matter between two lines of +++".into(),
        )]);
    };
    let matter: FrontMatter = parse_toml(file, front, 1).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut located_date = |field: &str, value: &toml::Value| match date_field(value) {
        Ok(date) => Some(date),
        Err(message) => {
            errors.push(err(
                field_line(front, field).map(|l| l + 1),
                Some(field),
                message,
            ));
            None
        }
    };
    let date = located_date("date", &matter.date);
    let updated = matter
        .updated
        .as_ref()
        .and_then(|v| located_date("updated", v));
    let converted = to_document(body);
    for (line, message) in converted.problems {
        errors.push(err(Some(body_line + line - 1), Some("body"), message));
    }
    let Some(date) = date else {
        return Err(errors);
    };
    let meta = PostMeta {
        slug: slug.to_string(),
        title: matter.title,
        date,
        updated,
        category: matter.category,
        tags: matter.tags,
        author: matter.author,
        summary: matter.summary.trim().to_string(),
        image: matter.image,
        reading_minutes: crate::doc::reading_minutes(&converted.blocks),
        in_short: matter.in_short.map(|s| s.trim().to_string()),
        bsl_video: matter.bsl_video,
    };
    let problems = validate_meta(&meta, site);
    for problem in problems {
        if problem.field == "slug" {
            errors.push(err(
                None,
                Some("slug"),
                format!("{} (the slug is the file name)", problem.message),
            ));
        } else {
            errors.extend(locate(file, front, 1, vec![problem]));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ParsedPost {
        post: Post {
            meta,
            body: converted.blocks,
            older: None,
            newer: None,
        },
        internal_links: converted
            .internal_links
            .into_iter()
            .map(|(line, href)| (body_line + line - 1, href))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_dropped_and_a_control_character_is_refused_with_its_place() {
        assert_eq!(
            clean_text("a.md", "\u{feff}+++\ntitle = 1"),
            Ok("+++\ntitle = 1".to_string())
        );
        assert_eq!(
            clean_text("a.md", "tab\tand\r\nline"),
            Ok("tab\tand\r\nline".to_string())
        );
        let error = clean_text(
            "content/posts/news.md",
            "+++\ntitle = \"x\"\n+++\n\nPasted\u{b}text\n",
        )
        .err()
        .map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("content/posts/news.md:5: column 7: an invisible control character U+000B (a vertical tab), often pasted from a word processor; delete it and type the text again")
        );
    }

    const SITE: &str = r##"name = "#SENDInTheSpecialists"
tagline = "Invest in the specialists"
description = "A coalition"
contact_email = "coalition@example.org"
base_url = "https://example.org"

[[categories]]
slug = "news"
name = "News"

[[categories]]
slug = "campaign"
name = "Campaign"

[signup]
privacy_notice_version = "2026-11"
support_max_chars = 1000

[home]
ask = "Invest."
intro = "Because."
"##;

    fn site() -> SiteConfig {
        load_site("site.toml", SITE).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn finds_field_lines() {
        assert_eq!(field_line(SITE, "contact_email"), Some(4));
        assert_eq!(field_line(SITE, "categories[1].slug"), Some(12));
        assert_eq!(field_line(SITE, "categories[0].name"), Some(9));
        assert_eq!(field_line(SITE, "signup.support_max_chars"), Some(17));
        assert_eq!(
            field_line(SITE, "signup.endpoint"),
            Some(15),
            "missing key: its table"
        );
        assert_eq!(field_line("tags = [\"a\", \"\"]\n", "tags[1]"), Some(1));
    }

    #[test]
    fn site_errors_name_file_line_and_field() {
        let bad = SITE.replace("slug = \"campaign\"", "slug = \"news\"");
        let errors = load_site("content/site.toml", &bad)
            .err()
            .unwrap_or_default();
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "content/site.toml:12: field `categories[1].slug`: \"news\" is used by an earlier category"
        );
    }

    #[test]
    fn toml_type_errors_are_located() {
        let bad = SITE.replace("support_max_chars = 1000", "support_max_chars = \"lots\"");
        let errors = load_site("content/site.toml", &bad)
            .err()
            .unwrap_or_default();
        assert_eq!(errors[0].line, Some(17), "{errors:?}");
        let unknown = format!("{SITE}\n[extra]\nx = 1\n");
        let errors = load_site("content/site.toml", &unknown)
            .err()
            .unwrap_or_default();
        assert!(errors[0].message.contains("extra"), "{errors:?}");
    }

    const POST: &str = "+++\ntitle = \"A post\"\ndate = 2023-11-02\ncategory = \"news\"\nauthor = \"Update from RCSLT\"\nsummary = \"What happened.\"\ntags = [\"anniversary\"]\n+++\n\n# Progress\n\nSee [the plan](/blog/other) and [home](/).\n";

    #[test]
    fn parses_a_post_with_line_numbers_for_links() {
        let parsed =
            parse_post("p.md", "a-post", POST, &site()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(parsed.post.meta.date.long(), "2 November 2023");
        assert_eq!(parsed.post.meta.tags, ["anniversary"]);
        assert_eq!(
            parsed.internal_links,
            vec![(12, "/blog/other".to_string()), (12, "/".to_string())]
        );
    }

    #[test]
    fn bad_posts_fail_with_path_line_and_field() {
        let cases = [
            (POST.replace("2023-11-02", "\"2023-02-30\""), 3, "date"),
            (POST.replace("\"news\"", "\"gossip\""), 4, "category"),
            (
                POST.replace("(/blog/other)", "(javascript:alert(1))"),
                12,
                "body",
            ),
            (
                POST.replace("author = \"Update from RCSLT\"", "author = \"\""),
                5,
                "author",
            ),
        ];
        for (src, line, field) in cases {
            let errors = parse_post("content/posts/a-post.md", "a-post", &src, &site())
                .err()
                .unwrap_or_default();
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert_eq!(errors[0].line, Some(line), "{errors:?}");
            assert_eq!(errors[0].field.as_deref(), Some(field));
            assert!(errors[0]
                .to_string()
                .starts_with(&format!("content/posts/a-post.md:{line}: field `{field}`")));
        }
    }

    #[test]
    fn front_matter_mistakes_are_located() {
        let typo = POST.replace("summary =", "sumary =");
        let errors = parse_post("p.md", "a-post", &typo, &site())
            .err()
            .unwrap_or_default();
        assert_eq!(errors[0].line, Some(6), "{errors:?}");
        assert!(errors[0].message.contains("sumary"));
        let no_front = parse_post("p.md", "a-post", "# Just a body\n", &site())
            .err()
            .unwrap_or_default();
        assert_eq!(no_front[0].line, Some(1));
        let bad_slug = parse_post("p.md", "Bad_Slug", POST, &site())
            .err()
            .unwrap_or_default();
        assert_eq!(bad_slug[0].field.as_deref(), Some("slug"));
    }
}

/// A milestone as editors write it in `content/timeline.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MilestoneSource {
    id: String,
    #[serde(default)]
    date: Option<toml::Value>,
    #[serde(default)]
    period: Option<String>,
    title: String,
    description: String,
    kind: String,
    status: crate::timeline::Status,
    #[serde(default)]
    post: Option<String>,
    #[serde(default)]
    source: Option<crate::timeline::Source>,
}

/// A membership figure as editors write it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MembershipSource {
    date: toml::Value,
    count: u32,
    #[serde(default)]
    at_least: bool,
}

/// `content/timeline.toml` as editors write it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimelineSource {
    kinds: Vec<crate::timeline::Kind>,
    #[serde(default)]
    membership: Vec<MembershipSource>,
    milestones: Vec<MilestoneSource>,
}

/// A parsed timeline with the site links its descriptions make, for checking later.
#[derive(Debug)]
pub struct ParsedTimeline {
    /// The timeline as it will be published.
    pub timeline: crate::timeline::Timeline,
    /// (line, href) of every site-relative link in the descriptions.
    pub internal_links: Vec<(usize, String)>,
}

/// Reads and checks `content/timeline.toml` against the published post slugs.
pub fn load_timeline(
    file: &str,
    src: &str,
    post_slugs: &[&str],
) -> Result<ParsedTimeline, Vec<SourceError>> {
    use crate::timeline::{MembershipPoint, Milestone, Timeline};
    let source: TimelineSource = parse_toml(file, src, 0).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut internal_links = Vec::new();
    let date_at = |field: String, value: &toml::Value, errors: &mut Vec<SourceError>| {
        located_date(file, src, field, value, errors)
    };
    let mut milestones = Vec::new();
    for (i, m) in source.milestones.into_iter().enumerate() {
        let date = match &m.date {
            Some(value) => date_at(format!("milestones[{i}].date"), value, &mut errors),
            None => None,
        };
        let converted = to_document(&m.description);
        let field = format!("milestones[{i}].description");
        let base = field_line(src, &field).unwrap_or(1);
        for (line, message) in converted.problems {
            errors.push(SourceError {
                file: file.to_string(),
                line: Some(base + line - 1),
                field: Some(field.clone()),
                message,
            });
        }
        internal_links.extend(
            converted
                .internal_links
                .into_iter()
                .map(|(line, href)| (base + line - 1, href)),
        );
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
        if let Some(date) = date_at(format!("membership[{i}].date"), &p.date, &mut errors) {
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
        errors.extend(locate(file, src, 0, timeline.validate(post_slugs)));
    }
    if errors.is_empty() {
        Ok(ParsedTimeline {
            timeline,
            internal_links,
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod timeline_tests {
    use super::*;

    const TIMELINE: &str = r#"[[kinds]]
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
A debate.
"""
kind = "coalition"
status = "achieved"
"#;

    #[test]
    fn parses_the_timeline() {
        let parsed =
            load_timeline("t.toml", TIMELINE, &["a-post"]).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(parsed.timeline.milestones.len(), 2);
        assert_eq!(
            parsed.timeline.milestones[1].when(),
            "During the first year (exact date not known)"
        );
        assert_eq!(
            parsed.internal_links,
            vec![(14, "/blog/a-post".to_string())]
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
                TIMELINE.replace("post = \"a-post\"", "post = \"nope\""),
                17,
                "milestones[0].post",
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
            let errors = load_timeline("content/timeline.toml", &src, &["a-post"])
                .err()
                .unwrap_or_default();
            assert_eq!(errors.len(), 1, "{field}: {errors:?}");
            assert_eq!(errors[0].field.as_deref(), Some(field), "{errors:?}");
            assert_eq!(errors[0].line, Some(line), "{field}: {errors:?}");
        }
        let bad_status = TIMELINE.replace("status = \"achieved\"\npost", "status = \"done\"\npost");
        let errors = load_timeline("t.toml", &bad_status, &["a-post"])
            .err()
            .unwrap_or_default();
        assert_eq!(errors[0].line, Some(16), "{errors:?}");
        assert!(errors[0].message.contains("done"), "{errors:?}");
    }
}

/// A member as editors write it in `content/members.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MemberSource {
    name: String,
    #[serde(rename = "type")]
    org_type: crate::members::OrgType,
    #[serde(default)]
    nations: Vec<crate::members::Nation>,
    #[serde(default)]
    website: Option<String>,
    #[serde(default)]
    joined: Option<toml::Value>,
    #[serde(default)]
    convener: bool,
    #[serde(default)]
    sample: bool,
}

/// `content/members.toml` as editors write it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MembersSource {
    members: Vec<MemberSource>,
}

/// Reads and checks `content/members.toml`, returning the directory A to Z.
pub fn load_members(file: &str, src: &str) -> Result<crate::members::Members, Vec<SourceError>> {
    use crate::members::{Member, Members};
    let source: MembersSource = parse_toml(file, src, 0).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut members = Vec::new();
    for (i, m) in source.members.into_iter().enumerate() {
        let joined = m.joined.as_ref().and_then(|value| {
            located_date(
                file,
                src,
                format!("members[{i}].joined"),
                value,
                &mut errors,
            )
        });
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
    errors.extend(locate(file, src, 0, directory.validate()));
    if !errors.is_empty() {
        return Err(errors);
    }
    directory.sort();
    Ok(directory)
}

#[cfg(test)]
mod members_tests {
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

/// The front matter of a standalone page.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFrontMatter {
    title: String,
    summary: String,
    #[serde(default)]
    updated: Option<toml::Value>,
}

/// Reads and checks a standalone page, `content/pages/<slug>.md`.
pub fn parse_page(file: &str, slug: &str, src: &str) -> Result<ParsedPage, Vec<SourceError>> {
    let err = |line: Option<usize>, field: &str, message: String| SourceError {
        file: file.to_string(),
        line,
        field: Some(field.to_string()),
        message,
    };
    let Some((front, body, body_line)) = split_front_matter(src) else {
        return Err(vec![err(
            Some(1),
            "front matter",
            "a page starts with front matter between two lines of +++".into(),
        )]);
    };
    let matter: PageFrontMatter = parse_toml(file, front, 1).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    for (field, value) in [("title", &matter.title), ("summary", &matter.summary)] {
        if value.trim().is_empty() {
            errors.push(err(
                field_line(front, field).map(|l| l + 1),
                field,
                "must not be empty".into(),
            ));
        }
    }
    let updated = match &matter.updated {
        Some(value) => match date_field(value) {
            Ok(date) => Some(date),
            Err(message) => {
                errors.push(err(
                    field_line(front, "updated").map(|l| l + 1),
                    "updated",
                    message,
                ));
                None
            }
        },
        None => None,
    };
    let converted = to_document(body);
    for (line, message) in converted.problems {
        errors.push(err(Some(body_line + line - 1), "body", message));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ParsedPage {
        page: crate::post::Page {
            slug: slug.to_string(),
            title: matter.title,
            summary: matter.summary.trim().to_string(),
            updated,
            body: converted.blocks,
        },
        internal_links: converted
            .internal_links
            .into_iter()
            .map(|(line, href)| (body_line + line - 1, href))
            .collect(),
    })
}

/// A parsed page with the site links it makes.
#[derive(Debug)]
pub struct ParsedPage {
    /// The page as it will be published.
    pub page: crate::post::Page,
    /// (line, href) of every site-relative link in the body.
    pub internal_links: Vec<(usize, String)>,
}

#[cfg(test)]
mod page_tests {
    use super::*;

    #[test]
    fn parses_a_page_and_locates_mistakes() {
        let src = "+++\ntitle = \"Privacy notice\"\nsummary = \"How we use your data.\"\nupdated = \"2026-11\"\n+++\n\n## Who we are\n\nSee [join](/join).\n";
        let parsed = parse_page("p.md", "privacy", src).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(parsed.page.title, "Privacy notice");
        assert_eq!(parsed.internal_links, vec![(9, "/join".to_string())]);
        let bad = src
            .replace("(/join)", "(javascript:x)")
            .replace("\"Privacy notice\"", "\"\"");
        let errors = parse_page("p.md", "privacy", &bad)
            .err()
            .unwrap_or_default();
        let located: Vec<(Option<usize>, Option<&str>)> = errors
            .iter()
            .map(|e| (e.line, e.field.as_deref()))
            .collect();
        assert_eq!(
            located,
            vec![(Some(2), Some("title")), (Some(9), Some("body"))]
        );
    }
}
