//! Fluent English is never garbled: articles written for these tests (intact idioms, and
//! literal phrases that look like idiom frames), and, when `../shared` is beside the
//! repository, the newsroom articles of ecb-news and the human reference translations of the
//! parallel-news sets.

use crate::garble::{score_sentence, GarbleConfig};
use crate::report::{FindingKind, Reason};
use crate::Corpus;
use std::path::Path;

/// The lines (one sentence each, or one segment each) of every `.txt` file in `dir`, or of
/// every `reference.txt` one level below it.
fn lines_of(dir: &Path, reference_only: bool) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    for e in entries.flatten() {
        let p = e.path();
        if reference_only && p.is_dir() {
            files.push(p.join("reference.txt"));
        } else if !reference_only && p.extension().is_some_and(|x| x == "txt") {
            files.push(p);
        }
    }
    files.sort();
    let mut out = Vec::new();
    for f in files {
        if let Ok(text) = std::fs::read_to_string(&f) {
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                out.push((f.display().to_string(), line.to_string()));
            }
        }
    }
    out
}

fn own_articles() -> Vec<(String, String)> {
    lines_of(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fluent"),
        false,
    )
}

#[test]
fn no_idiom_finding_on_fluent_english() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let mut lines = own_articles();
    lines.extend(lines_of(&shared.join("ecb-news"), false));
    lines.extend(lines_of(&shared.join("ruen-news"), true));
    lines.extend(lines_of(&shared.join("zhen-news-mqm"), true));
    let config = GarbleConfig::default();
    let false_idioms: Vec<String> = lines
        .iter()
        .filter(|(_, l)| {
            score_sentence(l, &config)
                .reasons
                .contains(&Reason::BrokenIdiom)
        })
        .map(|(f, l)| format!("{f}: {l}"))
        .collect();
    assert!(false_idioms.is_empty(), "{false_idioms:#?}");
}

#[test]
fn own_fluent_articles_are_not_machine_translations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fluent");
    let mut corpus = Corpus::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/fluent")
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    for p in &names {
        let text = std::fs::read_to_string(p).expect("article");
        corpus
            .add(&p.file_name().unwrap().to_string_lossy(), &text)
            .expect("add");
    }
    let report = corpus.reconcile();
    assert!(
        report
            .documents
            .iter()
            .all(|d| !d.machine_translation.flagged),
        "{:?}",
        report.documents
    );
    let garbled: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::GarbledTranslation)
        .collect();
    assert!(garbled.is_empty(), "{garbled:#?}");
}

/// The fluent lines of the shared sets and of this crate's own articles.
fn fluent_lines() -> Vec<(String, String)> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let mut lines = own_articles();
    lines.extend(lines_of(&shared.join("ecb-news"), false));
    lines.extend(lines_of(&shared.join("ruen-news"), true));
    lines.extend(lines_of(&shared.join("zhen-news-mqm"), true));
    lines
}

#[test]
fn no_loop_and_no_tense_jump_on_fluent_english() {
    use crate::garble::{grammar, looping};
    // The pair rules (two determiners, a modal before a past form, stacked prepositions)
    // meet a writer's slip now and then ('a a small', 'will buried'); the longer rules and
    // loops must never fire on fluent text.
    let pair_rules = [
        "two determiners in a row",
        "a past form after a modal verb",
        "a preposition stacked on a preposition",
    ];
    let hits: Vec<String> = fluent_lines()
        .iter()
        .filter(|(_, l)| {
            looping::find_loop(l).is_some()
                || grammar::find_broken(l)
                    .iter()
                    .any(|g| !pair_rules.contains(&g.what))
        })
        .map(|(f, l)| format!("{f}: {l}"))
        .collect();
    assert!(hits.is_empty(), "{hits:#?}");
}
