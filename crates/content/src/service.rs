//! The form services a coalition can receive sign-ups through, and what each one
//! takes: how the app encodes a request, and what the built form posts when the
//! reader has no JavaScript.

use crate::signup::Submission;
use serde::{Deserialize, Serialize};

/// A form service, chosen in `site.toml` (`[signup] service`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Service {
    /// Any service that takes this site's JSON contract (see the README).
    #[default]
    Json,
    /// Formspree (formspree.io).
    Formspree,
    /// Basin (usebasin.com).
    Basin,
    /// Web3Forms (web3forms.com), which needs its public access key in every request.
    Web3forms,
    /// Netlify Forms, for a site hosted on Netlify.
    Netlify,
}

/// The hidden field only a program fills in (Netlify is told its name; the app
/// drops a request that fills it).
pub const HONEYPOT: &str = "fax_number";

/// The name Netlify knows the join form by (its `form-name` field).
pub const NETLIFY_FORM_NAME: &str = "join";

/// Where the reader lands after the built form is posted without JavaScript.
pub const THANKS_PATH: &str = "/join/thanks/";

impl Service {
    /// Every service, in the order the README describes them.
    pub const ALL: [Service; 5] = [
        Service::Json,
        Service::Formspree,
        Service::Basin,
        Service::Web3forms,
        Service::Netlify,
    ];

    /// The key written in `site.toml`.
    pub fn key(self) -> &'static str {
        match self {
            Service::Json => "json",
            Service::Formspree => "formspree",
            Service::Basin => "basin",
            Service::Web3forms => "web3forms",
            Service::Netlify => "netlify",
        }
    }

    /// The service written as `key` in the settings.
    pub fn from_key(key: &str) -> Option<Service> {
        Service::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The service as a privacy notice names it.
    pub fn name(self) -> &'static str {
        match self {
            Service::Json => "a form service",
            Service::Formspree => "Formspree (formspree.io)",
            Service::Basin => "Basin (usebasin.com)",
            Service::Web3forms => "Web3Forms (web3forms.com)",
            Service::Netlify => "Netlify Forms (netlify.com), part of the site's web host",
        }
    }

    /// True when the service takes an ordinary HTML form post, so the built page's
    /// form works with scripts off.
    pub fn takes_form_posts(self) -> bool {
        self != Service::Json
    }

    /// Where requests go when the settings name no address.
    pub fn default_endpoint(self) -> Option<&'static str> {
        match self {
            Service::Web3forms => Some("https://api.web3forms.com/submit"),
            Service::Netlify => Some("/"),
            _ => None,
        }
    }
}

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
    pub fn of(site: &crate::site::SiteConfig) -> Option<FormPost> {
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

/// The body a service takes for `submission`, made once so that every resend is the
/// same request: this site's JSON for most, with Web3Forms' access key first, or a
/// form-encoded body named for Netlify.
pub fn encode(
    service: Service,
    access_key: Option<&str>,
    submission: &Submission,
) -> Option<String> {
    if service == Service::Netlify {
        let mut pairs = vec![("form-name", NETLIFY_FORM_NAME.to_string())];
        pairs.extend(submission.pairs());
        return Some(form_encoded(&pairs));
    }
    let json = serde_json::to_string(submission).ok()?;
    match (service, access_key) {
        (Service::Web3forms, Some(key)) => Some(format!(
            "{{\"access_key\":{},{}",
            serde_json::to_string(key).ok()?,
            json.strip_prefix('{')?
        )),
        _ => Some(json),
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
    use crate::signup::SignupForm;

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
        let mut site = crate::site::tests::sample();
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
}
