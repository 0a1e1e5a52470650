//! The build's input: every source under `content/` read as text an editor wrote, each
//! checked on its own, then the rules across files (the editorial crate's), with every
//! mistake reported at once, and the media folder's pictures.

use crate::{cms, pages, Delivery, Error};
use content::post::PAGES;
use content::service::Service;
use editorial::library::{Library, Shelf};
use editorial::source::{
    clean_text, load_members, load_site, load_timeline, parse_page, parse_post, SourceError,
};
use std::fs;
use std::path::{Path, PathBuf};

/// The largest file an editor may write: a long report is a tenth of it. Past it the
/// build would take minutes and the published files grow past what a host serves.
pub const MAX_SOURCE_BYTES: u64 = 1024 * 1024;

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
