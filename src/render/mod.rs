//! Views of a [`Report`] beside its JSON: a text summary for a terminal ([`text`]), typed
//! JSON lines for pipelines ([`jsonl`]) and one self-contained HTML page that shows the
//! articles of each event side by side ([`html`]). They read the report only, plus the
//! [`Extras`] a report does not hold (metadata given with the inputs).

pub mod html;
pub mod jsonl;
pub mod text;

use crate::input::Inputs;
use crate::report::{Finding, Report};
use std::collections::BTreeMap;

/// What the views show beside the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extras {
    /// Metadata given with the inputs, by document id.
    pub meta: BTreeMap<String, Meta>,
}

/// Metadata of one document, as given with the input (JSON lines `url`, `source`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// Where it was published.
    pub url: Option<String>,
    /// The outlet or feed.
    pub source: Option<String>,
}

impl Extras {
    /// The metadata given with `inputs`.
    pub fn from_inputs(inputs: &Inputs) -> Extras {
        let meta = inputs
            .inputs
            .iter()
            .filter(|i| i.url.is_some() || i.source.is_some())
            .map(|i| {
                let m = Meta {
                    url: i.url.clone(),
                    source: i.source.clone(),
                };
                (i.id.clone(), m)
            })
            .collect();
        Extras { meta }
    }
}

/// Indexes of `report.findings`, most important first: contradictions (what a
/// fact-checker acts on), then garbled translations, then agreements; within a kind by
/// [importance](Finding::importance) (confidence times independent sources); ties in
/// report order.
pub fn ranked(report: &Report) -> Vec<usize> {
    use crate::report::FindingKind;
    let rank = |f: &Finding| match f.kind {
        FindingKind::Contradiction => 0,
        FindingKind::GarbledTranslation => 1,
        FindingKind::Agreement => 2,
    };
    let weights: Vec<f64> = report.findings.iter().map(Finding::importance).collect();
    let mut order: Vec<usize> = (0..report.findings.len()).collect();
    let f = &report.findings;
    order.sort_by(|&a, &b| {
        (rank(&f[a]).cmp(&rank(&f[b])))
            .then(weights[b].total_cmp(&weights[a]))
            .then(a.cmp(&b))
    });
    order
}

/// The event of each finding: that of its first sentence's document (`None` for a finding
/// with no sentence or an unknown document).
pub(crate) fn finding_events(report: &Report) -> Vec<Option<usize>> {
    let event_of = document_events(report);
    report
        .findings
        .iter()
        .map(|f| {
            f.sentences
                .first()
                .and_then(|s| event_of.get(s.document.as_str()).copied())
        })
        .collect()
}

/// Event index of each document id.
pub(crate) fn document_events(report: &Report) -> BTreeMap<&str, usize> {
    report
        .events
        .iter()
        .enumerate()
        .flat_map(|(e, ev)| ev.documents.iter().map(move |d| (d.as_str(), e)))
        .collect()
}

/// Where `text` (reported at bytes `start..end` of the original) lies in `sentence.text`,
/// as a byte range of that text. Plain-text sentences are exact slices of the original;
/// otherwise (an HTML page's visible text) the first occurrence of `text` is taken.
pub(crate) fn locate(
    sentence: &crate::report::SentenceSpan,
    start: usize,
    end: usize,
    text: &str,
) -> Option<(usize, usize)> {
    if text.is_empty() {
        return None;
    }
    if let (Some(a), Some(b)) = (
        start.checked_sub(sentence.start),
        end.checked_sub(sentence.start),
    ) {
        if sentence.text.get(a..b) == Some(text) {
            return Some((a, b));
        }
    }
    let a = sentence.text.find(text)?;
    Some((a, a + text.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{FindingKind, SentenceRef};

    fn finding(kind: FindingKind, confidence: f64, docs: &[&str]) -> Finding {
        Finding {
            kind,
            sentences: docs
                .iter()
                .map(|d| SentenceRef {
                    document: d.to_string(),
                    sentence: 0,
                })
                .collect(),
            confidence,
            reasons: vec![],
            explanation: String::new(),
            evidence: vec![],
            sides: None,
            independent_sources: None,
        }
    }

    #[test]
    fn contradictions_first_then_by_confidence_times_sources() {
        let report = Report {
            version: 1,
            documents: vec![],
            events: vec![],
            entities: vec![],
            alignments: vec![],
            findings: vec![
                finding(FindingKind::Agreement, 0.99, &["a", "b", "c"]),
                finding(FindingKind::Contradiction, 0.6, &["a", "b"]),
                finding(FindingKind::GarbledTranslation, 0.9, &["a"]),
                finding(FindingKind::Contradiction, 0.5, &["a", "b", "c"]),
                finding(FindingKind::Contradiction, 0.6, &["c", "d"]),
            ],
            refused: vec![],
        };
        assert_eq!(ranked(&report), [3, 1, 4, 2, 0]);
    }
}
