//! The word lists of comparison, loaded from `src/data/compare/*.txt` and extendable with
//! text in the same format (see [`crate::lexicon`]).

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{Error, Result};
use crate::lexicon::parse_tagged_list;
use crate::text::fold;

use super::frame::word_id;
use super::stem::stem;

const NEGATION: &str = include_str!("../data/compare/negation.txt");
const ANTONYMS: &str = include_str!("../data/compare/antonyms.txt");
const MODALITY: &str = include_str!("../data/compare/modality.txt");
const TITLES: &str = include_str!("../data/compare/titles.txt");
const NUMBERS: &str = include_str!("../data/compare/numbers.txt");
const SYNONYMS: &str = include_str!("../data/compare/synonyms.txt");
const HYPERNYMS: &str = include_str!("../data/compare/hypernyms.txt");
/// WordNet 3.0 relations (tools/build_wordnet_relations.py; see src/data/compare/NOTICE).
const WN_ANTONYMS: &str = include_str!("../data/compare/wordnet_antonyms.tsv");
const WN_HYPERNYMS: &str = include_str!("../data/compare/wordnet_hypernyms.tsv");
const WN_CANON: &str = include_str!("../data/compare/wordnet_canon.tsv");
const WN_VERB_HYPERNYMS: &str = include_str!("../data/compare/wordnet_verb_hypernyms.tsv");

/// What a modal or factive cue says about the event it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ModalClass {
    /// May or may not happen ('potential', 'could').
    Possible,
    /// Announced for later ('will', 'plans to').
    Future,
    /// Wanted, needed or attempted, so not done yet ('need to', 'must', 'try to').
    Need,
    /// Presents its complement as fact ('confirmed', 'managed to').
    Factive,
    /// A perfect auxiliary or 'now' / 'already': the event is done.
    Perfect,
}

/// What a title word does in a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TitleKind {
    /// Names the post ('advisor', 'secretary').
    Head,
    /// Narrows the post ('press', 'security').
    Domain,
    /// Never conflicts ('official', 'leader').
    Generic,
    /// Ignored in comparison ('special', 'senior').
    Mod,
    /// A grade below the post ('deputy').
    Rank,
    /// A time qualifier ('former'): roles with it are not compared.
    Former,
}

/// All lexicons of the compare stage. Keys are folded (lowercase, no diacritics); single
/// words of antonyms and synonyms are stemmed; multi-word cues are kept as word sequences.
#[derive(Debug, Clone, Default)]
pub struct Lexicons {
    /// Negation cues, as word sequences.
    pub negation: BTreeSet<Vec<String>>,
    /// Antonym pairs by stem, stored both ways.
    pub antonyms: BTreeMap<String, BTreeSet<String>>,
    /// Modal cues (word sequences) and their class.
    pub modality: BTreeMap<Vec<String>, ModalClass>,
    /// Title words (word sequences) and their kind.
    pub titles: BTreeMap<Vec<String>, TitleKind>,
    /// Role phrase synonyms: phrase → canonical word ('press secretary' → 'spokesperson').
    pub role_synonyms: BTreeMap<Vec<String>, String>,
    /// Number words and their values.
    pub numbers: BTreeMap<Vec<String>, f64>,
    /// Stem → canonical stem.
    pub synonyms: BTreeMap<String, String>,
    /// Canonical stem → canonical stems of more general words.
    pub hypernyms: BTreeMap<String, BTreeSet<String>>,
    /// Canonical stem → every more general word up to eight levels up (the closure of
    /// `hypernyms`, rebuilt when it changes, so [`Lexicons::is_a`] is one hash lookup).
    ancestors: crate::hash::HashMap<String, crate::hash::HashSet<String>>,
    /// Canonical stem → canonical stems of more general verbs, from the word's verb senses
    /// (WordNet): for words read as verbs in context ('is strolling' → 'walk'), whose
    /// dominant part of speech may be another ('a stroll' → 'travel').
    pub verb_hypernyms: BTreeMap<String, BTreeSet<String>>,
    /// `ancestors` as sorted word hashes (what frames read).
    ancestor_ids: crate::hash::HashMap<String, Vec<u64>>,
    /// The closure of `verb_hypernyms` (as `ancestors` is of `hypernyms`), as sorted word
    /// hashes; the closure itself is not kept, as nothing reads it as strings.
    verb_ancestor_ids: crate::hash::HashMap<String, Vec<u64>>,
    /// Longest cue of any list, in words.
    pub max_phrase: usize,
}

fn phrase(entry: &str) -> Vec<String> {
    entry
        .split_whitespace()
        .map(|w| fold(w).trim_end_matches('.').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

fn bad(name: &str, line: usize, message: &str) -> Error {
    Error::Lexicon {
        name: name.into(),
        line,
        message: message.into(),
    }
}

impl Lexicons {
    /// The built-in lexicons: the hand-written lists of `src/data/compare/` and the WordNet
    /// relations beside them (built once, then cloned).
    pub fn builtin() -> Self {
        static BUILTIN: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(Self::build_builtin).clone()
    }

    fn build_builtin() -> Self {
        let mut l = Lexicons::default();
        // The built-in files are tested to parse; an error here is a bug in the crate's data.
        l.add_negation(NEGATION)
            .expect("built-in negation.txt parses");
        l.add_antonyms(ANTONYMS)
            .expect("built-in antonyms.txt parses");
        l.add_modality(MODALITY)
            .expect("built-in modality.txt parses");
        l.add_titles(TITLES).expect("built-in titles.txt parses");
        l.add_numbers(NUMBERS).expect("built-in numbers.txt parses");
        l.add_synonyms(SYNONYMS)
            .expect("built-in synonyms.txt parses");
        l.add_synonyms(WN_CANON)
            .expect("built-in wordnet_canon.tsv parses");
        l.add_antonyms(WN_ANTONYMS)
            .expect("built-in wordnet_antonyms.tsv parses");
        l.add_hypernyms(&format!("{HYPERNYMS}\n{WN_HYPERNYMS}"))
            .expect("built-in hypernyms parse");
        l.add_verb_hypernyms(WN_VERB_HYPERNYMS)
            .expect("built-in wordnet_verb_hypernyms.tsv parses");
        l
    }

    fn note_len(&mut self, n: usize) {
        self.max_phrase = self.max_phrase.max(n);
    }

    /// Adds negation cues (one word or phrase per line).
    pub fn add_negation(&mut self, text: &str) -> Result<()> {
        for (e, _) in parse_tagged_list("negation", text)? {
            let p = phrase(&e);
            self.note_len(p.len());
            self.negation.insert(p);
        }
        Ok(())
    }

    /// Adds antonym pairs (`WORD<TAB>OPPOSITE`).
    pub fn add_antonyms(&mut self, text: &str) -> Result<()> {
        for (i, (e, t)) in parse_tagged_list("antonyms", text)?.into_iter().enumerate() {
            let t = t.ok_or_else(|| bad("antonyms", i + 1, "missing TAB and opposite"))?;
            let (a, b) = (stem_phrase(&e), stem_phrase(&t));
            if a == b {
                continue;
            }
            self.antonyms
                .entry(a.clone())
                .or_default()
                .insert(b.clone());
            self.antonyms.entry(b).or_default().insert(a);
        }
        Ok(())
    }

    /// Adds modal cues (`WORD<TAB>CLASS`, class one of possible, future, need, factive,
    /// perfect).
    pub fn add_modality(&mut self, text: &str) -> Result<()> {
        for (i, (e, t)) in parse_tagged_list("modality", text)?.into_iter().enumerate() {
            let class = match t.as_deref() {
                Some("possible") => ModalClass::Possible,
                Some("future") => ModalClass::Future,
                Some("need") => ModalClass::Need,
                Some("factive") => ModalClass::Factive,
                Some("perfect") => ModalClass::Perfect,
                _ => {
                    return Err(bad(
                        "modality",
                        i + 1,
                        "class must be possible, future, need, factive or perfect",
                    ))
                }
            };
            let p = phrase(&e);
            self.note_len(p.len());
            self.modality.insert(p, class);
        }
        Ok(())
    }

    /// Adds title words (`WORD<TAB>KIND`, kind one of head, domain, generic, mod, rank,
    /// former) or role synonyms (`PHRASE<TAB>=CANONICAL`).
    pub fn add_titles(&mut self, text: &str) -> Result<()> {
        for (i, (e, t)) in parse_tagged_list("titles", text)?.into_iter().enumerate() {
            let p = phrase(&e);
            self.note_len(p.len());
            let t = t.unwrap_or_else(|| "head".into());
            if let Some(canon) = t.strip_prefix('=') {
                let c = fold(canon.trim());
                if c.is_empty() {
                    return Err(bad("titles", i + 1, "empty canonical role after '='"));
                }
                self.titles.entry(p.clone()).or_insert(TitleKind::Head);
                self.role_synonyms.insert(p, c);
                continue;
            }
            let kind = match t.as_str() {
                "head" => TitleKind::Head,
                "domain" => TitleKind::Domain,
                "generic" => TitleKind::Generic,
                "mod" => TitleKind::Mod,
                "rank" => TitleKind::Rank,
                "former" => TitleKind::Former,
                _ => {
                    return Err(bad(
                        "titles",
                        i + 1,
                        "kind must be head, domain, generic, mod, rank, former or =CANONICAL",
                    ))
                }
            };
            self.titles.insert(p, kind);
        }
        Ok(())
    }

    /// Adds number words (`WORD<TAB>VALUE`).
    pub fn add_numbers(&mut self, text: &str) -> Result<()> {
        for (i, (e, t)) in parse_tagged_list("numbers", text)?.into_iter().enumerate() {
            let v: f64 = t
                .as_deref()
                .and_then(|t| t.parse().ok())
                .filter(|v: &f64| v.is_finite())
                .ok_or_else(|| bad("numbers", i + 1, "value must be a number"))?;
            let p = phrase(&e);
            self.note_len(p.len());
            self.numbers.insert(p, v);
        }
        Ok(())
    }

    /// Adds synonyms (`WORD<TAB>CANONICAL`).
    pub fn add_synonyms(&mut self, text: &str) -> Result<()> {
        for (i, (e, t)) in parse_tagged_list("synonyms", text)?.into_iter().enumerate() {
            let t = t.ok_or_else(|| bad("synonyms", i + 1, "missing TAB and canonical word"))?;
            let canon = stem_phrase(&t);
            let canon = self.synonyms.get(&canon).cloned().unwrap_or(canon);
            self.synonyms.insert(stem_phrase(&e), canon);
        }
        Ok(())
    }

    /// Adds hypernyms (`SPECIFIC<TAB>GENERAL`). Add synonyms first: both sides are mapped to
    /// their canonical forms.
    pub fn add_hypernyms(&mut self, text: &str) -> Result<()> {
        for (i, (e, t)) in parse_tagged_list("hypernyms", text)?
            .into_iter()
            .enumerate()
        {
            let t = t.ok_or_else(|| bad("hypernyms", i + 1, "missing TAB and general word"))?;
            let (a, b) = (stem_phrase(&e), stem_phrase(&t));
            let (a, b) = (self.canon(&a).to_string(), self.canon(&b).to_string());
            if a != b {
                self.hypernyms.entry(a).or_default().insert(b);
            }
        }
        self.rebuild_ancestors();
        Ok(())
    }

    /// Adds hypernyms of verbs (`SPECIFIC<TAB>GENERAL`), applied to words read as verbs.
    /// Add synonyms first: both sides are mapped to their canonical forms.
    pub fn add_verb_hypernyms(&mut self, text: &str) -> Result<()> {
        for (i, (e, t)) in parse_tagged_list("verb hypernyms", text)?
            .into_iter()
            .enumerate()
        {
            let t =
                t.ok_or_else(|| bad("verb hypernyms", i + 1, "missing TAB and general verb"))?;
            let (a, b) = (stem_phrase(&e), stem_phrase(&t));
            let (a, b) = (self.canon(&a).to_string(), self.canon(&b).to_string());
            if a != b {
                self.verb_hypernyms.entry(a).or_default().insert(b);
            }
        }
        self.verb_ancestor_ids = closure_ids(&closure(&self.verb_hypernyms));
        Ok(())
    }

    fn rebuild_ancestors(&mut self) {
        self.ancestors = closure(&self.hypernyms);
        self.ancestor_ids = closure_ids(&self.ancestors);
    }

    /// Hashes ([`word_id`]) of the more general words of `word`, sorted; read as a verb,
    /// those of its verb senses when it has any, else of its dominant sense.
    pub fn ancestor_ids(&self, word: &str, verb: bool) -> &[u64] {
        let verb_ids = if verb {
            self.verb_ancestor_ids.get(word)
        } else {
            None
        };
        verb_ids
            .or_else(|| self.ancestor_ids.get(word))
            .map_or(&[], Vec::as_slice)
    }

    /// True when `general` is a more general word than `specific` (up to eight levels up).
    pub fn is_a(&self, specific: &str, general: &str) -> bool {
        self.ancestors
            .get(specific)
            .is_some_and(|a| a.contains(general))
    }

    /// The canonical form of a stem.
    pub fn canon<'a>(&'a self, stem: &'a str) -> &'a str {
        self.synonyms.get(stem).map(String::as_str).unwrap_or(stem)
    }

    /// True when the two words are alternatives under one more general word (they share a
    /// direct hypernym and neither is more general than the other: 'Kenyan' / 'Nigerian').
    pub fn siblings(&self, a: &str, b: &str) -> bool {
        let (Some(pa), Some(pb)) = (self.hypernyms.get(a), self.hypernyms.get(b)) else {
            return false;
        };
        !self.is_a(a, b) && !self.is_a(b, a) && pa.iter().any(|p| pb.contains(p))
    }

    /// True when the two stems are listed as opposites.
    pub fn opposite(&self, a: &str, b: &str) -> bool {
        self.antonyms.get(a).is_some_and(|s| s.contains(b))
    }
}

/// The closure of a hypernym relation, up to [`MAX_LEVELS`] levels up.
fn closure(
    hypernyms: &BTreeMap<String, BTreeSet<String>>,
) -> crate::hash::HashMap<String, crate::hash::HashSet<String>> {
    hypernyms
        .keys()
        .map(|w| {
            let mut all = crate::hash::HashSet::default();
            let mut frontier: Vec<&str> = vec![w.as_str()];
            for _ in 0..MAX_LEVELS {
                let mut next = Vec::new();
                for f in frontier {
                    for h in hypernyms.get(f).into_iter().flatten() {
                        if all.insert(h.clone()) {
                            next.push(h.as_str());
                        }
                    }
                }
                frontier = next;
            }
            (w.clone(), all)
        })
        .collect()
}

/// A closure as sorted word hashes per word.
fn closure_ids(
    closure: &crate::hash::HashMap<String, crate::hash::HashSet<String>>,
) -> crate::hash::HashMap<String, Vec<u64>> {
    closure
        .iter()
        .map(|(w, up)| {
            let mut ids: Vec<u64> = up.iter().map(|g| word_id(g)).collect();
            ids.sort_unstable();
            (w.clone(), ids)
        })
        .collect()
}

/// How many levels up the hypernym closure reaches (WordNet: 'dog' → 'mammal' → 'animal'
/// is five synsets up).
const MAX_LEVELS: usize = 8;

/// Stems every word of a phrase and joins them with spaces.
pub(crate) fn stem_phrase(entry: &str) -> String {
    phrase(entry)
        .iter()
        .map(|w| stem(w))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_load() {
        let l = Lexicons::builtin();
        assert!(l.negation.contains(&vec!["never".to_string()]));
        assert!(l.opposite(&stem("sitting"), &stem("standing")));
        assert_eq!(l.canon(&stem("persuaded")), l.canon(&stem("convince")));
        assert!(l.is_a(l.canon(&stem("kittens")), &stem("animal")));
        assert!(!l.is_a(&stem("animal"), l.canon(&stem("kitten"))));
        assert_eq!(
            l.titles.get(&vec!["adviser".to_string()]),
            Some(&TitleKind::Head)
        );
        assert_eq!(
            l.role_synonyms
                .get(&vec!["press".to_string(), "secretary".to_string()]),
            Some(&"spokesperson".to_string())
        );
    }

    #[test]
    fn bad_lines_are_errors() {
        let mut l = Lexicons::default();
        assert!(l.add_antonyms("hot\n").is_err());
        assert!(l.add_modality("may\tperhaps\n").is_err());
        assert!(l.add_numbers("two\tx\n").is_err());
        assert!(l.add_titles("boss\tchief\n").is_err());
    }
}
