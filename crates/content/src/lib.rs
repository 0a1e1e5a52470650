//! The #SENDInTheSpecialists content model: what editors write, what the build
//! publishes as JSON, and every rule that keeps it safe and correct.
//!
//! The browser app uses the types, link policy, formatting and list logic with
//! the default features off; the build tool turns the editors' Markdown and
//! TOML into these types with the `build` feature.

pub mod address;
pub mod blog;
pub mod date;
pub mod doc;
mod json;
mod keyed;
pub mod link;
pub mod members;
pub mod post;
pub mod service;
pub mod site;
pub mod text;
pub mod timeline;

#[cfg(feature = "build")]
pub mod html;
#[cfg(feature = "build")]
pub mod library;
#[cfg(feature = "build")]
pub mod markdown;
#[cfg(feature = "build")]
pub mod source;
