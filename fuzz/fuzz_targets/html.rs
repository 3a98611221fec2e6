//! Fuzz target for HTML pages: the bytes become the body of a page (so the HTML reader is
//! always taken) and, unchanged, a second input (which is read as HTML when it starts like a
//! page, in whatever charset it declares). Both are reconciled; every sentence span must lie
//! inside its input and be non-empty, and no panic may escape.
#![no_main]

use corroborate::{Corpus, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut page = b"<!DOCTYPE html><html><head><title>T</title></head><body><article>".to_vec();
    page.extend_from_slice(data);
    page.extend_from_slice(b"</article></body></html>");
    let mut corpus = Corpus::new();
    let wrapped = corpus.add_bytes("page.html", &page);
    let _ = corpus.add_bytes("raw.html", data);
    let report = corpus.reconcile();
    let _ = report.to_json();
    for d in &report.documents {
        let len = if d.id == "page.html" { page.len() } else { data.len() };
        for s in &d.sentences {
            assert!(s.start < s.end && s.end <= len, "span {}..{} of {len}", s.start, s.end);
        }
    }
    if wrapped.is_ok() {
        assert_eq!(report.documents[0].format, Format::Html);
    }
});
