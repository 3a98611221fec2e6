//! Claim frames: what one sentence says, slot by slot — who (names and their roles), the
//! content words, negation, numbers and what they count, dates, and the modality of its
//! predicates.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;

use crate::dates::{MONTH_NAMES, WEEKDAY_NAMES};
use crate::document::Span;
use crate::text::{fold, is_stopword, words};

use super::lexicons::{Lexicons, ModalClass, TitleKind};
use super::stem::stem;

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Tok {
    /// Byte span in the sentence.
    pub span: Span,
    /// Folded, with a trailing negative clitic removed ('isn't' → 'is') and dots trimmed.
    pub low: String,
    /// Canonical stem (synonyms merged).
    pub canon: String,
    /// Stem of `low` (before synonyms are merged).
    pub stem: String,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// A content word (not a stopword, not a negation cue).
    pub content: bool,
    /// Joined to the previous word by a hyphen ('30-day').
    pub hyphen_prev: bool,
    /// Read as a verb from its place (see [`mark_verbs`]): its more general words are
    /// those of its verb senses.
    pub verb: bool,
}

impl Tok {
    /// The word as written: its span of the sentence `sentence` (both halves of a split
    /// clitic such as "isn't" show the whole word).
    pub fn text<'a>(&self, sentence: &'a str) -> &'a str {
        self.span.slice(sentence)
    }
}

/// Whether a number counts things, measures a duration, or places an event in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NumKind {
    /// '12 soldiers', '86% of the region'.
    Count,
    /// 'a 30-day ceasefire', 'for three days'.
    Duration,
    /// '30 days after', 'two weeks ago'.
    Offset,
}

/// A number with what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct NumSlot {
    /// The value.
    pub value: f64,
    /// Count, duration or time offset.
    pub kind: NumKind,
    /// Time unit ('day') or '%' when there is one.
    pub unit: Option<String>,
    /// Canonical stem of the counted thing, when found.
    pub thing: Option<String>,
    /// 'about', 'more than', ... before it.
    pub approx: bool,
    /// Another reading of the same digits ('75.000' is 75,000 in much of Europe).
    pub alt: Option<f64>,
    /// Number through the counted thing (or unit and its anchor).
    pub span: Span,
}

/// A day named in the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct DateSlot {
    /// Comparable key ('tuesday', 'march 12').
    pub key: String,
    /// Where it is written.
    pub span: Span,
}

/// A person's title or role, normalised for comparison.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoleInfo {
    /// Head of the post ('advisor', 'spokesperson').
    pub head: Option<String>,
    /// Words narrowing the post ('national', 'security').
    pub domains: BTreeSet<String>,
    /// Grades below the post ('deputy').
    pub ranks: BTreeSet<String>,
    /// Only generic words ('official').
    pub generic: bool,
    /// 'former', 'ex-': not comparable.
    pub former: bool,
    /// The head word as written, before role synonyms ('secretary' in 'Press Secretary').
    pub written_head: Option<String>,
    /// The domain words as written ('press' in 'Press Secretary').
    pub written_domains: BTreeSet<String>,
}

/// A name in the sentence and the role written with it.
#[derive(Debug, Clone, PartialEq)]
pub struct NameSlot {
    /// Entity key: `e<index>` from mention clustering, or the folded last word of the name.
    pub key: String,
    /// The name as written.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// The role as written and where, when there is one.
    pub role: Option<(String, Span, RoleInfo)>,
}

/// A predicate under a modal or factive cue, or asserted as done.
#[derive(Debug, Clone, PartialEq)]
pub struct ModalSlot {
    /// Canonical stem of the predicate.
    pub pred: String,
    /// Canonical stem of the first content word after it (its object), if any.
    pub object: Option<String>,
    /// The cue's class; `Perfect` and `Factive` mean done.
    pub class: ModalClass,
    /// Cue through predicate.
    pub span: Span,
}

/// A name supplied by mention extraction (sentence-relative spans).
#[derive(Debug, Clone, PartialEq)]
pub struct GivenName {
    /// Entity key.
    pub key: String,
    /// The name.
    pub span: Span,
    /// Its role, when mention extraction found one.
    pub role: Option<Span>,
}

/// What one sentence says, slot by slot.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    /// The words.
    pub toks: Vec<Tok>,
    /// Token indexes of negation cues (first token of each cue) and their span.
    pub negations: Vec<(usize, Span)>,
    /// Numbers.
    pub numbers: Vec<NumSlot>,
    /// Days.
    pub dates: Vec<DateSlot>,
    /// Names and roles.
    pub names: Vec<NameSlot>,
    /// Predicates with modality.
    pub modals: Vec<ModalSlot>,
    /// Canonical stems of content words.
    pub content: BTreeSet<String>,
    /// Hashes of `content`, sorted: overlap is computed on these (it runs for every
    /// aligned pair, so it must not compare strings).
    pub content_ids: Vec<u64>,
    /// Hashes of every more general word of a content word (from the hypernym lexicon),
    /// sorted, so that "does the other side state a more specific word for `w`" is one
    /// binary search (see [`Frame::states_general`]).
    pub general_ids: Vec<u64>,
    /// Per entry of `content_ids` (same order): hashes of its more general words.
    pub ancestor_ids: Vec<Vec<u64>>,
    /// Indexes of the tokens whose stem has a listed opposite (the only ones the antonym
    /// rule needs to look at); capitalised words inside the sentence (names: 'Gary Stills')
    /// are left out.
    pub antonym_toks: Vec<usize>,
    /// Index of the first auxiliary or copula after a content word ('A black dog | is
    /// running'): the tokens before it are the subject. `None` when there is none
    /// (headlines: 'Stocks close higher').
    pub subject_end: Option<usize>,
    /// Index of the main predicate of a full clause: the first content word after the
    /// auxiliaries that end the subject, past a manner adverb ('A cheetah is | quickly |
    /// running'). `None` without a subject.
    pub predicate: Option<usize>,
    /// Per token, the clause it is in (clauses end at , ; : brackets and quotes, and start
    /// at subordinators such as 'if', 'because', 'while').
    pub clause: Vec<usize>,
    /// Per clause: it is conditional ('if ...', 'unless ...', 'whether ...'), so it asserts
    /// nothing.
    pub conditional: Vec<bool>,
}

/// Words that open a clause of their own.
const SUBORDINATORS: &[&str] = &[
    "if", "unless", "whether", "because", "although", "though", "while", "whereas", "but", "when",
    "after", "before", "since",
];

/// Words that open a conditional clause.
const CONDITIONALS: &[&str] = &["if", "unless", "whether"];

/// Words after which a number is a label, not a count ('UPDATE 2', 'part 3').
const LABEL_WORDS: &[&str] = &[
    "update", "version", "part", "no", "vol", "volume", "edition", "chapter", "page", "number",
];

/// Auxiliaries, copulas and modals: the first one after the subject ends it.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "shall", "should", "must", "does", "do", "did",
];

const TIME_UNITS: &[&str] = &["minute", "hour", "day", "week", "month", "year"];
const OFFSET_WORDS: &[&str] = &["after", "before", "ago", "later", "earlier", "since"];
const APPROX: &[&str] = &[
    "about",
    "around",
    "approximately",
    "nearly",
    "almost",
    "roughly",
    "some",
    "over",
    "than",
    "least",
    "up",
    "estimated",
    "under",
    "several",
    "after",
    "before",
    "shortly",
    "by",
];
/// Adverbs that are not a predicate (a modal's target, a negation's scope).
pub const ADVERBS: &[&str] = &[
    "now", "already", "just", "also", "since", "still", "finally", "recently", "been", "be", "not",
    "yet", "indeed", "truly", "really",
];

/// Builds the frame of `text`; `given` are names found by mention extraction (may be empty,
/// then capitalised words are used).
pub fn build(text: &str, given: &[GivenName], lex: &Lexicons) -> Frame {
    let mut toks = tokenize(text, lex);
    mark_verbs(&mut toks);
    let mut f = Frame {
        toks,
        ..Frame::default()
    };
    find_clauses(&mut f, text);
    find_negations(&mut f, lex);
    find_numbers(&mut f, text, lex);
    find_dates(&mut f);
    find_names(&mut f, text, given, lex);
    find_modals(&mut f, lex);
    f.fill_content(lex);
    f.antonym_toks = (0..f.toks.len())
        .filter(|&i| lex.antonyms.contains_key(&f.toks[i].stem) && !(i > 0 && f.toks[i].cap))
        .collect();
    f.subject_end = subject_end(&f.toks);
    f.predicate = f.subject_end.and_then(|e| predicate(&f.toks, e));
    f
}

/// Splits the sentence into clauses (see [`Frame::clause`]).
fn find_clauses(f: &mut Frame, text: &str) {
    let mut clause = 0;
    f.conditional = vec![false];
    for i in 0..f.toks.len() {
        let t = &f.toks[i];
        let gap = if i == 0 {
            ""
        } else {
            text.get(f.toks[i - 1].span.end..t.span.start).unwrap_or("")
        };
        let punct = gap.contains([',', ';', ':', '(', ')', '"', '\u{201C}', '\u{201D}']);
        let sub = i > 0 && SUBORDINATORS.contains(&t.low.as_str());
        if punct || sub {
            // A clause opened by a subordinator inside a condition stays conditional ('if
            // money was stolen when buying in stores that do not use ...').
            let inherit = sub && !punct && f.conditional[clause];
            clause += 1;
            f.conditional.push(inherit);
        }
        if CONDITIONALS.contains(&t.low.as_str()) {
            f.conditional[clause] = true;
        }
        f.clause.push(clause);
    }
}

/// The text between token `i - 1` and token `i` ('' for the first token).
fn gap<'t>(f: &Frame, text: &'t str, i: usize) -> &'t str {
    match i.checked_sub(1) {
        Some(p) if i < f.toks.len() => text
            .get(f.toks[p].span.end..f.toks[i].span.start)
            .unwrap_or(""),
        _ => "",
    }
}

/// See [`Frame::subject_end`].
fn subject_end(toks: &[Tok]) -> Option<usize> {
    let first_content = toks.iter().position(|t| t.content)?;
    (first_content + 1..toks.len()).find(|&i| AUXILIARIES.contains(&toks[i].low.as_str()))
}

/// See [`Frame::predicate`].
fn predicate(toks: &[Tok], subject_end: usize) -> Option<usize> {
    let first = (subject_end + 1..toks.len()).find(|&i| toks[i].content)?;
    match toks.get(first + 1) {
        Some(next) if manner_adverb(&toks[first]) && next.content => Some(first + 1),
        _ => Some(first),
    }
}

/// A manner adverb by its form ('quickly', 'slowly').
pub(crate) fn manner_adverb(t: &Tok) -> bool {
    t.low.len() > 4 && t.low.ends_with("ly")
}

/// Marks the words whose place makes them verbs: a participle ('-ing', '-ed', or an
/// irregular form) right after an auxiliary, 'being' or 'to' (past manner adverbs and
/// negation: 'is quickly running', 'is not eating'), and an '-ing' form joined by 'and' or
/// 'or' to such a verb ('is dancing and singing').
fn mark_verbs(toks: &mut [Tok]) {
    let adverb = |t: &Tok| manner_adverb(t) || t.low == "not" || t.low == "n't";
    let participle = |t: &Tok| {
        t.low.ends_with("ing")
            || t.low.ends_with("ed")
            || (stem(&t.low) != t.low && !t.low.ends_with('s'))
    };
    let mut seen_verb = false;
    for i in 0..toks.len() {
        if !toks[i].content || !participle(&toks[i]) || adverb(&toks[i]) {
            continue;
        }
        let mut k = i;
        while k > 0 && adverb(&toks[k - 1]) {
            k -= 1;
        }
        let Some(prev) = k.checked_sub(1).map(|p| toks[p].low.as_str()) else {
            continue;
        };
        let after_aux = AUXILIARIES.contains(&prev) || prev == "being" || prev == "to";
        let joined = seen_verb && matches!(prev, "and" | "or") && toks[i].low.ends_with("ing");
        if after_aux || joined {
            toks[i].verb = true;
            seen_verb = true;
        }
    }
}

impl Frame {
    /// Rebuilds the content-word sets after token words changed.
    pub fn refresh_content(&mut self, lex: &Lexicons) {
        self.fill_content(lex);
    }

    fn fill_content(&mut self, lex: &Lexicons) {
        // Each distinct content word once, with whether any of its tokens reads as a verb
        // and whether any does not: a word read as a verb takes the more general words of
        // its verb senses, otherwise those of its noun senses.
        let mut words: Vec<(&str, bool)> = self
            .toks
            .iter()
            .filter(|t| t.content)
            .map(|t| (t.canon.as_str(), t.verb))
            .collect();
        words.sort_unstable();
        words.dedup();
        let mut general: Vec<u64> = Vec::new();
        let mut ids: Vec<(u64, Vec<u64>)> = Vec::with_capacity(words.len());
        for group in words.chunk_by(|a, b| a.0 == b.0) {
            let mut up: Vec<u64> = group
                .iter()
                .flat_map(|&(w, verb)| lex.ancestor_ids(w, verb))
                .copied()
                .collect();
            up.sort_unstable();
            up.dedup();
            general.extend_from_slice(&up);
            ids.push((word_id(group[0].0), up));
        }
        general.sort_unstable();
        general.dedup();
        self.content = words
            .chunk_by(|a, b| a.0 == b.0)
            .map(|g| g[0].0.to_string())
            .collect();
        // One entry per distinct word, so the hashes are distinct (but for a 64-bit
        // collision, where one entry is kept): sorting by the hash alone orders them.
        ids.sort_unstable_by_key(|x| x.0);
        ids.dedup_by_key(|x| x.0);
        (self.content_ids, self.ancestor_ids) = ids.into_iter().unzip();
        self.general_ids = general;
    }

    /// True when `w` is a more general word of one of the frame's content words: the
    /// frame states `w` more specifically ('woman' states 'person').
    pub fn states_general(&self, w: &str) -> bool {
        self.general_ids.binary_search(&word_id(w)).is_ok()
    }
}

/// A stable 64-bit hash (FNV-1a) of a word.
pub fn word_id(w: &str) -> u64 {
    w.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

fn tokenize(text: &str, lex: &Lexicons) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let mut prev_end = None;
    for w in words(text) {
        let folded = fold(w.text);
        let trimmed = folded.trim_matches('.');
        let mut low = if trimmed.len() == folded.len() {
            folded
        } else {
            trimmed.to_string()
        };
        let neg_clitic = low.ends_with("n't") && low.len() > 3;
        let hyphen_prev = prev_end.is_some_and(|e: usize| text.get(e..w.start) == Some("-"));
        prev_end = Some(w.end());
        let span = Span::new(w.start, w.end());
        let cap = w.text.chars().next().is_some_and(char::is_uppercase);
        if neg_clitic {
            // 'isn't' → 'is' + 'n't'; 'can't' → 'can'; 'won't' → 'will'.
            let base = match low.as_str() {
                "won't" => "will".to_string(),
                "can't" => "can".to_string(),
                "shan't" => "shall".to_string(),
                _ => low[..low.len() - 3].to_string(),
            };
            let n = low.len();
            out.push(Tok {
                span,
                low: base,
                canon: String::new(),
                stem: String::new(),
                cap,
                content: false,
                hyphen_prev,
                verb: false,
            });
            low = "n't".into();
            let _ = n;
            out.push(Tok {
                span,
                low,
                canon: String::new(),
                stem: String::new(),
                cap: false,
                content: false,
                hyphen_prev: false,
                verb: false,
            });
            continue;
        }
        let st = stem(&low);
        let canon = lex.canon(&st).to_string();
        let content =
            !is_stopword(&low) && !low.is_empty() && !matches!(low.as_str(), "there" | "'s");
        out.push(Tok {
            span,
            low,
            canon,
            stem: st,
            cap,
            content,
            hyphen_prev,
            verb: false,
        });
    }
    for t in &mut out {
        if t.stem.is_empty() {
            t.stem = stem(&t.low);
        }
        if t.canon.is_empty() {
            t.canon = t.low.clone();
        }
    }
    out
}

/// Range bounds of an ordered phrase table (keys are word lists) from the one-word phrase
/// `[w]` on: the phrases starting with `w` come first.
fn from_word(w: &String) -> (Bound<&[String]>, Bound<&[String]>) {
    (Bound::Included(std::slice::from_ref(w)), Bound::Unbounded)
}

/// True when the first phrase of `from` (a table ranged with [`from_word`]) starts with `w`.
fn starts_phrase<'k>(mut from: impl Iterator<Item = &'k Vec<String>>, w: &str) -> bool {
    from.next()
        .is_some_and(|k| k.first().map(String::as_str) == Some(w))
}

/// Longest phrase of `set` starting at token `i`, as its length in tokens.
fn match_at<'m, T>(
    toks: &[Tok],
    i: usize,
    map: &'m BTreeMap<Vec<String>, T>,
    max: usize,
) -> Option<(usize, &'m T)> {
    // Most words start no phrase: one ordered lookup says so without building a key.
    let first = &toks.get(i)?.low;
    if !starts_phrase(
        map.range::<[String], _>(from_word(first)).map(|(k, _)| k),
        first,
    ) {
        return None;
    }
    let mut key: Vec<String> = Vec::new();
    let mut best = None;
    for (n, t) in toks.iter().skip(i).take(max.max(1)).enumerate() {
        key.push(t.low.clone());
        if let Some(v) = map.get(&key) {
            best = Some((n + 1, v));
        }
    }
    best
}

fn find_negations(f: &mut Frame, lex: &Lexicons) {
    let mut i = 0;
    while i < f.toks.len() {
        let mut len = 0;
        let mut key: Vec<String> = Vec::new();
        let first = &f.toks[i].low;
        let end = if starts_phrase(lex.negation.range::<[String], _>(from_word(first)), first) {
            f.toks.len().min(i + lex.max_phrase.max(1))
        } else {
            i
        };
        for j in i..end {
            key.push(f.toks[j].low.clone());
            if lex.negation.contains(&key) {
                len = j + 1 - i;
            }
        }
        if len > 0 {
            // 'not only', 'no longer' keep the claim (or change it in ways not handled here).
            let next = f.toks.get(i + len).map(|t| t.low.as_str());
            let skip = matches!(next, Some("only") | Some("doubt"))
                || (f.toks[i].low == "no" && next == Some("longer"))
                || f.conditional.get(f.clause[i]).copied().unwrap_or(false)
                || possible_before(f, i);
            if !skip {
                let span = Span::new(f.toks[i].span.start, f.toks[i + len - 1].span.end);
                f.negations.push((i, span));
                for t in &mut f.toks[i..i + len] {
                    t.content = false;
                }
            }
            i += len;
        } else {
            i += 1;
        }
    }
}

/// Whether a modal of possibility ('may', 'could', 'might') stands before token `i` in its
/// clause: 'may not' asserts nothing that 'may' denies.
fn possible_before(f: &Frame, i: usize) -> bool {
    let c = f.clause[i];
    (0..i)
        .rev()
        .take_while(|&k| f.clause[k] == c)
        .any(|k| POSSIBILITY.contains(&f.toks[k].low.as_str()))
}

/// Modals of possibility.
const POSSIBILITY: &[&str] = &["may", "might", "could", "possibly", "perhaps", "maybe"];

/// The first words of a dateline ('Updated: November 11, 2011 18:50 IST'): its numbers are
/// the page's, not the story's.
const DATELINE_WORDS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "last",
    "created",
    "modified",
];

/// Units of measure, with the factor to a common unit (so '40 miles' is '64 kilometres').
const MEASURES: &[(&str, &str, f64)] = &[
    ("mile", "km", 1.609),
    ("kilometr", "km", 1.0),
    ("kilomet", "km", 1.0),
    ("km", "km", 1.0),
    ("metr", "m", 1.0),
    ("meter", "m", 1.0),
    ("foot", "m", 0.3048),
    ("feet", "m", 0.3048),
    ("yard", "yard", 1.0),
    ("inch", "m", 0.0254),
    ("pound", "kg", 0.4536),
    ("kilogram", "kg", 1.0),
    ("kg", "kg", 1.0),
    ("ton", "t", 1.0),
    ("tonn", "t", 1.0),
];

/// The common unit and factor of a measure word (by stem), if it is one.
fn measure(stem: &str) -> Option<(&'static str, f64)> {
    MEASURES
        .iter()
        .find(|(p, _, _)| stem == *p || (p.len() >= 5 && stem.starts_with(p)))
        .map(|(_, u, k)| (*u, *k))
}

/// Words that may stand between a number and what it counts ('12 more soldiers').
const BETWEEN_NUMBER_AND_THING: &[&str] = &[
    "more",
    "other",
    "additional",
    "new",
    "extra",
    "fewer",
    "less",
];

/// Words after a number that make it count a part of a whole ('three other rifles').
const PART_WORDS: &[&str] = &[
    "more",
    "other",
    "additional",
    "extra",
    "further",
    "remaining",
];

fn number_value(toks: &[Tok], i: usize, lex: &Lexicons) -> Option<(f64, usize)> {
    let t = &toks[i];
    if t.low
        .trim_start_matches(',')
        .starts_with(|c: char| c.is_ascii_digit())
    {
        let digits: String = t.low.chars().filter(|c| *c != ',').collect();
        let v: f64 = digits.parse().ok()?;
        // '1.5 million'
        if let Some(n) = toks.get(i + 1) {
            if let Some(m) = lex.numbers.get(std::slice::from_ref(&n.low)) {
                if *m >= 100.0 {
                    return Some((v * m, 2));
                }
            }
        }
        return v.is_finite().then_some((v, 1));
    }
    let (len, v) = match_at(toks, i, &lex.numbers, lex.max_phrase)?;
    // 'one' is too often a pronoun ('one of them', 'the one'); keep it only before a noun.
    if t.low == "one" || t.low == "half" {
        return None;
    }
    // 'twenty thousand', like '20 thousand'.
    if *v < 100.0 {
        if let Some(m) = toks
            .get(i + len)
            .and_then(|n| lex.numbers.get(std::slice::from_ref(&n.low)))
            .filter(|m| **m >= 1000.0)
        {
            return Some((v * m, len + 1));
        }
    }
    Some((*v, len))
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The other reading of '75.000' or '1.898' (a dot grouping thousands), when there is one.
fn thousands_reading(t: &str) -> Option<f64> {
    let groups: Vec<&str> = t.split('.').collect();
    let ok = groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups.iter().all(|g| is_digits(g))
        && groups[1..].iter().all(|g| g.len() == 3);
    ok.then(|| groups.concat().parse().ok()).flatten()
}

/// Whether a word reads as a verb form ('killed', 'rising'): a noun phrase ends before it.
fn verb_form(t: &Tok) -> bool {
    t.low.len() > 4 && (t.low.ends_with("ed") || t.low.ends_with("ing"))
}

/// The head of the noun phrase that starts at token `j` (a content word): the last of up to
/// four content words joined by spaces or hyphens ('1,898 detected cases', 'seven AK-47
/// assault rifles'), stopping before punctuation and verb forms.
fn np_head(f: &Frame, text: &str, j: usize, lex: &Lexicons) -> usize {
    let mut h = j;
    while h + 1 < f.toks.len() && h < j + 3 {
        let next = &f.toks[h + 1];
        let joined = matches!(gap(f, text, h + 1), " " | "-");
        let numeric = number_value(&f.toks, h + 1, lex).is_some();
        let ok =
            joined && next.content && !verb_form(next) && (!numeric || gap(f, text, h + 1) == "-");
        if !ok {
            break;
        }
        h += 1;
    }
    h
}

fn find_numbers(f: &mut Frame, text: &str, lex: &Lexicons) {
    let n = f.toks.len();
    if f.toks
        .first()
        .is_some_and(|t| DATELINE_WORDS.contains(&t.low.as_str()))
    {
        return;
    }
    let mut i = 0;
    while i < n {
        let Some((mut value, len)) = number_value(&f.toks, i, lex) else {
            i += 1;
            continue;
        };
        let mut after = i + len;
        let label = i >= 1 && LABEL_WORDS.contains(&f.toks[i - 1].low.as_str());
        // Scores and ranges ('won 20-13', '10-15 people') are not one count each.
        let paired = after < n
            && matches!(gap(f, text, after), "-" | "\u{2013}")
            && is_digits(&f.toks[after].low);
        // A day before its month ('14 October 2011') is a date.
        let day_first =
            after < n && f.toks[after].cap && MONTH_NAMES.contains(&f.toks[after].low.as_str());
        if label || paired || day_first {
            i = after + usize::from(paired);
            continue;
        }
        let approx = (i >= 1 && APPROX.contains(&f.toks[i - 1].low.as_str()))
            || (i >= 2 && f.toks[i - 1].low == "than")
            || f.toks.get(after).is_some_and(|t| t.low == "or");
        let alt = (len == 1)
            .then(|| thousands_reading(&f.toks[i].low))
            .flatten();
        let start = f.toks[i].span.start;
        let mut kind = NumKind::Count;
        let mut unit = None;
        let mut thing = None;
        // Time of day: '6:00 p.m.' is '6 p.m.'. A clock reading without 'a.m.'/'p.m.'
        // ('ate up 6:05 of the clock', 'at 18:50 IST') is left alone.
        let mut clock = false;
        if after < n
            && gap(f, text, after).trim() == ":"
            && f.toks[after].low.len() == 2
            && is_digits(&f.toks[after].low)
        {
            value += f.toks[after].low.parse::<f64>().unwrap_or(0.0) / 60.0;
            after += 1;
            clock = true;
        }
        if let Some(m) = f
            .toks
            .get(after)
            .map(|t| t.low.as_str())
            .filter(|m| matches!(*m, "p.m" | "pm" | "a.m" | "am"))
        {
            if m.starts_with('p') && value < 12.0 {
                value += 12.0;
            }
            after += 1;
            unit = Some("time".to_string());
        } else if clock {
            i = after;
            continue;
        }
        // '4-plus earthquake': at least four.
        let plus = f
            .toks
            .get(after)
            .is_some_and(|t| t.low == "plus" && t.hyphen_prev);
        let approx = approx || plus;
        after += usize::from(plus);
        // A mixed number: '4 1/2'.
        if after + 1 < n
            && gap(f, text, after) == " "
            && is_digits(&f.toks[after].low)
            && gap(f, text, after + 1) == "/"
            && is_digits(&f.toks[after + 1].low)
        {
            let (p, q): (f64, f64) = (
                f.toks[after].low.parse().unwrap_or(0.0),
                f.toks[after + 1].low.parse().unwrap_or(1.0),
            );
            if q > p && p > 0.0 {
                value += p / q;
                after += 2;
            }
        }
        // A fraction: '3/4', and '41/2', a mixed number set without its space (4 1/2).
        if unit.is_none()
            && after < n
            && gap(f, text, after) == "/"
            && is_digits(&f.toks[after].low)
        {
            let (num, den) = (&f.toks[i].low, &f.toks[after].low);
            let d: f64 = den.parse().unwrap_or(1.0);
            let last = num.chars().last().and_then(|c| c.to_digit(10)).unwrap_or(0) as f64;
            value = if num.len() >= 2 && is_digits(num) && last < d && d > 0.0 {
                num[..num.len() - 1].parse::<f64>().unwrap_or(0.0) + last / d
            } else if d > 0.0 {
                value / d
            } else {
                value
            };
            after += 1;
        }
        let mut end = f.toks[after - 1].span.end;
        let rest = text.get(end..).unwrap_or("");
        if unit.is_some() {
            thing = unit.clone();
        } else if rest.starts_with('%') || f.toks.get(after).is_some_and(|t| t.low == "percent") {
            unit = Some("%".to_string());
            end += if rest.starts_with('%') { 1 } else { 0 };
            // '86% of the region'
            let mut j = after + usize::from(!rest.starts_with('%'));
            if f.toks.get(j).is_some_and(|t| t.low == "of") {
                j += 1;
            }
            while f.toks.get(j).is_some_and(|t| !t.content) && j < after + 4 {
                j += 1;
            }
            if f.toks.get(j).is_some_and(|t| t.content) {
                let h = np_head(f, text, j, lex);
                thing = Some(f.toks[h].canon.clone());
                end = f.toks[h].span.end;
            }
        } else if let Some(u) = f
            .toks
            .get(after)
            .filter(|t| TIME_UNITS.contains(&stem(&t.low).as_str()))
        {
            unit = Some(stem(&u.low));
            end = u.span.end;
            let old = f
                .toks
                .get(after + 1)
                .filter(|o| o.low == "old" && o.hyphen_prev);
            if u.hyphen_prev && old.is_some() {
                // An age: '10-year-old Kathina' counts Kathina's years, not a baby's.
                let who = (after + 2..n.min(after + 4)).find(|&k| f.toks[k].content);
                let Some(w) = who else {
                    i = after;
                    continue;
                };
                let h = np_head(f, text, w, lex);
                unit = Some("age".to_string());
                thing = Some(f.toks[h].canon.clone());
                end = f.toks[h].span.end;
            } else if u.hyphen_prev {
                kind = NumKind::Duration;
                if let Some(t) = f.toks.get(after + 1).filter(|t| t.content) {
                    thing = Some(t.canon.clone());
                    end = t.span.end;
                }
            } else if let Some(o) = f
                .toks
                .get(after + 1)
                .filter(|t| OFFSET_WORDS.contains(&t.low.as_str()))
            {
                kind = NumKind::Offset;
                end = o.span.end;
            } else {
                kind = NumKind::Duration;
            }
        } else if let Some((u, k)) = f.toks.get(after).and_then(|t| measure(&t.stem)) {
            // A measure: '40 miles north' measures miles, in a common unit.
            value *= k;
            unit = Some(u.to_string());
            thing = unit.clone();
            end = f.toks[after].span.end;
            // A measure joined to its number ('an 86-yard run') describes the noun after
            // it: it measures the run, not a total of yards ('ran for 226 yards').
            let head = (after + 1 < n && f.toks[after].hyphen_prev && f.toks[after + 1].content)
                .then(|| np_head(f, text, after + 1, lex));
            if let Some(h) = head {
                thing = Some(f.toks[h].canon.clone());
                end = f.toks[h].span.end;
            }
        } else {
            let mut j = after;
            while j < n
                && j < after + 2
                && BETWEEN_NUMBER_AND_THING.contains(&f.toks[j].low.as_str())
            {
                j += 1;
            }
            // The counted thing follows in the same phrase: no punctuation between.
            let attached = (after..=j.min(n.saturating_sub(1)))
                .all(|k| !gap(f, text, k).contains([',', ';', ':', '(', ')', '"']));
            if j < n && attached && f.toks[j].content && number_value(&f.toks, j, lex).is_none() {
                let h = np_head(f, text, j, lex);
                // '3 other rifles', '12 more soldiers' count a part (the rest, an
                // increment), not the whole: they clash only with another such part.
                let part = f
                    .toks
                    .get(after)
                    .is_some_and(|t| PART_WORDS.contains(&t.low.as_str()));
                let canon = &f.toks[h].canon;
                thing = Some(if part {
                    format!("part:{canon}")
                } else {
                    canon.clone()
                });
                end = f.toks[h].span.end;
            }
        }
        // A year ('in 2024') or a day of the month is a date, not a count.
        let is_year = unit.is_none() && thing.is_none() && (1900.0..=2100.0).contains(&value);
        let prev_month = i >= 1 && MONTH_NAMES.contains(&f.toks[i - 1].low.as_str());
        if !is_year && !prev_month {
            f.numbers.push(NumSlot {
                value,
                kind,
                unit,
                thing,
                approx,
                alt,
                span: Span::new(start, end),
            });
        }
        i = after;
    }
}

fn find_dates(f: &mut Frame) {
    for (i, t) in f.toks.iter().enumerate() {
        if WEEKDAY_NAMES.contains(&t.low.as_str()) {
            f.dates.push(DateSlot {
                key: t.low.clone(),
                span: t.span,
            });
        } else if t.cap && MONTH_NAMES.contains(&t.low.as_str()) && t.low != "may" {
            // '14 October' as well as 'October 14'.
            let before = i
                .checked_sub(1)
                .map(|p| &f.toks[p])
                .filter(|d| d.low.len() <= 2 && d.low.chars().all(|c| c.is_ascii_digit()));
            if let Some(d) = before {
                f.dates.push(DateSlot {
                    key: format!("{} {}", t.low, d.low.trim_start_matches('0')),
                    span: Span::new(d.span.start, t.span.end),
                });
                continue;
            }
            if let Some(d) = f
                .toks
                .get(i + 1)
                .filter(|d| d.low.len() <= 2 && d.low.chars().all(|c| c.is_ascii_digit()))
            {
                f.dates.push(DateSlot {
                    key: format!("{} {}", t.low, d.low.trim_start_matches('0')),
                    span: Span::new(t.span.start, d.span.end),
                });
            }
        }
    }
}

/// Normalises the words of a role.
pub fn role_info(words_low: &[String], lex: &Lexicons) -> RoleInfo {
    let mut r = RoleInfo::default();
    let mut i = 0;
    let mut saw_generic = false;
    let mut heads = 0;
    while i < words_low.len() {
        let mut best: Option<(usize, Option<&String>, Option<TitleKind>)> = None;
        for len in (1..=lex.max_phrase.min(words_low.len() - i)).rev() {
            let key = &words_low[i..i + len];
            let syn = lex.role_synonyms.get(key);
            let kind = lex.titles.get(key).copied();
            if syn.is_some() || kind.is_some() {
                best = Some((len, syn, kind));
                break;
            }
        }
        match best {
            Some((len, syn, kind)) => {
                let word = syn
                    .cloned()
                    .unwrap_or_else(|| words_low[i..i + len].join(" "));
                match kind.unwrap_or(TitleKind::Head) {
                    TitleKind::Head => {
                        heads += 1;
                        r.head = Some(word);
                    }
                    TitleKind::Domain => {
                        r.domains.insert(word);
                    }
                    TitleKind::Rank => {
                        r.ranks.insert(word);
                    }
                    TitleKind::Generic => saw_generic = true,
                    TitleKind::Former => r.former = true,
                    TitleKind::Mod => {}
                }
                i += len;
            }
            None => i += 1,
        }
    }
    for w in words_low {
        match lex.titles.get(std::slice::from_ref(w)) {
            Some(TitleKind::Head) => r.written_head = Some(w.clone()),
            Some(TitleKind::Domain) => {
                r.written_domains.insert(w.clone());
            }
            _ => {}
        }
    }
    // Two posts in one phrase ('Deputy Prime Minister and Presidential Envoy'): the person
    // holds both, so neither is compared alone.
    r.generic = (saw_generic && r.head.is_none()) || heads > 1;
    r
}

/// Whether the role written at `role` (a span of the sentence) ends a chain of titles
/// joined by 'of' or 'to' ('adviser to the head of the office of the Ukrainian president
/// Alexey Arestovich'): the title may describe the head of that chain, not the name after
/// it. ('spoke to President Trump' and 'the office of President Zelensky' keep theirs.)
pub fn role_after_preposition(toks: &[Tok], role: Span, lex: &Lexicons) -> bool {
    let Some(first) = toks.iter().position(|t| t.span.start >= role.start) else {
        return false;
    };
    let mut k = first;
    while k > 0 && matches!(toks[k - 1].low.as_str(), "the" | "a" | "an") {
        k -= 1;
    }
    if k == 0 || !matches!(toks[k - 1].low.as_str(), "of" | "to") {
        return false;
    }
    (k.saturating_sub(7)..k - 1).any(|p| is_title(toks, p, lex))
}

fn is_title(toks: &[Tok], i: usize, lex: &Lexicons) -> bool {
    lex.titles.contains_key(std::slice::from_ref(&toks[i].low))
}

fn is_head_or_domain(toks: &[Tok], i: usize, lex: &Lexicons) -> bool {
    matches!(
        lex.titles.get(std::slice::from_ref(&toks[i].low)),
        Some(TitleKind::Head | TitleKind::Domain | TitleKind::Rank | TitleKind::Former)
    )
}

fn namey(t: &Tok, lex: &Lexicons) -> bool {
    t.cap
        && t.low.chars().next().is_some_and(char::is_alphabetic)
        && !is_stopword(&t.low)
        && !WEEKDAY_NAMES.contains(&t.low.as_str())
        && !MONTH_NAMES.contains(&t.low.as_str())
        && !lex.numbers.contains_key(std::slice::from_ref(&t.low))
        && !lex.negation.contains(std::slice::from_ref(&t.low))
        && !matches!(t.low.as_str(), "there" | "mr" | "mrs" | "ms" | "dr" | "n't")
}

/// The role written before token `start` (title words, possibly capitalised) or in an
/// appositive after token `end` (', a U.S. national security adviser,').
fn role_around(
    f: &Frame,
    text: &str,
    start: usize,
    end: usize,
    lex: &Lexicons,
) -> Option<(String, Span, RoleInfo)> {
    let toks = &f.toks;
    // Before: title words (or honorifics) right before the name.
    let mut j = start;
    let joined = |k: usize| {
        text.get(toks[k].span.end..toks[k + 1].span.start)
            .is_some_and(|g| g.chars().all(|c| c.is_whitespace() || c == '-' || c == '.'))
    };
    while j > 0 && joined(j - 1) {
        let t = &toks[j - 1];
        let title =
            is_title(toks, j - 1, lex) || (t.low == "of" && j >= 2 && is_title(toks, j - 2, lex));
        // Capitalised words inside a title ('Foreign Policy Advisor', 'Middle East envoy').
        let cap_part = t.cap && !is_stopword(&t.low) && !t.low.contains('\'');
        if !(title || cap_part) {
            break;
        }
        j -= 1;
    }
    // 'Secretary of State Marco Rubio': 'State' is a domain word.
    if j < start && !role_after_preposition(toks, toks[j].span, lex) {
        let words_low: Vec<String> = toks[j..start].iter().map(|t| t.low.clone()).collect();
        let info = role_info(&words_low, lex);
        if info.head.is_some() || !info.domains.is_empty() {
            let span = Span::new(toks[j].span.start, toks[start - 1].span.end);
            return Some((span.slice(text).to_string(), span, info));
        }
    }
    // After: ', a U.S. national security adviser'
    let last = toks.get(end.checked_sub(1)?)?;
    let next = toks.get(end)?;
    let gap = text.get(last.span.end..next.span.start).unwrap_or("");
    if !gap.contains(',') {
        return None;
    }
    let mut k = end;
    if matches!(
        next.low.as_str(),
        "a" | "an" | "the" | "his" | "her" | "its" | "their"
    ) {
        k += 1;
    }
    let first = k;
    let mut last_head = None;
    while k < toks.len()
        && k < first + 6
        && (is_title(toks, k, lex) || toks[k].cap || toks[k].low == "of")
    {
        if is_head_or_domain(toks, k, lex) {
            last_head = Some(k);
        }
        if k > first
            && text
                .get(toks[k - 1].span.end..toks[k].span.start)
                .is_some_and(|g| g.contains(','))
        {
            break;
        }
        k += 1;
    }
    let lh = last_head?;
    let words_low: Vec<String> = toks[first..=lh].iter().map(|t| t.low.clone()).collect();
    let info = role_info(&words_low, lex);
    info.head.as_ref()?;
    let span = Span::new(toks[first].span.start, toks[lh].span.end);
    Some((span.slice(text).to_string(), span, info))
}

fn find_names(f: &mut Frame, text: &str, given: &[GivenName], lex: &Lexicons) {
    let mut names = Vec::new();
    if !given.is_empty() {
        for g in given {
            let start = f.toks.iter().position(|t| t.span.start >= g.span.start);
            let end = f
                .toks
                .iter()
                .rposition(|t| t.span.end <= g.span.end)
                .map(|e| e + 1);
            let role = match (g.role, start, end) {
                (Some(r), _, _) => {
                    let words_low: Vec<String> = f
                        .toks
                        .iter()
                        .filter(|t| t.span.start >= r.start && t.span.end <= r.end)
                        .map(|t| t.low.clone())
                        .collect();
                    Some((r.slice(text).to_string(), r, role_info(&words_low, lex)))
                }
                (None, Some(s), Some(e)) if s < e => role_around(f, text, s, e, lex),
                _ => None,
            };
            names.push(NameSlot {
                key: g.key.clone(),
                name: g.span.slice(text).to_string(),
                span: g.span,
                role,
            });
        }
    } else {
        let n = f.toks.len();
        let mut i = 0;
        while i < n {
            if !namey(&f.toks[i], lex) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && namey(&f.toks[j], lex) {
                j += 1;
            }
            // Leading title words inside the capitalised run are the role, not the name.
            let mut s = i;
            for k in i..j {
                if is_title(&f.toks, k, lex) {
                    s = k + 1;
                }
            }
            let inside_role = names.iter().any(|n: &NameSlot| {
                n.role.as_ref().is_some_and(|r| {
                    r.1.start <= f.toks[s.min(j - 1)].span.start
                        && f.toks[j - 1].span.end <= r.1.end
                })
            });
            if s < j && !inside_role {
                let span = Span::new(f.toks[s].span.start, f.toks[j - 1].span.end);
                let role = role_around(f, text, s, j, lex);
                names.push(NameSlot {
                    key: fold(&f.toks[j - 1].low),
                    name: span.slice(text).to_string(),
                    span,
                    role,
                });
            }
            i = j;
        }
    }
    f.names = names;
}

fn looks_done(t: &Tok) -> bool {
    t.low.ends_with("ed")
        || t.low.ends_with("en")
        || stem(&t.low) != t.low && !t.low.ends_with("ing") && !t.low.ends_with('s')
}

fn find_modals(f: &mut Frame, lex: &Lexicons) {
    let n = f.toks.len();
    let mut i = 0;
    while i < n {
        let Some((len, class)) = match_at(&f.toks, i, &lex.modality, lex.max_phrase) else {
            i += 1;
            continue;
        };
        // 'in May' is a month, not a modal.
        if f.toks[i].cap && f.toks[i].low == "may" && i > 0 {
            i += 1;
            continue;
        }
        let class = *class;
        let cue_ends_to = f.toks[i + len - 1].low == "to";
        let mut target = None;
        match class {
            ModalClass::Need if !cue_ends_to => {
                // 'need for the US to persuade', 'must persuade', 'urged Russia to accept'
                let mut k = i + len;
                while k < n && k < i + len + 6 {
                    if f.toks[k].low == "to" {
                        target = (k + 1 < n).then_some(k + 1);
                        break;
                    }
                    k += 1;
                }
                if target.is_none() {
                    // 'should now be sent': the adverb is not the predicate.
                    target = (i + len..n.min(i + len + 3))
                        .find(|&k| f.toks[k].content && !ADVERBS.contains(&f.toks[k].low.as_str()));
                }
            }
            ModalClass::Perfect => {
                let mut k = i + len;
                while k < n && ADVERBS.contains(&f.toks[k].low.as_str()) {
                    k += 1;
                }
                if k < n && f.toks[k].content && looks_done(&f.toks[k]) {
                    target = Some(k);
                }
            }
            _ => {
                let mut k = i + len;
                while k < n
                    && k < i + len + 3
                    && (!f.toks[k].content || ADVERBS.contains(&f.toks[k].low.as_str()))
                {
                    k += 1;
                }
                if k < n && f.toks[k].content && k < i + len + 3 {
                    target = Some(k);
                }
            }
        }
        if let Some(t) = target {
            let object = f.toks[t + 1..n.min(t + 4)]
                .iter()
                .find(|x| x.content)
                .map(|x| x.canon.clone());
            f.modals.push(ModalSlot {
                pred: f.toks[t].canon.clone(),
                object,
                class,
                span: Span::new(f.toks[i].span.start, f.toks[t].span.end),
            });
        }
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(s: &str) -> Frame {
        build(s, &[], &Lexicons::builtin())
    }

    #[test]
    fn negation_and_clitics() {
        let f = frame("The boy isn't playing in the mud");
        assert_eq!(f.negations.len(), 1);
        assert!(f.content.contains("play"));
        assert!(!f.content.contains("n't"));
    }

    #[test]
    fn numbers_kinds() {
        let f = frame("The talks came 30 days after officials agreed to a 30-day truce and 86% of the region.");
        let kinds: Vec<_> = f
            .numbers
            .iter()
            .map(|n| (n.value, n.kind, n.thing.clone()))
            .collect();
        assert_eq!(kinds[0].1, NumKind::Offset);
        assert_eq!(kinds[1].1, NumKind::Duration);
        assert_eq!(kinds[1].2, Some(stem("ceasefire")));
        assert_eq!(kinds[2].2, Some(stem("region")));
    }

    #[test]
    fn roles_before_and_after() {
        let s =
            "National Security Advisor Jane Roe met Tom Poe, a U.S. deputy trade envoy, on Friday.";
        let f = frame(s);
        assert_eq!(f.names.len(), 2, "{:?}", f.names);
        let (t, _, r) = f.names[0].role.clone().unwrap();
        assert_eq!(t, "National Security Advisor");
        assert_eq!(r.head.as_deref(), Some("advisor"));
        let (t2, _, r2) = f.names[1].role.clone().unwrap();
        assert_eq!(t2, "U.S. deputy trade envoy");
        assert!(r2.ranks.contains("deputy"));
        assert_eq!(f.dates[0].key, "friday");
    }

    #[test]
    fn modality_cues() {
        let f = frame("The minister has now convinced the rebels to agree.");
        let done = f
            .modals
            .iter()
            .find(|m| m.class == ModalClass::Perfect)
            .unwrap();
        let g = frame("He stressed the need for the EU to persuade the rebels.");
        let need = g
            .modals
            .iter()
            .find(|m| m.class == ModalClass::Need)
            .unwrap();
        assert_eq!(done.pred, need.pred);
        assert_eq!(done.object, need.object);
    }
}
