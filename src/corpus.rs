//! The corpus: documents added by the caller, and `reconcile`, which runs the stages in order
//! (ingest → names → events → align → compare → garble) and assembles the [`Report`].

use crate::align::{self, AlignCache, Alignment, SentenceId};
use crate::compare;
use crate::config::Config;
use crate::dates::Date;
use crate::document::Document;
use crate::error::{Error, Result};
use crate::events;
use crate::garble;
use crate::ingest;
use crate::names::{self, Entities};
use crate::origin::OffsetMap;
use crate::report::*;
use crate::terms::CorpusTerms;
use std::collections::HashMap;

/// A set of articles to reconcile.
///
/// Documents are ingested when added, so bad input is refused at once with an error that
/// names the document; [`Corpus::reconcile`] itself cannot fail.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    config: Config,
    documents: Vec<Document>,
    index: HashMap<String, usize>,
    /// Alignments of events seen by earlier runs (see [`AlignCache`]).
    align_cache: AlignCache,
    /// Inputs the caller could not add, with why (see [`Corpus::refuse`]).
    refused: Vec<(String, Error)>,
}

impl Corpus {
    /// An empty corpus with the default configuration.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty corpus with `config`, which is validated first.
    pub fn with_config(config: Config) -> Result<Self> {
        config.validate()?;
        Ok(Corpus {
            config,
            ..Self::default()
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Adds an article from its raw text (plain text, or an HTML page, which is recognised
    /// by its start). Returns its index. A leading byte-order mark is skipped, as
    /// [`Corpus::add_bytes`] skips it.
    pub fn add(&mut self, id: &str, text: &str) -> Result<usize> {
        self.add_dated(id, text, None)
    }

    /// Adds an article with a publication date known to the caller (it wins over a dateline
    /// found in the text).
    pub fn add_dated(&mut self, id: &str, text: &str, published: Option<Date>) -> Result<usize> {
        let (text, map) = skip_bom(text);
        self.insert(id, text, map, published, None)
    }

    /// Checks the id and size of an article, then stores it, ingesting it unless `ingested`
    /// already holds the result of ingesting this very text. `map` leads `text` back to the
    /// caller's input when they differ.
    fn insert(
        &mut self,
        id: &str,
        text: &str,
        map: Option<OffsetMap>,
        published: Option<Date>,
        ingested: Option<Result<Document>>,
    ) -> Result<usize> {
        if id.is_empty() {
            return Err(Error::EmptyId {
                index: self.documents.len(),
            });
        }
        if let Some(&first) = self.index.get(id) {
            return Err(Error::DuplicateId {
                id: id.to_string(),
                first,
                second: self.documents.len(),
            });
        }
        if text.len() > self.config.max_document_bytes {
            return Err(Error::DocumentTooLarge {
                id: id.to_string(),
                size: text.len(),
                limit: self.config.max_document_bytes,
            });
        }
        let mut doc = match ingested {
            Some(result) => result?,
            None => ingest::ingest(id, text, published, &self.config.ingest)?,
        };
        doc.origin.maps.extend(map);
        self.index.insert(id.to_string(), self.documents.len());
        self.documents.push(doc);
        Ok(self.documents.len() - 1)
    }

    /// Adds an article from raw bytes: UTF-8 (a leading byte-order mark skipped), UTF-16
    /// (with a byte-order mark, or recognised by its zero bytes), or an HTML page in the
    /// charset its `<meta charset>` declares. Plain text that is not valid UTF-8 is
    /// refused with the byte offset of the first invalid sequence. Spans in the report are
    /// offsets into these bytes.
    pub fn add_bytes(&mut self, id: &str, bytes: &[u8]) -> Result<usize> {
        let d = self.decode(id, bytes)?;
        self.insert(id, &d.text, d.map, None, None)
    }

    /// Adds many articles from raw bytes: the same checks, errors and indexes as calling
    /// [`Corpus::add_bytes`] on each in order, but the articles are ingested in parallel
    /// (with the `parallel` feature). One result per article, in order; an article that is
    /// refused does not stop the ones after it.
    pub fn add_all_bytes<I, B>(&mut self, docs: &[(I, B)]) -> Vec<Result<usize>>
    where
        I: AsRef<str> + Sync,
        B: AsRef<[u8]> + Sync,
    {
        type Prepared<'a> = Result<(ingest::Decoded<'a>, Option<Result<Document>>)>;
        // Everything that depends on the article alone; id checks wait for the sequential pass.
        fn prepare<'a, I: AsRef<str>, B: AsRef<[u8]>>(
            this: &Corpus,
            (id, bytes): &'a (I, B),
        ) -> Prepared<'a> {
            let (id, d) = (id.as_ref(), this.decode(id.as_ref(), bytes.as_ref())?);
            let ingest = !id.is_empty() && d.text.len() <= this.config.max_document_bytes;
            let ingested = ingest.then(|| ingest::ingest(id, &d.text, None, &this.config.ingest));
            Ok((d, ingested))
        }
        let this = &*self;
        let prepared = crate::par::map(docs, |d| prepare(this, d));
        docs.iter()
            .zip(prepared)
            .map(|((id, _), p)| {
                let (d, ingested) = p?;
                self.insert(id.as_ref(), &d.text, d.map, None, ingested)
            })
            .collect()
    }

    /// Records that the input `id` could not be added, and why: the report lists it under
    /// `refused`, so a run can go on past a bad input without losing track of it.
    pub fn refuse(&mut self, id: &str, error: &Error) {
        self.refused.push((id.to_string(), error.clone()));
    }

    /// The inputs recorded with [`Corpus::refuse`], in order.
    pub fn refused(&self) -> &[(String, Error)] {
        &self.refused
    }

    /// Checks the size of raw bytes and decodes them (see [`Corpus::add_bytes`]).
    fn decode<'b>(&self, id: &str, bytes: &'b [u8]) -> Result<ingest::Decoded<'b>> {
        if bytes.len() > self.config.max_document_bytes {
            return Err(Error::DocumentTooLarge {
                id: id.to_string(),
                size: bytes.len(),
                limit: self.config.max_document_bytes,
            });
        }
        ingest::decode(id, bytes)
    }

    /// Number of events whose alignment is cached from earlier runs. Adding documents and
    /// reconciling again realigns only the events the new documents change.
    pub fn cached_events(&self) -> usize {
        self.align_cache.len()
    }

    /// The ingested documents, in the order they were added.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// Runs every stage and returns the report. Deterministic: the same documents in the
    /// same order give the same report.
    pub fn reconcile(&self) -> Report {
        self.reconcile_with_progress(|_| {})
    }

    /// Like [`Corpus::reconcile`], calling `progress` as each stage starts and when the
    /// report is done (for progress bars and per-stage timing).
    pub fn reconcile_with_progress(&self, mut progress: impl FnMut(Progress)) -> Report {
        let docs = &self.documents;
        let cfg = &self.config;
        let mut step = |stage| {
            progress(Progress {
                stage,
                documents: docs.len(),
            })
        };
        // Garble's reference-free judgement of each sentence needs only the documents: with
        // the `parallel` feature it runs beside names, terms and events, whose sequential
        // parts leave a core idle.
        let front = |step: &mut dyn FnMut(Stage)| {
            step(Stage::Names);
            let entities = names::resolve(docs, &cfg.names);
            step(Stage::Terms);
            let terms = CorpusTerms::build(docs, &entities);
            step(Stage::Events);
            let events = events::group(docs, &terms, &cfg.events);
            (entities, terms, events)
        };
        #[cfg(feature = "parallel")]
        let ((entities, terms, events), alone) = std::thread::scope(|s| {
            let alone = s.spawn(|| garble::cross::judge_alone(docs, &cfg.garble));
            let front = front(&mut step);
            let alone = alone
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (front, alone)
        });
        #[cfg(not(feature = "parallel"))]
        let ((entities, terms, events), alone) = (
            front(&mut step),
            garble::cross::judge_alone(docs, &cfg.garble),
        );
        step(Stage::Align);
        let copy_of = crate::copies::originals(docs, &events, cfg.events.copy_min_jaccard);
        let links = align::align_cached(
            docs,
            &terms,
            (&events, &copy_of),
            &cfg.align,
            &self.align_cache,
        );
        // Topical links (no common claim) are neither reported nor compared; garble's
        // consensus reads them with the alignments.
        let alignments: Vec<Alignment> = links.iter().filter(|a| a.claim).copied().collect();
        step(Stage::Compare);
        let (relations, mut findings) =
            compare::judge_events(docs, &entities, &events, &alignments, &cfg.compare);
        let index: std::collections::BTreeMap<&str, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        for f in &mut findings {
            compare::findings::count_copies_once(f, &index, &copy_of);
        }
        // A text and its copies are one source: no corroboration.
        findings.retain(|f| {
            f.kind != crate::report::FindingKind::Agreement
                || f.independent_sources.is_none_or(|n| n >= 2)
        });
        step(Stage::Garble);
        let contradictions = self.contradicting_pairs(&findings);
        let (mt, garbled) = garble::assess_with_alone(
            docs,
            &alone,
            &entities,
            &links,
            &contradictions,
            &cfg.garble,
        );
        findings.extend(garbled);
        step(Stage::Report);
        let mut report = assemble(
            docs,
            &entities,
            (&events, &copy_of),
            &alignments,
            &relations,
            &mt,
            findings,
        );
        report.refused = self
            .refused
            .iter()
            .map(|(id, e)| Refused {
                id: id.clone(),
                error: e.to_string(),
            })
            .collect();
        step(Stage::Done);
        report
    }
}

impl Corpus {
    /// Every pair of sentences, one from each side of a contradiction finding, from two
    /// documents (what garble reads as 'a fluent source says otherwise').
    fn contradicting_pairs(&self, findings: &[Finding]) -> Vec<(SentenceId, SentenceId)> {
        let at = |r: &SentenceRef| self.index.get(&r.document).map(|&d| (d, r.sentence));
        let mut out = Vec::new();
        for f in findings
            .iter()
            .filter(|f| f.kind == FindingKind::Contradiction)
        {
            let ids: Vec<Option<SentenceId>> = f.sentences.iter().map(at).collect();
            let two = [vec![0], vec![1]];
            let sides = f.sides.as_deref().unwrap_or(&two);
            let [a, b] = sides else { continue };
            for x in a.iter().filter_map(|&i| ids.get(i).copied().flatten()) {
                for y in b.iter().filter_map(|&i| ids.get(i).copied().flatten()) {
                    if x.0 != y.0 {
                        out.push((x, y));
                    }
                }
            }
        }
        out
    }
}

/// `text` without a leading byte-order mark, and the map back when there was one.
fn skip_bom(text: &str) -> (&str, Option<OffsetMap>) {
    match text.strip_prefix('\u{FEFF}') {
        Some(rest) => {
            let mut map = OffsetMap::new();
            map.copy(0, 3, rest.len());
            (rest, Some(map))
        }
        None => (text, None),
    }
}

/// A stage of [`Corpus::reconcile`], in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Stage {
    /// Finding name mentions and merging them into entities.
    Names,
    /// Building the entity-normalised terms of every sentence.
    Terms,
    /// Grouping documents into events.
    Events,
    /// Aligning sentences within events.
    Align,
    /// Judging agreements and contradictions.
    Compare,
    /// Detecting garbled machine translation.
    Garble,
    /// Assembling the report.
    Report,
    /// Finished.
    Done,
}

impl Stage {
    /// How far through the run this stage starts, in [0, 1] (rough shares of run time).
    pub fn fraction(self) -> f64 {
        match self {
            Stage::Names => 0.0,
            Stage::Terms => 0.15,
            Stage::Events => 0.25,
            Stage::Align => 0.35,
            Stage::Compare => 0.7,
            Stage::Garble => 0.8,
            Stage::Report => 0.95,
            Stage::Done => 1.0,
        }
    }
}

/// What a progress callback is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Progress {
    /// The stage now starting.
    pub stage: Stage,
    /// Number of documents being reconciled.
    pub documents: usize,
}

/// Builds a report from raw texts in one call: `(id, text)` pairs.
pub fn reconcile<'a, I>(documents: I) -> Result<Report>
where
    I: IntoIterator<Item = (&'a str, &'a str)>,
{
    let mut corpus = Corpus::new();
    for (id, text) in documents {
        corpus.add(id, text)?;
    }
    Ok(corpus.reconcile())
}

fn assemble(
    docs: &[Document],
    entities: &Entities,
    (events, copy_of): (&[Vec<usize>], &[Option<usize>]),
    alignments: &[Alignment],
    relations: &[Relation],
    mt: &[MachineTranslation],
    findings: Vec<Finding>,
) -> Report {
    let mut event_of = vec![String::new(); docs.len()];
    let events: Vec<EventReport> = events
        .iter()
        .enumerate()
        .map(|(i, members)| {
            let id = format!("e{i}");
            for &d in members {
                event_of[d] = id.clone();
            }
            EventReport {
                id,
                documents: members.iter().map(|&d| docs[d].id.clone()).collect(),
            }
        })
        .collect();
    let sref = |(d, s): (usize, usize)| SentenceRef {
        document: docs[d].id.clone(),
        sentence: s,
    };
    Report {
        version: REPORT_VERSION,
        documents: docs
            .iter()
            .enumerate()
            .map(|(i, d)| DocumentReport {
                id: d.id.clone(),
                title: d.title_text().map(str::to_string),
                published: d
                    .published
                    .filter(|p| p.year.is_some())
                    .map(|p| p.to_string()),
                event: event_of[i].clone(),
                copy_of: copy_of
                    .get(i)
                    .copied()
                    .flatten()
                    .map(|o| docs[o].id.clone()),
                sentences: d
                    .sentences
                    .iter()
                    .map(|s| {
                        let original = d.original_span(s.span);
                        SentenceSpan {
                            start: original.start,
                            end: original.end,
                            text: s.span.slice(&d.text).to_string(),
                        }
                    })
                    .collect(),
                machine_translation: mt.get(i).map_or_else(MachineTranslation::default, |m| {
                    MachineTranslation {
                        score: round4(m.score),
                        flagged: m.flagged,
                    }
                }),
                format: d.origin.format,
            })
            .collect(),
        events,
        entities: entities
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| EntityReport {
                id: format!("n{i}"),
                canonical: e.canonical.clone(),
                kind: e.kind,
                mentions: e
                    .mentions
                    .iter()
                    .map(|&m| {
                        let m = &entities.mentions[m];
                        let d = &docs[m.doc];
                        let original = d.original_span(m.span);
                        MentionReport {
                            document: d.id.clone(),
                            sentence: m.sentence,
                            start: original.start,
                            end: original.end,
                            text: m.span.slice(&d.text).to_string(),
                        }
                    })
                    .collect(),
            })
            .collect(),
        alignments: alignments
            .iter()
            .zip(relations)
            .map(|(a, r)| AlignmentReport {
                a: sref(a.a),
                b: sref(a.b),
                score: round4(a.score),
                relation: *r,
            })
            .collect(),
        findings: {
            let mut findings: Vec<Finding> = findings
                .into_iter()
                .map(|mut f| {
                    f.confidence = round4(f.confidence);
                    f
                })
                .collect();
            compare::findings::by_importance(&mut findings);
            findings
        },
        refused: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_bad_input_with_named_errors() {
        let mut c = Corpus::new();
        c.add("a", "Some text here that is fine.").unwrap();
        assert_eq!(
            c.add("a", "Other text.").unwrap_err(),
            Error::DuplicateId {
                id: "a".into(),
                first: 0,
                second: 1
            }
        );
        assert_eq!(
            c.add("b", "  \n ").unwrap_err(),
            Error::EmptyDocument { id: "b".into() }
        );
        assert_eq!(
            c.add_bytes("c", b"ok \xff\xfe").unwrap_err(),
            Error::InvalidUtf8 {
                id: "c".into(),
                offset: 3
            }
        );
        assert!(matches!(c.add("", "x"), Err(Error::EmptyId { .. })));
        let cfg = Config {
            max_document_bytes: 4,
            ..Config::default()
        };
        let mut small = Corpus::with_config(cfg).unwrap();
        assert!(matches!(
            small.add("d", "too long"),
            Err(Error::DocumentTooLarge {
                size: 8,
                limit: 4,
                ..
            })
        ));
        assert_eq!(c.documents().len(), 1);
    }

    #[test]
    fn bad_config_is_refused() {
        let cfg = Config {
            max_document_bytes: 0,
            ..Config::default()
        };
        assert!(matches!(
            Corpus::with_config(cfg),
            Err(Error::Config { .. })
        ));
    }
}
