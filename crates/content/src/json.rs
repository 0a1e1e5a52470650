//! Reading published JSON by hand. serde's derived readers cost the wasm about a
//! kilobyte (after compression) per nested type; these few field readers serve
//! every type the app reads, and each type's test reads back what serde's derived
//! writer wrote, so the two cannot drift.

use crate::date::PartialDate;
use serde_json::Value;

/// The fields of one JSON object, named `what` in messages ("a milestone").
#[derive(Clone, Copy)]
pub(crate) struct Fields<'a> {
    value: &'a Value,
    what: &'static str,
}

impl<'a> Fields<'a> {
    /// The object `value`, which a message calls `what`.
    pub(crate) fn of(value: &'a Value, what: &'static str) -> Self {
        Self { value, what }
    }

    fn missing(&self, key: &str) -> String {
        format!("{}'s `{key}` is missing", self.what)
    }

    /// A field that may be absent or null.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        self.value.get(key).filter(|v| !v.is_null())
    }

    /// An optional text.
    pub(crate) fn text(&self, key: &str) -> Option<String> {
        self.get(key).and_then(Value::as_str).map(str::to_string)
    }

    /// A text that must be there.
    pub(crate) fn needed(&self, key: &str) -> Result<String, String> {
        self.text(key).ok_or_else(|| self.missing(key))
    }

    /// An optional date, refused when it is there but is not one.
    pub(crate) fn date(&self, key: &str) -> Result<Option<PartialDate>, String> {
        self.text(key)
            .map(|d| PartialDate::parse(&d).map_err(|e| e.to_string()))
            .transpose()
    }

    /// A number that must be there.
    pub(crate) fn number(&self, key: &str) -> Result<u32, String> {
        self.get(key)
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| self.missing(key))
    }

    /// A flag, false when absent.
    pub(crate) fn flag(&self, key: &str) -> bool {
        self.get(key).and_then(Value::as_bool).unwrap_or(false)
    }

    /// A list, each item read with `read`; empty when absent.
    pub(crate) fn list<T>(
        &self,
        key: &str,
        read: impl Fn(&Value) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        self.get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(read)
            .collect()
    }

    /// One of a closed list, by its key.
    pub(crate) fn keyed<T>(&self, key: &str, from_key: fn(&str) -> Option<T>) -> Result<T, String> {
        let text = self.needed(key)?;
        from_key(&text).ok_or_else(|| {
            format!(
                "{}'s `{key}` \"{text}\" is not one the site knows",
                self.what
            )
        })
    }
}

/// Implements `Deserialize` for each type through its `from_json` hand reader.
macro_rules! read_by_hand {
    ($($type:ty),*) => {$(
        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <$type>::from_json(&<serde_json::Value as serde::Deserialize>::deserialize(deserializer)?)
                    .map_err(serde::de::Error::custom)
            }
        }
    )*};
}

pub(crate) use read_by_hand;

/// Test helpers: a value read back as it was written, and the words a refusal gives.
#[cfg(test)]
pub(crate) mod check {
    use serde::{de::DeserializeOwned, Serialize};

    /// Writes `written` with serde's derived writer and reads it back with the hand reader.
    pub(crate) fn reads_back<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
        written: &T,
    ) -> String {
        let json = serde_json::to_string(written).unwrap_or_default();
        let back: Result<T, _> = serde_json::from_str(&json);
        assert_eq!(
            back.ok().as_ref(),
            Some(written),
            "expected {json} to read back whole"
        );
        json
    }

    /// What reading `json` as `T` says when it refuses it.
    pub(crate) fn refusal<T: DeserializeOwned>(json: &str) -> Option<String> {
        serde_json::from_str::<T>(json).err().map(|e| e.to_string())
    }
}
