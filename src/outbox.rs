//! The browser's side of sending join requests, driving the sign-up crate's planner
//! (`join::outbox`): a request is kept in the outbox before its first send, one tab
//! at a time sends (a Web Lock), every send times out, and each request's progress
//! belongs to that request, so a page only ever reacts to its own.

use crate::browser::{self, Store};
use crate::state::{use_site, Site};
use content::site::Signup;
use join::answer::{classify, Outcome, SEND_TIMEOUT_SECONDS};
use join::outbox::{
    Ended, Item, Outbox as Kept, Progress, Step, LOCK_NAME, OLD_STORAGE_KEY, STORAGE_KEY,
};
use join::wire::{body_for, content_type, Submission};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Where the requests this tab knows of stand, and those that ended undelivered.
#[derive(Clone, Copy)]
pub struct Outbox {
    progress: RwSignal<Vec<(String, Progress)>>,
    /// Requests kept on this device that ended without delivery: the notice on every
    /// page and the join page's list read this.
    pub ended: RwSignal<Vec<Item>>,
    /// False when this browser keeps nothing on the device, or refused a write (storage
    /// full): requests are then held in this page's memory, and the reader is told.
    pub can_keep: RwSignal<bool>,
    /// The site settings, which name the form service requests go to (the current one,
    /// even for a request kept while the site used another).
    site: Site,
}

impl Outbox {
    /// Where the request `id` stands, if this tab has seen it move.
    pub fn progress(&self, id: &str) -> Option<Progress> {
        self.progress
            .with(|all| all.iter().find(|(i, _)| i == id).map(|(_, p)| p.clone()))
    }

    fn set(&self, id: &str, progress: Progress) {
        self.progress
            .update(|all| match all.iter_mut().find(|(i, _)| i == id) {
                Some(entry) => entry.1 = progress,
                None => all.push((id.to_string(), progress)),
            });
    }

    /// Forgets what this tab showed for `id`, as for a request cancelled or started afresh.
    pub fn clear(&self, id: &str) {
        self.progress.update(|all| all.retain(|(i, _)| i != id));
    }

    fn refresh(&self, kept: &Kept) {
        let ended: Vec<Item> = kept.ended().cloned().collect();
        if self.ended.with_untracked(|now| *now != ended) {
            self.ended.set(ended);
        }
    }
}

/// Milliseconds the lock is held after the outbox is written, so that the write has
/// reached every other tab before one of them can read it.
const HANDOVER_MS: u32 = 250;

thread_local! {
    /// True while this tab is sending, so "online" and a page load never start a second round.
    static SENDING: Cell<bool> = const { Cell::new(false) };
    /// True when a request was kept while a round was under way: the round looks again
    /// before it ends, so a request kept just as the round found nothing is still sent.
    static LOOK_AGAIN: Cell<bool> = const { Cell::new(false) };
    /// The outbox in this page's memory, where the browser keeps nothing on the device:
    /// requests are still sent, retried while the page is open, and never claimed as saved.
    static UNKEPT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `work` under the outbox's lock and returns what it gave.
async fn locked<T: 'static>(work: impl std::future::Future<Output = T> + 'static) -> Option<T> {
    let slot = Rc::new(RefCell::new(None));
    let fill = slot.clone();
    browser::with_lock(
        LOCK_NAME,
        Box::pin(async move {
            let value = work.await;
            *fill.borrow_mut() = Some(value);
        }),
    )
    .await;
    slot.take()
}

/// The outbox as stored, with whatever the earlier version left under its own key.
fn load() -> Kept {
    if let Some(memory) = UNKEPT.with(|m| m.borrow().clone()) {
        return Kept::read(Some(&memory), None, browser::now_ms());
    }
    Kept::read(
        browser::load(Store::Local, STORAGE_KEY).as_deref(),
        browser::load(Store::Local, OLD_STORAGE_KEY).as_deref(),
        browser::now_ms(),
    )
}

/// Stores the outbox; false when it could only be held in memory. The earlier
/// version's list is cleared only once its requests are safely kept here.
fn store(kept: &Kept) -> bool {
    let in_memory = UNKEPT.with(|m| {
        let mut memory = m.borrow_mut();
        memory.as_mut().map(|text| *text = kept.to_json()).is_some()
    });
    if in_memory {
        return false;
    }
    let stored = if kept.is_empty() {
        browser::remove(Store::Local, STORAGE_KEY);
        true
    } else {
        browser::save(Store::Local, STORAGE_KEY, &kept.to_json())
    };
    if stored {
        browser::remove(Store::Local, OLD_STORAGE_KEY);
    }
    stored
}

/// The kept request with this id, if the outbox has it.
pub fn kept(id: &str) -> Option<Item> {
    load().get(id).cloned()
}

/// Changes the outbox under the lock, so no other tab's change is lost.
async fn change(outbox: Outbox, edit: impl FnOnce(&mut Kept) + 'static) -> bool {
    locked(async move {
        let mut kept = load();
        edit(&mut kept);
        let stored = store(&kept);
        if !stored && UNKEPT.with(|m| m.borrow().is_none()) {
            // The device refused the write (its storage is full): keep sending from this
            // page's memory, and say at once that nothing is saved, with the email way.
            UNKEPT.with(|m| *m.borrow_mut() = Some(kept.to_json()));
            outbox.can_keep.set(false);
        }
        outbox.refresh(&kept);
        stored
    })
    .await
    .unwrap_or(false)
}

/// Removes requests from the outbox: cancelled by the reader, or their answers taken back into the form.
pub fn forget(outbox: Outbox, ids: Vec<String>) {
    for id in &ids {
        outbox.clear(id);
    }
    spawn_local(async move {
        change(outbox, move |kept| {
            for id in &ids {
                kept.remove(id);
            }
        })
        .await;
    });
}

/// One POST of the kept request, in the current service's format, to its current
/// address; given up after [`SEND_TIMEOUT_SECONDS`].
async fn post_once(signup: &Signup, endpoint: &str, kept: &str) -> Outcome {
    let Some(body) = body_for(signup.service, signup.access_key.as_deref(), kept) else {
        return Outcome::NotMade;
    };
    let deadline = browser::Deadline::after(SEND_TIMEOUT_SECONDS);
    let signal = deadline.signal();
    let request = gloo_net::http::Request::post(endpoint)
        .header("Accept", "application/json")
        .header("Content-Type", content_type(&body))
        .abort_signal(signal.as_ref())
        .body(body);
    let outcome = match request {
        Err(_) => Outcome::NotMade,
        Ok(request) => match request.send().await {
            // No answer, or none in time: try again.
            Err(_) => Outcome::Retry(None),
            Ok(response) => {
                let retry_after = response.headers().get("retry-after");
                let text = response.text().await.unwrap_or_default();
                classify(
                    response.status(),
                    response.redirected(),
                    retry_after.as_deref(),
                    &text,
                    browser::now_ms(),
                )
            }
        },
    };
    drop(deadline);
    outcome
}

/// Counts down a wait before the next attempt, so the reader sees it.
async fn wait(outbox: Outbox, id: &str, ms: u32) {
    let mut remaining = ms;
    while remaining > 0 {
        outbox.set(id, Progress::Waiting(remaining.div_ceil(1000)));
        let step = remaining.min(1000);
        browser::sleep(step).await;
        remaining -= step;
    }
}

/// Shows what a step means for the request's reader.
fn show(outbox: Outbox, id: &str, step: &Step) {
    match step {
        Step::Delivered => outbox.set(id, Progress::Sent),
        Step::Ended(why) => outbox.set(id, Progress::Ended(why.clone())),
        Step::Later if outbox.can_keep.get_untracked() => outbox.set(id, Progress::Kept),
        Step::Later => outbox.set(id, Progress::NotKept),
        Step::RetryIn(_) => {}
    }
}

/// What one round under the lock did.
enum Round {
    /// Nothing is due now; one falls due in this many milliseconds, if any waits.
    Idle(Option<u32>),
    /// Sent one request, with this result.
    Did(String, Step),
}

/// Sends what is due, one request at a time, each under the lock and read afresh, so
/// no two tabs ever send the same request and nothing confirmed is sent again.
async fn send_due(outbox: Outbox, signup: Signup) {
    let Some(endpoint) = signup.endpoint.clone() else {
        return;
    };
    if SENDING.with(|s| s.replace(true)) {
        LOOK_AGAIN.with(|again| again.set(true));
        return;
    }
    let mut set_aside: Vec<String> = Vec::new();
    loop {
        if !browser::is_online() {
            let kept = load();
            let shown = if outbox.can_keep.get_untracked() {
                Progress::Kept
            } else {
                Progress::NotKept
            };
            for item in kept.waiting() {
                outbox.set(&item.submission_id, shown.clone());
            }
            break;
        }
        let (signup, endpoint, aside) = (signup.clone(), endpoint.clone(), set_aside.clone());
        let round = locked(async move {
            let now = browser::now_ms();
            let mut kept = load();
            kept.expire(now);
            // What another tab delivered meanwhile has left the outbox.
            let delivered: Vec<String> = outbox.progress.with_untracked(|all| {
                all.iter()
                    .filter(|(id, progress)| progress.is_under_way() && kept.get(id).is_none())
                    .map(|(id, _)| id.clone())
                    .collect()
            });
            for id in delivered {
                outbox.set(&id, Progress::Sent);
            }
            let Some(item) = kept.next_due(now, &aside).cloned() else {
                store(&kept);
                outbox.refresh(&kept);
                return Round::Idle(kept.due_in(now, &aside));
            };
            let id = item.submission_id.clone();
            outbox.set(&id, Progress::Sending(item.attempts + 1));
            let outcome = post_once(&signup, &endpoint, &item.body).await;
            let mut kept = load();
            let step = kept.record(&id, outcome, browser::now_ms(), browser::random());
            store(&kept);
            outbox.refresh(&kept);
            // Firefox hands another tab's process the lock before the storage write that
            // removed a delivered request reaches it, so that tab read the request back and
            // sent it again (1 run in 3 in the two-tab test). Holding the lock a moment
            // longer lets the write arrive first.
            browser::sleep(HANDOVER_MS).await;
            Round::Did(id, step)
        })
        .await;
        match round {
            Some(Round::Idle(_)) if LOOK_AGAIN.with(|again| again.replace(false)) => {}
            Some(Round::Idle(Some(wait))) => browser::sleep(wait).await,
            None | Some(Round::Idle(None)) => break,
            Some(Round::Did(id, step)) => {
                show(outbox, &id, &step);
                match step {
                    Step::RetryIn(ms) => wait(outbox, &id, ms).await,
                    Step::Later => set_aside.push(id),
                    _ => {}
                }
            }
        }
    }
    SENDING.with(|s| s.set(false));
}

/// Sends whatever is due, now, if the form service is known.
pub fn flush(outbox: Outbox) {
    if let Some(site) = outbox.site.get_untracked() {
        spawn_local(send_due(outbox, site.signup));
    }
}

/// Keeps the request in the outbox before its first send (replacing one with the same
/// id), then sends it; where the browser keeps nothing, the outbox is this page's memory.
pub fn submit(outbox: Outbox, signup: Signup, submission: &Submission) {
    let Some(item) = Item::new(submission, browser::now_ms()) else {
        outbox.set(&submission.submission_id, Progress::Ended(Ended::NotMade));
        return;
    };
    outbox.set(&item.submission_id, Progress::Keeping);
    spawn_local(async move {
        change(outbox, move |kept| kept.put(item)).await;
        // If a round is already under way in this tab, it picks this request up.
        send_due(outbox, signup).await;
    });
}

/// Provides the outbox to the app and, in the browser, sends what waits now (once the
/// site settings have named the form service) and whenever the connection returns.
pub fn provide() {
    let can_keep = browser::in_browser() && browser::can_keep();
    let site = use_site();
    let outbox = Outbox {
        progress: RwSignal::new(Vec::new()),
        ended: RwSignal::new(Vec::new()),
        can_keep: RwSignal::new(can_keep),
        site,
    };
    provide_context(outbox);
    // Only a browser has a connection to wait for.
    if !browser::in_browser() {
        return;
    }
    if !can_keep {
        UNKEPT.with(|m| *m.borrow_mut() = Some(String::new()));
    }
    // What the device kept is shown once the page is adopted: the build drew none.
    let adopted = crate::state::use_adopted();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !adopted.get() {
            return done.unwrap_or(false);
        }
        outbox.refresh(&load());
        let handle = window_event_listener(leptos::ev::online, move |_| flush(outbox));
        std::mem::forget(handle);
        true
    });
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !adopted.get() {
            return done.unwrap_or(false);
        }
        match site.get() {
            Some(site) => {
                spawn_local(send_due(outbox, site.signup));
                true
            }
            None => false,
        }
    });
}

/// The shared outbox.
pub fn use_outbox() -> Outbox {
    expect_context::<Outbox>()
}
