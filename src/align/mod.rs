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
//! A weak pair that shares names but nothing said about them (or a section sub-heading) is
//! kept only as a topical link ([`Alignment::claim`] false), except between two renderings
//! of one text, where weak pairs are lines hard to translate.

pub mod similarity;

use crate::config::check_unit;
use crate::document::Document;
use crate::error::Result;
use crate::hash::HashMap;
use crate::terms::{CorpusTerms, TermId};
use similarity::SentenceFeatures;

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
    /// How much a matching neighbour on the diagonal raises a pair's score.
    pub context_weight: f64,
    /// In an event of many documents, each document is aligned with this many of its most
    /// similar documents (and with those that chose it); 0 aligns every pair.
    pub max_partners: usize,
    /// A sentence also aligns with the neighbour of its best match when the two neighbours
    /// read as one match it better by at least this much (one sentence of one article saying
    /// what two consecutive sentences of the other say).
    pub split_gain: f64,
    /// Weight of an entity term relative to a content word.
    pub entity_weight: f64,
    /// Weight of a synonym-concept term relative to a content word (a shared word also
    /// shares its concepts, so exact matches still count more).
    pub concept_weight: f64,
    /// A pair scoring below `one_sided_min_score` whose shared terms other than names add
    /// less than this to its term cosine shares names but no claim ('Peskov said talks were
    /// planned' / 'Peskov warned of caution'): it is kept as a
    /// topical link (`Alignment::claim`), not as an alignment (unless its two documents read
    /// as renderings of one text).
    pub min_claim_overlap: f64,
}

/// A sentence whose best match already holds this share of its squared term weight is not
/// tried as a merge of two sentences.
const SPLIT_MAX_COVERAGE: f64 = 0.95;

/// Two documents at least this share of whose sentences (of the shorter) have a match
/// scoring `one_sided_min_score` read as renderings of one text.
const RENDERING_SHARE: f64 = 0.3;

/// Candidates scoring below this are not kept even as context for their neighbours.
const CANDIDATE_FLOOR: f64 = 0.1;

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            min_score: 0.25,
            one_sided_min_score: 0.4,
            best_margin: 0.05,
            split_gain: 0.02,
            context_weight: 0.5,
            entity_weight: 1.0,
            max_partners: 10,
            concept_weight: 0.8,
            min_claim_overlap: 0.1,
        }
    }
}

impl AlignConfig {
    /// Checks ranges.
    pub fn validate(&self) -> Result<()> {
        check_unit("align.min_score", self.min_score)?;
        check_unit("align.one_sided_min_score", self.one_sided_min_score)?;
        check_unit("align.best_margin", self.best_margin)?;
        check_unit("align.split_gain", self.split_gain)?;
        check_unit("align.context_weight", self.context_weight)?;
        check_unit("align.min_claim_overlap", self.min_claim_overlap)?;
        if !(0.0..=10.0).contains(&self.entity_weight)
            || !(0.0..=10.0).contains(&self.concept_weight)
        {
            return Err(crate::error::Error::Config {
                field: "align.entity_weight/concept_weight".into(),
                message: "must be in [0, 10]".into(),
            });
        }
        Ok(())
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
    /// True when the two sentences report a common claim. False for a topical link: the
    /// best match of a sentence that shares names with it but nothing said about them, or
    /// a section sub-heading (a label, not a claim). Topical links are not reported or
    /// compared; the garble stage reads them as the nearest renderings of other sources.
    pub claim: bool,
}

/// Alignments of events already computed, by a fingerprint of everything an event's
/// alignment depends on: its documents' sentences, the equality pattern and kinds of their
/// terms, and the settings. Reconciling again after adding documents recomputes only the
/// events whose fingerprint changed; the result is the same as a run from scratch.
#[derive(Debug, Default)]
pub struct AlignCache {
    map: std::sync::Mutex<HashMap<u64, Vec<LocalAlignment>>>,
}

impl Clone for AlignCache {
    fn clone(&self) -> Self {
        let map = self.map.lock().map(|m| m.clone()).unwrap_or_default();
        AlignCache {
            map: std::sync::Mutex::new(map),
        }
    }
}

impl AlignCache {
    /// Number of events held.
    pub fn len(&self) -> usize {
        self.map.lock().map_or(0, |m| m.len())
    }
}

/// An alignment with documents given by their position in the event.
type LocalAlignment = ((usize, usize), (usize, usize), f64, bool);

/// Like [`align`], reusing (and filling) `cache`.
pub fn align_cached(
    docs: &[Document],
    terms: &CorpusTerms,
    (events, copy_of): (&[Vec<usize>], &[Option<usize>]),
    config: &AlignConfig,
    cache: &AlignCache,
) -> Vec<Alignment> {
    let per_event = |ev: &Vec<usize>| {
        let key = fingerprint(docs, terms, (ev, copy_of), config);
        let hit = cache.map.lock().ok().and_then(|m| m.get(&key).cloned());
        let local = hit.unwrap_or_else(|| {
            let pos: HashMap<usize, usize> = ev.iter().enumerate().map(|(i, &d)| (d, i)).collect();
            let local: Vec<LocalAlignment> = align_event(docs, terms, (ev, copy_of), config)
                .into_iter()
                .map(|a| ((pos[&a.a.0], a.a.1), (pos[&a.b.0], a.b.1), a.score, a.claim))
                .collect();
            if let Ok(mut m) = cache.map.lock() {
                m.insert(key, local.clone());
            }
            local
        });
        local
            .into_iter()
            .map(|(a, b, score, claim)| Alignment {
                a: (ev[a.0], a.1),
                b: (ev[b.0], b.1),
                score,
                claim,
            })
            .collect::<Vec<_>>()
    };
    let parts: Vec<Vec<Alignment>> = crate::par::map(events, per_event);
    let mut out: Vec<Alignment> = parts.into_iter().flatten().collect();
    out.sort_by_key(|x| (x.a, x.b));
    out
}

/// Events of at most this many originals choose partners among all their pairs; larger
/// ones through an index (see [`partner_pairs`]).
const EXACT_PARTNERS: usize = 256;
/// In a large event, the heaviest terms of each document whose holders are its candidate
/// partners, and how many holders (the heaviest) of each term.
const PARTNER_TERMS: usize = 16;
const PARTNER_HOLDERS: usize = 16;

/// In an event of more than `k + 1` documents, the document pairs to align: each document
/// with the `k` most similar others (and every document that chose it), so the cost of a
/// large event grows linearly with its size. `None` means all pairs.
///
/// In an event of more than `EXACT_PARTNERS` documents, a near-verbatim copy (`copy_of`)
/// is aligned with its original only (once, through it), and the others choose among the
/// originals; a copy of the very same text is aligned so in any event of this size. Up to `EXACT_PARTNERS` originals, similarities of all their pairs are
/// computed; above, a document's candidates are the heaviest holders of its heaviest terms
/// (an inverted index), and its partners the `k` most similar of those.
fn partner_pairs(
    docs: &[Document],
    ids: &[SentenceId],
    feats: &[SentenceFeatures],
    (event, copy_of): (&[usize], &[Option<usize>]),
    k: usize,
) -> Option<crate::hash::HashSet<(usize, usize)>> {
    if k == 0 || event.len() <= k + 1 {
        return None;
    }
    // Copies collapse into their original in events too large to choose partners among all
    // pairs (in smaller ones a near-verbatim copy is aligned like any document: its own top
    // partners); a copy of the very same text collapses in any event, as it has nothing of
    // its own to align.
    let collapse = event.len() > EXACT_PARTNERS;
    let in_event: crate::hash::HashSet<usize> = event.iter().copied().collect();
    let originals: HashMap<usize, usize> = event
        .iter()
        .filter_map(|&d| Some((d, copy_of.get(d).copied().flatten()?)))
        .filter(|&(d, o)| in_event.contains(&o) && (collapse || docs[d].text == docs[o].text))
        .collect();
    let original = |d: usize| originals.get(&d).copied();
    let mut pairs = crate::hash::HashSet::default();
    for &d in event {
        if let Some(o) = original(d) {
            pairs.insert((d.min(o), d.max(o)));
        }
    }
    // Document vectors of the originals: sums of their sentence vectors, normalised.
    let mut vecs: HashMap<usize, HashMap<TermId, f64>> = HashMap::default();
    for (id, f) in ids.iter().zip(feats) {
        if original(id.0).is_some() {
            continue;
        }
        let v = vecs.entry(id.0).or_default();
        for &(t, w) in &f.vector {
            *v.entry(t).or_default() += w;
        }
    }
    let mut dense: Vec<(usize, Vec<(TermId, f64)>)> = event
        .iter()
        .filter(|&&d| original(d).is_none())
        .map(|&d| {
            let mut v: Vec<(TermId, f64)> =
                vecs.remove(&d).unwrap_or_default().into_iter().collect();
            v.sort_unstable_by_key(|x| x.0);
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt().max(1e-12);
            v.iter_mut().for_each(|x| x.1 /= norm);
            (d, v)
        })
        .collect();
    dense.sort_by_key(|x| x.0);
    let m = dense.len();
    let cos = |i: usize, j: usize| crate::events::cosine(&dense[i].1, &dense[j].1);
    // Candidate partners of each original (indexes into `dense`).
    let candidates: Vec<Vec<usize>> = if m <= EXACT_PARTNERS {
        (0..m)
            .map(|i| (0..m).filter(|&j| j != i).collect())
            .collect()
    } else {
        let heaviest = |v: &[(TermId, f64)]| {
            let mut top: Vec<(TermId, f64)> = v.to_vec();
            top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            top.truncate(PARTNER_TERMS);
            top
        };
        let tops: Vec<Vec<(TermId, f64)>> = crate::par::map(&dense, |(_, v)| heaviest(v));
        let mut holders: HashMap<TermId, Vec<(f64, usize)>> = HashMap::default();
        for (i, top) in tops.iter().enumerate() {
            for &(t, w) in top {
                holders.entry(t).or_default().push((w, i));
            }
        }
        for list in holders.values_mut() {
            list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            list.truncate(PARTNER_HOLDERS);
        }
        let order: Vec<usize> = (0..m).collect();
        crate::par::map(&order, |&i| {
            let mut c: Vec<usize> = tops[i]
                .iter()
                .filter_map(|(t, _)| holders.get(t))
                .flatten()
                .map(|x| x.1)
                .filter(|&j| j != i)
                .collect();
            c.sort_unstable();
            c.dedup();
            c
        })
    };
    let order: Vec<usize> = (0..m).collect();
    let chosen = crate::par::map(&order, |&i| {
        let mut sims: Vec<(f64, usize)> = candidates[i]
            .iter()
            .map(|&j| (cos(i, j), dense[j].0))
            .collect();
        sims.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        sims.truncate(k);
        sims
    });
    for (i, sims) in chosen.into_iter().enumerate() {
        let d = dense[i].0;
        for (_, e) in sims {
            pairs.insert((d.min(e), d.max(e)));
        }
    }
    Some(pairs)
}

/// A fingerprint of the inputs of one event's alignment. Terms are relabelled by first
/// occurrence in the event, so renumbered entities or a grown vocabulary do not change it.
fn fingerprint(
    docs: &[Document],
    terms: &CorpusTerms,
    (event, copy_of): (&[usize], &[Option<usize>]),
    config: &AlignConfig,
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    format!("{config:?}").hash(&mut h);
    // Which document of the event each is a copy of, by position in the event.
    let pos: HashMap<usize, usize> = event.iter().enumerate().map(|(i, &d)| (d, i)).collect();
    for &d in event {
        let o = copy_of.get(d).copied().flatten();
        o.and_then(|o| pos.get(&o)).hash(&mut h);
    }
    let mut relabel: HashMap<TermId, u32> = HashMap::default();
    for &d in event {
        let doc = &docs[d];
        doc.sentences.len().hash(&mut h);
        for (s, ts) in terms.sentences[d].iter().enumerate() {
            doc.sentence_text(s).hash(&mut h);
            for &share in &terms.shares[d][s] {
                share.to_bits().hash(&mut h);
            }
            for &t in ts {
                let next = relabel.len() as u32;
                relabel.entry(t).or_insert(next).hash(&mut h);
                let i = t as usize;
                (
                    terms.is_entity[i],
                    terms.is_concept[i],
                    terms.background_idf[i].to_bits(),
                )
                    .hash(&mut h);
            }
        }
    }
    h.finish()
}

/// A scored candidate: indexes of two sentences in the event, and their similarity.
type Scored = (usize, usize, f64);

/// Aligns the sentences of the documents of one event.
pub fn align_event(
    docs: &[Document],
    terms: &CorpusTerms,
    (event, copy_of): (&[usize], &[Option<usize>]),
    config: &AlignConfig,
) -> Vec<Alignment> {
    if event.len() < 2 {
        return Vec::new();
    }
    // Sentence frequencies within the event: an event's alignment depends on its own
    // documents only, so adding documents elsewhere never changes it.
    let mut ids: Vec<SentenceId> = Vec::new();
    let mut df: HashMap<TermId, usize> = HashMap::default();
    for &d in event {
        for (s, ts) in terms.sentences[d].iter().enumerate() {
            ids.push((d, s));
            for &t in ts {
                *df.entry(t).or_default() += 1;
            }
        }
    }
    let total = ids.len();
    let feats: Vec<SentenceFeatures> = ids
        .iter()
        .map(|&(d, s)| {
            SentenceFeatures::new(
                docs[d].sentence_text(s),
                (&terms.sentences[d][s], &terms.shares[d][s]),
                terms,
                |t| terms.local_idf(t, df.get(&t).copied().unwrap_or(0), total),
                (s, docs[d].sentences.len()),
                config,
            )
        })
        .collect();
    // Inverted index over the event's distinctive terms.
    let cap = (total / 4).max(8);
    let mut postings: HashMap<TermId, Vec<usize>> = HashMap::default();
    for (i, f) in feats.iter().enumerate() {
        for &(t, _) in &f.vector {
            postings.entry(t).or_default().push(i);
        }
    }
    // For each sentence, the later sentences of other documents sharing a distinctive term,
    // deduplicated with a stamp per sentence (sorting all raw pairs cost more than scoring).
    // Posting lists are in increasing order, so the pairs come out sorted by (i, j).
    let partners = partner_pairs(docs, &ids, &feats, (event, copy_of), config.max_partners);
    // The documents each document may be paired with, as a row of flags over the event's
    // documents, filled for the document of the current sentence (sentences come grouped by
    // document), so the check in the posting scan is one index.
    let slot: HashMap<usize, usize> = event.iter().enumerate().map(|(k, &d)| (d, k)).collect();
    let doc_slot: Vec<usize> = ids.iter().map(|id| slot[&id.0]).collect();
    let partner_slots: Option<Vec<Vec<usize>>> = partners.map(|set| {
        let mut lists = vec![Vec::new(); event.len()];
        for (a, b) in set {
            lists[slot[&a]].push(slot[&b]);
            lists[slot[&b]].push(slot[&a]);
        }
        lists
    });
    // The sentences of each document are one run of `ids` (slot order).
    let mut starts: Vec<usize> = vec![total; event.len() + 1];
    for (i, &k) in doc_slot.iter().enumerate().rev() {
        starts[k] = i;
    }
    for k in (0..event.len()).rev() {
        starts[k] = starts[k].min(starts[k + 1]);
    }
    let mut cands: Vec<(usize, usize)> = Vec::new();
    let mut seen: Vec<usize> = vec![usize::MAX; total];
    let mut near: Vec<usize> = Vec::new();
    for (i, f) in feats.iter().enumerate() {
        near.clear();
        // With partners chosen, each posting list is read only over the sentences of the
        // later partner documents (a binary search each), so a document is compared with
        // its partners only, not with every holder of its terms.
        let later: Option<Vec<usize>> = partner_slots.as_ref().map(|lists| {
            let mut l: Vec<usize> = lists[doc_slot[i]]
                .iter()
                .copied()
                .filter(|&k| k > doc_slot[i])
                .collect();
            l.sort_unstable();
            l.dedup();
            l
        });
        for (t, _) in &f.vector {
            let Some(list) = postings.get(t).filter(|l| l.len() <= cap) else {
                continue;
            };
            let mut take = |part: &[usize]| {
                for &j in part {
                    if seen[j] != i && ids[j].0 != ids[i].0 {
                        seen[j] = i;
                        near.push(j);
                    }
                }
            };
            match &later {
                None => take(&list[list.partition_point(|&x| x <= i)..]),
                Some(slots) => {
                    for &k in slots {
                        let lo = list.partition_point(|&x| x < starts[k]);
                        let hi = list.partition_point(|&x| x < starts[k + 1]);
                        take(&list[lo..hi]);
                    }
                }
            }
        }
        near.sort_unstable();
        cands.extend(near.iter().map(|&j| (i, j)));
    }

    // Score candidates, grouped by document pair.
    let mut by_pair: HashMap<(usize, usize), Vec<Scored>> = HashMap::default();
    // Scored on the pool too, so one large event does not leave a core idle.
    // Pairs under the floor are dropped, so a cheap bound rules most of them out unscored.
    // Candidates come sorted by their first sentence: each run of one first sentence is
    // scored at once against its partners, with the event's trigrams numbered densely.
    let (trigram_ids, n_trigrams) = similarity::number_trigrams(&feats);
    let sizes = (terms.names.len(), n_trigrams);
    let runs: Vec<&[(usize, usize)]> = cands.chunk_by(|x, y| x.0 == y.0).collect();
    let scores = crate::par::map(&runs, |run| {
        let i = run[0].0;
        similarity::score_many(
            &feats[i],
            &trigram_ids[i],
            run.iter()
                .map(|&(_, j)| (&feats[j], trigram_ids[j].as_slice())),
            sizes,
            CANDIDATE_FLOOR,
        )
    });
    drop(runs);
    for ((i, j), score) in cands.into_iter().zip(scores.into_iter().flatten()) {
        if let Some(score) = score {
            let (i, j) = if ids[i].0 < ids[j].0 { (i, j) } else { (j, i) };
            by_pair
                .entry((ids[i].0, ids[j].0))
                .or_default()
                .push((i, j, score));
        }
    }
    let mut out = Vec::new();
    let mut scratch = SplitScratch {
        best: vec![(f64::MIN, usize::MAX); total],
        joined: vec![None; total],
    };
    let mut pairs: Vec<_> = by_pair.into_iter().collect();
    pairs.sort_by_key(|(k, _)| *k);
    // A heading below the top of its article labels the section that follows.
    let sub_heading = |(d, s): SentenceId| s > 0 && docs[d].sentences[s].is_heading;
    for ((doc_a, doc_b), raw) in pairs {
        // Context: a pair whose neighbours on the diagonal also match (the sentence before
        // with the sentence before, or after with after) is more likely a true match —
        // rewrites and translations keep local order even when they reorder paragraphs.
        let index: HashMap<(usize, usize), f64> =
            raw.iter().map(|&(i, j, s)| ((i, j), s)).collect();
        let same_doc = |x: usize, y: usize| ids.get(y).is_some_and(|id| id.0 == ids[x].0);
        let scored: Vec<Scored> = raw
            .iter()
            .map(|&(i, j, s)| {
                let before = (i > 0 && j > 0 && same_doc(i, i - 1) && same_doc(j, j - 1))
                    .then(|| index.get(&(i - 1, j - 1)).copied())
                    .flatten()
                    .unwrap_or(0.0);
                let after = (same_doc(i, i + 1) && same_doc(j, j + 1))
                    .then(|| index.get(&(i + 1, j + 1)).copied())
                    .flatten()
                    .unwrap_or(0.0);
                let context = before.max(after);
                (
                    i,
                    j,
                    (s + config.context_weight * context * s.sqrt()).min(1.0),
                )
            })
            .filter(|&(_, _, s)| s >= config.min_score)
            .collect();
        let scored = with_splits(scored, &index, &feats, &ids, &mut scratch, config);
        let mut best_a: HashMap<usize, f64> = HashMap::default();
        let mut best_b: HashMap<usize, f64> = HashMap::default();
        for &(i, j, s) in &scored {
            let e = best_a.entry(i).or_insert(0.0);
            *e = e.max(s);
            let e = best_b.entry(j).or_insert(0.0);
            *e = e.max(s);
        }
        // Two renderings of one text (translations of one article) match sentence by
        // sentence; there a weak pair that shares little but names is a line hard to
        // translate, not a different claim, so the claim test is for other documents.
        let strong = |best: &HashMap<usize, f64>| {
            best.values()
                .filter(|&&s| s >= config.one_sided_min_score)
                .count()
        };
        let shorter = docs[doc_a].sentences.len().min(docs[doc_b].sentences.len());
        let renderings =
            (strong(&best_a).min(strong(&best_b)) as f64) >= RENDERING_SHARE * shorter as f64;
        for (i, j, s) in scored {
            let top_a = s + config.best_margin >= best_a[&i];
            let top_b = s + config.best_margin >= best_b[&j];
            if (top_a && top_b) || ((top_a || top_b) && s >= config.one_sided_min_score) {
                let claim = renderings
                    || s >= config.one_sided_min_score
                    || (!sub_heading(ids[i])
                        && !sub_heading(ids[j])
                        && similarity::claim_overlap(&feats[i], &feats[j], |t| {
                            terms.is_entity[t as usize]
                        }) >= config.min_claim_overlap);
                out.push(Alignment {
                    a: ids[i],
                    b: ids[j],
                    score: s,
                    claim,
                });
            }
        }
    }
    out
}

/// Adds merges and splits to the scored pairs of one document pair: for each sentence, its
/// best match is read together with the sentence before or after it; when the two together
/// match better by `split_gain`, the neighbour is paired with the sentence too, and both
/// pairs score as the two together. `raw` holds the scores before context; `joined[k]`
/// caches sentence `k` joined with sentence `k + 1` of the same document. Linear in the
/// number of pairs.
fn with_splits(
    mut scored: Vec<Scored>,
    raw: &HashMap<(usize, usize), f64>,
    feats: &[SentenceFeatures],
    ids: &[SentenceId],
    scratch: &mut SplitScratch,
    config: &AlignConfig,
) -> Vec<Scored> {
    if scored.is_empty() || config.split_gain >= 1.0 {
        return scored;
    }
    // Best match of each sentence (ties to the lower index); a sentence is of one side.
    let best = &mut scratch.best;
    let mut touched: Vec<usize> = Vec::new();
    for &(i, j, s) in &scored {
        for (x, other) in [(i, j), (j, i)] {
            let e = &mut best[x];
            if e.1 == usize::MAX {
                touched.push(x);
            }
            if s > e.0 || (s == e.0 && other < e.1) {
                *e = (s, other);
            }
        }
    }
    touched.sort_unstable();
    let mut found: Vec<Scored> = Vec::new();
    let side_a = ids[scored[0].0].0;
    for x in touched {
        let y = std::mem::replace(&mut best[x], (f64::MIN, usize::MAX)).1;
        let side_b = ids[x].0 != side_a;
        // x is the single sentence, y its best match in the other document.
        let (i, j) = if side_b { (y, x) } else { (x, y) };
        // A best match that already holds nearly all of x leaves nothing for a neighbour.
        if similarity::coverage(&feats[x], &feats[y]) >= SPLIT_MAX_COVERAGE {
            continue;
        }
        let base = raw.get(&(i, j)).copied().unwrap_or(0.0);
        for first in [y.wrapping_sub(1), y] {
            let Some(both) = joined_at(first, feats, ids, &mut scratch.joined) else {
                continue;
            };
            let need = (base + config.split_gain).max(config.min_score);
            let Some(s) = similarity::score_at_least(&feats[x], both, need) else {
                continue;
            };
            for m in [first, first + 1] {
                let (a, b) = if side_b { (m, x) } else { (x, m) };
                found.push((a, b, s));
            }
        }
    }
    if found.is_empty() {
        return scored;
    }
    // Merge: a pair found twice keeps its best score; known pairs are raised, new ones added.
    found.sort_by(|p, q| (p.0, p.1).cmp(&(q.0, q.1)).then(q.2.total_cmp(&p.2)));
    found.dedup_by_key(|p| (p.0, p.1));
    let mut used = vec![false; found.len()];
    for p in scored.iter_mut() {
        if let Ok(k) = found.binary_search_by(|q| (q.0, q.1).cmp(&(p.0, p.1))) {
            p.2 = p.2.max(found[k].2);
            used[k] = true;
        }
    }
    scored.extend(found.iter().zip(used).filter(|(_, u)| !u).map(|(p, _)| *p));
    scored
}

/// Per-event working memory of [`with_splits`].
struct SplitScratch {
    /// Per sentence of the event: its best score and match in the current document pair.
    best: Vec<(f64, usize)>,
    /// Per sentence `k`: its features joined with sentence `k + 1`, once computed.
    joined: Vec<Option<Option<SentenceFeatures>>>,
}

/// Sentence `k` joined with sentence `k + 1`, when both are of one document (cached).
fn joined_at<'a>(
    k: usize,
    feats: &[SentenceFeatures],
    ids: &[SentenceId],
    joined: &'a mut [Option<Option<SentenceFeatures>>],
) -> Option<&'a SentenceFeatures> {
    let slot = joined.get_mut(k)?;
    slot.get_or_insert_with(|| {
        let same = ids.get(k + 1).is_some_and(|id| id.0 == ids[k].0);
        same.then(|| feats[k].joined(&feats[k + 1]))
    })
    .as_ref()
}

#[cfg(test)]
mod tests {
    use crate::Corpus;

    #[test]
    fn one_sentence_aligns_with_two_it_merges() {
        let mut c = Corpus::new();
        c.add(
            "a.txt",
            "Grain deal extended in Vienna\n\nOfficials in Vienna said on Monday that the Black Sea grain corridor agreement will be extended by sixty days. The trade minister Anna Berg also warned that tariffs on imported Norwegian salmon would double next spring. Farmers welcomed the decision.",
        )
        .unwrap();
        c.add(
            "b.txt",
            "Vienna grain deal extended\n\nOfficials in Vienna said on Monday the Black Sea grain corridor agreement will be extended by sixty days, and trade minister Anna Berg warned that tariffs on imported Norwegian salmon would double next spring. Farmers were pleased.",
        )
        .unwrap();
        let r = c.reconcile();
        let merged: Vec<usize> = r
            .alignments
            .iter()
            .filter(|a| a.b.document == "b.txt" && a.b.sentence == 1)
            .map(|a| a.a.sentence)
            .collect();
        assert_eq!(merged, vec![1, 2], "{:?}", r.alignments);
    }
}
