//! What a form service receives: the request with its one id, in the wire format of
//! each service the site can use, and what the built form posts when the reader has
//! no JavaScript.

use crate::form::{Field, SignupForm};
use content::service::Service;
use serde::{Deserialize, Serialize};

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
        let mut pairs: Vec<(&'static str, String)> = Field::ALL
            .into_iter()
            .map(|field| (field.key(), self.form.answer(field).to_text()))
            .collect();
        pairs.extend([
            ("submission_id", self.submission_id.clone()),
            (
                "privacy_notice_version",
                self.privacy_notice_version.clone(),
            ),
            ("submitted_at", self.submitted_at.clone()),
            ("possibly_automated", self.possibly_automated.to_string()),
        ]);
        pairs
    }
}

impl Submission {
    /// Reads a request back from the JSON it was kept as (the outbox keeps this, the
    /// service's own format is made from it when sent); by hand, as the form is.
    pub fn from_json(json: &str) -> Option<Submission> {
        let value: serde_json::Value = serde_json::from_str(json).ok()?;
        let text = |key: &str| Some(value.get(key)?.as_str()?.to_string());
        Some(Submission {
            form: SignupForm::from_json(&value)?,
            submission_id: text("submission_id")?,
            privacy_notice_version: text("privacy_notice_version").unwrap_or_default(),
            submitted_at: text("submitted_at").unwrap_or_default(),
            possibly_automated: value
                .get("possibly_automated")
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
        })
    }
}

/// Seconds below which a completed form was probably filled in by a program.
pub const MIN_HUMAN_SECONDS: f64 = 5.0;

/// The hidden field only a program fills in (Netlify is told its name; the app
/// drops a request that fills it).
pub const HONEYPOT: &str = "fax_number";

/// The name Netlify knows the join form by (its `form-name` field).
pub const NETLIFY_FORM_NAME: &str = "join";

/// Where the reader lands after the built form is posted without JavaScript.
pub const THANKS_PATH: &str = "/join/thanks/";

/// How the built join form posts to the service when the app is not running: where
/// to, and the hidden fields the service needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormPost {
    /// The form's `action`.
    pub action: String,
    /// Hidden fields, by name.
    pub hidden: Vec<(&'static str, String)>,
}

impl FormPost {
    /// The plain post for the site's service, or none when the service takes only
    /// the app's JSON (or there is none): the form then needs the app, or an email.
    pub fn of(site: &content::site::SiteConfig) -> Option<FormPost> {
        let signup = &site.signup;
        let endpoint = signup.endpoint.as_ref()?;
        if !signup.service.takes_form_posts() {
            return None;
        }
        let thanks = format!("{}{THANKS_PATH}", site.base_url.trim_end_matches('/'));
        let mut hidden = vec![(
            "privacy_notice_version",
            signup.privacy_notice_version.clone(),
        )];
        let action = match signup.service {
            // Netlify takes the post at any path of the site and shows the action's page.
            Service::Netlify => {
                hidden.push(("form-name", NETLIFY_FORM_NAME.to_string()));
                THANKS_PATH.to_string()
            }
            Service::Web3forms => {
                hidden.push(("access_key", signup.access_key.clone().unwrap_or_default()));
                hidden.push(("redirect", thanks));
                endpoint.clone()
            }
            _ => endpoint.clone(),
        };
        Some(FormPost { action, hidden })
    }
}

/// Percent-encodes a form value as browsers do for `application/x-www-form-urlencoded`.
fn form_escape(text: &str, out: &mut String) {
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
}

/// `pairs` as a form-encoded body.
pub fn form_encoded(pairs: &[(&str, String)]) -> String {
    let mut out = String::new();
    for (i, (name, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        form_escape(name, &mut out);
        out.push('=');
        form_escape(value, &mut out);
    }
    out
}

/// The body a service takes for a request kept as this site's JSON, made when it is
/// sent: a request kept while the site used one service goes to the current one, in
/// its format, under the same id.
pub fn body_for(service: Service, access_key: Option<&str>, kept: &str) -> Option<String> {
    match (service, access_key) {
        (Service::Netlify, _) => {
            let submission = Submission::from_json(kept)?;
            let mut pairs = vec![("form-name", NETLIFY_FORM_NAME.to_string())];
            pairs.extend(submission.pairs());
            Some(form_encoded(&pairs))
        }
        (Service::Web3forms, Some(key)) => Some(format!(
            "{{\"access_key\":{},{}",
            serde_json::to_string(key).ok()?,
            kept.strip_prefix('{')?
        )),
        _ => Some(kept.to_string()),
    }
}

/// The `Content-Type` of a body made by [`encode`]: JSON is always an object.
pub fn content_type(body: &str) -> &'static str {
    if body.starts_with('{') {
        "application/json"
    } else {
        "application/x-www-form-urlencoded"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::SignupForm;

    /// Site settings with no form service, for a test to set one.
    fn site() -> content::site::SiteConfig {
        content::samples::site()
    }

    fn submission() -> Submission {
        Submission {
            form: SignupForm {
                org_name: "Speech & Language Group".into(),
                nations: vec!["england".into(), "wales".into()],
                privacy: true,
                ..SignupForm::default()
            },
            submission_id: "id-1".into(),
            privacy_notice_version: "2026-11".into(),
            submitted_at: "2026-11-29T10:00:00Z".into(),
            possibly_automated: false,
        }
    }

    /// The body `service` is sent for the test submission, as the outbox makes it.
    fn encode(
        service: Service,
        access_key: Option<&str>,
        submission: &Submission,
    ) -> Option<String> {
        body_for(
            service,
            access_key,
            &serde_json::to_string(submission).ok()?,
        )
    }

    #[test]
    fn each_service_gets_the_body_it_documents() {
        let json = encode(Service::Formspree, None, &submission()).unwrap_or_default();
        assert!(
            json.starts_with("{\"org_name\":\"Speech & Language Group\""),
            "{json}"
        );
        assert_eq!(content_type(&json), "application/json");
        let web3 = encode(Service::Web3forms, Some("k-\"1"), &submission()).unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&web3).unwrap_or_default();
        assert_eq!(value["access_key"], "k-\"1", "{web3}");
        assert_eq!(value["submission_id"], "id-1", "{web3}");
        let netlify = encode(Service::Netlify, None, &submission()).unwrap_or_default();
        assert!(
            netlify.starts_with("form-name=join&org_name=Speech+%26+Language+Group&"),
            "{netlify}"
        );
        assert!(netlify.contains("&nations=england%2C+wales&"), "{netlify}");
        assert!(netlify.contains("&privacy=true&"), "{netlify}");
        assert!(netlify.ends_with("&possibly_automated=false"), "{netlify}");
        assert_eq!(content_type(&netlify), "application/x-www-form-urlencoded");
    }

    #[test]
    fn the_built_form_posts_where_each_service_takes_it() {
        let mut site = site();
        assert_eq!(FormPost::of(&site), None, "no service: the email way");
        site.signup.endpoint = Some("https://forms.example.org/f".into());
        assert_eq!(FormPost::of(&site), None, "the JSON contract needs the app");
        site.signup.service = Service::Formspree;
        let formspree = FormPost::of(&site);
        assert_eq!(
            formspree.as_ref().map(|p| p.action.as_str()),
            Some("https://forms.example.org/f")
        );
        assert_eq!(
            formspree.map(|p| p.hidden),
            Some(vec![("privacy_notice_version", "2026-11".to_string())]),
            "no submission id: one fixed at build time would be every reader's"
        );
        site.signup.service = Service::Web3forms;
        site.signup.access_key = Some("k".into());
        let web3 = FormPost::of(&site).map(|p| p.hidden).unwrap_or_default();
        assert!(web3.contains(&("access_key", "k".into())));
        assert!(web3.contains(&("redirect", "https://example.org/join/thanks/".into())));
        site.signup.service = Service::Netlify;
        site.signup.endpoint = Some("/".into());
        let netlify = FormPost::of(&site);
        assert_eq!(
            netlify.as_ref().map(|p| p.action.as_str()),
            Some("/join/thanks/")
        );
        assert_eq!(
            netlify.map(|p| p.hidden),
            Some(vec![
                ("privacy_notice_version", "2026-11".to_string()),
                ("form-name", "join".to_string())
            ])
        );
    }

    #[test]
    fn keys_read_back_as_their_service() {
        for service in Service::ALL {
            let toml = format!("\"{}\"", service.key());
            assert_eq!(serde_json::from_str::<Service>(&toml).ok(), Some(service));
        }
    }

    #[test]
    fn json_body_carries_every_field_and_the_id() {
        let body = Submission {
            form: crate::form::tests::valid(),
            submission_id: "4b4a3b7e-0000-4000-8000-000000000000".into(),
            privacy_notice_version: "2026-11".into(),
            submitted_at: "2026-11-28T10:00:00.000Z".into(),
            possibly_automated: false,
        };
        let json: serde_json::Value = serde_json::to_value(&body).unwrap_or_default();
        for key in Field::ALL.map(Field::key).iter().chain(&[
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

    #[test]
    fn a_kept_request_reads_back_as_it_was_made() {
        let made = submission();
        let json = serde_json::to_string(&made).unwrap_or_default();
        assert_eq!(Submission::from_json(&json), Some(made));
        assert_eq!(
            Submission::from_json(r#"{"org_name":"x"}"#),
            None,
            "no id: not a request"
        );
        assert_eq!(Submission::from_json("nonsense"), None);
    }

    #[test]
    fn a_request_kept_for_one_service_is_sent_to_the_current_one_under_the_same_id() {
        let kept = serde_json::to_string(&submission()).unwrap_or_default();
        let netlify = body_for(Service::Netlify, None, &kept).unwrap_or_default();
        assert!(netlify.starts_with("form-name=join&"), "{netlify}");
        assert!(netlify.contains("&submission_id=id-1&"), "{netlify}");
        let web3 = body_for(Service::Web3forms, Some("k"), &kept).unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&web3).unwrap_or_default();
        assert_eq!(
            (
                value["access_key"].as_str(),
                value["submission_id"].as_str()
            ),
            (Some("k"), Some("id-1"))
        );
        assert_eq!(
            body_for(Service::Formspree, None, &kept),
            Some(kept.clone())
        );
        assert_eq!(body_for(Service::Netlify, None, "not json"), None);
    }
}
