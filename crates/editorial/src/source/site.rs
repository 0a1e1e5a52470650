//! `content/site.toml`: the site's settings.

use super::{SourceError, TomlText};
use crate::rules::{with_default_endpoint, Problem, Validate, DELIVERY_SETTINGS};
use content::site::SiteConfig;

/// Reads and checks `content/site.toml`. Where sign-ups go is not among its settings:
/// a line naming the form service, its address or its key is refused, so that no
/// change made in the content manager can send personal data somewhere else.
pub fn load_site(file: &str, src: &str) -> Result<SiteConfig, Vec<SourceError>> {
    let text = TomlText::new(file, src, 1);
    let table: toml::Table = text.parse().map_err(|e| vec![e])?;
    let signup = table.get("signup").and_then(|s| s.as_table());
    let refused: Vec<Problem> = DELIVERY_SETTINGS
        .iter()
        .filter(|(key, _)| signup.is_some_and(|s| s.contains_key(*key)))
        .map(|(key, variable)| {
            Problem::new(
                format!("signup.{key}"),
                format!("where sign-ups go is set by whoever deploys the site ({variable}, at build time), not in the site settings; remove this line"),
            )
        })
        .collect();
    if !refused.is_empty() {
        return Err(text.locate(refused));
    }
    let mut site: SiteConfig = text.parse().map_err(|e| vec![e])?;
    site.signup = with_default_endpoint(site.signup);
    let problems = site.validate();
    if problems.is_empty() {
        Ok(site)
    } else {
        Err(text.locate(problems))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) const SITE: &str = r##"name = "#SENDInTheSpecialists"
tagline = "Invest in the specialists"
description = "A coalition"
contact_email = "coalition@example.org"
base_url = "https://example.org"

[[categories]]
slug = "news"
name = "News"

[[categories]]
slug = "campaign"
name = "Campaign"

[signup]
privacy_notice_version = "2026-11"
support_max_chars = 1000

[home]
ask = "Invest."
intro = "Because."
"##;

    pub(crate) fn site() -> SiteConfig {
        load_site("site.toml", SITE).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn where_sign_ups_go_cannot_be_changed_in_the_site_settings() {
        let changed = SITE.replace(
            "[signup]\n",
            "[signup]\nendpoint = \"https://collector.example/f\"\nservice = \"json\"\n",
        );
        let errors: Vec<String> = load_site("content/site.toml", &changed)
            .err()
            .unwrap_or_default()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with("content/site.toml:")
                && errors[0].contains("`signup.service`")
                && errors[0].contains("SIGNUP_SERVICE"),
            "{errors:?}"
        );
        assert!(errors[1].contains("`signup.endpoint`"), "{errors:?}");
    }

    #[test]
    fn site_errors_name_file_line_column_and_field() {
        let bad = SITE.replace("slug = \"campaign\"", "slug = \"news\"");
        let errors = load_site("content/site.toml", &bad)
            .err()
            .unwrap_or_default();
        assert_eq!(
            errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["content/site.toml:12:1: field `categories[1].slug`: \"news\" is used by an earlier category"]
        );
    }

    #[test]
    fn toml_type_errors_are_located() {
        let bad = SITE.replace("support_max_chars = 1000", "support_max_chars = \"lots\"");
        let errors = load_site("content/site.toml", &bad)
            .err()
            .unwrap_or_default();
        assert_eq!(errors[0].line, Some(17), "{errors:?}");
        assert_eq!(errors[0].column, Some(21), "{errors:?}");
        let unknown = format!("{SITE}\n[extra]\nx = 1\n");
        let errors = load_site("content/site.toml", &unknown)
            .err()
            .unwrap_or_default();
        assert!(errors[0].message.contains("extra"), "{errors:?}");
    }
}
