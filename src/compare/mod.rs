//! Comparison: do two sentences agree, contradict each other, or only partly overlap — and why.

use crate::align::Alignment;
use crate::document::{Document, Span};
use crate::names::Entities;
use crate::report::{Finding, Relation};

/// Settings and lexicons of comparison.
#[derive(Debug, Clone, Default)]
pub struct CompareConfig {}

/// The verdict on two sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Agreement, contradiction, partial or unrelated.
    pub relation: Relation,
    /// In [0, 1].
    pub confidence: f64,
    /// Reason codes (`negation`, `number_mismatch`, ...).
    pub reasons: Vec<String>,
    /// One sentence a person can read.
    pub explanation: String,
    /// Spans in the first sentence that show the verdict.
    pub evidence_a: Vec<Span>,
    /// Spans in the second sentence that show the verdict.
    pub evidence_b: Vec<Span>,
}

/// Compares two sentences given alone (no corpus context).
pub fn compare_sentences(_a: &str, _b: &str, _config: &CompareConfig) -> Verdict {
    Verdict {
        relation: Relation::Unrelated,
        confidence: 0.0,
        reasons: Vec::new(),
        explanation: String::new(),
        evidence_a: Vec::new(),
        evidence_b: Vec::new(),
    }
}

/// Judges every alignment (its relation) and produces agreement and contradiction findings.
pub fn judge(
    _docs: &[Document],
    _entities: &Entities,
    alignments: &[Alignment],
    _config: &CompareConfig,
) -> (Vec<Relation>, Vec<Finding>) {
    (vec![Relation::Partial; alignments.len()], Vec::new())
}
