//! The form services a coalition can receive sign-ups through, as the published
//! settings name them, and the one host each named service takes requests at. How a
//! request is written for each is the sign-up crate's (`join::wire`).

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

    /// The one host a named service takes requests at: an address elsewhere is not
    /// that service, whatever the settings call it (none for this site's own JSON
    /// contract, which any https host may serve, and for Netlify, which takes posts
    /// at this site).
    pub fn host(self) -> Option<&'static str> {
        match self {
            Service::Formspree => Some("formspree.io"),
            Service::Basin => Some("usebasin.com"),
            Service::Web3forms => Some("api.web3forms.com"),
            Service::Json | Service::Netlify => None,
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_as_their_service() {
        for service in Service::ALL {
            let toml = format!("\"{}\"", service.key());
            assert_eq!(serde_json::from_str::<Service>(&toml).ok(), Some(service));
        }
    }
}
