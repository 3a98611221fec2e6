//! Event grouping on the seed articles (read from `../shared/seeds` when present): the four
//! March articles about one round of US–Russia talks stay one event and the December visit
//! another, also with one more article of our own about the March story and with any one
//! of the undated March articles left out. No seed text is stored here.

use corroborate::reconcile;
use std::path::PathBuf;

/// Our own short article about the March story, dated the day after the first report.
const EXTRA: &str = "Moscow weighs US truce plan as envoys hold talks\n\
Published: 2025-03-14\n\
Russian officials on Friday studied a proposal from Washington for a 30-day ceasefire in Ukraine after American negotiators reached Moscow.\n\
Kremlin spokesman Dmitry Peskov said President Vladimir Putin had been briefed on the plan brought by US envoy Steve Witkoff.\n\
Ukrainian officials accepted the truce plan earlier in the week at a meeting with a US delegation in Jeddah, Saudi Arabia.\n\
US Secretary of State Marco Rubio said the decision now lay with Russia and urged Moscow to accept an unconditional pause in the fighting.\n\
President Donald Trump said he hoped to speak with Putin soon about ending the war.\n";

fn seeds() -> Option<Vec<(String, String)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir).ok()?.flatten().collect();
    files.sort_by_key(|e| e.file_name());
    Some(
        files
            .iter()
            .map(|e| {
                let id = e.file_name().to_string_lossy().into_owned();
                (id, std::fs::read_to_string(e.path()).expect("seed reads"))
            })
            .collect(),
    )
}

/// The events of a corpus as sets of id prefixes ("000", "001", ...), sorted.
fn events_of(docs: &[(String, String)]) -> Vec<Vec<String>> {
    let input: Vec<(&str, &str)> = docs.iter().map(|(i, t)| (i.as_str(), t.as_str())).collect();
    let r = reconcile(input).expect("seeds ingest");
    let mut events: Vec<Vec<String>> = r
        .events
        .iter()
        .map(|e| e.documents.iter().map(|d| d[..3].to_string()).collect())
        .collect();
    events.sort();
    events
}

fn expected(march: &[&str]) -> Vec<Vec<String>> {
    let mut e = vec![
        march.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        vec!["001".to_string()],
    ];
    e.sort();
    e
}

#[test]
fn seeds_form_two_events() {
    let Some(docs) = seeds() else { return };
    assert_eq!(events_of(&docs), expected(&["000", "002", "003", "004"]));
}

#[test]
fn one_more_article_joins_the_march_event() {
    let Some(mut docs) = seeds() else { return };
    docs.push(("005_extra.txt".to_string(), EXTRA.to_string()));
    assert_eq!(
        events_of(&docs),
        expected(&["000", "002", "003", "004", "005"])
    );
}

#[test]
fn one_undated_march_article_left_out_keeps_two_events() {
    let Some(docs) = seeds() else { return };
    // Without 000, no March article carries a date and the December visit, with the same
    // cast, joins them: left for the event-grouping issue (known failure, not asserted).
    for out in ["002", "003", "004"] {
        let kept: Vec<_> = docs
            .iter()
            .filter(|(i, _)| !i.starts_with(out))
            .cloned()
            .collect();
        let march: Vec<&str> = ["000", "002", "003", "004"]
            .into_iter()
            .filter(|m| *m != out)
            .collect();
        assert_eq!(events_of(&kept), expected(&march), "without {out}");
    }
}
