//! What the corpus says about its own words, read in one pass before mentions are
//! extracted: which words it writes in lowercase, which it capitalises mid-sentence, which
//! pairs of capitalised words it runs together mid-sentence ('Advanced Micro'), which
//! capitalised words stand alone rather than only inside a hyphenated compound, and which
//! all-capital words it writes in ordinary sentences (acronyms, not shouted headlines).

use super::extract::{gap, is_acronym, is_capitalised, starts_clause, strip_possessive};
use crate::document::Document;
use crate::text::{words, Word};

/// A set of lowercased words (only ever asked whether it holds a word).
pub type WordSet = crate::hash::HashSet<String>;

/// The corpus' word sets (see the module doc).
#[derive(Debug, Default, Clone)]
pub struct CorpusWords {
    /// Words written in lowercase somewhere (lowercased).
    pub lowercase: WordSet,
    /// Capitalised words (possessive stripped, lowercased) written somewhere other than at
    /// the start of a sentence or quotation, outside headings and shouted lines.
    pub midcaps: WordSet,
    /// The [`super::keys::name_key`] of each word of `midcaps` ('Путиным' → 'putin', so that
    /// a sentence-initial 'Путин' is known).
    pub midcap_keys: WordSet,
    /// Two capitalised words joined by a space mid-sentence, as `first second` (lowercased).
    pub runs: WordSet,
    /// Capitalised words written somewhere without a hyphen to another capitalised word
    /// ('Trump' in 'Trump said', not 'Hewlett' in 'Hewlett-Packard').
    pub solo: WordSet,
    /// All-capital words written in a sentence that is not itself in capitals, as written.
    pub caps: WordSet,
}

impl CorpusWords {
    /// Reads the corpus (per document in parallel with the `parallel` feature).
    pub fn read(docs: &[Document]) -> CorpusWords {
        let per_doc = crate::par::map(docs, |d| {
            let mut w = CorpusWords::default();
            for s in &d.sentences {
                w.add_sentence(s.span.slice(&d.text), s.is_heading);
            }
            w
        });
        let mut out = CorpusWords::default();
        for w in per_doc {
            out.lowercase.extend(w.lowercase);
            out.midcaps.extend(w.midcaps);
            out.midcap_keys.extend(w.midcap_keys);
            out.runs.extend(w.runs);
            out.solo.extend(w.solo);
            out.caps.extend(w.caps);
        }
        out
    }

    fn add_sentence(&mut self, text: &str, heading: bool) {
        let ws = words(text);
        let shouting = is_shouting(&ws);
        let cap = |i: usize| is_capitalised(strip_possessive(ws[i].text).0);
        for (i, w) in ws.iter().enumerate() {
            if w.text.starts_with(|c: char| c.is_lowercase()) && !self.lowercase.contains(w.text) {
                self.lowercase.insert(w.text.to_lowercase());
            }
            let core = strip_possessive(w.text).0;
            if !cap(i) {
                continue;
            }
            let hyphen_left = i > 0 && gap(text, &ws, i) == "-" && cap(i - 1);
            let hyphen_right = i + 1 < ws.len() && gap(text, &ws, i + 1) == "-" && cap(i + 1);
            if !hyphen_left && !hyphen_right {
                self.solo.insert(core.to_lowercase());
            }
            if shouting {
                continue;
            }
            if is_acronym(core) {
                self.caps.insert(core.to_string());
            }
            if heading || starts_clause(text, &ws, i) {
                continue;
            }
            self.midcaps.insert(core.to_lowercase());
            if !core.is_ascii() {
                self.midcap_keys.insert(super::keys::name_key(core));
            }
            if i > 0 && cap(i - 1) && gap(text, &ws, i) == " " && !starts_clause(text, &ws, i - 1) {
                let prev = strip_possessive(ws[i - 1].text).0;
                self.runs
                    .insert(format!("{} {}", prev.to_lowercase(), core.to_lowercase()));
            }
        }
    }
}

/// Whether a sentence is written in capitals ('COLTS BEAT CHIEFS TO CLINCH BERTH'): three or
/// more words of two letters or more, and at least seven in ten of them all capitals.
pub fn is_shouting(ws: &[Word]) -> bool {
    let long: Vec<&Word> = ws
        .iter()
        .filter(|w| w.text.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    long.len() >= 3 && long.iter().filter(|w| is_acronym(w.text)).count() * 10 >= long.len() * 7
}
