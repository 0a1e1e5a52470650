//! The one content source every page reads through. In the browser it fetches the
//! published `/content/*.json` ([`fetch`]); when the views are rendered at build time
//! it reads the same published files from disk ([`published`]). Pages cannot tell which.

#[cfg(not(feature = "ssr"))]
mod fetch;
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
    body: LocalResource<Result<String, ContentError>>,
    /// True until a view first reads the file: the takeover waits for that (`ready`).
    #[cfg(not(feature = "ssr"))]
    awaited: StoredValue<bool>,
    #[cfg(feature = "ssr")]
    files: StoredValue<Option<published::Published>>,
}

impl ContentFile {
    /// Starts fetching the file at `url`, and again whenever `url` changes.
    pub fn new(url: Signal<String>) -> Self {
        #[cfg(not(feature = "ssr"))]
        return Self {
            url,
            body: fetch::resource(url),
            awaited: {
                crate::ready::wait_for_one();
                StoredValue::new(true)
            },
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
        self.body.with(|body| {
            if body.is_some() && self.awaited.get_value() {
                self.awaited.set_value(false);
                crate::ready::one_arrived();
            }
            f(body.as_ref())
        })
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
            self.body.refetch();
        }
    }
}
