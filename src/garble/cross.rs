//! Signals that use the other sources: names spelled against the corpus consensus, and an
//! aligned clean twin whose content words differ where everything around them matches.

use super::{noisy_or, score_sentence, GarbleConfig, SentenceVerdict};
use crate::align::{Alignment, SentenceId};
use crate::document::{Document, Span};
use crate::hash::HashMap;
use crate::names::Entities;
use crate::report::Reason;
use crate::text::{fold, is_stopword, words};
use std::collections::{BTreeMap, BTreeSet};

/// A sentence judged with every source: its own verdict plus cross-source signals.
#[derive(Debug, Clone, PartialEq)]
pub struct Judged {
    /// The verdict; `evidence` spans are byte offsets into the document's text.
    pub verdict: SentenceVerdict,
    /// The fluency prior of the sentence alone ([`SentenceVerdict::prior`]).
    pub prior: f64,
    /// The clean counterpart in another document, if one is aligned.
    pub twin: Option<SentenceId>,
    /// Mean similarity to the aligned sentences of other documents, when there are at
    /// least `consensus_min_partners` of them (a consensus group).
    pub consensus: Option<f64>,
    /// The score before the consensus signal (a free human rendering is far from a literal
    /// consensus too, so that signal flags sentences but is no evidence about documents).
    pub evidence: f64,
    /// The weights of its specific reasons (not `word_salad`, not `consensus_outlier`)
    /// added up: how much this sentence says about its document being garbled.
    pub mass: f64,
}

/// Judges every sentence of every document alone, with no other source; `out[d][s]`. It
/// needs the documents only, so it can run while the other stages do.
///
/// A verdict depends on the sentence's text only, so each distinct text is judged once
/// (copies of one wire story, a dateline or byline repeated in every article).
pub fn judge_alone(docs: &[Document], config: &GarbleConfig) -> Vec<Vec<SentenceVerdict>> {
    let mut index: HashMap<&str, usize> = HashMap::default();
    let mut texts: Vec<&str> = Vec::new();
    let slots: Vec<Vec<usize>> = docs
        .iter()
        .map(|d| {
            (0..d.sentences.len())
                .map(|s| {
                    let t = d.sentence_text(s);
                    *index.entry(t).or_insert_with(|| {
                        texts.push(t);
                        texts.len() - 1
                    })
                })
                .collect()
        })
        .collect();
    let verdicts = crate::par::map(&texts, |t| score_sentence(t, config));
    slots
        .iter()
        .map(|row| row.iter().map(|&i| verdicts[i].clone()).collect())
        .collect()
}

/// Judges every sentence of every document, `out[d][s]`, given the verdicts of
/// [`judge_alone`].
pub(crate) fn judge_all_with(
    docs: &[Document],
    alone: &[Vec<SentenceVerdict>],
    entities: &Entities,
    alignments: &[Alignment],
    config: &GarbleConfig,
) -> Vec<Vec<Judged>> {
    let variants = name_variants(docs, entities);
    // Aligned partners of each sentence, in a stable order.
    // (Both directions of every alignment, sorted by sentence; a stable sort keeps each
    // sentence's partners in alignment order.)
    let mut directed: Vec<(SentenceId, (SentenceId, f64))> = alignments
        .iter()
        .filter(|a| a.a.0 != a.b.0 && a.a.0 < docs.len() && a.b.0 < docs.len())
        .flat_map(|a| [(a.a, (a.b, a.score)), (a.b, (a.a, a.score))])
        .collect();
    directed.sort_by_key(|x| x.0);
    let mut partners: BTreeMap<SentenceId, Vec<(SentenceId, f64)>> = BTreeMap::new();
    for group in directed.chunk_by(|x, y| x.0 == y.0) {
        partners.insert(group[0].0, group.iter().map(|x| x.1).collect());
    }
    drop(directed);
    // Pass 1: each sentence alone plus name variants; gives each document a suspicion level
    // that tells which side of an aligned pair is the garbled one.
    let order: Vec<usize> = (0..docs.len()).collect();
    let mut out: Vec<Vec<Judged>> = crate::par::map(&order, |&d| {
        let doc = &docs[d];
        let mut row = Vec::with_capacity(doc.sentences.len());
        for (s, base) in alone[d].iter().enumerate() {
            let offset = doc.sentences[s].span.start;
            let mut v = base.clone();
            v.evidence = base.evidence.iter().map(|e| e.shifted(offset)).collect();
            let mut mass: f64 = base.reasons.iter().map(|&r| config.reason_weight(r)).sum();
            if let Some(vs) = variants.get(&(d, s)) {
                v.reasons.push(Reason::NameVariant);
                let weight = if vs.iter().any(|v| v.inconsistent) {
                    config.name_inconsistent_weight
                } else {
                    config.name_variant_weight
                };
                mass += weight;
                v.score = noisy_or([base.score, weight]);
                for NameVariant {
                    span, canonical, ..
                } in vs
                {
                    v.notes.push(format!(
                        "'{}' is spelled '{}' in the other sources",
                        span.slice(&doc.text),
                        canonical
                    ));
                    v.evidence.push(*span);
                }
            }
            row.push(Judged {
                verdict: v,
                prior: base.prior,
                twin: None,
                consensus: None,
                evidence: 0.0,
                mass,
            });
        }
        row
    });
    let suspicion: Vec<f64> = out
        .iter()
        .map(|r| super::document::evidence_share(r, config))
        .collect();
    let rendering = renderings(docs, alignments, config.consensus_min_coverage);
    let within: BTreeMap<SentenceId, Vec<(SentenceId, f64)>> = partners
        .iter()
        .map(|(&id, ps)| {
            let kept = ps
                .iter()
                .filter(|(p, _)| rendering.contains(&(id.0.min(p.0), id.0.max(p.0))))
                .copied()
                .collect::<Vec<_>>();
            (id, kept)
        })
        .filter(|(_, ps)| !ps.is_empty())
        .collect();
    let groups = consensus(docs, &within, config);
    let first_pass: Vec<Vec<f64>> = out
        .iter()
        .map(|r| r.iter().map(|j| j.verdict.score).collect())
        .collect();
    let score_of = |id: SentenceId| {
        first_pass
            .get(id.0)
            .and_then(|d| d.get(id.1))
            .copied()
            .unwrap_or(1.0)
    };
    // Pass 2: with a group of aligned sentences from at least `consensus_min_partners` other
    // documents, the sentence is judged against the group's consensus; otherwise against
    // its one clean twin and the content words that differ from it.
    let free = free_renderings(docs.len(), &groups, config);
    crate::par::for_each_mut(&mut out, |d, row| {
        let doc = &docs[d];
        for (s, j) in row.iter_mut().enumerate() {
            j.evidence = j.verdict.score;
            if let Some(g) = groups.get(&(d, s)) {
                let agreeing = g.typical >= config.consensus_min_agreement;
                if agreeing {
                    j.consensus = Some(g.similarity);
                }
                let divergence = g.unique + g.missing;
                // Words only added (an outlet's extra clause) are editing; a garbled
                // rendering also drops or replaces words the others have.
                if agreeing
                    && !free[d]
                    && divergence >= config.consensus_min_divergence
                    && g.missing >= config.consensus_min_missing
                {
                    j.verdict.reasons.push(Reason::ConsensusOutlier);
                    // Each differing word beyond the minimum closes a tenth of the doubt.
                    let extra = (divergence - config.consensus_min_divergence).min(30) as i32;
                    let weight = 1.0 - (1.0 - config.consensus_weight) * 0.9f64.powi(extra);
                    j.verdict.score = noisy_or([j.verdict.score, weight]);
                    let mine = doc.sentence_text(s);
                    let odd: Vec<&str> = g.unshared.iter().map(|sp| sp.slice(mine)).collect();
                    let mut note = format!(
                        "{} of its content words are in none of the {} aligned sentences of \
                         other sources and it lacks {} that most of them have (similarity {:.2} \
                         to them, {:.2} among them)",
                        g.unique, g.partners, g.missing, g.similarity, g.typical
                    );
                    if !odd.is_empty() {
                        note.push_str(&format!("; only this one has '{}'", odd.join(" ")));
                    }
                    if !g.missing_words.is_empty() {
                        note.push_str(&format!(
                            "; the others have '{}'",
                            g.missing_words.join(" ")
                        ));
                    }
                    j.verdict.notes.push(note);
                    j.verdict
                        .evidence
                        .extend(g.unshared.iter().map(|sp| sp.shifted(offset_of(doc, s))));
                    j.twin = Some(g.closest);
                }
                continue;
            }
            let mine_score = j.verdict.score;
            let mut twin: Option<(SentenceId, f64)> = None;
            for &(p, sim) in partners.get(&(d, s)).map(Vec::as_slice).unwrap_or(&[]) {
                // Only an aligned claim is a twin ('says it fluently'), not a weak match.
                if sim < config.twin_min_score {
                    continue;
                }
                let ps = score_of(p);
                let cleaner = ps + 0.1 < mine_score
                    || (suspicion[p.0] + 0.1 < suspicion[d] && ps <= mine_score + 0.05);
                if cleaner && twin.is_none_or(|(t, ts)| (ps - sim, p) < (score_of(t) - ts, t)) {
                    twin = Some((p, sim));
                }
            }
            let Some((t, _)) = twin else {
                continue;
            };
            let offset = doc.sentences[s].span.start;
            let other = docs[t.0].sentence_text(t.1);
            let mine = doc.sentence_text(s);
            // Words one rendering of a text has where another has others are a sign of
            // mistranslation; between independently written articles they are editing.
            let same_text = rendering.contains(&(d.min(t.0), d.max(t.0)));
            if let Some(diff) = substituted(mine, other).filter(|_| same_text) {
                j.verdict.reasons.push(Reason::ContentSubstitution);
                j.verdict.score = noisy_or([j.verdict.score, config.substitution_weight]);
                j.mass += config.substitution_weight;
                j.verdict.notes.push(format!(
                    "where {} has '{}', this sentence has '{}'",
                    docs[t.0].id,
                    diff.theirs.join(" "),
                    diff.mine
                        .iter()
                        .map(|sp| sp.slice(mine))
                        .collect::<Vec<_>>()
                        .join(" ")
                ));
                j.verdict
                    .evidence
                    .extend(diff.mine.iter().map(|sp| sp.shifted(offset)));
                j.evidence = j.verdict.score;
            }
            // A twin is only shown for a sentence with its own signs of garbling.
            if !j.verdict.reasons.is_empty() {
                j.twin = Some(t);
            }
        }
    });
    out
}

/// Pairs of documents `(lower, higher)` that read as renderings of one text: at least
/// `min_coverage` of the sentences of each (sentences with no word left out) are aligned with
/// a sentence of the other. Translations of one article and copies of one wire story are;
/// independently written reports of one event are not, however much they share.
pub fn renderings(
    docs: &[Document],
    alignments: &[Alignment],
    min_coverage: f64,
) -> BTreeSet<(usize, usize)> {
    // Per pair of documents, the distinct aligned sentences of each side: one sorted list of
    // (pair, side, sentence), counted by runs (a set per pair costs far more memory).
    let mut sides: Vec<((usize, usize), bool, usize)> = alignments
        .iter()
        .filter_map(|al| {
            let (x, y) = if al.a.0 <= al.b.0 {
                (al.a, al.b)
            } else {
                (al.b, al.a)
            };
            (x.0 != y.0 && y.0 < docs.len())
                .then_some([((x.0, y.0), false, x.1), ((x.0, y.0), true, y.1)])
        })
        .flatten()
        .collect();
    sides.sort_unstable();
    sides.dedup();
    let mut covered: Vec<((usize, usize), (usize, usize))> = Vec::new();
    for run in sides.chunk_by(|x, y| x.0 == y.0) {
        let second = run.iter().filter(|x| x.1).count();
        covered.push((run[0].0, (run.len() - second, second)));
    }
    drop(sides);
    // Sentences with a word, per document that has a covered pair (counted once each).
    let mut involved: Vec<usize> = covered.iter().flat_map(|&((a, b), _)| [a, b]).collect();
    involved.sort_unstable();
    involved.dedup();
    let counts = crate::par::map(&involved, |&d| {
        (0..docs[d].sentences.len())
            .filter(|&s| !words(docs[d].sentence_text(s)).is_empty())
            .count()
            .max(1) as f64
    });
    let worded = |d: usize| counts[involved.binary_search(&d).expect("involved")];
    covered
        .into_iter()
        .filter(|((a, b), (sa, sb))| {
            *sa as f64 >= min_coverage * worded(*a) && *sb as f64 >= min_coverage * worded(*b)
        })
        .map(|(pair, _)| pair)
        .collect()
}

fn offset_of(doc: &Document, s: usize) -> usize {
    doc.sentences[s].span.start
}

/// Documents that render the story in their own words: in most (over half) of at least three
/// sentences with a consensus group, `free_rendering_unique_share` or more of the content
/// words are in no aligned sentence of another source. Such a document (a free human
/// translation, a paraphrase) differs from the consensus everywhere, so its differences in
/// one sentence say nothing about garbling there; a garbling system departs from the others
/// in some sentences, not in most.
pub fn free_renderings(
    n_docs: usize,
    groups: &BTreeMap<SentenceId, Group>,
    config: &GarbleConfig,
) -> Vec<bool> {
    // Per document: grouped sentences, and those with a large share of words of their own.
    let mut tally = vec![(0usize, 0usize); n_docs];
    for (&(d, _), g) in groups {
        if let Some(t) = tally.get_mut(d) {
            t.0 += 1;
            let own = g.unique as f64 >= config.free_rendering_unique_share * g.stems as f64;
            t.1 += usize::from(g.stems > 0 && own);
        }
    }
    tally
        .into_iter()
        .map(|(n, own)| n >= 3 && 2 * own > n)
        .collect()
}

/// Zipf frequency from which a word counts as common English, not a name.
const COMMON_WORD_ZIPF: f64 = 3.5;

/// Last word of a name, folded ('Steve Witkoff' → 'witkoff').
fn surname(name: &str) -> Option<String> {
    words(name).last().map(|w| fold(w.text))
}

/// A mention spelled against the corpus consensus.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NameVariant {
    /// The mention (byte offsets into the document's text).
    pub span: Span,
    /// The consensus spelling.
    pub canonical: String,
    /// The document spells the same entity in more than one way and this spelling is found
    /// in no other document: a garbling system's slip rather than a transliteration
    /// convention (a careful writer or translator spells a name the same way throughout).
    pub inconsistent: bool,
}

/// Mentions spelled against the corpus consensus, by `(doc, sentence)`.
pub fn name_variants(
    docs: &[Document],
    entities: &Entities,
) -> BTreeMap<SentenceId, Vec<NameVariant>> {
    let mut out: BTreeMap<SentenceId, Vec<NameVariant>> = BTreeMap::new();
    for entity in &entities.entities {
        let Some(canon) = surname(&entity.canonical) else {
            continue;
        };
        let canon_first = words(&entity.canonical).first().map(|w| fold(w.text));
        let canon_words = words(&entity.canonical).len();
        // Documents per surname spelling.
        let mut docs_of: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        let mut seen = Vec::new();
        for &mi in &entity.mentions {
            let Some(m) = entities.mentions.get(mi) else {
                continue;
            };
            let Some(doc) = docs.get(m.doc) else {
                continue;
            };
            if let Some(k) = surname(m.span.slice(&doc.text)) {
                docs_of.entry(k.clone()).or_default().insert(m.doc);
                seen.push((m, k));
            }
        }
        let canon_docs = docs_of.get(&canon).cloned().unwrap_or_default();
        for (m, key) in seen {
            let doc = &docs[m.doc];
            let text = m.span.slice(&doc.text);
            let mine = docs_of.get(&key).map_or(0, BTreeSet::len);
            let supported = canon_docs.iter().any(|&d| d != m.doc) && canon_docs.len() > mine;
            // Two common English words ('Province' / 'Provincial') are a wording difference,
            // not a misspelt name.
            let common =
                |w: &str| super::stats::LanguageStats::english().zipf(w) >= COMMON_WORD_ZIPF;
            let surname_differs = key != canon && !(common(&key) && common(&canon));
            // A first name spelled nearly like the canonical one (Volodomyr / Volodymyr),
            // not a nickname (Mike / Michael).
            let first_differs = {
                let ws = words(text);
                match (ws.first(), &canon_first) {
                    (Some(f), Some(cf)) if ws.len() >= 2 && canon_words >= 2 => {
                        let f = fold(f.text);
                        f != *cf && strsim::normalized_levenshtein(&f, cf) >= 0.7
                    }
                    _ => false,
                }
            };
            if supported && (surname_differs || first_differs) {
                let spellings = docs_of.values().filter(|ds| ds.contains(&m.doc)).count();
                out.entry((m.doc, m.sentence))
                    .or_default()
                    .push(NameVariant {
                        span: m.span,
                        canonical: entity.canonical.clone(),
                        inconsistent: surname_differs && mine == 1 && spellings >= 2,
                    });
            }
        }
    }
    for v in out.values_mut() {
        v.sort();
        v.dedup();
    }
    out
}

/// A sentence's place in its group of aligned sentences from other documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Mean Dice similarity of the sentence's content stems to its partners'.
    pub similarity: f64,
    /// Mean of the partners' own `similarity` (how much the group agrees with itself).
    pub typical: f64,
    /// Number of partners (one per other document, the best aligned).
    pub partners: usize,
    /// The partner most similar to this sentence.
    pub closest: SentenceId,
    /// Spans (sentence-relative) of content words no partner has, at most five.
    pub unshared: Vec<Span>,
    /// Content stems of the sentence that no partner has.
    pub unique: usize,
    /// Content stems that most partners (`consensus_missing_share` of them) have and this
    /// sentence lacks: an omission or a replaced word.
    pub missing: usize,
    /// Distinct content stems of the sentence.
    pub stems: usize,
    /// Words (from the closest partner that has them) for the first missing stems, at most
    /// five.
    pub missing_words: Vec<String>,
}

/// Content stems of a sentence: folded non-stopwords cut to five characters (a crude
/// stemmer: 'negotiations' and 'negotiators' agree, as aligned translations often do), each
/// as its hash ([`stem_id`]).
fn stems(text: &str) -> Vec<(Span, u64)> {
    words(text)
        .into_iter()
        .filter_map(|w| {
            let f = fold(w.text);
            if is_stopword(&f) {
                return None;
            }
            let end = f.char_indices().nth(5).map_or(f.len(), |(i, _)| i);
            Some((Span::new(w.start, w.end()), stem_id(&f[..end])))
        })
        .collect()
}

/// The content of one sentence as the consensus reads it.
#[derive(Default)]
struct Content {
    /// Every content word: its span and stem hash.
    words: Vec<(Span, u64)>,
    /// Sorted distinct stem hashes.
    stems: Vec<u64>,
}

impl Content {
    fn of(text: &str) -> Content {
        let words = stems(text);
        let mut stems: Vec<u64> = words.iter().map(|&(_, h)| h).collect();
        stems.sort_unstable();
        stems.dedup();
        Content { words, stems }
    }
}

fn stem_id(s: &str) -> u64 {
    crate::compare::frame::word_id(s)
}

fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let common = crate::text::common_sorted(a, b);
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Consensus groups: every sentence aligned with sentences of at least
/// `consensus_min_partners` other documents (the best aligned one per document).
pub fn consensus(
    docs: &[Document],
    partners: &BTreeMap<SentenceId, Vec<(SentenceId, f64)>>,
    config: &GarbleConfig,
) -> BTreeMap<SentenceId, Group> {
    let min = config.consensus_min_partners.max(2);
    // One partner per other document: the best aligned.
    let listed: Vec<(&SentenceId, &Vec<(SentenceId, f64)>)> = partners.iter().collect();
    let chosen = crate::par::map(&listed, |&(_, ps)| {
        let mut per_doc: BTreeMap<usize, (f64, SentenceId)> = BTreeMap::new();
        for &(p, sc) in ps {
            let e = per_doc.entry(p.0).or_insert((sc, p));
            if sc > e.0 || (sc == e.0 && p < e.1) {
                *e = (sc, p);
            }
        }
        (per_doc.len() >= min).then(|| per_doc.values().map(|&(_, p)| p).collect::<Vec<_>>())
    });
    let best: BTreeMap<SentenceId, Vec<SentenceId>> = listed
        .iter()
        .zip(chosen)
        .filter_map(|(&(&id, _), ps)| Some((id, ps?)))
        .collect();
    let needed: Vec<SentenceId> = best
        .iter()
        .flat_map(|(&id, ps)| std::iter::once(id).chain(ps.iter().copied()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let built = crate::par::map(&needed, |&x| {
        docs.get(x.0)
            .filter(|d| x.1 < d.sentences.len())
            .map(|d| Content::of(d.sentence_text(x.1)))
            .unwrap_or_default()
    });
    let contents: BTreeMap<SentenceId, Content> = needed.into_iter().zip(built).collect();
    let stems_of =
        |id: SentenceId| -> &[u64] { contents.get(&id).map_or(&[], |c| c.stems.as_slice()) };
    let entries: Vec<(&SentenceId, &Vec<SentenceId>)> = best.iter().collect();
    let sims = crate::par::map(&entries, |&(&id, ps)| {
        let mine = stems_of(id);
        let mut total = 0.0;
        let mut closest = (f64::NEG_INFINITY, ps[0]);
        for &p in ps {
            let x = dice(mine, stems_of(p));
            total += x;
            if x > closest.0 {
                closest = (x, p);
            }
        }
        (total / ps.len() as f64, closest.1)
    });
    let sim: BTreeMap<SentenceId, (f64, SentenceId)> =
        entries.iter().map(|&(&id, _)| id).zip(sims).collect();
    let empty = Content::default();
    let groups = crate::par::map(&entries, |&(&id, ps)| {
        let &(similarity, closest) = sim.get(&id)?;
        let known: Vec<f64> = ps.iter().filter_map(|p| sim.get(p).map(|x| x.0)).collect();
        let typical = if known.is_empty() {
            similarity
        } else {
            known.iter().sum::<f64>() / known.len() as f64
        };
        // How many partners have each stem.
        let mut counts: BTreeMap<u64, usize> = BTreeMap::new();
        for &p in ps {
            for &h in &contents.get(&p).unwrap_or(&empty).stems {
                *counts.entry(h).or_default() += 1;
            }
        }
        let me = contents.get(&id).unwrap_or(&empty);
        let need = ((ps.len() as f64 * config.consensus_missing_share).ceil() as usize).max(1);
        // A synonym of the others' word still counts as a word of its own: WordNet's
        // concepts (three senses per word) are broad, and a wrong sense of a near-synonym is
        // the typical mistranslation. Measured on WMT23 zh-en: excusing such words cut the
        // garbled sentences found from 0.53 to 0.50 of all for 2 points of precision. Sense-
        // ranked synonyms and hypernyms would be needed to tell a paraphrase apart.
        let own = |h: &u64| !counts.contains_key(h);
        let unique = me.stems.iter().filter(|h| own(h)).count();
        let lacking: Vec<u64> = counts
            .iter()
            .filter(|&(h, &c)| c >= need && me.stems.binary_search(h).is_err())
            .map(|(&h, _)| h)
            .collect();
        let missing_words = missing_words(docs, &contents, closest, ps, &lacking);
        let unshared = me
            .words
            .iter()
            .filter(|(_, h)| own(h))
            .map(|(sp, _)| *sp)
            .take(5)
            .collect();
        Some((
            id,
            Group {
                similarity,
                typical,
                partners: ps.len(),
                closest,
                unshared,
                unique,
                missing: lacking.len(),
                stems: me.stems.len(),
                missing_words,
            },
        ))
    });
    groups.into_iter().flatten().collect()
}

/// Words for the first five `lacking` stems, taken from the closest partner that has them
/// (`closest` first, then the others in order).
fn missing_words(
    docs: &[Document],
    contents: &BTreeMap<SentenceId, Content>,
    closest: SentenceId,
    partners: &[SentenceId],
    lacking: &[u64],
) -> Vec<String> {
    let mut out = Vec::new();
    for &h in lacking.iter().take(5) {
        let found = std::iter::once(&closest).chain(partners).find_map(|&p| {
            let c = contents.get(&p)?;
            let (sp, _) = c.words.iter().find(|&&(_, s)| s == h)?;
            let d = docs.get(p.0)?;
            Some(sp.slice(d.sentence_text(p.1)).to_string())
        });
        out.extend(found);
    }
    out
}

/// Content words of `mine` replaced where `theirs` has others, around a matching frame.
pub struct Substitution {
    /// Spans (sentence-relative) of the content words only `mine` has.
    pub mine: Vec<Span>,
    /// The content words only `theirs` has.
    pub theirs: Vec<String>,
}

/// Finds content words that differ between two sentences that otherwise match: most words
/// shared, one to four content words on each side not in the other.
pub fn substituted(mine: &str, theirs: &str) -> Option<Substitution> {
    let a = words(mine);
    let b = words(theirs);
    if a.len() < 4 || b.len() < 4 {
        return None;
    }
    let fa: Vec<String> = a.iter().map(|w| fold(w.text)).collect();
    let fb: Vec<String> = b.iter().map(|w| fold(w.text)).collect();
    let sa: BTreeSet<&str> = fa.iter().map(String::as_str).collect();
    let sb: BTreeSet<&str> = fb.iter().map(String::as_str).collect();
    let shared = sa.intersection(&sb).count();
    if (shared as f64) < 0.6 * sa.len().min(sb.len()) as f64 {
        return None;
    }
    let content = |w: &str| !is_stopword(w) && !w.chars().all(|c| c.is_numeric());
    let only_mine: Vec<Span> = a
        .iter()
        .zip(&fa)
        .filter(|(_, f)| !sb.contains(f.as_str()) && content(f))
        .map(|(w, _)| Span::new(w.start, w.end()))
        .collect();
    let mut only_theirs: Vec<String> = fb
        .iter()
        .filter(|f| !sa.contains(f.as_str()) && content(f))
        .cloned()
        .collect();
    only_theirs.dedup();
    // A synonym in place of a word is a paraphrase, not a substitution.
    let synonym = |x: &str, ys: &[String]| ys.iter().any(|y| crate::synonyms::share_concept(x, y));
    let mine_words: Vec<String> = only_mine.iter().map(|sp| fold(sp.slice(mine))).collect();
    let only_mine: Vec<Span> = only_mine
        .into_iter()
        .zip(&mine_words)
        .filter(|(_, w)| !synonym(w, &only_theirs))
        .map(|(sp, _)| sp)
        .collect();
    only_theirs.retain(|y| !synonym(y, &mine_words));
    ((1..=4).contains(&only_mine.len()) && (1..=4).contains(&only_theirs.len())).then_some(
        Substitution {
            mine: only_mine,
            theirs: only_theirs,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitution_needs_a_shared_frame() {
        let s = substituted(
            "When the two ministers were printed together it was in May.",
            "When the two ministers spoke openly together it was in May.",
        )
        .unwrap();
        assert_eq!(s.theirs, vec!["spoke", "openly"]);
        assert!(substituted(
            "Officials met on Thursday.",
            "Prices rose sharply again today."
        )
        .is_none());
    }
}
