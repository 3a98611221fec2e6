//! Alignment: which sentences of different documents of one event report the same claim.
//!
//! Within each event, sentences become TF-IDF vectors over their [terms](crate::terms)
//! (entity ids, so 'Vikov' matches 'Witkoff' once names are resolved; normalised numbers;
//! stems). Candidate pairs come from an inverted index over the event's rarer terms, so the
//! cost follows the number of sentences that share a distinctive term, not all pairs.
//! Each candidate is scored by [`similarity`] (term cosine plus a character-level signal that
//! survives machine-translation damage), and a pair is kept when it is good enough and the
//! best match of at least one of its two sentences: reordering is free, one sentence may
//! match two of the other article (merges and splits), and unrelated sentences stay alone.

pub mod similarity;

use crate::config::check_unit;
use crate::document::Document;
use crate::error::Result;
use crate::terms::{CorpusTerms, TermId};
use similarity::SentenceFeatures;
use std::collections::HashMap;

/// Settings of sentence alignment.
#[derive(Debug, Clone)]
pub struct AlignConfig {
    /// Pairs scoring below this are never aligned.
    pub min_score: f64,
    /// A pair that is the best match of only one of its sentences needs at least this.
    pub one_sided_min_score: f64,
    /// How far below a sentence's best match another match may score and still count as
    /// "best" (lets one sentence match two halves of a split sentence).
    pub best_margin: f64,
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            min_score: 0.2,
            one_sided_min_score: 0.3,
            best_margin: 0.05,
        }
    }
}

impl AlignConfig {
    /// Checks ranges.
    pub fn validate(&self) -> Result<()> {
        check_unit("align.min_score", self.min_score)?;
        check_unit("align.one_sided_min_score", self.one_sided_min_score)?;
        check_unit("align.best_margin", self.best_margin)
    }
}

/// A sentence of one document: `(document index, sentence index)`.
pub type SentenceId = (usize, usize);

/// Two sentences of different documents of one event that report a common claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Alignment {
    /// The sentence of the earlier document (lower index).
    pub a: SentenceId,
    /// The sentence of the later document.
    pub b: SentenceId,
    /// Calibrated similarity in [0, 1].
    pub score: f64,
}

/// Aligns sentences across the documents of each event. The result is sorted by `a`, then `b`.
pub fn align(
    docs: &[Document],
    terms: &CorpusTerms,
    events: &[Vec<usize>],
    config: &AlignConfig,
) -> Vec<Alignment> {
    let per_event = |ev: &Vec<usize>| align_event(docs, terms, ev, config);
    #[cfg(feature = "parallel")]
    let parts: Vec<Vec<Alignment>> = {
        use rayon::prelude::*;
        events.par_iter().map(per_event).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let parts: Vec<Vec<Alignment>> = events.iter().map(per_event).collect();
    let mut out: Vec<Alignment> = parts.into_iter().flatten().collect();
    out.sort_by_key(|x| (x.a, x.b));
    out
}

/// A scored candidate: indexes of two sentences in the event, and their similarity.
type Scored = (usize, usize, f64);

/// Aligns the sentences of the documents of one event.
pub fn align_event(
    docs: &[Document],
    terms: &CorpusTerms,
    event: &[usize],
    config: &AlignConfig,
) -> Vec<Alignment> {
    if event.len() < 2 {
        return Vec::new();
    }
    // Features of every sentence of the event.
    let mut ids: Vec<SentenceId> = Vec::new();
    let mut feats: Vec<SentenceFeatures> = Vec::new();
    for &d in event {
        let doc = &docs[d];
        let n = doc.sentences.len();
        for s in 0..n {
            ids.push((d, s));
            feats.push(SentenceFeatures::new(
                doc.sentence_text(s),
                &terms.sentences[d][s],
                terms,
                s,
                n,
            ));
        }
    }
    // Inverted index over the event's distinctive terms.
    let total = ids.len();
    let cap = (total / 4).max(8);
    let mut postings: HashMap<TermId, Vec<usize>> = HashMap::new();
    for (i, f) in feats.iter().enumerate() {
        for &(t, _) in &f.vector {
            postings.entry(t).or_default().push(i);
        }
    }
    // For each sentence, the later sentences of other documents sharing a distinctive term,
    // deduplicated with a stamp per sentence (sorting all raw pairs cost more than scoring).
    // Posting lists are in increasing order, so the pairs come out sorted by (i, j).
    let mut cands: Vec<(usize, usize)> = Vec::new();
    let mut seen: Vec<usize> = vec![usize::MAX; total];
    let mut near: Vec<usize> = Vec::new();
    for (i, f) in feats.iter().enumerate() {
        near.clear();
        for (t, _) in &f.vector {
            let Some(list) = postings.get(t).filter(|l| l.len() <= cap) else {
                continue;
            };
            for &j in &list[list.partition_point(|&x| x <= i)..] {
                if seen[j] != i && ids[j].0 != ids[i].0 {
                    seen[j] = i;
                    near.push(j);
                }
            }
        }
        near.sort_unstable();
        cands.extend(near.iter().map(|&j| (i, j)));
    }

    // Score candidates, grouped by document pair.
    let mut by_pair: HashMap<(usize, usize), Vec<Scored>> = HashMap::new();
    for (i, j) in cands {
        let score = similarity::score(&feats[i], &feats[j]);
        if score >= config.min_score {
            let (i, j) = if ids[i].0 < ids[j].0 { (i, j) } else { (j, i) };
            by_pair
                .entry((ids[i].0, ids[j].0))
                .or_default()
                .push((i, j, score));
        }
    }
    let mut out = Vec::new();
    let mut pairs: Vec<_> = by_pair.into_iter().collect();
    pairs.sort_by_key(|(k, _)| *k);
    for (_, scored) in pairs {
        let mut best_a: HashMap<usize, f64> = HashMap::new();
        let mut best_b: HashMap<usize, f64> = HashMap::new();
        for &(i, j, s) in &scored {
            let e = best_a.entry(i).or_insert(0.0);
            *e = e.max(s);
            let e = best_b.entry(j).or_insert(0.0);
            *e = e.max(s);
        }
        for (i, j, s) in scored {
            let top_a = s + config.best_margin >= best_a[&i];
            let top_b = s + config.best_margin >= best_b[&j];
            if (top_a && top_b) || ((top_a || top_b) && s >= config.one_sided_min_score) {
                out.push(Alignment {
                    a: ids[i],
                    b: ids[j],
                    score: s,
                });
            }
        }
    }
    out
}
