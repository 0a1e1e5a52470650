//! What `publish build` writes: every published file, the feeds and sitemap, the schemas.

mod common;

use common::*;
use std::fs;

#[test]
fn the_suites_content_publishes_every_file() {
    let publication =
        publish::read(&fixture_content(), &Default::default()).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(publication.posts.len() >= 4);
    let out = scratch("out");
    let written = publish::write_all(&publication, &out, &Default::default())
        .unwrap_or_else(|e| panic!("{e}"));
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
fn a_character_xml_forbids_never_reaches_a_feed_even_if_it_slips_past_the_checks() {
    let mut publication =
        publish::read(&fixture_content(), &Default::default()).unwrap_or_else(|e| panic!("{e:?}"));
    let bad = "a\u{1}b\u{FFFE}c\u{FFFF}d\u{FDD0}e\u{B}f";
    publication.site.name.push_str(bad);
    for post in &mut publication.posts {
        post.meta.title.push_str(bad);
        post.meta.summary.push_str(bad);
        post.meta.author.push_str(bad);
        post.body.push(content::doc::Block::Code {
            language: Some(format!("rust{bad}")),
            text: bad.into(),
        });
        post.body.push(content::doc::Block::Paragraph {
            content: vec![content::doc::Inline::Link {
                href: format!("https://example.org/{bad}"),
                content: vec![content::doc::Inline::text(bad)],
            }],
        });
    }
    let atom = publish::feeds::atom(&publication);
    roxmltree::Document::parse(&atom).unwrap_or_else(|e| panic!("feed.xml is not XML: {e}"));
    assert!(atom.contains("abcdef"), "the visible words stay");
    let paths: Vec<String> = vec![format!("/blog{bad}")];
    let sitemap = publish::feeds::sitemap(&publication, &paths);
    roxmltree::Document::parse(&sitemap).unwrap_or_else(|e| panic!("sitemap is not XML: {e}"));
}

#[test]
fn feeds_and_sitemap_parse_back_with_every_post() {
    let publication =
        publish::read(&fixture_content(), &Default::default()).unwrap_or_else(|e| panic!("{e:?}"));
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

    let index = content::post::PostIndex::from_posts(&publication.posts);
    let filled = publish::pages::Filled {
        site: &publication.site,
        posts: &index.posts,
    };
    let paths = publish::pages::paths(filled).unwrap_or_else(|e| panic!("{e}"));
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
