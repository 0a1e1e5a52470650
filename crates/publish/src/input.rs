//! The build's input: every source under `content/` read as text an editor wrote, each
//! checked on its own, then the rules across files (the editorial crate's), with every
//! mistake reported at once, and the media folder's pictures.

use crate::address::MEDIA_FOLDER;
use crate::pictures::{self, Upload};
use crate::{pages, Delivery, Error};
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

/// What the build says of a symbolic link in the content or the media folder.
const LINK_REFUSED: &str = "is a symbolic link to another file or folder, which could publish what is not kept in the repository: put the file itself here, or remove the link";

/// True when `path` is itself a symbolic link (not followed, unlike `is_file`).
fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Every symbolic link under `dir`, at any depth and never followed, each refused
/// naming it: a post linked to a file outside the repository would be published.
fn refuse_links(dir: &Path, errors: &mut Vec<SourceError>) -> Result<(), Error> {
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))? {
            let path = entry.map_err(|e| Error::io(&dir, e))?.path();
            let kind = fs::symlink_metadata(&path).map_err(|e| Error::io(&path, e))?;
            if kind.file_type().is_symlink() {
                errors.push(SourceError::file(path.display().to_string(), LINK_REFUSED));
            } else if kind.is_dir() {
                pending.push(path);
            }
        }
    }
    Ok(())
}

/// Reads a source file as text an editor wrote: a byte-order mark dropped, control
/// characters refused with their place, and a file past [`MAX_SOURCE_BYTES`] or a
/// symbolic link refused.
fn read_source(path: &Path) -> Result<String, Error> {
    if is_link(path) {
        return Err(SourceError::file(path.display().to_string(), LINK_REFUSED).into());
    }
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
    // Refused once, by `refuse_links`, and never read.
    if is_link(path) {
        return Ok(None);
    }
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
        // A link is refused by `refuse_links`; a hidden file or a folder is left alone.
        if entry.file_name().to_string_lossy().starts_with('.') || path.is_dir() || is_link(&path) {
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

/// The media folder beside `content_dir`, which the content manager uploads into.
pub fn media_folder(content_dir: &Path) -> PathBuf {
    content_dir.join("..").join(MEDIA_FOLDER)
}

/// Reads every source under `content_dir`, each checked on its own, then the rules
/// across files, reporting every mistake at once. `publish` is only this file input,
/// and the output below: the rules are the content crate's.
pub fn read(content_dir: &Path, delivery: &Delivery) -> Result<Library, Error> {
    read_with_media(content_dir, delivery).map(|(library, _)| library)
}

/// [`read`], with the pictures of the media folder that passed their checks, for
/// [`crate::pictures::publish`] to make light.
pub fn read_with_media(
    content_dir: &Path,
    delivery: &Delivery,
) -> Result<(Library, Vec<Upload>), Error> {
    let site = read_site(content_dir, delivery)?;
    let mut errors = Vec::new();
    refuse_links(content_dir, &mut errors)?;
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
    let media = media_folder(content_dir);
    // The folder itself, or the one holding it, a link: its pictures would publish
    // from wherever it points, so none is taken from it.
    let linked = [Some(media.as_path()), media.parent()]
        .into_iter()
        .flatten()
        .find(|place| is_link(place));
    let uploads = match linked {
        Some(place) => {
            errors.push(SourceError::file(place.display().to_string(), LINK_REFUSED));
            Vec::new()
        }
        None => pictures::scan(&media, &mut errors)?,
    };
    let shelf = Shelf {
        pictures: uploads.iter().map(|u| u.address.clone()).collect(),
        routes: pages::fixed_routes(),
        site,
        post_files: post_files.iter().map(|f| stem(f)).collect(),
        posts,
        pages,
        timeline,
        members,
    };
    Ok((Library::assemble(shelf, errors)?, uploads))
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
