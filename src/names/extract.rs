//! Mention extraction without an NLP model: runs of capitalised words (initials and name
//! particles allowed inside), split at hyphens of compounds ('Trump-Pudin's' → 'Pudin'),
//! possessives stripped, honorifics and titles kept out of the span and recorded as the
//! mention's role ('National Security Advisor', 'Kremlin spokesman', appositives such as
//! ', a U.S. national security adviser,'), sentence-initial common words skipped.

use super::lexicons::Lexicons;
use crate::document::{Document, Span};
use crate::text::{is_stopword, words, Word};
use std::collections::BTreeSet;

/// Evidence about what kind of thing a mention names.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct KindCues {
    /// Person evidence.
    pub person: f64,
    /// Place evidence.
    pub place: f64,
    /// Organisation evidence.
    pub org: f64,
}

/// A mention found in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct RawMention {
    /// Sentence index.
    pub sentence: usize,
    /// The name (byte span in the document text).
    pub span: Span,
    /// The role or title next to it.
    pub role: Option<Span>,
    /// Kind evidence from the words around it.
    pub cues: KindCues,
}

/// Name particles that may stand inside a name in lowercase ('Ludwig van Beethoven').
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la", "le",
    "van", "von",
];

/// Words that, after a name, mark a person as the speaker.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "noted",
    "wrote",
    "argued",
    "insisted",
    "warned",
    "stressed",
    "explained",
    "claimed",
    "announced",
];

/// The word without a possessive ending ('Trump’s' → 'Trump', 'Reuters'' stays).
fn strip_possessive(w: &str) -> (&str, bool) {
    for suf in ["'s", "’s", "'S", "’S"] {
        if let Some(core) = w.strip_suffix(suf) {
            if !core.is_empty() {
                return (core, true);
            }
        }
    }
    (w, false)
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Demonyms and other adjectives of place ('Russian', 'Ukrainian', 'Chinese').
fn is_demonym(w: &str) -> bool {
    let l = w.to_lowercase();
    ["ian", "ians", "ean", "eans", "ese", "ish", "ican", "icans"]
        .iter()
        .any(|s| l.len() > s.len() + 2 && l.ends_with(s))
}

/// Extracts the mentions of one document. `lowercase` holds every word the corpus writes in
/// lowercase somewhere (a capitalised word found there is a common word when it starts a
/// sentence or stands in a title-case headline).
/// `midcaps` holds the capitalised words written somewhere mid-sentence (see
/// [`mid_capitalised`]): a single capitalised word that only ever starts sentences
/// ('Additionally', 'Clashes') is not taken for a name.
pub fn extract(
    doc: &Document,
    lowercase: &BTreeSet<String>,
    midcaps: &BTreeSet<String>,
    lex: &Lexicons,
) -> Vec<RawMention> {
    let mut out = Vec::new();
    let ctx = Ctx {
        lowercase,
        midcaps,
        lex,
    };
    for (si, sent) in doc.sentences.iter().enumerate() {
        let text = sent.span.slice(&doc.text);
        let base = sent.span.start;
        extract_sentence(text, base, si, sent.is_heading, &ctx, &mut out);
    }
    out
}

/// Corpus-wide word sets and lexicons used while extracting.
struct Ctx<'a> {
    lowercase: &'a BTreeSet<String>,
    midcaps: &'a BTreeSet<String>,
    lex: &'a Lexicons,
}

/// Capitalised words (possessive stripped, lowercased) that the corpus writes somewhere
/// other than at the start of a sentence or quotation.
pub fn mid_capitalised(docs: &[Document]) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    for d in docs {
        for s in &d.sentences {
            let text = s.span.slice(&d.text);
            let ws = words(text);
            for i in 0..ws.len() {
                let core = strip_possessive(ws[i].text).0;
                if is_capitalised(core) && !starts_clause(text, &ws, i) {
                    set.insert(core.to_lowercase());
                }
            }
        }
    }
    set
}

/// The text between two words (`""` when out of range).
fn gap<'a>(text: &'a str, ws: &[Word], i: usize) -> &'a str {
    if i == 0 || i >= ws.len() {
        return "";
    }
    text.get(ws[i - 1].end()..ws[i].start).unwrap_or("")
}

/// Whether word `i` starts a sentence or a quotation.
fn starts_clause(text: &str, ws: &[Word], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let g = gap(text, ws, i);
    g.contains(['“', '"', ':', '(', '‘', '—', '–'])
        || (g.contains(['.', '!', '?'])
            && ws[i - 1].text.chars().count() > 1
            && !ws[i - 1].text.contains('.'))
}

fn extract_sentence(
    text: &str,
    base: usize,
    si: usize,
    heading: bool,
    ctx: &Ctx,
    out: &mut Vec<RawMention>,
) {
    let (lowercase, lex) = (ctx.lowercase, ctx.lex);
    let ws = words(text);
    let n = ws.len();
    // Classify each word: can it be part of a name?
    let mut namey = vec![false; n];
    let mut core_len = vec![0usize; n];
    let mut possessive = vec![false; n];
    for (i, w) in ws.iter().enumerate() {
        let (core, poss) = strip_possessive(w.text);
        core_len[i] = core.len();
        possessive[i] = poss;
        if !is_capitalised(core) || !core.chars().any(char::is_alphabetic) {
            continue;
        }
        let lower = core.to_lowercase();
        if is_acronym(core) {
            namey[i] = !lex.not_names.contains(&lower) || core.contains('.');
            if lower == "us" || lower == "u.s" {
                namey[i] = true;
            }
            if heading && lowercase.contains(&lower) && lower != "us" && lower != "u.s" {
                namey[i] = false;
            }
            continue;
        }
        if lex.title(core).is_some() || lex.honorifics.contains(&lower) {
            continue;
        }
        if lex.not_names.contains(&lower) || is_stopword(&lower) {
            continue;
        }
        if (heading || starts_clause(text, &ws, i)) && lowercase.contains(&lower) {
            continue;
        }
        namey[i] = true;
    }
    // Runs of name words.
    let mut i = 0;
    while i < n {
        if !namey[i] {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i; // inclusive
        while end + 1 < n && !possessive[end] {
            let g = gap(text, &ws, end + 1);
            let single_initial =
                ws[end].text.chars().count() == 1 && ws[end].text.chars().all(char::is_uppercase);
            let joined = g.chars().all(|c| c == ' ' || c == '\u{a0}')
                || (single_initial && (g == ". " || g == "."));
            if !joined || g.is_empty() {
                break;
            }
            if namey[end + 1] {
                end += 1;
                continue;
            }
            // A lowercase particle followed by a name word.
            let lower = ws[end + 1].text.to_lowercase();
            if PARTICLES.contains(&lower.as_str())
                && end + 2 < n
                && namey[end + 2]
                && gap(text, &ws, end + 2).chars().all(|c| c == ' ')
                && !ws[end + 1].text.starts_with(char::is_uppercase)
            {
                end += 2;
                continue;
            }
            break;
        }
        i = end + 1;
        // Single demonyms ('Russian') are adjectives, not names.
        if start == end && is_demonym(ws[start].text) && !possessive[start] {
            continue;
        }
        // A single word that only ever starts sentences is a common word.
        if start == end && starts_clause(text, &ws, start) {
            let core = strip_possessive(ws[start].text).0;
            let lower = core.to_lowercase();
            let known = is_acronym(core)
                || ctx.midcaps.contains(&lower)
                || lex.places.contains(&super::keys::name_key(core))
                || (start > 0 && lex.honorifics.contains(&ws[start - 1].text.to_lowercase()))
                || ws.get(start + 1).is_some_and(|w| {
                    SPEECH_VERBS.contains(&w.text.to_lowercase().as_str())
                        && gap(text, &ws, start + 1).trim().is_empty()
                });
            if !known {
                continue;
            }
        }
        let s = ws[start].start;
        let e = ws[end].start + core_len[end];
        let tokens = end - start + 1;
        let mut cues = KindCues::default();
        // Honorific and role before the name.
        let (role, honorific) = role_before(text, &ws, start, lex);
        if honorific {
            cues.person += 3.0;
        }
        let role = role.or_else(|| appositive_role(text, &ws, end, lex));
        if role.is_some() {
            cues.person += 2.0;
        }
        kind_cues(text, &ws, start, end, tokens, lex, &mut cues);
        out.push(RawMention {
            sentence: si,
            span: Span::new(base + s, base + e),
            role: role.map(|r| r.shifted(base)),
            cues,
        });
    }
}

/// The title written before word `start` (walking back over title words, and capitalised
/// words before a title head such as 'Kremlin', 'U.S.'), and whether an honorific precedes.
fn role_before(text: &str, ws: &[Word], start: usize, lex: &Lexicons) -> (Option<Span>, bool) {
    let mut k = start;
    let mut honorific = false;
    // Honorific right before the name.
    if k > 0 {
        let w = ws[k - 1].text;
        let g = gap(text, ws, k);
        if lex.honorifics.contains(&w.to_lowercase()) && (g == " " || g == ". ") {
            honorific = true;
            k -= 1;
        }
    }
    let mut first: Option<usize> = None;
    let mut last: Option<usize> = None;
    let mut has_head = false;
    while k > 0 {
        let j = k - 1;
        let g = gap(text, ws, k);
        let abbrev = ws[j].text.contains('.') || ws[j].text.chars().count() == 1;
        if !(g == " " || (abbrev && (g == ". " || g == "."))) {
            break;
        }
        let (core, poss) = strip_possessive(ws[j].text);
        if poss {
            break;
        }
        match lex.title(core) {
            Some(head) => {
                if last.is_none() {
                    last = Some(j);
                }
                has_head |= head;
                first = Some(j);
            }
            None => {
                let lower = core.to_lowercase();
                let of = lower == "of" && first.is_some();
                let capital =
                    is_capitalised(core) && (is_acronym(core) || !lex.not_names.contains(&lower));
                if of || (has_head && capital) {
                    first = Some(j);
                } else {
                    break;
                }
            }
        }
        k = j;
    }
    if honorific && last.is_none() {
        return (None, true);
    }
    match (first, last, has_head) {
        (Some(f), Some(l), true) => {
            // Trim a leading 'of'.
            let f = if ws[f].text.eq_ignore_ascii_case("of") {
                f + 1
            } else {
                f
            };
            if f > l {
                return (None, honorific);
            }
            (Some(Span::new(ws[f].start, ws[l].end())), honorific)
        }
        _ => (None, honorific),
    }
}

/// An appositive role after the name: 'Waltz, a U.S. national security adviser,'.
fn appositive_role(text: &str, ws: &[Word], end: usize, lex: &Lexicons) -> Option<Span> {
    let a = end + 1;
    if a >= ws.len() {
        return None;
    }
    let g = gap(text, ws, a);
    if g.trim() != "," {
        return None;
    }
    let art = ws[a].text.to_lowercase();
    if !matches!(art.as_str(), "a" | "an" | "the") {
        return None;
    }
    let mut head: Option<usize> = None;
    let mut j = a + 1;
    while j < ws.len() && j <= a + 8 {
        if j > a + 1 {
            let g = gap(text, ws, j);
            let abbrev = ws[j - 1].text.contains('.');
            if !(g == " " || (abbrev && (g == ". " || g == "."))) {
                break;
            }
        }
        let (core, poss) = strip_possessive(ws[j].text);
        if lex.title(core) == Some(true) {
            head = Some(j);
        }
        if poss {
            break;
        }
        j += 1;
    }
    let h = head?;
    Some(Span::new(ws[a + 1].start, ws[h].end()))
}

#[allow(clippy::too_many_arguments)]
fn kind_cues(
    text: &str,
    ws: &[Word],
    start: usize,
    end: usize,
    tokens: usize,
    lex: &Lexicons,
    cues: &mut KindCues,
) {
    let name: Vec<String> = ws[start..=end]
        .iter()
        .map(|w| strip_possessive(w.text).0.to_lowercase())
        .collect();
    let key = super::keys::name_key(&name.join(" "));
    if lex.places.contains(&key) {
        cues.place += 3.0;
    }
    if tokens >= 2 && lex.is_given_name(&name[0]) {
        cues.person += 2.0;
    }
    if tokens >= 2 && name.iter().any(|t| t.chars().count() == 1) {
        cues.person += 1.0;
    }
    if name.iter().any(|t| lex.org_cues.contains(t)) {
        cues.org += 2.0;
    }
    if tokens == 1 && is_acronym(ws[start].text) && !lex.places.contains(&key) {
        cues.org += 1.5;
    }
    // Words before.
    if start > 0 {
        let prev = ws[start - 1].text.to_lowercase();
        if lex
            .place_cues
            .contains(&(prev.clone(), "before".to_string()))
        {
            cues.place += 1.0;
        }
        if prev == "the" {
            cues.org += 0.7;
            cues.place += 0.3;
        }
    }
    // Words after.
    if end + 1 < ws.len() {
        let g = gap(text, ws, end + 1);
        let next = ws[end + 1].text.to_lowercase();
        if g.trim().is_empty() || g.trim() == "-" {
            if lex
                .place_cues
                .contains(&(next.clone(), "after".to_string()))
            {
                cues.place += 2.0;
            }
            if lex.org_cues.contains(&next) && !lex.place_cues.iter().any(|(w, _)| *w == next) {
                cues.org += 0.5;
            }
        }
        if g.trim().is_empty() && SPEECH_VERBS.contains(&next.as_str()) {
            cues.person += 0.6;
            cues.org += 0.3;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Sentence;

    fn doc(text: &str) -> Document {
        Document {
            id: "t".into(),
            text: text.into(),
            title: None,
            published: None,
            sentences: vec![Sentence {
                span: Span::new(0, text.len()),
                is_heading: false,
            }],
        }
    }

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        let d = doc(text);
        let lower: BTreeSet<String> = ["the", "said", "met"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mid = mid_capitalised(std::slice::from_ref(&d));
        extract(&d, &lower, &mid, Lexicons::builtin())
            .into_iter()
            .map(|m| {
                (
                    m.span.slice(&d.text).to_string(),
                    m.role.map(|r| r.slice(&d.text).to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn titles_honorifics_possessives_compounds() {
        assert_eq!(
            names("National Security Advisor Mike Waltz met Mr. Vikov."),
            vec![
                (
                    "Mike Waltz".into(),
                    Some("National Security Advisor".into())
                ),
                ("Vikov".into(), None)
            ]
        );
        assert_eq!(
            names(
                "On Friday Kremlin spokesman Dmitri S. Peskov said the timing of Trump-Pudin's call is open."
            ),
            vec![
                ("Kremlin".into(), None),
                ("Dmitri S. Peskov".into(), Some("Kremlin spokesman".into())),
                ("Trump".into(), None),
                ("Pudin".into(), None)
            ]
        );
        let v = names("But Mr. Waltz, a U.S. national security adviser, later said so.");
        assert_eq!(
            v[0],
            (
                "Waltz".into(),
                Some("U.S. national security adviser".into())
            )
        );
        assert_eq!(v[1].0, "U.S");
        let v = names("The talks with US Secretary of State Marco Rubio ended.");
        assert_eq!(v[0], ("US".into(), None));
        assert_eq!(
            v[1],
            ("Marco Rubio".into(), Some("US Secretary of State".into()))
        );
        let v = names("Russian President Vladimir V. Putin met Steve Witkoff in Moscow.");
        assert_eq!(
            v[0],
            ("Vladimir V. Putin".into(), Some("Russian President".into()))
        );
        assert_eq!(v[1].0, "Steve Witkoff");
        assert_eq!(v[2].0, "Moscow");
    }
}
