//! The one build configuration: what the build is told from outside the content,
//! read once, by `main`, from the environment. Every stage is given what it needs of it.

use crate::{build_date, cms, Build, Error};
use content::date::PartialDate;
use std::path::PathBuf;

/// Where sign-ups go, as whoever deploys the site sets it (`SIGNUP_SERVICE`,
/// `SIGNUP_ENDPOINT`, `SIGNUP_ACCESS_KEY`); never from an editor's settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Delivery {
    /// The form service's key (`formspree`, `netlify` …).
    pub service: Option<String>,
    /// The form service's address.
    pub endpoint: Option<String>,
    /// Web3Forms' access key.
    pub access_key: Option<String>,
}

/// Everything one run of `publish` is told by its environment.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The editors' content folder (`PUBLISH_CONTENT`, else `content`).
    pub content: PathBuf,
    /// The build's output folder (`TRUNK_STAGING_DIR`, else `dist`).
    pub out: PathBuf,
    /// Where sign-ups go.
    pub delivery: Delivery,
    /// The content manager's backend (`CMS_REPO`, `CMS_AUTH_URL`, `CMS_LOCAL_BACKEND`).
    pub cms: cms::Backend,
    /// A release, or `trunk serve`'s development build (`TRUNK_PROFILE=debug`).
    pub build: Build,
    /// The day date-dependent labels are rendered for (`BUILD_DATE`, else today).
    pub built: PartialDate,
    /// True in a GitHub Actions run, where annotations reach the editor's change.
    pub in_workflow: bool,
    /// Where the pictures and share cards made are kept between builds
    /// (`PICTURE_CACHE`, else `target/picture-cache`), so a rebuild remakes none.
    pub picture_cache: PathBuf,
}

impl Settings {
    /// Reads every setting through `var` (the environment, in `main`); a setting of
    /// nothing but spaces counts as unset, and a wrong one stops the build, named.
    pub fn read(var: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        let set = |name: &str| {
            var(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let development = set("TRUNK_PROFILE").is_some_and(|v| v == "debug");
        Ok(Self {
            content: set("PUBLISH_CONTENT").map_or_else(|| "content".into(), PathBuf::from),
            out: set("TRUNK_STAGING_DIR").map_or_else(|| "dist".into(), PathBuf::from),
            delivery: Delivery {
                service: set("SIGNUP_SERVICE"),
                endpoint: set("SIGNUP_ENDPOINT"),
                access_key: set("SIGNUP_ACCESS_KEY"),
            },
            cms: cms::Backend::new(
                set("CMS_REPO"),
                set("CMS_AUTH_URL"),
                // A development build (`trunk serve`) is on the editor's own machine.
                set("CMS_LOCAL_BACKEND").is_some_and(|v| v == "true") || development,
            )?,
            build: if development {
                Build::Development
            } else {
                Build::Release
            },
            built: build_date(set("BUILD_DATE"))?,
            in_workflow: set("GITHUB_ACTIONS").is_some_and(|v| v == "true"),
            picture_cache: set("PICTURE_CACHE")
                .map_or_else(|| "target/picture-cache".into(), PathBuf::from),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(vars: &[(&str, &str)]) -> Result<Settings, Error> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::read(|name| vars.get(name).cloned())
    }

    #[test]
    fn unset_and_blank_settings_take_their_defaults() {
        let settings = read(&[("SIGNUP_ENDPOINT", "  "), ("BUILD_DATE", "2024-02-29")])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settings.content, PathBuf::from("content"));
        assert_eq!(settings.out, PathBuf::from("dist"));
        assert_eq!(settings.delivery, Delivery::default());
        assert_eq!(settings.build, Build::Release);
        assert_eq!(settings.built.iso(), "2024-02-29");
        assert!(!settings.cms.local && !settings.in_workflow);
    }

    #[test]
    fn a_development_build_may_use_the_local_content_manager() {
        let settings = read(&[("TRUNK_PROFILE", "debug"), ("SIGNUP_SERVICE", "netlify")])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settings.build, Build::Development);
        assert!(settings.cms.local);
        assert_eq!(settings.delivery.service.as_deref(), Some("netlify"));
    }

    #[test]
    fn a_wrong_setting_stops_the_build_with_its_name() {
        for (name, value) in [
            ("BUILD_DATE", "2024-02"),
            ("CMS_AUTH_URL", "http://auth.example.org"),
            ("CMS_REPO", "not a repository"),
        ] {
            let error = read(&[(name, value)])
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(error.contains(name), "{name}: {error}");
        }
    }
}
