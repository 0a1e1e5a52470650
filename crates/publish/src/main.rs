//! `publish`: run by Trunk before each build (`publish build`) and after it
//! (`publish finish`), or by hand to check content. The only place the build's
//! settings are read from the environment ([`publish::Settings`]).

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: publish build [--content DIR] [--out DIR]\n       publish finish [--out DIR]\n\
The output folder defaults to $TRUNK_STAGING_DIR, then dist; the content folder to
$PUBLISH_CONTENT, then content. finish renders the pages from what build published,
for the day $BUILD_DATE (YYYY-MM-DD), or else today.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let settings = match publish::Settings::read(|name| std::env::var(name).ok()) {
        Ok(settings) => settings,
        // Whether to annotate cannot come from settings that could not be read.
        Err(error) => {
            let in_workflow = std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true");
            return failed(&error, in_workflow);
        }
    };
    let value_of = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .map(PathBuf::from)
    };
    let out = value_of("--out").unwrap_or_else(|| settings.out.clone());
    let content_dir = value_of("--content").unwrap_or_else(|| settings.content.clone());
    let started = std::time::Instant::now();
    let ms = || started.elapsed().as_millis();
    let result = match args.first().map(String::as_str) {
        Some("build") => publish::read_with_media(&content_dir, &settings.delivery).and_then(
            |(mut library, uploads)| {
                let pictures = publish::pictures::publish(
                    &uploads,
                    &out,
                    &settings.picture_cache,
                    &mut library,
                )?;
                let files = publish::write_all(&library, &out, &settings.cms)?;
                say_before_launch(&publish::before_launch(&content_dir)?, settings.in_workflow);
                Ok(format!(
                    "{} posts checked, {pictures} pictures and {} files written to {}",
                    library.posts.len(),
                    files.len(),
                    out.display()
                ))
            },
        ),
        Some("finish") => publish::finish(
            &out,
            settings.build,
            settings.built,
            &settings.cms,
            &settings.picture_cache,
        )
        .map(|count| format!("{count} pages written to {}", out.display())),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(done) => {
            println!("publish: {} in {} ms", publish::say(&done), ms());
            ExitCode::SUCCESS
        }
        Err(error) => failed(&error, settings.in_workflow),
    }
}

/// Says what stopped the build; in a GitHub Actions run, each problem also lands on
/// the editor's change.
fn failed(error: &publish::Error, in_workflow: bool) -> ExitCode {
    // Every line escaped by `Error`'s own lines: no name can forge a workflow command.
    eprintln!("publish: {error}");
    if in_workflow {
        for annotation in error.annotations() {
            println!("{annotation}");
        }
    }
    ExitCode::FAILURE
}

/// Names each placeholder left in the content; in a workflow run also as a warning
/// annotation on its file and line, so a deploy with samples left is never silent.
fn say_before_launch(notes: &[editorial::source::SourceError], in_workflow: bool) {
    if notes.is_empty() {
        return;
    }
    eprintln!(
        "publish: before launch, replace {} placeholder(s) (the site builds with them):",
        notes.len()
    );
    for note in notes {
        eprintln!("  {}", publish::say(&note.to_string()));
    }
    if in_workflow {
        for note in notes {
            println!("{}", publish::annotation("warning", "Before launch", note));
        }
    }
}
