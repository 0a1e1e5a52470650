//! What a page tells the document head it is rendered into: its title, description,
//! article facts and filter parameters. In the browser `PageHeading` sets the title
//! itself; at build time the views record it here and `publish` writes the head tags.

use content::date::PartialDate;
use content::picture::PostImage;

/// How wide a picture in a post's or page's column shows (the lead picture and those in
/// the text): the column's measure, or the screen. The views say it, and a post's built
/// head preloads its lead picture for it.
pub const COLUMN_PICTURE_SIZES: &str = "(min-width: 44rem) 42rem, 100vw";

/// The facts a page's head carries, as the page's own view states them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageFacts {
    /// The page's own title (the site name is added), empty for the home page.
    pub title: String,
    /// The meta description, when the page has its own.
    pub description: Option<String>,
    /// A post's date and lead image, for article previews.
    pub article: Option<(PartialDate, Option<PostImage>)>,
    /// The URL parameters that filter this page's list: a link that sets one hides the
    /// build's unfiltered list until the app has filtered it.
    pub filters: &'static [&'static str],
    /// True when the page rendered "not found".
    pub not_found: bool,
    /// What could not be shown, for a build that must not publish an error panel.
    pub errors: Vec<String>,
}

/// Where the views record their facts during a build-time render.
#[cfg(feature = "ssr")]
#[derive(Clone, Default)]
pub struct PageHead(pub std::sync::Arc<std::sync::Mutex<PageFacts>>);

/// Records facts about the page being rendered; does nothing in the browser.
pub fn state(record: impl FnOnce(&mut PageFacts)) {
    #[cfg(feature = "ssr")]
    if let Some(head) = leptos::prelude::use_context::<PageHead>() {
        if let Ok(mut facts) = head.0.lock() {
            record(&mut facts);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = record;
}
