//! The floor of the scale benchmarks: one tokenising pass over the generated articles on one
//! thread (UAX #29 words, lowercased, counted in a hash map), the least any pipeline that
//! reads every word does. The `scale` example and the `scale` criterion bench report the
//! pipeline's time as a multiple of it, so a figure taken on a busy machine shows as such.

#![allow(dead_code)]

use super::gen::Article;
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// Distinct lowercased words of `arts` with their counts: the floor's work.
pub fn count_words(arts: &[Article]) -> HashMap<String, u32> {
    let mut counts: HashMap<String, u32> = HashMap::new();
    for a in arts {
        for w in a.text.unicode_words() {
            *counts.entry(w.to_lowercase()).or_default() += 1;
        }
    }
    counts
}

/// Wall seconds of [`count_words`] over `arts`, best of three (so a busy moment does not
/// inflate it).
pub fn seconds(arts: &[Article]) -> f64 {
    (0..3)
        .map(|_| {
            let t = std::time::Instant::now();
            std::hint::black_box(count_words(arts).len());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}
