//! Property tests: no panic on any Unicode input, sentence spans that slice the original text
//! exactly, deterministic reports, idempotent folding.

use crate::dates::find_dates;
use crate::ingest::{split_sentences, Abbreviations};
use crate::text::{fold, words};
use crate::{Corpus, Document, Error};
use proptest::prelude::*;

/// Pieces news pages are made of, plus the characters that break naive code: RTL text,
/// combining marks, emoji sequences, NUL and other controls, lone line separators.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "Mr.", "Mrs.", "U.S.", "V.", "S.", "Feb.", "No.", "a.m.", "Gen.", "etc.", "e.g.",
            "officials", "said", "the", "talks", "on", "Wednesday", "Kavrosia", "Khastovo",
            "Harlan", "40", "2025-06-04", "June 4, 2025", "4 June 2025", "Oct. 21",
            "Share", "Most Read", "BACK TO TOP", "Copyright", "All rights reserved",
            "Related Articles", "Leave a Reply", "By", "Updated:", "|", "/", "--", "—",
            ".", ",", "?", "!", ":", ";", "\"", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}",
            "(", ")", "[", "]", "\u{2026}", "...",
            "\n", "\n\n", "\r\n", "\t", "   ", " ",
            "مرحبا", "שלום", "\u{202E}", "\u{200F}", "e\u{301}", "\u{301}", "a\u{308}\u{308}",
            "👍🏽", "👨\u{200D}👩\u{200D}👧", "🇺🇦", "\u{0}", "\u{7}", "\u{FEFF}", "\u{2028}",
            "\u{2029}", "\u{85}", "ﬁ", "Ⅻ", "İ", "ß", "中文", "Français", "ǅ",
        ])
        .prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-zA-Z]{1,12}",
        1 => "\\PC{0,8}",
    ]
}

/// Text built from pieces joined by spaces (sometimes not).
fn page() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::bool::weighted(0.7)), 0..80).prop_map(|v| {
        let mut s = String::new();
        for (p, space) in v {
            s.push_str(&p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

/// Any string at all, or a page-like one.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![2 => page(), 1 => any::<String>()]
}

/// Checks the span invariants of an ingested document.
fn check_document(d: &Document) -> Result<(), TestCaseError> {
    let text = &d.text;
    let mut prev_end = 0;
    for (i, s) in d.sentences.iter().enumerate() {
        let (a, b) = (s.span.start, s.span.end);
        prop_assert!(a < b, "sentence {} is empty: {:?}", i, s.span);
        prop_assert!(a >= prev_end, "sentence {} overlaps or is out of order", i);
        prop_assert!(b <= text.len());
        prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        let slice = &text[a..b];
        prop_assert_eq!(slice, slice.trim(), "sentence {} not trimmed", i);
        prop_assert_eq!(d.sentence_text(i), slice);
        prev_end = b;
    }
    if let Some(t) = d.title {
        prop_assert!(t.start < t.end && t.end <= text.len());
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The tokenizer's ASCII fast path gives exactly the UAX #29 words of `unicode-segmentation`.
    #[test]
    fn words_match_uax29(t in "[aZ09.,:;'_ \t\n\r\"()’“é\u{301}\u{200d}-]{0,40}") {
        use unicode_segmentation::UnicodeSegmentation;
        let ours: Vec<(usize, &str)> =
            crate::text::words(&t).iter().map(|w| (w.start, w.text)).collect();
        let reference: Vec<(usize, &str)> = t
            .split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .collect();
        prop_assert_eq!(ours, reference);
    }

    #[test]
    fn add_never_panics_and_spans_are_exact(t in text()) {
        let mut c = Corpus::new();
        match c.add("doc", &t) {
            Ok(_) => {
                let d = &c.documents()[0];
                let as_is = !t.starts_with('\u{FEFF}') && !crate::ingest::looks_like_html(&t);
                if as_is {
                    prop_assert_eq!(&d.text, &t);
                }
                prop_assert!(!d.sentences.is_empty(), "non-blank input lost every sentence");
                check_document(d)?;
            }
            Err(Error::EmptyDocument { .. }) => prop_assert!(t
                .chars()
                .all(|c| c.is_whitespace() || crate::ingest::is_invisible(c))),
            Err(Error::NoBody { .. }) => {}
            Err(e) => prop_assert!(false, "unexpected error {e:?}"),
        }
    }

    #[test]
    fn add_bytes_never_panics(b in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut c = Corpus::new();
        match c.add_bytes("bytes", &b) {
            Ok(_) => check_document(&c.documents()[0])?,
            Err(Error::InvalidUtf8 { offset, .. }) => {
                prop_assert!(offset < b.len());
                prop_assert!(std::str::from_utf8(&b[offset..]).is_err());
            }
            Err(Error::EmptyDocument { .. } | Error::NoBody { .. }) => {}
            Err(e) => prop_assert!(false, "unexpected error {e:?}"),
        }
    }

    #[test]
    fn split_sentences_spans_are_exact(t in text()) {
        let spans = split_sentences(&t, &Abbreviations::default());
        let mut prev_end = 0;
        for s in spans {
            prop_assert!(s.start < s.end && s.start >= prev_end && s.end <= t.len());
            prop_assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
            let slice = &t[s.start..s.end];
            prop_assert_eq!(slice, slice.trim());
            prev_end = s.end;
        }
    }

    #[test]
    fn dates_and_words_stay_on_char_boundaries(t in text()) {
        for d in find_dates(&t) {
            prop_assert!(d.start < d.end && d.end <= t.len());
            prop_assert!(t.is_char_boundary(d.start) && t.is_char_boundary(d.end));
            prop_assert!((1..=12).contains(&d.date.month) && (1..=31).contains(&d.date.day));
        }
        for w in words(&t) {
            prop_assert_eq!(t.get(w.start..w.end()), Some(w.text));
        }
    }

    #[test]
    fn fold_is_idempotent(t in text()) {
        let once = fold(&t);
        prop_assert_eq!(fold(&once), once.clone());
        prop_assert!(!once.chars().any(|c| c.is_uppercase() && c.to_lowercase().ne(std::iter::once(c))));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn reconcile_never_panics_and_is_deterministic(docs in prop::collection::vec(text(), 1..4)) {
        let mut c = Corpus::new();
        for (i, t) in docs.iter().enumerate() {
            let _ = c.add(&format!("d{i}.txt"), t);
        }
        let r = c.reconcile();
        let json = r.to_json();
        prop_assert_eq!(&c.reconcile().to_json(), &json);
        // A fresh corpus from the same input gives the same bytes.
        let mut c2 = Corpus::new();
        for (i, t) in docs.iter().enumerate() {
            let _ = c2.add(&format!("d{i}.txt"), t);
        }
        prop_assert_eq!(&c2.reconcile().to_json(), &json);
        // Every document in exactly one event; sentence texts slice the originals.
        prop_assert_eq!(r.documents.len(), c.documents().len());
        let listed: usize = r.events.iter().map(|e| e.documents.len()).sum();
        prop_assert_eq!(listed, r.documents.len());
        for d in &r.documents {
            prop_assert!(r.events.iter().any(|e| e.id == d.event && e.documents.contains(&d.id)));
            let input = &docs[d.id[1..d.id.len() - 4].parse::<usize>().unwrap()];
            for s in &d.sentences {
                // Plain text: spans index the input as given (a byte-order mark included).
                if d.format == crate::Format::Text {
                    prop_assert_eq!(input.get(s.start..s.end), Some(s.text.as_str()));
                }
            }
        }
        serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Very long lines and pages: a long run of one piece, a long sentence without an end,
    /// and many sentences on one line.
    #[test]
    fn long_lines_do_not_panic(p in piece(), n in 500usize..4000, tail in page()) {
        let mut t = p.repeat(n / p.len().max(1) + 1);
        t.push_str(&tail);
        t.push('\n');
        t.push_str(&"word ".repeat(n));
        t.push('\n');
        t.push_str(&"Mr. Harlan said so. ".repeat(n / 20));
        let mut c = Corpus::new();
        if c.add("long", &t).is_ok() {
            check_document(&c.documents()[0])?;
            let r = c.reconcile();
            prop_assert_eq!(r.documents.len(), 1);
        }
    }
}
