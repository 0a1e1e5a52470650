//! Small components that take props and own no data.

pub mod error_panel;
pub mod layout;
pub mod page_heading;
