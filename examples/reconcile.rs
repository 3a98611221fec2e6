//! `reconcile [--json] FILE...` — reconcile news articles (plain text or HTML pages; `-`
//! reads standard input) and print what they agree and disagree on. Without files, runs on
//! the built-in sample corpus in `examples/sample/`.
//!
//! With `--json`, prints the report in report format v1 on stdout and nothing else. Files are
//! read by `corroborate::input` (`-` is standard input); an input that cannot be read or is
//! refused is named on stderr, the others are reconciled, and the exit code is 1. The
//! `corroborate` tool does all this and more (directories, JSON lines, HTML).

use corroborate::render::{self, Extras};
use corroborate::{input, Config, Corpus, Error, Report};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Faster than the system allocator for this workload (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let mut json = false;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut config = Config::default();
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--json") => json = true,
            Some("--set") => {
                let kv = args.next().and_then(|a| a.into_string().ok());
                let Some((k, v)) = kv.as_deref().and_then(|kv| kv.split_once('=')) else {
                    eprintln!("reconcile: --set needs KEY=VALUE, e.g. --set align.min_score=0.3");
                    return ExitCode::from(2);
                };
                if let Err(e) = config.set(k, v) {
                    eprintln!("reconcile: {e}");
                    return ExitCode::from(2);
                }
            }
            Some("-h" | "--help") => {
                println!("usage: reconcile [--json] [--set KEY=VALUE]... [FILE...]\n\nWithout FILE, runs on the built-in sample corpus.\n--set changes a numeric setting of corroborate::Config, e.g. --set align.min_score=0.3");
                return ExitCode::SUCCESS;
            }
            Some(a) if a.starts_with('-') && a != "-" => {
                eprintln!("reconcile: unknown option '{a}' (try --help)");
                return ExitCode::from(2);
            }
            _ => files.push(PathBuf::from(arg)),
        }
    }
    if files.is_empty() {
        files = sample_files();
    }
    match run(&files, config) {
        Ok(report) => {
            for r in &report.refused {
                eprintln!("reconcile: refused {}: {}", r.id, r.error);
            }
            use std::io::Write;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = if json {
                report
                    .write_json(&mut out)
                    .and_then(|()| out.write_all(b"\n"))
            } else {
                out.write_all(render::text::render(&report, &Extras::default()).as_bytes())
            };
            let _ = out.flush();
            if report.refused.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("reconcile: {e}");
            ExitCode::FAILURE
        }
    }
}

fn sample_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Reads the files through `corroborate::input` (ids as the report format says), ingests
/// and reconciles them. An input that cannot be read or is refused is listed in the
/// report's `refused` and the run goes on without it.
fn run(files: &[PathBuf], config: Config) -> Result<Report, Error> {
    let mut corpus = Corpus::with_config(config)?;
    // A progress bar on stderr, only for long runs and only when a person is watching.
    let bar = files.len() >= 50 && std::io::stderr().is_terminal();
    if bar {
        draw(0.0, "reading");
    }
    let read = input::read_paths(files, &input::ReadOptions::default());
    input::refuse_unread(&mut corpus, &read);
    if bar {
        draw(0.15, "ingesting");
    }
    input::add_to(&mut corpus, &read.inputs);
    let report = corpus.reconcile_with_progress(|p| {
        if bar {
            draw(
                0.25 + 0.75 * p.stage.fraction(),
                &format!("{:?}", p.stage).to_lowercase(),
            );
        }
    });
    if bar {
        eprint!("\r{:60}\r", "");
    }
    Ok(report)
}

fn draw(fraction: f64, what: &str) {
    let width = 30;
    let done = ((fraction.clamp(0.0, 1.0)) * width as f64) as usize;
    eprint!(
        "\r[{}{}] {:3.0}% {:10}",
        "=".repeat(done),
        " ".repeat(width - done),
        fraction * 100.0,
        what
    );
}
