//! `reconcile` on the sample corpus: invariants of the report that any correct
//! implementation of the stages keeps, the JSON shape of report format v1, and the errors
//! the `reconcile` example relies on.

use corroborate::report::{FindingKind, Relation, Report, REPORT_VERSION};
use corroborate::{reconcile, Config, Corpus, Error};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

mod common;
use common::SAMPLE;

fn sample_report() -> Report {
    reconcile(SAMPLE).expect("sample ingests")
}

fn original(id: &str) -> &'static str {
    SAMPLE
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, t)| *t)
        .unwrap_or_else(|| panic!("unknown document id {id}"))
}

/// Number of sentences of each document.
fn sentence_counts(r: &Report) -> BTreeMap<&str, usize> {
    r.documents
        .iter()
        .map(|d| (d.id.as_str(), d.sentences.len()))
        .collect()
}

#[test]
fn every_document_is_in_exactly_one_event() {
    let r = sample_report();
    assert_eq!(r.version, REPORT_VERSION);
    let ids: Vec<&str> = r.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, SAMPLE.iter().map(|(i, _)| *i).collect::<Vec<_>>());
    let mut seen = BTreeMap::new();
    for (n, e) in r.events.iter().enumerate() {
        assert_eq!(e.id, format!("e{n}"));
        assert!(!e.documents.is_empty(), "event {} is empty", e.id);
        for d in &e.documents {
            assert!(
                seen.insert(d.as_str(), e.id.as_str()).is_none(),
                "{d} is in two events"
            );
        }
        // Documents of an event are listed in input order.
        let pos: Vec<usize> = e
            .documents
            .iter()
            .map(|d| ids.iter().position(|i| i == d).expect("known id"))
            .collect();
        assert!(pos.windows(2).all(|w| w[0] < w[1]), "{}: {pos:?}", e.id);
    }
    for d in &r.documents {
        assert_eq!(seen.get(d.id.as_str()), Some(&d.event.as_str()), "{}", d.id);
    }
    // Events are numbered in order of their first document.
    let firsts: Vec<usize> = r
        .events
        .iter()
        .map(|e| ids.iter().position(|i| *i == e.documents[0]).unwrap())
        .collect();
    assert!(firsts.windows(2).all(|w| w[0] < w[1]));
    // The October article reports a later event than the June ones.
    let e05 = &r.documents[4].event;
    assert!(r.documents[..4].iter().all(|d| &d.event != e05));
}

#[test]
fn spans_slice_the_original_text_exactly() {
    let r = sample_report();
    for d in &r.documents {
        let text = original(&d.id);
        assert!(!d.sentences.is_empty(), "{}", d.id);
        let mut prev_end = 0;
        for (i, s) in d.sentences.iter().enumerate() {
            assert!(s.start < s.end && s.start >= prev_end, "{}#{i}", d.id);
            assert_eq!(
                text.get(s.start..s.end),
                Some(s.text.as_str()),
                "{}#{i}",
                d.id
            );
            prev_end = s.end;
        }
    }
    for e in &r.entities {
        for m in &e.mentions {
            assert_eq!(
                original(&m.document).get(m.start..m.end),
                Some(m.text.as_str()),
                "mention of {}",
                e.canonical
            );
        }
    }
    for f in &r.findings {
        for ev in &f.evidence {
            assert_eq!(
                original(&ev.document).get(ev.start..ev.end),
                Some(ev.text.as_str()),
                "evidence of {:?}",
                f.kind
            );
        }
    }
}

#[test]
fn sentence_numbers_are_in_range_and_consistent() {
    let r = sample_report();
    let counts = sentence_counts(&r);
    let event_of: BTreeMap<&str, &str> = r
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.event.as_str()))
        .collect();
    let in_range = |doc: &str, s: usize| counts.get(doc).is_some_and(|&n| s < n);

    for a in &r.alignments {
        assert!(in_range(&a.a.document, a.a.sentence), "{a:?}");
        assert!(in_range(&a.b.document, a.b.sentence), "{a:?}");
        assert_ne!(a.a.document, a.b.document, "alignment within one document");
        assert_eq!(
            event_of[a.a.document.as_str()],
            event_of[a.b.document.as_str()],
            "alignment across events: {a:?}"
        );
        assert!((0.0..=1.0).contains(&a.score), "{a:?}");
        assert_ne!(a.relation, Relation::Unrelated, "{a:?}");
    }
    for e in &r.entities {
        assert!(!e.canonical.is_empty());
        for m in &e.mentions {
            assert!(in_range(&m.document, m.sentence), "{m:?}");
            // The mention lies inside its sentence.
            let d = r.documents.iter().find(|d| d.id == m.document).unwrap();
            let s = &d.sentences[m.sentence];
            assert!(s.start <= m.start && m.end <= s.end, "{m:?} outside {s:?}");
            assert!(
                !m.text.starts_with("Mr.") && !m.text.ends_with("'s"),
                "{m:?}"
            );
        }
    }
    for f in &r.findings {
        assert!((0.0..=1.0).contains(&f.confidence), "{f:?}");
        assert!(!f.reasons.is_empty() && !f.explanation.is_empty(), "{f:?}");
        for reason in f.reasons.iter().map(|r| r.as_str()) {
            assert!(
                !reason.is_empty()
                    && reason
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "reason '{reason}' is not snake_case"
            );
        }
        for s in &f.sentences {
            assert!(in_range(&s.document, s.sentence), "{f:?}");
        }
        for ev in &f.evidence {
            assert!(in_range(&ev.document, ev.sentence), "{f:?}");
        }
        let docs: BTreeSet<&str> = f.sentences.iter().map(|s| s.document.as_str()).collect();
        match f.kind {
            FindingKind::Contradiction => {
                // Format 1.1: one finding per fact, its sentences split into two sides;
                // the first two sentences are one of each side.
                let sides = f.sides.as_ref().expect("a contradiction has sides");
                assert_eq!(sides.len(), 2, "{f:?}");
                assert!(sides[0].contains(&0) && sides[1].contains(&1), "{f:?}");
                let mut all: Vec<usize> = sides.concat();
                all.sort_unstable();
                assert_eq!(all, (0..f.sentences.len()).collect::<Vec<_>>(), "{f:?}");
                assert!(docs.len() >= 2, "{f:?}");
                assert_ne!(f.sentences[0].document, f.sentences[1].document, "{f:?}");
            }
            FindingKind::Agreement => {
                assert!(f.sentences.len() >= 2 && docs.len() >= 2, "{f:?}")
            }
            FindingKind::GarbledTranslation => {
                assert!(!f.sentences.is_empty() && f.sentences.len() <= 2, "{f:?}");
                if f.sentences.len() == 2 {
                    assert_eq!(docs.len(), 2, "{f:?}");
                }
            }
            other => panic!("a kind this test does not know: {other:?}"),
        }
    }
    for d in &r.documents {
        let mt = d.machine_translation;
        assert!((0.0..=1.0).contains(&mt.score), "{}", d.id);
    }
}

#[test]
fn titles_and_dates_reach_the_report() {
    let r = sample_report();
    let got: Vec<(Option<&str>, Option<&str>)> = r
        .documents
        .iter()
        .map(|d| (d.title.as_deref(), d.published.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Some("Kavrosia and Selenia agree on aid corridor to besieged Khastovo"),
                Some("2025-06-04")
            ),
            (
                Some("Geneva Deal Opens a Road to Khastovo, but the Guns Stay Put"),
                Some("2025-06-04")
            ),
            (
                Some("Kavrosia and Selenia agreed corridor to Hastovo, American envoy made the mediation"),
                None
            ),
            (
                Some("Geneva talks yield aid corridor for encircled Khastovo"),
                Some("2025-06-04")
            ),
            (
                Some("Kavrosia and Selenia swap 300 prisoners as Harlan returns to the table"),
                Some("2025-10-21")
            ),
        ]
    );
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect()
}

/// Fails when `v` lacks one of `want` (adding fields is allowed by the format).
fn has_keys(v: &Value, want: &[&str], what: &str) {
    let k = keys(v);
    for w in want {
        assert!(k.contains(w), "{what} lacks '{w}': {v}");
    }
}

#[test]
fn json_has_the_fields_of_report_format_v1() {
    let r = sample_report();
    let json = r.to_json();
    let v: Value = serde_json::from_str(&json).expect("valid JSON");
    has_keys(
        &v,
        &[
            "version",
            "documents",
            "events",
            "entities",
            "alignments",
            "findings",
        ],
        "report",
    );
    assert_eq!(v["version"], 1);
    for d in v["documents"].as_array().unwrap() {
        has_keys(
            d,
            &[
                "id",
                "title",
                "published",
                "event",
                "sentences",
                "machine_translation",
            ],
            "document",
        );
        assert!(d["title"].is_string() || d["title"].is_null());
        assert!(d["published"].is_string() || d["published"].is_null());
        assert!(d["event"].is_string());
        for s in d["sentences"].as_array().unwrap() {
            has_keys(s, &["start", "end", "text"], "sentence");
            assert!(s["start"].is_u64() && s["end"].is_u64() && s["text"].is_string());
        }
        let mt = &d["machine_translation"];
        has_keys(mt, &["score", "flagged"], "machine_translation");
        assert!(mt["score"].is_number() && mt["flagged"].is_boolean());
    }
    for e in v["events"].as_array().unwrap() {
        has_keys(e, &["id", "documents"], "event");
        assert!(e["documents"]
            .as_array()
            .unwrap()
            .iter()
            .all(Value::is_string));
    }
    for e in v["entities"].as_array().unwrap() {
        has_keys(e, &["id", "canonical", "kind", "mentions"], "entity");
        let kind = e["kind"].as_str().unwrap();
        assert!(
            ["person", "place", "organization", "other"].contains(&kind),
            "{kind}"
        );
        for m in e["mentions"].as_array().unwrap() {
            has_keys(
                m,
                &["document", "sentence", "start", "end", "text"],
                "mention",
            );
        }
    }
    for a in v["alignments"].as_array().unwrap() {
        has_keys(a, &["a", "b", "score", "relation"], "alignment");
        has_keys(&a["a"], &["document", "sentence"], "alignment side");
        has_keys(&a["b"], &["document", "sentence"], "alignment side");
        let rel = a["relation"].as_str().unwrap();
        assert!(
            ["agreement", "contradiction", "partial"].contains(&rel),
            "{rel}"
        );
    }
    for f in v["findings"].as_array().unwrap() {
        has_keys(
            f,
            &["kind", "sentences", "confidence", "reasons", "explanation"],
            "finding",
        );
        let kind = f["kind"].as_str().unwrap();
        assert!(
            ["contradiction", "agreement", "garbled_translation"].contains(&kind),
            "{kind}"
        );
        for s in f["sentences"].as_array().unwrap() {
            has_keys(s, &["document", "sentence"], "finding sentence");
        }
    }
    // The JSON reads back into the same report.
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
}

#[test]
fn reconcile_is_deterministic() {
    let a = sample_report().to_json();
    let b = sample_report().to_json();
    assert_eq!(a, b);
    // Building the corpus by hand, and reconciling one corpus twice, gives the same bytes.
    let mut c = Corpus::new();
    for (id, t) in SAMPLE {
        c.add_bytes(id, t.as_bytes()).unwrap();
    }
    assert_eq!(c.reconcile().to_json(), a);
    assert_eq!(c.reconcile().to_json(), a);
}

#[test]
fn one_document_and_an_empty_corpus_work() {
    let r = Corpus::new().reconcile();
    assert!(r.documents.is_empty() && r.events.is_empty());
    assert!(r.alignments.is_empty() && r.findings.is_empty());
    let r = reconcile([SAMPLE[0]]).unwrap();
    assert_eq!(r.events.len(), 1);
    assert!(r.alignments.is_empty(), "alignments need two documents");
    assert!(r
        .findings
        .iter()
        .all(|f| f.kind == FindingKind::GarbledTranslation));
}

// ---------------------------------------------------------------------------------------
// Errors the example binary reports (it only adds file reading).

#[test]
fn empty_documents_are_refused() {
    let mut c = Corpus::new();
    for (id, t) in [("a", ""), ("b", "   \n\t\r\n  ")] {
        let e = c.add(id, t).unwrap_err();
        assert_eq!(e, Error::EmptyDocument { id: id.into() });
        assert!(e.to_string().contains(&format!("'{id}'")), "{e}");
    }
    assert_eq!(
        c.add_bytes("c", b"\xEF\xBB\xBF").unwrap_err(),
        Error::EmptyDocument { id: "c".into() }
    );
    assert!(c.documents().is_empty());
    assert_eq!(
        reconcile([("x", "Fine text here, said the officials."), ("y", "")]).unwrap_err(),
        Error::EmptyDocument { id: "y".into() }
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let mut c = Corpus::new();
    let mut bytes = SAMPLE[0].1.as_bytes().to_vec();
    bytes.insert(100, 0xFF);
    let e = c.add_bytes("bad.txt", &bytes).unwrap_err();
    assert_eq!(
        e,
        Error::InvalidUtf8 {
            id: "bad.txt".into(),
            offset: 100
        }
    );
    assert!(
        e.to_string().contains("bad.txt") && e.to_string().contains("100"),
        "{e}"
    );
    // A truncated multi-byte character at the end; the offset is the character's start.
    let e = c.add_bytes("cut", "Talks in Gen\u{e8}ve".as_bytes()[..13].as_ref());
    assert_eq!(
        e.unwrap_err(),
        Error::InvalidUtf8 {
            id: "cut".into(),
            offset: 12
        }
    );
    // The offset counts from the start of the bytes given, a byte-order mark included.
    let e = c.add_bytes("bom", b"\xEF\xBB\xBFok\xC0");
    assert_eq!(
        e.unwrap_err(),
        Error::InvalidUtf8 {
            id: "bom".into(),
            offset: 5
        }
    );
    assert!(c.documents().is_empty());
}

#[test]
fn duplicate_ids_are_refused() {
    let mut c = Corpus::new();
    c.add(SAMPLE[0].0, SAMPLE[0].1).unwrap();
    c.add(SAMPLE[1].0, SAMPLE[1].1).unwrap();
    let e = c.add(SAMPLE[0].0, SAMPLE[2].1).unwrap_err();
    assert_eq!(
        e,
        Error::DuplicateId {
            id: SAMPLE[0].0.into(),
            first: 0,
            second: 2
        }
    );
    assert!(e.to_string().contains(SAMPLE[0].0), "{e}");
    assert_eq!(c.documents().len(), 2);
    assert!(matches!(
        reconcile([SAMPLE[3], SAMPLE[3]]),
        Err(Error::DuplicateId { .. })
    ));
    assert!(matches!(
        c.add("", "Some text."),
        Err(Error::EmptyId { index: 2 })
    ));
}

#[test]
fn too_large_documents_are_refused() {
    let cfg = Config {
        max_document_bytes: 1000,
        ..Config::default()
    };
    let mut c = Corpus::with_config(cfg).unwrap();
    let big = SAMPLE[0].1;
    assert!(big.len() > 1000);
    let want = Error::DocumentTooLarge {
        id: "big".into(),
        size: big.len(),
        limit: 1000,
    };
    assert_eq!(c.add("big", big).unwrap_err(), want);
    assert_eq!(c.add_bytes("big", big.as_bytes()).unwrap_err(), want);
    assert!(want.to_string().contains("big") && want.to_string().contains("1000"));
    // Refused by size before being read as UTF-8.
    assert!(matches!(
        c.add_bytes("junk", &[0xFF; 2000]),
        Err(Error::DocumentTooLarge { .. })
    ));
    // At the limit it is fine.
    let ok = &SAMPLE[2].1[..SAMPLE[2].1.floor_char_boundary_compat(1000)];
    c.add("ok", ok).unwrap();
    assert_eq!(c.documents().len(), 1);
}

/// `str::floor_char_boundary` is not stable on the crate's minimum Rust version.
trait FloorCharBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorCharBoundary for str {
    fn floor_char_boundary_compat(&self, mut i: usize) -> usize {
        i = i.min(self.len());
        while !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

#[test]
fn bad_config_is_refused_naming_the_field() {
    let bad = [
        (
            Config {
                max_document_bytes: 0,
                ..Config::default()
            },
            "max_document_bytes",
        ),
        (
            {
                let mut c = Config::default();
                c.ingest.min_stopword_ratio = 1.5;
                c
            },
            "ingest.min_stopword_ratio",
        ),
        (
            {
                let mut c = Config::default();
                c.ingest.min_stopword_ratio = f64::NAN;
                c
            },
            "ingest.min_stopword_ratio",
        ),
        (
            {
                let mut c = Config::default();
                c.ingest.min_prose_words = 0;
                c
            },
            "ingest.min_prose_words",
        ),
    ];
    for (cfg, field) in bad {
        match Corpus::with_config(cfg) {
            Err(e @ Error::Config { .. }) => {
                assert!(e.to_string().contains(field), "{e}");
                let Error::Config { field: f, .. } = e else {
                    unreachable!()
                };
                assert_eq!(f, field);
            }
            other => panic!("{field}: expected a config error, got {other:?}"),
        }
    }
    assert!(Config::default().validate().is_ok());
}

#[test]
fn bad_lexicon_lines_are_refused() {
    let mut cfg = Config::default();
    let e = cfg
        .ingest
        .extend_furniture("# comment\nshare\n\tstrong\n")
        .unwrap_err();
    assert!(matches!(e, Error::Lexicon { line: 3, .. }), "{e:?}");
    let mut cfg = Config::default();
    cfg.ingest
        .extend_furniture("Daily Example masthead\nreader offers\tstrong\n")
        .unwrap();
    let mut c = Corpus::with_config(cfg).unwrap();
    c.add(
        "x",
        "Reader offers: save 20 per cent on the annual subscription price today only.\n\nThe talks in Oslo ended on Wednesday without an agreement, the mediators said.",
    )
    .unwrap();
    let d = &c.documents()[0];
    assert!((0..d.sentences.len()).all(|i| !d.sentence_text(i).contains("Reader offers")));
}

#[test]
fn streamed_json_is_the_same_text() {
    let r = sample_report();
    let mut streamed = Vec::new();
    r.write_json(&mut streamed).unwrap();
    assert_eq!(String::from_utf8(streamed).unwrap(), r.to_json());
}
