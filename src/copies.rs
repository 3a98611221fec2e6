//! Near-verbatim copies (wire copy, republication): within an event, a document whose word
//! 5-grams overlap an earlier document's by at least `events.copy_min_jaccard` (Jaccard) is a
//! copy of it. Copies stay in their event; they count once among the independent sources of
//! a finding (report format 1.1, `copy_of` and `independent_sources`).

use crate::document::Document;
use std::hash::{Hash, Hasher};

/// Words per shingle.
const SHINGLE: usize = 5;

/// The sorted, distinct hashes of the word 5-grams of a document's body sentences (a
/// republication keeps the body and often changes the headline and dateline; lowercased
/// words; a text of fewer words is one shingle). The hasher has fixed keys, so results
/// never depend on the process.
fn shingles(doc: &Document) -> Vec<u64> {
    let body: Vec<&crate::document::Sentence> =
        doc.sentences.iter().filter(|s| !s.is_heading).collect();
    let sentences = if body.is_empty() {
        doc.sentences.iter().collect()
    } else {
        body
    };
    let words: Vec<String> = sentences
        .iter()
        .flat_map(|s| crate::text::words(s.span.slice(&doc.text)))
        .map(|w| w.text.to_lowercase())
        .collect();
    let hash = |ws: &[String]| {
        let mut h = std::hash::DefaultHasher::new();
        ws.hash(&mut h);
        h.finish()
    };
    let mut out: Vec<u64> = if words.len() < SHINGLE {
        vec![hash(&words)]
    } else {
        words.windows(SHINGLE).map(hash).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// Jaccard similarity of two sorted, distinct lists.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let both = crate::text::common_sorted(a, b);
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

/// For each document, the index of the document it is a near-verbatim copy of, if any.
/// Within each event the earliest-published document (undated last, then by id) is an
/// original; each later one is a copy of the first original it overlaps by at least
/// `min_jaccard`, else an original itself. A copy is never the original of another, and the
/// answer does not depend on the order documents were added.
pub fn originals(docs: &[Document], events: &[Vec<usize>], min_jaccard: f64) -> Vec<Option<usize>> {
    let sets: Vec<Vec<u64>> = crate::par::map(docs, shingles);
    let mut out = vec![None; docs.len()];
    for members in events {
        let mut order: Vec<usize> = members.clone();
        order.sort_by(|&a, &b| {
            let key = |d: usize| (docs[d].published.is_none(), docs[d].published, &docs[d].id);
            key(a).cmp(&key(b))
        });
        let mut kept: Vec<usize> = Vec::new();
        for d in order {
            let n = sets[d].len() as f64;
            // Jaccard is at most the ratio of the two sizes: most pairs end here.
            let original = kept.iter().copied().find(|&o| {
                let m = sets[o].len() as f64;
                n.min(m) / n.max(m) >= min_jaccard && jaccard(&sets[d], &sets[o]) >= min_jaccard
            });
            match original {
                Some(o) => out[d] = Some(o),
                None => kept.push(d),
            }
        }
    }
    out
}

/// How many distinct sources `docs_in` holds when each copy counts as its original.
pub fn independent(copy_of: &[Option<usize>], docs_in: impl Iterator<Item = usize>) -> usize {
    docs_in
        .map(|d| copy_of.get(d).copied().flatten().unwrap_or(d))
        .collect::<std::collections::BTreeSet<usize>>()
        .len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        crate::ingest::ingest("d", text, None, &crate::ingest::IngestConfig::default()).unwrap()
    }

    #[test]
    fn jaccard_is_symmetric_and_bounded() {
        let a = shingles(&doc(
            "One two three four five six seven eight of them came.",
        ));
        let b = shingles(&doc("One two three four five six seven nine of them came."));
        assert!((jaccard(&a, &b) - jaccard(&b, &a)).abs() < 1e-12);
        assert!((0.0..=1.0).contains(&jaccard(&a, &b)));
        assert_eq!(jaccard(&a, &a), 1.0);
    }

    #[test]
    fn independent_counts_a_copy_once() {
        let copy_of = [None, Some(0), None];
        assert_eq!(independent(&copy_of, [0, 1, 2].into_iter()), 2);
        assert_eq!(independent(&copy_of, [1, 2].into_iter()), 2);
    }
}
