//! The one reader of published JSON: every type the app reads goes through these few
//! field readers, which tell a missing field from one of the wrong type and name the
//! field's path from the top of the file (`milestones[3].date`). Why by hand rather
//! than serde's derived readers is measured in `bench/wasm-makeup.md`; each type's test
//! reads back what serde's derived writer wrote, so the two cannot drift.

use crate::date::PartialDate;
use serde_json::{Map, Value};

/// The fields of one JSON object.
#[derive(Clone, Copy)]
pub(crate) struct Fields<'a>(&'a Map<String, Value>);

/// Puts `prefix` (a field, or a list's item) in front of the path an error names.
#[inline(never)]
pub(crate) fn within(prefix: &str, error: String) -> String {
    match error.strip_prefix('`') {
        Some(rest) if rest.starts_with('[') => format!("`{prefix}{rest}"),
        Some(rest) => format!("`{prefix}.{rest}"),
        None => format!("`{prefix}` {error}"),
    }
}

impl<'a> Fields<'a> {
    /// The object `value`; anything else is refused.
    pub(crate) fn of(value: &'a Value) -> Result<Self, String> {
        value
            .as_object()
            .map(Fields)
            .ok_or_else(|| "must be an object".to_string())
    }

    /// A field that may be absent or null.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        self.0.get(key).filter(|v| !v.is_null())
    }

    /// A field read by `read` (`None` for the wrong type, which `want` names), if present.
    fn read<T>(
        &self,
        key: &str,
        want: &str,
        read: impl FnOnce(&'a Value) -> Option<T>,
    ) -> Result<Option<T>, String> {
        self.get(key)
            .map(|v| read(v).ok_or_else(|| format!("`{key}` must be {want}")))
            .transpose()
    }

    /// A field that must be there.
    fn needed_by<T>(&self, key: &str, found: Result<Option<T>, String>) -> Result<T, String> {
        found?.ok_or_else(|| format!("`{key}` is missing"))
    }

    /// An optional text.
    #[inline(never)]
    pub(crate) fn text(&self, key: &str) -> Result<Option<String>, String> {
        self.read(key, "text", |v| v.as_str().map(str::to_string))
    }

    /// A text that must be there.
    #[inline(never)]
    pub(crate) fn needed(&self, key: &str) -> Result<String, String> {
        self.needed_by(key, self.text(key))
    }

    /// An optional date.
    #[inline(never)]
    pub(crate) fn date(&self, key: &str) -> Result<Option<PartialDate>, String> {
        self.text(key)?
            .map(|d| PartialDate::parse(&d).map_err(|e| format!("`{key}` {e}")))
            .transpose()
    }

    /// A date that must be there.
    #[inline(never)]
    pub(crate) fn needed_date(&self, key: &str) -> Result<PartialDate, String> {
        self.needed_by(key, self.date(key))
    }

    /// A whole number that must be there.
    #[inline(never)]
    pub(crate) fn number(&self, key: &str) -> Result<u32, String> {
        let found = self.read(key, "a whole number", |v| {
            v.as_u64().and_then(|n| u32::try_from(n).ok())
        });
        self.needed_by(key, found)
    }

    /// An optional flag, false when absent.
    #[inline(never)]
    pub(crate) fn flag(&self, key: &str) -> Result<bool, String> {
        Ok(self
            .read(key, "true or false", Value::as_bool)?
            .unwrap_or(false))
    }

    /// A flag that must be there.
    #[inline(never)]
    pub(crate) fn needed_flag(&self, key: &str) -> Result<bool, String> {
        self.needed_by(key, self.read(key, "true or false", Value::as_bool))
    }

    /// A list, each item read with `read`; empty when absent.
    pub(crate) fn list<T>(
        &self,
        key: &str,
        read: impl Fn(&'a Value) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        self.items(key, false, &read)
    }

    /// A list that must be there.
    pub(crate) fn needed_list<T>(
        &self,
        key: &str,
        read: impl Fn(&'a Value) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        self.items(key, true, &read)
    }

    /// The list at `key`, each item read with `read`; a plain loop, since each list's
    /// type has its own copy of this in the wasm.
    fn items<T>(
        &self,
        key: &str,
        needed: bool,
        read: &dyn Fn(&'a Value) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let mut read_all = Vec::new();
        for (i, item) in self.array(key, needed)?.iter().enumerate() {
            match read(item) {
                Ok(value) => read_all.push(value),
                Err(e) => return Err(within(&format!("{key}[{i}]"), e)),
            }
        }
        Ok(read_all)
    }

    /// The items of the list at `key`: none when it is absent and not `needed`.
    #[inline(never)]
    fn array(&self, key: &str, needed: bool) -> Result<&'a [Value], String> {
        match self.read(key, "a list", Value::as_array)? {
            Some(items) => Ok(items),
            None if needed => Err(format!("`{key}` is missing")),
            None => Ok(&[]),
        }
    }

    /// An optional object, read with `read`.
    pub(crate) fn object<T>(
        &self,
        key: &str,
        read: impl FnOnce(Fields<'a>) -> Result<T, String>,
    ) -> Result<Option<T>, String> {
        self.get(key)
            .map(|v| Fields::of(v).and_then(read).map_err(|e| within(key, e)))
            .transpose()
    }

    /// An object that must be there.
    pub(crate) fn needed_object<T>(
        &self,
        key: &str,
        read: impl FnOnce(Fields<'a>) -> Result<T, String>,
    ) -> Result<T, String> {
        self.needed_by(key, self.object(key, read))
    }

    /// One of a closed list, by its key.
    pub(crate) fn keyed<T>(&self, key: &str, from_key: fn(&str) -> Option<T>) -> Result<T, String> {
        let text = self.needed(key)?;
        from_key(&text).ok_or_else(|| format!("`{key}` \"{text}\" is not one the site knows"))
    }
}

/// A published file's type, read from a JSON value by hand: the app turns a file's text
/// into a value once for every type, so only this small step is written out per type.
pub trait FromJson: Sized {
    /// Reads `value`, naming the first field that is missing or of the wrong type.
    fn from_json(value: &Value) -> Result<Self, String>;
}

/// Implements [`FromJson`] and `Deserialize` for each type through its `from_json` hand reader.
macro_rules! read_by_hand {
    ($($type:ty),*) => {$(
        impl crate::json::FromJson for $type {
            fn from_json(value: &serde_json::Value) -> Result<Self, String> {
                <$type>::from_json(value)
            }
        }

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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str, f: impl Fn(Fields) -> Result<String, String>) -> Result<String, String> {
        let value: Value = serde_json::from_str(json).unwrap_or_default();
        Fields::of(&value).and_then(f)
    }

    #[test]
    fn a_missing_field_is_told_from_one_of_the_wrong_type() {
        assert_eq!(
            read("{}", |f| f.needed("name")),
            Err("`name` is missing".into())
        );
        assert_eq!(
            read(r#"{"name":3}"#, |f| f.needed("name")),
            Err("`name` must be text".into())
        );
        assert_eq!(
            read(r#"{"name":null}"#, |f| f
                .text("name")
                .map(Option::unwrap_or_default)),
            Ok(String::new())
        );
        assert_eq!(
            read(r#"{"on":"yes"}"#, |f| f.flag("on").map(|b| b.to_string())),
            Err("`on` must be true or false".into())
        );
        assert_eq!(
            read(r#"{"list":{}}"#, |f| f
                .list("list", |_| Ok(()))
                .map(|_| String::new())),
            Err("`list` must be a list".into())
        );
        assert_eq!(
            read("[]", |f| f.needed("name")),
            Err("must be an object".into())
        );
    }

    #[test]
    fn an_error_names_the_path_from_the_top_of_the_file() {
        let json = r#"{"milestones":[{"date":"2023"},{"source":{"url":7}}]}"#;
        let error = read(json, |f| {
            f.list("milestones", |m| {
                let m = Fields::of(m)?;
                m.object("source", |s| s.needed("url"))?;
                Ok(())
            })
            .map(|_| String::new())
        });
        assert_eq!(error, Err("`milestones[1].source.url` must be text".into()));
        let error = read(r#"{"posts":[1]}"#, |f| {
            f.list("posts", |p| Fields::of(p).map(|_| ()))
                .map(|_| String::new())
        });
        assert_eq!(error, Err("`posts[0]` must be an object".into()));
        let error = read(r#"{"items":[[1]]}"#, |f| {
            f.list("items", |i| {
                i.as_array()
                    .ok_or("must be a list".to_string())?
                    .iter()
                    .enumerate()
                    .map(|(j, _)| Err::<(), _>(within(&format!("[{j}]"), "must be text".into())))
                    .collect::<Result<Vec<()>, _>>()
            })
            .map(|_| String::new())
        });
        assert_eq!(error, Err("`items[0][0]` must be text".into()));
    }
}
