//! Why a build stopped, sorted by who can put it right: an editor (content), whoever
//! deploys (a setting), or a developer (the template, the app's pages).

use content::source::SourceError;
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

    /// The content mistakes, for tests and for annotating an editor's change.
    pub fn content(&self) -> &[SourceError] {
        match self {
            Self::Content(errors) => errors,
            _ => &[],
        }
    }

    /// Each problem as one line an editor or developer reads.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Self::Content(errors) => errors.iter().map(ToString::to_string).collect(),
            Self::Setting { name, message } => vec![format!("{name}: {message}")],
            Self::Io { path, error } => vec![format!("{}: {error}", path.display())],
            Self::Output { path, message } => vec![format!("{}: {message}", path.display())],
            Self::Pages(problems) => problems.clone(),
        }
    }
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
