//! The outbox that keeps each join request on the device until its form service
//! confirms or refuses it, as rules the browser code only drives: it stores, sends,
//! waits and shows what these say.
//!
//! The promise, in plain words: a request is kept on the device before it is first
//! sent, and leaves only when the service has confirmed it, refused it for good, or
//! 30 days have passed; it is never sent again once confirmed; every resend (after a
//! timeout, a retry, a reload, or to a form service that has changed) carries the
//! same `submission_id`.

use crate::answer::{retry_delay_ms, Outcome, MAX_ATTEMPTS};
use crate::form::{error, Field, FieldError, SignupForm};
use crate::wire::Submission;
use serde::Serialize;

/// Days a request waits on the device before it is given up, and the reader told.
pub const KEEP_DAYS: u32 = 30;

/// Where this version keeps the outbox. The earlier version kept a plain list under
/// [`OLD_STORAGE_KEY`]; a new key means a page of that version still open in another
/// tab can never overwrite what this one keeps.
pub const STORAGE_KEY: &str = "signup-outbox-v2";

/// Where the earlier version kept its outbox; read, moved here, then cleared.
pub const OLD_STORAGE_KEY: &str = "signup-outbox";

/// The name of the lock that lets one tab at a time send or change the outbox.
pub const LOCK_NAME: &str = "signup-outbox";

const DAY_MS: f64 = 86_400_000.0;

/// When a kept request may be sent: its own time, or now when that time is further off
/// than any retry waits (a clock moved back, or edited storage), so no page waits days,
/// nor asks the browser for a wait it cannot hold.
fn due_at(item: &Item, now_ms: f64) -> f64 {
    if item.not_before_ms - now_ms > f64::from(crate::answer::LONGEST_WAIT_SECONDS) * 1000.0 {
        now_ms
    } else {
        item.not_before_ms
    }
}
const VERSION: u32 = 2;

/// Why a request ended without being delivered; kept so the reader is told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ended {
    /// The service refused it with this status, in these words if it gave any.
    Refused {
        /// The HTTP status.
        status: u16,
        /// What the service said, kept short.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        said: Option<String>,
    },
    /// The service found problems with these answers: (field key, what to do).
    FieldErrors {
        /// Each problem, by the field's key.
        errors: Vec<(String, String)>,
    },
    /// The service answered with a page instead of a confirmation.
    Unconfirmed,
    /// It waited [`KEEP_DAYS`] days without being delivered.
    Expired,
    /// This browser would not make the request.
    NotMade,
}

impl Ended {
    /// Reads back what [`Serialize`] wrote (`"expired"`, `{"refused":{"status":403}}`):
    /// by hand, as the form is, because the derived reader costs the wasm more.
    fn from_json(value: &serde_json::Value) -> Option<Ended> {
        if let Some(unit) = value.as_str() {
            return match unit {
                "unconfirmed" => Some(Ended::Unconfirmed),
                "expired" => Some(Ended::Expired),
                "not_made" => Some(Ended::NotMade),
                _ => None,
            };
        }
        let (kind, fields) = value.as_object()?.iter().next()?;
        match kind.as_str() {
            "refused" => Some(Ended::Refused {
                status: u16::try_from(fields.get("status")?.as_u64()?).ok()?,
                said: fields
                    .get("said")
                    .and_then(|s| s.as_str())
                    .map(str::to_string),
            }),
            "field_errors" => Some(Ended::FieldErrors {
                errors: fields
                    .get("errors")?
                    .as_array()?
                    .iter()
                    .map(|pair| {
                        let [key, message] = pair.as_array()?.as_slice() else {
                            return None;
                        };
                        Some((key.as_str()?.to_string(), message.as_str()?.to_string()))
                    })
                    .collect::<Option<_>>()?,
            }),
            _ => None,
        }
    }

    /// The problems the service found, as the form shows its own.
    pub fn field_errors(&self) -> Vec<FieldError> {
        match self {
            Ended::FieldErrors { errors } => errors
                .iter()
                .filter_map(|(key, message)| Some(error(Field::from_name(key)?, message)))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Why it was not sent, in plain words.
    pub fn explain(&self) -> String {
        match self {
            Ended::Refused { status, said } => format!(
                "The form service could not accept your request (error {status}){}.",
                said.as_ref()
                    .map(|words| format!(". It said: \u{201c}{words}\u{201d}"))
                    .unwrap_or_default()
            ),
            Ended::FieldErrors { .. } => {
                "The form service found a problem with some answers, so it was not sent.".into()
            }
            Ended::Unconfirmed => "The form service answered with a web page instead of a confirmation, so we cannot tell whether your request arrived, and it has not been sent again.".into(),
            Ended::NotMade => "This browser would not send the request (it may block this site's connection to the form service).".into(),
            Ended::Expired => format!(
                "It could not be sent within {KEEP_DAYS} days, so this device stopped trying."
            ),
        }
    }
}

/// One request in the outbox: its id, the exact JSON body (made once, so every resend
/// is byte-for-byte the same request), and where it stands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Item {
    /// The request's one id.
    pub submission_id: String,
    /// The request body, as JSON.
    pub body: String,
    /// When it was first kept, in milliseconds since the epoch.
    pub queued_at_ms: f64,
    /// Failed attempts so far.
    #[serde(default)]
    pub attempts: u32,
    /// Not to be sent before this time.
    #[serde(default)]
    pub not_before_ms: f64,
    /// Why it ended, once it has; an ended request is never sent again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Ended>,
}

impl Item {
    /// Reads back an item as [`Serialize`] wrote it; `None` for anything else, which
    /// the outbox keeps aside rather than drops.
    fn from_json(value: &serde_json::Value) -> Option<Item> {
        let number = |key: &str| value.get(key).and_then(|v| v.as_f64());
        Some(Item {
            submission_id: value.get("submission_id")?.as_str()?.to_string(),
            body: value.get("body")?.as_str()?.to_string(),
            queued_at_ms: number("queued_at_ms")?,
            attempts: value
                .get("attempts")
                .and_then(|v| v.as_u64())
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(0),
            not_before_ms: number("not_before_ms").unwrap_or(0.0),
            ended: match value.get("ended") {
                None | Some(serde_json::Value::Null) => None,
                Some(ended) => Some(Ended::from_json(ended)?),
            },
        })
    }

    /// Prepares a submission for keeping and sending; `None` only if it cannot become JSON.
    pub fn new(submission: &Submission, now_ms: f64) -> Option<Self> {
        Some(Item {
            submission_id: submission.submission_id.clone(),
            body: serde_json::to_string(submission).ok()?,
            queued_at_ms: now_ms,
            attempts: 0,
            not_before_ms: 0.0,
            ended: None,
        })
    }

    /// The answers this request carries, for the form and the email fallback. Read as
    /// the form itself (the body holds its fields at the top level, beside the id),
    /// because decoding the flattened `Submission` costs the wasm far more.
    pub fn answers(&self) -> Option<SignupForm> {
        SignupForm::from_json(&serde_json::from_str(&self.body).ok()?)
    }
}

/// What the page does next with a request, after an attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Confirmed: it has left the outbox.
    Delivered,
    /// Ended without delivery; the reader is told why.
    Ended(Ended),
    /// Try again after this many milliseconds.
    RetryIn(u32),
    /// Stop trying until the next visit or the connection's return.
    Later,
}

/// The requests kept on this device, and anything stored there this version cannot read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outbox {
    /// Requests still to send, and ended ones the reader has not yet dealt with.
    pub items: Vec<Item>,
    /// Entries that could not be read, kept as they were, never dropped.
    pub unreadable: Vec<String>,
}

/// An entry of the earlier version's list: the body as a string, or the submission itself.
fn old_item(value: &serde_json::Value, now_ms: f64) -> Option<Item> {
    let body = match value.get("body").and_then(|b| b.as_str()) {
        Some(body) => body.to_string(),
        None => value.get("submission")?.to_string(),
    };
    let id = serde_json::from_str::<serde_json::Value>(&body)
        .ok()?
        .get("submission_id")?
        .as_str()?
        .to_string();
    Some(Item {
        submission_id: id,
        body,
        queued_at_ms: now_ms,
        attempts: 0,
        not_before_ms: 0.0,
        ended: None,
    })
}

impl Outbox {
    /// Reads what is stored under [`STORAGE_KEY`] (`current`) and the earlier version's
    /// [`OLD_STORAGE_KEY`] (`old`), whose requests join this outbox. Whatever cannot be
    /// read is kept aside in `unreadable`.
    pub fn read(current: Option<&str>, old: Option<&str>, now_ms: f64) -> Outbox {
        let mut outbox = Outbox::default();
        if let Some(text) = current.filter(|t| !t.trim().is_empty()) {
            let parsed = serde_json::from_str::<serde_json::Value>(text).ok();
            match parsed.as_ref().and_then(|v| v.get("items")?.as_array()) {
                Some(items) => {
                    for value in items {
                        match Item::from_json(value) {
                            Some(item) => outbox.put(item),
                            None => outbox.unreadable.push(value.to_string()),
                        }
                    }
                    if let Some(kept) = parsed
                        .as_ref()
                        .and_then(|v| v.get("unreadable")?.as_array())
                    {
                        outbox.unreadable.extend(
                            kept.iter()
                                .map(|v| v.as_str().map(str::to_string).unwrap_or(v.to_string())),
                        );
                    }
                }
                None => outbox.unreadable.push(text.to_string()),
            }
        }
        if let Some(text) = old.filter(|t| !t.trim().is_empty()) {
            match serde_json::from_str::<Vec<serde_json::Value>>(text) {
                Ok(values) => {
                    for value in values {
                        match old_item(&value, now_ms) {
                            Some(item) if outbox.get(&item.submission_id).is_none() => {
                                outbox.items.push(item)
                            }
                            Some(_) => {}
                            None => outbox.unreadable.push(value.to_string()),
                        }
                    }
                }
                Err(_) => outbox.unreadable.push(text.to_string()),
            }
        }
        outbox
    }

    /// The outbox as stored under [`STORAGE_KEY`].
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Stored<'a> {
            version: u32,
            items: &'a [Item],
            unreadable: &'a [String],
        }
        serde_json::to_string(&Stored {
            version: VERSION,
            items: &self.items,
            unreadable: &self.unreadable,
        })
        .unwrap_or_default()
    }

    /// True when nothing is kept, so the stored copy can be removed.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.unreadable.is_empty()
    }

    /// Keeps a request; one with the same id is replaced (an edit sent again keeps its id).
    pub fn put(&mut self, item: Item) {
        match self
            .items
            .iter_mut()
            .find(|i| i.submission_id == item.submission_id)
        {
            Some(kept) => *kept = item,
            None => self.items.push(item),
        }
    }

    /// The request with this id.
    pub fn get(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.submission_id == id)
    }

    /// Forgets a request (cancelled by the reader, or dealt with); returns it.
    pub fn remove(&mut self, id: &str) -> Option<Item> {
        let at = self.items.iter().position(|i| i.submission_id == id)?;
        Some(self.items.remove(at))
    }

    /// Ends requests older than [`KEEP_DAYS`] days, and forgets ended ones kept as long again.
    pub fn expire(&mut self, now_ms: f64) {
        let keep = f64::from(KEEP_DAYS) * DAY_MS;
        self.items
            .retain(|i| i.ended.is_none() || now_ms - i.queued_at_ms < 2.0 * keep);
        for item in &mut self.items {
            if item.ended.is_none() && now_ms - item.queued_at_ms >= keep {
                item.ended = Some(Ended::Expired);
            }
        }
    }

    /// The first request to send now, if any is due and not set aside for this visit.
    pub fn next_due(&self, now_ms: f64, set_aside: &[String]) -> Option<&Item> {
        self.items.iter().find(|i| {
            i.ended.is_none()
                && due_at(i, now_ms) <= now_ms
                && !set_aside.contains(&i.submission_id)
        })
    }

    /// Milliseconds until the next waiting request falls due, when one waits but none
    /// is due now (a retry's wait outlives the page that began it: the next page waits on).
    pub fn due_in(&self, now_ms: f64, set_aside: &[String]) -> Option<u32> {
        self.items
            .iter()
            .filter(|i| i.ended.is_none() && !set_aside.contains(&i.submission_id))
            .map(|i| (due_at(i, now_ms) - now_ms).ceil())
            .filter(|ms| *ms > 0.0)
            .reduce(f64::min)
            .map(|ms| ms.min(f64::from(u32::MAX)) as u32)
    }

    /// Requests that ended undelivered, for the notice on every page.
    pub fn ended(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.ended.is_some())
    }

    /// Requests still waiting to be sent.
    pub fn waiting(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.ended.is_none())
    }

    /// Applies what one attempt to send `id` came to, and says what the page does next.
    /// `jitter` (0..1) spreads the retries of many readers.
    pub fn record(&mut self, id: &str, outcome: Outcome, now_ms: f64, jitter: f64) -> Step {
        let end = |outbox: &mut Outbox, why: Ended| {
            if let Some(item) = outbox.items.iter_mut().find(|i| i.submission_id == id) {
                item.ended = Some(why.clone());
            }
            Step::Ended(why)
        };
        match outcome {
            Outcome::Sent => {
                self.remove(id);
                Step::Delivered
            }
            Outcome::FieldErrors(errors) => end(
                self,
                Ended::FieldErrors {
                    errors: errors
                        .into_iter()
                        .map(|e| (e.field.key().to_string(), e.message))
                        .collect(),
                },
            ),
            Outcome::Refused(status, said) => end(self, Ended::Refused { status, said }),
            Outcome::Unconfirmed => end(self, Ended::Unconfirmed),
            Outcome::NotMade => end(self, Ended::NotMade),
            Outcome::Retry(after) => {
                let Some(item) = self.items.iter_mut().find(|i| i.submission_id == id) else {
                    return Step::Later;
                };
                item.attempts += 1;
                let delay = retry_delay_ms(item.attempts, after, jitter);
                item.not_before_ms = now_ms + f64::from(delay);
                if item.attempts.is_multiple_of(MAX_ATTEMPTS) {
                    Step::Later
                } else {
                    Step::RetryIn(delay)
                }
            }
        }
    }
}

/// The join form as the reader left it in this tab, with the id its request will be
/// sent under, so a reload or a return from another page resends under the same id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Draft {
    /// What was typed.
    pub form: SignupForm,
    /// The id this draft is, or will be, sent under; empty when none was made yet.
    pub submission_id: String,
}

impl Draft {
    /// Reads a stored draft; the earlier version stored the bare form, which reads with no id.
    pub fn read(json: &str) -> Option<Draft> {
        let value: serde_json::Value = serde_json::from_str(json).ok()?;
        match value.get("form") {
            Some(form) => Some(Draft {
                form: SignupForm::from_json(form)?,
                submission_id: value
                    .get("submission_id")
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string(),
            }),
            None => Some(Draft {
                form: SignupForm::from_json(&value)?,
                submission_id: String::new(),
            }),
        }
    }
}

/// Where one request stands, as the join page tells its reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Pressed, and being kept on the device before its first send.
    Keeping,
    /// Attempt number `n` is on its way.
    Sending(u32),
    /// Waiting this many seconds before trying again.
    Waiting(u32),
    /// Kept on this device; it will be sent when the connection returns or on a later visit.
    Kept,
    /// This browser keeps nothing, and sending has not worked.
    NotKept,
    /// Delivered.
    Sent,
    /// Ended without delivery.
    Ended(Ended),
}

impl Progress {
    /// True while a request is in flight or waiting to retry: the button does nothing then.
    pub fn is_busy(&self) -> bool {
        matches!(
            self,
            Progress::Keeping | Progress::Sending(_) | Progress::Waiting(_)
        )
    }

    /// True once the request is in the outbox and on its way: if it has left the
    /// outbox meanwhile, another tab delivered it.
    pub fn is_under_way(&self) -> bool {
        matches!(self, Progress::Sending(_) | Progress::Waiting(_))
    }

    /// What the status message says.
    pub fn message(&self) -> String {
        match self {
            Progress::Keeping | Progress::Sending(1) => "Sending your request…".into(),
            Progress::Sending(n) => format!("Sending your request (attempt {n})…"),
            Progress::Waiting(s) => format!(
                "We could not reach the form service. Trying again in {s} {}. Your request is saved on this device meanwhile.",
                if *s == 1 { "second" } else { "seconds" }
            ),
            Progress::Kept => format!(
                "You are offline or the form service cannot be reached. Your request is saved on this device and will be sent automatically when you are back online or next visit this site, for up to {KEEP_DAYS} days."
            ),
            Progress::NotKept => "We could not send your request, and this browser does not let this site save it to try later. Your answers are still here: try again, or email them to us.".into(),
            Progress::Sent => String::new(),
            Progress::Ended(why) => format!(
                "{} Your answers are still here: correct them and send again, or email them to us.",
                why.explain()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::classify;

    const NOW: f64 = 1_764_000_000_000.0;

    fn submission(id: &str) -> Submission {
        Submission {
            form: SignupForm {
                org_name: "Ysgol \"Gymraeg\"".into(),
                ..SignupForm::default()
            },
            submission_id: id.into(),
            privacy_notice_version: "2026-01".into(),
            submitted_at: "2026-11-28T10:00:00Z".into(),
            possibly_automated: false,
        }
    }

    fn item(id: &str) -> Item {
        Item::new(&submission(id), NOW).unwrap_or_else(|| panic!("item {id}"))
    }

    fn outbox(ids: &[&str]) -> Outbox {
        let mut outbox = Outbox::default();
        for id in ids {
            outbox.put(item(id));
        }
        outbox
    }

    #[test]
    fn the_outbox_keeps_the_exact_request_across_a_reload() {
        let kept = outbox(&["id-1"]);
        let back = Outbox::read(Some(&kept.to_json()), None, NOW);
        assert_eq!(back, kept);
        let body: Result<Submission, _> = serde_json::from_str(&back.items[0].body);
        assert_eq!(body.ok(), Some(submission("id-1")));
        assert_eq!(
            back.items[0].answers().map(|f| f.org_name),
            Some("Ysgol \"Gymraeg\"".into())
        );
    }

    #[test]
    fn requests_kept_by_the_earlier_version_join_the_outbox() {
        let old = format!(
            r#"[{{"endpoint":"https://forms.example/f","submission":{}}}, {{"endpoint":"https://forms.example/f","submission_id":"id-2","body":{}}}, {{"junk":true}}, 3]"#,
            serde_json::to_string(&submission("id-0")).unwrap_or_default(),
            serde_json::to_string(&item("id-2").body).unwrap_or_default(),
        );
        let merged = Outbox::read(Some(&outbox(&["id-9"]).to_json()), Some(&old), NOW);
        let ids: Vec<&str> = merged
            .items
            .iter()
            .map(|i| i.submission_id.as_str())
            .collect();
        assert_eq!(ids, ["id-9", "id-0", "id-2"]);
        assert_eq!(
            merged.unreadable,
            [r#"{"junk":true}"#, "3"],
            "kept aside, not dropped"
        );
    }

    #[test]
    fn an_unreadable_entry_is_kept_aside_and_the_rest_still_sent() {
        let stored = format!(
            r#"{{"version":2,"items":[{},{{"submission_id":7}}],"unreadable":["earlier junk"]}}"#,
            serde_json::to_string(&item("id-1")).unwrap_or_default()
        );
        let read = Outbox::read(Some(&stored), None, NOW);
        assert_eq!(read.items.len(), 1);
        assert_eq!(read.unreadable, [r#"{"submission_id":7}"#, "earlier junk"]);
        let again = Outbox::read(Some(&read.to_json()), None, NOW);
        assert_eq!(again, read, "what is kept aside survives every write");
        let garbage = Outbox::read(Some("{\u{1}not json"), None, NOW);
        assert_eq!(garbage.unreadable, ["{\u{1}not json"]);
        assert!(garbage.items.is_empty());
    }

    #[test]
    fn sending_again_with_the_same_id_replaces_the_kept_request() {
        let mut kept = outbox(&["id-1"]);
        let mut edited = submission("id-1");
        edited.form.org_name = "Corrected".into();
        kept.put(Item::new(&edited, NOW + 5.0).unwrap_or_else(|| panic!("item")));
        assert_eq!(kept.items.len(), 1);
        assert_eq!(
            kept.items[0].answers().map(|f| f.org_name),
            Some("Corrected".into())
        );
    }

    #[test]
    fn every_class_of_answer_has_its_next_step() {
        let cases: [(u16, bool, Option<&str>, &str, Step); 11] = [
            (200, false, None, "", Step::Delivered),
            (201, false, None, "{}", Step::Delivered),
            (200, true, None, "<html>", Step::Ended(Ended::Unconfirmed)),
            (503, false, None, "", Step::RetryIn(1000)),
            (500, false, Some("nonsense"), "", Step::RetryIn(1000)),
            (429, false, Some("7"), "", Step::RetryIn(7000)),
            (408, false, None, "", Step::RetryIn(1000)),
            (
                400,
                false,
                None,
                "bad",
                Step::Ended(Ended::Refused {
                    status: 400,
                    said: None,
                }),
            ),
            (
                403,
                false,
                None,
                "",
                Step::Ended(Ended::Refused {
                    status: 403,
                    said: None,
                }),
            ),
            (
                404,
                false,
                None,
                "",
                Step::Ended(Ended::Refused {
                    status: 404,
                    said: None,
                }),
            ),
            (
                413,
                false,
                None,
                "",
                Step::Ended(Ended::Refused {
                    status: 413,
                    said: None,
                }),
            ),
        ];
        for (status, redirected, retry_after, body, expected) in cases {
            let mut kept = outbox(&["id"]);
            let outcome = classify(status, redirected, retry_after, body, NOW);
            let step = kept.record("id", outcome, NOW, 1.0);
            assert_eq!(step, expected, "status {status}");
            let left = kept.get("id");
            match expected {
                Step::Delivered => assert!(left.is_none(), "{status}: a confirmed request leaves"),
                Step::Ended(_) => {
                    assert!(
                        left.is_some_and(|i| i.ended.is_some()),
                        "{status}: ended, kept to tell"
                    );
                    assert!(
                        kept.next_due(NOW + 1e12, &[]).is_none(),
                        "{status}: never sent again"
                    );
                }
                _ => assert!(
                    left.is_some_and(|i| i.ended.is_none() && i.not_before_ms > NOW),
                    "{status}: kept, not before the delay"
                ),
            }
        }
    }

    #[test]
    fn field_errors_end_the_request_and_come_back_as_the_forms_own() {
        let body = r#"{"errors":[{"field":"email","code":"TYPE_EMAIL","message":"should be an email"},{"field":"unknown","message":"x"}]}"#;
        let expected = vec![error(
            Field::Email,
            "Check this answer: the form service says it should be an email",
        )];
        assert_eq!(
            classify(422, false, None, body, NOW),
            Outcome::FieldErrors(expected.clone())
        );
        let mut kept = outbox(&["id"]);
        let step = kept.record("id", classify(422, false, None, body, NOW), NOW, 0.5);
        let Step::Ended(why) = step else {
            panic!("expected the request to end, got {step:?}")
        };
        assert_eq!(why.field_errors(), expected);
        assert_eq!(
            classify(422, false, None, "{}", NOW),
            Outcome::Refused(422, None)
        );
    }

    #[test]
    fn a_timeout_is_retried_and_four_failures_in_a_row_wait_for_the_next_visit() {
        let mut kept = outbox(&["id"]);
        let steps: Vec<Step> = (0..MAX_ATTEMPTS)
            .map(|n| kept.record("id", Outcome::Retry(None), NOW + f64::from(n), 1.0))
            .collect();
        assert_eq!(
            steps,
            [
                Step::RetryIn(1000),
                Step::RetryIn(2000),
                Step::RetryIn(4000),
                Step::Later
            ]
        );
        assert_eq!(kept.get("id").map(|i| i.attempts), Some(MAX_ATTEMPTS));
        assert!(
            kept.next_due(NOW + 10_000.0, &[]).is_some(),
            "sent again on a later visit"
        );
        assert!(
            kept.next_due(NOW + 10_000.0, &["id".into()]).is_none(),
            "but not again in this visit once set aside"
        );
        assert_eq!(kept.due_in(NOW + 10_000.0, &["id".into()]), None);
    }

    #[test]
    fn a_request_waiting_out_its_retry_falls_due_when_the_wait_is_over() {
        let mut kept = outbox(&["id"]);
        assert_eq!(kept.due_in(NOW, &[]), None, "due now: nothing to wait for");
        kept.record("id", Outcome::Retry(Some(3)), NOW, 0.5);
        assert!(kept.next_due(NOW + 1000.0, &[]).is_none());
        assert_eq!(kept.due_in(NOW + 1000.0, &[]), Some(2000));
        assert!(kept.next_due(NOW + 3000.0, &[]).is_some());
    }

    #[test]
    fn a_request_waits_thirty_days_then_ends_and_is_forgotten_thirty_days_later() {
        let mut kept = outbox(&["id"]);
        let day = DAY_MS;
        kept.expire(NOW + 29.9 * day);
        assert!(kept.next_due(NOW + 29.9 * day, &[]).is_some());
        kept.expire(NOW + 30.0 * day);
        assert_eq!(
            kept.get("id").and_then(|i| i.ended.clone()),
            Some(Ended::Expired)
        );
        assert!(kept.next_due(NOW + 30.0 * day, &[]).is_none());
        assert_eq!(kept.ended().count(), 1, "the reader is told");
        kept.expire(NOW + 60.0 * day);
        assert!(kept.is_empty(), "then forgotten");
    }

    #[test]
    fn a_draft_keeps_its_id_and_the_earlier_bare_form_still_reads() {
        let draft = Draft {
            form: submission("x").form,
            submission_id: "id-7".into(),
        };
        let json = serde_json::to_string(&draft).unwrap_or_default();
        assert_eq!(Draft::read(&json), Some(draft.clone()));
        let bare = serde_json::to_string(&draft.form).unwrap_or_default();
        assert_eq!(
            Draft::read(&bare),
            Some(Draft {
                form: draft.form,
                submission_id: String::new()
            })
        );
        assert_eq!(Draft::read("nonsense"), None);
        assert_eq!(Draft::read("[1, 2]"), None);
    }

    #[test]
    fn the_reader_is_told_where_a_request_stands_in_words() {
        assert!(Progress::Kept.message().contains("saved on this device"));
        assert!(!Progress::NotKept.message().contains("saved on this device"));
        assert!(Progress::Waiting(1).message().contains("1 second."));
        assert!(Progress::Ended(Ended::Refused {
            status: 403,
            said: None
        })
        .message()
        .contains("error 403"));
        assert!(Progress::Sending(2).is_busy() && !Progress::Kept.is_busy());
    }

    #[test]
    fn every_way_a_request_ends_reads_back_as_it_was_kept() {
        let ends = [
            Ended::Refused {
                status: 403,
                said: Some("Form not active".into()),
            },
            Ended::Refused {
                status: 404,
                said: None,
            },
            Ended::FieldErrors {
                errors: vec![("email".into(), "Check this answer".into())],
            },
            Ended::Unconfirmed,
            Ended::Expired,
            Ended::NotMade,
        ];
        let mut kept = Outbox::default();
        for (n, why) in ends.iter().enumerate() {
            let mut item = item(&format!("id-{n}"));
            item.attempts = 3;
            item.not_before_ms = NOW + 5.0;
            item.ended = Some(why.clone());
            kept.put(item);
        }
        let back = Outbox::read(Some(&kept.to_json()), None, NOW);
        assert_eq!(back, kept);
        assert!(back.unreadable.is_empty());
    }
    #[test]
    fn a_request_kept_for_an_implausibly_late_time_is_sent_now() {
        // A clock moved back, or edited storage: the time it may be sent is days away.
        let mut kept = Outbox::default();
        let mut late = item("late");
        late.not_before_ms = NOW + 40.0 * DAY_MS;
        kept.put(late);
        assert_eq!(
            kept.next_due(NOW, &[]).map(|i| i.submission_id.as_str()),
            Some("late")
        );
        // A real retry's wait is kept, and no wait is ever longer than a retry's longest.
        let mut waiting = Outbox::default();
        let mut soon = item("soon");
        soon.not_before_ms = NOW + 90_000.0;
        waiting.put(soon);
        assert!(waiting.next_due(NOW, &[]).is_none());
        assert_eq!(waiting.due_in(NOW, &[]), Some(90_000));
        assert!(kept.due_in(NOW, &[]).is_none_or(|ms| ms <= 120_000));
    }
}
