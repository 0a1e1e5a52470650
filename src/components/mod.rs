//! Small components that take props and own no data.

pub mod document;
pub mod error_panel;
pub mod form;
pub mod layout;
pub mod loader;
pub mod membership_chart;
pub mod milestone;
pub mod needs_script;
pub mod page_heading;
pub mod picture;
pub mod post_card;
pub mod preferences;
pub mod skeleton;
