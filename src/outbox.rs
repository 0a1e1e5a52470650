//! Delivering join requests: retries with backoff and jitter, and an outbox on
//! this device so a request made offline is sent once the connection returns,
//! exactly once, always with the same `submission_id`.

use crate::browser::{self, Store};
use content::signup::{
    classify, outbox_json, read_outbox as parse_outbox, retry_delay_ms, FieldError, Outcome,
    Queued, MAX_ATTEMPTS,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;

/// Where requests wait on this device until they can be sent.
const OUTBOX_KEY: &str = "signup-outbox";

/// Where the current request stands, as the status message tells the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// Nothing under way.
    Idle,
    /// Attempt number `n` is on its way.
    Sending(u32),
    /// Waiting this many seconds before trying again.
    Waiting(u32),
    /// Kept on this device; it will be sent when the connection returns.
    Queued,
    /// Delivered.
    Sent,
    /// The service found problems with some answers.
    FieldErrors(Vec<FieldError>),
    /// The service refused the request with this status, in these words if it gave any.
    Refused(u16, Option<String>),
}

impl Delivery {
    /// True while a request is in flight or waiting to retry: the button does nothing then.
    pub fn is_busy(&self) -> bool {
        matches!(self, Delivery::Sending(_) | Delivery::Waiting(_))
    }
}

/// The delivery state shared by the join page and the app-wide outbox.
#[derive(Clone, Copy)]
pub struct Outbox(pub RwSignal<Delivery>);

thread_local! {
    /// True while the outbox is being sent, so "online" and a page load never send it twice.
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
}

fn read_outbox() -> Vec<Queued> {
    parse_outbox(&browser::load(Store::Local, OUTBOX_KEY).unwrap_or_default())
}

fn write_outbox(items: &[Queued]) {
    if items.is_empty() {
        browser::remove(Store::Local, OUTBOX_KEY);
    } else {
        browser::save(Store::Local, OUTBOX_KEY, &outbox_json(items));
    }
}

fn keep(item: Queued) {
    let mut items = read_outbox();
    if !items.iter().any(|q| q.submission_id == item.submission_id) {
        items.push(item);
    }
    write_outbox(&items);
}

fn forget(submission_id: &str) {
    let mut items = read_outbox();
    items.retain(|q| q.submission_id != submission_id);
    write_outbox(&items);
}

/// True when a request with this id is waiting in the outbox.
pub fn is_queued(submission_id: &str) -> bool {
    read_outbox()
        .iter()
        .any(|q| q.submission_id == submission_id)
}

async fn post_once(item: &Queued) -> Outcome {
    let request = match gloo_net::http::Request::post(&item.endpoint)
        .header("Accept", "application/json")
        .header("Content-Type", content::service::content_type(&item.body))
        .body(item.body.clone())
    {
        Ok(request) => request,
        Err(_) => return Outcome::Refused(0, None),
    };
    match request.send().await {
        Err(_) => Outcome::Retry(None),
        Ok(response) => {
            let retry_after = response.headers().get("retry-after");
            let body = response.text().await.unwrap_or_default();
            classify(
                response.status(),
                retry_after.as_deref(),
                &body,
                browser::now_ms(),
            )
        }
    }
}

/// Sends a request now, retrying network failures, 408, 429 and 5xx with backoff;
/// when offline or out of attempts it is kept in the outbox instead.
pub async fn deliver(item: Queued, state: RwSignal<Delivery>) {
    for attempt in 1..=MAX_ATTEMPTS {
        if !browser::is_online() {
            break;
        }
        state.set(Delivery::Sending(attempt));
        match post_once(&item).await {
            Outcome::Sent => {
                forget(&item.submission_id);
                state.set(Delivery::Sent);
                return;
            }
            Outcome::FieldErrors(errors) => {
                state.set(Delivery::FieldErrors(errors));
                return;
            }
            Outcome::Refused(status, said) => {
                state.set(Delivery::Refused(status, said));
                return;
            }
            Outcome::Retry(retry_after) => {
                // Gone offline: keep it for later instead of counting down.
                if attempt == MAX_ATTEMPTS || !browser::is_online() {
                    break;
                }
                let mut remaining = retry_delay_ms(attempt, retry_after, js_sys::Math::random());
                while remaining > 0 {
                    state.set(Delivery::Waiting(remaining.div_ceil(1000)));
                    let step = remaining.min(1000);
                    browser::sleep(step).await;
                    remaining -= step;
                }
            }
        }
    }
    keep(item);
    state.set(Delivery::Queued);
}

/// Sends whatever waits in the outbox, once, if the browser is online.
pub fn flush(state: RwSignal<Delivery>) {
    if FLUSHING.with(Cell::get) || !browser::is_online() || read_outbox().is_empty() {
        return;
    }
    FLUSHING.with(|f| f.set(true));
    spawn_local(async move {
        for item in read_outbox() {
            if !browser::is_online() {
                break;
            }
            state.set(Delivery::Sending(1));
            match post_once(&item).await {
                Outcome::Sent => {
                    forget(&item.submission_id);
                    state.set(Delivery::Sent);
                }
                // Kept for the next visit: nothing typed is lost.
                _ => state.set(Delivery::Queued),
            }
        }
        FLUSHING.with(|f| f.set(false));
    });
}

/// Provides the delivery state and sends the outbox now and whenever the connection returns.
pub fn provide() {
    let state = RwSignal::new(if read_outbox().is_empty() {
        Delivery::Idle
    } else {
        Delivery::Queued
    });
    provide_context(Outbox(state));
    // Only a browser has a connection to wait for.
    if !browser::in_browser() {
        return;
    }
    let handle = window_event_listener(leptos::ev::online, move |_| flush(state));
    std::mem::forget(handle);
    flush(state);
}
