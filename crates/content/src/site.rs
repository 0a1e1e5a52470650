//! Site settings: everything an organisation would change, kept out of code.

use crate::json::Fields;
use crate::service::Service;
use serde::{Deserialize, Serialize};

/// The settings editors keep in `content/site.toml`, published as `site.json`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name, shown in the header and every document title.
    #[cfg_attr(feature = "schema", schemars(title = "Site name"))]
    pub name: String,
    /// One line under the name saying what the coalition is for.
    #[cfg_attr(feature = "schema", schemars(title = "Tagline"))]
    pub tagline: String,
    /// A sentence or two that search engines and link previews show for pages without their own.
    #[cfg_attr(
        feature = "schema",
        schemars(title = "Description for search results and shared links")
    )]
    pub description: String,
    /// Where readers write to; a placeholder until a real address is set.
    #[cfg_attr(feature = "schema", schemars(title = "Contact email address"))]
    pub contact_email: String,
    /// The public address of the site, for absolute links in feeds and previews.
    #[cfg_attr(feature = "schema", schemars(title = "Site address", extend("x-widget" = "hidden")))]
    pub base_url: String,
    /// The blog's categories; posts may use only these.
    #[cfg_attr(feature = "schema", schemars(title = "Blog categories"))]
    pub categories: Vec<Category>,
    /// How the join form sends what organisations type.
    #[cfg_attr(feature = "schema", schemars(title = "Join form"))]
    pub signup: Signup,
    /// The words the home page opens with.
    #[cfg_attr(feature = "schema", schemars(title = "Home page opening"))]
    pub home: Home,
}

/// The settings as the app reads them from `site.json`, by hand (see [`crate::json`]).
/// The build reads `site.toml` with the derived reader, which names unknown fields and
/// places errors; a test reads back what the derived writer wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedSite(pub SiteConfig);

crate::json::read_by_hand!(PublishedSite);

impl PublishedSite {
    /// Reads `site.json`, naming the first setting that is missing or of the wrong type.
    pub fn from_json(value: &serde_json::Value) -> Result<Self, String> {
        let site = Fields::of(value)?;
        Ok(PublishedSite(SiteConfig {
            name: site.needed("name")?,
            tagline: site.needed("tagline")?,
            description: site.needed("description")?,
            contact_email: site.needed("contact_email")?,
            base_url: site.needed("base_url")?,
            categories: site.list("categories", |c| {
                let category = Fields::of(c)?;
                Ok(Category {
                    slug: category.needed("slug")?,
                    name: category.needed("name")?,
                })
            })?,
            signup: site.needed_object("signup", |signup| {
                Ok(Signup {
                    service: match signup.get("service") {
                        Some(_) => signup.keyed("service", Service::from_key)?,
                        None => Service::default(),
                    },
                    endpoint: signup.text("endpoint")?,
                    access_key: signup.text("access_key")?,
                    privacy_notice_version: signup.needed("privacy_notice_version")?,
                    support_max_chars: signup.number("support_max_chars")?,
                })
            })?,
            home: site.needed_object("home", |home| {
                Ok(Home {
                    ask: home.needed("ask")?,
                    intro: home.needed("intro")?,
                })
            })?,
        }))
    }
}

/// The home page's case for the coalition, in the editors' words.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Home {
    /// What the coalition asks for, in one plain-English sentence.
    #[cfg_attr(feature = "schema", schemars(title = "What we ask for"))]
    pub ask: String,
    /// A short paragraph explaining why.
    #[cfg_attr(feature = "schema", schemars(title = "Why it matters"))]
    pub intro: String,
}

/// A blog category with a URL-safe slug and the name readers see.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// The category's short name in web addresses: lower-case letters, digits and hyphens. Posts name it, so change it with care.
    #[cfg_attr(feature = "schema", schemars(title = "Short name for web addresses"))]
    pub slug: String,
    /// The name readers see, as in "Posted in News".
    #[cfg_attr(feature = "schema", schemars(title = "Name readers see"))]
    pub name: String,
}

/// Sign-up settings, so a deployment can switch form services without a rebuild of code.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signup {
    /// Which form service receives the answers, and so how they are sent; from the build, never from `site.toml`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(title = "Form service", extend("x-build-only" = true)))]
    pub service: Service,
    /// The form service address; without one the form composes an email instead. From the build.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(title = "Form service address", extend("x-build-only" = true)))]
    pub endpoint: Option<String>,
    /// Web3Forms' public access key, sent with every request to it. From the build.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(title = "Form service key", extend("x-build-only" = true)))]
    pub access_key: Option<String>,
    /// Which version of the privacy notice an organisation agrees to: change it whenever the notice changes.
    #[cfg_attr(feature = "schema", schemars(title = "Privacy notice version"))]
    pub privacy_notice_version: String,
    /// The longest answer, in characters, to "How will you support the coalition?".
    #[cfg_attr(feature = "schema", schemars(title = "Longest answer about support"))]
    pub support_max_chars: u32,
}

impl Signup {
    /// Names the service in the privacy notice: editors write `{form_service}` where
    /// the name belongs, and it follows the settings.
    pub fn fill_in(&self, text: &str) -> String {
        let name = match (&self.endpoint, self.service) {
            (None, _) => "your own email: without a form service, the form prepares an email that you send to us yourself".to_string(),
            (Some(endpoint), Service::Json) => format!(
                "a form service at {}",
                endpoint.trim_start_matches("https://").split('/').next().unwrap_or_default()
            ),
            (Some(_), service) => service.name().to_string(),
        };
        text.replace(FORM_SERVICE_PLACEHOLDER, &name)
    }
}

/// What editors write in a page where the form service's name belongs.
pub const FORM_SERVICE_PLACEHOLDER: &str = "{form_service}";

impl SiteConfig {
    /// The category with this slug, if the settings list it.
    pub fn category(&self, slug: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.slug == slug)
    }

    /// "Page – Site name", the document title every page uses.
    pub fn page_title(&self, page: &str) -> String {
        if page.is_empty() || page == self.name {
            self.name.clone()
        } else {
            format!("{page} – {}", self.name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::site as sample;

    #[test]
    fn the_app_reads_back_every_setting_the_build_writes() {
        let mut full = sample();
        full.signup.service = Service::Web3forms;
        full.signup.endpoint = Some("https://api.web3forms.com/submit".into());
        full.signup.access_key = Some("1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f".into());
        full.categories.push(Category {
            slug: "policy".into(),
            name: "Policy".into(),
        });
        for written in [sample(), full] {
            let json = serde_json::to_string(&written).unwrap_or_default();
            let back = serde_json::from_str::<PublishedSite>(&json).map(|p| p.0);
            assert_eq!(
                back.ok().as_ref(),
                Some(&written),
                "expected {json} to read back whole"
            );
        }
        let missing = serde_json::from_str::<PublishedSite>(r#"{"signup":{},"home":{}}"#).err();
        assert_eq!(
            missing.map(|e| e.to_string()).as_deref(),
            Some("`name` is missing")
        );
    }

    #[test]
    fn the_privacy_notice_names_the_service_from_the_settings() {
        let text = "Answers go to {form_service}.";
        let with = |service: Service, endpoint: Option<&str>| {
            Signup {
                service,
                endpoint: endpoint.map(str::to_string),
                ..sample().signup
            }
            .fill_in(text)
        };
        assert_eq!(
            with(Service::Formspree, Some("https://formspree.io/f/x")),
            "Answers go to Formspree (formspree.io)."
        );
        assert_eq!(
            with(Service::Json, Some("https://forms.example.org/f/1")),
            "Answers go to a form service at forms.example.org."
        );
        assert!(with(Service::Json, None)
            .starts_with("Answers go to your own email: without a form service"));
    }

    #[test]
    fn page_titles() {
        assert_eq!(sample().page_title("Blog"), "Blog – #SENDInTheSpecialists");
        assert_eq!(sample().page_title(""), "#SENDInTheSpecialists");
    }
}
