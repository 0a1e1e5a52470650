//! `publish`: run by Trunk before each build (`publish build`) and after it
//! (`publish finish`), or by hand to check content.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: publish build [--content DIR] [--out DIR]\n       publish finish [--content DIR] [--out DIR]\n\
The output folder defaults to $TRUNK_STAGING_DIR, then dist; the content folder to
$PUBLISH_CONTENT, then content. finish renders pages for the day $BUILD_DATE
(YYYY-MM-DD), or else today.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value_of = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .map(PathBuf::from)
    };
    let out = value_of("--out")
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("dist"));
    // PUBLISH_CONTENT lets a Trunk build (whose hooks take fixed arguments) use other content.
    let content_dir = value_of("--content")
        .or_else(|| std::env::var_os("PUBLISH_CONTENT").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("content"));
    let started = std::time::Instant::now();
    let ms = || started.elapsed().as_millis();
    let result = match args.first().map(String::as_str) {
        Some("build") => publish::read(&content_dir).and_then(|library| {
            let files = publish::write_all(&library, &out)?;
            say_before_launch(&publish::before_launch(&content_dir)?);
            Ok(format!(
                "{} posts checked, {} files written to {}",
                library.posts.len(),
                files.len(),
                out.display()
            ))
        }),
        Some("finish") => publish::finish(&content_dir, &out, build_kind())
            .map(|count| format!("{count} pages written to {}", out.display())),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(done) => {
            println!("publish: {done} in {} ms", ms());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("publish: {error}");
            // In a GitHub Actions run, each problem also lands on the editor's change.
            if in_workflow() {
                for annotation in error.annotations() {
                    println!("{annotation}");
                }
            }
            ExitCode::FAILURE
        }
    }
}

/// Names each placeholder left in the content; in a workflow run also as a warning
/// annotation on its file and line, so a deploy with samples left is never silent.
fn say_before_launch(notes: &[editorial::source::SourceError]) {
    if notes.is_empty() {
        return;
    }
    eprintln!(
        "publish: before launch, replace {} placeholder(s) (the site builds with them):",
        notes.len()
    );
    for note in notes {
        eprintln!("  {note}");
    }
    if in_workflow() {
        for note in notes {
            println!("{}", publish::annotation("warning", "Before launch", note));
        }
    }
}

/// True in a GitHub Actions run, where annotations reach the editor's change.
fn in_workflow() -> bool {
    std::env::var_os("GITHUB_ACTIONS").is_some_and(|v| v == "true")
}

/// A debug build run by Trunk (`trunk serve`, `trunk build` without `--release`) is for developing.
fn build_kind() -> publish::Build {
    match std::env::var("TRUNK_PROFILE").as_deref() {
        Ok("debug") => publish::Build::Development,
        _ => publish::Build::Release,
    }
}
