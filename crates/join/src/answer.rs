//! What a form service's answer means, and when to try again: every service's
//! documented answers read one way, `Retry-After` in both its forms, and backoff with
//! jitter so that many readers do not retry at once.

use crate::form::{error, Field, FieldError};

/// What the app should do after one attempt to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Delivered.
    Sent,
    /// The service found problems with fields; show them like our own.
    FieldErrors(Vec<FieldError>),
    /// Worth trying again, after at least this many seconds if the service said.
    Retry(Option<u32>),
    /// Refused for good, with the status and what the service said, if it said
    /// anything; keep the data and offer another way.
    Refused(u16, Option<String>),
    /// The service answered with a redirect to a page rather than a confirmation:
    /// it may or may not have the request, so it is never sent again.
    Unconfirmed,
    /// This browser would not make the request at all (never a service's answer).
    NotMade,
}

/// Reads `Retry-After` as seconds from now: a number of seconds, or an HTTP date
/// (`Wed, 21 Oct 2015 07:28:00 GMT`) measured against `now_ms`.
pub fn parse_retry_after(header: Option<&str>, now_ms: f64) -> Option<u32> {
    let header = header?.trim();
    if let Ok(seconds) = header.parse::<u32>() {
        return Some(seconds);
    }
    let at = http_date_ms(header)?;
    Some(((at - now_ms) / 1000.0).ceil().clamp(0.0, u32::MAX as f64) as u32)
}

/// Milliseconds since the epoch of an IMF-fixdate, the form HTTP dates take.
fn http_date_ms(text: &str) -> Option<f64> {
    let (_, rest) = text.split_once(", ")?;
    let parts: Vec<&str> = rest.split(' ').collect();
    let [day, month, year, clock, "GMT"] = parts.as_slice() else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|m| m == month)? as u8 + 1;
    let date = time::Date::from_calendar_date(
        year.parse().ok()?,
        time::Month::try_from(month).ok()?,
        day.parse().ok()?,
    )
    .ok()?;
    let mut hms = clock.split(':').map(|n| n.parse::<u8>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    let at = date.with_hms(h, m, s).ok()?.assume_utc();
    Some(at.unix_timestamp() as f64 * 1000.0)
}

/// What a service's JSON answer says went wrong, for the reader: its own words
/// (`error` from Formspree and Basin, `message` from Web3Forms), kept short.
fn said(answer: &serde_json::Value) -> Option<String> {
    let text = ["error", "message"]
        .iter()
        .find_map(|key| answer.get(key)?.as_str())
        .or_else(|| answer.pointer("/errors/0/message")?.as_str())?
        .trim();
    let short: String = text.chars().take(200).collect();
    (!short.is_empty()).then_some(short)
}

/// Decides what a response means, reading every service's documented answers the
/// same way: a 2xx reached by redirect is unconfirmed (a page, not an answer); a 2xx
/// is sent unless its body says it failed (`"success": false` from
/// Web3Forms, `"ok": false`); 408, 429 and 5xx are retried; field errors
/// (`errors: [{field, message}]`) are shown like ours; anything else is refused,
/// never retried, with the service's own words when it gave any.
pub fn classify(
    status: u16,
    redirected: bool,
    retry_after: Option<&str>,
    body: &str,
    now_ms: f64,
) -> Outcome {
    let answer: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let failed = ["success", "ok"]
        .iter()
        .any(|key| answer.get(key).and_then(|v| v.as_bool()) == Some(false));
    match status {
        200..=299 if redirected => return Outcome::Unconfirmed,
        200..=299 if !failed => return Outcome::Sent,
        408 | 429 | 500..=599 => return Outcome::Retry(parse_retry_after(retry_after, now_ms)),
        _ => {}
    }
    let errors: Vec<FieldError> = answer
        .get("errors")
        .and_then(|e| e.as_array())
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let field = Field::from_name(e.get("field")?.as_str()?)?;
            let message = e
                .get("message")
                .and_then(|m| m.as_str())
                .filter(|m| !m.trim().is_empty())
                .map(|m| format!("Check this answer: the form service says it {m}"))
                .unwrap_or_else(|| "Check this answer".to_string());
            Some(error(field, message))
        })
        .collect();
    if errors.is_empty() {
        Outcome::Refused(status, said(&answer))
    } else {
        Outcome::FieldErrors(errors)
    }
}

/// Failed attempts in a row before the page stops trying until the next visit or the
/// connection's return.
pub const MAX_ATTEMPTS: u32 = 4;

/// Seconds one send may take before it is abandoned and tried again.
pub const SEND_TIMEOUT_SECONDS: u32 = 30;

/// The longest wait before a retry, in seconds, whatever a service asks.
pub const LONGEST_WAIT_SECONDS: u32 = 120;

/// Milliseconds to wait before retry number `retry` (1 for the first retry):
/// 1, 2, 4 … seconds, capped at 30, scaled by `jitter` in 0..1 to between half and
/// the whole, or what the service asked for (up to two minutes).
pub fn retry_delay_ms(retry: u32, retry_after: Option<u32>, jitter: f64) -> u32 {
    if let Some(seconds) = retry_after {
        return seconds.min(LONGEST_WAIT_SECONDS) * 1000;
    }
    let base = 1000u32
        .saturating_mul(1 << retry.saturating_sub(1).min(5))
        .min(30_000);
    let scale = 0.5 + 0.5 * jitter.clamp(0.0, 1.0);
    (base as f64 * scale).round() as u32
}
#[cfg(test)]
mod tests {
    use super::*;

    /// An answer that came straight back, not by redirect.
    fn classify_(status: u16, retry_after: Option<&str>, body: &str, now_ms: f64) -> Outcome {
        classify(status, false, retry_after, body, now_ms)
    }

    #[test]
    fn which_responses_are_retried() {
        assert_eq!(classify_(200, None, "", NOW), Outcome::Sent);
        assert_eq!(classify_(201, None, "{}", NOW), Outcome::Sent);
        assert_eq!(classify_(503, None, "", NOW), Outcome::Retry(None));
        assert_eq!(
            classify_(500, Some("nonsense"), "", NOW),
            Outcome::Retry(None)
        );
        assert_eq!(classify_(429, Some("7"), "", NOW), Outcome::Retry(Some(7)));
        assert_eq!(classify_(408, None, "", NOW), Outcome::Retry(None));
        assert_eq!(
            classify_(400, None, "bad", NOW),
            Outcome::Refused(400, None)
        );
        assert_eq!(classify_(403, None, "", NOW), Outcome::Refused(403, None));
        assert_eq!(classify_(404, None, "", NOW), Outcome::Refused(404, None));
        let body = r#"{"errors":[{"field":"email","code":"TYPE_EMAIL","message":"should be an email"},{"field":"unknown","message":"x"}]}"#;
        assert_eq!(
            classify_(422, None, body, NOW),
            Outcome::FieldErrors(vec![error(
                Field::Email,
                "Check this answer: the form service says it should be an email"
            )])
        );
        assert_eq!(classify_(422, None, "{}", NOW), Outcome::Refused(422, None));
    }

    /// Every documented answer of every service, from the fixtures the browser tests use too.
    #[test]
    fn each_services_answers_are_read_as_the_reader_should_see_them() {
        let fixtures: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/fixtures/form-services.json"))
                .unwrap_or_else(|e| panic!("expected the service fixtures to be JSON: {e}"));
        let answer = |service: &str, kind: &str| {
            let a = &fixtures["services"][service]["answers"][kind];
            let status = a["status"]
                .as_u64()
                .unwrap_or_else(|| panic!("{service} {kind}: no status"));
            classify_(
                status as u16,
                a["retry_after"].as_str(),
                a["body"].as_str().unwrap_or_default(),
                NOW,
            )
        };
        let refused =
            |status: u16, said: Option<&str>| Outcome::Refused(status, said.map(str::to_string));
        for service in ["formspree", "basin", "web3forms", "netlify"] {
            assert_eq!(answer(service, "success"), Outcome::Sent, "{service}");
            assert!(
                matches!(answer(service, "rate_limit"), Outcome::Retry(_)),
                "{service}"
            );
        }
        assert_eq!(answer("formspree", "rate_limit"), Outcome::Retry(Some(30)));
        assert_eq!(
            answer("formspree", "field_error"),
            Outcome::FieldErrors(vec![error(
                Field::Email,
                "Check this answer: the form service says it should be an email"
            )])
        );
        assert_eq!(
            answer("formspree", "refusal"),
            refused(403, Some("Submission blocked as spam"))
        );
        assert_eq!(
            answer("basin", "field_error"),
            refused(422, Some("email is invalid"))
        );
        assert_eq!(
            answer("basin", "refusal"),
            refused(403, None),
            "an HTML refusal page"
        );
        assert_eq!(
            answer("web3forms", "field_error"),
            refused(200, Some("Please provide a valid email")),
            "a 200 whose body says it failed is a failure"
        );
        assert_eq!(
            answer("web3forms", "refusal"),
            refused(400, Some("Invalid access key"))
        );
        assert_eq!(answer("netlify", "field_error"), refused(404, None));
        assert_eq!(answer("netlify", "refusal"), refused(403, None));
    }

    const NOW: f64 = 1_764_000_000_000.0;

    #[test]
    fn retry_after_as_seconds_or_as_an_http_date() {
        assert_eq!(parse_retry_after(Some("60"), NOW), Some(60));
        let now = 1_445_412_400_000.0; // 2015-10-21 07:26:40 UTC
        assert_eq!(
            parse_retry_after(Some("Wed, 21 Oct 2015 07:28:00 GMT"), now),
            Some(80)
        );
        assert_eq!(
            parse_retry_after(Some("Wed, 21 Oct 2015 07:20:00 GMT"), now),
            Some(0),
            "a date in the past means now"
        );
        assert_eq!(parse_retry_after(Some("soon"), now), None);
        assert_eq!(parse_retry_after(None, now), None);
    }

    #[test]
    fn retry_schedule_backs_off_with_jitter_and_honours_retry_after() {
        assert_eq!(retry_delay_ms(1, None, 1.0), 1000);
        assert_eq!(retry_delay_ms(2, None, 1.0), 2000);
        assert_eq!(retry_delay_ms(3, None, 1.0), 4000);
        assert_eq!(retry_delay_ms(3, None, 0.0), 2000);
        assert_eq!(retry_delay_ms(20, None, 1.0), 30_000);
        assert_eq!(retry_delay_ms(1, Some(7), 0.3), 7000);
        assert_eq!(retry_delay_ms(1, Some(100_000), 0.3), 120_000);
        assert!((1..MAX_ATTEMPTS)
            .all(|r| retry_delay_ms(r, None, 0.5) <= retry_delay_ms(r + 1, None, 0.5)));
    }

    #[test]
    fn a_page_reached_by_redirect_is_never_taken_as_a_confirmation() {
        assert_eq!(
            classify(200, true, None, "<html>thanks</html>", NOW),
            Outcome::Unconfirmed
        );
        assert_eq!(classify(200, false, None, "", NOW), Outcome::Sent);
    }
}
