//! The content manager's configuration against the content it edits.

mod common;

use common::*;
use std::fs;

/// Every field name in a CMS field list, with its nesting (`milestones.kind`).
fn cms_fields(fields: &serde_json::Value, path: &str, into: &mut Vec<String>) {
    for field in fields.as_array().into_iter().flatten() {
        let name = field["name"].as_str().unwrap_or_default();
        let at = if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        };
        cms_fields(&field["fields"], &at, into);
        into.push(at);
    }
}

/// Every key written in a TOML table, with its nesting.
fn toml_keys(table: &toml::Table, path: &str, into: &mut Vec<String>) {
    for (key, value) in table {
        let at = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match value {
            toml::Value::Table(inner) => toml_keys(inner, &at, into),
            toml::Value::Array(items) => items
                .iter()
                .filter_map(toml::Value::as_table)
                .for_each(|t| toml_keys(t, &at, into)),
            _ => {}
        }
        into.push(at);
    }
}

/// The options of the CMS field at `path` in `fields`.
/// The CMS field at `path` (names of nested fields), or null.
fn field_at(fields: &serde_json::Value, path: &[&str]) -> serde_json::Value {
    let Some(field) = fields
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["name"] == path[0])
    else {
        return serde_json::Value::Null;
    };
    match path {
        [_] => field.clone(),
        [_, rest @ ..] => field_at(&field["fields"], rest),
        [] => serde_json::Value::Null,
    }
}

fn options_at(fields: &serde_json::Value, path: &[&str]) -> Vec<String> {
    field_at(fields, path)["options"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o["value"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn the_cms_can_edit_every_field_the_content_uses_and_offers_every_closed_list() {
    let library =
        publish::read(&fixture_content(), &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    let config = publish::cms::config(&library, &publish::cms::Backend::default());
    let collection = |name: &str| {
        config["collections"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("no {name} collection"))
    };
    let file_fields = |name: &str| collection(name)["files"][0]["fields"].clone();
    let post_fields = collection("posts")["fields"].clone();

    // Every key the shipped files use has a field in the CMS.
    let content = fixture_content();
    for (collection_name, file) in [
        ("timeline", "timeline.toml"),
        ("members", "members.toml"),
        ("settings", "site.toml"),
    ] {
        let text = fs::read_to_string(content.join(file)).unwrap_or_default();
        let table: toml::Table = text.parse().unwrap_or_else(|e| panic!("{file}: {e}"));
        let (mut used, mut offered) = (Vec::new(), Vec::new());
        toml_keys(&table, "", &mut used);
        cms_fields(&file_fields(collection_name), "", &mut offered);
        for key in used {
            assert!(
                offered.contains(&key),
                "{file} uses `{key}`, which the CMS has no field for"
            );
        }
    }
    for post in fs::read_dir(content.join("posts"))
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        let text = fs::read_to_string(post.path()).unwrap_or_default();
        let front = text.split("+++").nth(1).unwrap_or_default();
        let table: toml::Table = front.parse().unwrap_or_else(|e| panic!("{e}"));
        let (mut used, mut offered) = (Vec::new(), Vec::new());
        toml_keys(&table, "", &mut used);
        cms_fields(&post_fields, "", &mut offered);
        for key in used {
            assert!(
                offered.contains(&key),
                "{} uses `{key}`, which the CMS has no field for",
                post.path().display()
            );
        }
    }
    let mut post_names = Vec::new();
    cms_fields(&post_fields, "", &mut post_names);
    for field in [
        "title",
        "date",
        "updated",
        "category",
        "tags",
        "author",
        "summary",
        "image.src",
        "image.alt",
        "in_short",
        "bsl_video",
        "body",
    ] {
        assert!(
            post_names.contains(&field.to_string()),
            "the post form lacks `{field}`"
        );
    }

    // Every closed list, from the type or file that owns it.
    use content::members::{Nation, OrgType};
    use content::timeline::Status;
    let keys = |all: Vec<&str>| all.into_iter().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(
        options_at(&post_fields, &["category"]),
        keys(
            library
                .site
                .categories
                .iter()
                .map(|c| c.slug.as_str())
                .collect()
        )
    );
    let timeline = file_fields("timeline");
    assert_eq!(
        options_at(&timeline, &["milestones", "kind"]),
        keys(
            library
                .timeline
                .kinds
                .iter()
                .map(|k| k.slug.as_str())
                .collect()
        )
    );
    assert_eq!(
        options_at(&timeline, &["milestones", "status"]),
        keys(Status::ALL.map(Status::key).to_vec())
    );
    let members = file_fields("members");
    assert_eq!(
        options_at(&members, &["members", "type"]),
        keys(OrgType::ALL.map(OrgType::key).to_vec())
    );
    assert_eq!(
        options_at(&members, &["members", "nations"]),
        keys(Nation::ALL.map(Nation::key).to_vec())
    );
    // The site's own address is not an editor's to change: the content manager keeps
    // it (hidden) but never offers it. Where sign-ups go is not in the settings at all.
    let settings = file_fields("settings");
    assert_eq!(
        field_at(&settings, &["base_url"])["widget"],
        "hidden",
        "the site address is offered to editors"
    );
    for path in [
        &["signup", "service"][..],
        &["signup", "endpoint"],
        &["signup", "access_key"],
    ] {
        assert_eq!(
            field_at(&settings, path),
            serde_json::Value::Null,
            "{path:?} is in the content manager"
        );
    }
    assert_eq!(
        field_at(&settings, &["contact_email"])["label"],
        "Contact email address"
    );

    // Pictures need words for readers who cannot see them, and have a size limit.
    let image = post_fields
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["name"] == "image")
        .cloned()
        .unwrap_or_default();
    let alt = image["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["name"] == "alt")
        .cloned()
        .unwrap_or_default();
    assert!(
        alt["hint"].as_str().is_some_and(|h| h.ends_with("Needed whenever this part is filled in.")),
        "alt text is asked for whenever there is a picture (the build refuses a picture without it): {alt}"
    );
    let src = image["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["name"] == "src")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        src["media_library"]["config"]["max_file_size"],
        20 * 1024 * 1024,
        "a camera's photo as it comes"
    );
}
