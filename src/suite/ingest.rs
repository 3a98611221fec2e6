//! Ingestion on the built-in sample corpus, on synthetic pages and (when present beside the
//! checkout) on the seed articles: furniture removed, body kept, headline and dateline found,
//! sentences split where they end and nowhere else.

use crate::ingest::{ingest, split_sentences, Abbreviations, IngestConfig};
use crate::{Corpus, Document};
use std::path::Path;

use super::SAMPLE;

fn doc(id: &str, text: &str) -> Document {
    ingest(id, text, None, &IngestConfig::default()).expect("ingests")
}

fn sample(n: usize) -> Document {
    let (id, text) = SAMPLE[n];
    doc(id, text)
}

fn texts(d: &Document) -> Vec<&str> {
    (0..d.sentences.len()).map(|i| d.sentence_text(i)).collect()
}

/// Index of the sentence that contains `quote`.
fn find(d: &Document, quote: &str) -> Option<usize> {
    texts(d).iter().position(|t| t.contains(quote))
}

/// The word before a sentence-final period, when the sentence ends with one.
fn last_word(sentence: &str) -> Option<&str> {
    let body = sentence.strip_suffix('.')?;
    Some(
        body.rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201C}'))
            .next()
            .unwrap_or(""),
    )
}

/// Panics when a sentence ends after an abbreviation, an initial or a dotted acronym
/// that is followed by more of the same sentence in the text.
fn assert_no_false_ends(d: &Document, forbidden: &[&str]) {
    let n = d.sentences.len();
    for i in 0..n.saturating_sub(1) {
        let t = d.sentence_text(i);
        let Some(w) = last_word(t) else { continue };
        let next = d.sentence_text(i + 1);
        assert!(
            !forbidden.contains(&w),
            "{}: sentence {i} ends after '{w}.': {t:?} | next: {next:?}",
            d.id
        );
        let single_initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
        assert!(
            !single_initial,
            "{}: sentence {i} ends after the initial '{w}.': {t:?} | next: {next:?}",
            d.id
        );
    }
}

fn assert_spans_exact(d: &Document) {
    let mut prev_end = 0;
    for (i, s) in d.sentences.iter().enumerate() {
        let span = s.span;
        assert!(span.start < span.end, "{}: empty sentence {i}", d.id);
        assert!(span.start >= prev_end, "{}: sentence {i} overlaps", d.id);
        let t = d
            .text
            .get(span.start..span.end)
            .expect("on char boundaries");
        assert_eq!(t, t.trim(), "{}: sentence {i} is not trimmed", d.id);
        prev_end = span.end;
    }
    if let Some(t) = d.title {
        assert!(d.text.get(t.start..t.end).is_some_and(|x| !x.is_empty()));
    }
}

// ---------------------------------------------------------------------------------------
// The sample corpus.

#[test]
fn sample_titles_and_published_dates() {
    let want = [
        (
            Some("Kavrosia and Selenia agree on aid corridor to besieged Khastovo"),
            Some("2025-06-04"),
        ),
        (
            Some("Geneva Deal Opens a Road to Khastovo, but the Guns Stay Put"),
            Some("2025-06-04"),
        ),
        (
            Some("Kavrosia and Selenia agreed corridor to Hastovo, American envoy made the mediation"),
            None,
        ),
        (
            Some("Geneva talks yield aid corridor for encircled Khastovo"),
            Some("2025-06-04"),
        ),
        (
            Some("Kavrosia and Selenia swap 300 prisoners as Harlan returns to the table"),
            Some("2025-10-21"),
        ),
    ];
    for (n, (title, date)) in want.iter().enumerate() {
        let d = sample(n);
        assert_eq!(d.title_text(), *title, "{}", d.id);
        assert_eq!(
            d.published.map(|p| p.to_string()).as_deref(),
            *date,
            "{}",
            d.id
        );
    }
}

#[test]
fn sample_furniture_is_removed() {
    let furniture: [&[&str]; 5] = [
        &[
            "International EditionEUROPE",
            "Home / World / Europe",
            "Share - Telegram",
            "Most Read This Week",
            "BACK TO TOP",
            "All rights reserved",
            "Without written authorization",
            "licence for publishing",
            "Registration Number",
            "FOLLOW US",
            "GlobalWire | Updated",
        ],
        &[
            "World News",
            "Sign In",
            "Share this article",
            "WhatsApp",
            "Related Articles",
            "Wider Talks Must Wait",
            "Leave a Reply",
            "email address",
            "How can I help you?",
        ],
        &[],
        &[
            "Morning Ledger",
            "Politics   World",
            "By Lena Varga",
            "Comments (12)",
            "Log in to comment",
            "Newsletter",
            "Privacy Policy",
        ],
        &[
            "Skip to content",
            "Eastern Dispatch",
            "Home | World",
            "Share on Facebook",
            "Read more",
            "what went wrong in July",
            "Most Popular",
            "All rights reserved",
            "Live chat",
        ],
    ];
    for (n, list) in furniture.iter().enumerate() {
        let d = sample(n);
        for f in *list {
            assert_eq!(find(&d, f), None, "{}: furniture '{f}' kept", d.id);
        }
        // Datelines are not sentences either.
        for t in texts(&d) {
            assert!(
                !(t.len() < 30 && t.contains("2025")),
                "{}: dateline kept as a sentence: {t:?}",
                d.id
            );
        }
    }
}

#[test]
fn sample_body_is_kept() {
    let body: [&[&str]; 5] = [
        &[
            "GENEVA -- Kavrosia and Selenia agreed on Wednesday",
            "40 trucks of food and medicine",
            "Both sides also agreed to exchange 120 prisoners of war, the first exchange since Feb. 28.",
            "Mr. Harlan said after the signing.",
        ],
        &[
            "Only 14 trucks a day",
            "Foreign Minister Arkadi Belousoff of Kavrosia said",
            "Dmitri S. Khrenov, the Kavrosian president's spokesman, said the accord covered only Checkpoint No. 2 on the southern road.",
            "Mr. Okonkwo, the regional director",
            "We do not yet have a road,\" Mr. Harlan told reporters outside the Palais des Nations.",
        ],
        &[
            "Kavrosia and Selenia on Wednesday have agreed",
            "News Secretary of the State Department Karen Whitfeld",
            "the sides of the road do not know yet the side of the road.",
        ],
        &[
            "Kavrosia and Selenia agreed on Wednesday to open a humanitarian corridor",
            "Terms of the truce",
            "The ceasefire will begin at 6 a.m. on Friday, according to the joint statement.",
            "It is still unclear which road the trucks will take.",
        ],
        &[
            "ISTANBUL — Kavrosia and Selenia exchanged 300 prisoners",
            "Mr. Chidi Okonkwo.",
            "Foreign Minister Arkady V. Belousov said on Monday",
            "again led by Mr. Harlan.",
        ],
    ];
    for (n, list) in body.iter().enumerate() {
        let d = sample(n);
        for q in *list {
            assert!(find(&d, q).is_some(), "{}: body '{q}' lost", d.id);
        }
        assert!(
            (8..=24).contains(&d.sentences.iter().filter(|s| !s.is_heading).count()),
            "{}: {} sentences",
            d.id,
            d.sentences.len()
        );
    }
}

#[test]
fn sample_sentences_do_not_end_after_abbreviations() {
    for n in 0..SAMPLE.len() {
        let d = sample(n);
        assert_spans_exact(&d);
        assert_no_false_ends(&d, &["Mr", "Mrs", "Dr", "U.S", "Feb", "No", "Oct", "a.m"]);
    }
    let d = sample(1);
    let i = find(&d, "Dmitri S. Khrenov").unwrap();
    assert!(d.sentence_text(i).starts_with("Dmitri S. Khrenov"));
    assert!(d.sentence_text(i).ends_with("southern road."));
}

#[test]
fn sample_quotes_stay_with_their_sentence() {
    let d = sample(1);
    let i = find(&d, "Nothing else is on the table.").unwrap();
    assert_eq!(d.sentence_text(i), "\"Nothing else is on the table.");
    assert_eq!(d.sentence_text(i + 1), "Not yet,\" he said.");
    let d = sample(2);
    let i = find(&d, "We have the paper.").unwrap();
    assert_eq!(d.sentence_text(i), "\u{201C}We have the paper.");
    assert_eq!(
        d.sentence_text(i + 1),
        "The road we have not yet,\u{201D} Garlan said to the journalists."
    );
    for n in 0..SAMPLE.len() {
        let d = sample(n);
        for t in texts(&d) {
            assert!(
                !t.starts_with(['\u{201D}', '\u{2019}']),
                "{}: sentence starts with a closing quote: {t:?}",
                d.id
            );
            assert!(
                !(t.starts_with('"') && t[1..].starts_with([' ', ',', '.'])),
                "{}: sentence starts with a closing quote: {t:?}",
                d.id
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Synthetic inputs.

fn split(t: &str) -> Vec<&str> {
    split_sentences(t, &Abbreviations::default())
        .iter()
        .map(|s| s.slice(t))
        .collect()
}

#[test]
fn synthetic_abbreviations_initials_and_acronyms() {
    assert_eq!(
        split("Mr. Okonkwo met Dr. Ito in the U.S. capital on Feb. 28. He left."),
        vec![
            "Mr. Okonkwo met Dr. Ito in the U.S. capital on Feb. 28.",
            "He left."
        ]
    );
    assert_eq!(
        split("Convoy No. 2 left at 6 a.m. on Friday. Gen. Rask watched."),
        vec![
            "Convoy No. 2 left at 6 a.m. on Friday.",
            "Gen. Rask watched."
        ]
    );
    assert_eq!(
        split("Arkady V. Belousov and Dmitri S. Khrenov spoke. J. R. Smith did not."),
        vec![
            "Arkady V. Belousov and Dmitri S. Khrenov spoke.",
            "J. R. Smith did not."
        ]
    );
    // A real end after an acronym or a month abbreviation still splits.
    assert_eq!(
        split("The envoy flew back to the U.S. The talks resumed."),
        vec!["The envoy flew back to the U.S.", "The talks resumed."]
    );
    assert_eq!(
        split("It was signed in Feb. The swap came later."),
        vec!["It was signed in Feb.", "The swap came later."]
    );
}

#[test]
fn synthetic_quotes() {
    assert_eq!(
        split("\u{201C}We are ready. Are they?\u{201D} she asked. Nobody answered."),
        vec![
            "\u{201C}We are ready.",
            "Are they?\u{201D} she asked.",
            "Nobody answered."
        ]
    );
    assert_eq!(
        split("He said: \"It is over.\" Then he left."),
        vec!["He said: \"It is over.\"", "Then he left."]
    );
    assert_eq!(
        split("\u{2018}Wait,\u{2019} he said. \u{2018}Not yet.\u{2019} They waited."),
        vec![
            "\u{2018}Wait,\u{2019} he said.",
            "\u{2018}Not yet.\u{2019}",
            "They waited."
        ]
    );
}

const PAGE: &str = "Skip to content\nThe Daily Example\nHome | World | Sport\n\n\
Harbour reopens after week-long strike\n\n\
Posted: 12 March 2024\nBy Ana Ruiz\nShare\nTweet\n\n\
VALPORT — The harbour of Valport reopened on Tuesday after a week-long strike by dock workers, the port authority said.\n\n\
Union leader Mr. T. Okafor said the workers had won a pay rise of 6 per cent.\n\n\
\"We are back. The ships are moving,\" he told reporters.\n\n\
Related stories\nStrike spreads to rail\nMost read\n\u{a9} 2024 The Daily Example. All rights reserved.\nPrivacy Policy | Terms of Use\n";

#[test]
fn synthetic_page() {
    let d = doc("page", PAGE);
    assert_eq!(
        d.title_text(),
        Some("Harbour reopens after week-long strike")
    );
    assert_eq!(d.published.unwrap().to_string(), "2024-03-12");
    assert_eq!(
        texts(&d),
        vec![
            "Harbour reopens after week-long strike",
            "VALPORT — The harbour of Valport reopened on Tuesday after a week-long strike by dock workers, the port authority said.",
            "Union leader Mr. T. Okafor said the workers had won a pay rise of 6 per cent.",
            "\"We are back.",
            "The ships are moving,\" he told reporters.",
        ]
    );
    assert!(d.sentences[0].is_heading);
    assert!(!d.sentences[1].is_heading);
    assert_spans_exact(&d);
}

#[test]
fn synthetic_caller_date_wins_and_no_date_is_none() {
    let date = crate::Date::parse_iso("2020-01-02");
    let d = ingest("p", PAGE, date, &IngestConfig::default()).unwrap();
    assert_eq!(d.published, date);
    let d = doc(
        "n",
        "The talks ended without agreement on Monday, officials said.",
    );
    assert_eq!(d.published, None);
    assert_eq!(d.title, None);
}

#[test]
fn synthetic_crlf_and_bom_like_input() {
    let t = "Talks end in Oslo\r\n\r\nJune 4, 2025\r\n\r\nThe talks in Oslo ended on Wednesday without an agreement, the mediators said.\r\nBoth sides will meet again in July.\r\n";
    let d = doc("crlf", t);
    assert_eq!(d.title_text(), Some("Talks end in Oslo"));
    assert_eq!(d.published.unwrap().to_string(), "2025-06-04");
    assert!(texts(&d).iter().all(|s| !s.contains('\r')));
    assert_eq!(
        texts(&d).last().copied(),
        Some("Both sides will meet again in July.")
    );
    let mut c = Corpus::new();
    c.add_bytes("bom", &[b"\xEF\xBB\xBF".as_slice(), t.as_bytes()].concat())
        .unwrap();
    assert_eq!(c.documents()[0].sentences.len(), d.sentences.len());
}

// ---------------------------------------------------------------------------------------
// The seeds, when the shared folder sits beside the checkout.

#[test]
fn seeds_do_not_split_after_honorifics_or_initials() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"));
    let Ok(rd) = std::fs::read_dir(dir) else {
        eprintln!("skipped: {} not found", dir.display());
        return;
    };
    let mut paths: Vec<_> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut corpus = Corpus::new();
    for p in &paths {
        let bytes = std::fs::read(p).unwrap();
        corpus
            .add_bytes(&p.file_name().unwrap().to_string_lossy(), &bytes)
            .unwrap();
    }
    for d in corpus.documents() {
        assert_spans_exact(d);
        assert_no_false_ends(d, &["Mr", "Mrs", "U.S", "V", "S", "Feb"]);
        assert!(!d.sentences.is_empty(), "{}: no sentences", d.id);
    }
}

/// Adding a batch gives what adding one article after the other gives: same errors in the
/// same order (an article refused does not stop the rest), same documents, same indexes.
#[test]
fn add_all_bytes_equals_adding_one_by_one() {
    let config = crate::Config {
        max_document_bytes: 400,
        ..Default::default()
    };
    let prose = |who: &str| {
        format!(
            "Minister {who} said on Monday that the talks in Vienna would go on for three days."
        )
    };
    let batch: Vec<(String, Vec<u8>)> = vec![
        ("a".into(), prose("Berg").into_bytes()),
        ("".into(), prose("Holm").into_bytes()),
        ("bad".into(), b"Talks \xff in Vienna".to_vec()),
        ("a".into(), prose("Lind").into_bytes()),
        ("big".into(), prose("Sund").repeat(10).into_bytes()),
        ("blank".into(), b"   \n ".to_vec()),
        ("blank".into(), prose("Ek").into_bytes()),
        (
            "bom".into(),
            [b"\xEF\xBB\xBF".to_vec(), prose("Ahl").into_bytes()].concat(),
        ),
    ];
    let mut one = Corpus::with_config(config.clone()).unwrap();
    let expected: Vec<String> = batch
        .iter()
        .map(|(id, b)| format!("{:?}", one.add_bytes(id, b)))
        .collect();
    let mut all = Corpus::with_config(config).unwrap();
    let got: Vec<String> = all
        .add_all_bytes(&batch)
        .iter()
        .map(|r| format!("{r:?}"))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(all.documents(), one.documents());
    assert!(
        expected.iter().filter(|r| r.starts_with("Err")).count() >= 4,
        "{expected:?}"
    );
}

#[test]
fn a_dateline_between_headline_and_lead_keeps_the_headline() {
    let text = "Harbour Board wins vote to share port costs with the city\nMarch 3, 2024 6:10 PM\nThe vote ended a long dispute over dredging.\nMembers of the board said the costs would be split evenly between the two owners of the port.\nThe city council will vote on the same plan next week, its chair said on Monday.\n";
    let d = doc("a", text);
    assert_eq!(
        d.title_text(),
        Some("Harbour Board wins vote to share port costs with the city")
    );
    assert!(find(&d, "Harbour Board wins").is_some());
}
