//! English word frequencies shipped with the crate (Zipf values), shared by every stage that
//! needs to know how common a word is: term weighting, name filtering, garble detection.
//!
//! The table (`src/data/garble_words.tsv`, see `src/data/NOTICE-garble.md`) holds the 40,000
//! most frequent English words with their Zipf frequency (log10 of occurrences per billion
//! words), built by `tools/build_garble_data.py` from the `wordfreq` data (CC-BY-SA 4.0).

use crate::hash::HashMap;
use std::sync::OnceLock;

/// The built-in English word-frequency table.
pub const BUILTIN_WORDS: &str = include_str!("data/garble_words.tsv");

/// Zipf value given to words that are not in the table (rarer than its last entry).
pub const UNKNOWN_ZIPF: f64 = 2.0;

/// Zipf at and above which a word counts as a function word (the, of, it, not, ...).
pub const FUNCTION_ZIPF: f64 = 5.5;

/// Word frequencies of a language.
#[derive(Debug, Clone, Default)]
pub struct LanguageStats {
    zipf: HashMap<String, u8>,
}

impl LanguageStats {
    /// Parses a `WORD<TAB>ZIPF*10` table (`#` comments); malformed lines are skipped.
    pub fn from_table(text: &str) -> Self {
        let mut zipf = HashMap::default();
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t');
            let (Some(w), Some(z)) = (parts.next(), parts.next()) else {
                continue;
            };
            if let Ok(z) = z.trim().parse::<u8>() {
                zipf.entry(normalise(w)).or_insert(z);
            }
        }
        LanguageStats { zipf }
    }

    /// The built-in English table, parsed once.
    pub fn english() -> &'static LanguageStats {
        static STATS: OnceLock<LanguageStats> = OnceLock::new();
        STATS.get_or_init(|| LanguageStats::from_table(BUILTIN_WORDS))
    }

    /// Zipf × 10 of a word as stored (any case), when the table has it.
    pub fn zipf_x10(&self, word: &str) -> Option<u8> {
        self.zipf.get(key(word).as_ref()).copied()
    }

    /// Number of words in the table.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.zipf.len()
    }

    /// Zipf frequency of a word (any case); [`UNKNOWN_ZIPF`] when unknown.
    pub fn zipf(&self, word: &str) -> f64 {
        self.zipf
            .get(key(word).as_ref())
            .map(|&z| f64::from(z) / 10.0)
            .unwrap_or(UNKNOWN_ZIPF)
    }
}

/// `normalise(word)`, borrowed when the word is already in that form (most are).
fn key(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`')
    {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(normalise(word))
    }
}

/// Lowercase with straight apostrophes: the key form of the table.
pub fn normalise(word: &str) -> String {
    if word.is_ascii() {
        // For ASCII this is exactly `fold` (lowercase, backtick made an apostrophe).
        return crate::text::fold(word);
    }
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => '\'',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_table_loads() {
        let s = LanguageStats::english();
        assert!(s.len() > 30_000);
        assert!(s.zipf("the") > 7.0);
        assert!(s.zipf("The") > 7.0);
        assert!(s.zipf("don’t") > 5.0);
        assert_eq!(s.zipf("qzxqzxqzx"), UNKNOWN_ZIPF);
    }
}
