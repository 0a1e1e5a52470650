//! One module a route; each page owns the data it fetches.

pub mod act;
pub mod blog;
pub mod content_page;
pub mod home;
pub mod join;
pub mod members;
pub mod not_found;
pub mod post;
pub mod timeline;
