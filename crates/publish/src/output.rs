//! What `publish build` writes into the output folder: the JSON the app fetches (at the
//! addresses `content::address` names), the feeds, the schemas and the content manager.

use crate::address::{published_file, write};
use crate::{cms, feeds, pages, Error};
use content::address;
use content::blog::BlogQuery;
use content::post::{ListPage, PostIndex, LATEST_COUNT};
use content::service::Service;
use editorial::library::Library;
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};

/// Writes JSON, laid out for reading when `pretty`; a value that cannot be written
/// stops the build with the file named, never leaving an empty file behind.
fn write_json<T: Serialize>(path: &Path, value: &T, pretty: bool) -> Result<(), Error> {
    let json = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .map_err(|e| Error::output(path, e.to_string()))?;
    write(path, json.as_bytes())
}

/// Writes the library's JSON and host files into `out`, returning the files written.
pub fn write_all(
    publication: &Library,
    out: &Path,
    backend: &cms::Backend,
) -> Result<Vec<PathBuf>, Error> {
    let at = |address: &str| published_file(out, address);
    let mut written = vec![
        at(address::SITE),
        at(address::POST_INDEX),
        at(address::TIMELINE),
        at(address::MEMBERS),
    ];
    write_json(&written[0], &publication.site, false)?;
    // Every post's metadata: the search index, fetched only when a reader searches, and
    // kept at this address for anything that read it before lists had pages.
    let index = PostIndex::from_posts(&publication.posts);
    write_json(&written[1], &index, false)?;
    write_json(&written[2], &publication.timeline, false)?;
    write_json(&written[3], &publication.members, false)?;
    for page in &publication.pages {
        let path = at(&address::page(&page.slug));
        write_json(&path, page, false)?;
        written.push(path);
    }
    for post in &publication.posts {
        let path = at(&address::post(&post.meta.slug));
        write_json(&path, post, false)?;
        written.push(path);
    }
    // What a page shows, and no more: the home page's latest posts, and each page of
    // each list, so neither grows with the archive.
    let latest = PostIndex {
        posts: index.posts.iter().take(LATEST_COUNT).cloned().collect(),
    };
    let latest_path = at(address::LATEST_POSTS);
    write_json(&latest_path, &latest, false)?;
    written.push(latest_path);
    let lists = std::iter::once(None).chain(
        publication
            .site
            .categories
            .iter()
            .map(|c| Some(c.slug.as_str())),
    );
    for category in lists {
        let first = BlogQuery {
            category: category.map(str::to_string),
            ..Default::default()
        };
        for page in 1..=BlogQuery::pages_in(category, &index.posts) {
            let shown = first.with_page(page).apply(&index.posts);
            let list = ListPage {
                posts: shown.posts.into_iter().cloned().collect(),
                total: shown.total,
                page: shown.page,
                pages: shown.pages,
            };
            let path = at(&address::list_page(category, page));
            write_json(&path, &list, false)?;
            written.push(path);
        }
    }
    let filled = pages::Filled {
        site: &publication.site,
        posts: &index.posts,
    };
    let paths = pages::paths(filled).map_err(|message| Error::Pages(vec![message]))?;
    let feed = out.join("feed.json");
    write_json(&feed, &feeds::json_feed(publication), true)?;
    written.push(feed);
    let feeds = [
        ("feed.xml", feeds::atom(publication)),
        ("sitemap.xml", feeds::sitemap(publication, &paths)),
        ("robots.txt", feeds::robots(publication)),
    ];
    for (name, text) in feeds {
        let path = out.join(name);
        write(&path, text.as_bytes())?;
        written.push(path);
    }
    for (name, schema) in schemas() {
        let path = out.join("schema").join(name);
        write_json(&path, &schema, true)?;
        written.push(path);
    }
    if publication.site.signup.service == Service::Netlify {
        let forms = out.join("__forms.html");
        write(&forms, netlify_form().as_bytes())?;
        written.push(forms);
    }
    // No `_redirects`: Cloudflare Pages and Netlify answer a path with no file with
    // 404.html and status 404 by themselves (and Cloudflare refuses a 404 rule there).
    written.extend(write_admin(publication, backend, out)?);
    Ok(written)
}

/// The content manager at `/admin/`: its page, its configuration (JSON, which YAML
/// readers take as it is) and the CMS's own files, copied from `node_modules`.
fn write_admin(
    library: &Library,
    backend: &cms::Backend,
    out: &Path,
) -> Result<Vec<PathBuf>, Error> {
    let admin = out.join("admin");
    let page = admin.join("index.html");
    write(&page, cms::ADMIN_PAGE.as_bytes())?;
    let config = admin.join("config.yml");
    write_json(&config, &cms::config(library, backend), true)?;
    let mut written = vec![page, config];
    let bundle = Path::new(cms::BUNDLE_DIR);
    let entries = fs::read_dir(bundle).map_err(|_| {
        Error::output(
            bundle,
            "the content manager's files are missing: run `make setup` (it runs npm ci)",
        )
    })?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if cms::is_bundle_file(&name) {
            let to = admin.join(&name);
            fs::copy(entry.path(), &to).map_err(|e| Error::io(&to, e))?;
            written.push(to);
        }
    }
    Ok(written)
}

/// The page Netlify's deploy reads to detect the join form: a hidden copy listing
/// every field the app sends, named as the app names them (one list, in the sign-up
/// crate), so submissions made by the app are kept whole.
pub fn netlify_form() -> String {
    use join::wire::{HONEYPOT, NETLIFY_FORM_NAME};
    let sample = join::wire::Submission {
        form: Default::default(),
        submission_id: String::new(),
        privacy_notice_version: String::new(),
        submitted_at: String::new(),
        possibly_automated: false,
    };
    let inputs: String = sample
        .pairs()
        .into_iter()
        .map(|(name, _)| format!("    <input type=\"hidden\" name=\"{name}\" />\n"))
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"en-GB\">\n<title>Join form, for Netlify Forms to detect</title>\n<form name=\"{NETLIFY_FORM_NAME}\" data-netlify=\"true\" netlify-honeypot=\"{HONEYPOT}\" hidden>\n{inputs}</form>\n</html>\n"
    )
}

/// JSON Schemas for every published content file, generated from the Rust types,
/// so another producer can check what it writes: (file name, schema).
pub fn schemas() -> Vec<(&'static str, schemars::Schema)> {
    use content::{members, post, site, timeline};
    vec![
        ("site.schema.json", schemars::schema_for!(site::SiteConfig)),
        (
            "post-index.schema.json",
            schemars::schema_for!(post::PostIndex),
        ),
        (
            "list-page.schema.json",
            schemars::schema_for!(post::ListPage),
        ),
        ("post.schema.json", schemars::schema_for!(post::Post)),
        ("page.schema.json", schemars::schema_for!(post::Page)),
        (
            "timeline.schema.json",
            schemars::schema_for!(timeline::Timeline),
        ),
        (
            "members.schema.json",
            schemars::schema_for!(members::Members),
        ),
    ]
}
