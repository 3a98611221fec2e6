//! Garbled machine translation: per sentence and per document.

use crate::align::Alignment;
use crate::document::{Document, Span};
use crate::names::Entities;
use crate::report::{Finding, MachineTranslation};

/// Settings, lexicons and language statistics of garble detection.
#[derive(Debug, Clone, Default)]
pub struct GarbleConfig {}

/// The verdict on one sentence judged alone.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceVerdict {
    /// In [0, 1]; higher means more likely garbled.
    pub score: f64,
    /// The library's decision.
    pub flagged: bool,
    /// Reason codes (`broken_idiom`, `word_salad`, ...).
    pub reasons: Vec<String>,
    /// Spans of the sentence that show it.
    pub evidence: Vec<Span>,
}

/// Judges one sentence alone, with no other source.
pub fn score_sentence(_text: &str, _config: &GarbleConfig) -> SentenceVerdict {
    SentenceVerdict {
        score: 0.0,
        flagged: false,
        reasons: Vec::new(),
        evidence: Vec::new(),
    }
}

/// Scores every document and produces garbled-translation findings.
pub fn assess(
    docs: &[Document],
    _entities: &Entities,
    _alignments: &[Alignment],
    _config: &GarbleConfig,
) -> (Vec<MachineTranslation>, Vec<Finding>) {
    (vec![MachineTranslation::default(); docs.len()], Vec::new())
}
