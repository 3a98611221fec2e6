//! Short forms of organisation names: an acronym and its expansion ('AMD' / 'Advanced Micro
//! Devices', 'HP' / 'Hewlett-Packard', 'USGS' / 'U.S. Geological Survey') when their
//! letters agree and one document writes both, and an acronym that a document introduces
//! as the first word of a longer name ('EYP Mission Critical Facilities' ... 'EYP').

use super::extract::is_acronym;
use super::lexicons::Lexicons;
use crate::document::Document;
use crate::text::{is_stopword, words};
use std::collections::{BTreeMap, BTreeSet};

/// One mention as the linker sees it: document, position, key, surface.
pub struct Seen<'a> {
    /// Document index.
    pub doc: usize,
    /// Byte offset in the document (mentions come in document and text order).
    pub start: usize,
    /// The mention's key.
    pub key: &'a str,
    /// The mention as written.
    pub surface: &'a str,
}

/// The letters an acronym of a multi-word name would have: the first letter of each word
/// (an acronym inside it gives all its letters: 'U.S. Geological Survey' → 'usgs'), words
/// such as 'of' and 'and' and final suffixes ('Inc.') left out.
fn initials(surface: &str, lex: &Lexicons) -> Option<String> {
    let ws = words(surface);
    let mut toks: Vec<&str> = ws.iter().map(|w| w.text).collect();
    while toks.len() > 1 && toks.last().is_some_and(|t| lex.is_suffix(t)) {
        toks.pop();
    }
    if toks.len() < 2 || lex.is_given_name(toks[0]) {
        return None;
    }
    let mut out = String::new();
    for t in toks {
        // 'Hewlett-Packard' is two words; 'U.S' one acronym.
        for part in t.split('-') {
            let letters: String = part.chars().filter(|c| c.is_alphabetic()).collect();
            if letters.is_empty() || is_stopword(&letters) {
                continue;
            }
            if is_acronym(part) && letters.chars().count() <= 3 {
                out.extend(letters.chars().flat_map(char::to_lowercase));
            } else {
                out.extend(letters.chars().next()?.to_lowercase());
            }
        }
    }
    (out.chars().count() >= 2).then_some(out)
}

/// Key of an acronym form → key of the longer name it stands for. `is_place` tells keys of
/// places (an acronym of a country, 'US', stands for itself).
pub fn links(
    seen: &[Seen],
    lex: &Lexicons,
    is_place: impl Fn(&str) -> bool,
) -> BTreeMap<String, String> {
    // Acronym keys (a single word written in capitals somewhere) and their documents.
    let mut acronym_docs: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for s in seen {
        if !s.key.contains(' ') && is_acronym(s.surface) && !is_place(s.key) {
            acronym_docs.entry(s.key).or_default().insert(s.doc);
        }
    }
    // First position of each key in each document.
    let mut first: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    for s in seen {
        first.entry((s.doc, s.key)).or_insert(s.start);
    }
    // (acronym, long name) -> documents that support the link.
    let mut support: BTreeMap<(&str, &str), BTreeSet<usize>> = BTreeMap::new();
    for s in seen.iter().filter(|s| s.key.contains(' ')) {
        let Some(head) = s.key.split(' ').next() else {
            continue;
        };
        let by_letters = initials(s.surface, lex).filter(|i| acronym_docs.contains_key(i.as_str()));
        if let Some(a) = by_letters {
            let a = acronym_docs.get_key_value(a.as_str()).map(|(k, _)| *k);
            if let Some(a) = a.filter(|a| first.contains_key(&(s.doc, *a))) {
                support.entry((a, s.key)).or_default().insert(s.doc);
            }
        }
        // 'EYP Mission Critical Facilities' first, then 'EYP'.
        if let Some((a, _)) = acronym_docs.get_key_value(head) {
            let introduced = first
                .get(&(s.doc, *a))
                .is_some_and(|&at| first.get(&(s.doc, s.key)).is_some_and(|&l| l < at));
            if introduced && !lex.is_given_name(head) {
                support.entry((a, s.key)).or_default().insert(s.doc);
            }
        }
    }
    // Each acronym goes to the long name most documents support (ties: the smaller key).
    let mut best: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for ((a, long), docs) in &support {
        let e = best.entry(a).or_insert((0, long));
        if docs.len() > e.0 {
            *e = (docs.len(), long);
        }
    }
    best.into_iter()
        .map(|(a, (_, long))| (a.to_string(), long.to_string()))
        .collect()
}

/// The mentions of `raw` with their keys, for [`links`].
pub fn seen<'a>(
    docs: &'a [Document],
    spans: &[(usize, crate::document::Span)],
    keys: &'a [String],
) -> Vec<Seen<'a>> {
    spans
        .iter()
        .zip(keys)
        .map(|(&(doc, span), key)| Seen {
            doc,
            start: span.start,
            key,
            surface: span.slice(&docs[doc].text),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_names() {
        let lex = Lexicons::builtin();
        assert_eq!(
            initials("Advanced Micro Devices Inc.", lex).as_deref(),
            Some("amd")
        );
        assert_eq!(initials("Hewlett-Packard", lex).as_deref(), Some("hp"));
        assert_eq!(
            initials("U.S. Geological Survey", lex).as_deref(),
            Some("usgs")
        );
        assert_eq!(initials("Bank of England", lex).as_deref(), Some("be"));
        assert_eq!(initials("Andrew Feldman", lex), None);
    }
}
