//! The report as JSON lines: one typed record per line, written event by event so that a
//! pipeline reads each event whole (its documents, the entities it first mentions, its
//! alignments and findings) before the next one begins.
//!
//! Records, each an object with a `type`:
//! - `report`: first; `version` and the counts of everything that follows;
//! - `event`: `id`, `documents`; then, for that event:
//!   - `document`: the fields of a report document (plus `url` and `source` when given);
//!   - `entity`: an entity of the report, in the event of its first mention (each once);
//!   - `alignment`: an aligned sentence pair, with its `event`;
//!   - `finding`: a finding, with its `event`;
//! - `refused`: last, one per input not reconciled (`id`, `error`).
//!
//! Every document, entity, alignment and finding of the report is in exactly one record.

use super::{document_events, Extras};
use crate::report::{AlignmentReport, DocumentReport, EntityReport, EventReport, Finding, Report};
use serde::Serialize;
use std::io::{self, Write};

/// One line.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Record<'a> {
    Report {
        version: u32,
        documents: usize,
        events: usize,
        entities: usize,
        alignments: usize,
        findings: usize,
        refused: usize,
    },
    Event(&'a EventReport),
    Document {
        #[serde(flatten)]
        document: &'a DocumentReport,
        #[serde(skip_serializing_if = "Option::is_none")]
        url: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        source: Option<&'a str>,
    },
    Entity(&'a EntityReport),
    Alignment {
        event: &'a str,
        #[serde(flatten)]
        alignment: &'a AlignmentReport,
    },
    Finding {
        event: &'a str,
        #[serde(flatten)]
        finding: &'a Finding,
    },
    Refused(&'a crate::report::Refused),
}

/// What goes into each event's block: indexes into the report's lists.
#[derive(Default)]
struct Block {
    documents: Vec<usize>,
    entities: Vec<usize>,
    alignments: Vec<usize>,
    findings: Vec<usize>,
}

/// Sorts the report's records into one block per event (a last block for anything whose
/// document is in no event).
fn blocks(report: &Report) -> Vec<Block> {
    let event_of = document_events(report);
    let n = report.events.len();
    let at = |doc: &str| event_of.get(doc).copied().unwrap_or(n);
    let mut blocks: Vec<Block> = (0..=n).map(|_| Block::default()).collect();
    for (i, d) in report.documents.iter().enumerate() {
        blocks[at(&d.id)].documents.push(i);
    }
    for (i, e) in report.entities.iter().enumerate() {
        let first = e
            .mentions
            .iter()
            .map(|m| at(&m.document))
            .min()
            .unwrap_or(n);
        blocks[first].entities.push(i);
    }
    for (i, a) in report.alignments.iter().enumerate() {
        blocks[at(&a.a.document)].alignments.push(i);
    }
    for (i, f) in report.findings.iter().enumerate() {
        let e = f.sentences.first().map_or(n, |s| at(&s.document));
        blocks[e].findings.push(i);
    }
    blocks
}

/// Writes `report` as JSON lines to `out`, flushing after each event.
pub fn write(report: &Report, extras: &Extras, mut out: impl Write) -> io::Result<()> {
    let line = |out: &mut dyn Write, r: &Record| -> io::Result<()> {
        serde_json::to_writer(&mut *out, r).map_err(io::Error::from)?;
        out.write_all(b"\n")
    };
    line(
        &mut out,
        &Record::Report {
            version: report.version,
            documents: report.documents.len(),
            events: report.events.len(),
            entities: report.entities.len(),
            alignments: report.alignments.len(),
            findings: report.findings.len(),
            refused: report.refused.len(),
        },
    )?;
    for (e, block) in blocks(report).iter().enumerate() {
        let event = report.events.get(e);
        let id = event.map_or("", |ev| ev.id.as_str());
        if let Some(ev) = event {
            line(&mut out, &Record::Event(ev))?;
        }
        for &d in &block.documents {
            let document = &report.documents[d];
            let meta = extras.meta.get(&document.id);
            line(
                &mut out,
                &Record::Document {
                    document,
                    url: meta.and_then(|m| m.url.as_deref()),
                    source: meta.and_then(|m| m.source.as_deref()),
                },
            )?;
        }
        for &i in &block.entities {
            line(&mut out, &Record::Entity(&report.entities[i]))?;
        }
        for &i in &block.alignments {
            let alignment = &report.alignments[i];
            line(
                &mut out,
                &Record::Alignment {
                    event: id,
                    alignment,
                },
            )?;
        }
        for &i in &block.findings {
            let finding = &report.findings[i];
            line(&mut out, &Record::Finding { event: id, finding })?;
        }
        out.flush()?;
    }
    for r in &report.refused {
        line(&mut out, &Record::Refused(r))?;
    }
    out.flush()
}

/// The JSON lines as one string.
pub fn to_string(report: &Report, extras: &Extras) -> String {
    let mut out = Vec::new();
    write(report, extras, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}
