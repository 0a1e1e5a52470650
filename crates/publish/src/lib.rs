//! The build tool: reads the editors' `content/` and checks every rule ([`input`]),
//! writes the JSON the app fetches and the files static hosts need ([`output`], Trunk's
//! pre-build hook: nothing is written unless everything is valid), then renders a page
//! for every route from what was published ([`finish`], the post-build hook). Its
//! settings are read once, by `main` ([`Settings`]).

pub mod address;
pub mod boot;
pub mod cards;
pub mod cms;
mod error;
pub mod feeds;
mod finish;
pub mod headers;
mod input;
mod output;
pub mod pages;
pub mod pictures;
mod settings;

pub use address::{published_file, MAX_OUTPUT_BYTES};
pub use error::{annotation, say, Error};
pub use finish::{build_date, finish, Build};
pub use input::{before_launch, media_folder, read, read_with_media, MAX_SOURCE_BYTES};
pub use output::{netlify_form, schemas, write_all};
pub use settings::{Delivery, Settings};
