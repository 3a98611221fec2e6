//! `gen_corpus N DIR` — writes the deterministic corpus of `N` articles that the `scale`
//! example reconciles (events of 5–50 articles, built from `../shared/data`) into `DIR`, one
//! file per article (`ev00012_03.txt`: event 12, article 3), so that other tools can be timed
//! and scored on exactly the same input (see `benches/peers/`).

#[path = "../benches/common/gen.rs"]
mod gen;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(dir)) = (
        args.first().and_then(|a| a.parse::<usize>().ok()),
        args.get(1).map(PathBuf::from),
    ) else {
        eprintln!("usage: gen_corpus N DIR");
        return ExitCode::from(2);
    };
    let dirs = gen::default_dirs();
    let sources = gen::load_sources(&dirs.iter().map(|p| p.as_path()).collect::<Vec<_>>());
    if sources.is_empty() {
        eprintln!("gen_corpus: no source articles under {dirs:?}");
        return ExitCode::FAILURE;
    }
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("gen_corpus: cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    // Same parameters as the scale example, so the numbers are comparable.
    for a in gen::generate(&sources, n, 5, 50, 42) {
        let path = dir.join(&a.id);
        if let Err(e) = std::fs::write(&path, &a.text) {
            eprintln!("gen_corpus: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
