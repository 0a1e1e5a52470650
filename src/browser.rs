//! The one seam between the views and the browser: storage, clock, crypto, focus.
//! Each call fails softly, and when the views are rendered at build time (the `ssr`
//! feature) there is no window, so each does nothing and reads as empty.

use wasm_bindgen::JsCast;

/// The browser window; never one at build time, where the browser's APIs do not exist.
fn window() -> Option<web_sys::Window> {
    #[cfg(feature = "ssr")]
    return None;
    #[cfg(not(feature = "ssr"))]
    web_sys::window()
}

/// The download `prefs.js` started for a content file while the page was parsed, handed
/// over once: reading it, rather than starting another, means each file comes down once
/// in every engine (WebKit never hands a preloaded file to `fetch`).
#[cfg(not(feature = "ssr"))]
pub fn take_early_fetch(url: &str) -> Option<js_sys::Promise> {
    let early =
        js_sys::Reflect::get(&wasm_bindgen::JsValue::from(window()?), &"__early".into()).ok()?;
    if !early.is_object() {
        return None;
    }
    let key = wasm_bindgen::JsValue::from_str(url);
    let promise = js_sys::Reflect::get(&early, &key)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let _ = js_sys::Reflect::delete_property(early.unchecked_ref::<js_sys::Object>(), &key);
    Some(promise)
}

/// True in the browser, false while the views are rendered at build time.
pub fn in_browser() -> bool {
    window().is_some()
}

/// An attribute of `<html>`, where `prefs.js` applies the reader's saved choices.
pub fn html_attribute(name: &str) -> Option<String> {
    window()?
        .document()?
        .document_element()?
        .get_attribute(name)
}

/// Today from the reader's clock; `None` at build time, where the build date stands in.
pub fn today() -> Option<content::date::PartialDate> {
    window()?;
    let now = js_sys::Date::new_0();
    content::date::PartialDate::day(
        now.get_full_year() as i32,
        (now.get_month() + 1) as u8,
        now.get_date() as u8,
    )
    .ok()
}

/// Which storage: per tab (drafts) or per device (the outbox).
#[derive(Clone, Copy)]
pub enum Store {
    /// sessionStorage: survives a reload, not a closed tab.
    Session,
    /// localStorage: survives until sent.
    Local,
}

fn storage(store: Store) -> Option<web_sys::Storage> {
    let w = window()?;
    match store {
        Store::Session => w.session_storage().ok().flatten(),
        Store::Local => w.local_storage().ok().flatten(),
    }
}

/// Reads a stored string; storage that is blocked or full reads as nothing.
pub fn load(store: Store, key: &str) -> Option<String> {
    storage(store)?.get_item(key).ok().flatten()
}

/// Stores a string, returning false when the browser refuses (private mode, quota).
pub fn save(store: Store, key: &str, value: &str) -> bool {
    storage(store).is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Forgets a stored string.
pub fn remove(store: Store, key: &str) {
    if let Some(s) = storage(store) {
        let _ = s.remove_item(key);
    }
}

/// A random version 4 UUID from Web Crypto, with a Math.random fallback for old browsers.
pub fn random_uuid() -> String {
    if !in_browser() {
        return String::new();
    }
    if let Some(id) = window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
    {
        return id;
    }
    let hex = |n: usize| -> String {
        (0..n)
            .map(|_| format!("{:x}", (js_sys::Math::random() * 16.0) as u8 & 0xf))
            .collect()
    };
    format!("{}-{}-4{}-a{}-{}", hex(8), hex(4), hex(3), hex(3), hex(12))
}

/// Now, as ISO 8601 in UTC.
pub fn now_iso() -> String {
    if !in_browser() {
        return String::new();
    }
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Milliseconds since the epoch, for timing how long the form took.
pub fn now_ms() -> f64 {
    if !in_browser() {
        return 0.0;
    }
    js_sys::Date::now()
}

/// False when the browser knows it is offline.
pub fn is_online() -> bool {
    window().is_none_or(|w| w.navigator().on_line())
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep(ms: u32) {
    if !in_browser() {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = window() {
            // A wait past i32::MAX would be read as negative: a loop with no wait at all.
            let ms = i32::try_from(ms).unwrap_or(i32::MAX);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Copies text to the clipboard, returning whether the browser allowed it.
pub async fn copy_text(text: &str) -> bool {
    let Some(w) = window() else {
        return false;
    };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Focuses the element with this id and brings it into view, if it exists.
pub fn focus_id(id: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// True when this browser lets the site keep data on the device (site data can be
/// blocked, or a private mode can refuse it): tried by writing and removing a value.
pub fn can_keep() -> bool {
    const PROBE: &str = "storage-probe";
    let kept = save(Store::Local, PROBE, "1");
    remove(Store::Local, PROBE);
    kept
}

/// A random number in 0..1, to spread retries.
pub fn random() -> f64 {
    if !in_browser() {
        return 0.5;
    }
    js_sys::Math::random()
}

/// Runs `work` while this tab holds the Web Lock `name`, so only one tab at a time
/// does it (every browser the site supports has Web Locks; where one does not, or
/// refuses, the work runs at once). Not generic, so its glue exists once in the wasm.
pub async fn with_lock(name: &str, work: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>) {
    use std::cell::RefCell;
    use std::rc::Rc;
    let work = Rc::new(RefCell::new(Some(work)));
    let locks = window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"locks".into()).ok())
        .filter(|l| l.is_object());
    let request = locks.as_ref().and_then(|locks| {
        js_sys::Reflect::get(locks, &"request".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    });
    if let (Some(locks), Some(request)) = (locks, request) {
        let held = work.clone();
        let callback =
            wasm_bindgen::closure::Closure::once_into_js(move |_lock: wasm_bindgen::JsValue| {
                wasm_bindgen_futures::future_to_promise(async move {
                    let job = held.borrow_mut().take();
                    if let Some(job) = job {
                        job.await;
                    }
                    Ok(wasm_bindgen::JsValue::UNDEFINED)
                })
            });
        if let Ok(promise) = request
            .call2(&locks, &name.into(), &callback)
            .and_then(|p| p.dyn_into::<js_sys::Promise>())
        {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
    }
    // No lock to be had, or it failed before the work started: do the work unlocked.
    let left = work.borrow_mut().take();
    if let Some(job) = left {
        job.await;
    }
}

/// An abort signal that fires after a number of seconds, so that no request waits for
/// ever; the timer is cleared when the deadline is dropped.
pub struct Deadline {
    controller: Option<web_sys::AbortController>,
    timer: Option<i32>,
}

impl Deadline {
    /// A deadline `seconds` from now (none at build time, where nothing is fetched).
    pub fn after(seconds: u32) -> Deadline {
        let controller = window().and_then(|_| web_sys::AbortController::new().ok());
        let timer = controller.clone().and_then(|controller| {
            let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
            window()?
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    abort.unchecked_ref(),
                    (seconds * 1000) as i32,
                )
                .ok()
        });
        Deadline { controller, timer }
    }

    /// The signal to give a request.
    pub fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.controller.as_ref().map(|c| c.signal())
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let (Some(window), Some(timer)) = (window(), self.timer) {
            window.clear_timeout_with_handle(timer);
        }
    }
}

/// A GET of `url`, answered as its status and text, or `None` when no answer came
/// (offline, refused, or none within `seconds`).
pub async fn get_text(url: &str, seconds: u32) -> Option<(u16, String)> {
    let deadline = Deadline::after(seconds);
    let signal = deadline.signal();
    let response = gloo_net::http::Request::get(url)
        .header("Accept", "application/json")
        .abort_signal(signal.as_ref())
        .send()
        .await
        .ok()?;
    let text = response.text().await.ok()?;
    Some((response.status(), text))
}
