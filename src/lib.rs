//! # corroborate
//!
//! Cross-source claim reconciliation for news. Give it the raw texts of articles about a
//! story — some of them garbled machine translations — and it tells you, with evidence,
//! which articles report the same event, which names are the same person or place despite
//! their spelling, which sentences across articles report the same claim, where the sources
//! agree and where they contradict each other, and which sentences and articles are garbled
//! machine translations.
//!
//! ```
//! use corroborate::Corpus;
//!
//! let mut corpus = Corpus::new();
//! corpus.add("a.txt", "Talks in Vienna\n\nForeign minister Anna Berg said on Monday that the talks would last three days.")?;
//! corpus.add("b.txt", "Minister Berg said the Vienna talks will last for three days, officials said.")?;
//! let report = corpus.reconcile();
//! assert_eq!(report.documents.len(), 2);
//! assert_eq!(report.documents[0].title.as_deref(), Some("Talks in Vienna"));
//! println!("{}", report.to_json());
//! # Ok::<(), corroborate::Error>(())
//! ```
//!
//! The stages, each a module with one job, run in this order:
//! [`ingest`] → [`names`] → [`events`] → [`align`] → [`compare`] → [`garble`] → [`report`].

#![warn(missing_docs)]

pub mod align;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod dates;
pub mod document;
pub mod error;
pub mod events;
#[doc(hidden)]
pub mod debug {
    //! Diagnostics for development.
    use crate::*;
    /// Pairwise document cosine matrix.
    pub fn doc_sims(c: &Corpus) -> Vec<Vec<f64>> {
        let e = names::resolve(c.documents(), &c.config().names);
        let t = terms::CorpusTerms::build(c.documents(), &e);
        let v = events::doc_vectors(&t);
        v.iter()
            .map(|a| v.iter().map(|b| events::cosine(a, b)).collect())
            .collect()
    }
    /// Sentence similarity matrix of two documents.
    pub fn sent_sims(c: &Corpus, a: usize, b: usize) -> Vec<Vec<f64>> {
        let docs = c.documents();
        let e = names::resolve(docs, &c.config().names);
        let t = terms::CorpusTerms::build(docs, &e);
        let f = |d: usize| -> Vec<align::similarity::SentenceFeatures> {
            let doc = &docs[d];
            (0..doc.sentences.len())
                .map(|s| {
                    align::similarity::SentenceFeatures::new(
                        doc.sentence_text(s),
                        &t.sentences[d][s],
                        &t,
                        s,
                        doc.sentences.len(),
                    )
                })
                .collect()
        };
        let (fa, fb) = (f(a), f(b));
        fa.iter()
            .map(|x| fb.iter().map(|y| align::similarity::score(x, y)).collect())
            .collect()
    }
    /// Pairwise mean best sentence match.
    pub fn claim_overlap(c: &Corpus) -> Vec<Vec<f64>> {
        let docs = c.documents();
        let e = names::resolve(docs, &c.config().names);
        let t = terms::CorpusTerms::build(docs, &e);
        let feats: Vec<Vec<align::similarity::SentenceFeatures>> = docs
            .iter()
            .enumerate()
            .map(|(d, doc)| {
                (0..doc.sentences.len())
                    .map(|s| {
                        align::similarity::SentenceFeatures::new(
                            doc.sentence_text(s),
                            &t.sentences[d][s],
                            &t,
                            s,
                            doc.sentences.len(),
                        )
                    })
                    .collect()
            })
            .collect();
        feats
            .iter()
            .map(|a| {
                feats
                    .iter()
                    .map(|b| {
                        let best: Vec<f64> = a
                            .iter()
                            .map(|x| {
                                b.iter()
                                    .map(|y| align::similarity::score(x, y))
                                    .fold(0.0, f64::max)
                            })
                            .collect();
                        let hi = best.iter().filter(|&&v| v >= 0.45).count() as f64;
                        hi / (a.len().min(b.len()) as f64)
                    })
                    .collect()
            })
            .collect()
    }
}
pub mod garble;
pub mod ingest;
pub mod lexicon;
pub mod names;
pub mod report;
pub mod synonyms;
pub mod terms;
pub mod text;

pub use config::Config;
pub use corpus::{reconcile, Corpus, Progress, Stage};
pub use dates::Date;
pub use document::{Document, Sentence, Span};
pub use error::{Error, Result};
pub use report::{Finding, FindingKind, Relation, Report};
