//! Document score and findings from judged sentences.

use super::cross::Judged;
use super::GarbleConfig;
use crate::document::Document;
use crate::report::{round4, Evidence, Finding, FindingKind, MachineTranslation, SentenceRef};

/// Document score from its sentences: the share of suspicious sentences (any reason: broken
/// idiom, nonexistent title, name variant, content substitution, word salad), which
/// saturates at 40 %, blended with the share of the document's words that repeat an earlier
/// word (garbling systems loop and echo; a weak document-level cue). In [0, 1].
pub fn document_score(judged: &[Judged], repetition: f64) -> f64 {
    if judged.is_empty() {
        return 0.0;
    }
    let share = suspicious_share(judged);
    (0.8 * (2.5 * share).min(1.0) + 0.2 * repetition).clamp(0.0, 1.0)
}

/// Share of the words of a document's sentences that repeat an earlier word (any case).
pub fn repetition(doc: &Document) -> f64 {
    let mut seen = std::collections::BTreeSet::new();
    let mut n = 0usize;
    for s in 0..doc.sentences.len() {
        for w in crate::text::words(doc.sentence_text(s)) {
            n += 1;
            seen.insert(w.text.to_lowercase());
        }
    }
    if n == 0 {
        0.0
    } else {
        1.0 - seen.len() as f64 / n as f64
    }
}

/// Share of sentences with at least one reason.
pub fn suspicious_share(judged: &[Judged]) -> f64 {
    if judged.is_empty() {
        return 0.0;
    }
    let n = judged
        .iter()
        .filter(|j| !j.verdict.reasons.is_empty())
        .count();
    n as f64 / judged.len() as f64
}

/// Document verdicts and the garbled-translation findings of all documents.
pub fn conclude(
    docs: &[Document],
    judged: &[Vec<Judged>],
    config: &GarbleConfig,
) -> (Vec<MachineTranslation>, Vec<Finding>) {
    let mut mts = Vec::with_capacity(docs.len());
    let mut findings = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let rows = judged.get(d).map(Vec::as_slice).unwrap_or(&[]);
        let score = document_score(rows, repetition(doc));
        let flagged = score >= config.document_threshold
            && suspicious_share(rows) >= config.document_min_flagged_share;
        mts.push(MachineTranslation {
            score: round4(score),
            flagged,
        });
        for (s, j) in rows.iter().enumerate() {
            let mut v = j.verdict.clone();
            let bar = if flagged {
                config.in_document_flag_threshold
            } else {
                config.flag_threshold
            };
            if flagged && v.reasons.is_empty() && j.alone.prior >= bar {
                v.reasons.push("word_salad".to_string());
                v.notes
                    .push("the sentence reads as broken grammar in a garbled article".to_string());
            }
            if v.score < bar || v.reasons.is_empty() {
                continue;
            }
            let mut sentences = vec![SentenceRef {
                document: doc.id.clone(),
                sentence: s,
            }];
            let mut explanation = v.notes.join("; ");
            if let Some((td, ts)) = j.twin {
                if let Some(t) = docs.get(td) {
                    sentences.push(SentenceRef {
                        document: t.id.clone(),
                        sentence: ts,
                    });
                    explanation.push_str(&format!(
                        "; {} says it fluently: '{}'",
                        t.id,
                        t.sentence_text(ts)
                    ));
                }
            }
            let mut evidence: Vec<Evidence> = v
                .evidence
                .iter()
                .filter(|sp| doc.text.get(sp.start..sp.end).is_some())
                .map(|sp| Evidence {
                    document: doc.id.clone(),
                    sentence: s,
                    start: sp.start,
                    end: sp.end,
                    text: sp.slice(&doc.text).to_string(),
                })
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
            });
        }
    }
    (mts, findings)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
