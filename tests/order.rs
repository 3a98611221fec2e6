//! Order independence: the same documents added in any order give the same events (as sets
//! of document ids) and the same entities (canonical name, kind and set of mentions). The
//! corpus is the sample articles plus, when `../shared/seeds` is present, the five seed
//! articles (two events, garbled translations, name variants).

use corroborate::{reconcile, Report};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::path::PathBuf;

mod common;
use common::SAMPLE;

fn corpus() -> Vec<(String, String)> {
    let mut docs: Vec<(String, String)> = SAMPLE
        .iter()
        .map(|(i, t)| (i.to_string(), t.to_string()))
        .collect();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let id = format!("seed-{}", e.file_name().to_string_lossy());
            docs.push((id, std::fs::read_to_string(e.path()).expect("seed reads")));
        }
    }
    docs.sort();
    docs
}

type Events = BTreeSet<BTreeSet<String>>;
type Entities = BTreeSet<(String, String, BTreeSet<(String, usize, usize)>)>;

/// Events and entities of a report, with no trace of input order (ids `e0`/`n0` follow
/// first occurrence, so they are left out).
fn shape(r: &Report) -> (Events, Entities) {
    let events = r
        .events
        .iter()
        .map(|e| e.documents.iter().cloned().collect())
        .collect();
    let entities = r
        .entities
        .iter()
        .map(|e| {
            let mentions = e
                .mentions
                .iter()
                .map(|m| (m.document.clone(), m.start, m.end))
                .collect();
            (e.canonical.clone(), format!("{:?}", e.kind), mentions)
        })
        .collect();
    (events, entities)
}

fn shape_of(docs: &[(String, String)]) -> (Events, Entities) {
    let input: Vec<(&str, &str)> = docs.iter().map(|(i, t)| (i.as_str(), t.as_str())).collect();
    shape(&reconcile(input).expect("corpus ingests"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn shuffled_input_gives_the_same_events_and_entities(
        order in Just((0..corpus().len()).collect::<Vec<usize>>()).prop_shuffle()
    ) {
        let docs = corpus();
        let expected = shape_of(&docs);
        let shuffled: Vec<(String, String)> = order.iter().map(|&i| docs[i].clone()).collect();
        let got = shape_of(&shuffled);
        prop_assert_eq!(&got.0, &expected.0, "events differ for order {:?}", order);
        prop_assert_eq!(&got.1, &expected.1, "entities differ for order {:?}", order);
    }
}

#[test]
fn reversed_input_gives_the_same_events_and_entities() {
    let docs = corpus();
    let mut reversed = docs.clone();
    reversed.reverse();
    assert_eq!(shape_of(&reversed), shape_of(&docs));
}
