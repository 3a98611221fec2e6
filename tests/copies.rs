//! Near-verbatim copies (report format 1.1): a republished wire text is marked `copy_of` its
//! original, stays in the original's event, and counts once among independent sources.

use corroborate::Corpus;

const WIRE: &str = "Flood closes river crossing\n\
Published: 2024-05-01\n\
Heavy rain closed the main river crossing in the town of Eastbrook on Tuesday, officials said.\n\
The water rose by two metres overnight and reached the old stone bridge before dawn.\n\
Police diverted traffic to the northern ring road and asked drivers to avoid the centre.\n\
The mayor said the crossing would stay closed until engineers had inspected the bridge.\n";

fn republished() -> String {
    WIRE.replace("2024-05-01", "2024-05-02").replace(
        "Flood closes river crossing",
        "Eastbrook crossing shut by flood",
    )
}

const OWN: &str = "Eastbrook bridge shut\n\
Published: 2024-05-01\n\
Engineers will inspect the old stone bridge in Eastbrook before it reopens, the mayor said on Tuesday.\n\
Heavy rain had closed the river crossing as the water rose two metres overnight.\n\
Drivers were sent to the northern ring road by police.\n";

#[test]
fn a_republished_wire_text_is_a_copy_and_counts_once() {
    let mut c = Corpus::new();
    c.add("copy.txt", &republished()).unwrap();
    c.add("own.txt", OWN).unwrap();
    c.add("wire.txt", WIRE).unwrap();
    let r = c.reconcile();
    let doc = |id: &str| r.documents.iter().find(|d| d.id == id).unwrap();
    assert_eq!(doc("copy.txt").copy_of.as_deref(), Some("wire.txt"));
    assert_eq!(doc("wire.txt").copy_of, None);
    assert_eq!(doc("own.txt").copy_of, None);
    assert_eq!(doc("copy.txt").event, doc("wire.txt").event);
    for f in &r.findings {
        if let Some(n) = f.independent_sources {
            let mut ids: Vec<&str> = f.sentences.iter().map(|s| s.document.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            let copies = ids.contains(&"copy.txt") && ids.contains(&"wire.txt");
            assert_eq!(n, ids.len() - usize::from(copies), "{}", f.explanation);
            if f.kind == corroborate::FindingKind::Agreement {
                assert!(n >= 2, "an agreement needs two independent sources: {f:?}");
            }
        }
    }
}

/// 61 lightly edited copies (one word changed in each) of one text are one event, each
/// later copy marked `copy_of` the original: no term is dropped for being in too many
/// documents when the documents are copies of one another.
#[test]
fn sixty_one_lightly_edited_copies_are_one_event() {
    let words: Vec<&str> = WIRE.lines().skip(2).flat_map(|l| l.split(' ')).collect();
    let mut c = Corpus::new();
    for i in 0..61 {
        let mut w = words.clone();
        if i > 0 {
            w[(i * 7) % words.len()] = "reportedly";
        }
        let text = format!(
            "Flood closes river crossing\nPublished: 2024-05-01\n{}\n",
            w.join(" ")
        );
        c.add(&format!("c{i:02}.txt"), &text).unwrap();
    }
    let r = c.reconcile();
    assert_eq!(r.events.len(), 1, "{:?}", r.events.len());
    let copies = r.documents.iter().filter(|d| d.copy_of.is_some()).count();
    assert_eq!(copies, 60);
}

/// 500 copies of a short text, each with three words replaced by words of other stories:
/// their 5-gram overlap (about 0.5) is below the copy bar, so each is a document of its own
/// whose every word is in most of the corpus. They are still one event: a term held by
/// many documents pairs each with its nearest holders instead of being dropped.
#[test]
fn five_hundred_short_copies_below_the_copy_bar_are_one_event() {
    const OTHER: &[&str] = &[
        "minister",
        "harvest",
        "election",
        "stadium",
        "vaccine",
        "airline",
        "senate",
        "festival",
        "border",
        "museum",
        "strike",
        "budget",
        "orchestra",
        "satellite",
        "refinery",
        "marathon",
        "tariff",
        "glacier",
        "verdict",
        "pipeline",
    ];
    let words: Vec<&str> = WIRE.lines().skip(2).flat_map(|l| l.split(' ')).collect();
    let mut state: u64 = 17;
    let mut next = |m: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize % m
    };
    let mut c = Corpus::new();
    for i in 0..500 {
        let mut w = words.clone();
        for _ in 0..3 {
            let at = next(w.len());
            w[at] = OTHER[next(OTHER.len())];
        }
        let text = format!("Published: 2024-05-01\n{}\n", w.join(" "));
        c.add(&format!("s{i:03}.txt"), &text).unwrap();
    }
    let r = c.reconcile();
    let sizes: Vec<usize> = r.events.iter().map(|e| e.documents.len()).collect();
    assert_eq!(r.events.len(), 1, "event sizes {sizes:?}");
}
