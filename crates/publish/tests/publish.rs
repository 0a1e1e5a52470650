//! The build tool against real folders: the suite's own content (tests/fixtures/content,
//! never the editors' content/, which only the rules for any content check), and copies of it.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};

#[test]
fn the_suites_content_publishes_every_file() {
    let publication = publish::read(&fixture_content()).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(publication.posts.len() >= 4);
    let out = scratch("out");
    let written = publish::write_all(&publication, &out).unwrap_or_else(|e| panic!("{e}"));
    assert!(out.join("content/site.json").is_file());
    assert!(out.join("content/posts/index.json").is_file());
    assert!(out.join("content/posts/first-anniversary.json").is_file());
    assert!(out.join("content/timeline.json").is_file());
    assert!(out.join("content/members.json").is_file());
    assert!(out.join("content/pages/privacy.json").is_file());
    assert!(out.join("content/posts/latest.json").is_file());
    assert!(out.join("content/posts/pages/1.json").is_file());
    assert!(out.join("content/posts/category/policy/1.json").is_file());
    assert!(out.join("admin/index.html").is_file() && out.join("admin/decap-cms.js").is_file());
    let cms_files = fs::read_dir(publish::cms::BUNDLE_DIR)
        .unwrap_or_else(|e| panic!("expected the CMS bundle installed by npm ci: {e}"))
        .flatten()
        .filter(|f| publish::cms::is_bundle_file(&f.file_name().to_string_lossy()))
        .count();
    assert_eq!(
        written.len(),
        // site, index, timeline, members, 4 feeds, 7 schemas, latest, the list's one
        // page and one a category, a file a post and a page, and the CMS: its page, its
        // configuration and its files.
        16 + 1
            + publication.site.categories.len()
            + publication.posts.len()
            + content::post::PAGES.len()
            + 2
            + cms_files
    );
    let latest: content::post::PostIndex = serde_json::from_str(
        &fs::read_to_string(out.join("content/posts/latest.json")).unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(latest.posts.len(), content::post::LATEST_COUNT);
    let post: content::post::Post = serde_json::from_str(
        &fs::read_to_string(out.join("content/posts/first-anniversary.json")).unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        post.newer.is_none() && post.older.is_some(),
        "the newest post links to the one before"
    );
    assert!(
        !out.join("_redirects").exists(),
        "no rule the host would refuse: 404.html is served for unknown paths by the host itself"
    );

    let site: content::site::SiteConfig = serde_json::from_str(
        &fs::read_to_string(out.join("content/site.json")).unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(site.name, "#SENDInTheSpecialists");
    let index: content::post::PostIndex = serde_json::from_str(
        &fs::read_to_string(out.join("content/posts/index.json")).unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        index.posts.windows(2).all(|w| w[0].date >= w[1].date),
        "newest first"
    );
}

#[test]
fn a_bad_site_file_fails_naming_file_line_and_field() {
    let content = copy_of_content("bad-site");
    edit(
        &content.join("site.toml"),
        "contact_email = \"contact@example.org\"",
        "contact_email = \"nobody\"",
    );
    let errors = problems(&content);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = &errors[0];
    assert!(
        message.contains("site.toml:9:1: field `contact_email`"),
        "{message}"
    );
}

#[test]
fn a_bad_post_fails_and_nothing_is_written() {
    let content = copy_of_content("bad-post");
    let post = content.join("posts/first-anniversary.md");
    edit(&post, "category = \"news\"", "category = \"rumours\"");
    let other = content.join("posts/coalition-launches.md");
    edit(&other, "[timeline](/timeline)", "[timeline](/timelines)");
    let messages = problems(&content);
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].contains("coalition-launches.md:"),
        "{messages:?}"
    );
    assert!(
        messages[0].contains("field `body`: link \"/timelines\" leads to no page"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("first-anniversary.md:4:1: field `category`"),
        "{messages:?}"
    );
}

#[test]
fn links_to_missing_posts_fail() {
    let content = copy_of_content("missing-post");
    fs::remove_file(content.join("posts/why-the-specialist-workforce-matters.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    let errors = problems(&content);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("/blog/why-the-specialist-workforce-matters")),
        "{errors:?}"
    );
}

#[test]
fn an_internal_link_may_name_any_route_of_the_apps_table_and_nothing_else() {
    let content = copy_of_content("route-links");
    append(
        &content.join("posts/why-the-specialist-workforce-matters.md"),
        "\n[Write to your MP](/write-to-your-mp) or [join](/join/thanks), not [this](/no-such-route).\n",
    );
    let errors = problems(&content);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("\"/no-such-route\" leads to no page or post"),
        "{errors:?}"
    );
}

/// A folder as Trunk leaves it for the post-build hook: the JSON `publish build` wrote and
/// Trunk's `index.html`, then finished; `finish`'s result is returned with the folder.
fn finished(
    name: &str,
    content: &Path,
    template: &str,
    build: publish::Build,
) -> (PathBuf, Result<usize, publish::Error>) {
    let out = scratch(name);
    let publication = publish::read(content).unwrap_or_else(|e| panic!("{e:?}"));
    publish::write_all(&publication, &out).unwrap_or_else(|e| panic!("{e}"));
    fs::write(out.join("index.html"), template).unwrap_or_else(|e| panic!("{e}"));
    let result = publish::finish(content, &out, build);
    (out, result)
}

const TEMPLATE: &str = "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<title>x</title>\n<meta name=\"description\" content=\"\" />\n<meta name=\"color-scheme\" content=\"light dark\" />\n<script type=\"module\">import init from '/app.js';\nawait init({ module_or_path: '/app_bg.wasm' });</script>\n<link rel=\"preload\" href=\"/app_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-x\" as=\"fetch\" type=\"application/wasm\"></head>\n<body>\n<div id=\"app\"></div>\n</body>\n</html>\n";

#[test]
fn finish_writes_a_readable_page_for_every_route_and_post() {
    let (out, count) = finished(
        "finish",
        &fixture_content(),
        TEMPLATE,
        publish::Build::Release,
    );
    let count = count.unwrap_or_else(|e| panic!("{e:?}"));
    let publication = publish::read(&fixture_content()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        count,
        publish::pages::fixed_routes().len()
            + 1
            + publication.site.categories.len()
            + publication.posts.len(),
        "every route, a page a category, 404 and every post"
    );
    let post =
        fs::read_to_string(out.join("blog/first-anniversary/index.html")).unwrap_or_default();
    assert!(
        post.contains("1st anniversary of the #SEND<wbr>In<wbr>The<wbr>Specialists coalition"),
        "the app's heading, with its wrap points: {post}"
    );
    assert!(post.contains("<h2>What more is needed"));
    assert!(
        !post.contains("<!>"),
        "no hydration markers for a reader's parser to repair"
    );
    assert!(
        post.contains("aria-label=\"More posts\""),
        "the older and newer post links are on the built page too"
    );
    assert!(post.contains("<title>1st anniversary of the #SENDInTheSpecialists coalition – #SENDInTheSpecialists</title>"));
    assert!(post.contains("<link rel=\"canonical\" href=\"https://sendinthespecialists.example.org/blog/first-anniversary\">"));
    assert!(post.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(post
        .contains("<meta property=\"article:published_time\" content=\"2023-11-02T00:00:00Z\">"));
    assert!(
        post.contains("import init from '/app.js'"),
        "the app still loads"
    );
    assert!(
        post.contains("fetch('/app_bg.wasm', { integrity: 'sha384-x' })")
            && !post.contains("rel=\"preload\" href=\"/app_bg.wasm\""),
        "the wasm loads after first paint, still checked against its hash"
    );
    assert!(post.contains("<a href=\"/blog\" aria-current=\"page\">Blog</a>"));
    assert_eq!(post.matches("<title>").count(), 1);
    let home = fs::read_to_string(out.join("index.html")).unwrap_or_default();
    assert!(home.contains("more than 130 as of"));
    assert!(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
    let missing = fs::read_to_string(out.join("404.html")).unwrap_or_default();
    assert!(missing.contains("Page not found"));
    // Lists a link can filter name their parameters, for prefs.js; other pages do not.
    for (route, keys) in [
        ("blog", "category q page"),
        ("timeline", "kind status"),
        ("members", "q type nation"),
    ] {
        let page = fs::read_to_string(out.join(route).join("index.html")).unwrap_or_default();
        assert!(
            page.contains(&format!("<meta name=\"page-filters\" content=\"{keys}\">")),
            "{route}"
        );
        assert!(page.contains(" data-query-view"), "{route}");
    }
    for route in ["blog/category/policy", "blog/category/news"] {
        assert!(out.join(route).join("index.html").is_file(), "{route}");
    }
    assert!(!post.contains("page-filters") && !home.contains("page-filters"));
    for route in [
        "blog",
        "timeline",
        "members",
        "join",
        "privacy",
        "accessibility",
    ] {
        assert!(out.join(route).join("index.html").is_file(), "{route}");
    }
    let empty = scratch("empty");
    assert!(
        publish::finish(&fixture_content(), &empty, publish::Build::Release).is_err(),
        "no index.html is an error"
    );
    // Each page names exactly the content files its view read, for prefs.js to download.
    let blog = fs::read_to_string(out.join("blog/index.html")).unwrap_or_default();
    assert_eq!(
        preloads(&blog),
        ["/content/site.json", "/content/posts/pages/1.json"],
        "only a search reads every post"
    );
    assert!(preloads(&home).contains(&"/content/timeline.json".to_string()));
    assert!(
        !blog.contains("rel=\"preload\" href=\"/content"),
        "no preload, which WebKit would download twice"
    );
}

#[test]
fn the_binary_exits_non_zero_on_bad_content() {
    let content = copy_of_content("binary");
    edit(
        &content.join("site.toml"),
        "base_url = \"https://",
        "base_url = \"ftp://",
    );
    let out = scratch("binary-out");
    let status = run_build(&content, &out, &[]);
    assert!(!status.status.success());
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert!(stderr.contains("field `base_url`"), "{stderr}");
    assert!(!out.join("content").exists(), "nothing written");
}

#[test]
fn timeline_links_are_checked_both_ways() {
    let content = copy_of_content("timeline-fragment");
    edit(
        &content.join("posts/coalition-launches.md"),
        "[timeline](/timeline)",
        "[timeline](/timeline#no-such-milestone)",
    );
    let messages = problems(&content);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].contains("coalition-launches.md:29: field `body`: link \"/timeline#no-such-milestone\": the timeline has no milestone"), "{messages:?}");

    let content = copy_of_content("timeline-post");
    edit(
        &content.join("timeline.toml"),
        "post = \"coalition-launches\"",
        "post = \"no-such-post\"",
    );
    let messages = problems(&content);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains(
            "timeline.toml:44:1: field `milestones[0].post`: the milestone \"The coalition launches\" links to the post \"no-such-post\", which does not exist"
        ),
        "{messages:?}"
    );
}

/// A rule for any content: whatever editors have written passes the check and builds every page.
#[test]
fn the_editors_content_passes_every_check_and_builds_every_page() {
    let (_, pages) = finished(
        "editors",
        &editors_content(),
        TEMPLATE,
        publish::Build::Release,
    );
    assert!(pages.unwrap_or_else(|e| panic!("{e}")) > 0);
}

#[test]
fn what_the_content_manager_saves_when_an_editor_empties_a_field_is_the_field_left_out() {
    let content = copy_of_content("emptied");
    let post = content.join("posts/coalition-launches.md");
    edit(
        &post,
        "tags = [",
        "updated = \"\"\nin_short = \"\"\nbsl_video = \"\"\nimage = { src = \"\", alt = \"\" }\ntags = [",
    );
    edit(
        &content.join("timeline.toml"),
        "post = \"coalition-launches\"",
        "post = \"\"",
    );
    edit(
        &content.join("members.toml"),
        "joined = \"2022-11-02\"",
        "joined = \"\"\nwebsite = \"\"",
    );
    let library = publish::read(&content).unwrap_or_else(|e| panic!("{e}"));
    let launch = library
        .posts
        .iter()
        .find(|p| p.meta.slug == "coalition-launches")
        .unwrap_or_else(|| panic!("the post"));
    assert_eq!(
        (
            &launch.meta.updated,
            &launch.meta.in_short,
            &launch.meta.bsl_video,
            &launch.meta.image
        ),
        (&None, &None, &None, &None)
    );
    assert!(library
        .timeline
        .milestones
        .iter()
        .all(|m| m.post.as_deref() != Some("")));
}

#[test]
fn a_picture_without_its_description_is_refused_in_words() {
    let content = copy_of_content("no-alt");
    edit(
        &content.join("posts/coalition-launches.md"),
        "tags = [",
        "image = { src = \"/images/launch.jpg\" }\ntags = [",
    );
    let messages = problems(&content);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("coalition-launches.md:")
            && messages[0].contains("field `image.alt`: the picture needs a description"),
        "{messages:?}"
    );
}

#[test]
fn a_milestone_or_membership_figure_added_at_the_end_is_put_in_date_order() {
    let content = copy_of_content("added-last");
    let timeline = content.join("timeline.toml");
    let mut text = fs::read_to_string(&timeline).unwrap_or_default();
    text.push_str("\n[[milestones]]\nid = \"added-last\"\ndate = \"2022-12\"\ntitle = \"Added last\"\ndescription = \"An editor added this at the end.\"\nkind = \"coalition\"\nstatus = \"achieved\"\n");
    text = text.replacen(
        "[[membership]]",
        "[[membership]]\ndate = \"2023-05-01\"\ncount = 120\nat_least = true\n\n[[membership]]",
        1,
    );
    fs::write(&timeline, text).unwrap_or_else(|e| panic!("{e}"));
    let library = publish::read(&content).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = library
        .timeline
        .milestones
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    let at = |id: &str| ids.iter().position(|i| *i == id);
    assert!(at("coalition-launch") < at("added-last"), "{ids:?}");
    assert!(at("added-last") < at("send-ap-improvement-plan"), "{ids:?}");
    let dates: Vec<String> = library
        .timeline
        .membership
        .iter()
        .map(|p| p.date.iso())
        .collect();
    assert_eq!(dates, ["2022-11-02", "2023-05-01", "2023-11-02"]);
}

#[test]
fn a_deleted_post_that_a_milestone_names_is_reported_with_the_milestones_title() {
    let content = copy_of_content("deleted-post");
    fs::remove_file(content.join("posts/coalition-launches.md")).unwrap_or_else(|e| panic!("{e}"));
    let messages = problems(&content);
    assert!(
        messages.iter().any(|m| m.contains(
            "the milestone \"The coalition launches\" links to the post \"coalition-launches\", which does not exist"
        )),
        "{messages:?}"
    );
}

#[test]
fn the_build_names_every_placeholder_left_before_launch_and_still_builds() {
    let content = copy_of_content("before-launch");
    let out = scratch("before-launch-out");
    let output = run_build(&content, &out, &[("GITHUB_ACTIONS", "true")]);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("before launch, replace"), "{stderr}");
    assert!(
        stderr.contains(
            "site.toml:9:1: field `contact_email`: \"contact@example.org\" is a placeholder"
        ),
        "{stderr}"
    );
    assert!(
        stdout.contains("::warning file=") && stdout.contains("title=Before launch%3A members["),
        "{stdout}"
    );

    let real = copy_of_content("launched");
    edit(
        &real.join("site.toml"),
        "contact@example.org",
        "team@coalition.org.uk",
    );
    let members = real.join("members.toml");
    let text = fs::read_to_string(&members).unwrap_or_default();
    // The file's opening comments come before the first entry and stay.
    let kept: Vec<&str> = text
        .split("[[members]]")
        .enumerate()
        .filter(|(i, m)| *i == 0 || !m.contains("sample = true"))
        .map(|(_, m)| m)
        .collect();
    fs::write(&members, kept.join("[[members]]")).unwrap_or_else(|e| panic!("{e}"));
    let output = run_build(&real, &scratch("launched-out"), &[]);
    assert!(output.status.success());
    assert!(!String::from_utf8_lossy(&output.stderr).contains("before launch"));
}

#[test]
fn feeds_and_sitemap_parse_back_with_every_post() {
    let publication = publish::read(&fixture_content()).unwrap_or_else(|e| panic!("{e:?}"));
    let atom = publish::feeds::atom(&publication);
    let doc = roxmltree::Document::parse(&atom).unwrap_or_else(|e| panic!("{e}"));
    let entries: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), publication.posts.len());
    let first = entries[0];
    let text = |name: &str| {
        first
            .children()
            .find(|n| n.has_tag_name(name))
            .and_then(|n| n.text())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(text("title"), publication.posts[0].meta.title);
    assert_eq!(
        text("id"),
        format!(
            "https://sendinthespecialists.example.org/blog/{}",
            publication.posts[0].meta.slug
        )
    );
    assert_eq!(
        text("published"),
        format!("{}T00:00:00Z", publication.posts[0].meta.date.iso())
    );
    assert!(text("content").contains("<h2>"), "full content as HTML");

    let feed = serde_json::to_string(&publish::feeds::json_feed(&publication)).unwrap_or_default();
    let value: serde_json::Value = serde_json::from_str(&feed).unwrap_or_default();
    assert_eq!(value["version"], "https://jsonfeed.org/version/1.1");
    assert!(value["title"].is_string());
    let items = value["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), publication.posts.len());
    for item in &items {
        assert!(item["id"].is_string(), "every item needs an id");
        assert!(item["content_html"].is_string() || item["content_text"].is_string());
        assert!(item["url"]
            .as_str()
            .is_some_and(|u| u.starts_with("https://")));
    }
    let typed: publish::feeds::JsonFeed =
        serde_json::from_str(&feed).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        typed.items[0].date_published,
        format!("{}T00:00:00Z", publication.posts[0].meta.date.iso())
    );

    let paths = publish::pages::paths(&publication).unwrap_or_else(|e| panic!("{e}"));
    let sitemap = publish::feeds::sitemap(&publication, &paths);
    let doc = roxmltree::Document::parse(&sitemap).unwrap_or_else(|e| panic!("{e}"));
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        locs.len(),
        publish::pages::fixed_routes().len()
            + publication.site.categories.len()
            + publication.posts.len()
    );
    assert!(locs.contains(&"https://sendinthespecialists.example.org/blog/first-anniversary"));
    assert!(publish::feeds::robots(&publication)
        .contains("Sitemap: https://sendinthespecialists.example.org/sitemap.xml"));
}

#[test]
fn a_hostile_post_is_escaped_in_pages_and_feeds() {
    let content = copy_of_content("hostile");
    fs::write(
        content.join("posts/hostile.md"),
        "+++\ntitle = \"<script>alert('t')</script>\"\ndate = 2024-01-01\ncategory = \"news\"\nauthor = \"<b>x</b>\"\nsummary = \"\\\"><img src=x onerror=alert(1)>\"\n+++\n\n<script>alert(1)</script>\n\n<iframe src=\"https://evil.example\"></iframe> <img src=x onerror=alert(2)>\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let publication = publish::read(&content).unwrap_or_else(|e| panic!("{e:?}"));
    let (out, result) = finished("hostile-out", &content, TEMPLATE, publish::Build::Release);
    result.unwrap_or_else(|e| panic!("{e:?}"));
    let page = fs::read_to_string(out.join("blog/hostile/index.html")).unwrap_or_default();
    let atom = publish::feeds::atom(&publication);
    let json = serde_json::to_string(&publish::feeds::json_feed(&publication)).unwrap_or_default();
    for text in [&page, &atom] {
        assert!(!text.contains("<script>alert"), "{text}");
        assert!(!text.contains("<iframe"), "{text}");
        assert!(!text.contains("<img src=x"), "{text}");
        assert!(!text.contains("\"><img"), "{text}");
    }
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let feed: publish::feeds::JsonFeed =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    let item = feed
        .items
        .iter()
        .find(|i| i.url.ends_with("/blog/hostile"))
        .map(|i| i.content_html.clone())
        .unwrap_or_default();
    assert!(item.contains("&lt;iframe"), "{item}");
    assert!(!item.contains("<iframe"), "{item}");
    roxmltree::Document::parse(&atom)
        .unwrap_or_else(|e| panic!("hostile content must not break the XML: {e}"));
}

#[test]
fn json_schemas_are_generated_for_every_published_file() {
    let schemas = publish::schemas();
    assert_eq!(schemas.len(), 7);
    let value: serde_json::Value = schemas
        .iter()
        .find(|(name, _)| *name == "post.schema.json")
        .and_then(|(_, s)| serde_json::to_value(s).ok())
        .unwrap_or_default();
    assert_eq!(value["required"], serde_json::json!(["meta", "body"]));
    let text = value.to_string();
    for needle in [
        "\"reading_minutes\"",
        "\"paragraph\"",
        "\"PartialDate\"",
        "[0-9]{4}",
    ] {
        assert!(
            text.contains(needle),
            "{needle} missing from the post schema"
        );
    }
}

#[test]
fn release_pages_carry_the_policy_and_development_pages_leave_room_for_live_reload() {
    let with_charset = TEMPLATE.replace("<head>\n", "<head>\n<meta charset=\"utf-8\" />\n");
    let policy = "<meta http-equiv=\"Content-Security-Policy\"";
    for (build, expected) in [
        (publish::Build::Release, true),
        (publish::Build::Development, false),
    ] {
        let (out, result) = finished(
            &format!("csp-{build:?}"),
            &fixture_content(),
            &with_charset,
            build,
        );
        result.unwrap_or_else(|e| panic!("{e:?}"));
        let home = fs::read_to_string(out.join("index.html")).unwrap_or_default();
        assert_eq!(home.contains(policy), expected, "{build:?}");
        assert!(out.join("_headers").is_file(), "{build:?}");
    }
}

#[test]
fn the_build_writes_a_page_for_every_route_in_the_apps_route_table() {
    let publication = publish::read(&fixture_content()).unwrap_or_else(|e| panic!("{e:?}"));
    let paths = publish::pages::paths(&publication).unwrap_or_else(|e| panic!("{e}"));
    // The routes internal links are checked against are the app's own, read from its table.
    let fixed = publish::pages::fixed_routes();
    for route in &fixed {
        assert!(paths.contains(route), "no page for the route {route}");
    }
    for route in [
        "/",
        "/blog",
        "/timeline",
        "/members",
        "/join",
        "/join/thanks",
        "/write-to-your-mp",
    ] {
        assert!(
            fixed.iter().any(|r| r == route),
            "{route} is not among {fixed:?}"
        );
    }
    assert!(
        !fixed.iter().any(|r| r.contains(':')),
        "a route with a parameter: {fixed:?}"
    );
    for post in &publication.posts {
        assert!(paths.contains(&format!("/blog/{}", post.meta.slug)));
    }
}

#[test]
fn sixteen_posts_make_two_blog_pages_and_no_conveners_leave_no_empty_sentence() {
    let content = copy_of_content("sixteen");
    for n in 0..12 {
        fs::write(
            content.join(format!("posts/extra-{n:02}.md")),
            format!("+++\ntitle = \"Extra post {n}\"\ndate = 2021-01-{:02}\ncategory = \"news\"\nauthor = \"Sample\"\nsummary = \"A sample post.\"\n+++\n\nSample text.\n", n + 1),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let members = content.join("members.toml");
    let text = fs::read_to_string(&members).unwrap_or_default();
    fs::write(
        &members,
        text.replace("convener = true", "convener = false"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (out, result) = finished("sixteen-out", &content, TEMPLATE, publish::Build::Release);
    result.unwrap_or_else(|e| panic!("{e:?}"));
    let first = fs::read_to_string(out.join("blog/index.html")).unwrap_or_default();
    assert_eq!(
        first.matches("class=\"post-card\"").count(),
        10,
        "ten a page"
    );
    assert!(
        first.contains("href=\"/blog/page/2\""),
        "a link to the next page"
    );
    let second = fs::read_to_string(out.join("blog/page/2/index.html")).unwrap_or_default();
    assert_eq!(second.matches("class=\"post-card\"").count(), 6);
    assert!(second.contains("Page 2 of 2"));
    assert!(out.join("blog/category/news/page/2/index.html").is_file());
    let home = fs::read_to_string(out.join("index.html")).unwrap_or_default();
    assert!(!home.contains("Convened by"), "no empty 'Convened by .'");
}

#[test]
fn a_published_file_the_views_cannot_read_fails_the_build_naming_the_page() {
    let content = copy_of_content("unreadable");
    let out = scratch("unreadable-out");
    let publication = publish::read(&content).unwrap_or_else(|e| panic!("{e:?}"));
    publish::write_all(&publication, &out).unwrap_or_else(|e| panic!("{e}"));
    fs::write(out.join("index.html"), TEMPLATE).unwrap_or_else(|e| panic!("{e}"));
    fs::write(out.join("content/timeline.json"), "{ not json").unwrap_or_else(|e| panic!("{e}"));
    let problems: Vec<String> = publish::finish(&content, &out, publish::Build::Release)
        .err()
        .map(|e| e.lines())
        .unwrap_or_default();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("the page at /timeline cannot show its content")),
        "expected /timeline to be named: {problems:?}"
    );
}

#[test]
fn the_build_date_is_a_day_or_the_build_says_how_to_write_it() {
    let pinned = publish::build_date(Some("2024-02-29".into())).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pinned.iso(), "2024-02-29");
    let wrong = publish::build_date(Some("2024-02".into()))
        .err()
        .map(|e| e.to_string());
    assert!(
        wrong
            .as_deref()
            .is_some_and(|e| e.contains("BUILD_DATE") && e.contains("YYYY-MM-DD")),
        "{wrong:?}"
    );
    assert!(publish::build_date(None).is_ok(), "today, by the clock");
}

#[test]
fn a_form_service_address_that_would_break_the_policy_stops_the_build() {
    for (endpoint, named) in [
        ("https://*/f", "wildcard"),
        ("https://forms.example;sandbox/f", "semicolon"),
        ("https://a,b/f", "comma"),
        ("https://u:p@host.example/f", "user name or password"),
        ("https://forms.example/f\" x", "quotation mark"),
    ] {
        let out = scratch("endpoint-out");
        let run = run_build(&fixture_content(), &out, &[("SIGNUP_ENDPOINT", endpoint)]);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success(), "{endpoint} should stop the build");
        assert!(
            stderr.contains("SIGNUP_ENDPOINT") && stderr.contains(named),
            "{endpoint}: expected a message naming {named:?}, got {stderr}"
        );
        assert!(!out.join("_headers").exists(), "nothing written");
    }
}

#[test]
fn in_a_workflow_a_content_mistake_is_annotated_on_its_file_line_and_field() {
    let content = copy_of_content("annotated");
    edit(
        &content.join("posts/first-anniversary.md"),
        "category = \"news\"",
        "category = \"rumours\"",
    );
    let run = run_build(
        &content,
        &scratch("annotated-out"),
        &[("GITHUB_ACTIONS", "true")],
    );
    assert!(!run.status.success());
    let stdout = String::from_utf8_lossy(&run.stdout);
    let file = content
        .join("posts/first-anniversary.md")
        .display()
        .to_string();
    let expected = format!(
        "::error file={file},line=4,col=1,title=Content check%3A category::\"rumours\" is not a category in site.toml; use one of: news, policy, campaign"
    );
    assert!(
        stdout.lines().any(|l| l == expected),
        "expected the annotation {expected:?} in {stdout}"
    );
}

#[test]
fn an_unknown_service_or_a_missing_or_malformed_access_key_stops_the_build() {
    let content = copy_of_content("service");
    edit(
        &content.join("site.toml"),
        "[signup]\n",
        "[signup]\nservice = \"formspree\"\nendpoint = \"https://collector.example/f\"\n",
    );
    let (passed, said) = build_with(&content, &[]);
    assert!(!passed, "an editor's setting of where sign-ups go builds");
    assert!(
        said.contains("site.toml:28:1: field `signup.service`: where sign-ups go is set by whoever deploys the site (SIGNUP_SERVICE, at build time)")
            && said.contains("field `signup.endpoint`"),
        "expected each line named, and who sets it instead, got {said}"
    );
    let (passed, said) = build_with(
        &fixture_content(),
        &[
            ("SIGNUP_SERVICE", "formspree"),
            ("SIGNUP_ENDPOINT", "https://collector.example/f"),
        ],
    );
    assert!(!passed, "a Formspree form at another host builds");
    assert!(
        said.contains(
            "signup.endpoint: \"https://collector.example/f\" is not an address of Formspree"
        ),
        "{said}"
    );
    let cases = [
        (vec![("SIGNUP_SERVICE", "mailchimp")], "SIGNUP_SERVICE: \"mailchimp\" is not a form service this site knows; use one of: json, formspree, basin, web3forms, netlify"),
        (vec![("SIGNUP_SERVICE", "web3forms")], "SIGNUP_SERVICE: signup.access_key: Web3Forms needs its access key"),
        (
            vec![("SIGNUP_SERVICE", "web3forms"), ("SIGNUP_ACCESS_KEY", "my-key")],
            "signup.access_key: \"my-key\" is not a Web3Forms access key",
        ),
    ];
    for (env, expected) in cases {
        let (passed, said) = build_with(&fixture_content(), &env);
        assert!(!passed, "{env:?} should stop the build");
        assert!(
            said.contains(expected),
            "{env:?}: expected {expected:?}, got {said}"
        );
    }
    let key = [
        ("SIGNUP_SERVICE", "web3forms"),
        ("SIGNUP_ACCESS_KEY", "1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f"),
    ];
    let (passed, said) = build_with(&fixture_content(), &key);
    assert!(
        passed,
        "a well-formed key builds, with the service's own address: {said}"
    );
}

/// Writes `n` made-up posts into a copy of the shipped content, as the scale check does.
fn with_posts(name: &str, n: usize) -> PathBuf {
    let content = copy_of_content(name);
    let categories = ["news", "policy", "campaign"];
    for i in 0..n {
        fs::write(
            content.join(format!("posts/generated-{i:04}.md")),
            format!(
                "+++\ntitle = \"Generated post {i}\"\ndate = {}-{:02}-{:02}\ncategory = \"{}\"\nauthor = \"Scale test\"\nsummary = \"A made-up post number {i}, to see what a long archive costs.\"\ntags = [\"scale\"]\n+++\n\nThis post is test data.\n\n## A heading\n\nA paragraph with [a link](/timeline).\n",
                2000 + i / 300,
                i % 12 + 1,
                i % 28 + 1,
                categories[i % 3]
            ),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    content
}

/// The content files a built page preloads, which are the files its view reads.
/// The content files a built page names for its early downloads (`content-files`).
fn preloads(page: &str) -> Vec<String> {
    let tag = "<meta name=\"content-files\" content=\"";
    page.find(tag)
        .and_then(|at| {
            let rest = &page[at + tag.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .map(|files| files.split(' ').map(str::to_string).collect())
        .unwrap_or_default()
}

#[test]
fn a_thousand_posts_cost_a_page_no_more_than_four() {
    let content = with_posts("thousand", 1000);
    let (out, result) = finished("thousand-out", &content, TEMPLATE, publish::Build::Release);
    result.unwrap_or_else(|e| panic!("{e:?}"));
    const LIMIT: usize = 100 * 1024;
    for page in [
        "index.html",
        "blog/first-anniversary/index.html",
        "blog/generated-0500/index.html",
    ] {
        let html = fs::read_to_string(out.join(page)).unwrap_or_default();
        let files = preloads(&html);
        assert!(!files.is_empty(), "{page} preloads what it reads");
        for file in files {
            let size = fs::metadata(out.join(file.trim_start_matches('/')))
                .map(|m| m.len() as usize)
                .unwrap_or(usize::MAX);
            assert!(
                size <= LIMIT,
                "{page} reads {file}, {size} bytes; expected at most {LIMIT}"
            );
        }
    }
    let blog = fs::metadata(out.join("blog/index.html"))
        .map(|m| m.len() as usize)
        .unwrap_or(usize::MAX);
    assert!(
        blog <= LIMIT,
        "the built /blog is {blog} bytes; expected at most {LIMIT}"
    );
    assert!(
        out.join("blog/page/101/index.html").is_file(),
        "1,004 posts make 101 list pages"
    );
    let atom = fs::read_to_string(out.join("feed.xml")).unwrap_or_default();
    assert_eq!(
        atom.matches("<entry>").count(),
        publish::feeds::FEED_POSTS,
        "the feed carries the latest posts only"
    );
}

#[test]
fn input_an_editor_cannot_see_is_named_with_its_file_and_line() {
    let content = copy_of_content("control");
    edit(
        &content.join("posts/first-anniversary.md"),
        "The #SENDInTheSpecialists coalition is one year old today.",
        "The #SENDInTheSpecialists coalition\u{b}is one year old today.",
    );
    let bom = content.join("posts/coalition-launches.md");
    let text = fs::read_to_string(&bom).unwrap_or_default();
    fs::write(&bom, format!("\u{feff}{text}")).unwrap_or_else(|e| panic!("{e}"));
    fs::write(content.join("posts/news.MD"), "+++\n+++\n").unwrap_or_else(|e| panic!("{e}"));
    fs::write(content.join("pages/about.txt"), "x").unwrap_or_else(|e| panic!("{e}"));
    let messages = problems(&content);
    let expected = [
        "first-anniversary.md:11:36: an invisible control character U+000B (a vertical tab), often pasted from a word processor; delete it and type the text again",
        "posts/news.MD: only Markdown files ending .md belong in this folder; rename it to news.md, or move it out",
        "pages/about.txt: only Markdown files ending .md belong in this folder; rename it to about.md, or move it out",
    ];
    for want in expected {
        assert!(
            messages.iter().any(|m| m.ends_with(want)),
            "expected {want:?} in {messages:?}"
        );
    }
    assert_eq!(
        messages.len(),
        expected.len(),
        "a byte-order mark is no problem: {messages:?}"
    );
}

#[test]
fn a_site_address_that_would_break_a_page_or_feed_is_refused() {
    let content = copy_of_content("base-url");
    edit(
        &content.join("site.toml"),
        "base_url = \"https://sendinthespecialists.example.org\"",
        "base_url = \"https://example.org/?a=1&b=2\"",
    );
    let messages = problems(&content);
    assert_eq!(
        messages,
        [format!(
            "{}:12:1: field `base_url`: \"https://example.org/?a=1&b=2\" must be an address with at most a path after the host; remove the query (from ?)",
            content.join("site.toml").display()
        )]
    );
}

/// Every field name in a CMS field list, with its nesting (`milestones.kind`).
fn cms_fields(fields: &serde_json::Value, path: &str, into: &mut Vec<String>) {
    for field in fields.as_array().into_iter().flatten() {
        let name = field["name"].as_str().unwrap_or_default();
        let at = if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        };
        cms_fields(&field["fields"], &at, into);
        into.push(at);
    }
}

/// Every key written in a TOML table, with its nesting.
fn toml_keys(table: &toml::Table, path: &str, into: &mut Vec<String>) {
    for (key, value) in table {
        let at = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match value {
            toml::Value::Table(inner) => toml_keys(inner, &at, into),
            toml::Value::Array(items) => items
                .iter()
                .filter_map(toml::Value::as_table)
                .for_each(|t| toml_keys(t, &at, into)),
            _ => {}
        }
        into.push(at);
    }
}

/// The options of the CMS field at `path` in `fields`.
/// The CMS field at `path` (names of nested fields), or null.
fn field_at(fields: &serde_json::Value, path: &[&str]) -> serde_json::Value {
    let Some(field) = fields
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["name"] == path[0])
    else {
        return serde_json::Value::Null;
    };
    match path {
        [_] => field.clone(),
        [_, rest @ ..] => field_at(&field["fields"], rest),
        [] => serde_json::Value::Null,
    }
}

fn options_at(fields: &serde_json::Value, path: &[&str]) -> Vec<String> {
    field_at(fields, path)["options"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o["value"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn the_cms_can_edit_every_field_the_content_uses_and_offers_every_closed_list() {
    let library = publish::read(&fixture_content()).unwrap_or_else(|e| panic!("{e}"));
    let config = publish::cms::config(&library, &publish::cms::Backend::default());
    let collection = |name: &str| {
        config["collections"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("no {name} collection"))
    };
    let file_fields = |name: &str| collection(name)["files"][0]["fields"].clone();
    let post_fields = collection("posts")["fields"].clone();

    // Every key the shipped files use has a field in the CMS.
    let content = fixture_content();
    for (collection_name, file) in [
        ("timeline", "timeline.toml"),
        ("members", "members.toml"),
        ("settings", "site.toml"),
    ] {
        let text = fs::read_to_string(content.join(file)).unwrap_or_default();
        let table: toml::Table = text.parse().unwrap_or_else(|e| panic!("{file}: {e}"));
        let (mut used, mut offered) = (Vec::new(), Vec::new());
        toml_keys(&table, "", &mut used);
        cms_fields(&file_fields(collection_name), "", &mut offered);
        for key in used {
            assert!(
                offered.contains(&key),
                "{file} uses `{key}`, which the CMS has no field for"
            );
        }
    }
    for post in fs::read_dir(content.join("posts"))
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        let text = fs::read_to_string(post.path()).unwrap_or_default();
        let front = text.split("+++").nth(1).unwrap_or_default();
        let table: toml::Table = front.parse().unwrap_or_else(|e| panic!("{e}"));
        let (mut used, mut offered) = (Vec::new(), Vec::new());
        toml_keys(&table, "", &mut used);
        cms_fields(&post_fields, "", &mut offered);
        for key in used {
            assert!(
                offered.contains(&key),
                "{} uses `{key}`, which the CMS has no field for",
                post.path().display()
            );
        }
    }
    let mut post_names = Vec::new();
    cms_fields(&post_fields, "", &mut post_names);
    for field in [
        "title",
        "date",
        "updated",
        "category",
        "tags",
        "author",
        "summary",
        "image.src",
        "image.alt",
        "in_short",
        "bsl_video",
        "body",
    ] {
        assert!(
            post_names.contains(&field.to_string()),
            "the post form lacks `{field}`"
        );
    }

    // Every closed list, from the type or file that owns it.
    use content::members::{Nation, OrgType};
    use content::timeline::Status;
    let keys = |all: Vec<&str>| all.into_iter().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(
        options_at(&post_fields, &["category"]),
        keys(
            library
                .site
                .categories
                .iter()
                .map(|c| c.slug.as_str())
                .collect()
        )
    );
    let timeline = file_fields("timeline");
    assert_eq!(
        options_at(&timeline, &["milestones", "kind"]),
        keys(
            library
                .timeline
                .kinds
                .iter()
                .map(|k| k.slug.as_str())
                .collect()
        )
    );
    assert_eq!(
        options_at(&timeline, &["milestones", "status"]),
        keys(Status::ALL.map(Status::key).to_vec())
    );
    let members = file_fields("members");
    assert_eq!(
        options_at(&members, &["members", "type"]),
        keys(OrgType::ALL.map(OrgType::key).to_vec())
    );
    assert_eq!(
        options_at(&members, &["members", "nations"]),
        keys(Nation::ALL.map(Nation::key).to_vec())
    );
    // The site's own address is not an editor's to change: the content manager keeps
    // it (hidden) but never offers it. Where sign-ups go is not in the settings at all.
    let settings = file_fields("settings");
    assert_eq!(
        field_at(&settings, &["base_url"])["widget"],
        "hidden",
        "the site address is offered to editors"
    );
    for path in [
        &["signup", "service"][..],
        &["signup", "endpoint"],
        &["signup", "access_key"],
    ] {
        assert_eq!(
            field_at(&settings, path),
            serde_json::Value::Null,
            "{path:?} is in the content manager"
        );
    }
    assert_eq!(
        field_at(&settings, &["contact_email"])["label"],
        "Contact email address"
    );

    // Pictures need words for readers who cannot see them, and have a size limit.
    let image = post_fields
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["name"] == "image")
        .cloned()
        .unwrap_or_default();
    let alt = image["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["name"] == "alt")
        .cloned()
        .unwrap_or_default();
    assert!(
        alt["hint"].as_str().is_some_and(|h| h.ends_with("Needed whenever this part is filled in.")),
        "alt text is asked for whenever there is a picture (the build refuses a picture without it): {alt}"
    );
    let src = image["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["name"] == "src")
        .cloned()
        .unwrap_or_default();
    assert_eq!(src["media_library"]["config"]["max_file_size"], 500 * 1024);
}
