//! `publish finish`: a page for every route and post, the app's own views rendered from
//! what `build` published, read back through the app's readers.

use crate::address::{published_file, write, NOT_FOUND_PATH, SHARE_SIZE};
use crate::cards::{self, Card};
use crate::pages::ShareImage;
use crate::pictures;
use crate::{boot, cms, headers, pages, Error};
use content::address;
use content::date::PartialDate;
use content::post::{post_path, PostIndex, PostMeta};
use content::site::{PublishedSite, SiteConfig};
use rayon::prelude::*;
use std::fs;
use std::path::Path;

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

/// A file `build` published into `out`, read back through the app's own readers.
fn read_back<T: serde::de::DeserializeOwned>(out: &Path, address: &str) -> Result<T, Error> {
    let path = published_file(out, address);
    let text = fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    serde_json::from_str(&text).map_err(|e| {
        Error::output(
            &path,
            format!("the build's own file cannot be read back: {e}"),
        )
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
    cache: &Path,
) -> Result<usize, Error> {
    // The sources were read and checked once, by `build`: what it published is read
    // back, the settings and the index here, and the rest by each page's view.
    let site = read_back::<PublishedSite>(out, address::SITE)?.0;
    let published: PostIndex = read_back(out, address::POST_INDEX)?;
    let index = out.join("index.html");
    let template = fs::read_to_string(&index).map_err(|e| Error::io(&index, e))?;
    // A problem with Trunk's page is reported against that file.
    let in_index = |message: String| Error::output(&index, message);
    let template = boot::start_after_first_paint(&template).map_err(in_index)?;
    let hashes = headers::inline_script_hashes(&template);
    let signup = &site.signup;
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
    let mut hashed = Vec::new();
    for entry in fs::read_dir(out).map_err(|e| Error::io(out, e))? {
        let name = entry.map_err(|e| Error::io(out, e))?.file_name();
        let name = name.to_string_lossy().into_owned();
        if headers::is_content_hashed(&name) {
            hashed.push(name);
        }
    }
    let csp = headers::content_security_policy(&hashes, signup, false);
    write(
        &out.join("_headers"),
        headers::headers_file(&csp, &hashed, &cms::admin_policy(backend)).as_bytes(),
    )?;
    let filled = pages::Filled {
        site: &site,
        posts: &published.posts,
    };
    let pages = pages::render_all(filled, out, built).map_err(Error::Pages)?;
    // Drawing a card takes a moment: every core draws them.
    let shares: Vec<Result<ShareImage, Error>> = pages
        .par_iter()
        .map(|page| share_image(&site, &published.posts, page, out, cache))
        .collect();
    for (page, share) in pages.iter().zip(shares) {
        let share = share?;
        let html = pages::fill(&template, &site, page, built, &share).map_err(in_index)?;
        let path = match page.path.as_str() {
            "/" => out.join("index.html"),
            NOT_FOUND_PATH => out.join("404.html"),
            other => out.join(other.trim_start_matches('/')).join("index.html"),
        };
        write(&path, html.as_bytes())?;
    }
    Ok(pages.len())
}

/// What a link to `page` shows in a preview: a post's lead picture, cropped to the
/// share size by the build, or else a card drawn from the page's title (a post's with
/// its category), published into `out`.
fn share_image(
    site: &SiteConfig,
    posts: &[PostMeta],
    page: &pages::BuiltPage,
    out: &Path,
    cache: &Path,
) -> Result<ShareImage, Error> {
    let (width, height) = SHARE_SIZE;
    if let Some((_, Some(image))) = &page.facts.article {
        if let Some(src) = image.renditions.as_ref().and_then(pictures::share_crop) {
            return Ok(ShareImage {
                src,
                width,
                height,
                alt: image.alt.clone(),
                mime: "image/jpeg",
            });
        }
    }
    let post = posts.iter().find(|p| post_path(&p.slug) == page.path);
    // The home page's title is the coalition's name, which the card already shows at
    // its foot: its tagline stands in the title's place.
    let title = [&page.facts.title, &site.tagline]
        .into_iter()
        .find(|t| !t.trim().is_empty() && **t != site.name)
        .unwrap_or(&site.name)
        .clone();
    let card = Card {
        title,
        kicker: post
            .and_then(|p| site.category(&p.category))
            .map(|c| c.name.clone()),
        site: site.name.clone(),
    };
    Ok(ShareImage {
        src: cards::publish(&card, out, cache)?,
        width,
        height,
        alt: card.alt(),
        mime: "image/png",
    })
}
