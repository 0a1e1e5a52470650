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
    publish::read(content)
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
        .envs(env.iter().copied())
        .output()
        .unwrap_or_else(|e| panic!("expected the publish binary to run: {e}"))
}
