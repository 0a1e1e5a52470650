//! The build step: reads the editors' `content/`, checks every rule, and writes
//! the JSON the app fetches plus the files static hosts need. Nothing is
//! written unless everything is valid.

use content::blog::BlogQuery;
use content::date::PartialDate;
use content::members::Members;
use content::post::{
    internal_link_exists, list_page_url, order_and_link, ListPage, Page, Post, PostIndex,
    LATEST_POSTS, PAGES,
};
use content::site::SiteConfig;
use content::source::{
    clean_text, load_members, load_site, load_timeline, parse_page, parse_post, SourceError,
};
use content::timeline::Timeline;
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};

pub mod boot;
pub mod feeds;
pub mod headers;
pub mod pages;

/// Everything the build will write, held in memory until all of it is valid.
#[derive(Debug)]
pub struct Publication {
    /// The checked site settings.
    pub site: SiteConfig,
    /// Every checked post, newest first.
    pub posts: Vec<Post>,
    /// The checked timeline.
    pub timeline: Timeline,
    /// The checked members directory, A to Z.
    pub members: Members,
    /// The standalone pages: privacy notice, accessibility statement.
    pub pages: Vec<Page>,
}

fn io_error(file: &Path, error: std::io::Error) -> SourceError {
    SourceError {
        file: file.display().to_string(),
        line: None,
        field: None,
        message: error.to_string(),
    }
}

/// Reads a source file as text an editor wrote: a byte-order mark dropped, control
/// characters refused with their place.
fn read_source(path: &Path) -> Result<String, SourceError> {
    let src = fs::read_to_string(path).map_err(|e| io_error(path, e))?;
    clean_text(&path.display().to_string(), &src)
}

/// The Markdown files in `dir`, sorted; any other file is refused, so a post saved as
/// `news.MD` or `news.txt` is never skipped without a word. Hidden files (`.gitkeep`,
/// `.DS_Store`) and folders are left alone.
fn markdown_files(dir: &Path, errors: &mut Vec<SourceError>) -> Result<Vec<PathBuf>, SourceError> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| io_error(dir, e))?.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || path.is_dir() {
            continue;
        }
        if path.extension().is_some_and(|x| x == "md") {
            files.push(path);
        } else {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or(name.clone());
            errors.push(SourceError {
                file: path.display().to_string(),
                line: None,
                field: None,
                message: format!(
                    "only Markdown files ending .md belong in this folder; rename it to {stem}.md, or move it out"
                ),
            });
        }
    }
    files.sort();
    Ok(files)
}

/// Reads and checks every source under `content_dir`, reporting every mistake at once.
pub fn read(content_dir: &Path) -> Result<Publication, Vec<SourceError>> {
    let site_file = content_dir.join("site.toml");
    let site_src = read_source(&site_file).map_err(|e| vec![e])?;
    let mut site = load_site(&site_file.display().to_string(), &site_src)?;
    // A deployment may name its form service at build time instead of in content.
    if let Some(endpoint) = std::env::var("SIGNUP_ENDPOINT")
        .ok()
        .filter(|e| !e.trim().is_empty())
    {
        site.signup.endpoint = Some(endpoint.trim().to_string());
        let problems = site.validate();
        if !problems.is_empty() {
            return Err(problems
                .into_iter()
                .map(|p| SourceError {
                    file: "SIGNUP_ENDPOINT".into(),
                    line: None,
                    field: Some(p.field),
                    message: p.message,
                })
                .collect());
        }
    }

    let mut errors = Vec::new();
    let files = markdown_files(&content_dir.join("posts"), &mut errors).map_err(|e| vec![e])?;
    let mut parsed = Vec::new();
    for file in &files {
        let name = file.display().to_string();
        let slug = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match read_source(file) {
            Ok(src) => match parse_post(&name, &slug, &src, &site) {
                Ok(post) => parsed.push((name, post)),
                Err(mut e) => errors.append(&mut e),
            },
            Err(e) => errors.push(e),
        }
    }

    // Every post file counts as a link target, even one with mistakes, so one
    // error is not reported again as broken links elsewhere.
    let slugs: Vec<String> = files
        .iter()
        .filter_map(|f| f.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    let slug_refs: Vec<&str> = slugs.iter().map(String::as_str).collect();

    let timeline_file = content_dir.join("timeline.toml");
    let timeline_name = timeline_file.display().to_string();
    let timeline = match read_source(&timeline_file) {
        Ok(src) => match load_timeline(&timeline_name, &src, &slug_refs) {
            Ok(parsed) => Some(parsed),
            Err(mut e) => {
                errors.append(&mut e);
                None
            }
        },
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let mut pages = Vec::new();
    let mut page_links = Vec::new();
    let pages_dir = content_dir.join("pages");
    for file in markdown_files(&pages_dir, &mut errors).map_err(|e| vec![e])? {
        let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned());
        if !stem.as_deref().is_some_and(|s| PAGES.contains(&s)) {
            errors.push(SourceError {
                file: file.display().to_string(),
                line: None,
                field: None,
                message: format!(
                    "the site has no page of this name; its pages are {}",
                    PAGES.join(", ")
                ),
            });
        }
    }
    for slug in PAGES {
        let file = pages_dir.join(format!("{slug}.md"));
        let name = file.display().to_string();
        match read_source(&file) {
            Ok(src) => match parse_page(&name, slug, &src) {
                Ok(parsed) => {
                    page_links.extend(
                        parsed
                            .internal_links
                            .into_iter()
                            .map(|(line, href)| (name.clone(), line, href)),
                    );
                    pages.push(parsed.page);
                }
                Err(mut e) => errors.append(&mut e),
            },
            Err(e) => errors.push(e),
        }
    }

    let members_file = content_dir.join("members.toml");
    let members = match read_source(&members_file) {
        Ok(src) => match load_members(&members_file.display().to_string(), &src) {
            Ok(members) => Some(members),
            Err(mut e) => {
                errors.append(&mut e);
                None
            }
        },
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let milestone_ids: Vec<&str> = timeline
        .iter()
        .flat_map(|t| t.timeline.milestones.iter().map(|m| m.id.as_str()))
        .collect();

    let mut links: Vec<(&str, usize, &str, &str)> = Vec::new();
    for (name, post) in &parsed {
        links.extend(
            post.internal_links
                .iter()
                .map(|(line, href)| (name.as_str(), *line, "body", href.as_str())),
        );
    }
    links.extend(
        page_links
            .iter()
            .map(|(file, line, href)| (file.as_str(), *line, "body", href.as_str())),
    );
    if let Some(parsed) = &timeline {
        links.extend(
            parsed
                .internal_links
                .iter()
                .map(|(line, href)| (timeline_name.as_str(), *line, "description", href.as_str())),
        );
    }
    for (file, line, field, href) in links {
        let problem = if !internal_link_exists(href, &slug_refs) {
            Some(format!(
                "link \"{href}\" leads to no page or post on this site"
            ))
        } else {
            // With a broken timeline its ids are unknown: report that once, not here.
            timeline_fragment(href)
                .filter(|id| timeline.is_some() && !milestone_ids.contains(id))
                .map(|id| format!("link \"{href}\": the timeline has no milestone \"{id}\""))
        };
        if let Some(message) = problem {
            errors.push(SourceError {
                file: file.to_string(),
                line: Some(line),
                field: Some(field.into()),
                message,
            });
        }
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        return Err(errors);
    }
    let (Some(timeline), Some(members)) = (timeline, members) else {
        return Err(errors);
    };
    let mut posts: Vec<Post> = parsed.into_iter().map(|(_, p)| p.post).collect();
    order_and_link(&mut posts);
    Ok(Publication {
        site,
        posts,
        timeline: timeline.timeline,
        members,
        pages,
    })
}

/// The milestone id in a `/timeline#id` link, if it has one.
fn timeline_fragment(href: &str) -> Option<&str> {
    href.strip_prefix("/timeline")
        .and_then(|rest| rest.rsplit_once('#'))
        .map(|(_, id)| id)
        .filter(|id| !id.is_empty())
}

/// Writes JSON, laid out for reading when `pretty`; a value that cannot be written
/// stops the build with the file named, never leaving an empty file behind.
fn write_json<T: Serialize>(path: &Path, value: &T, pretty: bool) -> Result<(), SourceError> {
    let json = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .map_err(|e| SourceError {
        file: path.display().to_string(),
        line: None,
        field: None,
        message: e.to_string(),
    })?;
    write(path, json.as_bytes())
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), SourceError> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    }
    fs::write(path, bytes).map_err(|e| io_error(path, e))
}

/// The Netlify and Cloudflare Pages rule: every route has its own page, so any other path is not found.
pub const REDIRECTS: &str =
    "# Every route has its own page; any other path is not found.\n/*    /404.html    404\n";

/// Writes the publication's JSON and host files into `out`, returning the files written.
pub fn write_all(publication: &Publication, out: &Path) -> Result<Vec<PathBuf>, SourceError> {
    let posts_dir = out.join("content").join("posts");
    let mut written = vec![
        out.join("content").join("site.json"),
        posts_dir.join("index.json"),
        out.join("content").join("timeline.json"),
        out.join("content").join("members.json"),
    ];
    write_json(&written[0], &publication.site, false)?;
    // Every post's metadata: the search index, fetched only when a reader searches, and
    // kept at this address for anything that read it before lists had pages.
    let index = PostIndex::from_posts(&publication.posts);
    write_json(&written[1], &index, false)?;
    write_json(&written[2], &publication.timeline, false)?;
    write_json(&written[3], &publication.members, false)?;
    for page in &publication.pages {
        let path = out
            .join("content")
            .join("pages")
            .join(format!("{}.json", page.slug));
        write_json(&path, page, false)?;
        written.push(path);
    }
    for post in &publication.posts {
        let path = posts_dir.join(format!("{}.json", post.meta.slug));
        write_json(&path, post, false)?;
        written.push(path);
    }
    // What a page shows, and no more: the home page's latest posts, and each page of
    // each list, so neither grows with the archive.
    let latest = PostIndex {
        posts: index.posts.iter().take(LATEST_POSTS).cloned().collect(),
    };
    let latest_path = posts_dir.join("latest.json");
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
            let path = out.join(list_page_url(category, page).trim_start_matches('/'));
            write_json(&path, &list, false)?;
            written.push(path);
        }
    }
    let paths = pages::paths(publication).map_err(|message| SourceError {
        file: "src/lib.rs (the app's route table)".into(),
        line: None,
        field: None,
        message,
    })?;
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
    let redirects = out.join("_redirects");
    write(&redirects, REDIRECTS.as_bytes())?;
    written.push(redirects);
    Ok(written)
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
pub fn build_date(set: Option<String>) -> Result<PartialDate, SourceError> {
    let problem = |message: String| SourceError {
        file: "BUILD_DATE".into(),
        line: None,
        field: None,
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

/// Writes a page for every route and post from the built `index.html`, each the app's
/// own view rendered from the published JSON (written by `build` into `out`), so each
/// reads without JavaScript and previews well; `404.html` serves any other path.
pub fn finish(content_dir: &Path, out: &Path, build: Build) -> Result<usize, Vec<SourceError>> {
    let publication = read(content_dir)?;
    let built = build_date(std::env::var("BUILD_DATE").ok()).map_err(|e| vec![e])?;
    let index = out.join("index.html");
    let template = fs::read_to_string(&index).map_err(|e| vec![io_error(&index, e)])?;
    // A problem with Trunk's page is reported against that file.
    let in_index = |message: String| {
        vec![SourceError {
            file: index.display().to_string(),
            line: None,
            field: None,
            message,
        }]
    };
    let template = boot::start_after_first_paint(&template).map_err(in_index)?;
    let hashes = headers::inline_script_hashes(&template);
    let endpoint = publication.site.signup.endpoint.as_deref();
    let template = if build == Build::Release {
        let meta_csp = headers::content_security_policy(&hashes, endpoint, true);
        template.replacen(
            "<meta charset=\"utf-8\" />",
            &format!(
                "<meta charset=\"utf-8\" />\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
                content::html::escape(&meta_csp)
            ),
            1,
        )
    } else {
        template
    };
    let hashed: Vec<String> = fs::read_dir(out)
        .map_err(|e| vec![io_error(out, e)])?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| headers::is_content_hashed(name))
        .collect();
    let csp = headers::content_security_policy(&hashes, endpoint, false);
    write(
        &out.join("_headers"),
        headers::headers_file(&csp, &hashed).as_bytes(),
    )
    .map_err(|e| vec![e])?;
    let pages = pages::render_all(&publication, out, built).map_err(|problems| {
        problems
            .into_iter()
            .map(|message| SourceError {
                file: out.display().to_string(),
                line: None,
                field: None,
                message,
            })
            .collect::<Vec<_>>()
    })?;
    for page in &pages {
        let html = pages::fill(&template, &publication.site, page, built).map_err(in_index)?;
        let path = match page.path.as_str() {
            "/" => out.join("index.html"),
            pages::NOT_FOUND_PATH => out.join("404.html"),
            other => out.join(other.trim_start_matches('/')).join("index.html"),
        };
        write(&path, html.as_bytes()).map_err(|e| vec![e])?;
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
