//! State shared by every page: the site settings, the route announcer, and whether the
//! app has adopted the built page yet (what only the reader's browser knows waits for that).

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

/// The day a built page was rendered for: the build date, which the app corrects once it
/// has adopted the page.
#[derive(Clone, Copy, Debug)]
pub struct BuildDate(pub content::date::PartialDate);

/// True once the app has adopted the built page (or drawn its own): until then every view
/// draws exactly what the build drew, so the page can be adopted node for node; what only
/// the reader's browser knows (the clock, the address's query, storage) is applied after,
/// as an ordinary update. Never provided at build time, where it reads as false.
#[derive(Clone, Copy)]
pub struct Adopted(pub RwSignal<bool>);

/// Whether the page is adopted, tracked: a view that reads it updates once it is.
pub fn adopted() -> bool {
    use_context::<Adopted>().is_some_and(|a| a.0.get())
}

/// The adoption as a signal a component can keep and read later, outside its owner.
pub fn use_adopted() -> Signal<bool> {
    let adopted = use_context::<Adopted>();
    Signal::derive(move || adopted.is_some_and(|a| a.0.get()))
}

/// Today: the build date until the page is adopted, then the reader's clock, so
/// "overdue" and "now" are never hard-coded and the built page is adopted as drawn.
/// Tracked: call it inside the closure that draws the label.
pub fn today() -> Option<content::date::PartialDate> {
    adopted()
        .then(crate::browser::today)
        .flatten()
        .or_else(|| use_context::<BuildDate>().map(|d| d.0))
}

/// Today as a memo: a view that shows it changes only if the reader's day is not the build's.
pub fn use_today() -> Memo<Option<content::date::PartialDate>> {
    Memo::new(move |_| today())
}

/// The address's query (filters, a search), empty until the page is adopted: the build
/// drew each list unfiltered, and a link's filter is applied once the page is the app's.
pub fn use_query_map() -> Memo<leptos_router::params::ParamsMap> {
    let query = leptos_router::hooks::use_query_map();
    let adopted = use_adopted();
    Memo::new(move |_| {
        if adopted.get() {
            query.get()
        } else {
            Default::default()
        }
    })
}
