//! What editors write, read and checked: the TOML and Markdown sources ([`source`]),
//! every rule one file must meet ([`rules`]) and every rule across files ([`library`]),
//! and the Markdown step to the published document tree ([`markdown`], [`html`]).
//!
//! Build-only: `publish` uses it; the browser app never does. It depends on the
//! published model (`content`) and nothing depends on it but `publish`.

pub mod html;
pub mod library;
pub mod markdown;
pub mod rules;
pub mod source;
