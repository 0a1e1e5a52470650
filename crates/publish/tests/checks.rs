//! The content's rules end to end: each mistake an editor can make stops the build,
//! named by its file, line and field, and nothing is written.

mod common;

use common::*;
use std::fs;

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
    let library = publish::read(&content, &Default::default()).unwrap_or_else(|e| panic!("{e}"));
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
    let library = publish::read(&content, &Default::default()).unwrap_or_else(|e| panic!("{e}"));
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
        "first-anniversary.md:12:36: an invisible control character U+000B (a vertical tab), often pasted from a word processor; delete it and type the text again",
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
