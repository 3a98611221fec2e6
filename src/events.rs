//! Events: grouping documents that report the same happening.
//!
//! Each document becomes a TF-IDF vector over its [terms](crate::terms) (entity ids, numbers,
//! stems; a term's tf is the number of sentences holding it, damped by a log). Candidate pairs
//! come from an inverted index over each document's most distinctive terms, so the cost grows
//! with the number of documents that share rare terms, not with all pairs. Entity terms weigh
//! `entity_weight` times a word: two incidents of one kind share their vocabulary, rarely
//! their cast and places. Documents are then merged by average-linkage clustering over those
//! pairs. Dates are soft evidence: each group has a span of publication dates (undated
//! documents take the span of the group they join) and the linkage of two groups is scaled
//! down by the days between their spans beyond `date_window_days`, halving every
//! `date_half_life_days`; pairs too far apart ever to reach `min_similarity` are not
//! generated.

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
    /// Documents dated at most this many days apart are compared on their words alone.
    pub date_window_days: i64,
    /// Beyond the window, each this many days of gap halve the similarity of two dated
    /// documents: dates are evidence, not a wall (a trial and its verdict a week later stay
    /// one story when their words agree strongly enough).
    pub date_half_life_days: f64,
    /// Weight of an entity term (a resolved person, place or organisation) relative to a
    /// word: two incidents of one kind share their words, rarely their cast and places.
    pub entity_weight: f64,

    /// Number of most distinctive terms per document used to find candidate pairs.
    pub blocking_terms: usize,
    /// A blocking term held by at most this many units (and at most a fifth of them, or 60)
    /// pairs every two of them; a term held by more pairs each unit only with its
    /// `FREQUENT_WINDOW` neighbours on each side (by date, then id) among its holders, so
    /// the pairs grow linearly however large one story is.
    pub blocking_max_postings: usize,
    /// Number of heaviest terms per document, among those above the posting bound, that
    /// pair it with its neighbours: a document all of whose terms are common (one of 500
    /// edited copies of a short text) keeps candidates.
    pub frequent_blocking_terms: usize,
    /// Relative closeness: two groups merge only when their average similarity is at least
    /// this share of the cohesion (average internal similarity) of the less cohesive of the
    /// two. Keeps two tight groups about neighbouring stories apart (Karypis et al.'s
    /// Chameleon uses the same idea).
    pub min_relative_similarity: f64,
    /// A document whose word 5-grams overlap an earlier document of its event by at least
    /// this Jaccard similarity is a near-verbatim copy of it (the report's
    /// `copy_of`).
    pub copy_min_jaccard: f64,
}

impl Default for EventsConfig {
    fn default() -> Self {
        EventsConfig {
            min_similarity: 0.2,
            date_window_days: 4,
            date_half_life_days: 7.0,
            entity_weight: 2.0,

            blocking_terms: 40,
            blocking_max_postings: 100,
            frequent_blocking_terms: 8,
            min_relative_similarity: 0.7,
            copy_min_jaccard: 0.8,
        }
    }
}

impl EventsConfig {
    /// Checks ranges.
    pub fn validate(&self) -> Result<()> {
        check_unit("events.min_similarity", self.min_similarity)?;
        check_unit("events.copy_min_jaccard", self.copy_min_jaccard)?;
        check_unit(
            "events.min_relative_similarity",
            self.min_relative_similarity,
        )?;
        if self.date_window_days < 0 {
            return Err(Error::Config {
                field: "events.date_window_days".into(),
                message: "must be >= 0".into(),
            });
        }
        for (field, v) in [
            ("events.date_half_life_days", self.date_half_life_days),
            ("events.entity_weight", self.entity_weight),
        ] {
            if !(v > 0.0 && v.is_finite()) {
                return Err(Error::Config {
                    field: field.into(),
                    message: "must be > 0".into(),
                });
            }
        }
        for (field, v) in [
            ("events.blocking_terms", self.blocking_terms),
            ("events.blocking_max_postings", self.blocking_max_postings),
        ] {
            if v == 0 {
                return Err(Error::Config {
                    field: field.into(),
                    message: "must be >= 1".into(),
                });
            }
        }
        Ok(())
    }
}

/// A sparse, L2-normalised document vector.
type Vector = Vec<(TermId, f64)>;

fn doc_vectors(terms: &CorpusTerms, config: &EventsConfig) -> Vec<Vector> {
    terms
        .sentences
        .iter()
        .map(|sents| {
            let mut tf: BTreeMap<TermId, f64> = BTreeMap::new();
            for s in sents {
                // Synonym concepts widen sentence matching; documents compare on words.
                for &t in s.iter().filter(|&&t| !terms.is_concept[t as usize]) {
                    *tf.entry(t).or_default() += 1.0;
                }
            }
            let mut v: Vector = tf
                .into_iter()
                .map(|(t, n)| {
                    let kind = if terms.is_entity[t as usize] {
                        config.entity_weight
                    } else {
                        1.0
                    };
                    (t, damped(n) * kind * terms.document_idf(t))
                })
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v
        })
        .collect()
}

/// The sum of two sparse vectors sorted by term.
fn add(a: &[(TermId, f64)], b: &[(TermId, f64)]) -> Vector {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(&(ta, wa)), Some(&(tb, wb))) if ta == tb => {
                out.push((ta, wa + wb));
                i += 1;
                j += 1;
            }
            (Some(&(ta, wa)), Some(&(tb, _))) if ta < tb => {
                out.push((ta, wa));
                i += 1;
            }
            (Some(&x), None) => {
                out.push(x);
                i += 1;
            }
            (_, Some(&y)) => {
                out.push(y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// A term count damped by a log (`1 + ln n`), linear below one occurrence.
fn damped(n: f64) -> f64 {
    if n >= 1.0 {
        1.0 + n.ln()
    } else {
        n
    }
}

/// The factor by which a gap of `gap` days between two dated documents scales their
/// similarity: 1 inside the window, halved every `half_life` days beyond it.
fn date_factor(gap: i64, config: &EventsConfig) -> f64 {
    let over = (gap.abs() - config.date_window_days).max(0) as f64;
    0.5f64.powf(over / config.date_half_life_days)
}

/// The date factor of two groups with these date spans: by the days between the spans
/// (0 when they overlap); 1 when either group is undated.
fn span_factor(a: Option<(i64, i64)>, b: Option<(i64, i64)>, config: &EventsConfig) -> f64 {
    match (a, b) {
        (Some((p, q)), Some((r, s))) => date_factor((r - q).max(p - s).max(0), config),
        _ => 1.0,
    }
}

/// The largest gap in days at which two documents can still reach `min_similarity`
/// (their cosine being at most 1); candidate pairs are never generated beyond it.
fn date_horizon(config: &EventsConfig) -> i64 {
    let halvings = (1.0 / config.min_similarity.max(1e-9)).log2();
    let extra = (halvings * config.date_half_life_days).min(1e9);
    config.date_window_days.saturating_add(extra.ceil() as i64)
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

/// How many neighbours on each side a unit pairs with in the holders of a frequent term.
const FREQUENT_WINDOW: usize = 2;

/// What candidate generation reads of the units besides their vectors.
struct Blocking<'a> {
    /// Each term's number of units holding it.
    df: &'a [u32],
    /// Number of units (documents with their near-verbatim copies; a copy's vector is empty).
    units: usize,
    /// Publication day of each document.
    days: &'a [Option<i64>],
    /// Each document's position when sorted by date (undated last), then id: the order of
    /// a frequent term's holders, which does not depend on input order.
    rank: &'a [usize],
    /// Pairs dated further apart than this many days are never generated.
    max_gap: i64,
}

/// Candidate pairs `(i, j)`, `i < j`, of units sharing at least one distinctive term and
/// not dated further apart than `max_gap` days (such pairs can never be in one event, so
/// they are not generated: without this the pairs grow with the square of the corpus when
/// many documents share terms over a long period). A term held by more than the posting
/// bound pairs each holder only with its nearest holders (see
/// [`EventsConfig::blocking_max_postings`]).
fn candidate_pairs(vectors: &[Vector], b: &Blocking, config: &EventsConfig) -> Vec<(usize, usize)> {
    let (df, days, max_gap) = (b.df, b.days, b.max_gap);
    let n = vectors.len();
    let cap = (b.units / 5).max(60).min(config.blocking_max_postings) as u32;
    let k = config.blocking_terms;
    let heaviest = |v: &Vector, keep: &dyn Fn(u32) -> bool, k: usize| {
        let mut top: Vec<&(TermId, f64)> =
            v.iter().filter(|(t, _)| keep(df[*t as usize])).collect();
        top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        top.iter().take(k).map(|x| x.0).collect::<Vec<TermId>>()
    };
    // Each document's `k` heaviest distinctive terms, and the documents of each such term:
    // the dated ones by date, the undated ones by index.
    let tops: Vec<Vec<TermId>> = crate::par::map(vectors, |v| heaviest(v, &|d| d <= cap, k));
    let frequent: Vec<Vec<TermId>> = crate::par::map(vectors, |v| {
        heaviest(v, &|d| d > cap, config.frequent_blocking_terms)
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
        partners
    });
    // Frequent terms: each holder with its nearest holders in rank order.
    let mut holders: HashMap<TermId, Vec<usize>> = HashMap::default();
    for (d, ts) in frequent.iter().enumerate() {
        for &t in ts {
            holders.entry(t).or_default().push(d);
        }
    }
    let mut near: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut lists: Vec<(TermId, Vec<usize>)> = holders.into_iter().collect();
    lists.sort_unstable_by_key(|x| x.0);
    for (_, mut list) in lists {
        list.sort_unstable_by_key(|&d| b.rank[d]);
        for (p, &x) in list.iter().enumerate() {
            for &y in list.iter().skip(p + 1).take(FREQUENT_WINDOW) {
                let close = match (days[x], days[y]) {
                    (Some(p), Some(q)) => (p - q).abs() <= max_gap,
                    _ => true,
                };
                if close {
                    near[x.min(y)].push(x.max(y));
                }
            }
        }
    }
    per_doc
        .into_iter()
        .zip(near)
        .enumerate()
        .flat_map(|(a, (mut bs, more))| {
            bs.extend(more);
            bs.sort_unstable();
            bs.dedup();
            bs.into_iter().map(move |b| (a, b))
        })
        .collect()
}

/// The dot products of `v` with the sum vectors of `others`, through a dense row of
/// `v`'s weights (left zeroed).
fn dots(v: &[(TermId, f64)], others: &[usize], sums: &[Vector], dense: &mut [f64]) -> Vec<f64> {
    if others.is_empty() {
        return Vec::new();
    }
    v.iter().for_each(|&(t, w)| dense[t as usize] = w);
    let out = others
        .iter()
        .map(|&c| sums[c].iter().map(|&(t, w)| w * dense[t as usize]).sum())
        .collect();
    v.iter().for_each(|&(t, _)| dense[t as usize] = 0.0);
    out
}

/// The documents holding one blocking term: the dated ones as `(day, document)`, sorted;
/// the undated ones.
type Posting = (Vec<(i64, usize)>, Vec<usize>);

/// Groups documents into events. Returns lists of document indexes; every document is in
/// exactly one list; lists and their members are in input order.
pub fn group(docs: &[Document], terms: &CorpusTerms, config: &EventsConfig) -> Vec<Vec<usize>> {
    let n = docs.len();
    let vectors = doc_vectors(terms, config);
    let days: Vec<Option<i64>> = docs
        .iter()
        .map(|d| d.published.and_then(|p| p.days()))
        .collect();

    // Near-verbatim copies (see [`crate::copies`]) dated within the window of their
    // original start as one group with it: a story copied 2,000 times is one unit, not
    // 2,000 documents whose every term is common.
    let sets = crate::copies::shingle_sets(docs);
    let all: Vec<usize> = (0..n).collect();
    let order = crate::copies::original_order(docs, &all);
    let near = crate::copies::first_copies(&sets, &order, config.copy_min_jaccard, |d, o| {
        match (days[d], days[o]) {
            (Some(x), Some(y)) => (x - y).abs() <= config.date_window_days,
            _ => true,
        }
    });
    drop(sets);

    // Average linkage over the sparse similarity graph: sums of edge weights between clusters.
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    // Sum of similarities inside each group.
    let mut internal = vec![0.0f64; n];
    // Each group's publication dates as a span (first, last day); undated groups have none
    // and take the span of the dated group they join.
    let mut spans: Vec<Option<(i64, i64)>> = days.iter().map(|d| d.map(|x| (x, x))).collect();
    // A unit's sum vector: the sum of its documents' vectors (a lone document's own vector),
    // so that the sum of cosines between two units is the dot product of their sums.
    let mut sums: Vec<Vector> = vectors.clone();
    for &(d, o) in &near {
        alive[d] = false;
        let moved = std::mem::take(&mut members[d]);
        members[o].extend(moved);
        spans[o] = match (spans[o], spans[d]) {
            (Some((p, q)), Some((r, s))) => Some((p.min(r), q.max(s))),
            (x, y) => x.or(y),
        };
        sums[o] = add(&sums[o], &vectors[d]);
        sums[d].clear();
    }
    for o in 0..n {
        if !alive[o] || members[o].len() < 2 {
            continue;
        }
        members[o].sort_unstable();
        // Sum over pairs of cosines = (|S|^2 - sum of |v|^2) / 2.
        let own: f64 = members[o]
            .iter()
            .map(|&d| cosine(&vectors[d], &vectors[d]))
            .sum();
        internal[o] = ((cosine(&sums[o], &sums[o]) - own) / 2.0).max(0.0);
    }
    // Units compare for candidate pairs on their normalised sums; a term's frequency is the
    // number of units holding it.
    let unit_vectors: Vec<Vector> = sums
        .iter()
        .map(|v| {
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            v.iter()
                .map(|&(t, w)| (t, if norm > 0.0 { w / norm } else { w }))
                .collect()
        })
        .collect();
    let df: Vec<u32> = if near.is_empty() {
        terms.document_df.clone()
    } else {
        let mut df = vec![0u32; terms.document_df.len()];
        for v in &sums {
            v.iter().for_each(|&(t, _)| df[t as usize] += 1);
        }
        df
    };
    let mut links: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); n];
    let mut rank = vec![0usize; n];
    for (r, &d) in order.iter().enumerate() {
        rank[d] = r;
    }
    let blocking = Blocking {
        df: &df,
        units: n - near.len(),
        days: &days,
        rank: &rank,
        max_gap: date_horizon(config),
    };
    for (a, b) in candidate_pairs(&unit_vectors, &blocking, config) {
        let s = cosine(&sums[a], &sums[b]);
        if s > 0.0 {
            links[a].insert(b, s);
            links[b].insert(a, s);
        }
    }
    drop(unit_vectors);
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
    let linkage = |members: &[Vec<usize>], spans: &[Option<(i64, i64)>], a, b, sum| {
        avg(members, a, b, sum) * span_factor(spans[a], spans[b], config)
    };
    // A dense row over the terms, for dot products of one vector with many.
    let mut dense: Vec<f64> = vec![0.0; terms.document_df.len()];
    let mut heap = BinaryHeap::new();
    for (a, row) in links.iter().enumerate() {
        for (&b, &s) in row {
            let v = linkage(&members, &spans, a, b, s);
            if a < b && v >= config.min_similarity {
                heap.push(Cand(v, a, b));
            }
        }
    }
    while let Some(Cand(score, a, b)) = heap.pop() {
        if !alive[a] || !alive[b] {
            continue;
        }
        let current = links[a]
            .get(&b)
            .map(|&s| linkage(&members, &spans, a, b, s));
        if current != Some(score) {
            continue; // stale entry
        }
        // A group's cohesion is estimated from three documents or more: two near-copies (two
        // renderings by one system) are one pair, not a tight story that others must match.
        let cohesion = |g: usize| {
            let k = members[g].len();
            (k > 2).then(|| internal[g] / (k * (k - 1) / 2) as f64)
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
        spans[a] = match (spans[a], spans[b]) {
            (Some((p, q)), Some((r, s))) => Some((p.min(r), q.max(s))),
            (x, y) => x.or(y),
        };
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        members[a].sort_unstable();
        let mut b_links = std::mem::take(&mut links[b]);
        links[a].remove(&b);
        b_links.remove(&a);
        // Links stay exact sums of cosines (dot products of the groups' sum vectors): a
        // neighbour of only one of the two gets its dot product with the other computed, so
        // a large story whose documents were not all candidate pairs is not diluted.
        let only_a: Vec<usize> = links[a]
            .keys()
            .copied()
            .filter(|c| !b_links.contains_key(c))
            .collect();
        let only_b: Vec<usize> = b_links
            .keys()
            .copied()
            .filter(|c| !links[a].contains_key(c))
            .collect();
        let with_b = dots(&sums[b], &only_a, &sums, &mut dense);
        let with_a = dots(&sums[a], &only_b, &sums, &mut dense);
        for (c, s) in only_a.into_iter().zip(with_b) {
            *links[a].entry(c).or_insert(0.0) += s;
        }
        for (c, s) in only_b.into_iter().zip(with_a) {
            links[a].insert(c, s);
        }
        for (c, s) in b_links {
            links[c].remove(&b);
            *links[a].entry(c).or_insert(0.0) += s;
        }
        let row: Vec<(usize, f64)> = links[a].iter().map(|(&c, &s)| (c, s)).collect();
        for (c, total) in row {
            links[c].insert(a, total);
        }
        let b_sum = std::mem::take(&mut sums[b]);
        sums[a] = add(&sums[a], &b_sum);
        for (&c, &s) in &links[a] {
            let v = linkage(&members, &spans, a, c, s);
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

    #[test]
    fn dates_lower_the_linkage_and_undated_groups_are_not_penalised() {
        let c = EventsConfig::default();
        assert_eq!(span_factor(Some((0, 3)), Some((5, 6)), &c), 1.0);
        let week = span_factor(Some((0, 0)), Some((11, 12)), &c);
        assert!((week - 0.5).abs() < 1e-12, "{week}");
        assert_eq!(span_factor(None, Some((900, 900)), &c), 1.0);
        // Beyond the horizon even identical documents cannot reach min_similarity.
        let far =
            c.date_window_days as f64 + c.date_half_life_days * (1.0 / c.min_similarity).log2();
        assert!(date_factor(far.ceil() as i64 + 1, &c) < c.min_similarity);
        assert!(date_horizon(&c) >= far as i64);
    }
}
