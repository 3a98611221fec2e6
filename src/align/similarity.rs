//! Sentence similarity: TF-IDF cosine over entity-normalised terms, plus a character
//! trigram signal that survives machine-translation damage ('Bauer ... in their court' still
//! shares 'in their court'), plus a weak prior for similar position in the article.

use super::AlignConfig;
use crate::terms::{CorpusTerms, TermId};
use crate::text::fold;

/// What similarity needs to know of a sentence.
#[derive(Debug, Clone)]
pub struct SentenceFeatures {
    /// L2-normalised TF-IDF vector over terms, sorted by term.
    pub vector: Vec<(TermId, f64)>,
    /// Sorted, deduplicated hashes of character trigrams of the folded text.
    pub trigrams: Vec<u32>,
    /// Relative position in the document, in [0, 1].
    pub position: f64,
}

impl SentenceFeatures {
    /// Features of a sentence with text `text` and terms `terms_of` at index `index` of `n`,
    /// term weights `idf` scaled per `config`.
    pub fn new(
        text: &str,
        terms_of: &[TermId],
        terms: &CorpusTerms,
        idf: impl Fn(TermId) -> f64,
        (index, n): (usize, usize),
        config: &AlignConfig,
    ) -> Self {
        let mut vector: Vec<(TermId, f64)> = terms_of
            .iter()
            .map(|&t| {
                (
                    t,
                    idf(t)
                        * if terms.is_entity[t as usize] {
                            config.entity_weight
                        } else if terms.is_concept[t as usize] {
                            config.concept_weight
                        } else {
                            1.0
                        },
                )
            })
            .collect();
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            vector.iter_mut().for_each(|(_, w)| *w /= norm);
        }
        SentenceFeatures {
            vector,
            trigrams: trigrams(text),
            position: if n > 1 {
                index as f64 / (n - 1) as f64
            } else {
                0.5
            },
        }
    }
}

/// Hashes of the character trigrams of the folded text, letters and digits only.
pub fn trigrams(text: &str) -> Vec<u32> {
    let folded: Vec<char> = fold(text)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect();
    let mut out: Vec<u32> = folded
        .windows(3)
        .map(|w| {
            // FNV-1a over the three chars: stable across runs and platforms.
            let mut h: u32 = 0x811c_9dc5;
            for c in w {
                h ^= *c as u32;
                h = h.wrapping_mul(0x0100_0193);
            }
            h
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Dice coefficient of two sorted, deduplicated sets.
pub fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    // Branch-free merge: the comparisons are unpredictable, so counting with them beats
    // branching on them.
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        common += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Similarity of two sentences in [0, 1]; symmetric.
pub fn score(a: &SentenceFeatures, b: &SentenceFeatures) -> f64 {
    let cos = crate::events::cosine(&a.vector, &b.vector).clamp(0.0, 1.0);
    let chars = dice(&a.trigrams, &b.trigrams);
    let pos = 1.0 - (a.position - b.position).abs();
    (0.65 * cos + 0.3 * chars + 0.05 * pos * cos.min(chars).min(1.0) * 2.0).clamp(0.0, 1.0)
}
