//! Broken idioms: a known idiom whose frame matches but one key word is replaced by a word
//! a translation could have put there ('Bauer is indeed in their court' for 'the ball is in
//! their court', 'the top of the iceberg' for 'the tip of the iceberg').
//!
//! The lexicon (`src/data/garble_idioms.txt`) holds the idioms of English Wiktionary (see
//! `tools/build_idioms.py`). Against a lexicon of thousands, a frame with a word changed
//! matches ordinary English all the time ('in the Pacific ocean', 'sofa chair in the room'),
//! so a match is only believed when
//! - the idiom is not there intact, nor any other idiom of the list on the same words
//!   (inflected and with adverbs inserted: 'basically throwing in the towel', 'the biggest
//!   shot in the arm');
//! - the replacement is a mistranslation of the key word, not a plain word that fits the
//!   frame: a WordNet synonym of it in some sense ('top' for 'tip', 'sea' for 'ocean': a
//!   word-for-word rendering of the wrong sense) or a word spelt like it ('Bauer' for
//!   'ball': a slip of transliteration or recognition).

use super::stats::normalise;
use crate::document::Span;
use crate::text::{fold, is_stopword, words};

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
    /// A key (content) word, the one a garbled translation replaces: its forms (the first is
    /// the one shown; irregular forms follow, regular endings are matched by `same_word`).
    Key(Vec<String>),
}

impl Tok {
    fn fits(&self, w: &str) -> bool {
        match self {
            Tok::Poss => is_possessive(w),
            Tok::Any => true,
            Tok::Article(a) => a == w || (a != "the" && (w == "a" || w == "an")),
            Tok::Frame(f) => f == w,
            Tok::Key(forms) => forms.iter().any(|k| same_word(k, w)),
        }
    }
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
        for raw in line.split_whitespace() {
            if raw.starts_with('{') {
                tokens.push(match raw {
                    "{poss}" => Tok::Poss,
                    _ => Tok::Any,
                });
                continue;
            }
            if raw.contains('|') {
                let forms: Vec<String> = raw.split('|').map(normalise).collect();
                tokens.push(Tok::Key(forms));
                continue;
            }
            for w in words(raw) {
                let t = normalise(w.text);
                tokens.push(match t.as_str() {
                    "a" | "an" | "the" => Tok::Article(t),
                    _ if is_stopword(&t) => Tok::Frame(t),
                    _ => Tok::Key(vec![t]),
                });
            }
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

    fn key_forms(&self) -> impl Iterator<Item = &str> {
        self.tokens
            .iter()
            .flat_map(|t| match t {
                Tok::Key(k) => k.as_slice(),
                _ => &[],
            })
            .map(String::as_str)
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
            for k in idiom.key_forms() {
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

    /// How many idioms.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.list.len()
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

/// Inflectional endings `same_word` accepts.
const ENDINGS: [&str; 11] = [
    "s", "es", "e", "ed", "d", "ing", "'s", "n", "en", "er", "ers",
];

/// The forms `w` can be cut to by `same_word`: itself, without a final 'e', and without
/// each inflectional ending it accepts.
fn roots(w: &str) -> impl Iterator<Item = &str> {
    let three = (w.len() > 3 && w.ends_with("ed"))
        .then(|| w.get(..w.len() - 3))
        .flatten();
    std::iter::once(w)
        .chain(ENDINGS.iter().filter_map(move |e| w.strip_suffix(e)))
        .chain(three)
}

/// Same word up to inflection (ball / balls, add / adds / added / adding, stand /
/// standing, call / called, stop / stopped).
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let stem = short.strip_suffix('e').unwrap_or(short);
    if stem.len() < 3 {
        // Two-letter verbs take -es and -ing ('go', 'goes', 'going').
        return short.len() == 2
            && long
                .strip_prefix(short)
                .is_some_and(|rest| rest == "es" || rest == "ing");
    }
    let Some(rest) = long.strip_prefix(stem) else {
        return false;
    };
    ENDINGS.contains(&rest)
        || (rest.len() == 3
            && rest.chars().nth(1).is_some_and(|c| "aeiou".contains(c))
            && rest.ends_with("ed"))
        // A doubled final consonant: 'stopped', 'setting'.
        || rest.chars().next().is_some_and(|c| {
            c.is_ascii_alphabetic()
                && stem.ends_with(c)
                && rest.get(1..).is_some_and(|more| more.len() >= 2 && ENDINGS.contains(&more))
        })
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

/// Zipf frequency below which a word is distinctive (not among the few thousand commonest
/// English words): a frame kept around a replaced lowercase word must hold one, or it is
/// ordinary English ('support in the days' is no broken 'back in the day').
const DISTINCTIVE_ZIPF: f64 = 4.5;

/// Whether `found` could be a mistranslation of the key word `key`, within a frame whose
/// kept key words after it are `kept`:
/// - a capitalised word with the key word's first two letters, in an idiom with a
///   possessive slot or a distinctive kept word: a common word taken for a name and
///   transliterated ('Bauer' for 'ball');
/// - a lowercase word one letter from the key word ('top' for 'tip') or a WordNet synonym
///   of it in some sense ('leap' for 'jump': the wrong sense rendered word for word), in a
///   frame that keeps a distinctive word ('iceberg', 'bandwagon').
fn mistranslates(found: &str, key: &str, kept: &[&str], possessive: bool) -> bool {
    let f = fold(found);
    if f.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let stats = super::stats::LanguageStats::english();
    let distinctive = kept.iter().any(|w| stats.zipf(w) < DISTINCTIVE_ZIPF);
    let prefix = f
        .chars()
        .zip(key.chars())
        .take_while(|(x, y)| x == y)
        .count();
    if found.chars().next().is_some_and(char::is_uppercase) {
        return prefix >= 2 && (possessive || distinctive);
    }
    let one_letter = prefix >= 1 && strsim::damerau_levenshtein(&f, key) <= 1;
    distinctive && (one_letter || crate::synonyms::share_concept(&f, key))
}

/// Finds idioms of `idioms` that `text` breaks: every frame word in order (articles may be
/// missing, up to two extra words inserted), at least one key word kept after the replaced
/// one, exactly one key word replaced by a word that mistranslates it, and no idiom of the
/// list intact on the same words.
pub fn find_broken(text: &str, idioms: &Idioms) -> Vec<BrokenIdiom> {
    let ws = words(text);
    if ws.len() < 3 {
        return Vec::new();
    }
    let lower: Vec<String> = ws.iter().map(|w| normalise(w.text)).collect();
    // A key word can only match a sentence word it shares a form with (see `roots`), so the
    // index leaves out most idioms at once.
    let candidates: Vec<&Idiom> = idioms
        .candidates(&lower)
        .into_iter()
        .map(|i| &idioms.list[i])
        .collect();
    // Stretches where an idiom of the list stands intact.
    let intact: Vec<(usize, usize)> = candidates
        .iter()
        .flat_map(|idiom| {
            (0..lower.len()).filter_map(|start| {
                match_at(&idiom.tokens, &lower, start)
                    .filter(|m| m.replaced.is_empty())
                    .map(|m| (start, m.end))
            })
        })
        .collect();
    let mut out = Vec::new();
    for idiom in candidates {
        for start in 0..lower.len() {
            let Some(m) = match_at(&idiom.tokens, &lower, start) else {
                continue;
            };
            if m.replaced.len() != 1
                || m.kept_after < 1
                || m.matched < 3
                || m.inserts + m.drops > MAX_INSERTS
                || intact.iter().any(|&(a, b)| a < m.end && start < b)
            {
                continue;
            }
            let (pi, si) = m.replaced[0];
            let Some(Tok::Key(forms)) = idiom.tokens.get(pi) else {
                continue;
            };
            let (Some(first), Some(last), Some(found)) =
                (ws.get(start), ws.get(m.end - 1), ws.get(si))
            else {
                continue;
            };
            let kept: Vec<&str> = (si + 1..m.end)
                .filter(|&x| {
                    idiom.tokens[pi + 1..]
                        .iter()
                        .any(|t| matches!(t, Tok::Key(_)) && t.fits(&lower[x]))
                })
                .map(|x| lower[x].as_str())
                .collect();
            let possessive = idiom.tokens.contains(&Tok::Poss);
            if !forms
                .iter()
                .any(|k| mistranslates(found.text, k, &kept, possessive))
            {
                continue;
            }
            out.push(BrokenIdiom {
                idiom: idiom.text.clone(),
                expected: forms[0].clone(),
                found: found.text.to_string(),
                span: Span::new(first.start, last.end()),
            });
            break;
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
            Tok::Article(_) => {
                if pat[i].fits(w) {
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
            Tok::Key(_) => {
                if pat[i].fits(w) {
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
            t => t.fits(w),
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
    s.get(j).is_some_and(|w| t.fits(w))
        || s.get(j + 1).is_some_and(|w| t.fits(w))
        || (matches!(t, Tok::Article(_)) && next_matches(pat, i + 1, s, j))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idioms() -> Idioms {
        Idioms::parse(BUILTIN_IDIOMS)
    }

    #[test]
    fn the_lexicon_is_large_and_parses() {
        assert!(idioms().len() > 1000, "{}", idioms().len());
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
    fn synonyms_and_look_alikes_break_an_idiom() {
        let i = idioms();
        for s in [
            "This is just the top of the iceberg.",
            "Other parties were quick to leap on the bandwagon.",
        ] {
            assert!(!find_broken(s, &i).is_empty(), "{s}");
        }
    }

    #[test]
    fn intact_idioms_and_plain_text_pass() {
        let i = idioms();
        for s in [
            "The ball is firmly in their court now.",
            "It is only the tip of the iceberg.",
            "Officials met in Moscow on Thursday.",
            "A drop in the price of oil.",
            "The ship sank in the Pacific ocean last year.",
            "The decision undoubtedly adds fuel to the fire.",
            "She added fuel to the fire, they said.",
            "There was a sofa chair in the room.",
            "The team is basically throwing in the towel.",
            "It was the biggest shot in the arm for the economy.",
            "Officers cuffed him on the ground.",
            "He ran for 101 yards on the ground.",
            "He threw in the towel after the third round.",
            "",
        ] {
            assert!(
                find_broken(s, &i).is_empty(),
                "{s}: {:?}",
                find_broken(s, &i)
            );
        }
    }

    #[test]
    fn inflections_are_the_same_word() {
        for (a, b) in [
            ("add", "adds"),
            ("add", "added"),
            ("add", "adding"),
            ("stop", "stopped"),
            ("ball", "balls"),
            ("go", "going"),
        ] {
            assert!(same_word(a, b), "{a} {b}");
        }
        assert!(!same_word("ball", "bald"));
        assert!(!same_word("مرح", "مرحبا"));
        assert!(!same_word("stop", "stoppé"));
    }
}
