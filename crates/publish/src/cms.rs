//! The content manager at `/admin/`: Decap CMS, served from the site's own files,
//! with its configuration written from the content crate's schemas of what editors
//! write (every field, whether it is required, every closed list), so its forms
//! cannot drift from what the build reads. Rules across files stay with the build.

use crate::address::{MAX_UPLOAD_BYTES, MEDIA_FOLDER, MEDIA_PATH};
use content::post::PAGES;
use editorial::library::Library;
use editorial::source::EditorSchemas;
use serde_json::{json, Map, Value};

/// The files the CMS is made of, from the `decap-cms` package `npm ci` installs
/// (its main script and the parts it loads as needed; not its source maps).
pub const BUNDLE_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../node_modules/decap-cms/dist"
);

/// True for the files of the bundle the page loads.
pub fn is_bundle_file(name: &str) -> bool {
    name.ends_with("decap-cms.js")
}

/// Where editors' changes go and how they sign in, from the build's environment:
/// `CMS_REPO` (`owner/name` on GitHub; a workflow passes its own), `CMS_AUTH_URL`
/// (the sign-in helper's address; see docs/editing.md) and `CMS_LOCAL_BACKEND`
/// (`true` only where the editor runs `decap-server` beside the site, as the tests do).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Backend {
    /// The GitHub repository.
    pub repo: Option<String>,
    /// The OAuth helper's origin, checked to be one.
    pub auth_url: Option<String>,
    /// Whether `/admin/` may reach a local `decap-server` on this machine.
    pub local: bool,
}

/// Where a local `decap-server` listens: the content manager's own default.
const LOCAL_BACKEND: &str = "http://localhost:8081";

impl Backend {
    /// The settings the build was given; a sign-in address that is not an https
    /// origin, or a repository that is not `owner/name`, stops the build.
    pub fn new(
        repo: Option<String>,
        auth_url: Option<String>,
        local: bool,
    ) -> Result<Self, crate::Error> {
        let auth_url = auth_url
            .map(|url| {
                let origin = editorial::rules::https_origin(&url);
                match origin {
                    Ok(origin) if url.trim_end_matches('/') == origin => Ok(origin),
                    Ok(_) => Err("must be the sign-in helper's origin alone, such as https://auth.example.org, without a path".to_string()),
                    Err(why) => Err(why),
                }
                .map_err(|why| crate::Error::Setting {
                    name: "CMS_AUTH_URL",
                    message: format!("{:?} {why}", url),
                })
            })
            .transpose()?;
        if let Some(repo) = &repo {
            let parts: Vec<&str> = repo.split('/').collect();
            let plain = |p: &&str| {
                !p.is_empty()
                    && p.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            };
            if parts.len() != 2 || !parts.iter().all(plain) {
                return Err(crate::Error::Setting {
                    name: "CMS_REPO",
                    message: format!("{repo:?} must be a GitHub repository as owner/name"),
                });
            }
        }
        Ok(Self {
            repo,
            auth_url,
            local,
        })
    }
}

/// Lists the schema cannot know, because editors keep them in other files.
struct Lists {
    categories: Vec<Value>,
    kinds: Vec<Value>,
}

/// `in_short` as "In short".
fn humanize(name: &str) -> String {
    let words = name.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A schema with its `$ref` followed and an optional value's `null` set aside: the
/// schema, and whether the value may be left out.
fn resolve<'a>(schema: &'a Value, defs: &'a Value) -> (&'a Value, bool) {
    if let Some(name) = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        return (&defs[name], false);
    }
    if let Some(options) = schema.get("anyOf").and_then(Value::as_array) {
        if let Some(inner) = options
            .iter()
            .find(|o| o.get("type") != Some(&json!("null")))
        {
            return (resolve(inner, defs).0, true);
        }
    }
    let nullable = schema
        .get("type")
        .and_then(Value::as_array)
        .is_some_and(|types| types.contains(&json!("null")));
    (schema, nullable)
}

/// The single type of a schema (`"string"` for `["string", "null"]`).
fn kind(schema: &Value) -> &str {
    match &schema["type"] {
        Value::String(t) => t,
        Value::Array(types) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or(""),
        _ => "",
    }
}

/// The words readers see for a closed list's key, from the type that owns the list.
fn label_of(key: &str) -> String {
    use content::members::{Nation, OrgType};
    use content::service::Service;
    use content::timeline::Status;
    OrgType::from_key(key)
        .map(OrgType::label)
        .or_else(|| Nation::from_key(key).map(Nation::label))
        .or_else(|| Status::from_key(key).map(Status::label))
        .or_else(|| Service::from_key(key).map(Service::name))
        .map_or_else(|| humanize(key), str::to_string)
}

/// The choices of a closed list, as (label, value), or none for an open field.
fn choices(schema: &Value) -> Option<Vec<Value>> {
    let keys: Vec<&str> = match (schema.get("enum"), schema.get("oneOf")) {
        (Some(Value::Array(values)), _) => values.iter().filter_map(Value::as_str).collect(),
        (_, Some(Value::Array(options))) => options
            .iter()
            .map(|o| o.get("const").and_then(Value::as_str))
            .collect::<Option<_>>()?,
        _ => return None,
    };
    Some(
        keys.into_iter()
            .map(|key| json!({ "label": label_of(key), "value": key }))
            .collect(),
    )
}

/// The CMS fields of an object schema, in the order the type declares them. Inside
/// an optional part (a post's image) nothing can be required, since the CMS would
/// then require the part: the hint says so, and the build checks it.
fn fields(object: &Value, defs: &Value, lists: &Lists, path: &str, optional: bool) -> Vec<Value> {
    let required: Vec<&str> = object["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    object["properties"]
        .as_object()
        .map(|props| {
            props
                .iter()
                // Set by whoever builds the site, never offered to an editor.
                .filter(|(_, schema)| schema["x-build-only"] != json!(true))
                .map(|(name, schema)| {
                    let at = if path.is_empty() {
                        name.clone()
                    } else {
                        format!("{path}.{name}")
                    };
                    let needed = required.contains(&name.as_str());
                    let mut f = field(name, schema, needed && !optional, defs, lists, &at);
                    if needed && optional {
                        let hint = f["hint"].as_str().unwrap_or_default().to_string();
                        f["hint"] =
                            json!(format!("{hint} Needed whenever this part is filled in.")
                                .trim()
                                .to_string());
                    }
                    f
                })
                .collect()
        })
        .unwrap_or_default()
}

/// One CMS field from its schema; `path` names it for the lists kept in other files.
fn field(
    name: &str,
    outer: &Value,
    required: bool,
    defs: &Value,
    lists: &Lists,
    path: &str,
) -> Value {
    let (schema, nullable) = resolve(outer, defs);
    let text = |key: &str| {
        outer
            .get(key)
            .or_else(|| schema.get(key))
            .and_then(Value::as_str)
    };
    let mut f = Map::new();
    f.insert("name".into(), json!(name));
    f.insert(
        "label".into(),
        json!(text("title")
            .map(str::to_string)
            .unwrap_or_else(|| humanize(name))),
    );
    if let Some(hint) = text("description") {
        f.insert("hint".into(), json!(hint));
    }
    if !required || nullable {
        f.insert("required".into(), json!(false));
    }
    let mut set = |key: &str, value: Value| {
        f.insert(key.into(), value);
    };
    match (path, text("x-widget"), kind(schema)) {
        ("category", _, _) => {
            set("widget", json!("select"));
            set("options", json!(lists.categories));
        }
        ("milestones.kind", _, _) => {
            set("widget", json!("select"));
            set("options", json!(lists.kinds));
        }
        ("milestones.post", _, _) => {
            set("widget", json!("relation"));
            set("collection", json!("posts"));
            set("value_field", json!("{{slug}}"));
            set("search_fields", json!(["title"]));
            set("display_fields", json!(["title"]));
        }
        (_, Some("image"), _) => {
            set("widget", json!("image"));
            set("choose_url", json!(false));
            set(
                "media_library",
                json!({ "config": { "max_file_size": MAX_UPLOAD_BYTES, "multiple": false } }),
            );
        }
        (_, Some(widget), _) => set("widget", json!(widget)),
        (_, None, "boolean") => {
            set("widget", json!("boolean"));
            set("default", json!(false));
        }
        (_, None, "integer") => {
            set("widget", json!("number"));
            set("value_type", json!("int"));
            set("min", json!(0));
        }
        (_, None, "array") => {
            let (items, _) = resolve(&schema["items"], defs);
            if let Some(options) = choices(items) {
                set("widget", json!("select"));
                set("multiple", json!(true));
                set("options", json!(options));
            } else if kind(items) == "object" {
                set("widget", json!("list"));
                // A folded entry shows what an editor knows it by: its title or name.
                let props = &items["properties"];
                if let Some(key) = ["title", "name", "date"]
                    .iter()
                    .find(|k| props.get(**k).is_some())
                {
                    set("summary", json!(format!("{{{{fields.{key}}}}}")));
                }
                set("fields", json!(fields(items, defs, lists, path, false)));
            } else {
                set("widget", json!("list"));
            }
        }
        (_, None, "object") => {
            set("widget", json!("object"));
            set(
                "fields",
                json!(fields(schema, defs, lists, path, !required || nullable)),
            );
        }
        (_, None, _) if schema.get("format") == Some(&json!("date")) => {
            set("widget", json!("datetime"));
            set("format", json!("YYYY-MM-DD"));
            set("date_format", json!("YYYY-MM-DD"));
            set("time_format", json!(false));
            set("picker_utc", json!(true));
        }
        (_, None, _) => match (
            choices(schema),
            schema.get("pattern").and_then(Value::as_str),
        ) {
            (Some(options), _) => {
                set("widget", json!("select"));
                set("options", json!(options));
            }
            (None, Some(pattern)) => {
                set("widget", json!("string"));
                let say = schema["description"].as_str().unwrap_or("Check the format");
                set("pattern", json!([pattern, say]));
            }
            (None, None) => set("widget", json!("string")),
        },
    }
    Value::Object(f)
}

/// The fields of a whole schema document, its `$defs` beside it.
fn document(schema: &schemars::Schema, lists: &Lists) -> Vec<Value> {
    let value = schema.as_value();
    fields(value, &value["$defs"], lists, "", false)
}

/// The CMS configuration for this library's content: a collection per kind of file.
pub fn config(library: &Library, backend: &Backend) -> Value {
    let schemas = EditorSchemas::new();
    let lists = Lists {
        categories: library
            .site
            .categories
            .iter()
            .map(|c| json!({ "label": c.name, "value": c.slug }))
            .collect(),
        kinds: library
            .timeline
            .kinds
            .iter()
            .map(|k| json!({ "label": k.name, "value": k.slug }))
            .collect(),
    };
    let body = |label: &str| json!({ "name": "body", "label": label, "widget": "markdown" });
    let mut post_fields = document(&schemas.post, &lists);
    post_fields.push(body("Post"));
    let mut page_fields = document(&schemas.page, &lists);
    page_fields.push(body("Page"));
    let pages: Vec<Value> = PAGES
        .iter()
        .map(|slug| {
            let title = library
                .pages
                .iter()
                .find(|p| p.slug == *slug)
                .map_or_else(|| humanize(slug), |p| p.title.clone());
            json!({ "name": slug, "label": title, "file": format!("content/pages/{slug}.md"), "fields": page_fields })
        })
        .collect();
    let data = |name: &str, label: &str, file: &str, schema: &schemars::Schema| {
        json!({
            "name": name,
            "label": label,
            "format": "toml",
            "files": [{ "name": name, "label": label, "file": file, "fields": document(schema, &lists) }],
        })
    };
    let mut github = json!({ "name": "github", "branch": "main" });
    github["repo"] = json!(backend.repo.as_deref().unwrap_or("OWNER/REPOSITORY"));
    if let Some(url) = &backend.auth_url {
        github["base_url"] = json!(url);
    }
    let base_url = library.site.base_url.trim_end_matches('/');
    json!({
        "backend": github,
        // Each change is a pull request that runs the checks; publishing is merging it.
        "publish_mode": "editorial_workflow",
        // On an editor's own computer, `npx decap-server` lets the CMS write to the files there.
        "local_backend": backend.local,
        "site_url": base_url,
        "display_url": base_url,
        "locale": "en",
        "slug": { "encoding": "ascii", "clean_accents": true, "sanitize_replacement": "-" },
        "media_folder": MEDIA_FOLDER,
        "public_folder": MEDIA_PATH,
        "collections": [
            {
                "name": "posts",
                "label": "Blog posts",
                "label_singular": "Blog post",
                "folder": "content/posts",
                "create": true,
                "extension": "md",
                "format": "toml-frontmatter",
                "slug": "{{slug}}",
                "summary": "{{title}} ({{date}})",
                "sortable_fields": ["date", "title"],
                "fields": post_fields,
            },
            { "name": "pages", "label": "Pages", "format": "toml-frontmatter", "files": pages },
            data("timeline", "Timeline", "content/timeline.toml", &schemas.timeline),
            data("members", "Members", "content/members.toml", &schemas.members),
            data("settings", "Site settings", "content/site.toml", &schemas.site),
        ],
    })
}

/// The policy for `/admin/` alone: the CMS needs inline styles, `eval` and the
/// GitHub API, which no other page gets. It replaces the site's policy there.
pub fn admin_policy(backend: &Backend) -> String {
    let auth = backend
        .auth_url
        .as_deref()
        .and_then(crate::headers::origin)
        .map(|o| format!(" {o}"))
        .unwrap_or_default();
    let local = if backend.local {
        format!(" {LOCAL_BACKEND}")
    } else {
        String::new()
    };
    format!(
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self' blob: https://api.github.com{local}{auth}; frame-src 'self'; form-action 'self'{auth}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
}

/// The page at `/admin/`: the CMS bundle, from this site.
pub const ADMIN_PAGE: &str = "<!doctype html>
<html lang=\"en-GB\">
  <head>
    <meta charset=\"utf-8\" />
    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />
    <meta name=\"robots\" content=\"noindex\" />
    <title>Edit the site</title>
    <link href=\"/admin/config.yml\" type=\"text/yaml\" rel=\"cms-config-url\" />
  </head>
  <body>
    <noscript>The editor needs JavaScript. See docs/editing.md for editing the files directly.</noscript>
    <script src=\"/admin/decap-cms.js\"></script>
  </body>
</html>
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_as_words() {
        assert_eq!(humanize("in_short"), "In short");
        assert_eq!(humanize(""), "");
    }
}
