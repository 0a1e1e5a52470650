//! Why a build stopped, sorted by who can put it right: an editor (content), whoever
//! deploys (a setting), or a developer (the template, the app's pages).

use editorial::source::{one_line, SourceError};
use std::fmt;
use std::path::{Path, PathBuf};

/// Why a build stopped.
#[derive(Debug)]
pub enum Error {
    /// Mistakes in `content/` for an editor to fix: every one found, in file and line order.
    Content(Vec<SourceError>),
    /// A value given to the build from outside `content/` (`SIGNUP_ENDPOINT`, `BUILD_DATE`).
    Setting {
        /// The variable, as whoever deploys sets it.
        name: &'static str,
        /// What is wrong and how to write it.
        message: String,
    },
    /// A file that could not be read, listed or written.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// A file the build writes, or Trunk's page it fills, that it cannot produce.
    Output {
        /// The file.
        path: PathBuf,
        /// What is missing or wrong.
        message: String,
    },
    /// Pages the app renders wrongly (a not-found or error panel), or routes the
    /// content cannot fill: a change to the app for a developer.
    Pages(Vec<String>),
}

impl Error {
    /// A failed read or write of `path`.
    pub fn io(path: &Path, error: std::io::Error) -> Self {
        Self::Io {
            path: path.to_path_buf(),
            error,
        }
    }

    /// A file the build cannot produce as it should.
    pub fn output(path: &Path, message: impl Into<String>) -> Self {
        Self::Output {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }

    /// Each problem as one line an editor or developer reads: whatever names a file
    /// or quotes a value is escaped ([`say`]), so no line holds a line break.
    pub fn lines(&self) -> Vec<String> {
        match self {
            // Already escaped, field by field.
            Self::Content(errors) => errors.iter().map(ToString::to_string).collect(),
            Self::Setting { name, message } => vec![say(&format!("{name}: {message}"))],
            Self::Io { path, error } => vec![say(&format!("{}: {error}", path.display()))],
            Self::Output { path, message } => {
                vec![say(&format!("{}: {message}", path.display()))]
            }
            Self::Pages(problems) => problems.iter().map(String::as_str).map(say).collect(),
        }
    }
}

/// `text` as the build prints it: through the same escaping as the content errors
/// ([`one_line`]), so a file name holding a line break cannot put `::warning` at the
/// start of a line, where a workflow runner reads it as a command.
pub fn say(text: &str) -> String {
    one_line(text)
}

/// Escapes text for a workflow command, as GitHub Actions reads them.
fn escape(text: &str, in_property: bool) -> String {
    let text = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if in_property {
        text.replace(':', "%3A").replace(',', "%2C")
    } else {
        text
    }
}

impl Error {
    /// Each content mistake as a GitHub Actions error annotation on its file and
    /// line, so an editor sees it on the change they made; other problems as plain
    /// error lines.
    pub fn annotations(&self) -> Vec<String> {
        match self {
            Self::Content(errors) => errors
                .iter()
                .map(|e| annotation("error", "Content check", e))
                .collect(),
            other => other
                .lines()
                .into_iter()
                .map(|line| format!("::error title=Build::{}", escape(&line, false)))
                .collect(),
        }
    }
}

/// A GitHub Actions annotation (`level` is `error` or `warning`) on the file, line and
/// column of a content note, so an editor sees it on the change they made.
pub fn annotation(level: &str, check: &str, e: &SourceError) -> String {
    let mut place = format!("file={}", escape(&e.file, true));
    if let Some(line) = e.line {
        place.push_str(&format!(",line={line}"));
    }
    if let Some(column) = e.column {
        place.push_str(&format!(",col={column}"));
    }
    let title = match &e.field {
        Some(field) => format!("{check}: {field}"),
        None => check.to_string(),
    };
    format!(
        "::{level} {place},title={}::{}",
        escape(&title, true),
        escape(&e.message, false)
    )
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines = self.lines();
        match self {
            Self::Content(_) => write!(
                f,
                "the content has {} problem(s) to fix:\n  {}",
                lines.len(),
                lines.join("\n  ")
            ),
            _ => write!(f, "{}", lines.join("\n")),
        }
    }
}

impl std::error::Error for Error {}

impl From<Vec<SourceError>> for Error {
    fn from(errors: Vec<SourceError>) -> Self {
        Self::Content(errors)
    }
}

impl From<SourceError> for Error {
    fn from(error: SourceError) -> Self {
        Self::Content(vec![error])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_content_mistake_is_annotated_on_its_file_line_and_field() {
        let error = Error::Content(vec![SourceError {
            file: "content/posts/a, b.md".into(),
            line: Some(4),
            column: Some(12),
            field: Some("category".into()),
            message: "\"gossip\" is not a category: use one of news, policy\n100%".into(),
        }]);
        assert_eq!(
            error.annotations(),
            ["::error file=content/posts/a%2C b.md,line=4,col=12,title=Content check%3A category::\"gossip\" is not a category: use one of news, policy%0A100%25"]
        );
        let setting = Error::Setting {
            name: "BUILD_DATE",
            message: "\"x\" is not a day".into(),
        };
        assert_eq!(
            setting.annotations(),
            ["::error title=Build::BUILD_DATE: \"x\" is not a day"]
        );
    }

    /// True when a runner would read `printed` as a workflow command: a line that
    /// starts with `::` once its leading spaces are trimmed.
    fn forges_a_command(printed: &str) -> bool {
        printed.lines().any(|l| l.trim_start().starts_with("::"))
    }

    #[test]
    fn no_file_name_forges_a_workflow_command_in_any_printed_line() {
        let forged = "content/posts/x\n::warning title=Injected::all is well\r\n::error::x.md";
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        for error in [
            Error::io(Path::new(forged), io),
            Error::output(Path::new(forged), "cannot be written"),
            Error::Pages(vec![format!("{forged}: renders the not-found panel")]),
            Error::Setting {
                name: "BUILD_DATE",
                message: forged.into(),
            },
            Error::Content(vec![SourceError::file(forged, forged)]),
        ] {
            let printed = format!("publish: {error}");
            assert!(!forges_a_command(&printed), "{printed}");
            assert!(
                printed.contains("Injected"),
                "the name is still said: {printed}"
            );
            for annotation in error.annotations() {
                assert_eq!(annotation.lines().count(), 1, "{annotation}");
            }
        }
        let note = SourceError::file(forged, "a sample member");
        assert!(!forges_a_command(&say(&note.to_string())));
        assert!(!forges_a_command(&say(forged)));
    }
}
