//! Fuzz target for sentence comparison (the `compare` example's entry point): the bytes,
//! read as UTF-8 lossily, split at the first tab into two sentences; the verdict must have
//! a confidence in [0, 1] whatever they say, either way round.
#![no_main]

use corroborate::{api, Config};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (a, b) = text.split_once('\t').unwrap_or((&text, ""));
    let cfg = Config::default();
    let v = api::compare(a, b, &cfg);
    assert!((0.0..=1.0).contains(&v.confidence), "confidence {}", v.confidence);
    let w = api::compare(b, a, &cfg);
    assert!((0.0..=1.0).contains(&w.confidence), "confidence {}", w.confidence);
});
