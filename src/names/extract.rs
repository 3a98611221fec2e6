//! Mention extraction without an NLP model: runs of capitalised words (initials and name
//! particles allowed inside), split at hyphens of compounds ('Trump-Pudin's' → 'Pudin'),
//! possessives stripped, honorifics and titles kept out of the span and recorded as the
//! mention's role ('National Security Advisor', 'Kremlin spokesman', appositives such as
//! ', a U.S. national security adviser,'), sentence-initial common words skipped.

use super::lexicons::Lexicons;
use super::vocab::{is_shouting, CorpusWords, WordSet};
use crate::document::{Document, Span};
use crate::text::{is_stopword, words, Word};

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
    "al", "bin", "da", "de", "del", "della", "der", "des", "di", "dos", "du", "el", "ibn", "la",
    "le", "van", "von",
];

/// Capitalised nouns that head a multi-word proper name with 'of' ('Group of Eight', 'Bank
/// of England', 'Gulf of Mexico'), besides the organisation cue words.
const OF_HEADS: &[&str] = &[
    "academy",
    "bay",
    "cape",
    "church",
    "college",
    "duchy",
    "emirate",
    "gulf",
    "isle",
    "kingdom",
    "league",
    "museum",
    "order",
    "palace",
    "principality",
    "republic",
    "school",
    "strait",
    "straits",
    "sultanate",
    "tower",
];

/// Most words of one name ('International Committee of the Red Cross' has six).
const MAX_NAME_WORDS: usize = 10;

/// Most words of a title before a name ('Deputy Assistant Secretary of State for ...').
const MAX_ROLE_WORDS: usize = 12;

/// Words that, after a name, mark a news organisation as the source ('Reuters reported').
const REPORT_VERBS: &[&str] = &["reported", "reports", "quoted", "cited"];

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
pub(super) fn strip_possessive(w: &str) -> (&str, bool) {
    for suf in ["'s", "’s", "'S", "’S"] {
        if let Some(core) = w.strip_suffix(suf) {
            if !core.is_empty() {
                return (core, true);
            }
        }
    }
    (w, false)
}

pub(super) fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

pub(super) fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Demonyms and other adjectives of place ('Russian', 'Ukrainian', 'Chinese', 'Western').
fn is_demonym(w: &str) -> bool {
    let l = w.to_lowercase();
    const IRREGULAR: &[&str] = &[
        "swiss",
        "dutch",
        "french",
        "greek",
        "thai",
        "czech",
        "iraqi",
        "israeli",
        "pakistani",
        "afghan",
        "soviet",
        "arab",
        "basque",
        "welsh",
        "scots",
        "irish",
    ];
    IRREGULAR.contains(&l.as_str())
        || [
            "ian", "ians", "ean", "eans", "ese", "ish", "ican", "icans", "ern",
        ]
        .iter()
        .any(|s| l.len() > s.len() + 2 && l.ends_with(s))
}

/// Extracts the mentions of one document, reading what the corpus says about its words
/// (`words`, see [`CorpusWords`]): a capitalised word the corpus writes in lowercase is a
/// common word where it starts a sentence or stands in a heading, unless this document uses
/// it as a surname ('Andrew Luck' ... 'Luck threw') or the corpus runs it into a name
/// mid-sentence ('Advanced Micro Devices'); a single capitalised word that only ever starts
/// sentences ('Additionally', 'Clashes') is not taken for a name.
pub fn extract(doc: &Document, words: &CorpusWords, lex: &Lexicons) -> Vec<RawMention> {
    let mut out = Vec::new();
    let ctx = Ctx {
        words,
        lex,
        surnames: doc_surnames(doc, lex),
    };
    for (si, sent) in doc.sentences.iter().enumerate() {
        let text = sent.span.slice(&doc.text);
        let base = sent.span.start;
        extract_sentence(text, base, si, sent.is_heading, &ctx, &mut out);
    }
    out
}

/// Corpus-wide word sets, the document's surnames and the lexicons used while extracting.
struct Ctx<'a> {
    words: &'a CorpusWords,
    lex: &'a Lexicons,
    surnames: WordSet,
}

/// The surnames of a document (lowercased): capitalised words written mid-sentence right
/// after a given name or an initial and ending the name ('Andrew Luck threw'), and words
/// the document writes capitalised and alone mid-sentence but never in lowercase ('it is
/// safe to say Luck exceeded them'), so that the same word starting a sentence of that
/// document ('Luck threw for 205 yards') is a name too: one sense per discourse.
fn doc_surnames(doc: &Document, lex: &Lexicons) -> WordSet {
    let mut out = WordSet::default();
    let (mut solo, mut lowercase) = (WordSet::default(), WordSet::default());
    for s in doc.sentences.iter().filter(|s| !s.is_heading) {
        let text = s.span.slice(&doc.text);
        let ws = crate::text::words(text);
        for w in ws.iter().filter(|w| w.text.starts_with(char::is_lowercase)) {
            lowercase.insert(w.text.to_lowercase());
        }
        for i in 1..ws.len() {
            if is_solo_midcap(text, &ws, i, lex) {
                solo.insert(strip_possessive(ws[i].text).0.to_lowercase());
            }
            let (prev, core) = (ws[i - 1].text, strip_possessive(ws[i].text).0);
            let initial = prev.chars().count() == 1 && is_capitalised(prev);
            let given = is_capitalised(prev) && lex.is_given_name(prev);
            let ends = ws
                .get(i + 1)
                .is_none_or(|w| !is_capitalised(w.text) || gap(text, &ws, i + 1) != " ");
            let g = gap(text, &ws, i);
            if is_capitalised(core)
                && !is_acronym(core)
                && (given || initial)
                && (g == " " || (initial && g == ". "))
                && ends
                && !starts_clause(text, &ws, i)
            {
                out.insert(core.to_lowercase());
            }
        }
    }
    out.extend(solo.into_iter().filter(|w| !lowercase.contains(w)));
    out
}

/// Word `i` is capitalised mid-sentence between two words that are not ('say Luck
/// exceeded'): not a title, an acronym or a function word.
fn is_solo_midcap(text: &str, ws: &[Word], i: usize, lex: &Lexicons) -> bool {
    let core = strip_possessive(ws[i].text).0;
    let lower = core.to_lowercase();
    let plain = |j: usize| ws.get(j).is_none_or(|w| !is_capitalised(w.text));
    is_capitalised(core)
        && core.chars().count() > 1
        && !is_acronym(core)
        && plain(i - 1)
        && plain(i + 1)
        && gap(text, ws, i) == " "
        && !starts_clause(text, ws, i)
        && lex.title(core).is_none()
        && !lex.honorifics.contains(&lower)
        && !lex.not_names.contains(&lower)
        && !is_stopword(&lower)
}

/// The text between two words (`""` when out of range).
pub(super) fn gap<'a>(text: &'a str, ws: &[Word], i: usize) -> &'a str {
    if i == 0 || i >= ws.len() {
        return "";
    }
    text.get(ws[i - 1].end()..ws[i].start).unwrap_or("")
}

/// Whether word `i` starts a sentence or a quotation.
pub(super) fn starts_clause(text: &str, ws: &[Word], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let g = gap(text, ws, i);
    g.contains(['“', '"', ':', '(', '‘', '—', '–'])
        || (g.contains(['.', '!', '?'])
            && ws[i - 1].text.chars().count() > 1
            && !ws[i - 1].text.contains('.'))
}

/// Whether each word can be part of a name, the byte length of its core (possessive
/// stripped) and whether it had a possessive.
fn classify(
    text: &str,
    ws: &[Word],
    heading: bool,
    ctx: &Ctx,
) -> (Vec<bool>, Vec<usize>, Vec<bool>) {
    let (lex, cw) = (ctx.lex, ctx.words);
    let n = ws.len();
    let shouting = is_shouting(ws);
    let mut namey = vec![false; n];
    let mut core_len = vec![0usize; n];
    let mut possessive = vec![false; n];
    let capital_next = |i: usize| {
        ws.get(i + 1)
            .is_some_and(|w| is_capitalised(w.text) && gap(text, ws, i + 1) == " ")
    };
    for (i, w) in ws.iter().enumerate() {
        let (core, poss) = strip_possessive(w.text);
        core_len[i] = core.len();
        possessive[i] = poss;
        if !is_capitalised(core) || !core.chars().any(char::is_alphabetic) {
            continue;
        }
        let lower = core.to_lowercase();
        let initial = heading || starts_clause(text, ws, i);
        if is_acronym(core) {
            // A unit after a number ('1400 GMT', '5 PM') is no name; in a line written in
            // capitals only the acronyms the corpus writes in ordinary sentences are.
            let after_number = i > 0
                && ws[i - 1].text.contains(|c: char| c.is_ascii_digit())
                && gap(text, ws, i) == " ";
            let country = lex
                .place(&super::keys::name_key(core))
                .is_some_and(|p| p.class == super::gazetteer::PlaceClass::Country);
            namey[i] = (!lex.not_names.contains(&lower) || core.contains('.') || country)
                && !after_number
                && (!shouting || cw.caps.contains(core) || cw.midcaps.contains(&lower));
            continue;
        }
        if lex.honorifics.contains(&lower) {
            continue;
        }
        // A title word is a name in the plural where no name follows it ('the Kansas City
        // Chiefs lost'; not 'Joint Chiefs Chairman').
        if lex.title(core).is_some()
            && !(lower.ends_with('s')
                && (!initial || cw.midcaps.contains(&lower))
                && !capital_next(i)
                && !cw.lowercase.contains(&lower))
        {
            continue;
        }
        if lex.not_names.contains(&lower) || is_stopword(&lower) {
            continue;
        }
        let run_on = ws.get(i + 1).is_some_and(|nx| {
            gap(text, ws, i + 1) == " "
                && cw.runs.contains(&format!(
                    "{lower} {}",
                    strip_possessive(nx.text).0.to_lowercase()
                ))
        });
        let known = ctx.surnames.contains(&lower) || run_on;
        if initial && cw.lowercase.contains(&lower) && !known {
            continue;
        }
        // A frequent word that starts a sentence, is never capitalised elsewhere and heads
        // no name ('Key Russian demands'; not 'Andrew Luck threw', 'Advanced Micro Devices').
        let heads_name = ws.get(i + 1).is_some_and(|nx| {
            is_capitalised(nx.text) && !is_demonym(nx.text) && gap(text, ws, i + 1) == " "
        });
        if initial
            && !known
            && !heads_name
            && !lex.is_given_name(core)
            && !cw.midcaps.contains(&lower)
            && super::lexicons::word_zipf(&lower) >= 40
        {
            continue;
        }
        // An English word in a heading that the body never capitalises ('Deal Opens a
        // Road', 'AMD Completes SeaMicro Deal').
        if heading && !cw.midcaps.contains(&lower) && super::lexicons::word_zipf(&lower) >= 20 {
            continue;
        }
        namey[i] = true;
    }
    // A title word before an organisation word names an office ('Foreign Ministry',
    // 'State Department').
    for i in (0..n.saturating_sub(1)).rev() {
        let next = strip_possessive(ws[i + 1].text).0.to_lowercase();
        if !namey[i]
            && namey[i + 1]
            && is_capitalised(ws[i].text)
            && lex.title(ws[i].text).is_some()
            && lex.org_cues.contains(&next)
            && gap(text, ws, i + 1) == " "
        {
            namey[i] = true;
        }
    }
    (namey, core_len, possessive)
}

fn extract_sentence(
    text: &str,
    base: usize,
    si: usize,
    heading: bool,
    ctx: &Ctx,
    out: &mut Vec<RawMention>,
) {
    let lex = ctx.lex;
    let lowercase = &ctx.words.lowercase;
    let ws = words(text);
    let n = ws.len();
    let (namey, core_len, possessive) = classify(text, &ws, heading, ctx);
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
            // A hyphenated compound stays whole ('Hewlett-Packard', 'H-P') unless its
            // parts are two names ('Trump-Putin talks').
            if g == "-" && namey[end + 1] && !two_names(&ws, end, ctx) {
                end += 1;
                continue;
            }
            // A quoted nickname inside a name ('Vincent "The Chin" Gigante').
            if let Some(q) = quoted_nickname(text, &ws, end, &namey) {
                end = q;
                continue;
            }
            // A suffix after a comma ('Arcade Joseph Comeaux, Jr.').
            if g == ", " && lex.is_suffix(ws[end + 1].text) && is_capitalised(ws[end + 1].text) {
                end += 1;
                continue;
            }
            if !joined || g.is_empty() {
                break;
            }
            if namey[end + 1] {
                end += 1;
                continue;
            }
            // A lowercase particle followed by a name word.
            let lower = ws[end + 1].text.to_lowercase();
            // An organisation word that is also a title word ends a name ('Fox News'),
            // unless a name follows ('News Secretary Karoline Leavitt').
            let next_core = strip_possessive(ws[end + 1].text).0;
            if is_capitalised(next_core)
                && lex.org_cues.contains(strip_possessive(&lower).0)
                && lex.title(next_core).is_some()
                && ws.get(end + 2).is_none_or(|w| {
                    !is_capitalised(w.text) || !gap(text, &ws, end + 2).trim().is_empty()
                })
            {
                end += 1;
                if possessive[end] {
                    break;
                }
                continue;
            }
            if PARTICLES.contains(&lower.as_str())
                && end + 2 < n
                && namey[end + 2]
                && gap(text, &ws, end + 2).chars().all(|c| c == ' ')
                && !ws[end + 1].text.starts_with(char::is_uppercase)
            {
                end += 2;
                continue;
            }
            // 'Group of Eight', 'Bank of England': a capitalised head noun, 'of', and a
            // capitalised word (which may be a common word on its own).
            if lower == "of" && end + 2 < n && !possessive[end] {
                let head = ws[end].text.to_lowercase();
                let next = strip_possessive(ws[end + 2].text).0;
                let next_lower = next.to_lowercase();
                if (lex.org_cues.contains(&head) || OF_HEADS.contains(&head.as_str()))
                    && is_capitalised(next)
                    && next
                        .chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '.')
                    && lex.title(next).is_none()
                    && !lex.honorifics.contains(&next_lower)
                    && !is_stopword(&next_lower)
                    && gap(text, &ws, end + 2).chars().all(|c| c == ' ')
                {
                    end += 2;
                    continue;
                }
            }
            break;
        }
        i = end + 1;
        // A run longer than any name is a title-case line or repeated words: its words
        // are judged one by one.
        let pieces = if end - start >= MAX_NAME_WORDS {
            (start..=end).map(|k| (k, k)).collect()
        } else {
            split_run(&ws, start, end, lex, lowercase)
        };
        for (s0, e0) in pieces {
            emit_run(
                text,
                base,
                si,
                &ws,
                s0,
                e0,
                &possessive,
                &core_len,
                ctx,
                out,
            );
        }
    }
}

/// Whether the words `end` and `end + 1` of a hyphenated compound are two names: one of
/// them stands alone elsewhere in the corpus or is a place ('Trump-Putin', 'US-Ukraine').
fn two_names(ws: &[Word], end: usize, ctx: &Ctx) -> bool {
    let part = |i: usize| strip_possessive(ws[i].text).0.to_lowercase();
    let (a, b) = (part(end), part(end + 1));
    let place = |w: &str| {
        let k = super::keys::name_key(w);
        ctx.lex.places.contains(&k) || ctx.lex.place(&k).is_some()
    };
    let alone = |w: &str| ctx.words.solo.contains(w) || place(w);
    a.chars().count() > 1 && b.chars().count() > 1 && (alone(&a) || alone(&b))
}

/// The last word of a quoted nickname after word `end` and of the name word after it
/// (`Vincent "The Chin" Gigante`, `Vincent 'Chin' Gigante`): one to three capitalised
/// words in quotes, then a name word.
fn quoted_nickname(text: &str, ws: &[Word], end: usize, namey: &[bool]) -> Option<usize> {
    const OPEN: &[&str] = &[" \"", " '", " “", " ‘"];
    const CLOSE: &[&str] = &["\" ", "' ", "” ", "’ "];
    if !OPEN.contains(&gap(text, ws, end + 1)) {
        return None;
    }
    let mut q = end + 1;
    while q < ws.len() && q <= end + 3 && is_capitalised(ws[q].text) {
        if CLOSE.contains(&gap(text, ws, q + 1)) {
            return (q + 1 < ws.len() && namey[q + 1] && is_capitalised(ws[q + 1].text))
                .then_some(q + 1);
        }
        if gap(text, ws, q + 1) != " " {
            return None;
        }
        q += 1;
    }
    None
}

/// Splits a run of name words where two names stand side by side: after a leading acronym
/// of a country ('US Middle East' → 'US', 'Middle East'), and before a given name that
/// starts a full name ('Department Karen Whitfeld' → 'Department', 'Karen Whitfeld').
fn split_run(
    ws: &[Word],
    start: usize,
    end: usize,
    lex: &Lexicons,
    lowercase: &WordSet,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s0 = start;
    let core = |i: usize| strip_possessive(ws[i].text).0;
    let is_initial = |i: usize| core(i).trim_end_matches('.').chars().count() <= 1;
    let lowerable = |i: usize| core(i).chars().any(char::is_lowercase);
    let country = |w: &str| {
        let k = super::keys::name_key(w);
        lex.places.contains(&k)
            || lex
                .place(&k)
                .is_some_and(|p| p.class == super::gazetteer::PlaceClass::Country)
    };
    if end > start
        && is_acronym(core(start))
        && country(core(start))
        && !is_acronym(core(start + 1))
    {
        out.push((start, start));
        s0 = start + 1;
    }
    // Words of organisations and places do not end a person's name: `cue_from[k - s0]` is
    // whether one stands at `k` or after it (computed once, right to left).
    let cue_word = |i: usize| {
        let l = core(i).to_lowercase();
        lex.org_cues.contains(&l) || lex.is_place_cue(&l)
    };
    // A given name starts a new name only after a common word ('Department Karen
    // Whitfeld'), not inside a full name ('Arcade Joseph Comeaux').
    let common = |i: usize| {
        let l = core(i).to_lowercase();
        cue_word(i) || lowercase.contains(&l) || super::lexicons::word_zipf(&l) >= 40
    };
    let mut cue_from = vec![false; end + 2 - s0];
    for i in (s0..=end).rev() {
        cue_from[i - s0] = cue_from[i + 1 - s0] || cue_word(i);
    }
    let mut k = s0 + 1;
    while k < end {
        // An acronym between two other words stands alone ('Republican U.S. Senator',
        // 'Спецпосланник США Стивом Уиткоффом').
        if is_acronym(core(k)) && !is_acronym(core(k - 1)) && !is_acronym(core(k + 1)) {
            out.push((s0, k - 1));
            out.push((k, k));
            s0 = k + 1;
            k += 2;
            continue;
        }
        if lowerable(k)
            && !cue_from[k - s0]
            && !lowercase.contains(&core(k).to_lowercase())
            && lex.is_given_name(core(k))
            && !lex.is_given_name(core(k - 1))
            && common(k - 1)
            && !is_initial(k - 1)
            && !is_initial(end)
            && ws[k - 1]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            out.push((s0, k - 1));
            s0 = k;
        }
        k += 1;
    }
    out.push((s0, end));
    out
}

/// Determiners and numbers that make the demonym after them a noun when no word follows
/// that it could qualify ('the Mediterranean,', 'one Australian and one English climber',
/// 'a Republican who').
const NOUN_DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Nouns of water bodies named by an adjective ('the Mediterranean sea', 'Caspian sea').
const ADJECTIVE_NAMED: &[&str] = &["sea", "ocean"];

/// Whether the demonym at `i` names a place or people rather than qualifies a noun: after a
/// determiner or a number with a punctuation mark, the end of the sentence or a function word
/// after it, or before the noun of a water body named by an adjective.
fn demonym_noun(text: &str, ws: &[Word], i: usize) -> bool {
    let next = ws.get(i + 1).map(|w| (w.text, gap(text, ws, i + 1)));
    if let Some((w, g)) = next {
        if g.trim().is_empty() && ADJECTIVE_NAMED.contains(&w) {
            return true;
        }
    }
    let determined = i > 0
        && gap(text, ws, i) == " "
        && NOUN_DETERMINERS.contains(&ws[i - 1].text.to_lowercase().as_str());
    let nothing_qualified = next.is_none_or(|(w, g)| {
        (!g.trim().is_empty() && g.trim() != "-") || (is_stopword(w) && !is_capitalised(w))
    });
    determined && nothing_qualified
}

/// Records the mention of words `start..=end` unless it is not a name.
#[allow(clippy::too_many_arguments)]
fn emit_run(
    text: &str,
    base: usize,
    si: usize,
    ws: &[Word],
    start: usize,
    end: usize,
    possessive: &[bool],
    core_len: &[usize],
    ctx: &Ctx,
    out: &mut Vec<RawMention>,
) {
    let lex = ctx.lex;
    {
        // Single demonyms ('Russian') are adjectives, not names, unless they stand as a
        // noun ('in the Mediterranean.', 'one Australian and') or a surname after an
        // honorific ('Mr. Genovese').
        if start == end
            && is_demonym(ws[start].text)
            && !possessive[start]
            && !demonym_noun(text, ws, start)
            && !(start > 0 && lex.honorifics.contains(&ws[start - 1].text.to_lowercase()))
        {
            return;
        }
        // A single word that only ever starts sentences is a common word.
        if start == end && starts_clause(text, ws, start) {
            let core = strip_possessive(ws[start].text).0;
            let lower = core.to_lowercase();
            let known = is_acronym(core)
                || ctx.words.midcaps.contains(&lower)
                || (!core.is_ascii()
                    && ctx.words.midcap_keys.contains(&super::keys::name_key(core)))
                || lex.places.contains(&super::keys::name_key(core))
                || lex.place(&super::keys::name_key(core)).is_some()
                || (start > 0 && lex.honorifics.contains(&ws[start - 1].text.to_lowercase()))
                || ws.get(start + 1).is_some_and(|w| {
                    SPEECH_VERBS.contains(&w.text.to_lowercase().as_str())
                        && gap(text, ws, start + 1).trim().is_empty()
                });
            if !known {
                return;
            }
        }
        let s = ws[start].start;
        let e = ws[end].start + core_len[end];
        let tokens = end - start + 1;
        let mut cues = KindCues::default();
        // Honorific and role before the name.
        let (role, honorific) = role_before(text, ws, start, lex);
        if honorific {
            cues.person += 3.0;
        }
        let role = role.or_else(|| appositive_role(text, ws, end, lex));
        if role.is_some() {
            cues.person += 2.0;
        }
        kind_cues(text, ws, start, end, tokens, lex, &mut cues);
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
    let stop = k.saturating_sub(MAX_ROLE_WORDS);
    while k > stop {
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

/// An appositive role after the name: 'Lindqvist, a U.K. trade adviser,'.
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
        // 'Tartu, the birthplace of President Lind': a title after 'of' is another
        // person's.
        if core.eq_ignore_ascii_case("of") || core.eq_ignore_ascii_case("in") {
            break;
        }
        if lex.title(core) == Some(true) {
            head = Some(j);
        }
        if poss {
            break;
        }
        j += 1;
    }
    let h = head?;
    // A title followed by a name belongs to that name.
    if ws
        .get(h + 1)
        .is_some_and(|w| is_capitalised(w.text) && gap(text, ws, h + 1) == " ")
    {
        return None;
    }
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
    } else if let Some(p) = lex.place(&key) {
        // A town's name is often a person's too ('Florence', 'Jackson').
        let person = lex.is_given_name(&key);
        cues.place += p.class.cue() * if person { 0.5 } else { 1.0 };
    }
    let org_word = name.iter().any(|t| lex.org_cues.contains(t));
    if tokens >= 2 && lex.is_given_name(&name[0]) && !org_word {
        cues.person += 2.0;
    }
    if tokens >= 2 && name.iter().any(|t| t.chars().count() == 1) {
        cues.person += 1.0;
    }
    // (An organisation word alone, 'Ministry', is no evidence about itself.)
    if tokens >= 2 && name.iter().any(|t| lex.org_cues.contains(t)) {
        cues.org += 2.0;
    }
    if tokens == 1 && is_acronym(ws[start].text) && cues.place == 0.0 {
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
        // 'city of Kharkiv', 'the port cities of Odesa', 'the mayor's hometown of Nova Gorica'.
        if prev == "of" && start > 1 && gap(text, ws, start).trim().is_empty() {
            let pp = ws[start - 2].text.to_lowercase();
            if lex.place_cues.contains(&(pp, "before".to_string())) {
                cues.place += 2.0;
            }
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
            if lex.org_cues.contains(&next) && !lex.is_place_cue(&next) {
                cues.org += 0.5;
            }
        }
        if g.trim().is_empty() && SPEECH_VERBS.contains(&next.as_str()) {
            cues.person += 0.8;
            cues.org += 0.3;
        }
        if g.trim().is_empty() && REPORT_VERBS.contains(&next.as_str()) {
            cues.org += 1.0;
        }
        // An appositive of place: 'Valga, a border town in the south'.
        if g.trim() == "," && place_appositive(text, ws, end + 1, lex) {
            cues.place += 2.0;
        }
    }
    // Weak shape cue of Slavic and Germanic place names ('Volchansk', 'Kaliningrad').
    if tokens == 1 {
        let l = &name[0];
        if l.chars().count() > 4
            && ["sk", "grad", "burg", "pol", "polis"]
                .iter()
                .any(|s| l.ends_with(s))
        {
            cues.place += 0.6;
        }
    }
}

/// Whether the words from `a` are an appositive of place: an article, up to four modifiers
/// and a place noun ('a strategic town', 'the hometown of ...').
fn place_appositive(text: &str, ws: &[Word], a: usize, lex: &Lexicons) -> bool {
    let Some(art) = ws.get(a) else {
        return false;
    };
    if !matches!(art.text.to_lowercase().as_str(), "a" | "an" | "the") {
        return false;
    }
    for j in a + 1..(a + 6).min(ws.len()) {
        if gap(text, ws, j) != " " {
            return false;
        }
        let l = ws[j].text.to_lowercase();
        if lex.is_place_cue(&l) && !matches!(l.as_str(), "in" | "to" | "from" | "near" | "across") {
            return true;
        }
        if is_capitalised(ws[j].text) || is_stopword(&l) {
            return false;
        }
    }
    false
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
            ..Document::default()
        }
    }

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        let d = doc(text);
        let mut words = CorpusWords::read(std::slice::from_ref(&d));
        words.lowercase = ["the", "said", "met"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        extract(&d, &words, Lexicons::builtin())
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
                "Late on Friday Kremlin spokesman Dmitri S. Peskov called the date of Trump-Pudin's meeting open, Trump said."
            ),
            vec![
                ("Kremlin".into(), None),
                ("Dmitri S. Peskov".into(), Some("Kremlin spokesman".into())),
                ("Trump".into(), None),
                ("Pudin".into(), None),
                ("Trump".into(), None)
            ]
        );
        let v = names("But Mr. Lindqvist, a U.K. trade adviser, later said so.");
        assert_eq!(
            v[0],
            ("Lindqvist".into(), Some("U.K. trade adviser".into()))
        );
        assert_eq!(v[1].0, "U.K");
        let v = names("The talks with UK Secretary of State Anna Berg ended.");
        assert_eq!(v[0], ("UK".into(), None));
        assert_eq!(
            v[1],
            ("Anna Berg".into(), Some("UK Secretary of State".into()))
        );
        let v = names("French President Claire M. Dubois met Paul Brenner in Lyon.");
        assert_eq!(
            v[0],
            ("Claire M. Dubois".into(), Some("French President".into()))
        );
        assert_eq!(v[1].0, "Paul Brenner");
        assert_eq!(v[2].0, "Lyon");
    }

    #[test]
    fn demonyms_as_nouns_and_surnames() {
        let found = |t: &str| names(t).into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        // Adjectives qualify a noun: no name.
        assert!(found("The Russian delegation met the Caspian envoys.").is_empty());
        // A noun after a determiner, before a punctuation mark or a function word.
        assert_eq!(found("Cables failed in the Caribbean."), vec!["Caribbean"]);
        assert_eq!(
            found("One Canadian and one Swiss skier were hurt."),
            vec!["Canadian"]
        );
        // A water body named by an adjective.
        assert_eq!(found("Ships crossed the Caspian sea."), vec!["Caspian"]);
        // A surname of demonym shape after an honorific.
        assert_eq!(found("He met Mr. Marchesian there."), vec!["Marchesian"]);
    }
}
