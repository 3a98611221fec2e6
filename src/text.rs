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
/// Apostrophes inside words stay ('Russia’s', 'don't'). Two words with only invisible
/// characters between them (a zero-width space or joiner, a soft hyphen, a word joiner:
/// see [`is_invisible`]) are one word ('Pu\u{200B}tin'): copy-paste and hyphenation leave
/// them inside names.
///
/// Every stage tokenises, so this is on the hot path: the text is cut at runs of spaces
/// followed by an ASCII character (UAX #29 always breaks there, and no word contains a space),
/// and each ASCII piece is segmented by `ascii_words`, which applies the UAX #29 rules
/// restricted to ASCII; other pieces go through `unicode-segmentation`. The result is the same
/// as segmenting the whole text with `unicode-segmentation` (a property test checks it).
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        let cut = i == bytes.len()
            || (bytes[i] == b' ' && bytes.get(i + 1).is_some_and(|b| b.is_ascii() && *b != b' '));
        if cut {
            let piece = &text[start..i];
            if piece.is_ascii() {
                ascii_words(piece, start, &mut out);
            } else {
                out.extend(
                    piece
                        .split_word_bound_indices()
                        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
                        .map(|(s, w)| Word {
                            start: start + s,
                            text: w,
                        }),
                );
            }
            start = i + 1;
        }
        i += 1;
    }
    join_invisible_gaps(text, &mut out);
    out
}

/// True for characters that show nothing and break no word when a person reads the text:
/// zero-width space, non-joiner and joiner, word joiner, soft hyphen, the byte-order mark
/// used as a zero-width no-break space.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}' | '\u{FEFF}'
    )
}

/// Merges neighbouring words whose gap holds only invisible characters.
fn join_invisible_gaps<'a>(text: &'a str, out: &mut Vec<Word<'a>>) {
    if text.is_ascii() {
        return;
    }
    let mut merged: Vec<Word<'a>> = Vec::with_capacity(out.len());
    for w in out.drain(..) {
        if let Some(last) = merged.last_mut() {
            let gap = &text[last.end()..w.start];
            if !gap.is_empty() && gap.chars().all(is_invisible) {
                last.text = &text[last.start..w.end()];
                continue;
            }
        }
        merged.push(w);
    }
    *out = merged;
}

/// UAX #29 word segmentation of an ASCII text, keeping the segments that hold a letter or
/// digit (rules WB5-WB13b; the other rules never join two ASCII characters, except WB3d
/// for spaces, which hold no word).
fn ascii_words<'a>(text: &'a str, offset: usize, out: &mut Vec<Word<'a>>) {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Cat {
        Letter,
        Numeric,
        /// MidLetter (':').
        MidLetter,
        /// MidNumLet or Single_Quote ('.', '\'').
        MidNumLetQ,
        /// MidNum (',', ';').
        MidNum,
        /// ExtendNumLet ('_').
        ExtendNumLet,
        Other,
    }
    const fn cat(b: u8) -> Cat {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' => Cat::Letter,
            b'0'..=b'9' => Cat::Numeric,
            b':' => Cat::MidLetter,
            b'.' | b'\'' => Cat::MidNumLetQ,
            b',' | b';' => Cat::MidNum,
            b'_' => Cat::ExtendNumLet,
            _ => Cat::Other,
        }
    }
    const TABLE: [Cat; 128] = {
        let mut t = [Cat::Other; 128];
        let mut b = 0;
        while b < 128 {
            t[b] = cat(b as u8);
            b += 1;
        }
        t
    };
    use Cat::*;
    let bytes = text.as_bytes();
    let at = |i: usize| {
        bytes
            .get(i)
            .map_or(Other, |&b| TABLE[usize::from(b & 0x7f)])
    };
    // Whether there is no boundary between bytes i - 1 and i.
    let joined = |i: usize| {
        let (a, b) = (at(i - 1), at(i));
        let before = if i >= 2 { at(i - 2) } else { Other };
        let after = at(i + 1);
        match (a, b) {
            (Letter | Numeric, Letter | Numeric) => true,
            (Letter | Numeric | ExtendNumLet, ExtendNumLet) => true,
            (ExtendNumLet, Letter | Numeric) => true,
            (Letter, MidLetter | MidNumLetQ) => after == Letter,
            (MidLetter | MidNumLetQ, Letter) => before == Letter,
            (Numeric, MidNum | MidNumLetQ) => after == Numeric,
            (MidNum | MidNumLetQ, Numeric) => before == Numeric,
            _ => false,
        }
    };
    let mut start = 0;
    for i in 1..=bytes.len() {
        if i == bytes.len() || !joined(i) {
            if bytes[start..i].iter().any(u8::is_ascii_alphanumeric) {
                out.push(Word {
                    start: offset + start,
                    text: &text[start..i],
                });
            }
            start = i;
        }
    }
}

/// Folds text for comparison: NFKD, combining marks and invisible characters
/// ([`is_invisible`]) removed, lowercase, curly apostrophes and quotes made straight.
/// Idempotent.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        let mut out = text.to_ascii_lowercase();
        if out.contains('`') {
            out = out.replace('`', "'");
        }
        return out;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd() {
        if is_combining_mark(c) || is_invisible(c) {
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
    static SET: std::sync::OnceLock<crate::hash::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let set = SET.get_or_init(|| STOPWORDS.iter().copied().collect());
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return set.contains(word);
    }
    if word.is_ascii() {
        let mut buf = [0u8; 10];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(|l| set.contains(l));
    }
    set.contains(word.to_lowercase().as_str())
}

/// How many values two sorted lists of distinct values share (one merge pass).
pub(crate) fn common_sorted(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
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
    fn ascii_fast_path_agrees_with_unicode_segmentation() {
        let reference = |t: &str| -> Vec<(usize, String)> {
            t.split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
                .map(|(s, w)| (s, w.to_string()))
                .collect()
        };
        let ours = |t: &str| -> Vec<(usize, String)> {
            words(t)
                .iter()
                .map(|w| (w.start, w.text.to_string()))
                .collect()
        };
        for t in [
            "U.S. officials said 3,000.5 troops a.b..c can't _x x_ 1:30 a:b 'tis 'a' a' 1'0",
            "e-mail\tfoo\r\nbar  baz . . x.1 1.x 1,x x,1 ;a a; __ a__b",
            "Russia’s “positive” 30-day plan. naïve café ́x  ́y",
        ] {
            assert_eq!(ours(t), reference(t), "{t}");
        }
        // Many short strings over the characters the rules care about (deterministic).
        let alphabet: Vec<char> = "aZ09.,:;'_ \t\n\r\"()-’“é\u{301}\u{200d}".chars().collect();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let len = (state % 12) as usize;
            let t: String = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    alphabet[(state % alphabet.len() as u64) as usize]
                })
                .collect();
            assert_eq!(ours(&t), reference(&t), "{t:?}");
        }
    }

    #[test]
    fn invisible_characters_join_words_and_fold_away() {
        let t = "Pu\u{200B}tin met Mos\u{00AD}cow and Kyi\u{200D}v, a\u{2060}b c.";
        let w: Vec<&str> = words(t).iter().map(|w| w.text).collect();
        assert_eq!(w[0], "Pu\u{200B}tin");
        assert_eq!(w[2], "Mos\u{00AD}cow");
        assert_eq!(w[4], "Kyi\u{200D}v");
        assert_eq!(w[5], "a\u{2060}b");
        assert_eq!(w.len(), 7);
        assert_eq!(fold("Pu\u{200B}tin Mos\u{00AD}cow"), "putin moscow");
        assert_eq!(words("a \u{200B} b").len(), 2);
    }

    #[test]
    fn fold_strips_marks_and_case() {
        assert_eq!(fold("Staņislavs Zelenskýy"), "stanislavs zelenskyy");
        assert_eq!(fold("Russia’s"), "russia's");
        assert_eq!(fold(&fold("ÅÉÎ")), fold("ÅÉÎ"));
    }
}
