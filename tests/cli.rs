//! The `corroborate` binary end to end: formats, inputs, settings and exit codes.
#![cfg(feature = "cli")]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn corroborate(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample")
}

fn sample_report() -> corroborate::Report {
    let mut corpus = corroborate::Corpus::new();
    for (id, text) in common::SAMPLE {
        corpus.add(id, text).unwrap();
    }
    corpus.reconcile()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn json_of_a_directory_is_the_library_report() {
    let dir = sample_dir();
    let o = corroborate(&["--format", "json", dir.to_str().unwrap()], b"");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        stdout(&o) == sample_report().to_json() + "\n",
        "JSON differs from the library's"
    );
}

#[test]
fn json_lines_carry_every_record_once() {
    let dir = sample_dir();
    let o = corroborate(&["-f", "jsonl", dir.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0));
    let report = sample_report();
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for line in stdout(&o).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        *counts
            .entry(v["type"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let want = [
        ("alignment", report.alignments.len()),
        ("document", report.documents.len()),
        ("entity", report.entities.len()),
        ("event", report.events.len()),
        ("finding", report.findings.len()),
        ("report", 1),
    ];
    let want: std::collections::BTreeMap<String, usize> =
        want.iter().map(|(k, n)| (k.to_string(), *n)).collect();
    assert_eq!(counts, want);
}

#[test]
fn stdin_json_lines_with_dates_and_a_refused_record_exit_1() {
    let (a, b) = (common::SAMPLE[0].1, common::SAMPLE[1].1);
    let lines = format!(
        "{}\n{}\n{{\"id\": \"empty\", \"text\": \"  \"}}\n",
        serde_json::json!({"id": "a", "text": a, "published": "2024-02-01", "source": "Wire", "url": "https://example.org/a"}),
        serde_json::json!({"id": "b", "text": b}),
    );
    let o = corroborate(&["--input", "jsonl", "-f", "jsonl", "-"], lines.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("refused empty"), "{err}");
    let out = stdout(&o);
    let doc: serde_json::Value = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["type"] == "document" && v["id"] == "a")
        .unwrap();
    assert_eq!(doc["published"], "2024-02-01");
    assert_eq!(doc["source"], "Wire");
    assert!(out.contains("\"type\":\"refused\""), "{out}");
}

#[test]
fn every_setting_can_be_set_and_bad_ones_exit_2() {
    let dir = sample_dir();
    let o = corroborate(
        &[
            "--set",
            "compare.min_finding_confidence=0.7",
            "-f",
            "json",
            dir.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(0));
    let report: corroborate::Report = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(report
        .findings
        .iter()
        .filter(|f| f.kind == corroborate::FindingKind::Contradiction)
        .all(|f| f.confidence >= 0.7));
    for bad in [
        "compare.min_finding_confidence=7",
        "no.such=1",
        "align.min_score",
    ] {
        let o = corroborate(&["--set", bad, dir.to_str().unwrap()], b"");
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(!o.stderr.is_empty());
    }
    let o = corroborate(&["settings"], b"");
    let listing = stdout(&o);
    for s in corroborate::settings::SETTINGS {
        assert!(listing.contains(s.name), "{}", s.name);
    }
}

#[test]
fn a_toml_config_file_is_read_and_its_errors_exit_2() {
    let dir = std::env::temp_dir().join(format!("corroborate-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.toml");
    std::fs::write(&good, "[compare]\nmin_finding_confidence = 0.9\n").unwrap();
    let o = corroborate(&["settings", "--config", good.to_str().unwrap()], b"");
    assert!(stdout(&o).contains("0.9 (default 0.6)"), "{}", stdout(&o));
    let o = corroborate(&["settings", "--toml"], b"");
    std::fs::write(&good, stdout(&o)).unwrap();
    let o = corroborate(
        &[
            "-f",
            "json",
            "--config",
            good.to_str().unwrap(),
            sample_dir().to_str().unwrap(),
        ],
        b"",
    );
    assert!(
        stdout(&o) == sample_report().to_json() + "\n",
        "the defaults file changes something"
    );
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[align]\nmin_scor = 0.3\n").unwrap();
    let o = corroborate(
        &[
            "--config",
            bad.to_str().unwrap(),
            sample_dir().to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("align.min_score"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn html_and_text_go_to_the_output_file_named() {
    let dir = std::env::temp_dir().join(format!("corroborate-cli-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("report.html");
    let o = corroborate(
        &["-o", page.to_str().unwrap(), sample_dir().to_str().unwrap()],
        b"",
    );
    assert_eq!(o.status.code(), Some(0));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("li class=\"finding"));
    let o = corroborate(&[sample_dir().to_str().unwrap()], b"");
    assert!(stdout(&o).contains("EVENT e0"));
    let o = corroborate(&["missing-file.txt"], b"");
    assert_eq!(o.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_schema_subcommand_prints_the_schema() {
    let o = corroborate(&["schema"], b"");
    assert_eq!(stdout(&o).trim_end(), corroborate::report::json_schema());
}
