//! Word sequences that English grammar does not allow and that literal machine translation
//! leaves behind: two determiners in a row ('the a', 'a their'), a modal verb before a
//! past form ('will continued'), a preposition stacked on a preposition that never
//! follows another ('of amid', 'for during'), a particle after a bare noun phrase before
//! such a preposition ('a pause in amid': only a verb takes the particle), a past form after
//! negated do-support ('did not wanted'), and a tense jump that joins a bare perfect 'been'
//! to a simple past ('has been and still helped').

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

/// Particles that end a phrasal verb ('stepped in amid'); after a determiner and one word
/// (a noun phrase, not a verb) they cannot stand before a lone preposition.
const PARTICLES: &[&str] = &["by", "in", "on", "to"];

/// Negated do-support: followed by a base form, never by a past form.
const NEGATED_DO: &[&str] = &["didn't", "doesn't", "don't"];

/// The bare forms of 'do' that take 'not' before the base form.
const DO: &[&str] = &["did", "do", "does"];

/// Perfect auxiliaries: 'has been and' must share a complement ('has been and still is').
const PERFECT: &[&str] = &["had", "has", "have"];

/// Adverbs that may stand between 'and' and the verb of a coordinated clause.
const LINK_ADVERBS: &[&str] = &["also", "always", "now", "still", "then"];

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

/// True when nothing but spaces separates words `i` and `j` (`i < j`) of `ws`.
fn joined(text: &str, ws: &[crate::text::Word<'_>], i: usize, j: usize) -> bool {
    (i..j).all(|k| {
        text.get(ws[k].end()..ws[k + 1].start)
            .is_some_and(|g| g.trim().is_empty())
    })
}

/// Folds typographic apostrophes so 'didn’t' reads as 'didn't'.
fn plain(w: &str) -> String {
    w.replace('\u{2019}', "'").to_ascii_lowercase()
}

/// The longer forbidden sequences that end at word `i`: what is wrong and the first word.
fn longer_rule(ws: &[crate::text::Word<'_>], i: usize) -> Option<(&'static str, usize)> {
    let w = |k: usize| plain(ws[k].text);
    if i >= 3
        && has(LONE_PREPOSITIONS, &w(i))
        && has(PARTICLES, &w(i - 1))
        && has(DETERMINERS, &w(i - 3))
        && w(i - 2).chars().all(|c| c.is_ascii_lowercase())
    {
        return Some(("a particle after a noun phrase, not a verb", i - 3));
    }
    if past_form(&w(i)) {
        if i >= 1 && has(NEGATED_DO, &w(i - 1)) {
            return Some(("a past form after 'do' with 'not'", i - 1));
        }
        if i >= 2 && w(i - 1) == "not" && has(DO, &w(i - 2)) {
            return Some(("a past form after 'do' with 'not'", i - 2));
        }
        let start = if i >= 1 && has(LINK_ADVERBS, &w(i - 1)) {
            i - 1
        } else {
            i
        };
        if start >= 3
            && w(start - 1) == "and"
            && w(start - 2) == "been"
            && has(PERFECT, &w(start - 3))
        {
            return Some((
                "a tense jump: a bare perfect 'been' joined to a simple past",
                start - 3,
            ));
        }
    }
    None
}

/// Finds word sequences English does not allow (adjacent words only, no punctuation
/// between).
pub fn find_broken(text: &str) -> Vec<BrokenGrammar> {
    let ws = words(text);
    let mut out = Vec::new();
    for i in 0..ws.len() {
        if let Some((what, first)) = longer_rule(&ws, i) {
            if joined(text, &ws, first, i) {
                out.push(BrokenGrammar {
                    what,
                    span: Span::new(ws[first].start, ws[i].end()),
                });
            }
        }
    }
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
        assert_eq!(
            find_broken("The talks ended with a pause in amid the protests.").len(),
            1
        );
        assert_eq!(find_broken("He did not wanted to go.").len(), 1);
        assert_eq!(find_broken("They didn’t listened.").len(), 1);
        assert_eq!(
            find_broken("Our goal has been and still helped the farmers.").len(),
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
            "The army stepped in amid the row and the crowd moved on despite the rain.",
            "He did not need help; they don't exceed the limit and she did, not wanting to.",
            "It has been and still is the plan, and the law has been amended and passed.",
            "Prices have been, and remained, high.",
        ] {
            assert!(find_broken(s).is_empty(), "{s}");
        }
    }
}
