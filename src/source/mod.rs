//! The one content source every page reads through. In the browser it fetches the
//! published `/content/*.json` ([`fetch`]); when the views are rendered at build time
//! it reads the same published files from disk ([`published`]). Pages cannot tell which.

#[cfg(not(feature = "ssr"))]
mod fetch;
#[cfg(not(feature = "ssr"))]
pub use fetch::preload;
#[cfg(feature = "ssr")]
pub mod published;

mod response;

use content::FromJson;
use leptos::prelude::*;
use response::parse;
pub use response::ContentError;

/// A content file the page needs: its address and, once it has arrived, its text.
///
/// Every file shares this one type and one network path, so the wasm holds the
/// fetching machinery once; each page reads the text as its own type with [`ContentFile::read`].
#[derive(Clone, Copy)]
pub struct ContentFile {
    url: Signal<String>,
    #[cfg(not(feature = "ssr"))]
    body: fetch::Body,
    /// Bumped by a reader's Retry, so the file is fetched again.
    #[cfg(not(feature = "ssr"))]
    again: RwSignal<usize>,
    #[cfg(feature = "ssr")]
    files: StoredValue<Option<published::Published>>,
}

impl ContentFile {
    /// Starts fetching the file at `url`, and again whenever `url` changes. A file already
    /// here (one the built page was rendered from) is read at once, so the first draw
    /// in the browser is the built page's.
    pub fn new(url: Signal<String>) -> Self {
        #[cfg(not(feature = "ssr"))]
        return {
            let again = RwSignal::new(0);
            Self {
                url,
                body: fetch::resource(url, again),
                again,
            }
        };
        #[cfg(feature = "ssr")]
        Self {
            url,
            files: StoredValue::new(use_context::<published::Published>()),
        }
    }

    /// A file whose address never changes.
    pub fn at(url: &'static str) -> Self {
        Self::new(Signal::stored(url.to_string()))
    }

    /// The file as `T`, or why it cannot be shown; `None` while it is still on its way.
    pub fn read<T: FromJson>(&self) -> Option<Result<T, ContentError>> {
        let url = self.url.get_untracked();
        self.with_body(|body| {
            body.map(|body| {
                body.as_ref()
                    .map_err(Clone::clone)
                    .and_then(|b| parse(&url, b))
            })
        })
    }

    /// The file's text as the browser fetched it.
    #[cfg(not(feature = "ssr"))]
    fn with_body<R>(&self, f: impl FnOnce(Option<&Result<String, ContentError>>) -> R) -> R {
        self.body.with(|body| f(body.as_ref()))
    }

    /// The file's text as the build published it; rendering waits for nothing.
    #[cfg(feature = "ssr")]
    fn with_body<R>(&self, f: impl FnOnce(Option<&Result<String, ContentError>>) -> R) -> R {
        let url = self.url.get_untracked();
        let body = self
            .files
            .with_value(|files| files.as_ref().map(|files| files.read(&url)));
        f(body.as_ref())
    }

    /// Fetches the file again from the network, for a reader's Retry.
    pub fn refetch(&self) {
        #[cfg(not(feature = "ssr"))]
        {
            fetch::forget(&self.url.get_untracked());
            self.again.update(|n| *n += 1);
        }
    }
}
