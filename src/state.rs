//! State shared by every page: the site settings and the route announcer.

use crate::source::ContentError;
use crate::source::ContentFile;
use content::site::{PublishedSite, SiteConfig};
use leptos::prelude::*;

/// The address of the blog index as the reader last left it (category, page and
/// search), so "Back to blog" returns there.
#[derive(Clone, Copy)]
pub struct LastBlogQuery(pub RwSignal<String>);

/// The site settings, fetched once at start and shared, so every part reads one copy.
#[derive(Clone, Copy)]
pub struct Site {
    file: ContentFile,
    config: Memo<Option<Result<SiteConfig, ContentError>>>,
}

impl Site {
    /// The settings if they have arrived and are valid.
    pub fn get(&self) -> Option<SiteConfig> {
        self.config.get().and_then(Result::ok)
    }

    /// The settings now, without making the caller re-run when they change.
    pub fn get_untracked(&self) -> Option<SiteConfig> {
        self.config.get_untracked().and_then(Result::ok)
    }

    /// Why the settings could not be read, if they could not.
    pub fn error(&self) -> Option<ContentError> {
        self.config.get().and_then(Result::err)
    }

    /// True until the settings file has answered.
    pub fn loading(&self) -> bool {
        self.config.with(Option::is_none)
    }

    /// The settings file, for the error panel's Retry.
    pub fn file(&self) -> ContentFile {
        self.file
    }
}

/// Tells screen-reader users where they are after a route change.
#[derive(Clone, Copy)]
pub struct Announcer {
    /// What the polite live region says.
    pub message: RwSignal<String>,
    /// False until the first page has shown, so the first load keeps focus at the top.
    pub navigated: StoredValue<bool>,
}

/// Provides the shared state to the app.
pub fn provide() {
    let file = ContentFile::at(content::address::SITE);
    provide_context(Site {
        file,
        config: Memo::new(move |_| file.read::<PublishedSite>().map(|read| read.map(|s| s.0))),
    });
    provide_context(LastBlogQuery(RwSignal::new("/blog".to_string())));
    provide_context(Announcer {
        message: RwSignal::new(String::new()),
        navigated: StoredValue::new(false),
    });
}

/// The shared site settings resource.
pub fn use_site() -> Site {
    expect_context::<Site>()
}

/// The shared route announcer.
pub fn use_announcer() -> Announcer {
    expect_context::<Announcer>()
}

/// The day a build-time render is for: the build date, which the app corrects in the browser.
#[derive(Clone, Copy, Debug)]
pub struct BuildDate(pub content::date::PartialDate);

/// Today: the reader's clock in the browser, the build date when rendered at build
/// time, so "overdue" and "now" are never hard-coded.
pub fn today() -> Option<content::date::PartialDate> {
    crate::browser::today().or_else(|| use_context::<BuildDate>().map(|d| d.0))
}
