//! Reading preferences: what each one offers, and how a choice is stored and
//! applied (as `data-*` attributes on `<html>`, read before first paint by
//! `public/prefs.js`).

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

/// The reader's choices, one per preference in the order of [`PREFERENCES`].
///
/// `public/prefs.js` reads the stored JSON and sets the attributes before first
/// paint; the app reads the attributes back rather than parsing the JSON again,
/// and writes the JSON by hand, since every key and value is one of ours. Both
/// keep the wasm free of a second JSON map type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choices(Vec<&'static str>);

impl Default for Choices {
    fn default() -> Self {
        Choices(PREFERENCES.iter().map(|_| "default").collect())
    }
}

impl Choices {
    /// Reads choices from `lookup` (the attribute for each key), keeping only known values.
    pub fn read(lookup: impl Fn(&str) -> Option<String>) -> Self {
        Choices(
            PREFERENCES
                .iter()
                .map(|p| {
                    let found = lookup(p.key);
                    p.options
                        .iter()
                        .skip(1)
                        .map(|(value, _)| *value)
                        .find(|value| found.as_deref() == Some(value))
                        .unwrap_or("default")
                })
                .collect(),
        )
    }

    /// The chosen value for a preference, or its default.
    pub fn get(&self, key: &str) -> &'static str {
        PREFERENCES
            .iter()
            .position(|p| p.key == key)
            .and_then(|i| self.0.get(i).copied())
            .unwrap_or("default")
    }

    /// Sets a choice; a key or value that is not offered is ignored.
    pub fn set(&mut self, key: &str, value: &str) {
        let Some(i) = PREFERENCES.iter().position(|p| p.key == key) else {
            return;
        };
        let known = PREFERENCES[i].options.iter().find(|(v, _)| *v == value);
        if let (Some(slot), Some((known, _))) = (self.0.get_mut(i), known) {
            *slot = known;
        }
    }

    /// The JSON to store, `{"size":"large",…}`, leaving out defaults. Keys and values
    /// are our own lower-case words, so nothing needs escaping.
    pub fn to_json(&self) -> String {
        let pairs: Vec<String> = PREFERENCES
            .iter()
            .zip(&self.0)
            .filter(|(_, value)| **value != "default")
            .map(|(p, value)| format!("\"{}\":\"{value}\"", p.key))
            .collect();
        format!("{{{}}}", pairs.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::collections::HashMap;

    fn from(pairs: &[(&str, &str)]) -> Choices {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Choices::read(|key| map.get(key).cloned())
    }

    #[test]
    fn keeps_only_known_choices() {
        let c = from(&[
            ("size", "large"),
            ("theme", "neon"),
            ("evil", "x"),
            ("motion", "default"),
        ]);
        assert_eq!(c.get("size"), "large");
        assert_eq!(c.get("theme"), "default");
        assert_eq!(c.get("evil"), "default");
        assert_eq!(c.to_json(), r#"{"size":"large"}"#);
        assert_eq!(from(&[]), Choices::default());
    }

    #[test]
    fn setting_default_forgets_and_unknown_values_are_ignored() {
        let mut c = Choices::default();
        c.set("contrast", "high");
        c.set("theme", "neon");
        c.set("evil", "x");
        assert_eq!(c.to_json(), r#"{"contrast":"high"}"#);
        c.set("contrast", "default");
        assert_eq!(c.to_json(), "{}");
    }

    #[test]
    fn the_stored_json_is_what_prefs_js_reads() {
        let mut c = Choices::default();
        for p in PREFERENCES {
            c.set(p.key, p.options[p.options.len() - 1].0);
        }
        let json: serde_json::Value = serde_json::from_str(&c.to_json()).unwrap_or_default();
        for p in PREFERENCES {
            assert_eq!(json[p.key], p.options[p.options.len() - 1].0, "{}", p.key);
        }
    }

    #[test]
    fn keys_and_values_need_no_escaping() {
        for p in PREFERENCES {
            let words = std::iter::once(p.key).chain(p.options.iter().map(|(v, _)| *v));
            for word in words {
                assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{word}");
            }
        }
    }

    #[test]
    fn at_least_three_text_sizes() {
        assert!(PREFERENCES
            .iter()
            .find(|p| p.key == "size")
            .is_some_and(|p| p.options.len() >= 4));
    }
}
