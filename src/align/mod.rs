//! Alignment: which sentences of different documents of one event report the same claim.

use crate::document::Document;
use crate::error::Result;
use crate::names::Entities;

/// Settings of sentence alignment.
#[derive(Debug, Clone, Default)]
pub struct AlignConfig {}

impl AlignConfig {
    /// Checks ranges.
    pub fn validate(&self) -> Result<()> {
        Ok(())
    }
}

/// A sentence of one document: `(document index, sentence index)`.
pub type SentenceId = (usize, usize);

/// Two sentences of different documents of one event that report a common claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Alignment {
    /// The sentence of the earlier document (lower index).
    pub a: SentenceId,
    /// The sentence of the later document.
    pub b: SentenceId,
    /// Calibrated similarity in [0, 1].
    pub score: f64,
}

/// Aligns sentences across the documents of each event.
pub fn align(
    _docs: &[Document],
    _entities: &Entities,
    _events: &[Vec<usize>],
    _config: &AlignConfig,
) -> Vec<Alignment> {
    Vec::new()
}
