//! Fuzz target for the plain-text entry point: the bytes are one document, added with
//! `Corpus::add` (as text, when they are UTF-8) and with `Corpus::add_bytes`, beside a fixed
//! article so alignment and comparison run; the corpus is reconciled and serialised. Both
//! entry points must agree, and every sentence span must bound text of the input.
#![no_main]

use corroborate::Corpus;
use libfuzzer_sys::fuzz_target;

const OTHER: &str = "Talks in Vienna\n\nForeign minister Anna Berg said on Monday that the talks would last three days.";

fuzz_target!(|data: &[u8]| {
    let mut corpus = Corpus::new();
    corpus.add("other.txt", OTHER).expect("the fixed article is accepted");
    let by_bytes = corpus.add_bytes("d.txt", data);
    // (Bytes with NULs may be read as UTF-16 by `add_bytes`; a `&str` is text as it is.)
    if let (Ok(text), false) = (std::str::from_utf8(data), data.contains(&0)) {
        let mut alone = Corpus::new();
        let by_str = alone.add("d.txt", text);
        assert_eq!(by_str.is_ok(), by_bytes.is_ok(), "add and add_bytes disagree");
        if by_str.is_ok() {
            assert_eq!(alone.documents()[0].sentences, corpus.documents()[1].sentences);
        }
    }
    let report = corpus.reconcile();
    let _ = report.to_json();
    for d in &report.documents {
        for s in &d.sentences {
            assert!(s.start <= s.end && s.end <= data.len().max(OTHER.len()), "span {}..{}", s.start, s.end);
        }
    }
});
