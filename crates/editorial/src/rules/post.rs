//! A post's rules that need no other file (its category is checked against the site
//! settings by the library), and what an internal link may name.

use super::{Problem, Validate};
use content::date::Precision;
use content::link::{classify, internal_path, LinkKind};
use content::post::{title_problem, PostMeta, SUMMARY_MAX_CHARS};
use content::text::is_slug;

/// Checks a post's metadata against the rules that need no other file (its
/// category is checked against `site.toml` by the library).
impl Validate for PostMeta {
    fn validate(&self) -> Vec<Problem> {
        let meta = self;
        let mut problems = Vec::new();
        if !is_slug(&meta.slug) {
            problems.push(Problem::new(
                "slug",
                format!(
                    "\"{}\" must use only lower-case letters, digits and single hyphens",
                    meta.slug
                ),
            ));
        }
        if let Some(why) = title_problem(&meta.title) {
            problems.push(Problem::new("title", why));
        }
        if meta.date.precision() != Precision::Day {
            problems.push(Problem::new(
                "date",
                "a post's date must be a full day, YYYY-MM-DD",
            ));
        }
        if let Some(updated) = meta.updated {
            if updated < meta.date {
                problems.push(Problem::new(
                    "updated",
                    "must not be before the post's date",
                ));
            }
        }
        if meta.author.trim().is_empty() {
            problems.push(Problem::new("author", "must not be empty"));
        }
        let summary_len = meta.summary.chars().count();
        if meta.summary.trim().is_empty() {
            problems.push(Problem::new("summary", "must not be empty"));
        } else if summary_len > SUMMARY_MAX_CHARS {
            problems.push(Problem::new(
                "summary",
                format!("is {summary_len} characters; keep it to {SUMMARY_MAX_CHARS}"),
            ));
        }
        for (i, tag) in meta.tags.iter().enumerate() {
            if tag.trim().is_empty() {
                problems.push(Problem::new(format!("tags[{i}]"), "must not be empty"));
            }
        }
        if let Some(in_short) = &meta.in_short {
            if in_short.trim().is_empty() {
                problems.push(Problem::new(
                    "in_short",
                    "leave it out or write a short plain-English summary",
                ));
            } else if in_short.chars().count() > 600 {
                problems.push(Problem::new(
                    "in_short",
                    "keep \"In short\" to 600 characters",
                ));
            }
        }
        if let Some(url) = &meta.bsl_video {
            if !url.starts_with("https://") || classify(url) != Some(LinkKind::External) {
                problems.push(Problem::new(
                    "bsl_video",
                    format!("\"{url}\" must be an https:// address"),
                ));
            }
        }
        if let Some(image) = &meta.image {
            if image.alt.trim().is_empty() && !image.src.trim().is_empty() {
                problems.push(Problem::new(
                "image.alt",
                "the picture needs a description: say in a sentence what it shows, for readers who cannot see it",
            ));
            }
            if image.src.trim().is_empty() {
                problems.push(Problem::new(
                    "image.src",
                    "choose the picture, or clear its description to have no picture",
                ));
            } else if !matches!(
                classify(&image.src),
                Some(LinkKind::Internal | LinkKind::External)
            ) {
                problems.push(Problem::new(
                    "image.src",
                    format!(
                        "\"{}\" must be a site path or an http(s) address",
                        image.src
                    ),
                ));
            }
        }
        problems
    }
}

/// True when a site-relative link names one of `routes` (the app's routes without
/// parameters, from its one route table) or a published post.
pub fn internal_link_exists(href: &str, routes: &[String], slugs: &[&str]) -> bool {
    let path = internal_path(href);
    routes.iter().any(|route| route == path)
        || path
            .strip_prefix("/blog/")
            .is_some_and(|slug| slugs.contains(&slug))
}

#[cfg(test)]
mod tests {
    use super::*;
    use content::date::PartialDate;
    use content::picture::PostImage;
    use content::samples::post_meta as meta;

    fn fields(meta: &PostMeta) -> Vec<String> {
        meta.validate().into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn good_meta_passes() {
        assert!(fields(&meta("a-post", "2023-11-02")).is_empty());
    }

    #[test]
    fn each_rule_names_its_field() {
        let mut m = meta("Bad Slug", "2023-11");
        m.summary = "x".repeat(SUMMARY_MAX_CHARS + 1);
        m.updated = PartialDate::parse("2023-01-01").ok();
        m.image = Some(PostImage {
            src: "javascript:alert(1)".into(),
            alt: " ".into(),
            renditions: None,
        });
        m.in_short = Some(" ".into());
        m.bsl_video = Some("http://video.example".into());
        assert_eq!(
            fields(&m),
            [
                "slug",
                "date",
                "updated",
                "summary",
                "in_short",
                "bsl_video",
                "image.alt",
                "image.src"
            ]
        );
    }

    #[test]
    fn a_title_past_the_limit_is_refused_naming_the_field() {
        let mut m = meta("a-post", "2023-11-02");
        m.title = "x".repeat(200);
        assert!(fields(&m).is_empty(), "200 characters is fine");
        m.title = format!("A title {}", "x".repeat(16_000));
        let problems = m.validate();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field, "title");
        assert!(
            problems[0].message.contains("16008 characters") && problems[0].message.contains("200"),
            "{problems:?}"
        );
    }

    #[test]
    fn internal_links_must_exist() {
        let routes = ["/".to_string(), "/timeline".to_string()];
        assert!(internal_link_exists("/timeline#launch", &routes, &[]));
        assert!(internal_link_exists("/", &routes, &[]));
        assert!(internal_link_exists("/blog/a", &routes, &["a"]));
        assert!(!internal_link_exists("/blog/missing", &routes, &["a"]));
        assert!(!internal_link_exists("/nowhere", &routes, &["a"]));
    }
}
