//! The report as text for a person at a terminal: per event its articles and findings, most
//! important first, each finding once with the sentences it rests on (evidence spans
//! between `«` and `»`); then the names with their spelling variants, and what was refused.

use super::{finding_events, ranked, Extras};
use crate::report::{Finding, FindingKind, Report};
use std::fmt::Write;

/// `writeln!` into a String, which cannot fail.
macro_rules! w {
    ($o:expr, $($t:tt)*) => {{
        let _ = writeln!($o, $($t)*);
    }};
}

/// Renders `report` as text.
pub fn render(report: &Report, extras: &Extras) -> String {
    let mut o = String::new();
    let count = |k: FindingKind| report.findings.iter().filter(|f| f.kind == k).count();
    w!(
        o,
        "{} documents, {} events, {} entities, {} aligned sentence pairs; {} contradictions, {} agreements, {} garbled translations",
        report.documents.len(),
        report.events.len(),
        report.entities.len(),
        report.alignments.len(),
        count(FindingKind::Contradiction),
        count(FindingKind::Agreement),
        count(FindingKind::GarbledTranslation),
    );
    let events = finding_events(report);
    let order = ranked(report);
    for (e, event) in report.events.iter().enumerate() {
        w!(
            o,
            "\nEVENT {} ({} documents)",
            event.id,
            event.documents.len()
        );
        for id in &event.documents {
            document_line(&mut o, report, extras, id);
        }
        let mine: Vec<&Finding> = order
            .iter()
            .filter(|&&i| events[i] == Some(e))
            .map(|&i| &report.findings[i])
            .collect();
        for (title, kind) in [
            ("Contradictions", FindingKind::Contradiction),
            ("Agreements", FindingKind::Agreement),
            ("Garbled translations", FindingKind::GarbledTranslation),
        ] {
            let of_kind: Vec<&Finding> = mine.iter().copied().filter(|f| f.kind == kind).collect();
            if !of_kind.is_empty() {
                w!(o, "  {title} ({})", of_kind.len());
                findings(&mut o, report, &of_kind);
            }
        }
    }
    names(&mut o, report);
    if !report.refused.is_empty() {
        w!(o, "\nREFUSED ({})", report.refused.len());
        for r in &report.refused {
            w!(o, "  {}: {}", r.id, r.error);
        }
    }
    o
}

fn document_line(o: &mut String, report: &Report, extras: &Extras, id: &str) {
    let Some(d) = report.documents.iter().find(|d| d.id == id) else {
        return;
    };
    let source = extras.meta.get(id).and_then(|m| m.source.as_deref());
    w!(
        o,
        "  - {}{} | {} | {} | {} sentences{}",
        d.id,
        source.map(|s| format!(" ({s})")).unwrap_or_default(),
        d.published.as_deref().unwrap_or("undated"),
        d.title.as_deref().unwrap_or("(no headline)"),
        d.sentences.len(),
        if d.machine_translation.flagged {
            format!(
                " | GARBLED TRANSLATION ({:.2})",
                d.machine_translation.score
            )
        } else {
            String::new()
        }
    );
}

/// Findings with the same kind and explanation are one fact stated by several sentence
/// pairs: printed once, with every sentence.
fn findings(o: &mut String, report: &Report, list: &[&Finding]) {
    let mut done = vec![false; list.len()];
    for i in 0..list.len() {
        if done[i] {
            continue;
        }
        let f = list[i];
        let same: Vec<usize> = (i..list.len())
            .filter(|&j| list[j].kind == f.kind && list[j].explanation == f.explanation)
            .collect();
        let mut reasons: Vec<&str> = Vec::new();
        let mut sentences = Vec::new();
        for &j in &same {
            done[j] = true;
            reasons.extend(list[j].reasons.iter().map(|r| r.as_str()));
            sentences.extend(list[j].sentences.iter().map(|s| (s, list[j])));
        }
        reasons.dedup();
        let pairs = if same.len() > 1 {
            format!(" ({} sentence pairs)", same.len())
        } else {
            String::new()
        };
        w!(
            o,
            "    [{:.2}] {}{pairs}: {}",
            f.confidence,
            reasons.join(", "),
            f.explanation
        );
        let mut seen = Vec::new();
        for (s, finding) in sentences {
            if seen.contains(&s) {
                continue;
            }
            seen.push(s);
            w!(
                o,
                "        {}#{}: {}",
                s.document,
                s.sentence,
                quote(report, finding, &s.document, s.sentence)
            );
        }
    }
}

/// The sentence's text with the finding's evidence in it between `«` and `»`.
fn quote(report: &Report, f: &Finding, doc: &str, sentence: usize) -> String {
    let Some(s) = report
        .documents
        .iter()
        .find(|d| d.id == doc)
        .and_then(|d| d.sentences.get(sentence))
    else {
        return String::new();
    };
    let mut spans: Vec<(usize, usize)> = f
        .evidence
        .iter()
        .filter(|e| e.document == doc && e.sentence == sentence)
        .filter_map(|e| super::locate(s, e.start, e.end, &e.text))
        .collect();
    spans.sort_unstable();
    let mut out = String::new();
    let mut at = 0;
    for (a, b) in spans {
        if a < at {
            continue;
        }
        out.push_str(&s.text[at..a]);
        out.push('«');
        out.push_str(&s.text[a..b]);
        out.push('»');
        at = b;
    }
    out.push_str(&s.text[at..]);
    out
}

fn names(o: &mut String, report: &Report) {
    let varied: Vec<_> = report
        .entities
        .iter()
        .filter_map(|e| {
            let mut v: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
            v.sort_unstable();
            v.dedup();
            (v.len() > 1).then_some((e, v))
        })
        .collect();
    w!(
        o,
        "\nNAMES WITH SPELLING VARIANTS ({} of {} entities)",
        varied.len(),
        report.entities.len()
    );
    for (e, variants) in varied {
        w!(
            o,
            "  {} ({}, {} mentions): {}",
            e.canonical,
            format!("{:?}", e.kind).to_lowercase(),
            e.mentions.len(),
            variants.join(" / ")
        );
    }
}
