//! Events: grouping documents that report the same happening.

use crate::document::Document;
use crate::error::Result;
use crate::names::Entities;

/// Settings of event grouping.
#[derive(Debug, Clone, Default)]
pub struct EventsConfig {}

impl EventsConfig {
    /// Checks ranges.
    pub fn validate(&self) -> Result<()> {
        Ok(())
    }
}

/// Groups documents into events. Returns lists of document indexes; every document is in
/// exactly one list; lists are ordered by their first document.
pub fn group(docs: &[Document], _entities: &Entities, _config: &EventsConfig) -> Vec<Vec<usize>> {
    (0..docs.len()).map(|i| vec![i]).collect()
}
