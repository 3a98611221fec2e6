//! Broken idioms: a known idiom whose frame matches but one key word is replaced
//! ('Bauer is indeed in their court' for 'the ball is in their court').

use super::stats::normalise;
use crate::document::Span;
use crate::text::{is_stopword, words};

/// The built-in idiom list (see the file's header for its format).
pub const BUILTIN_IDIOMS: &str = include_str!("../data/garble_idioms.txt");

/// One idiom as a token pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Idiom {
    /// The idiom as written in the list.
    pub text: String,
    tokens: Vec<Tok>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    /// Any possessive word.
    Poss,
    /// Any one word.
    Any,
    /// An article: may be missing in the sentence.
    Article(String),
    /// A frame word that must be there.
    Frame(String),
    /// A key (content) word: the one a garbled translation replaces.
    Key(String),
}

impl Idiom {
    /// Parses one idiom line; `None` for blank lines and comments or with fewer than two key
    /// words (too weak a frame).
    pub fn parse(line: &str) -> Option<Idiom> {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let mut tokens = Vec::new();
        for raw in line.split_whitespace().flat_map(|r| {
            if r.starts_with('{') {
                vec![r]
            } else {
                words(r).into_iter().map(|w| w.text).collect()
            }
        }) {
            let t = normalise(raw);
            tokens.push(match t.as_str() {
                "{poss}" => Tok::Poss,
                "{x}" => Tok::Any,
                "a" | "an" | "the" => Tok::Article(t),
                _ if is_stopword(&t) => Tok::Frame(t),
                _ => Tok::Key(t),
            });
        }
        // A frame strong enough to recognise with one word replaced: two key words, and
        // either a frame word besides articles or three key words.
        let keys = tokens.iter().filter(|t| matches!(t, Tok::Key(_))).count();
        let frame = tokens
            .iter()
            .filter(|t| matches!(t, Tok::Frame(_) | Tok::Poss))
            .count();
        (keys >= 2 && (frame >= 1 || keys >= 3)).then(|| Idiom {
            text: line.to_string(),
            tokens,
        })
    }

    fn keys(&self) -> impl Iterator<Item = &str> {
        self.tokens.iter().filter_map(|t| match t {
            Tok::Key(k) => Some(k.as_str()),
            _ => None,
        })
    }
}

/// Parses an idiom list (one per line, `#` comments).
pub fn parse_idioms(text: &str) -> Vec<Idiom> {
    text.lines().filter_map(Idiom::parse).collect()
}

/// An idiom list with an index from every form of every key word (see `roots`) to the
/// idioms that use it, so a sentence is checked only against the idioms sharing a key word
/// with it instead of against the whole list.
#[derive(Debug, Clone, Default)]
pub struct Idioms {
    list: Vec<Idiom>,
    by_root: std::collections::HashMap<String, Vec<usize>>,
}

impl Idioms {
    /// Parses an idiom list (one per line, `#` comments).
    pub fn parse(text: &str) -> Idioms {
        let mut idioms = Idioms::default();
        idioms.extend(parse_idioms(text));
        idioms
    }

    /// Adds idioms.
    pub fn extend(&mut self, more: impl IntoIterator<Item = Idiom>) {
        for idiom in more {
            let i = self.list.len();
            for k in idiom.keys() {
                for r in roots(k) {
                    let ids = self.by_root.entry(r.to_string()).or_default();
                    if ids.last() != Some(&i) {
                        ids.push(i);
                    }
                }
            }
            self.list.push(idiom);
        }
    }

    /// The idioms, in list order.
    pub fn iter(&self) -> impl Iterator<Item = &Idiom> {
        self.list.iter()
    }

    /// How many idioms.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Indexes (in list order) of the idioms one of whose key words shares a form with one
    /// of `words`.
    fn candidates(&self, words: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = words
            .iter()
            .flat_map(|w| roots(w))
            .filter_map(|r| self.by_root.get(r))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// A broken idiom found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenIdiom {
    /// The idiom it breaks.
    pub idiom: String,
    /// The idiom's key word that was replaced.
    pub expected: String,
    /// What stands in its place.
    pub found: String,
    /// Byte span of the matched stretch in the sentence.
    pub span: Span,
}

/// Same word up to inflection (ball / balls, stand / standing, call / called).
/// The forms `w` can be cut to by `same_word`: itself, without a final 'e', and without
/// each inflectional ending it accepts.
fn roots(w: &str) -> impl Iterator<Item = &str> {
    const ENDINGS: [&str; 11] = [
        "s", "es", "e", "ed", "d", "ing", "'s", "n", "en", "er", "ers",
    ];
    let three = (w.len() > 3 && w.ends_with("ed"))
        .then(|| w.get(..w.len() - 3))
        .flatten();
    std::iter::once(w)
        .chain(ENDINGS.iter().filter_map(move |e| w.strip_suffix(e)))
        .chain(three)
}

fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let stem = short.strip_suffix('e').unwrap_or(short);
    if stem.len() < 3 {
        return false;
    }
    let Some(rest) = long.strip_prefix(stem) else {
        return false;
    };
    matches!(
        rest,
        "s" | "es" | "e" | "ed" | "d" | "ing" | "'s" | "n" | "en" | "er" | "ers"
    ) || (rest.len() == 3
        && rest.chars().nth(1).is_some_and(|c| "aeiou".contains(c))
        && rest.ends_with("ed"))
}

fn is_possessive(w: &str) -> bool {
    matches!(
        w,
        "my" | "your" | "his" | "her" | "its" | "our" | "their" | "one's" | "someone's"
    ) || (w.ends_with("'s") && w.len() > 2)
        || (w.ends_with('\'') && w.len() > 1)
}

/// Maximum sentence words inserted inside an idiom ('is indeed in', 'is truly in').
const MAX_INSERTS: usize = 2;

/// Finds idioms of `idioms` that `text` breaks: every frame word in order (articles may be
/// missing, up to two extra words inserted), at least one key word kept and exactly one key
/// word replaced by a different word.
pub fn find_broken(text: &str, idioms: &Idioms) -> Vec<BrokenIdiom> {
    let ws = words(text);
    if ws.len() < 3 {
        return Vec::new();
    }
    let lower: Vec<String> = ws.iter().map(|w| normalise(w.text)).collect();
    let mut out = Vec::new();
    // A key word can only match a sentence word it shares a form with (see `roots`), so the
    // index leaves out most idioms at once.
    for idiom in idioms
        .candidates(&lower)
        .into_iter()
        .map(|i| &idioms.list[i])
    {
        // One key word must be present.
        if !idiom.keys().any(|k| lower.iter().any(|w| same_word(k, w))) {
            continue;
        }
        for start in 0..lower.len() {
            if let Some(m) = match_at(&idiom.tokens, &lower, start) {
                if m.replaced.len() == 1
                    && m.kept_after >= 1
                    && m.matched >= 3
                    && m.inserts + m.drops <= MAX_INSERTS
                {
                    let (pi, si) = m.replaced[0];
                    let expected = match &idiom.tokens[pi] {
                        Tok::Key(k) => k.clone(),
                        _ => continue,
                    };
                    let (Some(first), Some(last)) = (ws.get(start), ws.get(m.end - 1)) else {
                        continue;
                    };
                    out.push(BrokenIdiom {
                        idiom: idiom.text.clone(),
                        expected,
                        found: ws.get(si).map(|w| w.text.to_string()).unwrap_or_default(),
                        span: Span::new(first.start, last.end()),
                    });
                    break;
                }
            }
        }
    }
    out
}

struct Match {
    /// (pattern index, sentence index) of replaced key words.
    replaced: Vec<(usize, usize)>,
    /// Key words kept after the replaced one: a replacement is only believed inside a frame
    /// that goes on ('a drop in the price' is no broken 'drop in the ocean').
    kept_after: usize,
    /// Pattern words found as written (articles included), the replacement excluded.
    matched: usize,
    /// Sentence words inserted inside the idiom.
    inserts: usize,
    /// Articles of the idiom missing inside it (not counting a leading one).
    drops: usize,
    end: usize,
}

/// Greedy left-to-right match of a pattern starting exactly at sentence word `start`.
fn match_at(pat: &[Tok], s: &[String], start: usize) -> Option<Match> {
    let mut i = 0usize; // pattern
    let mut j = start; // sentence
    let mut inserts = 0usize;
    let mut replaced = Vec::new();
    let mut kept_after = 0usize;
    let mut matched = 0usize;
    let mut drops = 0usize;
    let mut matched_any = false;
    while i < pat.len() {
        let w = s.get(j)?;
        let ok = match &pat[i] {
            Tok::Poss => is_possessive(w),
            Tok::Any => true,
            Tok::Article(a) => {
                if a == w || (a != "the" && (w == "a" || w == "an")) {
                    true
                } else {
                    // Article dropped by the translation.
                    if matched_any {
                        drops += 1;
                    }
                    i += 1;
                    continue;
                }
            }
            Tok::Frame(f) => f == w,
            Tok::Key(k) => {
                if same_word(k, w) {
                    if !replaced.is_empty() {
                        kept_after += 1;
                    }
                    true
                } else if replaced.is_empty()
                    && !is_stopword(w)
                    && next_matches(pat, i + 1, s, j + 1)
                {
                    replaced.push((i, j));
                    true
                } else {
                    false
                }
            }
        };
        if ok {
            if replaced.last().is_none_or(|&(_, rj)| rj != j) {
                matched += 1;
            }
            matched_any = true;
            i += 1;
            j += 1;
        } else if matched_any && inserts < MAX_INSERTS {
            // An inserted adverb inside the idiom ('is indeed in').
            inserts += 1;
            j += 1;
        } else {
            return None;
        }
    }
    Some(Match {
        replaced,
        kept_after,
        matched,
        inserts,
        drops,
        end: j,
    })
}

/// True when the pattern continues at `i` on sentence word `j` (or the pattern ends there),
/// allowing one inserted word; used so a replacement is only assumed inside a matching frame.
fn next_matches(pat: &[Tok], i: usize, s: &[String], j: usize) -> bool {
    let Some(t) = pat.get(i) else {
        return true;
    };
    let fits = |w: &String| match t {
        Tok::Poss => is_possessive(w),
        Tok::Any => true,
        Tok::Article(a) => a == w,
        Tok::Frame(f) => f == w,
        Tok::Key(k) => same_word(k, w),
    };
    s.get(j).is_some_and(fits)
        || s.get(j + 1).is_some_and(fits)
        || (matches!(t, Tok::Article(_)) && next_matches(pat, i + 1, s, j))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idioms() -> Idioms {
        Idioms::parse(BUILTIN_IDIOMS)
    }

    #[test]
    fn finds_a_replaced_key_word() {
        let b = find_broken(
            "Now Bauer is indeed in their court, the minister said.",
            &idioms(),
        );
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(b[0].expected, "ball");
        assert_eq!(b[0].found, "Bauer");
    }

    #[test]
    fn intact_idioms_and_plain_text_pass() {
        let i = idioms();
        assert!(find_broken("The ball is firmly in their court now.", &i).is_empty());
        assert!(find_broken("It is only the tip of the iceberg.", &i).is_empty());
        assert!(find_broken("Officials met in Moscow on Thursday.", &i).is_empty());
        assert!(find_broken("", &i).is_empty());
    }

    #[test]
    fn other_idioms_break_too() {
        let i = idioms();
        assert!(!find_broken("This is just the top of the iceberg.", &i).is_empty());
        assert!(
            !find_broken("The devil is in the detail, the fox is in the details.", &i).is_empty()
        );
        assert!(find_broken("A drop in the price of oil.", &i).is_empty());
    }
}
