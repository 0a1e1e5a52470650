//! Every rule the editors' content must meet on its own, file by file, each problem
//! named by its field path; the rules across files are the library's. Build-only: the
//! app reads content that has already passed them.

mod members;
mod post;
mod site;
mod timeline;

pub use post::internal_link_exists;
pub use site::{
    check_base_url, check_endpoint, https_origin, with_default_endpoint, DELIVERY_SETTINGS,
};

/// The rules one kind of content must meet; an empty list means it is fine.
pub trait Validate {
    /// Every problem, each naming its field.
    fn validate(&self) -> Vec<Problem>;
}

/// One thing wrong with a source, named by its field path (`categories[1].slug`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The dotted path of the field at fault.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Problem {
    /// Shorthand used by every validator.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// A text field an editor must fill in.
pub(crate) fn required(problems: &mut Vec<Problem>, field: &str, value: &str) {
    if value.trim().is_empty() {
        problems.push(Problem::new(field, "must not be empty"));
    }
}
