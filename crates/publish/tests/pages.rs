//! What `publish finish` writes: a readable page for every route and post, rendered
//! from what `build` published, and what a page preloads.

mod common;

use common::*;
use std::fs;

#[test]
fn finish_writes_a_readable_page_for_every_route_and_post() {
    let (out, count) = finished(
        "finish",
        &fixture_content(),
        TEMPLATE,
        publish::Build::Release,
    );
    let count = count.unwrap_or_else(|e| panic!("{e:?}"));
    let publication =
        publish::read(&fixture_content(), &Default::default()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        count,
        publish::pages::fixed_routes().len()
            + 1
            + publication.site.categories.len()
            + publication.posts.len(),
        "every route, a page a category, 404 and every post"
    );
    let written =
        fs::read_to_string(out.join("blog/first-anniversary/index.html")).unwrap_or_default();
    assert!(
        !written.contains("<!>"),
        "the markers the app adopts the page by are written as HTML wants them"
    );
    // Read as a parser does: the markers are empty comments between the text.
    let post = written.replace("<!---->", "");
    assert!(
        post.contains("1st anniversary of the #SEND<wbr>In<wbr>The<wbr>Specialists coalition"),
        "the app's heading, with its wrap points: {post}"
    );
    assert!(post.contains("<h2>What more is needed"));
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
        post.contains("fetch('/app_bg.wasm', { integrity: 'sha384-x', priority: 'low' })")
            && !post.contains("rel=\"preload\" href=\"/app_bg.wasm\""),
        "the wasm loads after first paint, still checked against its hash"
    );
    assert!(post.contains("<a href=\"/blog\" aria-current=\"page\">Blog</a>"));
    assert_eq!(post.matches("<title>").count(), 1);
    let home = fs::read_to_string(out.join("index.html"))
        .unwrap_or_default()
        .replace("<!---->", "");
    assert!(home.contains("more than 130 as of"));
    assert!(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
    let missing = fs::read_to_string(out.join("404.html"))
        .unwrap_or_default()
        .replace("<!---->", "");
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
        publish::finish(
            &empty,
            publish::Build::Release,
            today(),
            &Default::default(),
            &picture_cache()
        )
        .is_err(),
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
fn a_hostile_post_is_escaped_in_pages_and_feeds() {
    let content = copy_of_content("hostile");
    fs::write(
        content.join("posts/hostile.md"),
        "+++\ntitle = \"<script>alert('t')</script>\"\ndate = 2024-01-01\ncategory = \"news\"\nauthor = \"<b>x</b>\"\nsummary = \"\\\"><img src=x onerror=alert(1)>\"\n+++\n\n<script>alert(1)</script>\n\n<iframe src=\"https://evil.example\"></iframe> <img src=x onerror=alert(2)>\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let publication =
        publish::read(&content, &Default::default()).unwrap_or_else(|e| panic!("{e:?}"));
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
        let home = fs::read_to_string(out.join("index.html"))
            .unwrap_or_default()
            .replace("<!---->", "");
        assert_eq!(home.contains(policy), expected, "{build:?}");
        assert!(out.join("_headers").is_file(), "{build:?}");
    }
}

#[test]
fn the_build_writes_a_page_for_every_route_in_the_apps_route_table() {
    let publication =
        publish::read(&fixture_content(), &Default::default()).unwrap_or_else(|e| panic!("{e:?}"));
    let index = content::post::PostIndex::from_posts(&publication.posts);
    let filled = publish::pages::Filled {
        site: &publication.site,
        posts: &index.posts,
    };
    let paths = publish::pages::paths(filled).unwrap_or_else(|e| panic!("{e}"));
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
    let home = fs::read_to_string(out.join("index.html"))
        .unwrap_or_default()
        .replace("<!---->", "");
    assert!(!home.contains("Convened by"), "no empty 'Convened by .'");
}

#[test]
fn a_published_file_the_views_cannot_read_fails_the_build_naming_the_page() {
    let out = built_once("unreadable");
    fs::write(out.join("content/timeline.json"), "{ not json").unwrap_or_else(|e| panic!("{e}"));
    let problems = finish_problems(&out);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("the page at /timeline cannot show its content")),
        "expected /timeline to be named: {problems:?}"
    );
}

#[test]
fn finish_renders_what_build_published_and_names_a_file_it_cannot_read_back() {
    let out = built_once("read-back");
    fs::write(out.join("content/posts/index.json"), "{ not json").unwrap_or_else(|e| panic!("{e}"));
    let problems = finish_problems(&out);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("index.json") && p.contains("cannot be read back")),
        "expected index.json to be named: {problems:?}"
    );
    // What finish renders is what was published, not the sources read again.
    let out = built_once("published-title");
    let file = out.join("content/site.json");
    let site = fs::read_to_string(&file).unwrap_or_default();
    let renamed = site.replacen("\"name\":\"", "\"name\":\"Published ", 1);
    assert_ne!(renamed, site, "no name in {site}");
    fs::write(&file, renamed).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(finish_problems(&out), Vec::<String>::new());
    let home = fs::read_to_string(out.join("index.html"))
        .unwrap_or_default()
        .replace("<!---->", "");
    assert!(
        home.contains("<title>Published "),
        "the home page's title comes from site.json"
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
