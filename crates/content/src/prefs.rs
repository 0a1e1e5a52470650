//! Reading preferences: what each one offers, and how a choice is stored and
//! applied (as `data-*` attributes on `<html>`, read before first paint by
//! `public/prefs.js`).

use serde::{Deserialize, Serialize};

/// Where preferences are kept on the device (localStorage).
pub const STORAGE_KEY: &str = "reading-preferences";

/// One preference: its attribute, its question and its choices (value, label); the first is the default.
pub struct Preference {
    /// The `data-*` attribute name without the prefix, and the stored key.
    pub key: &'static str,
    /// The question the control asks.
    pub legend: &'static str,
    /// (value, label); the first is the default and sets no attribute.
    pub options: &'static [(&'static str, &'static str)],
}

/// Every preference the header's control offers.
pub const PREFERENCES: &[Preference] = &[
    Preference {
        key: "size",
        legend: "Text size",
        options: &[
            ("default", "Standard"),
            ("large", "Large"),
            ("larger", "Larger"),
            ("largest", "Largest"),
        ],
    },
    Preference {
        key: "spacing",
        legend: "Line and letter spacing",
        options: &[("default", "Standard"), ("wide", "Wide")],
    },
    Preference {
        key: "theme",
        legend: "Colours",
        options: &[
            ("default", "Same as my device"),
            ("light", "Light"),
            ("dark", "Dark"),
        ],
    },
    Preference {
        key: "contrast",
        legend: "Contrast",
        options: &[("default", "Standard"), ("high", "High contrast")],
    },
    Preference {
        key: "motion",
        legend: "Animation",
        options: &[
            ("default", "Same as my device"),
            ("reduce", "Reduce motion"),
            ("allow", "Allow motion"),
        ],
    },
    Preference {
        key: "font",
        legend: "Font",
        options: &[("default", "Standard"), ("alternative", "Alternative font")],
    },
];

/// The reader's choices, stored as `{ "size": "large", … }`; missing means default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Choices(pub std::collections::BTreeMap<String, String>);

impl Choices {
    /// Reads stored choices, keeping only known preferences and values.
    pub fn parse(json: &str) -> Self {
        let raw: std::collections::BTreeMap<String, String> =
            serde_json::from_str(json).unwrap_or_default();
        Choices(
            raw.into_iter()
                .filter(|(k, v)| {
                    PREFERENCES.iter().any(|p| {
                        p.key == k && p.options.iter().skip(1).any(|(value, _)| value == v)
                    })
                })
                .collect(),
        )
    }

    /// The chosen value for a preference, or its default.
    pub fn get(&self, key: &str) -> &str {
        self.0.get(key).map(String::as_str).unwrap_or("default")
    }

    /// Sets a choice; the default removes it.
    pub fn set(&mut self, key: &str, value: &str) {
        if value == "default" {
            self.0.remove(key);
        } else {
            self.0.insert(key.to_string(), value.to_string());
        }
    }

    /// The JSON to store.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "{}".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_known_choices() {
        let c = Choices::parse(r#"{"size":"large","theme":"neon","evil":"x","motion":"default"}"#);
        assert_eq!(c.get("size"), "large");
        assert_eq!(c.get("theme"), "default");
        assert_eq!(c.to_json(), r#"{"size":"large"}"#);
        assert_eq!(Choices::parse("not json"), Choices::default());
    }

    #[test]
    fn setting_default_forgets() {
        let mut c = Choices::default();
        c.set("contrast", "high");
        assert_eq!(c.to_json(), r#"{"contrast":"high"}"#);
        c.set("contrast", "default");
        assert_eq!(c.to_json(), "{}");
    }

    #[test]
    fn at_least_three_text_sizes() {
        assert!(PREFERENCES
            .iter()
            .find(|p| p.key == "size")
            .is_some_and(|p| p.options.len() >= 4));
    }
}
