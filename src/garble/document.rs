//! Document score and findings from judged sentences.

use super::cross::Judged;
use super::GarbleConfig;
use crate::document::Document;
use crate::report::{
    round4, Evidence, Finding, FindingKind, MachineTranslation, Reason, SentenceRef,
};

/// Evidence score of a document: the share of sentences with evidence of garbling (a
/// sentence score without the consensus signal at or above `document_evidence_threshold`), which saturates at 40 %,
/// blended with the share of the document's words that repeat an earlier word (garbling
/// systems loop and echo; a weak document-level cue). In [0, 1]. This alone decides
/// whether a document is flagged.
pub fn evidence_score(judged: &[Judged], repetition: f64, config: &GarbleConfig) -> f64 {
    if judged.is_empty() {
        return 0.0;
    }
    let share = evidence_share(judged, config);
    (0.8 * (2.5 * share).min(1.0) + 0.2 * repetition).clamp(0.0, 1.0)
}

/// Distance of a document from the consensus of its aligned groups: the mean, over its
/// sentences that have a consensus group, of `1 - similarity`; `None` without groups.
pub fn consensus_distance(judged: &[Judged]) -> Option<f64> {
    let sims: Vec<f64> = judged.iter().filter_map(|j| j.consensus).collect();
    (!sims.is_empty()).then(|| 1.0 - sims.iter().sum::<f64>() / sims.len() as f64)
}

/// Document score: the evidence score, blended (weight `document_consensus_weight`) with
/// the distance from the consensus when at least a quarter of the sentences have a
/// consensus group (three or more sources telling the same story). The distance ranks
/// translations of one text by quality, but a free human rendering is far from the
/// literal consensus too, so it only moves the score, never the flag.
pub fn document_score(judged: &[Judged], repetition: f64, config: &GarbleConfig) -> f64 {
    let evidence = evidence_score(judged, repetition, config);
    let grouped = judged.iter().filter(|j| j.consensus.is_some()).count();
    match consensus_distance(judged) {
        Some(dist) if 4 * grouped >= judged.len() => {
            let w = config.document_consensus_weight;
            ((1.0 - w) * evidence + w * dist).clamp(0.0, 1.0)
        }
        _ => evidence,
    }
}

/// Share of sentences whose score without the consensus signal reaches
/// `document_evidence_threshold`, with a specific reason (not `word_salad` or
/// `consensus_outlier` alone: poetry, quoted speech and headlines trip the fluency prior
/// in fluent writing too, and a free rendering stands apart from a literal consensus).
pub fn evidence_share(judged: &[Judged], config: &GarbleConfig) -> f64 {
    if judged.is_empty() {
        return 0.0;
    }
    let n = judged
        .iter()
        .filter(|j| {
            j.verdict
                .reasons
                .iter()
                .any(|r| !matches!(r, Reason::WordSalad | Reason::ConsensusOutlier))
        })
        .filter(|j| j.evidence >= config.document_evidence_threshold)
        .count();
    n as f64 / judged.len() as f64
}

/// The evidence of a document: the [`Judged::mass`] of its sentences added up. One signal
/// in one sentence stays below `document_min_evidence`; several sentences, or independent
/// signals in one, reach it.
pub fn evidence_mass(judged: &[Judged]) -> f64 {
    judged.iter().map(|j| j.mass).sum()
}

/// Share of the words of a document's sentences that repeat an earlier word (any case).
pub fn repetition(doc: &Document) -> f64 {
    let mut seen = crate::hash::HashSet::default();
    let mut n = 0usize;
    for s in 0..doc.sentences.len() {
        for w in crate::text::words(doc.sentence_text(s)) {
            n += 1;
            if !seen.contains(w.text) {
                seen.insert(w.text.to_lowercase());
            }
        }
    }
    if n == 0 {
        0.0
    } else {
        1.0 - seen.len() as f64 / n as f64
    }
}

/// Document verdicts and the garbled-translation findings of all documents.
pub fn conclude(
    docs: &[Document],
    judged: &[Vec<Judged>],
    contradictions: &[(super::SentenceId, super::SentenceId)],
    alignments: &[crate::align::Alignment],
    config: &GarbleConfig,
) -> (Vec<MachineTranslation>, Vec<Finding>) {
    let indexed: Vec<(usize, &Document)> = docs.iter().enumerate().collect();
    let mts: Vec<MachineTranslation> = crate::par::map(&indexed, |&(d, doc)| {
        let rows = judged.get(d).map(Vec::as_slice).unwrap_or(&[]);
        let rep = repetition(doc);
        let score = document_score(rows, rep, config);
        let flagged = evidence_score(rows, rep, config) >= config.document_threshold
            && evidence_share(rows, config) >= config.document_min_flagged_share
            && evidence_mass(rows) >= config.document_min_evidence;
        MachineTranslation {
            score: round4(score),
            flagged,
        }
    });
    // Contradictions between a garbled article and a fluent one, by garbled sentence.
    let mut shifted: std::collections::BTreeMap<(usize, usize), (usize, usize)> =
        Default::default();
    let disputed = disputed_claims(&mts, contradictions, alignments);
    for &(x, y) in contradictions {
        for (g, f) in [(x, y), (y, x)] {
            let garbled = mts.get(g.0).is_some_and(|m| m.flagged);
            let fluent = mts.get(f.0).is_some_and(|m| !m.flagged);
            if garbled && fluent && !disputed.contains(&f) {
                shifted.entry(g).or_insert(f);
            }
        }
    }
    // For sentences of garbled articles: their best alignment with a fluent article.
    let mut best_fluent: std::collections::BTreeMap<(usize, usize), ((usize, usize), f64)> =
        Default::default();
    for al in alignments {
        for (g, f) in [(al.a, al.b), (al.b, al.a)] {
            let garbled = mts.get(g.0).is_some_and(|m| m.flagged);
            let fluent = mts.get(f.0).is_some_and(|m| !m.flagged);
            if garbled && fluent {
                let e = best_fluent.entry(g).or_insert((f, 0.0));
                if al.score > e.1 {
                    *e = (f, al.score);
                }
            }
        }
    }
    // Sentences aligned with a sentence of another document, with their best score.
    let mut aligned: std::collections::BTreeMap<(usize, usize), f64> = Default::default();
    for al in alignments {
        if al.a.0 != al.b.0 {
            for x in [al.a, al.b] {
                let e = aligned.entry(x).or_insert(al.score);
                *e = e.max(al.score);
            }
        }
    }
    let key = |x: (usize, usize), y: (usize, usize)| (x.min(y), x.max(y));
    let mut pair_score: std::collections::BTreeMap<_, f64> = Default::default();
    for al in alignments {
        let e = pair_score.entry(key(al.a, al.b)).or_insert(0.0);
        *e = e.max(al.score);
    }
    let mut findings = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let rows = judged.get(d).map(Vec::as_slice).unwrap_or(&[]);
        let flagged = mts[d].flagged;
        let bar = if flagged {
            config.in_document_flag_threshold
        } else {
            config.flag_threshold
        };
        let mut verdicts: Vec<(super::SentenceVerdict, Option<(usize, usize)>)> =
            Vec::with_capacity(rows.len());
        for (s, j) in rows.iter().enumerate() {
            let mut v = j.verdict.clone();
            let mut twin = j.twin;
            if let Some(&(fd, fs)) = shifted.get(&(d, s)) {
                v.reasons.push(Reason::MeaningShift);
                v.notes.push(format!(
                    "it contradicts the fluent article {} on the same event",
                    docs.get(fd).map_or("", |x| x.id.as_str())
                ));
                v.score = v.score.max(config.in_document_flag_threshold);
                twin = Some((fd, fs));
            } else if let Some(&((fd, fs), sc)) = best_fluent.get(&(d, s)) {
                // Aligned with a fluent article's sentence, yet sharing little of its wording
                // and matching no other source closely either: the same claim, rendered so
                // that its meaning is hard to recover.
                let closest = aligned.get(&(d, s)).copied().unwrap_or(sc);
                if v.reasons.is_empty()
                    && sc < config.weak_twin_score
                    && closest < config.weak_twin_score
                {
                    v.reasons.push(Reason::WeakTwin);
                    v.notes.push(format!(
                        "it only loosely matches what the fluent article {} says (similarity {:.2})",
                        docs.get(fd).map_or("", |x| x.id.as_str()),
                        sc
                    ));
                    v.score = v.score.max(config.in_document_flag_threshold);
                    twin = Some((fd, fs));
                }
            }
            // A sentence worded almost as a fluent article's is as fluent as it, whatever
            // the prior says of its short words.
            let echoes_fluent = best_fluent
                .get(&(d, s))
                .is_some_and(|&(_, sc)| sc >= config.fluent_echo_score);
            if flagged && v.reasons.is_empty() && j.prior >= bar && !echoes_fluent {
                v.reasons.push(Reason::WordSalad);
                v.notes
                    .push("the sentence reads as broken grammar in a garbled article".to_string());
            }
            verdicts.push((v, twin));
        }
        if flagged {
            unmatched_in_context(doc, d, &mut verdicts, &aligned, bar, config);
        }
        for (s, (v, twin)) in verdicts.into_iter().enumerate() {
            if v.score < bar || v.reasons.is_empty() {
                continue;
            }
            // The fluency prior alone (short quotes, repetition for emphasis) flags a
            // sentence only in an article already judged garbled.
            if !flagged && v.reasons.iter().all(|r| *r == Reason::WordSalad) {
                continue;
            }
            let mut sentences = vec![SentenceRef {
                document: doc.id.clone(),
                sentence: s,
            }];
            let mut explanation = v.notes.join("; ");
            if let Some((td, ts)) = twin {
                if let Some(t) = docs.get(td) {
                    sentences.push(SentenceRef {
                        document: t.id.clone(),
                        sentence: ts,
                    });
                    // Only an aligned claim says the same thing; a weaker match is shown
                    // as what it is.
                    let same_claim = pair_score
                        .get(&key((d, s), (td, ts)))
                        .copied()
                        .unwrap_or(0.0)
                        >= config.twin_min_score;
                    let how = if same_claim {
                        "says it fluently"
                    } else {
                        "has the nearest sentence"
                    };
                    explanation.push_str(&format!("; {} {how}: '{}'", t.id, t.sentence_text(ts)));
                }
            }
            let mut evidence: Vec<Evidence> = v
                .evidence
                .iter()
                .filter_map(|&sp| Evidence::of(doc, s, sp))
                .collect();
            evidence.sort_by_key(|e| (e.start, e.end));
            evidence.dedup();
            findings.push(Finding {
                kind: FindingKind::GarbledTranslation,
                sentences,
                confidence: round4(v.score),
                reasons: v.reasons,
                explanation: capitalise(&explanation),
                evidence,
                sides: None,
                independent_sources: None,
            });
        }
    }
    (mts, findings)
}

/// Sentences of fluent articles that most of the other fluent articles speaking to the same
/// claim (aligned with it or contradicting it) contradict: a fluent writer's slip (a wrong
/// title), not a yardstick. A garbled sentence that contradicts one of them has not shifted
/// the meaning; it may be the one that has it right.
fn disputed_claims(
    mts: &[MachineTranslation],
    contradictions: &[(super::SentenceId, super::SentenceId)],
    alignments: &[crate::align::Alignment],
) -> std::collections::BTreeSet<super::SentenceId> {
    use std::collections::{BTreeMap, BTreeSet};
    let fluent = |d: usize| mts.get(d).is_some_and(|m| !m.flagged);
    // Per sentence: the other fluent documents speaking to its claim, and those against it.
    let mut speak: BTreeMap<super::SentenceId, BTreeSet<usize>> = BTreeMap::new();
    let mut against: BTreeMap<super::SentenceId, BTreeSet<usize>> = BTreeMap::new();
    let pairs = alignments.iter().map(|a| (a.a, a.b, false));
    for (x, y, contra) in pairs.chain(contradictions.iter().map(|&(x, y)| (x, y, true))) {
        for (me, other) in [(x, y), (y, x)] {
            if me.0 == other.0 || !fluent(me.0) || !fluent(other.0) {
                continue;
            }
            speak.entry(me).or_default().insert(other.0);
            if contra {
                against.entry(me).or_default().insert(other.0);
            }
        }
    }
    against
        .into_iter()
        .filter(|(id, docs)| 2 * docs.len() > speak.get(id).map_or(0, BTreeSet::len))
        .map(|(id, _)| id)
        .collect()
}

/// True when a sentence is wholly quoted speech (it opens with a quotation mark).
fn is_quotation(text: &str) -> bool {
    text.trim_start()
        .starts_with(['"', '\u{201C}', '\u{201E}', '\u{00AB}', '\u{2018}', '\''])
}

/// In a document that is mostly garbled (`context_share` of its sentences or more already
/// flagged on their own evidence), a narrative sentence that no other source carries is
/// flagged too (`garbled_context`). Garbling wrecks the content words that alignment
/// matches on, so a well-rendered fact of a story several sources tell usually finds its
/// counterpart; in such a document an unmatched one is more likely garbled than not. Quoted
/// speech is left out: each outlet picks its own quotes, so a quote's lack of a counterpart
/// says nothing about its rendering.
fn unmatched_in_context(
    doc: &Document,
    d: usize,
    verdicts: &mut [(super::SentenceVerdict, Option<(usize, usize)>)],
    aligned: &std::collections::BTreeMap<(usize, usize), f64>,
    bar: f64,
    config: &GarbleConfig,
) {
    if verdicts.is_empty()
        || !verdicts
            .iter()
            .enumerate()
            .any(|(s, _)| aligned.contains_key(&(d, s)))
    {
        return;
    }
    let flagged = verdicts
        .iter()
        .filter(|(v, _)| v.score >= bar && !v.reasons.is_empty())
        .count();
    if (flagged as f64) < config.context_share * verdicts.len() as f64 {
        return;
    }
    let n = verdicts.len();
    for (s, (v, _)) in verdicts.iter_mut().enumerate() {
        if !v.reasons.is_empty()
            || aligned.contains_key(&(d, s))
            || is_quotation(doc.sentence_text(s))
            || crate::text::words(doc.sentence_text(s)).len() < 4
        {
            continue;
        }
        v.reasons.push(Reason::GarbledContext);
        v.notes.push(format!(
            "no other source carries it, and {flagged} of the {n} sentences of its article are \
             garbled"
        ));
        v.score = v.score.max(bar);
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
