//! The report of the built-in sample corpus, kept in tests/golden/sample-report.json, so
//! that any change to the format or the results is a visible diff in review. After an
//! intended change: `UPDATE_GOLDEN=1 cargo test --test golden`, and read the diff.

mod common;

#[test]
fn the_sample_report_is_the_golden_one() {
    let mut corpus = corroborate::Corpus::new();
    for (id, text) in common::SAMPLE {
        corpus.add(id, text).unwrap();
    }
    let have = corpus.reconcile().to_json() + "\n";
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/sample-report.json"
    );
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
        std::fs::write(path, &have).unwrap();
    }
    let want = std::fs::read_to_string(path).unwrap_or_default();
    if have != want {
        let first = have
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(have.lines().count().min(want.lines().count()));
        panic!(
            "the sample report differs from tests/golden/sample-report.json from line {}:\n  now:    {}\n  golden: {}\n(if intended: UPDATE_GOLDEN=1 cargo test --test golden, and review the diff)",
            first + 1,
            have.lines().nth(first).unwrap_or("(end)"),
            want.lines().nth(first).unwrap_or("(end)")
        );
    }
}

/// docs/report-format.md starts with the shared contract, word for word.
#[test]
fn docs_report_format_md_holds_the_shared_spec() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let Ok(spec) = std::fs::read_to_string(root.join("../shared/spec/report-format.md")) else {
        eprintln!("skipped: no ../shared/spec/report-format.md");
        return;
    };
    let docs = std::fs::read_to_string(root.join("docs/report-format.md")).unwrap();
    assert!(
        docs.starts_with(&spec),
        "docs/report-format.md is behind ../shared/spec/report-format.md: copy the spec over its first part"
    );
}
