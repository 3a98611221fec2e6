//! Fuzz target: arbitrary bytes become one to four documents, which are added with
//! `Corpus::add_bytes` (invalid ones are refused with an error, which is fine) and reconciled.
//! Nothing here may panic, whatever the bytes.
#![no_main]

use corroborate::Corpus;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    // The first byte picks how many documents; 0x1E (record separator) splits them.
    let n = usize::from(first % 4) + 1;
    let mut corpus = Corpus::new();
    for (i, part) in rest.splitn(n, |&b| b == 0x1E).enumerate() {
        let _ = corpus.add_bytes(&format!("d{i}.txt"), part);
    }
    let report = corpus.reconcile();
    // Serialising must not panic either, and spans must slice their documents.
    let _ = report.to_json();
    for d in &report.documents {
        for s in &d.sentences {
            assert!(s.start <= s.end, "span {}..{} reversed", s.start, s.end);
        }
    }
});
