//! Names: mentions of people, places and organisations in sentences, and their clustering
//! into one [`Entity`] per real-world referent across all documents, despite spelling
//! variants (Witkoff / Witkov / Vikov), transliteration (Kharkov / Kharkiv, 'Песков'),
//! nicknames (Mike / Michael) and initials (Vladimir V. Putin).

use crate::document::{Document, Span};
use crate::report::EntityKind;

/// Settings and lexicons of name matching.
#[derive(Debug, Clone, Default)]
pub struct NamesConfig {}

/// One mention of a name in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Document index in the corpus.
    pub doc: usize,
    /// Sentence index in the document.
    pub sentence: usize,
    /// The name only (no honorific, no possessive), in the document's original text.
    pub span: Span,
    /// The title or role written next to the name ('National Security Advisor'), if any.
    pub role: Option<Span>,
    /// Index of the entity this mention belongs to.
    pub entity: usize,
}

/// One real-world referent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Best-supported spelling.
    pub canonical: String,
    /// Person, place, organisation or other.
    pub kind: EntityKind,
    /// Indexes into [`Entities::mentions`], in document and text order.
    pub mentions: Vec<usize>,
}

/// All mentions of a corpus and the entities they were merged into.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entities {
    /// Every mention, ordered by document, sentence and position.
    pub mentions: Vec<Mention>,
    /// Every entity.
    pub entities: Vec<Entity>,
}

impl Entities {
    /// Mentions in sentence `sentence` of document `doc`.
    pub fn in_sentence(&self, doc: usize, sentence: usize) -> impl Iterator<Item = &Mention> {
        let lo = self
            .mentions
            .partition_point(|m| (m.doc, m.sentence) < (doc, sentence));
        self.mentions[lo..]
            .iter()
            .take_while(move |m| m.doc == doc && m.sentence == sentence)
    }
}

/// Finds the mentions in every document and merges them into entities.
pub fn resolve(_docs: &[Document], _config: &NamesConfig) -> Entities {
    Entities::default()
}

/// Clusters a list of names: returns groups of indexes into `names`, each input index in
/// exactly one group.
pub fn cluster_names(names: &[&str], _config: &NamesConfig) -> Vec<Vec<usize>> {
    (0..names.len()).map(|i| vec![i]).collect()
}
