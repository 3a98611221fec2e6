//! Word sequences that English grammar does not allow and that literal machine translation
//! leaves behind: two determiners in a row ('the a', 'a their'), a modal verb before a
//! past form ('will continued'), and a preposition stacked on a preposition that never
//! follows another ('of amid', 'for during').

use crate::document::Span;
use crate::text::words;

/// Articles: never followed by another determiner.
const ARTICLES: &[&str] = &["a", "an", "the"];

/// Determiners and possessives that cannot follow an article.
const DETERMINERS: &[&str] = &[
    "a", "an", "her", "his", "its", "my", "our", "the", "their", "these", "this", "those", "your",
];

/// Modal verbs: followed by a base form, never by a past form.
const MODALS: &[&str] = &[
    "can", "could", "may", "might", "must", "shall", "should", "will", "would",
];

/// Prepositions after which none of `LONE_PREPOSITIONS` can stand ('in', 'on', 'by' and
/// 'to' are left out: as particles they end a phrasal verb, 'stepped in amid').
const PREPOSITIONS: &[&str] = &["at", "for", "into", "of", "onto", "with"];

/// Prepositions that are never particles and never follow another preposition (except
/// 'from', which heads a source: 'from among').
const LONE_PREPOSITIONS: &[&str] = &[
    "amid",
    "amidst",
    "among",
    "amongst",
    "despite",
    "during",
    "throughout",
    "toward",
    "towards",
    "upon",
    "via",
];

/// A forbidden word sequence found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenGrammar {
    /// What is wrong, in words.
    pub what: &'static str,
    /// Byte span of the two words in the sentence.
    pub span: Span,
}

/// A past form after a modal: ends in 'ed', not a base form in 'eed' ('need', 'proceed').
fn past_form(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed")
}

/// True when `list` holds `w` in any ASCII case.
fn has(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Finds word pairs English does not allow (adjacent words only, no punctuation between).
pub fn find_broken(text: &str) -> Vec<BrokenGrammar> {
    let ws = words(text);
    let mut out = Vec::new();
    for i in 1..ws.len() {
        let (a, b) = (ws[i - 1].text, ws[i].text);
        // Only a first word of a few short function words can start a pair.
        if a.len() > 6 {
            continue;
        }
        let what = if has(ARTICLES, a) && has(DETERMINERS, b) {
            "two determiners in a row"
        } else if has(MODALS, a) && past_form(&b.to_ascii_lowercase()) {
            "a past form after a modal verb"
        } else if has(PREPOSITIONS, a) && has(LONE_PREPOSITIONS, b) {
            "a preposition stacked on a preposition"
        } else {
            continue;
        };
        let gap = text.get(ws[i - 1].end()..ws[i].start).unwrap_or(",");
        if !gap.trim().is_empty() {
            continue;
        }
        out.push(BrokenGrammar {
            what,
            span: Span::new(ws[i - 1].start, ws[i].end()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_forbidden_pairs() {
        assert_eq!(find_broken("He said the a deal was near.").len(), 1);
        assert_eq!(find_broken("Talks will continued on Monday.").len(), 1);
        assert_eq!(
            find_broken("It ended with a pause of amid the talks.").len(),
            1
        );
    }

    #[test]
    fn fluent_sentences_pass() {
        for s in [
            "Is this the end? The talks will proceed and he may need more time.",
            "He was chosen from among the candidates during the talks.",
            "Work carried on despite the war and he stepped in amid the row.",
            "The deal, the officials said, was signed in, amid protests, Geneva.",
            "Their own plan would succeed.",
        ] {
            assert!(find_broken(s).is_empty(), "{s}");
        }
    }
}
