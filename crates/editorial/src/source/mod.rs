//! Reading the editors' sources, one module per kind of file: TOML settings,
//! Markdown posts and pages with TOML front matter. Each file is checked on its
//! own here; the rules across files belong to [`crate::library`].

mod launch;
mod members;
mod page;
mod post;
mod site;
mod timeline;
mod toml_text;

pub use launch::before_launch;
pub use members::load_members;
pub use page::{parse_page, ParsedPage};
pub use post::{parse_post, ParsedPost};
pub use site::load_site;
pub use timeline::{load_timeline, ParsedTimeline};
pub use toml_text::{Place, TomlText};

#[cfg(test)]
pub(crate) use site::tests::site as site_for_tests;
#[cfg(test)]
pub(crate) use timeline::tests::TIMELINE as TIMELINE_FOR_TESTS;

use std::fmt;

/// The content manager saves an optional field an editor emptied as `""` (and an emptied
/// picture as a table of `""`): read either as the field left out, never as a mistake.
pub(crate) fn blank_is_none<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    use serde::Deserialize;
    match Option::<toml::Value>::deserialize(deserializer)? {
        Some(value) if !is_blank(&value) => T::deserialize(value)
            .map(Some)
            .map_err(serde::de::Error::custom),
        _ => Ok(None),
    }
}

/// An empty or all-space string, or a table of nothing but such strings.
fn is_blank(value: &toml::Value) -> bool {
    match value {
        toml::Value::String(text) => text.trim().is_empty(),
        toml::Value::Table(table) => table.values().all(is_blank),
        _ => false,
    }
}

/// A full day, as the CMS's date picker writes it (for the schema only).
pub(crate) struct Day;

impl schemars::JsonSchema for Day {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Day".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A day, YYYY-MM-DD."
        })
    }
}

/// What editors write, file kind by file kind, as JSON Schemas generated from the
/// types the build reads them with: the one source the CMS's forms are made from.
pub struct EditorSchemas {
    /// A post's front matter (the body is Markdown after it).
    pub post: schemars::Schema,
    /// A standalone page's front matter.
    pub page: schemars::Schema,
    /// `timeline.toml`.
    pub timeline: schemars::Schema,
    /// `members.toml`.
    pub members: schemars::Schema,
    /// `site.toml`.
    pub site: schemars::Schema,
}

impl EditorSchemas {
    /// Every schema.
    pub fn new() -> Self {
        Self {
            post: schemars::schema_for!(post::FrontMatter),
            page: schemars::schema_for!(page::PageFrontMatter),
            timeline: schemars::schema_for!(timeline::TimelineSource),
            members: schemars::schema_for!(members::MembersSource),
            site: schemars::schema_for!(content::site::SiteConfig),
        }
    }
}

impl Default for EditorSchemas {
    fn default() -> Self {
        Self::new()
    }
}

/// Something an editor must fix, located as precisely as the source allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceError {
    /// The file, as the editor knows it (`content/site.toml`).
    pub file: String,
    /// The line, counting from 1, when it can be found.
    pub line: Option<usize>,
    /// The column, counting characters from 1, when it can be found.
    pub column: Option<usize>,
    /// The field at fault, when there is one.
    pub field: Option<String>,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl SourceError {
    /// A problem with a whole file, or with something outside any file's lines.
    pub fn file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            line: None,
            column: None,
            field: None,
            message: message.into(),
        }
    }

    /// A problem on a line, in a named field when there is one.
    pub fn at_line(
        file: impl Into<String>,
        line: usize,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            line: Some(line),
            field: field.map(str::to_string),
            ..Self::file(file, message)
        }
    }
}

/// Editors' text as one line of a terminal or a workflow log: a line break, or any
/// other control character, in a value quoted back is written as its escape, so that
/// no part of a message can stand on a line of its own (where a workflow would read
/// `::stop-commands::` as an instruction) or move the cursor.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", one_line(&self.file))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{}`", one_line(field))?;
        }
        write!(f, ": {}", one_line(&self.message))
    }
}

impl std::error::Error for SourceError {}

/// Where a parsed file's TOML came from, so a rule across files can place its error
/// at the field it is about.
#[derive(Clone, Debug)]
pub struct Origin {
    /// The file, as the editor knows it.
    pub file: String,
    toml: String,
    first_line: usize,
}

impl Origin {
    fn new(file: &str, toml: &str, first_line: usize) -> Self {
        Self {
            file: file.to_string(),
            toml: toml.to_string(),
            first_line,
        }
    }

    /// An error about a field of this file, placed at the field.
    pub fn error(&self, field: &str, message: impl Into<String>) -> SourceError {
        TomlText::new(&self.file, &self.toml, self.first_line).error(field, message)
    }
}

/// A site-relative link written in a file, to be checked against the whole library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteLink {
    /// The line of the file it is written on.
    pub line: usize,
    /// The field it is written in (`body`, `milestones[2].description`).
    pub field: String,
    /// The link as written.
    pub href: String,
    /// True for a picture shown in the text, which must be one the site was given.
    pub picture: bool,
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
            .find(|(_, c)| content::text::is_invisible(*c))
        {
            return Err(SourceError {
                column: Some(column + 1),
                ..SourceError::at_line(
                    file,
                    index + 1,
                    None,
                    format!(
                        "an invisible control character {}, often pasted from a word processor; delete it and type the text again",
                        content::text::name_invisible(c)
                    ),
                )
            });
        }
    }
    Ok(text.to_string())
}

/// A Markdown file split at its front matter.
struct Split<'a> {
    front: &'a str,
    body: &'a str,
    /// The file's line on which the body begins.
    body_line: usize,
}

/// Splits a post or page into its front matter (between two `+++` lines) and body.
fn split_front_matter(src: &str) -> Option<Split<'_>> {
    let rest = src.strip_prefix("+++")?;
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &rest[..offset];
            return Some(Split {
                front,
                body: &rest[offset + line.len()..],
                body_line: front.lines().count() + 3,
            });
        }
        offset += line.len();
    }
    None
}

/// Splits a post or page (`what`) at its front matter, refusing a file without any.
fn split_or_refuse<'a>(
    file: &str,
    src: &'a str,
    what: &str,
) -> Result<Split<'a>, Vec<SourceError>> {
    split_front_matter(src).ok_or_else(|| {
        vec![SourceError::at_line(
            file,
            1,
            Some("front matter"),
            format!("a {what} starts with front matter between two lines of +++"),
        )]
    })
}

/// The site links and pictures a converted Markdown text makes, placed in its file.
fn site_links(
    links: &[(usize, String)],
    pictures: &[(usize, String)],
    first_line: usize,
    field: &str,
) -> Vec<SiteLink> {
    let placed = |picture: bool| {
        move |(line, href): &(usize, String)| SiteLink {
            line: first_line + line - 1,
            field: field.to_string(),
            href: href.clone(),
            picture,
        }
    };
    let links = links.iter().map(placed(false));
    links.chain(pictures.iter().map(placed(true))).collect()
}

/// Markdown problems as errors placed in their file.
fn markdown_errors(
    file: &str,
    problems: Vec<(usize, String)>,
    first_line: usize,
    field: &str,
) -> Vec<SourceError> {
    problems
        .into_iter()
        .map(|(line, message)| {
            SourceError::at_line(file, first_line + line - 1, Some(field), message)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_quoting_a_line_break_stays_on_one_line() {
        let error = SourceError::at_line(
            "content/posts/p.md",
            4,
            Some("category"),
            "\"news\n::stop-commands::x\" is not a category",
        );
        let shown = error.to_string();
        assert!(!shown.contains('\n'), "{shown}");
        assert!(shown.contains("news\\n::stop-commands::x"), "{shown}");
    }

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
            Some("content/posts/news.md:5:7: an invisible control character U+000B (a vertical tab), often pasted from a word processor; delete it and type the text again")
        );
    }
}
