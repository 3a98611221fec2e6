//! Events: grouping documents that report the same happening.
//!
//! Each document becomes a TF-IDF vector over its [terms](crate::terms) (entity ids, numbers,
//! stems; a term's tf is the number of sentences holding it, damped by a log). Candidate pairs
//! come from an inverted index over each document's most distinctive terms, so the cost grows
//! with the number of documents that share rare terms, not with all pairs. Documents are then
//! merged by average-linkage clustering over those pairs, never across a cannot-link: two
//! documents whose publication dates are further apart than `max_date_gap_days` report
//! different events, however alike their cast of people.

use crate::config::check_unit;
use crate::document::Document;
use crate::error::{Error, Result};
use crate::hash::HashMap;
use crate::terms::{CorpusTerms, TermId};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};

/// Settings of event grouping.
#[derive(Debug, Clone)]
pub struct EventsConfig {
    /// Two groups merge when the average cosine similarity of their documents is at least this.
    pub min_similarity: f64,
    /// Documents dated further apart than this many days are never in one event.
    pub max_date_gap_days: i64,
    /// Number of most distinctive terms per document used to find candidate pairs.
    pub blocking_terms: usize,
    /// Relative closeness: two groups merge only when their average similarity is at least
    /// this share of the cohesion (average internal similarity) of the less cohesive of the
    /// two. Keeps two tight groups about neighbouring stories apart (Karypis et al.'s
    /// Chameleon uses the same idea).
    pub min_relative_similarity: f64,
}

impl Default for EventsConfig {
    fn default() -> Self {
        EventsConfig {
            min_similarity: 0.3,
            max_date_gap_days: 4,
            blocking_terms: 40,
            min_relative_similarity: 0.7,
        }
    }
}

impl EventsConfig {
    /// Checks ranges.
    pub fn validate(&self) -> Result<()> {
        check_unit("events.min_similarity", self.min_similarity)?;
        check_unit(
            "events.min_relative_similarity",
            self.min_relative_similarity,
        )?;
        if self.max_date_gap_days < 0 {
            return Err(Error::Config {
                field: "events.max_date_gap_days".into(),
                message: "must be >= 0".into(),
            });
        }
        if self.blocking_terms == 0 {
            return Err(Error::Config {
                field: "events.blocking_terms".into(),
                message: "must be >= 1".into(),
            });
        }
        Ok(())
    }
}

/// A sparse, L2-normalised document vector.
type Vector = Vec<(TermId, f64)>;

fn doc_vectors(terms: &CorpusTerms) -> Vec<Vector> {
    terms
        .sentences
        .iter()
        .map(|sents| {
            let mut tf: BTreeMap<TermId, u32> = BTreeMap::new();
            for s in sents {
                // Synonym concepts widen sentence matching; documents compare on words.
                for &t in s.iter().filter(|&&t| !terms.is_concept[t as usize]) {
                    *tf.entry(t).or_default() += 1;
                }
            }
            let mut v: Vector = tf
                .into_iter()
                .map(|(t, n)| (t, (1.0 + (n as f64).ln()) * terms.document_idf(t)))
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v
        })
        .collect()
}

/// Cosine of two normalised sparse vectors sorted by term.
pub fn cosine(a: &[(TermId, f64)], b: &[(TermId, f64)]) -> f64 {
    shared_sum(a, b, |_, wa, wb| wa * wb)
}

/// The sum of `f(term, weight in a, weight in b)` over the terms two sparse vectors sorted
/// by term share, added in term order.
pub fn shared_sum(
    a: &[(TermId, f64)],
    b: &[(TermId, f64)],
    f: impl Fn(TermId, f64, f64) -> f64,
) -> f64 {
    // Branch-free merge (the term comparisons are unpredictable); adding 0.0 where the
    // terms differ leaves the sum exactly as the branching loop computes it.
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        let ((ta, wa), (tb, wb)) = (a[i], b[j]);
        sum += if ta == tb { f(ta, wa, wb) } else { 0.0 };
        i += usize::from(ta <= tb);
        j += usize::from(tb <= ta);
    }
    sum
}

/// Candidate document pairs `(i, j)`, `i < j`, sharing at least one distinctive term and
/// not dated further apart than `max_gap` days (such pairs can never be in one event, so
/// they are not generated: without this the pairs grow with the square of the corpus when
/// many documents share terms over a long period).
fn candidate_pairs(
    vectors: &[Vector],
    terms: &CorpusTerms,
    k: usize,
    days: &[Option<i64>],
    max_gap: i64,
) -> Vec<(usize, usize)> {
    let n = vectors.len();
    let cap = (n / 5).max(60) as u32;
    // Each document's `k` heaviest distinctive terms, and the documents of each such term:
    // the dated ones by date, the undated ones by index.
    let tops: Vec<Vec<TermId>> = crate::par::map(vectors, |v| {
        let mut top: Vec<&(TermId, f64)> = v
            .iter()
            .filter(|(t, _)| terms.document_df[*t as usize] <= cap)
            .collect();
        top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        top.iter().take(k).map(|x| x.0).collect()
    });
    let mut postings: HashMap<TermId, Posting> = HashMap::default();
    for (d, top) in tops.iter().enumerate() {
        for &t in top {
            let (dated, undated) = postings.entry(t).or_default();
            match days[d] {
                Some(day) => dated.push((day, d)),
                None => undated.push(d),
            }
        }
    }
    postings
        .values_mut()
        .for_each(|(dated, _)| dated.sort_unstable());
    // Per document, its later partners: an undated document may pair with any other, dated
    // ones only within the date window. Each document's list is built on its own (in
    // parallel with the `parallel` feature) and comes out sorted.
    let order: Vec<usize> = (0..n).collect();
    let per_doc = crate::par::map(&order, |&a| {
        let mut partners: Vec<usize> = Vec::new();
        for t in &tops[a] {
            let Some((dated, undated)) = postings.get(t) else {
                continue;
            };
            partners.extend(undated.iter().copied().filter(|&b| b > a));
            let window = match days[a] {
                Some(day) => {
                    let lo = dated.partition_point(|&(x, _)| x < day.saturating_sub(max_gap));
                    let hi = dated.partition_point(|&(x, _)| x <= day.saturating_add(max_gap));
                    &dated[lo..hi]
                }
                None => &dated[..],
            };
            partners.extend(window.iter().map(|&(_, b)| b).filter(|&b| b > a));
        }
        partners.sort_unstable();
        partners.dedup();
        partners
    });
    per_doc
        .into_iter()
        .enumerate()
        .flat_map(|(a, bs)| bs.into_iter().map(move |b| (a, b)))
        .collect()
}

/// The documents holding one blocking term: the dated ones as `(day, document)`, sorted;
/// the undated ones.
type Posting = (Vec<(i64, usize)>, Vec<usize>);

/// Groups documents into events. Returns lists of document indexes; every document is in
/// exactly one list; lists and their members are in input order.
pub fn group(docs: &[Document], terms: &CorpusTerms, config: &EventsConfig) -> Vec<Vec<usize>> {
    let n = docs.len();
    let vectors = doc_vectors(terms);
    let days: Vec<Option<i64>> = docs
        .iter()
        .map(|d| d.published.and_then(|p| p.days()))
        .collect();
    let conflict = |a: &[usize], b: &[usize]| {
        a.iter().any(|&x| {
            b.iter().any(|&y| match (days[x], days[y]) {
                (Some(p), Some(q)) => (p - q).abs() > config.max_date_gap_days,
                _ => false,
            })
        })
    };

    // Average linkage over the sparse similarity graph: sums of edge weights between clusters.
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    // Sum of similarities inside each group.
    let mut internal = vec![0.0f64; n];
    let mut links: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); n];
    for (a, b) in candidate_pairs(
        &vectors,
        terms,
        config.blocking_terms,
        &days,
        config.max_date_gap_days,
    ) {
        let s = cosine(&vectors[a], &vectors[b]);
        if s > 0.0 {
            links[a].insert(b, s);
            links[b].insert(a, s);
        }
    }
    #[derive(PartialEq)]
    struct Cand(f64, usize, usize);
    impl Eq for Cand {}
    impl PartialOrd for Cand {
        fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
            Some(self.cmp(o))
        }
    }
    impl Ord for Cand {
        fn cmp(&self, o: &Self) -> Ordering {
            self.0
                .total_cmp(&o.0)
                .then_with(|| (o.1, o.2).cmp(&(self.1, self.2)))
        }
    }
    let avg = |members: &[Vec<usize>], a: usize, b: usize, sum: f64| {
        sum / (members[a].len() * members[b].len()) as f64
    };
    let mut heap = BinaryHeap::new();
    for (a, row) in links.iter().enumerate() {
        for (&b, &s) in row {
            if a < b && s >= config.min_similarity {
                heap.push(Cand(s, a, b));
            }
        }
    }
    while let Some(Cand(score, a, b)) = heap.pop() {
        if !alive[a] || !alive[b] {
            continue;
        }
        let current = links[a].get(&b).map(|&s| avg(&members, a, b, s));
        if current != Some(score) {
            continue; // stale entry
        }
        if conflict(&members[a], &members[b]) {
            continue;
        }
        let cohesion = |g: usize| {
            let k = members[g].len();
            (k > 1).then(|| internal[g] / (k * (k - 1) / 2) as f64)
        };
        // A lone document joins on absolute similarity; two groups also need relative closeness.
        let weakest = match (cohesion(a), cohesion(b)) {
            (Some(x), Some(y)) => Some(x.min(y)),
            _ => None,
        };
        if weakest.is_some_and(|c| score < config.min_relative_similarity * c) {
            continue;
        }
        internal[a] += internal[b] + links[a][&b];
        // Merge b into a (a < b keeps the lower index as the representative).
        let (a, b) = (a.min(b), a.max(b));
        alive[b] = false;
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        members[a].sort_unstable();
        let b_links = std::mem::take(&mut links[b]);
        links[a].remove(&b);
        for (c, s) in b_links {
            if c == a {
                continue;
            }
            links[c].remove(&b);
            *links[a].entry(c).or_insert(0.0) += s;
            let total = links[a][&c];
            links[c].insert(a, total);
        }
        for (&c, &s) in &links[a] {
            let v = avg(&members, a, c, s);
            if alive[c] && v >= config.min_similarity {
                heap.push(Cand(v, a.min(c), a.max(c)));
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = (0..n)
        .filter(|&i| alive[i])
        .map(|i| members[i].clone())
        .collect();
    groups.sort_by_key(|g| g[0]);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{ingest, IngestConfig};
    use crate::names::Entities;

    fn docs(texts: &[&str]) -> Vec<Document> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| ingest(&format!("d{i}"), t, None, &IngestConfig::default()).unwrap())
            .collect()
    }

    #[test]
    fn same_story_groups_and_other_story_does_not() {
        let d = docs(&[
            "The harbour authority of Valmora closed the northern pier on Monday after a tanker leaked diesel into the bay.",
            "Valmora's northern pier was closed by the harbour authority after diesel leaked from a tanker into the bay on Monday.",
            "The national football team of Ostrava won the regional cup final with a late penalty goal on Sunday evening.",
        ]);
        let t = CorpusTerms::build(&d, &Entities::default());
        assert_eq!(
            group(&d, &t, &EventsConfig::default()),
            vec![vec![0, 1], vec![2]]
        );
    }
}
