//! English synonym concepts, for matching paraphrases without a model: 'talks' ~
//! 'negotiations', 'truce' ~ 'ceasefire', 'persuade' ~ 'convince', 'liberate' ~ 'free'.
//!
//! The data (`src/data/synonyms.tsv`, built by `tools/build_synonyms.py` from WordNet 3.0,
//! see `src/data/NOTICE-synonyms.md`) maps about 25,000 common English words — inflected
//! forms included ('negotiations', 'persuaded', 'freed') — to small integer concept IDs,
//! each standing for one WordNet synset. Two words that share an ID are synonyms in at
//! least one of their frequent senses, or derivationally related ('liberate' ~
//! 'liberation'). Words are looked up as written after [`crate::text::fold`]; Snowball
//! stems are not WordNet lemmas and must not be passed.
//!
//! WordNet also knows senses of words that in news are mostly names ('trump' ~ 'best') or
//! function words ('was' ~ 'is'): callers should skip stopwords and entity mentions.
//!
//! The table is parsed once, lazily, on first use.

use crate::hash::HashMap;
use std::sync::OnceLock;

/// The shipped table: `WORD<TAB>ID,ID,...`, `#` comment lines.
const DATA: &str = include_str!("data/synonyms.tsv");

/// Parsed table: every word's IDs are a sorted range of `ids`.
struct Table {
    ids: Vec<u32>,
    words: HashMap<&'static str, (usize, usize)>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut ids = Vec::new();
        let mut words = HashMap::default();
        for line in DATA.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((word, list)) = line.split_once('\t') else {
                continue;
            };
            let start = ids.len();
            ids.extend(list.split(',').filter_map(|s| s.trim().parse::<u32>().ok()));
            ids[start..].sort_unstable();
            if ids.len() > start {
                words.insert(word, (start, ids.len()));
            }
        }
        Table { ids, words }
    })
}

/// The concept IDs (sorted, ascending) of a folded lowercase word; empty if the word is
/// unknown. A word with uppercase letters is looked up lowercased.
pub fn concepts(word: &str) -> &'static [u32] {
    let t = table();
    let range = match t.words.get(word) {
        Some(r) => Some(*r),
        None if word.chars().any(char::is_uppercase) => {
            t.words.get(word.to_lowercase().as_str()).copied()
        }
        None => None,
    };
    match range {
        Some((s, e)) => t.ids.get(s..e).unwrap_or(&[]),
        None => &[],
    }
}

/// Whether two words share at least one concept (are synonyms in some frequent sense).
/// A word shares a concept with itself only if it is in the table.
pub fn share_concept(a: &str, b: &str) -> bool {
    let (x, y) = (concepts(a), concepts(b));
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paraphrases_share_concepts() {
        for (a, b) in [
            ("truce", "ceasefire"),
            ("talks", "negotiations"),
            ("persuade", "convince"),
            ("persuaded", "convinced"),
            ("advantageous", "beneficial"),
            ("liberate", "free"),
            ("liberated", "freed"),
            ("liberate", "liberation"),
            ("said", "stated"),
            ("troops", "soldiers"),
            ("halt", "stop"),
        ] {
            assert!(share_concept(a, b), "{a} ~ {b}");
            assert!(share_concept(b, a), "{b} ~ {a}");
        }
        assert!(share_concept("Truce", "ceasefire"));
    }

    #[test]
    fn unrelated_words_do_not() {
        for (a, b) in [
            ("ball", "bauer"),
            ("cat", "treaty"),
            ("said", "killed"),
            ("agreed", "refused"),
            ("rose", "fell"),
            ("monday", "tuesday"),
            ("confirmed", "denied"),
            ("peace", "war"),
        ] {
            assert!(!share_concept(a, b), "{a} !~ {b}");
        }
    }

    #[test]
    fn sorted_and_total() {
        assert!(concepts("negotiations").windows(2).all(|w| w[0] < w[1]));
        assert!(!concepts("talks").is_empty());
        for w in [
            "",
            " ",
            "\t",
            "#",
            "zzzzqqq",
            "ÉTÉ",
            "İ",
            "ß",
            "日本",
            "a\u{0301}",
            "talks\t",
        ] {
            let _ = concepts(w);
            let _ = share_concept(w, "talks");
        }
        assert!(concepts("zzzzqqq").is_empty());
        assert!(!share_concept("zzzzqqq", "zzzzqqq"));
    }
}
