//! One TOML text (a settings file, or a post's front matter) and the places in it:
//! every error points at the exact line and column the TOML parser gives for the
//! field, never at a guess from the text.

use super::SourceError;
use crate::rules::Problem;
use content::date::PartialDate;
use serde::de::DeserializeOwned;
use std::cell::OnceCell;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// A TOML text inside an editor's file, parsed once for its places.
pub struct TomlText<'a> {
    file: &'a str,
    src: &'a str,
    /// The file's line on which `src` begins (2 for front matter after `+++`).
    first_line: usize,
    tree: OnceCell<Option<Spanned<DeTable<'a>>>>,
}

/// A line and column in a file, both counted from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub column: usize,
}

fn split_index(segment: &str) -> (&str, Option<usize>) {
    match segment.split_once('[') {
        Some((name, rest)) => (name, rest.trim_end_matches(']').parse().ok()),
        None => (segment, None),
    }
}

impl<'a> TomlText<'a> {
    /// A text of `file` that begins on the file's line `first_line`.
    pub fn new(file: &'a str, src: &'a str, first_line: usize) -> Self {
        Self {
            file,
            src,
            first_line,
            tree: OnceCell::new(),
        }
    }

    /// The line and column of a byte offset in the text.
    fn place_of(&self, offset: usize) -> Place {
        let before = self.src.get(..offset).unwrap_or(self.src);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Place {
            line: before.matches('\n').count() + self.first_line,
            column: before[line_start..].chars().count() + 1,
        }
    }

    /// The (key, value) spans of a field path such as `signup.endpoint`,
    /// `categories[1].slug` or `tags[1]`; a field not written yet gives the
    /// nearest table it belongs in, and a text that does not parse gives nothing.
    fn spans(&self, path: &str) -> Option<(usize, usize)> {
        let tree = self
            .tree
            .get_or_init(|| DeTable::parse(self.src).ok())
            .as_ref()?;
        let mut table = tree.get_ref();
        let mut found = None;
        for segment in path.split('.') {
            let (name, index) = split_index(segment);
            let Some((key, mut value)) = table.get_key_value(name) else {
                return found;
            };
            found = Some((key.span().start, value.span().start));
            if let Some(i) = index {
                let Some(item) = value.get_ref().get(i) else {
                    return found;
                };
                found = Some((item.span().start, item.span().start));
                value = item;
            }
            match value.get_ref() {
                DeValue::Table(inner) => table = inner,
                _ => return found,
            }
        }
        found
    }

    /// Where a field is written (its key), for errors about it.
    pub fn place(&self, path: &str) -> Option<Place> {
        self.spans(path).map(|(key, _)| self.place_of(key))
    }

    /// The line on which a string field's text begins: a multi-line string's
    /// opening quotes are followed by a line break that is not part of the text.
    pub fn text_line(&self, path: &str) -> Option<usize> {
        let (_, value) = self.spans(path)?;
        let rest = self.src.get(value..).unwrap_or_default();
        let opens_block = ["\"\"\"\n", "\"\"\"\r\n", "'''\n", "'''\r\n"]
            .iter()
            .any(|open| rest.starts_with(open));
        Some(self.place_of(value).line + usize::from(opens_block))
    }

    /// An error about a field, placed at the field.
    pub fn error(&self, field: &str, message: impl Into<String>) -> SourceError {
        let place = self.place(field);
        SourceError {
            file: self.file.to_string(),
            line: place.map(|p| p.line),
            column: place.map(|p| p.column),
            field: Some(field.to_string()),
            message: message.into(),
        }
    }

    /// Validation problems as errors placed in this text.
    pub fn locate(&self, problems: Vec<Problem>) -> Vec<SourceError> {
        problems
            .into_iter()
            .map(|p| self.error(&p.field, p.message))
            .collect()
    }

    /// The first value whose decoded text holds an invisible character (written as an
    /// escape such as `"\u000b"`, so the raw text passed), placed at the value.
    fn invisible_value(&self) -> Option<SourceError> {
        fn walk<'a>(value: &'a Spanned<DeValue<'a>>) -> Option<(usize, char)> {
            match value.get_ref() {
                DeValue::String(text) => text
                    .chars()
                    .find(|c| content::text::is_invisible(*c))
                    .map(|c| (value.span().start, c)),
                DeValue::Array(items) => items.iter().find_map(walk),
                DeValue::Table(table) => table.values().find_map(walk),
                _ => None,
            }
        }
        let tree = self
            .tree
            .get_or_init(|| DeTable::parse(self.src).ok())
            .as_ref()?;
        let (offset, c) = tree.get_ref().values().find_map(walk)?;
        let place = self.place_of(offset);
        Some(SourceError {
            file: self.file.to_string(),
            line: Some(place.line),
            column: Some(place.column),
            field: None,
            message: format!(
                "this text holds an invisible control character {} (written as an escape), which no feed can carry; remove it",
                content::text::name_invisible(c)
            ),
        })
    }

    /// The text as `T`; a syntax or type error is placed where the parser found it,
    /// and an invisible character written as an escape where it is written.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, SourceError> {
        if let Some(error) = self.invisible_value() {
            return Err(error);
        }
        toml::from_str(self.src).map_err(|e| {
            let place = e.span().map(|span| self.place_of(span.start));
            SourceError {
                file: self.file.to_string(),
                line: place.map(|p| p.line),
                column: place.map(|p| p.column),
                field: None,
                message: match e.message().trim() {
                    m if m.contains("invalid date") => format!(
                        "{m} (write a month or year in quotes, such as \"2023-03\" or \"2023\")"
                    ),
                    m => m.to_string(),
                },
            }
        })
    }

    /// A date field, recording an error placed at the field when it is not a date.
    pub fn date(
        &self,
        field: &str,
        value: &toml::Value,
        errors: &mut Vec<SourceError>,
    ) -> Option<PartialDate> {
        let text = match value {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(d) => d.to_string(),
            toml::Value::Integer(i) => i.to_string(),
            other => {
                errors.push(self.error(
                    field,
                    format!("expected a date such as \"2023-11-02\", found {other}"),
                ));
                return None;
            }
        };
        PartialDate::parse(&text)
            .map_err(|e| errors.push(self.error(field, e.to_string())))
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "name = \"x\"\n\n[[categories]]\nslug = \"news\"\n\n[[categories]]\n  slug = \"campaign\"\n\n[signup]\nsupport_max_chars = 1000\ntags = [\"a\", \"\"]\ndescription = \"\"\"\nline one\n\"\"\"\n";

    #[test]
    fn fields_are_placed_by_the_parser_to_line_and_column() {
        let text = TomlText::new("site.toml", SITE, 1);
        let at = |path: &str| text.place(path).map(|p| (p.line, p.column));
        assert_eq!(at("name"), Some((1, 1)));
        assert_eq!(at("categories[1].slug"), Some((7, 3)), "an indented key");
        assert_eq!(at("signup.support_max_chars"), Some((10, 1)));
        assert_eq!(at("signup.tags[1]"), Some((11, 14)), "an array item");
        assert_eq!(
            at("signup.endpoint").map(|p| p.0),
            Some(9),
            "a field not written yet: its table"
        );
        assert_eq!(at("nothing"), None);
        assert_eq!(text.text_line("signup.description"), Some(13));
        assert_eq!(text.text_line("name"), Some(1));
    }

    #[test]
    fn a_text_inside_a_file_counts_lines_from_where_it_begins() {
        let text = TomlText::new("post.md", "title = \"x\"\n  date = 1\n", 2);
        assert_eq!(text.place("date"), Some(Place { line: 3, column: 3 }));
        let error = text.parse::<toml::Table>().map(|_| ());
        assert_eq!(error, Ok(()));
        let broken = TomlText::new("post.md", "title = \"x\"\ndate = \n", 2);
        let error = broken.parse::<toml::Table>().err();
        assert_eq!(error.and_then(|e| e.line), Some(3));
    }
}
