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
pub mod garble;
pub(crate) mod hash;
pub mod ingest;
pub mod input;
pub mod lexicon;
pub mod names;
pub(crate) mod par;
pub mod render;
pub mod report;
pub mod settings;
pub mod synonyms;
pub mod terms;
pub mod text;
pub mod wordfreq;

pub use config::Config;
pub use corpus::{reconcile, Corpus, Progress, Stage};
pub use dates::Date;
pub use document::{Document, Sentence, Span};
pub use error::{Error, Result};
pub use report::{Finding, FindingKind, Relation, Report};
