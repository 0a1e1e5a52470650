//! The build step: reads the editors' `content/`, checks every rule, and writes
//! the JSON the app fetches plus the files static hosts need. Nothing is
//! written unless everything is valid.

use content::date::PartialDate;
use content::members::Members;
use content::post::{internal_link_exists, Page, Post, PostIndex, PAGES};
use content::site::SiteConfig;
use content::source::{
    load_members, load_site, load_timeline, parse_page, parse_post, SourceError,
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

/// Reads and checks every source under `content_dir`, reporting every mistake at once.
pub fn read(content_dir: &Path) -> Result<Publication, Vec<SourceError>> {
    let site_file = content_dir.join("site.toml");
    let site_src = fs::read_to_string(&site_file).map_err(|e| vec![io_error(&site_file, e)])?;
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

    let posts_dir = content_dir.join("posts");
    let mut files: Vec<PathBuf> = fs::read_dir(&posts_dir)
        .map_err(|e| vec![io_error(&posts_dir, e)])?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();

    let mut errors = Vec::new();
    let mut parsed = Vec::new();
    for file in &files {
        let name = file.display().to_string();
        let slug = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match fs::read_to_string(file) {
            Ok(src) => match parse_post(&name, &slug, &src, &site) {
                Ok(post) => parsed.push((name, post)),
                Err(mut e) => errors.append(&mut e),
            },
            Err(e) => errors.push(io_error(file, e)),
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
    let timeline = match fs::read_to_string(&timeline_file) {
        Ok(src) => match load_timeline(&timeline_name, &src, &slug_refs) {
            Ok(parsed) => Some(parsed),
            Err(mut e) => {
                errors.append(&mut e);
                None
            }
        },
        Err(e) => {
            errors.push(io_error(&timeline_file, e));
            None
        }
    };
    let mut pages = Vec::new();
    let mut page_links = Vec::new();
    for slug in PAGES {
        let file = content_dir.join("pages").join(format!("{slug}.md"));
        let name = file.display().to_string();
        match fs::read_to_string(&file) {
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
            Err(e) => errors.push(io_error(&file, e)),
        }
    }

    let members_file = content_dir.join("members.toml");
    let members = match fs::read_to_string(&members_file) {
        Ok(src) => match load_members(&members_file.display().to_string(), &src) {
            Ok(members) => Some(members),
            Err(mut e) => {
                errors.append(&mut e);
                None
            }
        },
        Err(e) => {
            errors.push(io_error(&members_file, e));
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
    posts.sort_by(|a, b| {
        b.meta
            .date
            .cmp(&a.meta.date)
            .then_with(|| a.meta.title.cmp(&b.meta.title))
    });
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

fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<(), SourceError> {
    let json = serde_json::to_string(value).map_err(|e| SourceError {
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
    write_json(&written[0], &publication.site)?;
    write_json(&written[1], &PostIndex::from_posts(&publication.posts))?;
    write_json(&written[2], &publication.timeline)?;
    write_json(&written[3], &publication.members)?;
    for page in &publication.pages {
        let path = out
            .join("content")
            .join("pages")
            .join(format!("{}.json", page.slug));
        write_json(&path, page)?;
        written.push(path);
    }
    for post in &publication.posts {
        let path = posts_dir.join(format!("{}.json", post.meta.slug));
        write_json(&path, post)?;
        written.push(path);
    }
    let paths = pages::paths(publication).map_err(|message| SourceError {
        file: "src/lib.rs (the app's route table)".into(),
        line: None,
        field: None,
        message,
    })?;
    let feeds = [
        ("feed.xml", feeds::atom(publication)),
        (
            "feed.json",
            serde_json::to_string_pretty(&feeds::json_feed(publication)).unwrap_or_default(),
        ),
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
        write(&path, schema.as_bytes())?;
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
pub fn schemas() -> Vec<(&'static str, String)> {
    use content::{members, post, site, timeline};
    let pretty =
        |schema: schemars::Schema| serde_json::to_string_pretty(&schema).unwrap_or_default();
    vec![
        (
            "site.schema.json",
            pretty(schemars::schema_for!(site::SiteConfig)),
        ),
        (
            "post-index.schema.json",
            pretty(schemars::schema_for!(post::PostIndex)),
        ),
        (
            "post.schema.json",
            pretty(schemars::schema_for!(post::Post)),
        ),
        (
            "page.schema.json",
            pretty(schemars::schema_for!(post::Page)),
        ),
        (
            "timeline.schema.json",
            pretty(schemars::schema_for!(timeline::Timeline)),
        ),
        (
            "members.schema.json",
            pretty(schemars::schema_for!(members::Members)),
        ),
    ]
}
