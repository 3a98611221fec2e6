//! `reconcile [--json] FILE...` — reconcile news articles and print what they agree and
//! disagree on. Without files, runs on the built-in sample corpus in `examples/sample/`.
//!
//! With `--json`, prints the report in report format v1 on stdout and nothing else.

use corroborate::report::{FindingKind, Report};
use corroborate::{Config, Corpus, Error};
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
                let kv = args
                    .next()
                    .and_then(|a| a.into_string().ok())
                    .unwrap_or_default();
                let (k, v) = kv.split_once('=').unwrap_or((&kv, ""));
                if let Err(e) = config.set(k, v) {
                    eprintln!("reconcile: {e}");
                    return ExitCode::from(2);
                }
            }
            Some("-h" | "--help") => {
                println!("usage: reconcile [--json] [--set KEY=VALUE]... [FILE...]\n\nWithout FILE, runs on the built-in sample corpus.\n--set changes a numeric setting of corroborate::Config, e.g. --set align.min_score=0.3");
                return ExitCode::SUCCESS;
            }
            Some(a) if a.starts_with("--") => {
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
            use std::io::Write;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = if json {
                report
                    .write_json(&mut out)
                    .and_then(|()| out.write_all(b"\n"))
            } else {
                out.write_all(human(&report).as_bytes())
            };
            let _ = out.flush();
            ExitCode::SUCCESS
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

fn run(files: &[PathBuf], config: Config) -> Result<Report, Error> {
    let mut corpus = Corpus::with_config(config)?;
    // A progress bar on stderr, only for long runs and only when a person is watching.
    let bar = files.len() >= 50 && std::io::stderr().is_terminal();
    let mut docs: Vec<(String, Vec<u8>)> = Vec::with_capacity(files.len());
    for (i, path) in files.iter().enumerate() {
        if bar && i % 10 == 0 {
            draw(0.15 * i as f64 / files.len() as f64, "reading");
        }
        let id = path.file_name().map_or_else(
            || path.to_string_lossy().into_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let bytes = std::fs::read(path).map_err(|e| Error::Io {
            path: path.clone(),
            message: e.to_string(),
        })?;
        docs.push((id, bytes));
    }
    if bar {
        draw(0.15, "ingesting");
    }
    // Ingested in parallel; the first article refused stops the run with its error.
    for result in corpus.add_all_bytes(&docs) {
        result?;
    }
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

/// `writeln!` into a String, which cannot fail.
macro_rules! w {
    ($o:expr, $($t:tt)*) => {{
        let _ = writeln!($o, $($t)*);
    }};
}

fn human(r: &Report) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let text = |d: &str, s: usize| -> String {
        r.documents
            .iter()
            .find(|x| x.id == d)
            .and_then(|x| x.sentences.get(s))
            .map(|s| s.text.clone())
            .unwrap_or_default()
    };
    w!(
        o,
        "{} documents, {} events, {} entities, {} aligned sentence pairs\n",
        r.documents.len(),
        r.events.len(),
        r.entities.len(),
        r.alignments.len()
    );
    w!(o, "EVENTS");
    for e in &r.events {
        w!(o, "  {}: {}", e.id, e.documents.join(", "));
    }
    w!(o, "\nDOCUMENTS");
    for d in &r.documents {
        w!(
            o,
            "  {} [{}] {} | published {} | {} sentences | machine translation {:.2}{}",
            d.id,
            d.event,
            d.title.as_deref().unwrap_or("(no headline)"),
            d.published.as_deref().unwrap_or("unknown"),
            d.sentences.len(),
            d.machine_translation.score,
            if d.machine_translation.flagged {
                " GARBLED"
            } else {
                ""
            }
        );
    }
    w!(o, "\nENTITIES (with spelling variants)");
    for e in &r.entities {
        let mut variants: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
        variants.sort_unstable();
        variants.dedup();
        w!(
            o,
            "  {} ({:?}, {} mentions): {}",
            e.canonical,
            e.kind,
            e.mentions.len(),
            variants.join(" / ")
        );
    }
    for (title, kind) in [
        ("CONTRADICTIONS", FindingKind::Contradiction),
        ("AGREEMENTS", FindingKind::Agreement),
        ("GARBLED TRANSLATIONS", FindingKind::GarbledTranslation),
    ] {
        let fs: Vec<_> = r.findings.iter().filter(|f| f.kind == kind).collect();
        w!(o, "\n{title} ({})", fs.len());
        for f in fs {
            w!(
                o,
                "  [{:.2}] {} — {}",
                f.confidence,
                f.reasons.join(", "),
                f.explanation
            );
            for s in &f.sentences {
                w!(
                    o,
                    "      {}#{}: {}",
                    s.document,
                    s.sentence,
                    text(&s.document, s.sentence)
                );
            }
        }
    }
    o
}
