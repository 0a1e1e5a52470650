//! What a careless editor, a compromised content-manager account or a hurried deployer
//! can put in the build's way: every case is refused in words that name the file (and
//! the line, where there is one), and none crashes the build or reaches the published files.

mod common;

use common::*;
use std::fs;
use std::path::Path;

/// The media folder beside a copy of the content, as the content manager fills it.
fn media(content: &Path) -> std::path::PathBuf {
    let dir = content.join("../public/images");
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

#[test]
fn only_pictures_of_the_accepted_kinds_and_size_are_published_from_the_media_folder() {
    let content = copy_of_content("media");
    let dir = media(&content);
    fs::write(dir.join("photo.jpg"), small_jpeg()).unwrap_or_else(|e| panic!("{e}"));
    fs::write(dir.join("photo.js"), "alert(document.cookie)").unwrap_or_else(|e| panic!("{e}"));
    fs::write(dir.join("gallery.html"), "<script>steal()</script>")
        .unwrap_or_else(|e| panic!("{e}"));
    fs::write(dir.join("drawing.svg"), "<svg onload=alert(1)/>").unwrap_or_else(|e| panic!("{e}"));
    fs::write(dir.join("renamed.jpg"), PNG).unwrap_or_else(|e| panic!("{e}"));
    let mut big = small_jpeg();
    big.resize(21 * 1024 * 1024, 0);
    fs::write(dir.join("huge.jpg"), big).unwrap_or_else(|e| panic!("{e}"));
    let mut gif = b"GIF89a\x01\0\x01\0\0\0\0".to_vec();
    gif.resize(600 * 1024, 0);
    fs::write(dir.join("long.gif"), gif).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink("/etc/passwd", dir.join("link.png"))
        .unwrap_or_else(|e| panic!("{e}"));
    let messages = problems(&content);
    let about = |file: &str, words: &str| {
        assert!(
            messages
                .iter()
                .any(|m| m.contains(&format!("images/{file}: ")) && m.contains(words)),
            "{file}: expected {words:?} in {messages:?}"
        );
    };
    about("photo.js", "is not a picture the site serves");
    about("gallery.html", "is not a picture the site serves");
    about("drawing.svg", "is not a picture the site serves");
    about("renamed.jpg", "is a PNG picture under another name");
    about("huge.jpg", "a picture may be at most 20 MB");
    about("long.gif", "upload a still picture");
    about("link.png", "is a link to another file");
    assert!(
        !messages.iter().any(|m| m.contains("photo.jpg")),
        "a real picture passes: {messages:?}"
    );
    assert_eq!(messages.len(), 7, "{messages:?}");
}

#[test]
fn a_symbolic_link_anywhere_in_the_content_or_the_media_folder_is_refused_naming_it() {
    let content = copy_of_content("links");
    let outside = scratch("links-outside");
    let secret = outside.join("secret.md");
    let post = fs::read_to_string(content.join("posts/first-anniversary.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    fs::write(&secret, post.replace("first", "secret")).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(&secret, content.join("posts/linked.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    fs::create_dir_all(content.join("extra")).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(&outside, content.join("extra/folder"))
        .unwrap_or_else(|e| panic!("{e}"));
    let messages = problems(&content);
    for name in ["posts/linked.md", "extra/folder"] {
        assert!(
            messages
                .iter()
                .any(|m| m.contains(&format!("content/{name}: ")) && m.contains("symbolic link")),
            "{name}: {messages:?}"
        );
    }
    assert_eq!(messages.len(), 2, "{messages:?}");

    // The media folder itself a link: its pictures would publish from the linked folder.
    let content = copy_of_content("linked-media");
    let media = content.join("../public/images");
    let elsewhere = scratch("linked-media-elsewhere");
    fs::write(elsewhere.join("photo.jpg"), small_jpeg()).unwrap_or_else(|e| panic!("{e}"));
    fs::remove_dir_all(&media).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(&elsewhere, &media).unwrap_or_else(|e| panic!("{e}"));
    let messages = problems(&content);
    assert!(
        messages
            .iter()
            .any(|m| m.contains("public/images: ") && m.contains("symbolic link")),
        "{messages:?}"
    );
}

#[test]
fn pictures_are_served_under_a_policy_that_runs_nothing() {
    let headers = publish::headers::headers_file("default-src 'self'", &[], "default-src 'self'");
    let rule = headers
        .split("\n\n")
        .find(|block| block.starts_with("/images/*"))
        .unwrap_or_else(|| panic!("no rule for /images/*: {headers}"));
    assert!(rule.contains("! Content-Security-Policy"), "{rule}");
    assert!(
        rule.contains("Content-Security-Policy: default-src 'none'; sandbox"),
        "{rule}"
    );
}

#[test]
fn an_invisible_character_written_as_an_escape_or_reference_is_refused_where_it_is_written() {
    for (name, front, body, place) in [
        (
            "toml-escape",
            "title = \"A \\u000b title\"",
            "Words.",
            "first-anniversary.md:2:9",
        ),
        (
            "markdown-reference",
            "",
            "A vertical tab &#11; here.",
            "first-anniversary.md:",
        ),
        (
            "noncharacter",
            "",
            "A noncharacter \u{FFFF} here.",
            "first-anniversary.md:",
        ),
    ] {
        let content = copy_of_content(name);
        let post = content.join("posts/first-anniversary.md");
        let text = fs::read_to_string(&post).unwrap_or_default();
        let text = if front.is_empty() {
            format!("{text}\n{body}\n")
        } else {
            let title = text.lines().nth(1).unwrap_or_default().to_string();
            text.replacen(&title, front, 1)
        };
        fs::write(&post, text).unwrap_or_else(|e| panic!("{e}"));
        let messages = problems(&content);
        assert!(
            messages
                .iter()
                .any(|m| m.contains(place) && m.contains("invisible control character U+")),
            "{name}: {messages:?}"
        );
    }
}

#[test]
fn formatting_nested_ten_thousand_deep_is_refused_without_a_crash() {
    let content = copy_of_content("deep");
    let stars = "*".repeat(10_000);
    append(
        &content.join("posts/first-anniversary.md"),
        &format!("\n{stars}word{stars}\n"),
    );
    let run = run_build(&content, &scratch("deep-out"), &[]);
    let said = String::from_utf8_lossy(&run.stderr);
    assert_eq!(
        run.status.code(),
        Some(1),
        "a content mistake, not a crash: {said}"
    );
    assert!(
        said.contains("first-anniversary.md:") && said.contains("levels deep"),
        "{said}"
    );
}

#[test]
fn a_file_past_the_size_limit_is_refused_naming_it() {
    let content = copy_of_content("huge-post");
    let paragraph = "A paragraph repeated to make a very long post.\n\n";
    append(
        &content.join("posts/first-anniversary.md"),
        &paragraph.repeat(2 * 1024 * 1024 / paragraph.len() + 1),
    );
    let messages = problems(&content);
    assert!(
        messages
            .iter()
            .any(|m| m
                .contains("first-anniversary.md: the file is 2.1 MB; a file may be at most 1 MB")),
        "{messages:?}"
    );
}

#[test]
fn a_sign_in_address_that_is_not_an_https_origin_stops_the_build() {
    let content = copy_of_content("auth-url");
    for bad in [
        "https://auth.example.org\n! Content-Security-Policy\n  frame-ancestors *",
        "https://auth.example.org:*",
        "http://auth.example.org",
        "https://auth.example.org/callback",
    ] {
        let (passed, said) = build_with(&content, &[("CMS_AUTH_URL", bad)]);
        assert!(!passed, "{bad:?} passed");
        assert!(said.contains("CMS_AUTH_URL"), "{bad:?}: {said}");
        assert!(
            !said.contains("\n! Content"),
            "the value is quoted on one line: {said}"
        );
    }
    let (passed, said) = build_with(&content, &[("CMS_AUTH_URL", "https://auth.example.org")]);
    assert!(passed, "{said}");
}

#[test]
fn the_content_managers_production_policy_reaches_no_local_server() {
    let production = publish::cms::admin_policy(&publish::cms::Backend::default());
    assert!(!production.contains("localhost"), "{production}");
    let tests = publish::cms::admin_policy(&publish::cms::Backend {
        local: true,
        ..Default::default()
    });
    assert!(tests.contains("http://localhost:8081"), "{tests}");
}

#[test]
fn an_editors_line_break_never_reaches_the_workflow_log_as_a_line_of_its_own() {
    let content = copy_of_content("log-injection");
    edit(
        &content.join("posts/first-anniversary.md"),
        "category = \"news\"",
        "category = \"news\\n::stop-commands::token\"",
    );
    let run = run_build(&content, &scratch("log-out"), &[("GITHUB_ACTIONS", "true")]);
    for stream in [&run.stdout, &run.stderr] {
        let text = String::from_utf8_lossy(stream);
        assert!(
            !text
                .lines()
                .any(|l| l.trim_start().starts_with("::stop-commands::")),
            "{text}"
        );
    }
}

#[test]
fn the_deploy_runs_only_tools_locked_by_the_project() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let workflow = fs::read_to_string(root.join(".github/workflows/site.yml")).unwrap_or_default();
    assert!(
        !workflow.contains("npx "),
        "a tool fetched at run time: {workflow}"
    );
    assert!(
        workflow.contains("npm ci --ignore-scripts --prefix deploy"),
        "the deploy tool is installed without running install scripts: {workflow}"
    );
    let lock = fs::read_to_string(root.join("deploy/package-lock.json")).unwrap_or_default();
    assert!(
        lock.contains("\"node_modules/wrangler\""),
        "wrangler is locked"
    );
}

#[test]
fn the_deploy_token_lives_in_a_protected_environment_and_every_action_is_pinned() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let workflow = fs::read_to_string(root.join(".github/workflows/site.yml")).unwrap_or_default();
    // Every action by a full commit, its tag in a comment.
    for line in workflow.lines().filter(|l| l.contains("uses:")) {
        let used = line.split("uses:").nth(1).unwrap_or_default().trim();
        let commit = used.split('@').nth(1).unwrap_or_default();
        let sha: String = commit.chars().take_while(char::is_ascii_hexdigit).collect();
        assert!(
            sha.len() == 40 && commit[40..].trim_start().starts_with("# v"),
            "not pinned to a commit with its tag: {line}"
        );
    }
    // The token is named in one job only, the one that runs in `production`.
    let jobs = workflow
        .split("\njobs:\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no jobs: {workflow}"));
    let mut holding = Vec::new();
    let mut job = String::new();
    let mut body = String::new();
    for line in jobs.lines().chain(["  end:"]) {
        if line.starts_with("  ") && !line.starts_with("   ") && line.trim_end().ends_with(':') {
            if body.contains("secrets.CLOUDFLARE_API_TOKEN") {
                holding.push((job.clone(), body.clone()));
            }
            job = line.trim().trim_end_matches(':').to_string();
            body.clear();
        }
        body.push_str(line);
        body.push('\n');
    }
    assert_eq!(holding.len(), 1, "the token is in one job: {holding:?}");
    let (name, deploy) = &holding[0];
    assert!(
        deploy.contains("name: production") || deploy.contains("environment: production"),
        "{name} runs in the production environment: {deploy}"
    );
    assert!(
        deploy.contains("github.ref == 'refs/heads/main'")
            && deploy.contains("github.event_name != 'pull_request'"),
        "{name} runs only for main: {deploy}"
    );
    assert!(
        deploy.contains("download-artifact"),
        "{name} deploys the built site: {deploy}"
    );
}

#[test]
fn a_media_folder_that_cannot_be_read_stops_the_build_naming_it() {
    let content = copy_of_content("media-unreadable");
    let public = content.join("../public");
    fs::create_dir_all(&public).unwrap_or_else(|e| panic!("{e}"));
    // A file where the folder of pictures belongs: nothing in it can be listed.
    let _ = fs::remove_dir_all(public.join("images"));
    fs::write(public.join("images"), "not a folder").unwrap_or_else(|e| panic!("{e}"));
    let said = publish::read(&content, &Default::default())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(said.contains("images"), "the folder is named: {said:?}");
}
