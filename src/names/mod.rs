//! Names: mentions of people, places and organisations in sentences, and their clustering
//! into one [`Entity`] per real-world referent across all documents, despite spelling
//! variants (Witkoff / Witkov / Vikov), transliteration (Kharkov / Kharkiv, 'Песков'),
//! nicknames (Mike / Michael) and initials (Vladimir V. Putin).

mod acronyms;
mod cluster;
mod extract;
pub mod gazetteer;
pub mod keys;
pub mod lexicons;
mod resolve;
pub mod similarity;
mod vocab;

use crate::document::{Document, Span};
use crate::error::Result;
use crate::report::EntityKind;
use lexicons::Lexicons;
use similarity::NameForm;
use std::collections::BTreeSet;
use std::sync::Arc;

pub use keys::name_key;

/// Settings and lexicons of name matching.
#[derive(Debug, Clone)]
pub struct NamesConfig {
    /// Minimum similarity for two spellings to be merged on spelling alone (in [0, 1]).
    pub threshold: f64,
    /// Minimum average similarity between two groups of spellings that merge.
    pub link_threshold: f64,
    /// Minimum spelling similarity for a merge that the sentences around the two names
    /// support (same role, similar content words in another source).
    pub context_threshold: f64,
    /// Minimum share of content words (Dice) the sentences must have in common for a
    /// context-supported merge.
    pub context_overlap: f64,
    /// Word lists: built-in plus what the user added.
    lex: Arc<Lexicons>,
}

impl Default for NamesConfig {
    fn default() -> Self {
        NamesConfig {
            threshold: 0.9,
            link_threshold: 0.8,
            context_threshold: 0.7,
            context_overlap: 0.3,
            lex: Arc::new(Lexicons::builtin().clone()),
        }
    }
}

impl NamesConfig {
    /// The merged lexicons in use.
    pub(crate) fn lexicons(&self) -> &Lexicons {
        &self.lex
    }

    /// Adds aliases: lines `NAME<TAB>SAME_NAME` (`Kyiv<TAB>Kiev`); both spellings are one
    /// entity, the first is preferred as canonical.
    pub fn add_aliases(&mut self, text: &str) -> Result<()> {
        let entries = crate::lexicon::parse_tagged_list("aliases", text)?;
        let lex = Arc::make_mut(&mut self.lex);
        for (a, b) in entries {
            if let Some(b) = b {
                let (ka, kb) = (name_key(&a), name_key(&b));
                if !ka.is_empty() && !kb.is_empty() && ka != kb {
                    lex.aliases.insert(kb, ka);
                }
            }
        }
        Ok(())
    }

    /// Adds nicknames: lines `FORMAL<TAB>NICKNAME` (`Michael<TAB>Mike`).
    pub fn add_nicknames(&mut self, text: &str) -> Result<()> {
        let entries = crate::lexicon::parse_tagged_list("nicknames", text)?;
        let lex = Arc::make_mut(&mut self.lex);
        for (a, b) in entries {
            if let Some(b) = b {
                lex.add_nickname(&a, &b);
            }
        }
        Ok(())
    }

    /// Adds title words: lines `WORD[<TAB>head]`; `head` marks words that can end a title
    /// (`ombudsman<TAB>head`).
    pub fn add_titles(&mut self, text: &str) -> Result<()> {
        let entries = crate::lexicon::parse_tagged_list("titles", text)?;
        let lex = Arc::make_mut(&mut self.lex);
        for (w, t) in entries {
            lex.titles.insert(w, t.as_deref() == Some("head"));
        }
        Ok(())
    }

    /// Adds given names ('Oleksandr'), one per line: a person cue, and a place where a run of
    /// capitalised words splits ('Department Karen Whitfeld').
    pub fn add_given_names(&mut self, text: &str) -> Result<()> {
        let entries = crate::lexicon::parse_tagged_list("given_names", text)?;
        let lex = Arc::make_mut(&mut self.lex);
        for (w, _) in entries {
            let k = name_key(&w);
            if !k.is_empty() {
                lex.given_names.insert(k);
            }
        }
        Ok(())
    }

    /// Adds honorifics ('Mr'), one per line.
    pub fn add_honorifics(&mut self, text: &str) -> Result<()> {
        let entries = crate::lexicon::parse_tagged_list("honorifics", text)?;
        let lex = Arc::make_mut(&mut self.lex);
        for (w, _) in entries {
            lex.honorifics.insert(w.trim_end_matches('.').to_string());
        }
        Ok(())
    }

    /// Checks that every value is in range; the error names the field.
    pub fn validate(&self) -> Result<()> {
        crate::config::check_unit("names.threshold", self.threshold)?;
        crate::config::check_unit("names.link_threshold", self.link_threshold)?;
        crate::config::check_unit("names.context_threshold", self.context_threshold)?;
        crate::config::check_unit("names.context_overlap", self.context_overlap)
    }
}

/// Similarity of two names in [0, 1], symmetric: transliteration- and MT-aware spelling
/// similarity of the surnames, and compatibility of given names (initials, nicknames).
pub fn name_similarity(a: &str, b: &str, config: &NamesConfig) -> f64 {
    let lex = config.lexicons();
    let (ka, kb) = (name_key(a), name_key(b));
    if ka.is_empty() || kb.is_empty() {
        return 0.0;
    }
    if lex.alias(&ka) == Some(kb.as_str()) || lex.alias(&kb) == Some(ka.as_str()) {
        return 1.0;
    }
    similarity::similarity(a, b, lex)
}

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
pub fn resolve(docs: &[Document], config: &NamesConfig) -> Entities {
    resolve::resolve(docs, config)
}

/// Clusters a list of names: returns groups of indexes into `names`, each input index in
/// exactly one group; groups ordered by their first index. Equal names (after folding) and
/// user aliases always share a group.
pub fn cluster_names(names: &[&str], config: &NamesConfig) -> Vec<Vec<usize>> {
    let lex = config.lexicons();
    // Distinct folded spellings (aliases mapped to their target).
    let mut distinct: Vec<String> = Vec::new();
    let mut index: std::collections::BTreeMap<String, usize> = Default::default();
    let mut of_name: Vec<usize> = Vec::with_capacity(names.len());
    for n in names {
        let mut k = name_key(n);
        if let Some(t) = lex.alias(&k) {
            k = t.to_string();
        }
        let id = *index.entry(k.clone()).or_insert_with(|| {
            distinct.push(k);
            distinct.len() - 1
        });
        of_name.push(id);
    }
    let forms: Vec<NameForm> = distinct.iter().map(|k| NameForm::new(k)).collect();
    let none = BTreeSet::new();
    let params = cluster::ClusterParams {
        threshold: config.threshold,
        link: config.link_threshold,
        cannot_link: &none,
        extra_edges: &[],
    };
    let groups = cluster::cluster_forms(&forms, lex, &params);
    let mut group_of = vec![0; forms.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (i, &d) in of_name.iter().enumerate() {
        out[group_of[d]].push(i);
    }
    out.retain(|g| !g.is_empty());
    out.sort_by_key(|g| g[0]);
    out
}
