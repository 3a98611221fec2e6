//! The word lists of name matching: honorifics, title words, nicknames, words that are not
//! names, place and organisation cues, a small gazetteer. Built-in lists live in
//! `src/data/names/` (see its NOTICE.md); users add entries through [`super::NamesConfig`].

use super::keys::name_key;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const HONORIFICS: &str = include_str!("../data/names/honorifics.txt");
const TITLES: &str = include_str!("../data/names/titles.txt");
const NOT_NAMES: &str = include_str!("../data/names/not_names.txt");
const PLACE_CUES: &str = include_str!("../data/names/place_cues.txt");
const ORG_CUES: &str = include_str!("../data/names/org_cues.txt");
const PLACES: &str = include_str!("../data/names/places.txt");
const GIVEN_NAMES: &str = include_str!("../data/names/given_names.txt");
const SUFFIXES: &str = include_str!("../data/names/suffixes.txt");
/// English word frequencies (Zipf × 10), shared with garble detection (see
/// `src/data/NOTICE-garble.md`).
/// English names and nicknames (Apache-2.0, see `src/data/names/nicknames-LICENSE-NOTE.md`).
const NICKNAMES: &str = include_str!("../data/names/nicknames.csv");

/// Lines of a built-in list as `(entry, tag)`; built-in lists are well-formed.
fn entries(text: &str) -> Vec<(String, Option<String>)> {
    crate::lexicon::parse_tagged_list("builtin", text).unwrap_or_default()
}

/// All word lists used by the name matcher, merged (built-in plus user entries).
#[derive(Debug, Clone, Default)]
pub struct Lexicons {
    /// Honorifics ('mr', 'dr').
    pub honorifics: BTreeSet<String>,
    /// Title words; the value is true for words that can end a title ('secretary').
    pub titles: BTreeMap<String, bool>,
    /// Capitalised words that are not names alone.
    pub not_names: BTreeSet<String>,
    /// Place cue words with their side (`after` / `before`).
    pub place_cues: BTreeSet<(String, String)>,
    /// The words of `place_cues`, either side.
    pub place_cue_words: BTreeSet<String>,
    /// Organisation cue words.
    pub org_cues: BTreeSet<String>,
    /// Gazetteer of places (folded keys).
    pub places: BTreeSet<String>,
    /// Folded name → the formal names it is a form of (itself included).
    pub nick_groups: BTreeMap<String, BTreeSet<String>>,
    /// Given names beyond the nickname table (folded).
    pub given_names: BTreeSet<String>,
    /// Words that end a name as a part of it ('inc', 'corp', 'jr', 'iii').
    pub suffixes: BTreeSet<String>,
    /// Folded name → folded name pairs declared the same entity by the user.
    pub aliases: BTreeMap<String, String>,
}

impl Lexicons {
    /// The built-in lexicons (parsed once).
    pub fn builtin() -> &'static Lexicons {
        static CELL: OnceLock<Lexicons> = OnceLock::new();
        CELL.get_or_init(|| {
            let mut l = Lexicons::default();
            for (e, _) in entries(HONORIFICS) {
                l.honorifics.insert(e);
            }
            for (e, t) in entries(TITLES) {
                l.titles.insert(e, t.as_deref() == Some("head"));
            }
            for (e, _) in entries(NOT_NAMES) {
                l.not_names.insert(e);
            }
            for (e, t) in entries(PLACE_CUES) {
                l.place_cue_words.insert(e.clone());
                l.place_cues
                    .insert((e, t.unwrap_or_else(|| "after".into())));
            }
            for (e, _) in entries(ORG_CUES) {
                l.org_cues.insert(e);
            }
            for (e, _) in entries(PLACES) {
                l.places.insert(name_key(&e));
            }
            for (e, _) in entries(SUFFIXES) {
                l.suffixes.insert(e);
            }
            for (e, _) in entries(GIVEN_NAMES) {
                l.given_names.insert(name_key(&e));
            }
            for line in NICKNAMES.lines().skip(1) {
                let mut f = line.split(',');
                if let (Some(a), Some(_), Some(b)) = (f.next(), f.next(), f.next()) {
                    l.add_nickname(a, b);
                }
            }
            l
        })
    }

    /// Records that `nick` is a nickname of `formal`.
    pub fn add_nickname(&mut self, formal: &str, nick: &str) {
        let a = name_key(formal);
        let b = name_key(nick);
        if a.is_empty() || b.is_empty() {
            return;
        }
        self.nick_groups
            .entry(a.clone())
            .or_default()
            .insert(a.clone());
        self.nick_groups.entry(b).or_default().insert(a);
    }

    /// True when two folded given names are forms of one name (Mike / Michael, Mike /
    /// Mickey).
    pub fn are_nicknames(&self, a: &str, b: &str) -> bool {
        match (self.nick_groups.get(a), self.nick_groups.get(b)) {
            (Some(x), Some(y)) => x.intersection(y).next().is_some(),
            _ => false,
        }
    }

    /// True when the lowercase `word` is a place cue on either side ('region', 'city').
    pub fn is_place_cue(&self, word: &str) -> bool {
        self.place_cue_words.contains(word)
    }

    /// True when `word` (any case) is a title word; `Some(true)` for a head word.
    pub fn title(&self, word: &str) -> Option<bool> {
        self.titles.get(&word.to_lowercase()).copied()
    }

    /// True when `word` is a known given name (in the nickname table).
    pub fn is_given_name(&self, word: &str) -> bool {
        let k = name_key(word);
        self.nick_groups.contains_key(&k) || self.given_names.contains(&k)
    }

    /// True when `word` (any case, a final dot allowed) is a name suffix ('Inc.', 'Jr').
    pub fn is_suffix(&self, word: &str) -> bool {
        self.suffixes
            .contains(&word.trim_end_matches('.').to_lowercase())
    }

    /// The place a folded name names, from the built-in gazetteer (GeoNames).
    pub fn place(&self, key: &str) -> Option<&'static super::gazetteer::Place> {
        super::gazetteer::Gazetteer::builtin().place(key)
    }

    /// The alias target of a folded name, if the user declared one.
    pub fn alias(&self, key: &str) -> Option<&str> {
        self.aliases.get(key).map(String::as_str)
    }
}

/// Frequency of a lowercase English word as Zipf × 10 (0 when not among the 40,000 most
/// frequent words). The table holds proper names too ('trump', 'moscow'), so a high value
/// alone does not make a word common.
pub fn word_zipf(lower: &str) -> u8 {
    crate::wordfreq::LanguageStats::english()
        .zipf_x10(lower)
        .unwrap_or(0)
}
