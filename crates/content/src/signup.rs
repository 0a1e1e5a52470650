//! The join form's rules in plain Rust: fields, validation, the JSON a form
//! service receives, which responses are retried and when, and the email
//! that stands in when no service is configured.

use crate::members::{Nation, OrgType};
use crate::site::is_email;
use serde::{Deserialize, Serialize};

/// Everything an organisation types into the join form; saved as a draft as they type.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignupForm {
    /// The organisation's name.
    pub org_name: String,
    /// An [`OrgType`] key, or empty.
    pub org_type: String,
    /// The type in the organisation's words when it chose "other".
    pub org_type_other: String,
    /// [`Nation`] keys.
    pub nations: Vec<String>,
    /// Which register the number is on (a [`Register`] key), or empty.
    pub register: String,
    /// Its registered charity or company number, if it has one.
    pub register_number: String,
    /// Its website.
    pub website: String,
    /// Who we should contact.
    pub contact_name: String,
    /// Their role.
    pub role: String,
    /// Their email address.
    pub email: String,
    /// Their phone number.
    pub phone: String,
    /// How the organisation will support the coalition.
    pub support: String,
    /// Agreement to the privacy notice.
    pub privacy: bool,
    /// Whether the organisation may be listed on the members page.
    pub listed: bool,
    /// Whether the contact would like updates.
    pub updates: bool,
}

/// The registers a charity or company number can be on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Register {
    /// The Charity Commission for England and Wales.
    CharityCommission,
    /// The Scottish Charity Regulator.
    Oscr,
    /// The Charity Commission for Northern Ireland.
    Ccni,
    /// Companies House.
    CompaniesHouse,
}

impl Register {
    /// Every register, in the order the form lists them.
    pub const ALL: [Register; 4] = [
        Register::CharityCommission,
        Register::Oscr,
        Register::Ccni,
        Register::CompaniesHouse,
    ];

    /// The name readers see.
    pub fn label(self) -> &'static str {
        match self {
            Register::CharityCommission => "Charity Commission for England and Wales",
            Register::Oscr => "Scottish Charity Regulator (OSCR)",
            Register::Ccni => "Charity Commission for Northern Ireland",
            Register::CompaniesHouse => "Companies House",
        }
    }

    /// The form and JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Register::CharityCommission => "charity_commission",
            Register::Oscr => "oscr",
            Register::Ccni => "ccni",
            Register::CompaniesHouse => "companies_house",
        }
    }
}

/// A field of the join form, in page order, with the id its input carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// Organisation name.
    OrgName,
    /// Organisation type radios.
    OrgType,
    /// The "other" type text.
    OrgTypeOther,
    /// Nations checkboxes.
    Nations,
    /// Which register.
    Register,
    /// Registered number.
    RegisterNumber,
    /// Website.
    Website,
    /// Contact name.
    ContactName,
    /// Role.
    Role,
    /// Email.
    Email,
    /// Phone.
    Phone,
    /// How the organisation will support the coalition.
    Support,
    /// Privacy notice agreement.
    Privacy,
}

impl Field {
    /// Every field, in page order.
    pub const ALL: [Field; 13] = [
        Field::OrgName,
        Field::OrgType,
        Field::OrgTypeOther,
        Field::Nations,
        Field::Register,
        Field::RegisterNumber,
        Field::Website,
        Field::ContactName,
        Field::Role,
        Field::Email,
        Field::Phone,
        Field::Support,
        Field::Privacy,
    ];

    /// The id of the input (or first radio or checkbox) the error summary links to:
    /// its name too, so a form posted without the app carries the same names as the JSON.
    pub fn id(self) -> &'static str {
        self.key()
    }

    /// The JSON key the form service sees, and may name in its own errors.
    pub fn key(self) -> &'static str {
        match self {
            Field::OrgName => "org_name",
            Field::OrgType => "org_type",
            Field::OrgTypeOther => "org_type_other",
            Field::Nations => "nations",
            Field::Register => "register",
            Field::RegisterNumber => "register_number",
            Field::Website => "website",
            Field::ContactName => "contact_name",
            Field::Role => "role",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Support => "support",
            Field::Privacy => "privacy",
        }
    }

    /// Finds the field a form service named.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == name)
    }
}

/// One problem with what was typed, said as GOV.UK does: what to do, not what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field at fault.
    pub field: Field,
    /// What to do about it.
    pub message: String,
}

fn error(field: Field, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// True for something that looks like a web address: an http(s) URL or a bare domain,
/// with an optional port; any other scheme (`javascript:`, `data:`) is refused.
fn is_website(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .unwrap_or(text);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let (host, port) = authority.split_once(':').unwrap_or((authority, "80"));
    !text.chars().any(char::is_whitespace)
        && !port.is_empty()
        && port.bytes().all(|b| b.is_ascii_digit())
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

/// True for a UK or international phone number: digits with spaces, brackets, dashes or a leading +.
fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (10..=15).contains(&digits)
        && text
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || " ()-".contains(c) || (c == '+' && i == 0))
}

impl SignupForm {
    /// Reads the form's fields from a JSON object (the draft kept while the reader
    /// types); a field missing or of another type reads as empty. Read by hand: serde's
    /// derived decoder for these fifteen fields costs the wasm about 13 KB, this a tenth.
    pub fn from_json(value: &serde_json::Value) -> Option<SignupForm> {
        let object = value.as_object()?;
        let text = |key: &str| {
            object
                .get(key)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let flag = |key: &str| object.get(key).and_then(|v| v.as_bool()).unwrap_or(false);
        Some(SignupForm {
            org_name: text("org_name"),
            org_type: text("org_type"),
            org_type_other: text("org_type_other"),
            nations: object
                .get("nations")
                .and_then(|v| v.as_array())
                .map(|list| {
                    list.iter()
                        .filter_map(|n| n.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            register: text("register"),
            register_number: text("register_number"),
            website: text("website"),
            contact_name: text("contact_name"),
            role: text("role"),
            email: text("email"),
            phone: text("phone"),
            support: text("support"),
            privacy: flag("privacy"),
            listed: flag("listed"),
            updates: flag("updates"),
        })
    }

    /// Every problem, in page order; an empty list means the form can be sent.
    pub fn validate(&self, support_max_chars: u32) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.org_name.trim().is_empty() {
            errors.push(error(Field::OrgName, "Enter your organisation's name"));
        }
        match OrgType::from_key(&self.org_type) {
            None => errors.push(error(Field::OrgType, "Select the type of organisation")),
            Some(OrgType::Other) if self.org_type_other.trim().is_empty() => {
                errors.push(error(Field::OrgTypeOther, "Enter the type of organisation"))
            }
            _ => {}
        }
        if self.nations.is_empty() {
            errors.push(error(
                Field::Nations,
                "Select where your organisation works",
            ));
        } else if self.nations.iter().any(|n| Nation::from_key(n).is_none()) {
            errors.push(error(
                Field::Nations,
                "Select where your organisation works from the list",
            ));
        }
        let number = self.register_number.trim();
        if !number.is_empty() {
            if self.register.is_empty() {
                errors.push(error(
                    Field::Register,
                    "Select which register the number is on",
                ));
            }
            if number.len() > 20
                || !number
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
            {
                errors.push(error(
                    Field::RegisterNumber,
                    "Enter the registered number using only letters, numbers, spaces and hyphens",
                ));
            }
        }
        let website = self.website.trim();
        if !website.is_empty() && !is_website(website) {
            errors.push(error(
                Field::Website,
                "Enter a website address in the correct format, like www.example.org",
            ));
        }
        if self.contact_name.trim().is_empty() {
            errors.push(error(
                Field::ContactName,
                "Enter the name of the person we should contact",
            ));
        }
        let email = self.email.trim();
        if email.is_empty() {
            errors.push(error(Field::Email, "Enter an email address"));
        } else if !is_email(email) {
            errors.push(error(
                Field::Email,
                "Enter an email address in the correct format, like name@example.org",
            ));
        }
        let phone = self.phone.trim();
        if !phone.is_empty() && !is_phone(phone) {
            errors.push(error(
                Field::Phone,
                "Enter a telephone number, like 01632 960 001 or +44 808 157 0192",
            ));
        }
        let length = self.support.chars().count();
        if length > support_max_chars as usize {
            errors.push(error(
                Field::Support,
                format!("How you will support the coalition must be {support_max_chars} characters or fewer"),
            ));
        }
        if !self.privacy {
            errors.push(error(
                Field::Privacy,
                "Confirm that you have read and agree to the privacy notice",
            ));
        }
        errors
    }

    /// The field's label and the answer, in page order, for the email and copied text.
    pub fn summary(&self) -> Vec<(&'static str, String)> {
        let yes_no = |b: bool| if b { "Yes" } else { "No" }.to_string();
        let org_type = match OrgType::from_key(&self.org_type) {
            Some(OrgType::Other) => format!("Other: {}", self.org_type_other.trim()),
            Some(t) => t.label().to_string(),
            None => String::new(),
        };
        let nations: Vec<&str> = self
            .nations
            .iter()
            .filter_map(|n| Nation::from_key(n))
            .map(Nation::label)
            .collect();
        let register = Register::ALL
            .into_iter()
            .find(|r| r.key() == self.register)
            .map(|r| format!("{} ", r.label()))
            .unwrap_or_default();
        vec![
            ("Organisation name", self.org_name.trim().to_string()),
            ("Type of organisation", org_type),
            ("Works in", nations.join(", ")),
            (
                "Registered number",
                format!("{register}{}", self.register_number.trim())
                    .trim()
                    .to_string(),
            ),
            ("Website", self.website.trim().to_string()),
            ("Contact name", self.contact_name.trim().to_string()),
            ("Role", self.role.trim().to_string()),
            ("Email", self.email.trim().to_string()),
            ("Phone", self.phone.trim().to_string()),
            (
                "How we will support the coalition",
                self.support.trim().to_string(),
            ),
            ("Agreed to the privacy notice", yes_no(self.privacy)),
            ("List us on the members page", yes_no(self.listed)),
            ("Send us updates", yes_no(self.updates)),
        ]
    }

    /// The details as plain text, one "Label: answer" a line.
    pub fn as_text(&self) -> String {
        self.summary()
            .into_iter()
            .map(|(label, value)| {
                format!(
                    "{label}: {}",
                    if value.is_empty() {
                        "(not given)"
                    } else {
                        &value
                    }
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// A `mailto:` link that composes the whole request to the coalition's address.
    pub fn mailto(&self, to: &str) -> String {
        let subject = format!(
            "Request to join #SENDInTheSpecialists: {}",
            self.org_name.trim()
        );
        format!(
            "mailto:{to}?subject={}&body={}",
            crate::blog::encode(&subject),
            crate::blog::encode(&self.as_text())
        )
    }
}

/// What the form service receives: every field, plus what makes retries safe.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    /// What was typed.
    #[serde(flatten)]
    pub form: SignupForm,
    /// A random UUID made once per submission and reused on every retry and resend.
    pub submission_id: String,
    /// The version of the privacy notice agreed to.
    pub privacy_notice_version: String,
    /// When the reader pressed the button, ISO 8601 UTC.
    pub submitted_at: String,
    /// True when the form was sent faster than a person could fill it in (a spam signal, never a block).
    pub possibly_automated: bool,
}

impl Submission {
    /// Every field a service receives, by the name it has in the JSON, as text: what
    /// a form-encoded request carries (nations joined by commas, choices as true or false).
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let f = &self.form;
        vec![
            (Field::OrgName.key(), f.org_name.clone()),
            (Field::OrgType.key(), f.org_type.clone()),
            (Field::OrgTypeOther.key(), f.org_type_other.clone()),
            (Field::Nations.key(), f.nations.join(", ")),
            (Field::Register.key(), f.register.clone()),
            (Field::RegisterNumber.key(), f.register_number.clone()),
            (Field::Website.key(), f.website.clone()),
            (Field::ContactName.key(), f.contact_name.clone()),
            (Field::Role.key(), f.role.clone()),
            (Field::Email.key(), f.email.clone()),
            (Field::Phone.key(), f.phone.clone()),
            (Field::Support.key(), f.support.clone()),
            (Field::Privacy.key(), f.privacy.to_string()),
            ("listed", f.listed.to_string()),
            ("updates", f.updates.to_string()),
            ("submission_id", self.submission_id.clone()),
            (
                "privacy_notice_version",
                self.privacy_notice_version.clone(),
            ),
            ("submitted_at", self.submitted_at.clone()),
            ("possibly_automated", self.possibly_automated.to_string()),
        ]
    }
}

/// Seconds below which a completed form was probably filled in by a program.
pub const MIN_HUMAN_SECONDS: f64 = 5.0;

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
/// same way: a 2xx is sent unless its body says it failed (`"success": false` from
/// Web3Forms, `"ok": false`); 408, 429 and 5xx are retried; field errors
/// (`errors: [{field, message}]`) are shown like ours; anything else is refused,
/// never retried, with the service's own words when it gave any.
pub fn classify(status: u16, retry_after: Option<&str>, body: &str, now_ms: f64) -> Outcome {
    let answer: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let failed = ["success", "ok"]
        .iter()
        .any(|key| answer.get(key).and_then(|v| v.as_bool()) == Some(false));
    match status {
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

/// Attempts in all before the submission is kept on the device instead.
pub const MAX_ATTEMPTS: u32 = 4;

/// Milliseconds to wait before retry number `retry` (1 for the first retry):
/// 1, 2, 4 … seconds, capped at 30, scaled by `jitter` in 0..1 to between half and
/// the whole, or what the service asked for (up to two minutes).
pub fn retry_delay_ms(retry: u32, retry_after: Option<u32>, jitter: f64) -> u32 {
    if let Some(seconds) = retry_after {
        return seconds.min(120) * 1000;
    }
    let base = 1000u32
        .saturating_mul(1 << retry.saturating_sub(1).min(5))
        .min(30_000);
    let scale = 0.5 + 0.5 * jitter.clamp(0.0, 1.0);
    (base as f64 * scale).round() as u32
}

/// A request waiting on the device to be sent: where to, its id, and the exact JSON
/// body, made once so every resend is byte-for-byte the same request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Queued {
    /// The form service address at the time of submitting.
    pub endpoint: String,
    /// The submission's one id, to find it again and to forget it once delivered.
    pub submission_id: String,
    /// The request body, as JSON.
    pub body: String,
}

impl Queued {
    /// Prepares a submission for sending and, if need be, for keeping, in the form
    /// its service takes.
    pub fn new(
        endpoint: String,
        signup: &crate::site::Signup,
        submission: &Submission,
    ) -> Option<Self> {
        Some(Queued {
            endpoint,
            submission_id: submission.submission_id.clone(),
            body: crate::service::encode(signup.service, signup.access_key.as_deref(), submission)?,
        })
    }
}

/// Reads the outbox as stored. Entries kept by an earlier version (the submission as
/// an object) are read too, so nothing queued before an update is lost; anything
/// unreadable is skipped, never fatal.
pub fn read_outbox(json: &str) -> Vec<Queued> {
    let items: Vec<serde_json::Value> = serde_json::from_str(json).unwrap_or_default();
    items
        .iter()
        .filter_map(|item| {
            let endpoint = item.get("endpoint")?.as_str()?.to_string();
            if let Some(body) = item.get("body").and_then(|b| b.as_str()) {
                return Some(Queued {
                    endpoint,
                    submission_id: item.get("submission_id")?.as_str()?.to_string(),
                    body: body.to_string(),
                });
            }
            let submission = item.get("submission")?;
            Some(Queued {
                endpoint,
                submission_id: submission.get("submission_id")?.as_str()?.to_string(),
                body: submission.to_string(),
            })
        })
        .collect()
}

/// The outbox as stored.
pub fn outbox_json(items: &[Queued]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn the_outbox_keeps_the_exact_request_across_a_reload() {
        let signup = crate::site::Signup {
            service: crate::service::Service::Json,
            endpoint: None,
            access_key: None,
            privacy_notice_version: "v".into(),
            support_max_chars: 1000,
        };
        let queued = Queued::new(
            "https://forms.example/f".into(),
            &signup,
            &submission("id-1"),
        );
        let items: Vec<Queued> = queued.into_iter().collect();
        let back = read_outbox(&outbox_json(&items));
        assert_eq!(back, items);
        let body: Result<Submission, _> = serde_json::from_str(&back[0].body);
        assert_eq!(body.ok(), Some(submission("id-1")));
    }

    #[test]
    fn an_outbox_kept_by_the_earlier_version_is_still_sent() {
        let old = format!(
            r#"[{{"endpoint":"https://forms.example/f","submission":{}}}, {{"junk":true}}, 3]"#,
            serde_json::to_string(&submission("id-0")).unwrap_or_default()
        );
        let items = read_outbox(&old);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].submission_id, "id-0");
        let body: Result<Submission, _> = serde_json::from_str(&items[0].body);
        assert_eq!(body.ok(), Some(submission("id-0")));
        assert!(read_outbox("not json").is_empty());
    }

    pub(crate) fn valid() -> SignupForm {
        SignupForm {
            org_name: "Example Speech Therapy Network".into(),
            org_type: "charity".into(),
            nations: vec!["england".into(), "wales".into()],
            contact_name: "Sam Example".into(),
            email: "sam@example.org".into(),
            privacy: true,
            ..Default::default()
        }
    }

    fn fields(form: &SignupForm) -> Vec<Field> {
        form.validate(100).into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_complete_form_passes() {
        assert!(fields(&valid()).is_empty());
    }

    #[test]
    fn an_empty_form_lists_every_required_field_in_page_order() {
        assert_eq!(
            fields(&SignupForm::default()),
            [
                Field::OrgName,
                Field::OrgType,
                Field::Nations,
                Field::ContactName,
                Field::Email,
                Field::Privacy
            ]
        );
    }

    #[test]
    fn each_rule() {
        let mut f = valid();
        f.org_type = "other".into();
        assert_eq!(fields(&f), [Field::OrgTypeOther]);
        f.org_type_other = "Parent group".into();
        f.register_number = "1234567".into();
        assert_eq!(fields(&f), [Field::Register]);
        f.register = "charity_commission".into();
        f.register_number = "12<script>".into();
        assert_eq!(fields(&f), [Field::RegisterNumber]);
        f.register_number = "SC012345".into();
        f.website = "not a website".into();
        assert_eq!(fields(&f), [Field::Website]);
        f.website = "www.example.org".into();
        f.email = "sam@example".into();
        assert_eq!(fields(&f), [Field::Email]);
        f.email = "sam@example.org".into();
        f.phone = "call me".into();
        assert_eq!(fields(&f), [Field::Phone]);
        f.phone = "+44 (0)1632 960 001".into();
        f.support = "é".repeat(101);
        assert_eq!(fields(&f), [Field::Support]);
        f.support = "é".repeat(100);
        f.nations = vec!["atlantis".into()];
        assert_eq!(fields(&f), [Field::Nations]);
    }

    #[test]
    fn websites_and_phones() {
        for good in [
            "www.example.org",
            "https://example.org/path",
            "example.co.uk",
            "http://localhost.example:8080/join",
        ] {
            assert!(is_website(good), "{good}");
        }
        for bad in [
            "example",
            "http://",
            "javascript:alert(1)",
            "javascript:alert.x",
            "data:text.html",
            "example.org:x",
            "a b.org",
            ".org",
        ] {
            assert!(!is_website(bad), "{bad}");
        }
        for good in ["01632 960001", "+44 808 157 0192", "(01632) 960-001"] {
            assert!(is_phone(good), "{good}");
        }
        for bad in ["123", "01632 960001 ext", "44+1632960001"] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn the_hand_reader_reads_what_the_form_writes() {
        let mut form = valid();
        form.support = "Share".into();
        form.listed = true;
        form.register = "oscr".into();
        let json = serde_json::to_value(&form).unwrap_or_default();
        assert_eq!(SignupForm::from_json(&json), Some(form));
        assert_eq!(
            SignupForm::from_json(&serde_json::json!({"org_name": 3, "privacy": "yes"})),
            Some(SignupForm::default()),
            "wrong types read as empty"
        );
        assert_eq!(SignupForm::from_json(&serde_json::json!([1])), None);
    }

    #[test]
    fn json_body_carries_every_field_and_the_id() {
        let body = Submission {
            form: valid(),
            submission_id: "4b4a3b7e-0000-4000-8000-000000000000".into(),
            privacy_notice_version: "2026-11".into(),
            submitted_at: "2026-11-28T10:00:00.000Z".into(),
            possibly_automated: false,
        };
        let json: serde_json::Value = serde_json::to_value(&body).unwrap_or_default();
        for key in Field::ALL.map(Field::key).iter().chain(&[
            "listed",
            "updates",
            "submission_id",
            "privacy_notice_version",
            "submitted_at",
        ]) {
            assert!(json.get(key).is_some(), "{key} missing from {json}");
        }
        assert_eq!(json["nations"], serde_json::json!(["england", "wales"]));
        assert_eq!(json["privacy"], serde_json::json!(true));
        let back: Submission = serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, body);
    }

    #[test]
    fn which_responses_are_retried() {
        assert_eq!(classify(200, None, "", NOW), Outcome::Sent);
        assert_eq!(classify(201, None, "{}", NOW), Outcome::Sent);
        assert_eq!(classify(503, None, "", NOW), Outcome::Retry(None));
        assert_eq!(
            classify(500, Some("nonsense"), "", NOW),
            Outcome::Retry(None)
        );
        assert_eq!(classify(429, Some("7"), "", NOW), Outcome::Retry(Some(7)));
        assert_eq!(classify(408, None, "", NOW), Outcome::Retry(None));
        assert_eq!(classify(400, None, "bad", NOW), Outcome::Refused(400, None));
        assert_eq!(classify(403, None, "", NOW), Outcome::Refused(403, None));
        assert_eq!(classify(404, None, "", NOW), Outcome::Refused(404, None));
        let body = r#"{"errors":[{"field":"email","code":"TYPE_EMAIL","message":"should be an email"},{"field":"unknown","message":"x"}]}"#;
        assert_eq!(
            classify(422, None, body, NOW),
            Outcome::FieldErrors(vec![error(
                Field::Email,
                "Check this answer: the form service says it should be an email"
            )])
        );
        assert_eq!(classify(422, None, "{}", NOW), Outcome::Refused(422, None));
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
            classify(
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

    #[test]
    fn a_form_post_carries_every_field_the_json_does_under_the_same_names() {
        let body = Submission {
            form: SignupForm::default(),
            submission_id: "id".into(),
            privacy_notice_version: "v".into(),
            submitted_at: "t".into(),
            possibly_automated: false,
        };
        let json = serde_json::to_value(&body).unwrap_or_default();
        let mut json_names: Vec<&str> = json
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let mut pair_names: Vec<&str> = body.pairs().into_iter().map(|(name, _)| name).collect();
        json_names.sort_unstable();
        pair_names.sort_unstable();
        assert_eq!(pair_names, json_names);
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
    fn mailto_carries_every_field() {
        let mut f = valid();
        f.support = "Share & campaign".into();
        let href = f.mailto("contact@example.org");
        assert!(href.starts_with("mailto:contact@example.org?subject=Request%20to%20join%20%23SENDInTheSpecialists%3A%20Example"));
        assert!(href.contains("Share%20%26%20campaign"));
        assert!(href.contains("Works%20in%3A%20England%2C%20Wales"));
        assert!(f.as_text().contains("Phone: (not given)"));
        assert_eq!(f.as_text().lines().count(), 13);
    }
}
