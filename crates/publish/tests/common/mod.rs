//! What every test of the build tool shares: scratch folders, the suite's own content
//! and copies of it to spoil, and the binary run as Trunk runs it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A fresh, empty folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("publish-test-{}-{name}-{n}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

/// Today, as `finish` renders for it when no `BUILD_DATE` is set.
pub fn today() -> content::date::PartialDate {
    publish::build_date(None).unwrap_or_else(|e| panic!("{e}"))
}

/// The suite's own content: the words, names and counts the tests below may assert.
pub fn fixture_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/content")
}

/// The editors' content, whatever they have made of it.
pub fn editors_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

/// A copy of the suite's content to edit or spoil, as `content/` in a folder of its own
/// (so `../public/images` beside it is the test's own media folder).
pub fn copy_of_content(name: &str) -> PathBuf {
    let dir = scratch(name).join("content");
    let from = fixture_content();
    fs::create_dir_all(dir.join("posts")).unwrap_or_else(|e| panic!("{e}"));
    fs::copy(from.join("site.toml"), dir.join("site.toml")).unwrap_or_else(|e| panic!("{e}"));
    for file in ["timeline.toml", "members.toml"] {
        fs::copy(from.join(file), dir.join(file)).unwrap_or_else(|e| panic!("{e}"));
    }
    fs::create_dir_all(dir.join("pages")).unwrap_or_else(|e| panic!("{e}"));
    for slug in content::post::PAGES {
        let file = format!("pages/{slug}.md");
        fs::copy(from.join(&file), dir.join(&file)).unwrap_or_else(|e| panic!("{e}"));
    }
    let media = dir.join("../public/images");
    fs::create_dir_all(&media).unwrap_or_else(|e| panic!("{e}"));
    for entry in fs::read_dir(from.join("../public/images"))
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        fs::copy(entry.path(), media.join(entry.file_name())).unwrap_or_else(|e| panic!("{e}"));
    }
    for entry in fs::read_dir(from.join("posts"))
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        fs::copy(entry.path(), dir.join("posts").join(entry.file_name()))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

/// Every problem `publish::read` reports for `content`, as an editor reads it.
pub fn problems(content: &Path) -> Vec<String> {
    publish::read(content, &Default::default())
        .err()
        .map(|e| e.lines())
        .unwrap_or_default()
}

/// Adds `more` to the end of the file at `path`.
pub fn append(path: &Path, more: &str) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    fs::write(path, text + more).unwrap_or_else(|e| panic!("{e}"));
}

pub fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap_or_else(|e| panic!("{e}"));
}

/// Runs `publish build` on `content` with `env` set, returning whether it passed and what it said.
pub fn build_with(content: &Path, env: &[(&str, &str)]) -> (bool, String) {
    let run = run_build(content, &scratch("settings-out"), env);
    (
        run.status.success(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

/// Runs the `publish build` binary on `content` with `env` set, into `out`.
pub fn run_build(content: &Path, out: &Path, env: &[(&str, &str)]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_publish"))
        .args(["build", "--content"])
        .arg(content)
        .arg("--out")
        .arg(out)
        .env("PICTURE_CACHE", picture_cache())
        .envs(env.iter().copied())
        .output()
        .unwrap_or_else(|e| panic!("expected the publish binary to run: {e}"))
}

/// A folder as Trunk leaves it for the post-build hook: the JSON `publish build` wrote and
/// Trunk's `index.html`, then finished; `finish`'s result is returned with the folder.
pub fn finished(
    name: &str,
    content: &Path,
    template: &str,
    build: publish::Build,
) -> (PathBuf, Result<usize, publish::Error>) {
    let out = scratch(name);
    let (mut publication, uploads) =
        publish::read_with_media(content, &Default::default()).unwrap_or_else(|e| panic!("{e:?}"));
    publish::pictures::publish(&uploads, &out, &picture_cache(), &mut publication)
        .unwrap_or_else(|e| panic!("{e}"));
    publish::write_all(&publication, &out, &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    fs::write(out.join("index.html"), template).unwrap_or_else(|e| panic!("{e}"));
    let result = publish::finish(&out, build, today(), &Default::default(), &picture_cache());
    (out, result)
}

/// The tests' cache of pictures and share cards, shared: what is kept is named by its
/// content, so one test's work is another's cache hit.
pub fn picture_cache() -> PathBuf {
    std::env::temp_dir().join("publish-tests-picture-cache")
}

pub const TEMPLATE: &str = "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<title>x</title>\n<meta name=\"description\" content=\"\" />\n<meta name=\"color-scheme\" content=\"light dark\" />\n<script type=\"module\">import init from '/app.js';\nawait init({ module_or_path: '/app_bg.wasm' });</script>\n<link rel=\"preload\" href=\"/app_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-x\" as=\"fetch\" type=\"application/wasm\"></head>\n<body>\n<div id=\"app\"></div>\n</body>\n</html>\n";

/// `build`'s output in a folder of its own, with the page template `finish` fills.
pub fn built_once(name: &str) -> PathBuf {
    let content = copy_of_content(name);
    let out = scratch(&format!("{name}-out"));
    let publication =
        publish::read(&content, &Default::default()).unwrap_or_else(|e| panic!("{e:?}"));
    publish::write_all(&publication, &out, &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    fs::write(out.join("index.html"), TEMPLATE).unwrap_or_else(|e| panic!("{e}"));
    out
}

/// What `finish` says about the build in `out`, a line each.
pub fn finish_problems(out: &Path) -> Vec<String> {
    publish::finish(
        out,
        publish::Build::Release,
        today(),
        &Default::default(),
        &picture_cache(),
    )
    .err()
    .map(|e| e.lines())
    .unwrap_or_default()
}

/// Writes `n` made-up posts into a copy of the shipped content, as the scale check does.
pub fn with_posts(name: &str, n: usize) -> PathBuf {
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
pub fn preloads(page: &str) -> Vec<String> {
    let tag = "<meta name=\"content-files\" content=\"";
    page.find(tag)
        .and_then(|at| {
            let rest = &page[at + tag.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .map(|files| files.split(' ').map(str::to_string).collect())
        .unwrap_or_default()
}

/// A real JPEG of a few pixels, as small as a picture gets.
pub fn small_jpeg() -> Vec<u8> {
    jpeg_of(8, 6)
}

/// A JPEG `width` × `height` pixels of a smooth gradient, as a camera's photo compresses.
pub fn jpeg_of(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x * 255 / width.max(1)) as u8,
            (y * 255 / height.max(1)) as u8,
            ((x + y) % 256) as u8,
        ])
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 92)
        .encode_image(&picture)
        .unwrap_or_else(|e| panic!("{e}"));
    bytes
}
