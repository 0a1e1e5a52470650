//! The published model of #SENDInTheSpecialists: the types the app reads and their
//! readers, the list and filter queries, the link policy, one leaf module of small
//! text and URL helpers ([`text`]) and one module naming every published file's
//! address ([`address`]). The browser app and the build share it; the editors'
//! sources and the rules they must meet are the build-only `editorial` crate's.

pub mod address;
pub mod blog;
pub mod date;
pub mod doc;
mod json;
mod keyed;
pub mod link;
pub mod members;
pub mod picture;
pub mod post;
pub mod service;
pub mod site;
pub mod text;
pub mod timeline;

pub use json::FromJson;

#[cfg(any(test, feature = "samples"))]
pub mod samples;
