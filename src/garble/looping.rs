//! Looping: a machine translation that falls into a loop repeats a phrase back to back
//! ('whomever you want whomever you want whomever you want'). Fluent writing repeats for
//! rhetoric with punctuation between ('never again, never again'); a loop runs on without
//! it. A phrase of three or more words said twice in a row, or of two words said three
//! times, with only spaces between, is a loop.

use crate::document::Span;
use crate::text::{words, Word};

/// Longest phrase (in words) looked for.
const MAX_PHRASE: usize = 8;

/// True when only spaces separate the words `i..=j` of `ws`.
fn joined(text: &str, ws: &[Word<'_>], i: usize, j: usize) -> bool {
    (i..j).all(|k| {
        text.get(ws[k].end()..ws[k + 1].start)
            .is_some_and(|g| g.trim().is_empty())
    })
}

/// Times the phrase `ws[i..i + k]` is said back to back from `i` (case-insensitive).
fn repeats(lower: &[String], i: usize, k: usize) -> usize {
    let mut n = 1;
    while i + (n + 1) * k <= lower.len() && (0..k).all(|o| lower[i + o] == lower[i + n * k + o]) {
        n += 1;
    }
    n
}

/// The first loop in `text`, as the byte span of all its repeats.
pub fn find_loop(text: &str) -> Option<Span> {
    let ws = words(text);
    let lower: Vec<String> = ws.iter().map(|w| w.text.to_lowercase()).collect();
    for i in 0..ws.len() {
        for k in 2..=MAX_PHRASE.min((ws.len() - i) / 2) {
            let n = repeats(&lower, i, k);
            let needed = if k == 2 { 3 } else { 2 };
            if n >= needed && joined(text, &ws, i, i + n * k - 1) {
                return Some(Span::new(ws[i].start, ws[i + n * k - 1].end()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_loop() {
        let s = "Take whomever you want whomever you want whomever you want.";
        let span = find_loop(s).unwrap();
        assert_eq!(
            span.slice(s),
            "whomever you want whomever you want whomever you want"
        );
        assert!(find_loop("He said the deal is near the deal is near.").is_some());
        assert!(find_loop("a b a b a b").is_some());
    }

    #[test]
    fn rhetoric_and_ordinary_text_pass() {
        for s in [
            "Never again, never again, never again.",
            "It rose again and again and again.",
            "The talks went on and on; the deal was near.",
            "",
            "He said that that was that.",
            "a b a b",
        ] {
            assert_eq!(find_loop(s), None, "{s}");
        }
    }
}
