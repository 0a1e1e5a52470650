//! The build step: reads the editors' `content/`, checks every rule, and writes
//! the JSON the app fetches plus the files static hosts need. Nothing is
//! written unless everything is valid.

use content::address;
use content::blog::BlogQuery;
use content::date::PartialDate;
use content::post::{ListPage, PostIndex, LATEST_COUNT, PAGES};
use content::service::Service;
use content::site::PublishedSite;
use editorial::library::{Library, Shelf};
use editorial::source::{
    clean_text, load_members, load_site, load_timeline, parse_page, parse_post, SourceError,
};
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};

pub mod boot;
pub mod cms;
mod error;
pub mod feeds;
pub mod headers;
pub mod pages;
mod settings;

pub use error::{annotation, Error};
pub use settings::{Delivery, Settings};

/// The largest file an editor may write: a long report is a tenth of it. Past it the
/// build would take minutes and the published files grow past what a host serves.
pub const MAX_SOURCE_BYTES: u64 = 1024 * 1024;

/// The largest file the host serves (Cloudflare Pages: 25 MiB a file).
pub const MAX_OUTPUT_BYTES: usize = 25 * 1024 * 1024;

/// Reads a source file as text an editor wrote: a byte-order mark dropped, control
/// characters refused with their place, and a file past [`MAX_SOURCE_BYTES`] refused.
fn read_source(path: &Path) -> Result<String, Error> {
    let size = fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
    if size > MAX_SOURCE_BYTES {
        return Err(SourceError::file(
            path.display().to_string(),
            format!(
                "the file is {:.1} MB; a file may be at most {} MB: split a long post into several, and keep pictures out of the text",
                size as f64 / 1e6,
                MAX_SOURCE_BYTES / (1024 * 1024)
            ),
        )
        .into());
    }
    let src = fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    Ok(clean_text(&path.display().to_string(), &src)?)
}

/// Reads and parses one file with `parse`, adding any mistakes to `errors`.
fn read_one<T>(
    path: &Path,
    errors: &mut Vec<SourceError>,
    parse: impl FnOnce(&str, &str) -> Result<T, Vec<SourceError>>,
) -> Result<Option<T>, Error> {
    let src = match read_source(path) {
        Ok(src) => src,
        Err(Error::Content(mut own)) => {
            errors.append(&mut own);
            return Ok(None);
        }
        Err(other) => return Err(other),
    };
    match parse(&path.display().to_string(), &src) {
        Ok(value) => Ok(Some(value)),
        Err(mut own) => {
            errors.append(&mut own);
            Ok(None)
        }
    }
}

/// The file's name without `.md`: a post's or page's slug.
fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The Markdown files in `dir`, sorted; any other file is refused, so a post saved as
/// `news.MD` or `news.txt` is never skipped without a word. Hidden files (`.gitkeep`,
/// `.DS_Store`) and folders are left alone.
fn markdown_files(dir: &Path, errors: &mut Vec<SourceError>) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') || path.is_dir() {
            continue;
        }
        if path.extension().is_some_and(|x| x == "md") {
            files.push(path);
        } else {
            errors.push(SourceError::file(
                path.display().to_string(),
                format!(
                    "only Markdown files ending .md belong in this folder; rename it to {}.md, or move it out",
                    stem(&path)
                ),
            ));
        }
    }
    files.sort();
    Ok(files)
}

/// `content/site.toml`, with the form service, its address and its access key as
/// whoever deploys the site set them (`delivery`: `SIGNUP_SERVICE`, `SIGNUP_ENDPOINT`
/// and `SIGNUP_ACCESS_KEY` at build time, a workflow's repository variables, say).
fn read_site(content_dir: &Path, delivery: &Delivery) -> Result<content::site::SiteConfig, Error> {
    let file = content_dir.join("site.toml");
    let mut site = load_site(&file.display().to_string(), &read_source(&file)?)?;
    let mut set_by = Vec::new();
    if let Some(key) = delivery.service.clone() {
        site.signup.service = Service::from_key(&key).ok_or_else(|| Error::Setting {
            name: "SIGNUP_SERVICE",
            message: format!(
                "\"{key}\" is not a form service this site knows; use one of: {}",
                Service::ALL.map(Service::key).join(", ")
            ),
        })?;
        set_by.push("SIGNUP_SERVICE");
    }
    if let Some(endpoint) = delivery.endpoint.clone() {
        site.signup.endpoint = Some(endpoint);
        set_by.push("SIGNUP_ENDPOINT");
    }
    if let Some(key) = delivery.access_key.clone() {
        site.signup.access_key = Some(key);
        set_by.push("SIGNUP_ACCESS_KEY");
    }
    if let Some(name) = set_by.first() {
        site.signup = editorial::rules::with_default_endpoint(site.signup);
        if let Some(problem) = editorial::rules::Validate::validate(&site.signup)
            .into_iter()
            .next()
        {
            return Err(Error::Setting {
                name,
                message: format!(
                    "{}: {} (the settings came from {} and content/site.toml)",
                    problem.field,
                    problem.message,
                    set_by.join(", ")
                ),
            });
        }
    }
    Ok(site)
}

/// The picture formats the site serves, by what the file begins with (never by its
/// name alone, which anyone can choose), with the names they may have.
const PICTURE_FORMATS: [(&str, &[&str]); 5] = [
    ("JPEG", &["jpg", "jpeg"]),
    ("PNG", &["png"]),
    ("GIF", &["gif"]),
    ("WebP", &["webp"]),
    ("AVIF", &["avif"]),
];

/// The format a file's first bytes show, if it is a picture the site serves.
fn picture_format(head: &[u8]) -> Option<&'static str> {
    let at = |offset: usize, magic: &[u8]| head.get(offset..offset + magic.len()) == Some(magic);
    if at(0, &[0xFF, 0xD8, 0xFF]) {
        Some("JPEG")
    } else if at(0, b"\x89PNG\r\n\x1a\n") {
        Some("PNG")
    } else if at(0, b"GIF87a") || at(0, b"GIF89a") {
        Some("GIF")
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        Some("WebP")
    } else if at(4, b"ftypavif") || at(4, b"ftypavis") {
        Some("AVIF")
    } else {
        None
    }
}

/// Why a file in the media folder cannot be published, if it cannot: only pictures
/// of the accepted formats and size, each the format its name says, and no links.
fn picture_problem(path: &Path, meta: &fs::Metadata) -> Result<Option<String>, Error> {
    use std::io::Read;
    if meta.file_type().is_symlink() {
        return Ok(Some(
            "is a link to another file, which the site would publish in its place; upload the picture itself".into(),
        ));
    }
    let mut head = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(16).read_to_end(&mut head))
        .map_err(|e| Error::io(path, e))?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let Some(format) = picture_format(&head) else {
        let formats: Vec<&str> = PICTURE_FORMATS.iter().map(|(name, _)| *name).collect();
        return Ok(Some(format!(
            "is not a picture the site serves ({}); only pictures go in the media library, so remove it",
            formats.join(", ")
        )));
    };
    let named = PICTURE_FORMATS
        .iter()
        .any(|(name, exts)| *name == format && exts.contains(&extension.as_str()));
    if !named {
        return Ok(Some(format!(
            "is a {format} picture under another name; upload it again with the name it should have"
        )));
    }
    if meta.len() > cms::MAX_IMAGE_BYTES {
        return Ok(Some(format!(
            "is {:.1} MB; a picture may be at most {} KB: make it smaller and upload it again",
            meta.len() as f64 / 1e6,
            cms::MAX_IMAGE_BYTES / 1024
        )));
    }
    Ok(None)
}

/// The site path of every picture in the media folder beside `content/` (none when
/// there is no such folder), which the content manager uploads into and the site
/// serves as it is; anything else there is a mistake added to `errors`, naming the file,
/// and a folder or entry that cannot be read stops the build, named.
fn pictures(folder: &Path, errors: &mut Vec<SourceError>) -> Result<Vec<String>, Error> {
    let mut found = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            // No media folder yet: no pictures.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && dir == folder => continue,
            Err(e) => return Err(Error::io(&dir, e)),
        };
        for entry in entries {
            let path = entry.map_err(|e| Error::io(&dir, e))?.path();
            let kind = fs::symlink_metadata(&path).map_err(|e| Error::io(&path, e))?;
            if kind.is_dir() {
                pending.push(path);
                continue;
            }
            // Git keeps an empty folder by a placeholder file; it is no picture and harmless.
            if path.file_name().is_some_and(|n| n == ".gitkeep") {
                continue;
            }
            match picture_problem(&path, &kind)? {
                Some(problem) => {
                    errors.push(SourceError::file(path.display().to_string(), problem))
                }
                None => {
                    if let Ok(rest) = path.strip_prefix(folder) {
                        found.push(format!("{}/{}", cms::MEDIA_PATH, rest.display()));
                    }
                }
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Reads every source under `content_dir`, each checked on its own, then the rules
/// across files, reporting every mistake at once. `publish` is only this file input,
/// and the output below: the rules are the content crate's.
pub fn read(content_dir: &Path, delivery: &Delivery) -> Result<Library, Error> {
    let site = read_site(content_dir, delivery)?;
    let mut errors = Vec::new();
    let post_files = markdown_files(&content_dir.join("posts"), &mut errors)?;
    let mut posts = Vec::new();
    for file in &post_files {
        let slug = stem(file);
        posts.extend(read_one(file, &mut errors, |name, src| {
            parse_post(name, &slug, src)
        })?);
    }
    let pages_dir = content_dir.join("pages");
    for file in markdown_files(&pages_dir, &mut errors)? {
        if !PAGES.contains(&stem(&file).as_str()) {
            errors.push(SourceError::file(
                file.display().to_string(),
                format!(
                    "the site has no page of this name; its pages are {}",
                    PAGES.join(", ")
                ),
            ));
        }
    }
    let mut pages = Vec::new();
    for slug in PAGES {
        let file = pages_dir.join(format!("{slug}.md"));
        pages.extend(read_one(&file, &mut errors, |name, src| {
            parse_page(name, slug, &site.signup.fill_in(src))
        })?);
    }
    let timeline = read_one(
        &content_dir.join("timeline.toml"),
        &mut errors,
        load_timeline,
    )?;
    let members = read_one(&content_dir.join("members.toml"), &mut errors, load_members)?;
    let shelf = Shelf {
        pictures: pictures(&content_dir.join("..").join(cms::MEDIA_FOLDER), &mut errors)?,
        routes: pages::fixed_routes(),
        site,
        post_files: post_files.iter().map(|f| stem(f)).collect(),
        posts,
        pages,
        timeline,
        members,
    };
    Ok(Library::assemble(shelf, errors)?)
}

/// What a coalition replaces before launch (sample members, a placeholder contact
/// address), each with its file and line: said by every build, never a reason to stop one.
pub fn before_launch(content_dir: &Path) -> Result<Vec<SourceError>, Error> {
    let site = content_dir.join("site.toml");
    let members = content_dir.join("members.toml");
    let (site_src, members_src) = (read_source(&site)?, read_source(&members)?);
    Ok(editorial::source::before_launch(
        (&site.display().to_string(), &site_src),
        (&members.display().to_string(), &members_src),
    ))
}

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

fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if bytes.len() > MAX_OUTPUT_BYTES {
        return Err(Error::Output {
            path: path.to_path_buf(),
            message: format!(
                "would be {:.1} MB, more than the {} MB a host serves in one file",
                bytes.len() as f64 / 1e6,
                MAX_OUTPUT_BYTES / (1024 * 1024)
            ),
        });
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    fs::write(path, bytes).map_err(|e| Error::io(path, e))
}

/// The file in the build folder `out` that the site serves at `address` (`/content/…`).
pub fn published_file(out: &Path, address: &str) -> PathBuf {
    out.join(address.trim_start_matches('/'))
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
    let paths = pages::paths(publication).map_err(|message| Error::Pages(vec![message]))?;
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

/// What kind of build `finish` completes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Build {
    /// What readers get: every page carries the Content Security Policy.
    Release,
    /// `trunk serve` while developing: no policy in the pages, since Trunk adds its
    /// live-reload script as it serves them and a policy would block it. (`_headers`
    /// is still written; `trunk serve` does not apply it.)
    Development,
}

/// The day the build renders date-dependent labels for: `set` (the `BUILD_DATE`
/// variable, `YYYY-MM-DD`, so tests can pin it) or else today by the build machine's clock, in UTC.
pub fn build_date(set: Option<String>) -> Result<PartialDate, Error> {
    let problem = |message: String| Error::Setting {
        name: "BUILD_DATE",
        message,
    };
    match set {
        Some(text) if !text.trim().is_empty() => match PartialDate::parse(text.trim()) {
            Ok(date) if date.iso().len() == 10 => Ok(date),
            _ => Err(problem(format!(
                "\"{text}\" is not a day; write it as YYYY-MM-DD"
            ))),
        },
        _ => {
            let seconds = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|e| problem(e.to_string()))?
                .as_secs();
            let today = time::OffsetDateTime::from_unix_timestamp(seconds as i64)
                .map_err(|e| problem(e.to_string()))?
                .date();
            PartialDate::day(today.year(), today.month() as u8, today.day())
                .map_err(|e| problem(e.to_string()))
        }
    }
}

/// The library as `build` published it into `out`, read back through the app's own
/// readers: the sources are read and checked once, by `build`, and `finish` renders
/// exactly what readers will be served.
pub fn read_published(out: &Path) -> Result<Library, Error> {
    fn file<T: serde::de::DeserializeOwned>(out: &Path, address: &str) -> Result<T, Error> {
        let path = published_file(out, address);
        let text = fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        serde_json::from_str(&text).map_err(|e| {
            Error::output(
                &path,
                format!("the build's own file cannot be read back: {e}"),
            )
        })
    }
    let index: PostIndex = file(out, address::POST_INDEX)?;
    Ok(Library {
        site: file::<PublishedSite>(out, address::SITE)?.0,
        posts: index
            .posts
            .iter()
            .map(|meta| file(out, &address::post(&meta.slug)))
            .collect::<Result<_, _>>()?,
        timeline: file(out, address::TIMELINE)?,
        members: file(out, address::MEMBERS)?,
        pages: PAGES
            .iter()
            .map(|slug| file(out, &address::page(slug)))
            .collect::<Result<_, _>>()?,
    })
}

/// Writes a page for every route and post from the built `index.html`, each the app's
/// own view rendered from the published JSON (written by `build` into `out`), so each
/// reads without JavaScript and previews well; `404.html` serves any other path.
/// `built` is the day date-dependent labels are for.
pub fn finish(
    out: &Path,
    build: Build,
    built: PartialDate,
    backend: &cms::Backend,
) -> Result<usize, Error> {
    let publication = read_published(out)?;
    let index = out.join("index.html");
    let template = fs::read_to_string(&index).map_err(|e| Error::io(&index, e))?;
    // A problem with Trunk's page is reported against that file.
    let in_index = |message: String| Error::output(&index, message);
    let template = boot::start_after_first_paint(&template).map_err(in_index)?;
    let hashes = headers::inline_script_hashes(&template);
    let signup = &publication.site.signup;
    let template = if build == Build::Release {
        let meta_csp = headers::content_security_policy(&hashes, signup, true);
        template.replacen(
            "<meta charset=\"utf-8\" />",
            &format!(
                "<meta charset=\"utf-8\" />\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
                editorial::html::escape(&meta_csp)
            ),
            1,
        )
    } else {
        template
    };
    let hashed: Vec<String> = fs::read_dir(out)
        .map_err(|e| Error::io(out, e))?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| headers::is_content_hashed(name))
        .collect();
    let csp = headers::content_security_policy(&hashes, signup, false);
    write(
        &out.join("_headers"),
        headers::headers_file(&csp, &hashed, &cms::admin_policy(backend)).as_bytes(),
    )?;
    let pages = pages::render_all(&publication, out, built).map_err(Error::Pages)?;
    for page in &pages {
        let html = pages::fill(&template, &publication.site, page, built).map_err(in_index)?;
        let path = match page.path.as_str() {
            "/" => out.join("index.html"),
            pages::NOT_FOUND_PATH => out.join("404.html"),
            other => out.join(other.trim_start_matches('/')).join("index.html"),
        };
        write(&path, html.as_bytes())?;
    }
    Ok(pages.len())
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
