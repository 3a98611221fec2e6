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

/// The shingle set of every document (see [`shingles`]).
pub(crate) fn shingle_sets(docs: &[Document]) -> Vec<Vec<u64>> {
    crate::par::map(docs, shingles)
}

/// The order in which documents become originals: earliest published first, undated last,
/// then by id (so the answer does not depend on the order documents were added).
pub(crate) fn original_order(docs: &[Document], members: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = members.to_vec();
    order.sort_by(|&a, &b| {
        let key = |d: usize| (docs[d].published.is_none(), docs[d].published, &docs[d].id);
        key(a).cmp(&key(b))
    });
    order
}

/// Going through `order`, each document is a copy of the first earlier original (in that
/// order) whose shingles it overlaps by Jaccard >= `min_jaccard` and that `allowed` accepts;
/// else it is an original itself. Returns `(document, original)` for each copy.
///
/// Candidate originals come from a prefix filter (Chaudhuri et al. 2006): two sets with
/// Jaccard >= t share one of the `n - ceil(t n) + 1` smallest hashes of each, so only the
/// originals sharing one of those are compared. The result is exactly that of comparing
/// with every earlier original, in time that grows with the documents, not their pairs
/// (2,000 copies of one article compare with one original each).
pub(crate) fn first_copies(
    sets: &[Vec<u64>],
    order: &[usize],
    min_jaccard: f64,
    allowed: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    // Prefix length: conservative (never shorter than the bound needs) under rounding.
    let prefix = |n: usize| {
        let overlap = (min_jaccard * n as f64 - 1e-9).ceil().max(1.0) as usize;
        (n + 1).saturating_sub(overlap).clamp(1, n.max(1))
    };
    let mut kept: Vec<usize> = Vec::new();
    let mut index: crate::hash::HashMap<u64, Vec<usize>> = crate::hash::HashMap::default();
    let mut out = Vec::new();
    for &d in order {
        let n = sets[d].len() as f64;
        let mut cands: Vec<usize> = if min_jaccard > 0.0 {
            sets[d][..prefix(sets[d].len()).min(sets[d].len())]
                .iter()
                .filter_map(|h| index.get(h))
                .flatten()
                .copied()
                .collect()
        } else {
            (0..kept.len()).collect()
        };
        cands.sort_unstable();
        cands.dedup();
        // Jaccard is at most the ratio of the two sizes: most pairs end here.
        let original = cands.into_iter().map(|k| kept[k]).find(|&o| {
            let m = sets[o].len() as f64;
            n.min(m) / n.max(m) >= min_jaccard
                && allowed(d, o)
                && jaccard(&sets[d], &sets[o]) >= min_jaccard
        });
        match original {
            Some(o) => out.push((d, o)),
            None => {
                for &h in &sets[d][..prefix(sets[d].len()).min(sets[d].len())] {
                    index.entry(h).or_default().push(kept.len());
                }
                kept.push(d);
            }
        }
    }
    out
}

/// For each document, the index of the document it is a near-verbatim copy of, if any.
/// Within each event the earliest-published document (undated last, then by id) is an
/// original; each later one is a copy of the first original it overlaps by at least
/// `min_jaccard`, else an original itself. A copy is never the original of another, and the
/// answer does not depend on the order documents were added.
pub fn originals(docs: &[Document], events: &[Vec<usize>], min_jaccard: f64) -> Vec<Option<usize>> {
    let sets = shingle_sets(docs);
    let mut out = vec![None; docs.len()];
    for members in events {
        let order = original_order(docs, members);
        for (d, o) in first_copies(&sets, &order, min_jaccard, |_, _| true) {
            out[d] = Some(o);
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
