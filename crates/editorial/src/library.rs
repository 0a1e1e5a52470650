//! The library: the whole of the content once every file has been read and checked
//! on its own (by [`crate::source`]), and the one place for every rule that needs
//! more than one file: a post's category from `site.toml`, the post a milestone
//! names, every site link (to a route, a post, or a milestone on the timeline), and
//! every picture (one the site was given).

use crate::rules::internal_link_exists;
use crate::source::{ParsedPage, ParsedPost, ParsedTimeline, SiteLink, SourceError};
use content::members::Members;
use content::post::{order_and_link, Page, Post};
use content::site::SiteConfig;
use content::timeline::Timeline;

/// Every file read, each checked on its own; what the rules across files are applied to.
#[derive(Debug)]
pub struct Shelf {
    /// The checked site settings.
    pub site: SiteConfig,
    /// The slug of every post file, even one with mistakes of its own, so that one
    /// mistake is not reported again as broken links in other files.
    pub post_files: Vec<String>,
    /// The posts that passed their own checks.
    pub posts: Vec<ParsedPost>,
    /// The standalone pages that passed their own checks.
    pub pages: Vec<ParsedPage>,
    /// The timeline, when it passed its own checks.
    pub timeline: Option<ParsedTimeline>,
    /// The members directory, when it passed its own checks.
    pub members: Option<Members>,
    /// The site path (`/images/…`) of every picture the site serves, so that a post
    /// cannot name one that was never uploaded or has since been deleted.
    pub pictures: Vec<String>,
    /// The app's routes without parameters (`/`, `/timeline`), read from its one route
    /// table, which an internal link may name besides a post.
    pub routes: Vec<String>,
}

impl Shelf {
    /// True when `src` is a picture uploaded to the site: the build makes it light for a
    /// phone, and no reader's browser is sent to another site for it.
    fn has_picture(&self, src: &str) -> bool {
        let path = content::link::internal_path(src);
        src.starts_with('/') && self.pictures.iter().any(|p| p == path)
    }
}

/// The checked content, held in memory until all of it is valid, from which every
/// published file is written.
#[derive(Debug)]
pub struct Library {
    /// The checked site settings.
    pub site: SiteConfig,
    /// Every post, newest first, each linked to its neighbours.
    pub posts: Vec<Post>,
    /// The checked timeline.
    pub timeline: Timeline,
    /// The members directory, A to Z.
    pub members: Members,
    /// The standalone pages: privacy notice, accessibility statement.
    pub pages: Vec<Page>,
}

impl Library {
    /// Applies the rules across files to `shelf`. `errors` are the files' own mistakes:
    /// all are reported together, in file and line order, so an editor sees every
    /// problem in one build.
    pub fn assemble(shelf: Shelf, mut errors: Vec<SourceError>) -> Result<Self, Vec<SourceError>> {
        errors.extend(across_files(&shelf));
        if !errors.is_empty() {
            errors.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
            return Err(errors);
        }
        let Shelf {
            site,
            posts,
            pages,
            timeline,
            members,
            ..
        } = shelf;
        let (Some(timeline), Some(members)) = (timeline, members) else {
            return Err(vec![SourceError::file(
                "content",
                "the timeline or members file was not read; the build is incomplete",
            )]);
        };
        let mut posts: Vec<Post> = posts.into_iter().map(|p| p.post).collect();
        order_and_link(&mut posts);
        let mut timeline = timeline.timeline;
        timeline.sort_by_date();
        Ok(Self {
            site,
            posts,
            timeline,
            members,
            pages: pages.into_iter().map(|p| p.page).collect(),
        })
    }
}

/// Why a picture an editor named cannot be shown, in words that say what to do.
fn not_a_picture(src: &str) -> String {
    format!("the picture \"{src}\" is not among the site's pictures: upload it in the content manager, or choose another")
}

/// The milestone id in a `/timeline#id` link, if it has one.
fn timeline_fragment(href: &str) -> Option<&str> {
    href.strip_prefix("/timeline")
        .and_then(|rest| rest.rsplit_once('#'))
        .map(|(_, id)| id)
        .filter(|id| !id.is_empty())
}

/// Every mistake that only shows when files are read together.
fn across_files(shelf: &Shelf) -> Vec<SourceError> {
    let mut errors = Vec::new();
    let slugs: Vec<&str> = shelf.post_files.iter().map(String::as_str).collect();
    for parsed in &shelf.posts {
        let category = &parsed.post.meta.category;
        if shelf.site.category(category).is_none() {
            let known: Vec<&str> = shelf
                .site
                .categories
                .iter()
                .map(|c| c.slug.as_str())
                .collect();
            errors.push(parsed.origin.error(
                "category",
                format!(
                    "\"{category}\" is not a category in site.toml; use one of: {}",
                    known.join(", ")
                ),
            ));
        }
    }
    for parsed in &shelf.posts {
        let Some(image) = &parsed.post.meta.image else {
            continue;
        };
        // Only an uploaded picture: the build makes it light for a phone and its share
        // crop, and no reader's browser is sent to another site for it.
        if !shelf.has_picture(&image.src) {
            errors.push(parsed.origin.error("image.src", not_a_picture(&image.src)));
        }
    }
    if let Some(parsed) = &shelf.timeline {
        for (i, milestone) in parsed.timeline.milestones.iter().enumerate() {
            if let Some(post) = milestone.post.as_deref().filter(|p| !slugs.contains(p)) {
                errors.push(parsed.origin.error(
                    &format!("milestones[{i}].post"),
                    format!(
                        "the milestone \"{}\" links to the post \"{post}\", which does not exist: \
                         if it was deleted or renamed, choose another post for the milestone or clear its post",
                        milestone.title
                    ),
                ));
            }
        }
    }
    let milestone_ids: Vec<&str> = shelf
        .timeline
        .iter()
        .flat_map(|t| t.timeline.milestones.iter().map(|m| m.id.as_str()))
        .collect();
    let links = shelf
        .posts
        .iter()
        .map(|p| (p.origin.file.as_str(), &p.links))
        .chain(shelf.pages.iter().map(|p| (p.file.as_str(), &p.links)))
        .chain(
            shelf
                .timeline
                .iter()
                .map(|t| (t.origin.file.as_str(), &t.links)),
        );
    for (file, links) in links {
        for SiteLink {
            line,
            field,
            href,
            picture,
        } in links
        {
            let problem = if *picture {
                // The same rule as a lead picture's, for the same reasons.
                (!shelf.has_picture(href)).then(|| not_a_picture(href))
            } else if !internal_link_exists(href, &shelf.routes, &slugs) {
                Some(format!(
                    "link \"{href}\" leads to no page or post on this site"
                ))
            } else {
                // With a broken timeline its ids are unknown: that is reported once, not here.
                timeline_fragment(href)
                    .filter(|id| shelf.timeline.is_some() && !milestone_ids.contains(id))
                    .map(|id| format!("link \"{href}\": the timeline has no milestone \"{id}\""))
            };
            if let Some(message) = problem {
                errors.push(SourceError::at_line(file, *line, Some(field), message));
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{load_members, load_timeline, parse_page, parse_post};

    const POST: &str = "+++\ntitle = \"A post\"\ndate = 2023-11-02\ncategory = \"news\"\nauthor = \"RCSLT\"\nsummary = \"What happened.\"\n+++\n\nSee [the launch](/timeline#launch) and [join](/join).\n";
    const PAGE: &str =
        "+++\ntitle = \"Privacy\"\nsummary = \"How.\"\n+++\n\nRead [the post](/blog/a-post).\n";
    const MEMBERS: &str =
        "[[members]]\nname = \"An Example Society\"\ntype = \"charity\"\nsample = true\n";

    /// A shelf of one post, one page, the timeline and members, from these texts.
    fn shelf(post: &str, page: &str, timeline: &str) -> Shelf {
        fn ok<T>(read: Result<T, Vec<SourceError>>) -> T {
            read.unwrap_or_else(|e| panic!("expected the test content to read cleanly: {e:?}"))
        }
        Shelf {
            site: crate::source::site_for_tests(),
            post_files: vec!["a-post".into()],
            posts: vec![ok(parse_post("content/posts/a-post.md", "a-post", post))],
            pages: vec![ok(parse_page("content/pages/privacy.md", "privacy", page))],
            timeline: Some(ok(load_timeline("content/timeline.toml", timeline))),
            members: Some(ok(load_members("content/members.toml", MEMBERS))),
            pictures: vec!["/images/launch.jpg".into()],
            routes: ["/", "/blog", "/timeline", "/members", "/join", "/privacy"]
                .map(String::from)
                .to_vec(),
        }
    }

    #[test]
    fn a_lead_picture_must_be_one_the_site_serves() {
        let with = |src: &str| {
            let post = POST.replacen(
                "+++\n\n",
                &format!("image = {{ src = \"{src}\", alt = \"A crowd\" }}\n+++\n\n"),
                1,
            );
            messages(shelf(&post, PAGE, crate::source::TIMELINE_FOR_TESTS))
        };
        assert_eq!(with("/images/launch.jpg"), Vec::<String>::new());
        for src in [
            "/images/gone.jpg",
            "https://pictures.example.org/crowd.jpg",
            "/images/../content/site.toml",
        ] {
            let refused = with(src);
            assert_eq!(refused.len(), 1, "{refused:?}");
            assert!(
                refused[0].contains(&format!(
                    "field `image.src`: the picture \"{src}\" is not among the site's pictures"
                )),
                "{refused:?}"
            );
        }
    }

    #[test]
    fn a_picture_in_a_text_must_be_one_the_site_serves_and_is_named_by_its_line() {
        let texts = |src: &str| {
            let picture = format!("\n> - ![A crowd]({src})\n");
            let timeline = crate::source::TIMELINE_FOR_TESTS.replacen(
                "description = \"",
                &format!("description = \"![A crowd]({src}) "),
                1,
            );
            messages(shelf(
                &format!("{POST}{picture}"),
                &format!("{PAGE}{picture}"),
                &timeline,
            ))
        };
        assert_eq!(texts("/images/launch.jpg"), Vec::<String>::new());
        for src in [
            "/images/gone.jpg",
            "https://pictures.example.org/crowd.jpg",
            "/images/../content/site.toml",
        ] {
            let refused = texts(src);
            let said = format!("the picture \"{src}\" is not among the site's pictures");
            for place in [
                "content/posts/a-post.md:11",
                "content/pages/privacy.md:8",
                "content/timeline.toml:14: field `milestones[0].description`",
            ] {
                assert!(
                    refused
                        .iter()
                        .any(|m| m.contains(place) && m.contains(&said)),
                    "{place}: {said} in {refused:?}"
                );
            }
            assert_eq!(refused.len(), 3, "{refused:?}");
        }
    }

    fn messages(shelf: Shelf) -> Vec<String> {
        match Library::assemble(shelf, Vec::new()) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn good_content_assembles_newest_first() {
        let library = Library::assemble(
            shelf(POST, PAGE, crate::source::TIMELINE_FOR_TESTS),
            Vec::new(),
        );
        let library = library.unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(library.posts.len(), 1);
        assert_eq!(library.pages[0].slug, "privacy");
        assert_eq!(library.timeline.milestones.len(), 2);
    }

    #[test]
    fn each_rule_across_files_names_the_file_line_and_field() {
        let timeline = crate::source::TIMELINE_FOR_TESTS;
        let cases = [
            (
                shelf(&POST.replace("\"news\"", "\"gossip\""), PAGE, timeline),
                "content/posts/a-post.md:4:1: field `category`: \"gossip\" is not a category in site.toml; use one of: news, campaign",
            ),
            (
                shelf(POST, PAGE, &timeline.replace("post = \"a-post\"", "post = \"nope\"")),
                "content/timeline.toml:17:1: field `milestones[0].post`: the milestone \"Launch\" links to the post \"nope\", which does not exist: if it was deleted or renamed, choose another post for the milestone or clear its post",
            ),
            (
                shelf(&POST.replace("/timeline#launch", "/timeline#lunch"), PAGE, timeline),
                "content/posts/a-post.md:9: field `body`: link \"/timeline#lunch\": the timeline has no milestone \"lunch\"",
            ),
            (
                shelf(POST, &PAGE.replace("/blog/a-post", "/blog/b-post"), timeline),
                "content/pages/privacy.md:6: field `body`: link \"/blog/b-post\" leads to no page or post on this site",
            ),
            (
                shelf(POST, PAGE, &timeline.replace("(/join)", "(/joinus)")),
                "content/timeline.toml:24: field `milestones[1].description`: link \"/joinus\" leads to no page or post on this site",
            ),
        ];
        for (shelf, expected) in cases {
            assert_eq!(messages(shelf), [expected]);
        }
    }

    #[test]
    fn a_post_with_its_own_mistakes_still_counts_as_a_link_target() {
        let mut with_broken_post = shelf(POST, PAGE, crate::source::TIMELINE_FOR_TESTS);
        with_broken_post.posts.clear();
        let own = SourceError::at_line("content/posts/a-post.md", 3, Some("date"), "not a date");
        let errors = Library::assemble(with_broken_post, vec![own.clone()]).err();
        assert_eq!(
            errors,
            Some(vec![own]),
            "only the post's own mistake is reported"
        );
    }

    #[test]
    fn a_broken_timeline_is_not_reported_again_as_broken_fragments() {
        let mut without_timeline = shelf(POST, PAGE, crate::source::TIMELINE_FOR_TESTS);
        without_timeline.timeline = None;
        let own = SourceError::at_line("content/timeline.toml", 1, None, "bad");
        let errors = Library::assemble(without_timeline, vec![own.clone()]).err();
        assert_eq!(errors, Some(vec![own]));
    }
}
