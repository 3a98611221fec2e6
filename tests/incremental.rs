//! Incremental use: documents added to a corpus that was already reconciled give the same
//! report as a run from scratch, and unchanged events are not realigned.

use corroborate::Corpus;

mod common;

fn sample() -> Vec<(String, String)> {
    common::SAMPLE
        .iter()
        .map(|(id, text)| (id.to_string(), text.to_string()))
        .collect()
}

#[test]
fn adding_documents_equals_a_fresh_run() {
    let docs = sample();
    assert!(docs.len() >= 4);
    let mut fresh = Corpus::new();
    for (id, text) in &docs {
        fresh.add(id, text).unwrap();
    }
    let expected = fresh.reconcile().to_json();

    let mut inc = Corpus::new();
    let (first, rest) = docs.split_at(docs.len() - 2);
    for (id, text) in first {
        inc.add(id, text).unwrap();
    }
    let _ = inc.reconcile();
    let cached = inc.cached_events();
    assert!(cached >= 1);
    for (id, text) in rest {
        inc.add(id, text).unwrap();
    }
    assert_eq!(inc.reconcile().to_json(), expected);
    // Reconciling again changes nothing and reuses every event.
    let before = inc.cached_events();
    assert_eq!(inc.reconcile().to_json(), expected);
    assert_eq!(inc.cached_events(), before);
}

#[test]
fn an_untouched_event_is_reused() {
    let docs = sample();
    let mut c = Corpus::new();
    for (id, text) in &docs {
        c.add(id, text).unwrap();
    }
    let first = c.reconcile().to_json();
    let n = c.cached_events();
    // A document about something else entirely forms its own event.
    c.add(
        "zz_other.txt",
        "The municipal orchestra of Lindenfeld announced its winter concert programme on Monday, \
         with three symphonies by local composers and a children's matinee in the old town hall.",
    )
    .unwrap();
    let second = c.reconcile();
    assert!(second
        .events
        .iter()
        .any(|e| e.documents == vec!["zz_other.txt".to_string()]));
    // Only the new single-document event (which needs no alignment) was added.
    assert!(c.cached_events() <= n + 1);
    assert_ne!(first, second.to_json());
}
