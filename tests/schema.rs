//! The JSON Schema of the report (docs/report-schema.json) is generated from the report
//! types and validates real reports: the sample corpus, and the seeds and ecb-news when
//! `../shared` is beside the checkout.
#![cfg(feature = "schema")]

mod common;

use corroborate::Corpus;
use std::path::{Path, PathBuf};

fn manifest(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[test]
fn docs_report_schema_json_is_the_generated_schema() {
    let path = manifest("docs/report-schema.json");
    let want = corroborate::report::json_schema() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/report-schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test --test schema`"
    );
}

fn validate(name: &str, report: &corroborate::Report) {
    let schema: serde_json::Value =
        serde_json::from_str(&corroborate::report::json_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let instance: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:?}");
    // The schema is not vacuous: a report with a field of the wrong type fails.
    let mut broken = instance.clone();
    broken["documents"] = serde_json::json!("not a list");
    assert!(
        !validator.is_valid(&broken),
        "{name}: a broken report passes"
    );
}

/// The articles of a folder of `../shared`, or `None` when it is not there.
fn shared(folder: &str) -> Option<corroborate::Report> {
    let dir = manifest("../shared").join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let docs: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|f| {
            let id = f.file_name().unwrap().to_string_lossy().into_owned();
            (id, std::fs::read(f).unwrap())
        })
        .collect();
    let mut corpus = Corpus::new();
    for r in corpus.add_all_bytes(&docs) {
        r.unwrap();
    }
    Some(corpus.reconcile())
}

#[test]
fn the_schema_validates_the_sample_report() {
    let mut corpus = Corpus::new();
    for (id, text) in common::SAMPLE {
        corpus.add(id, text).unwrap();
    }
    validate("sample", &corpus.reconcile());
}

#[test]
fn the_schema_validates_the_seed_and_ecb_news_reports() {
    for folder in ["seeds", "data/ecb-news"] {
        match shared(folder) {
            Some(report) => validate(folder, &report),
            None => eprintln!("skipped: no ../shared/{folder}"),
        }
    }
}
