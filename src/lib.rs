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
//! The stages run in this order ([`Stage`]): ingest (when a document is added) → names →
//! terms → events → align → compare → garble → [`report`]. They are internal: what they
//! find is in the [`Report`], and how they judge is set through [`Config`].
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
//! # The API
//!
//! - [`Corpus`]: add documents, [`reconcile`](Corpus::reconcile) them into a [`Report`].
//!   [`reconcile()`] does both in one call.
//! - [`Config`]: every setting, one config per stage ([`config`]), and the [`settings`]
//!   registry that names them.
//! - [`report`]: the report's types ([`Report`], [`Finding`], [`Reason`], ...), the stable
//!   JSON form.
//! - [`Error`]: the one error type.
//! - [`api`]: one entry point per stage for a single item, without a corpus: compare two
//!   sentences ([`api::compare`]), cluster names ([`api::cluster_names`],
//!   [`api::name_similarity`]), judge one sentence's fluency ([`api::garble_score`]), profile
//!   one article's date and names ([`api::profile`]).
//! - [`input`] reads files, directories, standard input and JSON lines (what the
//!   `corroborate` tool uses); [`render`] turns a report into text, JSON lines or an HTML
//!   page.
//!
//! Everything public is documented; fields are only added, and the enums and report
//! structs are `#[non_exhaustive]`, so a new field or variant is not a breaking change.
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

// The stages and their helpers: internal, reached through `Corpus`, `Config` and `api`.
mod align;
pub mod api;
mod compare;
pub mod config;
mod copies;
mod corpus;
mod dates;
mod document;
mod error;
mod events;
mod garble;
mod hash;
mod ingest;
pub mod input;
mod lexicon;
mod names;
mod origin;
mod par;
pub mod render;
pub mod report;
pub mod settings;
mod synonyms;
mod terms;
mod text;
mod vectors;
mod wordfreq;

#[cfg(test)]
mod suite;

pub use config::Config;
pub use corpus::{reconcile, Corpus, Progress, Stage};
pub use dates::Date;
pub use document::{Document, Sentence, Span};
pub use error::{Error, Result};
pub use origin::{Format, Origin};
pub use report::{
    AlignmentReport, DocumentReport, EntityKind, EntityReport, EventReport, Evidence, Finding,
    FindingKind, MachineTranslation, MentionReport, Reason, Refused, Relation, Report, SentenceRef,
    SentenceSpan,
};

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
