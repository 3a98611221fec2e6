//! Sentence segmentation: Unicode sentence bounds (UAX #29), repaired where abbreviations,
//! honorifics, initials and quotations fool them.

use crate::document::Span;
use crate::error::Result;
use crate::lexicon::parse_tagged_list;
use crate::text::is_stopword;
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// When a period after an abbreviation does not end the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevRule {
    /// Never ends a sentence: a title or honorific before a name ('Mr.', 'Gen.').
    Always,
    /// Does not end a sentence before a number ('No. 2', 'Feb. 28').
    Digit,
    /// Does not end a sentence before a lowercase word ('etc. and').
    Lower,
}

/// The abbreviation lexicon of segmentation. Keys are lowercase, without the final period.
#[derive(Debug, Clone)]
pub struct Abbreviations {
    rules: HashMap<String, AbbrevRule>,
}

impl Default for Abbreviations {
    fn default() -> Self {
        let mut a = Abbreviations {
            rules: HashMap::new(),
        };
        a.extend(include_str!("../data/abbreviations.txt"))
            .expect("built-in abbreviation list parses");
        a
    }
}

impl Abbreviations {
    /// Adds entries, one per line: `WORD<TAB>always|digit|lower` (`#` starts a comment).
    pub fn extend(&mut self, text: &str) -> Result<()> {
        for (word, tag) in parse_tagged_list("abbreviations", text)? {
            let rule = match tag.as_deref() {
                Some("digit") => AbbrevRule::Digit,
                Some("lower") => AbbrevRule::Lower,
                _ => AbbrevRule::Always,
            };
            self.rules
                .insert(word.trim_end_matches('.').to_lowercase(), rule);
        }
        Ok(())
    }

    /// The rule for `word` (without its period), if it is an abbreviation.
    pub(crate) fn rule(&self, word: &str) -> Option<AbbrevRule> {
        self.rules.get(&word.to_lowercase()).copied()
    }
}

/// Default bound on a sentence's length in bytes (see [`split_sentences_within`]).
pub const MAX_SENTENCE_BYTES: usize = 2048;

/// Splits `text` into sentences; spans are trimmed of whitespace and index `text`. A
/// sentence longer than [`MAX_SENTENCE_BYTES`] is cut (see [`split_sentences_within`]).
#[cfg(test)]
pub(crate) fn split_sentences(text: &str, abbrevs: &Abbreviations) -> Vec<Span> {
    split_sentences_within(text, abbrevs, MAX_SENTENCE_BYTES)
}

/// [`split_sentences`] with sentences of at most `max_bytes` (at least 64): a longer one
/// (a run-on line with no punctuation, a list pasted as one line) is cut after the last
/// ', ', '; ' or ': ' in the second half of each `max_bytes` window, else at the last space,
/// else at a character boundary, so every later stage sees pieces of bounded length.
pub fn split_sentences_within(text: &str, abbrevs: &Abbreviations, max_bytes: usize) -> Vec<Span> {
    let max = max_bytes.max(64);
    let mut out = Vec::new();
    for span in join_sentences(text, abbrevs) {
        if span.len() <= max {
            out.push(span);
        } else {
            cut(text, span, max, &mut out);
        }
    }
    out
}

/// Cuts `span` of `text` into trimmed pieces of at most `max` bytes.
fn cut(text: &str, span: Span, max: usize, out: &mut Vec<Span>) {
    let mut start = span.start;
    while span.end - start > max {
        let window = &text[start..floor_boundary(text, start + max)];
        let half = window.len() / 2;
        let at = window
            .rmatch_indices([',', ';', ':'])
            .find(|&(i, _)| i >= half && window[i + 1..].starts_with(' '))
            .map(|(i, _)| i + 1)
            .or_else(|| window.rfind(char::is_whitespace).filter(|&i| i >= half / 2))
            .unwrap_or(window.len())
            .max(1);
        let piece = super::trim_span(text, Span::new(start, start + at));
        if !piece.is_empty() {
            out.push(piece);
        }
        start += at;
        // A cut inside a character moves to its end.
        while !text.is_char_boundary(start) {
            start += 1;
        }
    }
    let rest = super::trim_span(text, Span::new(start, span.end));
    if !rest.is_empty() {
        out.push(rest);
    }
}

/// The largest character boundary of `text` at or before `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// UAX #29 sentences, joined where the boundary is not a real sentence end.
fn join_sentences(text: &str, abbrevs: &Abbreviations) -> Vec<Span> {
    let mut raw: Vec<Span> = text
        .split_sentence_bound_indices()
        .map(|(i, s)| super::trim_span(text, Span::new(i, i + s.len())))
        .filter(|s| !s.is_empty())
        .collect();
    let mut out: Vec<Span> = Vec::with_capacity(raw.len());
    for span in raw.drain(..) {
        if let Some(prev) = out.last_mut() {
            if should_join(prev.slice(text), span.slice(text), abbrevs) {
                prev.end = span.end;
                continue;
            }
        }
        out.push(span);
    }
    out
}

/// True when the boundary between `prev` and `next` is not a real sentence end.
fn should_join(prev: &str, next: &str, abbrevs: &Abbreviations) -> bool {
    let next_word: &str = next
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let next_first = next.chars().find(|c| c.is_alphanumeric());
    let next_is_lower =
        next_first.is_some_and(char::is_lowercase) && !next.starts_with(['\u{201C}', '"']);
    let next_is_digit = next_first.is_some_and(|c| c.is_ascii_digit());
    // A fragment with no letters or digits (a stray closing quote or bracket) belongs before.
    if next_first.is_none() {
        return true;
    }
    // A bracketed credit or aside standing alone ('[Photo/Agencies]') belongs to the sentence.
    let nt = next.trim();
    if (nt.starts_with('[') && nt.ends_with(']')) || (nt.starts_with('(') && nt.ends_with(')')) {
        return true;
    }
    if next_is_lower && !prev.ends_with(['!', '?']) {
        return true;
    }
    let Some(body) = prev.strip_suffix('.') else {
        // 'said: “Why?” he asked' — a question or exclamation inside a quotation.
        return next_is_lower;
    };
    let last = body
        .rsplit(|c: char| {
            c.is_whitespace() || matches!(c, '(' | '"' | '\u{201C}' | '\u{2018}' | '[')
        })
        .next()
        .unwrap_or("");
    if last.is_empty() {
        return false;
    }
    match abbrevs.rule(last) {
        Some(AbbrevRule::Always) => return true,
        Some(AbbrevRule::Digit) if next_is_digit => return true,
        Some(AbbrevRule::Lower) if next_is_lower => return true,
        _ => {}
    }
    let letters: Vec<char> = last.chars().filter(|c| *c != '.').collect();
    // An initial: 'Vladimir V. Putin', 'Dmitri S. Peskov'.
    if letters.len() == 1 && letters[0].is_uppercase() && !last.contains('.') {
        return next_first.is_some_and(char::is_uppercase);
    }
    // A dotted acronym: 'U.S. officials', 'U.S. President' — but 'in the U.S. The'.
    if last.contains('.') && letters.iter().all(|c| c.is_uppercase()) && letters.len() <= 4 {
        return next_first.is_some_and(char::is_uppercase) && !is_stopword(next_word)
            || next_is_digit;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        split_sentences(t, &Abbreviations::default())
            .iter()
            .map(|s| s.slice(t))
            .collect()
    }

    #[test]
    fn honorifics_initials_and_acronyms_do_not_end_sentences() {
        let t = "Russian President Vladimir V. Putin met Mr. Vikov. Kremlin spokesman Dmitri S. Peskov spoke. U.S. officials came. The U.S. President agreed on Feb. 28 to clause No. 2 of the plan.";
        assert_eq!(
            split(t),
            vec![
                "Russian President Vladimir V. Putin met Mr. Vikov.",
                "Kremlin spokesman Dmitri S. Peskov spoke.",
                "U.S. officials came.",
                "The U.S. President agreed on Feb. 28 to clause No. 2 of the plan."
            ]
        );
    }

    #[test]
    fn overlong_sentences_are_cut_at_a_bounded_length() {
        let line = "word ".repeat(10_000);
        let spans = split_sentences_within(&line, &Abbreviations::default(), 1000);
        assert!(spans.len() >= 50);
        assert!(spans.iter().all(|s| s.len() <= 1000 && !s.is_empty()));
        let covered: usize = spans
            .iter()
            .map(|s| s.slice(&line).matches("word").count())
            .sum();
        assert_eq!(covered, 10_000);
        // A clause boundary in the window's second half is preferred to a plain space.
        let t = format!("{}, {}", "a".repeat(600), "b c ".repeat(200));
        let first = split_sentences_within(&t, &Abbreviations::default(), 1000)[0];
        assert_eq!(first.slice(&t), format!("{},", "a".repeat(600)));
        // No space at all: cut between characters.
        let w = "ж".repeat(1000);
        let spans = split_sentences_within(&w, &Abbreviations::default(), 100);
        assert!(spans
            .iter()
            .all(|s| s.len() <= 100 && w.is_char_boundary(s.start)));
    }

    #[test]
    fn sentence_after_acronym_still_splits() {
        assert_eq!(
            split("He flew to the U.S. The talks began."),
            vec!["He flew to the U.S.", "The talks began."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let t = "“We ask both sides to accept the offer. It is the best chance in years,” Levitt said. Berg agreed.";
        assert_eq!(
            split(t),
            vec![
                "“We ask both sides to accept the offer.",
                "It is the best chance in years,” Levitt said.",
                "Berg agreed."
            ]
        );
        assert_eq!(
            split("He said \"It is true.\" Then he left."),
            vec!["He said \"It is true.\"", "Then he left."]
        );
        assert_eq!(
            split("“Why?” he asked. No answer."),
            vec!["“Why?” he asked.", "No answer."]
        );
    }
}
