//! Cross-source claim reconciliation for news.
//!
//! # Overview
//!
//! Give `corroborate` the raw texts (or scraped pages) of articles about a story, some of
//! them garbled machine translations, and it tells you, with evidence:
//!
//! - which articles report the same **event**, and which report a different one;
//! - which **names** are the same person, place or organisation despite their spelling
//!   (Witkoff / Witkov / Vikov), and which merely look alike;
//! - which **sentences** across articles report the same claim (reordered, merged,
//!   paraphrased);
//! - where the sources **agree** and where they **contradict** each other (numbers, dates,
//!   titles and roles, negation, modality), each with reasons, a confidence, an explanation
//!   and the spans that show it;
//! - which sentences and which whole articles are **garbled machine translations**.
//!
//! Everything it knows ships with the crate as data; nothing is downloaded at run time.
//! The stages, each a module with one job, run in this order:
//! [`ingest`] → [`names`] → [`terms`] → [`events`] → [`align`] → [`compare`] → [`garble`]
//! → [`report`].
//!
//! # Usage
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
//! [`api`] holds small stable entry points for bindings (one sentence pair, a list of names,
//! one sentence's garble score).
//!
//! Files, directories, standard input and JSON lines are read by [`input`] (what the
//! `corroborate` tool uses); [`render`] turns a report into text, JSON lines or an HTML
//! page.
//!
//! # Crate features
//!
//! - `parallel` (default): events, sentence pairs and ingestion run on a rayon thread pool.
//!   The output is byte-identical without it.
//! - `toml`: TOML configuration files (`Config::from_toml_str`, `Config::apply_toml`).
//! - `schema`: the JSON Schema of the report, derived from its types
//!   (`report::json_schema`).
//! - `cli` (default): the `corroborate` binary (clap, indicatif, mimalloc; implies `toml` and
//!   `schema`). A library user who wants none of that depends on
//!   `corroborate = { version = "0.1", default-features = false, features = ["parallel"] }`.
//!
//! # Determinism
//!
//! The same documents in the same order give the same report, byte for byte: between runs,
//! between machines, and between the parallel and the sequential build. No hash-map order
//! reaches the output; scores are rounded to four decimals. Ids of events (`e0`, ...) and
//! entities (`n0`, ...) follow the order of first occurrence.
//!
//! # Errors
//!
//! There is one error type, [`Error`]. Bad input is refused when a document is added
//! ([`Corpus::add`], [`Corpus::add_bytes`], [`Corpus::add_all_bytes`]), with an error that
//! names the document and the place: empty text, invalid UTF-8 (with the byte offset), a
//! duplicate id, a document over [`Config::max_document_bytes`]. A bad setting is refused by
//! [`Config::validate`] and [`Config::set`] with the setting's name. [`Corpus::reconcile`]
//! itself cannot fail and never panics, whatever the input.
//!
//! # Incremental use
//!
//! Add more documents to a corpus that was already reconciled and call
//! [`Corpus::reconcile`] again: only the events the new documents change are realigned,
//! and the result equals a fresh run on all documents. [`Corpus::reconcile_with_progress`]
//! reports each stage as it starts.
//!
//! # Settings
//!
//! Every threshold is a field of [`Config`] with a documented default and range, listed in
//! one registry ([`settings::SETTINGS`]) that drives [`Config::set`]
//! (`config.set("align.min_score", "0.3")`), [`Config::validate`], TOML files, the
//! `corroborate settings` listing and `docs/settings.md`. Lexicons (abbreviations,
//! furniture, titles, nicknames, idioms, antonyms, cues) are plain-text files under
//! `src/data/`, extended through the stage configs' `add_*` methods.
//!
//! # Format
//!
//! [`Report`] serialises (serde) to report format v1, a stable JSON contract: fields are only
//! ever added, never renamed or removed. `docs/report-format.md` is the contract,
//! `docs/report-schema.json` its JSON Schema, generated from the report types and checked
//! against real reports.

#![warn(missing_docs)]

pub mod align;
pub mod api;
pub mod compare;
pub mod config;
pub(crate) mod copies;
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
pub mod origin;
pub(crate) mod par;
pub mod render;
pub mod report;
pub mod settings;
pub mod synonyms;
pub mod terms;
pub mod text;
pub(crate) mod vectors;
pub mod wordfreq;

pub use config::Config;
pub use corpus::{reconcile, Corpus, Progress, Stage};
pub use dates::Date;
pub use document::{Document, Sentence, Span};
pub use error::{Error, Result};
pub use origin::{Format, Origin};
pub use report::{Finding, FindingKind, Relation, Report};

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
