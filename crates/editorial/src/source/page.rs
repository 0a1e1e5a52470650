//! `content/pages/<slug>.md`: a standalone page (privacy notice, accessibility statement).

use super::{markdown_errors, site_links, split_or_refuse, SiteLink, SourceError, TomlText};
use crate::markdown::to_document;
use serde::Deserialize;

/// The front matter of a standalone page; the CMS's page form is made from its schema.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PageFrontMatter {
    /// The page's heading.
    #[schemars(title = "Title")]
    title: String,
    /// A sentence saying what the page is for.
    #[schemars(title = "Summary", extend("x-widget" = "text"))]
    summary: String,
    /// When it was last changed: a day, a month (2026-11) or a year.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    #[schemars(title = "Updated", with = "Option<content::date::PartialDate>")]
    updated: Option<toml::Value>,
}

/// A page checked on its own, with the site links it makes.
#[derive(Debug)]
pub struct ParsedPage {
    /// The page as it will be published.
    pub page: content::post::Page,
    /// Every site-relative link in the body.
    pub links: Vec<SiteLink>,
    /// The file it came from.
    pub file: String,
}

/// Reads and checks a standalone page, `content/pages/<slug>.md`.
pub fn parse_page(file: &str, slug: &str, src: &str) -> Result<ParsedPage, Vec<SourceError>> {
    let split = split_or_refuse(file, src, "page")?;
    let front = TomlText::new(file, split.front, 2);
    let matter: PageFrontMatter = front.parse().map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    if let Some(why) = content::post::title_problem(&matter.title) {
        errors.push(front.error("title", why));
    }
    if matter.summary.trim().is_empty() {
        errors.push(front.error("summary", "must not be empty"));
    }
    let updated = matter
        .updated
        .as_ref()
        .and_then(|value| front.date("updated", value, &mut errors));
    let converted = to_document(split.body);
    errors.extend(markdown_errors(
        file,
        converted.problems,
        split.body_line,
        "body",
    ));
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ParsedPage {
        page: content::post::Page {
            slug: slug.to_string(),
            title: matter.title,
            summary: matter.summary.trim().to_string(),
            updated,
            body: converted.blocks,
        },
        links: site_links(
            &converted.internal_links,
            &converted.pictures,
            split.body_line,
            "body",
        ),
        file: file.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_page_and_locates_mistakes() {
        let src = "+++\ntitle = \"Privacy notice\"\nsummary = \"How we use your data.\"\nupdated = \"2026-11\"\n+++\n\n## Who we are\n\nSee [join](/join).\n";
        let parsed = parse_page("p.md", "privacy", src).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(parsed.page.title, "Privacy notice");
        assert_eq!(parsed.links[0].line, 9);
        assert_eq!(parsed.links[0].href, "/join");
        let bad = src
            .replace("(/join)", "(javascript:x)")
            .replace("\"Privacy notice\"", "\"\"");
        let errors = parse_page("p.md", "privacy", &bad)
            .err()
            .unwrap_or_default();
        let located: Vec<(Option<usize>, Option<&str>)> = errors
            .iter()
            .map(|e| (e.line, e.field.as_deref()))
            .collect();
        assert_eq!(
            located,
            vec![(Some(2), Some("title")), (Some(9), Some("body"))]
        );
    }
}
