//! Closed lists (organisation types, nations, milestone statuses) read by their key:
//! one reader for every such enum, so an editor sees the same message, listing the
//! keys that work, for any key not on the list.

use serde::de::Error;
use serde::{Deserialize, Deserializer};

/// Reads one of `all` by its `key`.
pub(crate) fn read<'de, D: Deserializer<'de>, T: Copy>(
    deserializer: D,
    all: &[T],
    key: fn(T) -> &'static str,
) -> Result<T, D::Error> {
    let text = String::deserialize(deserializer)?;
    all.iter()
        .copied()
        .find(|t| key(*t) == text)
        .ok_or_else(|| {
            let known: Vec<String> = all.iter().map(|t| format!("`{}`", key(*t))).collect();
            D::Error::custom(format!(
                "unknown variant `{text}`, expected one of {}",
                known.join(", ")
            ))
        })
}

#[cfg(test)]
mod tests {
    use crate::members::{Nation, OrgType};
    use crate::timeline::Status;
    use serde::{de::DeserializeOwned, Serialize};

    fn reads_back<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug + Copy>(
        all: &[T],
        key: fn(T) -> &'static str,
    ) {
        for &item in all {
            let json = serde_json::to_string(&item).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", key(item)), "written as its key");
            assert_eq!(
                serde_json::from_str::<T>(&json).ok(),
                Some(item),
                "{json} read back"
            );
        }
        let wrong = serde_json::from_str::<T>("\"club\"")
            .err()
            .map(|e| e.to_string());
        assert!(
            wrong.is_some_and(|m| m.starts_with("unknown variant `club`, expected one of `")),
            "a key not on the list is named"
        );
    }

    #[test]
    fn every_closed_list_reads_back_what_is_written() {
        reads_back(&OrgType::ALL, OrgType::key);
        reads_back(&Nation::ALL, Nation::key);
        reads_back(&Status::ALL, Status::key);
    }
}
