//! Small text utilities shared by every stage: word tokens with byte spans, Unicode folding,
//! and an English stopword list.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// A word of a text with its byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offset of the word in the text it came from.
    pub start: usize,
    /// The word as written.
    pub text: &'a str,
}

impl Word<'_> {
    /// One past the last byte.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// The words of `text` (UAX #29 word bounds holding a letter or digit), with byte offsets.
/// Apostrophes inside words stay ('Russia’s', 'don't').
pub fn words(text: &str) -> Vec<Word<'_>> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(start, text)| Word { start, text })
        .collect()
}

/// Folds text for comparison: NFKD, combining marks removed, lowercase, curly apostrophes
/// and quotes made straight. Idempotent.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.replace('`', "'").to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    // Lowercasing can yield new decomposable characters (rare); fold again until stable.
    if out.nfkd().any(is_combining_mark) || out.nfkd().ne(out.chars()) {
        return fold(&out);
    }
    out
}

/// Common English function words.
pub const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// True when `word` (any case) is an English stopword.
pub fn is_stopword(word: &str) -> bool {
    if word.len() > 10 {
        return false; // longer than any stopword
    }
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return STOPWORDS.binary_search(&word).is_ok();
    }
    let lower = word.to_lowercase();
    STOPWORDS.binary_search(&lower.as_str()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_sorted() {
        let mut s = STOPWORDS.to_vec();
        s.sort_unstable();
        assert_eq!(s, STOPWORDS);
    }

    #[test]
    fn words_keep_offsets_and_apostrophes() {
        let t = "Russia’s “positive” 30-day plan.";
        let w = words(t);
        assert_eq!(w[0].text, "Russia’s");
        assert!(w.iter().all(|w| &t[w.start..w.end()] == w.text));
    }

    #[test]
    fn fold_strips_marks_and_case() {
        assert_eq!(fold("Staņislavs Zelenskýy"), "stanislavs zelenskyy");
        assert_eq!(fold("Russia’s"), "russia's");
        assert_eq!(fold(&fold("ÅÉÎ")), fold("ÅÉÎ"));
    }
}
