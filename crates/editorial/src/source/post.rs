//! `content/posts/<slug>.md`: a blog post, TOML front matter then Markdown.

use super::{
    markdown_errors, site_links, split_or_refuse, Origin, SiteLink, SourceError, TomlText,
};
use crate::markdown::to_document;
use crate::rules::Validate;
use content::picture::PostImage;
use content::post::{Post, PostMeta};
use serde::Deserialize;

/// The front matter editors write between `+++` lines at the top of a post. Its
/// schema, with these comments as the hints, is what the CMS's post form is made from.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
    /// The headline, in plain words.
    #[schemars(title = "Title")]
    title: String,
    /// The day it is published.
    #[schemars(title = "Date", with = "super::Day")]
    date: toml::Value,
    /// The day it was last changed, if it has been.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    #[schemars(title = "Updated", with = "Option<content::date::PartialDate>")]
    updated: Option<toml::Value>,
    /// One of the site's categories.
    #[schemars(title = "Category")]
    category: String,
    /// Words that search should also find.
    #[serde(default)]
    #[schemars(title = "Tags")]
    tags: Vec<String>,
    /// Who wrote it, or a label such as "Update from RCSLT".
    #[schemars(title = "Author")]
    author: String,
    /// A sentence or two for the blog list and link previews.
    #[schemars(title = "Summary", extend("x-widget" = "text"))]
    summary: String,
    /// A picture at the top, with words for readers who cannot see it.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    #[schemars(title = "Image")]
    image: Option<PostImage>,
    /// A short plain-English summary, shown first under "In short".
    #[serde(default, deserialize_with = "super::blank_is_none")]
    #[schemars(title = "In short", extend("x-widget" = "text"))]
    in_short: Option<String>,
    /// An https link to a British Sign Language version of the post.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    #[schemars(title = "British Sign Language video")]
    bsl_video: Option<String>,
}

/// A post checked on its own, with what the library needs to check it against the rest.
#[derive(Debug)]
pub struct ParsedPost {
    /// The post as it will be published.
    pub post: Post,
    /// Every site-relative link in the body.
    pub links: Vec<SiteLink>,
    /// Its front matter, to place errors about its fields.
    pub origin: Origin,
}

/// Reads and checks one post, `content/posts/<slug>.md`, whose slug is its file name.
pub fn parse_post(file: &str, slug: &str, src: &str) -> Result<ParsedPost, Vec<SourceError>> {
    let split = split_or_refuse(file, src, "post")?;
    let front = TomlText::new(file, split.front, 2);
    let matter: FrontMatter = front.parse().map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let date = front.date("date", &matter.date, &mut errors);
    let updated = matter
        .updated
        .as_ref()
        .and_then(|v| front.date("updated", v, &mut errors));
    let converted = to_document(split.body);
    errors.extend(markdown_errors(
        file,
        converted.problems,
        split.body_line,
        "body",
    ));
    let Some(date) = date else {
        return Err(errors);
    };
    let meta = PostMeta {
        slug: slug.to_string(),
        title: matter.title,
        date,
        updated,
        category: matter.category,
        tags: matter.tags,
        author: matter.author,
        summary: matter.summary.trim().to_string(),
        image: matter.image,
        reading_minutes: content::doc::reading_minutes(&converted.blocks),
        in_short: matter.in_short.map(|s| s.trim().to_string()),
        bsl_video: matter.bsl_video,
    };
    for problem in meta.validate() {
        if problem.field == "slug" {
            errors.push(SourceError {
                field: Some("slug".into()),
                ..SourceError::file(
                    file,
                    format!("{} (the slug is the file name)", problem.message),
                )
            });
        } else {
            errors.extend(front.locate(vec![problem]));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ParsedPost {
        post: Post {
            meta,
            body: converted.blocks,
            older: None,
            newer: None,
        },
        links: site_links(
            &converted.internal_links,
            &converted.pictures,
            split.body_line,
            "body",
        ),
        origin: Origin::new(file, split.front, 2),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) const POST: &str = "+++\ntitle = \"A post\"\ndate = 2023-11-02\ncategory = \"news\"\nauthor = \"Update from RCSLT\"\nsummary = \"What happened.\"\ntags = [\"anniversary\"]\n+++\n\n# Progress\n\nSee [the plan](/blog/other) and [home](/).\n";

    #[test]
    fn parses_a_post_with_line_numbers_for_links() {
        let parsed = parse_post("p.md", "a-post", POST).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(parsed.post.meta.date.long(), "2 November 2023");
        assert_eq!(parsed.post.meta.tags, ["anniversary"]);
        let links: Vec<(usize, &str)> = parsed
            .links
            .iter()
            .map(|l| (l.line, l.href.as_str()))
            .collect();
        assert_eq!(links, [(12, "/blog/other"), (12, "/")]);
        assert_eq!(
            parsed.origin.error("category", "x").to_string(),
            "p.md:4:1: field `category`: x",
            "a rule across files can place its error at the field"
        );
    }

    #[test]
    fn bad_posts_fail_with_path_line_column_and_field() {
        let cases = [
            (POST.replace("2023-11-02", "\"2023-02-30\""), "3:1", "date"),
            (
                POST.replace("(/blog/other)", "(javascript:alert(1))"),
                "12",
                "body",
            ),
            (
                POST.replace("author = \"Update from RCSLT\"", "author = \"\""),
                "5:1",
                "author",
            ),
            (
                POST.replace("tags = [\"anniversary\"]", "tags = [\"a\", \" \"]"),
                "7:14",
                "tags[1]",
            ),
        ];
        for (src, place, field) in cases {
            let errors = parse_post("content/posts/a-post.md", "a-post", &src)
                .err()
                .unwrap_or_default();
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert!(
                errors[0]
                    .to_string()
                    .starts_with(&format!("content/posts/a-post.md:{place}: field `{field}`")),
                "expected {place} {field}, got {errors:?}"
            );
        }
    }

    #[test]
    fn front_matter_mistakes_are_located() {
        let typo = POST.replace("summary =", "sumary =");
        let errors = parse_post("p.md", "a-post", &typo)
            .err()
            .unwrap_or_default();
        assert_eq!(errors[0].line, Some(6), "{errors:?}");
        assert!(errors[0].message.contains("sumary"));
        let no_front = parse_post("p.md", "a-post", "# Just a body\n")
            .err()
            .unwrap_or_default();
        assert_eq!(no_front[0].line, Some(1));
        let bad_slug = parse_post("p.md", "Bad_Slug", POST)
            .err()
            .unwrap_or_default();
        assert_eq!(bad_slug[0].field.as_deref(), Some("slug"));
    }
}
