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
    /// L2 norm of the vector before it was normalised (to join two sentences' vectors).
    pub norm: f64,
}

impl SentenceFeatures {
    /// Features of a sentence with text `text`, terms `terms_of` and their
    /// [shares](CorpusTerms::shares) at index `index` of `n`, term weights `idf` scaled per
    /// `config`.
    pub fn new(
        text: &str,
        (terms_of, shares): (&[TermId], &[f32]),
        terms: &CorpusTerms,
        idf: impl Fn(TermId) -> f64,
        (index, n): (usize, usize),
        config: &AlignConfig,
    ) -> Self {
        let mut vector: Vec<(TermId, f64)> = terms_of
            .iter()
            .zip(shares.iter().chain(std::iter::repeat(&1.0)))
            .map(|(&t, &share)| {
                (
                    t,
                    idf(t)
                        * share as f64
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
            norm,
            trigrams: trigrams(text),
            position: if n > 1 {
                index as f64 / (n - 1) as f64
            } else {
                0.5
            },
        }
    }
}

impl SentenceFeatures {
    /// Features of two consecutive sentences read as one: the sum of their term vectors,
    /// the union of their trigrams. For a sentence of one article that says what two
    /// sentences of another say (merges and splits).
    pub fn joined(&self, next: &SentenceFeatures) -> SentenceFeatures {
        let (mut i, mut j) = (0, 0);
        let (a, b) = (&self.vector, &next.vector);
        let mut vector = Vec::with_capacity(a.len() + b.len());
        while i < a.len() || j < b.len() {
            let (t, w) = match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) if x.0 == y.0 => {
                    i += 1;
                    j += 1;
                    (x.0, x.1 * self.norm + y.1 * next.norm)
                }
                (Some(x), Some(y)) if x.0 < y.0 => {
                    i += 1;
                    (x.0, x.1 * self.norm)
                }
                (Some(x), None) => {
                    i += 1;
                    (x.0, x.1 * self.norm)
                }
                (_, Some(y)) => {
                    j += 1;
                    (y.0, y.1 * next.norm)
                }
                (None, None) => break,
            };
            vector.push((t, w));
        }
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            vector.iter_mut().for_each(|(_, w)| *w /= norm);
        }
        let mut trigrams = self.trigrams.clone();
        trigrams.extend_from_slice(&next.trigrams);
        trigrams.sort_unstable();
        trigrams.dedup();
        SentenceFeatures {
            vector,
            norm,
            trigrams,
            position: (self.position + next.position) / 2.0,
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

/// [`score`] of `a` and `b` when it is at least `min`. Cheaper when it is not: a bound from
/// the term cosine and the trigram counts alone rules most such pairs out before the
/// trigrams are compared.
pub fn score_at_least(a: &SentenceFeatures, b: &SentenceFeatures, min: f64) -> Option<f64> {
    let cos = crate::events::cosine(&a.vector, &b.vector).clamp(0.0, 1.0);
    if bound(a, b, cos) + 1e-9 < min {
        return None;
    }
    Some(score_with_cosine(a, b, cos)).filter(|&s| s >= min)
}

/// An upper bound of [`score`] from the term cosine and the trigram counts alone.
fn bound(a: &SentenceFeatures, b: &SentenceFeatures, cos: f64) -> f64 {
    let (na, nb) = (a.trigrams.len() as f64, b.trigrams.len() as f64);
    // Dice is at most 2 min(|a|, |b|) / (|a| + |b|).
    let chars_max = if na + nb > 0.0 {
        2.0 * na.min(nb) / (na + nb)
    } else {
        0.0
    };
    0.65 * cos + 0.3 * chars_max + 0.1 * cos.min(chars_max)
}

/// Share of the squared term weight of `a` that `b` holds too, in [0, 1].
pub fn coverage(a: &SentenceFeatures, b: &SentenceFeatures) -> f64 {
    crate::events::shared_sum(&a.vector, &b.vector, |_, wa, _| wa * wa)
}

/// The part of the term cosine of `a` and `b` that terms other than entities make: what the
/// two sentences say alike about whoever they name. `is_entity` tells entity terms.
pub fn claim_overlap(
    a: &SentenceFeatures,
    b: &SentenceFeatures,
    is_entity: impl Fn(TermId) -> bool,
) -> f64 {
    crate::events::shared_sum(&a.vector, &b.vector, |t, wa, wb| {
        if is_entity(t) {
            0.0
        } else {
            wa * wb
        }
    })
}

/// Similarity of two sentences in [0, 1]; symmetric.
#[cfg(test)]
pub fn score(a: &SentenceFeatures, b: &SentenceFeatures) -> f64 {
    let cos = crate::events::cosine(&a.vector, &b.vector).clamp(0.0, 1.0);
    score_with_cosine(a, b, cos)
}

/// [`score`] given the clamped term cosine of `a` and `b`.
fn score_with_cosine(a: &SentenceFeatures, b: &SentenceFeatures, cos: f64) -> f64 {
    combine(a, b, cos, dice(&a.trigrams, &b.trigrams))
}

/// [`score`] of `a` against each of `others`, when it is at least `min` (the same values as
/// [`score_at_least`], computed faster): `a`'s term weights are laid out in a row indexed by
/// term and its trigrams marked in a row indexed by trigram number, so each other sentence
/// costs one look-up per term and per trigram instead of two merges. Trigrams are given as
/// numbers below `n_trigrams` (`a_tri` for `a`, and with each other sentence); term ids must
/// be below `n_terms`.
pub(crate) fn score_many<'a>(
    a: &SentenceFeatures,
    a_tri: &[u32],
    others: impl Iterator<Item = (&'a SentenceFeatures, &'a [u32])>,
    (n_terms, n_trigrams): (usize, usize),
    min: f64,
) -> Vec<Option<f64>> {
    thread_local! {
        static ROWS: std::cell::RefCell<(Vec<f64>, Vec<bool>)> = Default::default();
    }
    ROWS.with(|rows| {
        let (weights, marks) = &mut *rows.borrow_mut();
        if weights.len() < n_terms {
            weights.resize(n_terms, 0.0);
        }
        if marks.len() < n_trigrams {
            marks.resize(n_trigrams, false);
        }
        for &(t, w) in &a.vector {
            weights[t as usize] = w;
        }
        for &k in a_tri {
            marks[k as usize] = true;
        }
        let out = others
            .map(|(b, b_tri)| {
                // The products of the shared terms, added in term order as `cosine` does.
                let dot = b
                    .vector
                    .iter()
                    .fold(0.0, |sum, &(t, w)| sum + weights[t as usize] * w);
                let cos = dot.clamp(0.0, 1.0);
                if bound(a, b, cos) + 1e-9 < min {
                    return None;
                }
                let chars = if a.trigrams.is_empty() || b.trigrams.is_empty() {
                    0.0
                } else {
                    let common = b_tri.iter().filter(|&&k| marks[k as usize]).count();
                    2.0 * common as f64 / (a.trigrams.len() + b.trigrams.len()) as f64
                };
                Some(combine(a, b, cos, chars)).filter(|&s| s >= min)
            })
            .collect();
        for &(t, _) in &a.vector {
            weights[t as usize] = 0.0;
        }
        for &k in a_tri {
            marks[k as usize] = false;
        }
        out
    })
}

/// The trigrams of each of `feats` as numbers (in order of first occurrence), for
/// [`score_many`], and how many distinct trigrams there are.
pub(crate) fn number_trigrams(feats: &[SentenceFeatures]) -> (Vec<Vec<u32>>, usize) {
    let mut number: crate::hash::HashMap<u32, u32> = Default::default();
    let ids = feats
        .iter()
        .map(|f| {
            f.trigrams
                .iter()
                .map(|&h| {
                    let next = number.len() as u32;
                    *number.entry(h).or_insert(next)
                })
                .collect()
        })
        .collect();
    (ids, number.len())
}

/// The similarity of two sentences from their clamped term cosine and trigram Dice.
fn combine(a: &SentenceFeatures, b: &SentenceFeatures, cos: f64, chars: f64) -> f64 {
    let pos = 1.0 - (a.position - b.position).abs();
    (0.65 * cos + 0.3 * chars + 0.05 * pos * cos.min(chars).min(1.0) * 2.0).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(vector: Vec<(TermId, f64)>, text: &str, position: f64) -> SentenceFeatures {
        let norm = vector.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
        SentenceFeatures {
            vector: vector.into_iter().map(|(t, w)| (t, w / norm)).collect(),
            norm,
            trigrams: trigrams(text),
            position,
        }
    }

    #[test]
    fn claim_overlap_leaves_out_names() {
        // Term 1 is a name; 2 and 3 are words.
        let a = feats(vec![(1, 1.0), (2, 1.0)], "peskov warned", 0.0);
        let b = feats(vec![(1, 1.0), (3, 1.0)], "peskov planned", 0.0);
        let c = feats(vec![(1, 1.0), (2, 1.0)], "peskov warned", 0.0);
        let name = |t: TermId| t == 1;
        assert!(claim_overlap(&a, &b, name).abs() < 1e-9);
        assert!((claim_overlap(&a, &c, name) - 0.5).abs() < 1e-9);
        assert!((claim_overlap(&a, &c, |_| false) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn joined_sentences_cover_both() {
        let a = feats(vec![(1, 2.0), (3, 1.0)], "grain deal extended", 0.0);
        let b = feats(vec![(2, 1.0), (3, 1.0)], "steel tariffs rise", 1.0);
        let both = a.joined(&b);
        let ids: Vec<TermId> = both.vector.iter().map(|x| x.0).collect();
        assert_eq!(ids, vec![1, 2, 3]);
        // Unnormalised weights add up: 2, 1, 1 + 1.
        let w: Vec<f64> = both.vector.iter().map(|x| x.1 * both.norm).collect();
        assert!(
            (w[0] - 2.0).abs() < 1e-9 && (w[1] - 1.0).abs() < 1e-9 && (w[2] - 2.0).abs() < 1e-9
        );
        assert!((both.position - 0.5).abs() < 1e-9);
        let long = feats(
            vec![(1, 2.0), (2, 1.0), (3, 2.0)],
            "grain deal extended and steel tariffs rise",
            0.5,
        );
        assert!(score(&long, &both) > score(&long, &a).max(score(&long, &b)));
    }

    #[test]
    fn scoring_many_at_once_gives_the_same_scores() {
        // Pseudo-random sentences over a small vocabulary, so that they share terms.
        let words = [
            "grain", "deal", "talks", "steel", "tariff", "envoy", "truce", "port",
        ];
        let mut seed = 7u64;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let sentences: Vec<SentenceFeatures> = (0..40)
            .map(|k| {
                let mut v: Vec<(TermId, f64)> = (0..1 + next(6))
                    .map(|_| (next(30) as TermId, 0.1 + next(100) as f64 / 10.0))
                    .collect();
                v.sort_by_key(|x| x.0);
                v.dedup_by_key(|x| x.0);
                let text: Vec<&str> = (0..next(7)).map(|_| words[next(8) as usize]).collect();
                feats(v, &text.join(" "), k as f64 / 39.0)
            })
            .collect();
        let (ids, n_trigrams) = number_trigrams(&sentences);
        for min in [0.0, 0.1, 0.3] {
            for (i, a) in sentences.iter().enumerate() {
                let many = score_many(
                    a,
                    &ids[i],
                    sentences.iter().zip(&ids).map(|(b, t)| (b, t.as_slice())),
                    (30, n_trigrams),
                    min,
                );
                let one: Vec<Option<f64>> = sentences
                    .iter()
                    .map(|b| score_at_least(a, b, min))
                    .collect();
                assert_eq!(many, one);
            }
        }
    }
}
