//! The sign-up, in plain Rust the browser only drives: the join form and its rules
//! (`form`), what each form service receives (`wire`) and what its answers mean
//! (`answer`), and the outbox that keeps every request on the device until a service
//! confirms or refuses it (`outbox`). It depends only on the published types
//! (`content`); the join page in `src/pages/join` is a thin driver.

pub mod answer;
pub mod form;
pub mod outbox;
pub mod wire;
