//! Titles that do not exist in English: literal translations of official titles ('Press
//! Minister' for 'Press Secretary', 'National Security Secretary' for 'National Security
//! Adviser').

use crate::document::Span;
use crate::lexicon::parse_tagged_list;
use crate::text::words;
use std::collections::{BTreeMap, BTreeSet};

/// The built-in title list (see the file's header for its format).
pub const BUILTIN_TITLES: &str = include_str!("../data/garble_titles.txt");

/// Real titles and known literal mistranslations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Titles {
    known: BTreeSet<String>,
    wrong: BTreeMap<String, String>,
    /// Head word (last word) of every real title.
    heads: BTreeSet<String>,
    /// Modifier sequence (title without its head) → a real title with that modifier.
    modifiers: BTreeMap<String, String>,
}

impl Titles {
    /// Parses a title list (`TITLE[<TAB>REAL TITLE]` lines); bad lines are skipped.
    pub fn parse(text: &str) -> Titles {
        let mut t = Titles::default();
        t.extend(text);
        t
    }

    /// Adds the entries of another list.
    pub fn extend(&mut self, text: &str) {
        let Ok(entries) = parse_tagged_list("garble titles", text) else {
            return;
        };
        for (entry, tag) in entries {
            let entry = entry.split_whitespace().collect::<Vec<_>>().join(" ");
            match tag {
                Some(real) => {
                    self.wrong.insert(entry, real);
                }
                None => {
                    // Heads and modifiers come from plain 'MODIFIERS HEAD' titles; only
                    // modifier sequences of two or more words are specific enough.
                    if let Some((mods, head)) = entry.rsplit_once(' ') {
                        if !entry.contains(" of ") {
                            self.heads.insert(head.to_string());
                            if mods.contains(' ') {
                                self.modifiers
                                    .entry(mods.to_string())
                                    .or_insert_with(|| entry.clone());
                            }
                        }
                    }
                    self.known.insert(entry);
                }
            }
        }
        for w in self.wrong.keys() {
            if let Some((_, head)) = w.rsplit_once(' ') {
                self.heads.insert(head.to_string());
            }
        }
    }
}

/// A title that does not exist, found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadTitle {
    /// The title as written.
    pub found: String,
    /// The real title it most likely stands for.
    pub expected: String,
    /// Byte span in the sentence.
    pub span: Span,
}

/// Finds capitalised titles that are not real: known mistranslations, and titles whose
/// modifiers belong to a real title with another head word.
pub fn find_bad_titles(text: &str, titles: &Titles) -> Vec<BadTitle> {
    let ws = words(text);
    let mut out = Vec::new();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    for (h, head) in ws.iter().enumerate() {
        let head_l = head.text.to_lowercase();
        if !capital(head.text) || !titles.heads.contains(&head_l) {
            continue;
        }
        // Capitalised modifiers right before the head (up to four words, 'of' allowed).
        let mut first = h;
        while first > 0 && h - first < 4 {
            let prev = &ws[first - 1];
            let gap = text.get(prev.end()..ws[first].start).unwrap_or(" ");
            if gap.trim().is_empty() && (capital(prev.text) || prev.text == "of") {
                first -= 1;
            } else {
                break;
            }
        }
        for s in first..h {
            let phrase: Vec<String> = ws[s..=h].iter().map(|w| w.text.to_lowercase()).collect();
            let full = phrase.join(" ");
            let mods = phrase[..phrase.len() - 1].join(" ");
            let span = Span::new(ws[s].start, head.end());
            if titles.known.contains(&full) {
                break;
            }
            if let Some(real) = titles.wrong.get(&full) {
                out.push(BadTitle {
                    found: span.slice(text).to_string(),
                    expected: real.clone(),
                    span,
                });
                break;
            }
            if let Some(real) = titles.modifiers.get(&mods) {
                if !real.ends_with(&format!(" {head_l}")) {
                    out.push(BadTitle {
                        found: span.slice(text).to_string(),
                        expected: real.clone(),
                        span,
                    });
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> Titles {
        Titles::parse(BUILTIN_TITLES)
    }

    #[test]
    fn flags_literal_titles() {
        let b = find_bad_titles("Press Minister Jane Doe told reporters.", &t());
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].expected, "press secretary");
        // No list entry: 'national security' is the modifier of a real title with another
        // head word.
        let b = find_bad_titles("National Security Secretary John Doe was talking.", &t());
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(b[0].found, "National Security Secretary");
        assert_eq!(b[0].expected, "national security adviser");
    }

    #[test]
    fn real_titles_pass() {
        let t = t();
        for s in [
            "Press Secretary Karoline Leavitt told reporters.",
            "National Security Adviser Mike Waltz spoke.",
            "Deputy National Security Adviser Alex Wong spoke.",
            "Homeland Security Secretary Kristi Noem spoke.",
            "Secretary of State Marco Rubio met Foreign Minister Sergei Lavrov.",
            "The Secretary said so.",
            "Energy Secretary Chris Wright and Defense Secretary Pete Hegseth.",
        ] {
            assert!(find_bad_titles(s, &t).is_empty(), "{s}");
        }
    }
}
