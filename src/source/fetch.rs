//! The browser's side of the content source: each file fetched once per visit,
//! cancellable, timed out, and with errors a reader can understand.

use super::response::{check, ContentError};
use content::address::is_content_url;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    /// Bodies already fetched this visit: each content file is downloaded once.
    /// A list, not a map: a visit reads a handful of files, and a map's code would cost the wasm more.
    static FETCHED: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// Seconds a content request may take before the reader is told and offered Retry.
pub const TIMEOUT_SECONDS: u32 = 10;

/// A content file's text as the browser has it: `None` while on its way.
pub type Body = AsyncDerived<Result<String, ContentError>, LocalStorage>;

/// The browser's side of a content file: fetched when `url` is first read, again when it
/// changes or `again` is bumped. A file this visit already has is there synchronously
/// (unlike a `LocalResource`, which always waits a tick), so adoption finds it drawn.
pub fn resource(url: Signal<String>, again: RwSignal<usize>) -> Body {
    AsyncDerived::new_unsync(move || {
        let url = url.get();
        again.track();
        async move { fetch_body(&url).await }
    })
}

/// Fetches the content files a built page was rendered from, ahead of adopting it, and
/// says whether they are all here and, by their fingerprint, the very files the build
/// read (a page cached from an older build is not adopted, but drawn anew).
pub async fn preload(urls: &[String], fingerprint: &str) -> bool {
    let mut bodies = Vec::with_capacity(urls.len());
    for url in urls {
        match fetch_body(url).await {
            Ok(body) => bodies.push(body),
            Err(_) => return false,
        }
    }
    content::address::fingerprint(bodies.iter().map(String::as_str)) == fingerprint
}

/// Drops a file from this visit's cache, so a Retry downloads it again.
pub fn forget(url: &str) {
    FETCHED.with(|f| f.borrow_mut().retain(|(kept, _)| kept != url));
}

/// The one network path every content type shares, so its code exists once in the wasm.
async fn fetch_body(url: &str) -> Result<String, ContentError> {
    if !is_content_url(url) {
        return Err(ContentError::NotFound {
            url: url.to_string(),
        });
    }
    if let Some(body) = FETCHED.with(|f| {
        f.borrow()
            .iter()
            .find(|(kept, _)| kept == url)
            .map(|(_, body)| body.clone())
    }) {
        return Ok(body);
    }
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timed_out = Rc::new(Cell::new(false));
    let timer = controller.clone().and_then(|controller| {
        let timed_out = timed_out.clone();
        let on_timeout = Closure::once_into_js(move || {
            timed_out.set(true);
            controller.abort();
        });
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.unchecked_ref(),
                (TIMEOUT_SECONDS * 1000) as i32,
            )
            .ok()
    });
    let on_leave = SendWrapper::new(controller);
    on_cleanup(move || {
        if let Some(controller) = on_leave.take() {
            controller.abort();
        }
    });
    let network = |e: gloo_net::Error| {
        if timed_out.get() {
            ContentError::Timeout {
                url: url.to_string(),
                seconds: TIMEOUT_SECONDS,
            }
        } else {
            ContentError::Network {
                url: url.to_string(),
                detail: e.to_string(),
            }
        }
    };
    // No request headers of its own: WebKit hands a fetch the file the built page
    // preloaded only when the two requests match, and the preload sends none.
    let response = match crate::browser::take_early_fetch(url) {
        // prefs.js gives up on it after the same time, with an AbortError.
        Some(early) => match wasm_bindgen_futures::JsFuture::from(early)
            .await
            .and_then(|r| r.dyn_into::<web_sys::Response>())
        {
            Ok(raw) => gloo_net::http::Response::from(raw),
            Err(e) => {
                let error = e.dyn_ref::<js_sys::Error>();
                timed_out.set(timed_out.get() || error.is_some_and(|e| e.name() == "AbortError"));
                let said = error.map(|e| String::from(e.message())).unwrap_or_default();
                return Err(network(gloo_net::Error::GlooError(said)));
            }
        },
        None => gloo_net::http::Request::get(url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(network)?,
    };
    let content_type = response.headers().get("content-type").unwrap_or_default();
    let body = response.text().await.map_err(network)?;
    if let Some(timer) = timer {
        window().clear_timeout_with_handle(timer);
    }
    check(url, response.status(), &content_type, &body)?;
    FETCHED.with(|f| {
        let mut fetched = f.borrow_mut();
        fetched.retain(|(kept, _)| kept != url);
        fetched.push((url.to_string(), body.clone()));
    });
    Ok(body)
}
