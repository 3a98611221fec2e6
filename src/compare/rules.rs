//! The contradiction and agreement rules, after de Marneffe et al. (2008): each rule looks
//! at one slot of the two claim frames and fires only when the same slot holds incompatible
//! values.

use crate::document::Span;
use crate::report::Reason;
use std::collections::BTreeSet;

use super::explain;
use super::frame::{Frame, NameSlot, NumKind, NumSlot, RoleInfo};
use super::lexicons::{Lexicons, ModalClass};
use super::stem::stem;
use super::CompareConfig;

/// One rule that fired.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Reason code.
    pub code: Reason,
    /// In [0, 1].
    pub confidence: f64,
    /// True when the two claims cannot both be true; false for a difference that only
    /// makes the pair partial.
    pub contradiction: bool,
    /// Evidence in the first sentence (sentence-relative).
    pub span_a: Vec<Span>,
    /// Evidence in the second sentence.
    pub span_b: Vec<Span>,
    /// One sentence naming the conflicting words.
    pub explanation: String,
    /// The slot and the two values, so that every pair of sentences stating one fact two
    /// ways becomes one finding.
    pub fact: Fact,
}

/// What a contradiction is about: whose slot, and the value each side gives it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Fact {
    /// Whose slot: an entity key, the counted thing, the negated predicate (may be empty).
    pub subject: String,
    /// The value in the first sentence, normalised ('40', 'advisor|national,security').
    pub value_a: String,
    /// The value in the second sentence.
    pub value_b: String,
}

impl Fact {
    fn new(subject: impl Into<String>, a: impl Into<String>, b: impl Into<String>) -> Fact {
        Fact {
            subject: subject.into(),
            value_a: a.into(),
            value_b: b.into(),
        }
    }
}

/// One side of a comparison.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// Its frame.
    pub frame: &'a Frame,
    /// Its text.
    pub text: &'a str,
    /// Its name in explanations ('A', a document id).
    pub label: &'a str,
}

/// Word overlap of two frames.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    /// Shared content words.
    pub shared: usize,
    /// Share of A's content words found in B.
    pub cover_a: f64,
    /// Share of B's content words found in A.
    pub cover_b: f64,
}

impl Overlap {
    /// The smaller coverage.
    pub fn min(&self) -> f64 {
        self.cover_a.min(self.cover_b)
    }
    /// The larger coverage.
    pub fn max(&self) -> f64 {
        self.cover_a.max(self.cover_b)
    }
}

/// Content-word overlap: a word counts as found when the other side has it, a more
/// specific word for it, or a more general one.
pub fn overlap(a: &Frame, b: &Frame, _lex: &Lexicons) -> Overlap {
    let found = |w: u64, up: &[u64], other: &Frame| {
        other.content_ids.binary_search(&w).is_ok()
            || other.general_ids.binary_search(&w).is_ok()
            || up
                .iter()
                .any(|g| other.content_ids.binary_search(g).is_ok())
    };
    let count = |x: &Frame, y: &Frame| {
        x.content_ids
            .iter()
            .zip(&x.ancestor_ids)
            .filter(|(w, up)| found(**w, up, y))
            .count()
    };
    let (na, nb) = (count(a, b), count(b, a));
    let (a_len, b_len) = (a.content_ids.len(), b.content_ids.len());
    let cov = |k: usize, n: usize| if n == 0 { 0.0 } else { k as f64 / n as f64 };
    Overlap {
        shared: na.min(nb),
        cover_a: cov(na, a_len),
        cover_b: cov(nb, b_len),
    }
}

/// Share of `a`'s content words (except `skip`) that `b` states, or states more
/// specifically ('woman' states 'person').
fn cover_without(a: &BTreeSet<String>, b: &BTreeSet<String>, skip: &[&str], lex: &Lexicons) -> f64 {
    let a: Vec<&String> = a.iter().filter(|w| !skip.contains(&w.as_str())).collect();
    if a.is_empty() {
        return 0.0;
    }
    let found = |w: &String| b.contains(w) || b.iter().any(|o| lex.is_a(o, w));
    // (`b` is a plain word set here, usually a handful of words.)
    a.iter().filter(|w| found(w)).count() as f64 / a.len() as f64
}

/// Runs every rule on both orders and returns the hits, sorted (contradictions first, then
/// by confidence).
pub fn run(a: Side, b: Side, cfg: &CompareConfig) -> Vec<Hit> {
    let mut hits = Vec::new();
    // Titles belong to the person whatever the claim; every other slot clashes only within
    // one incident.
    roles(a, b, cfg, &mut hits);
    let one_incident = same_incident(a.frame, b.frame);
    if one_incident {
        negation(a, b, cfg, &mut hits);
        antonym(a, b, cfg, &mut hits);
        offset_vs_duration(a, b, cfg, &mut hits);
        count_mismatch(a, b, cfg, &mut hits);
        modality(a, b, cfg, &mut hits);
    }
    if names_agree(a.frame, b.frame) {
        dates(a, b, cfg, &mut hits);
    }
    // Rules that look one way are also run the other way; their sides are swapped back.
    let mut rev = Vec::new();
    if one_incident {
        offset_vs_duration(b, a, cfg, &mut rev);
        modality(b, a, cfg, &mut rev);
    }
    hits.extend(rev.into_iter().map(|h| swap(h, true)));
    hits.sort_by(|x, y| {
        y.contradiction
            .cmp(&x.contradiction)
            .then(y.confidence.total_cmp(&x.confidence))
            .then(x.code.as_str().cmp(y.code.as_str()))
            .then(x.explanation.cmp(&y.explanation))
    });
    hits
}

/// Whether the two sentences name the same people and places: one names none the other
/// lacks, or they share at least as many names as either has of its own. Otherwise they
/// speak of two incidents ('5 killed in Pakistan blast' / '3 killed in Boston blasts').
fn names_agree(a: &Frame, b: &Frame) -> bool {
    fn keys(f: &Frame) -> BTreeSet<&str> {
        f.names.iter().map(|n| n.key.as_str()).collect()
    }
    let (ka, kb) = (keys(a), keys(b));
    let shared = ka.intersection(&kb).count();
    let (only_a, only_b) = (ka.len() - shared, kb.len() - shared);
    only_a == 0 || only_b == 0 || shared >= only_a.max(only_b)
}

/// The same-incident check before any clash but a title's: the sentences do not name
/// different people or places (see [`names_agree`]), and when both name days, they share
/// one ('open higher Monday' / 'close lower Thursday' are two trading days).
pub fn same_incident(a: &Frame, b: &Frame) -> bool {
    let days_agree = a.dates.is_empty()
        || b.dates.is_empty()
        || a.dates
            .iter()
            .any(|x| b.dates.iter().any(|y| x.key == y.key));
    names_agree(a, b) && days_agree
}

fn swap(mut h: Hit, swapped: bool) -> Hit {
    if swapped {
        std::mem::swap(&mut h.span_a, &mut h.span_b);
        std::mem::swap(&mut h.fact.value_a, &mut h.fact.value_b);
    }
    h
}

fn negation(a: Side, b: Side, cfg: &CompareConfig, hits: &mut Vec<Hit>) {
    let (na, nb) = (!a.frame.negations.is_empty(), !b.frame.negations.is_empty());
    if na == nb {
        return;
    }
    let (neg, pos, swapped) = if na { (a, b, false) } else { (b, a, true) };
    // The negation's scope is its clause: 'Not at all,' the authors said' negates nothing
    // that 'Several,' the authors said' states.
    let (ti0, _) = neg.frame.negations[0];
    let clause = neg.frame.clause.get(ti0).copied().unwrap_or(0);
    let scope: BTreeSet<String> = neg
        .frame
        .toks
        .iter()
        .enumerate()
        .filter(|(k, t)| t.content && neg.frame.clause.get(*k) == Some(&clause))
        .map(|(_, t)| t.canon.clone())
        .collect();
    if scope.is_empty() || !same_subject(neg.frame, pos.frame, &cfg.lexicons) {
        return;
    }
    let cover = cover_without(&neg.frame.content, &pos.frame.content, &[], &cfg.lexicons).min(
        cover_without(&scope, &pos.frame.content, &[], &cfg.lexicons),
    );
    // Below the plain overlap, a negation whose words the other sentence states needs only
    // the scoped overlap (the scope is read only then).
    let enough = cover >= cfg.negation_cover
        || (cover >= cfg.negation_scoped_cover
            && scope_stated(neg.frame, pos.frame, &cfg.lexicons));
    if !enough || neg.frame.content.is_empty() {
        return;
    }
    // Evidence: the cue through the next content word (the word in its scope), and that
    // word on the other side, which must state it ('has not commented' needs a comment).
    let (ti, cue) = neg.frame.negations[0];
    let next = neg.frame.toks[ti..].iter().find(|t| t.content);
    let lex = &cfg.lexicons;
    match next {
        Some(n) => {
            let stated = pos
                .frame
                .content
                .iter()
                .any(|o| *o == n.canon || lex.is_a(o, &n.canon));
            // 'did not look good' says what 'looked bad' says: the other sentence has the
            // opposite of a word in the negation's scope (and the negated one does not).
            let opposite_stated = pos.frame.toks.iter().any(|t| {
                t.content
                    && !scope.contains(&t.canon)
                    && neg.frame.toks.iter().enumerate().any(|(k, w)| {
                        w.content
                            && neg.frame.clause.get(k) == Some(&clause)
                            && lex.opposite(&t.stem, &w.stem)
                    })
            });
            // What a number or a reporting verb is denied ('not a .45', 'had not been
            // told') is not what the other sentence states with it.
            let framing = n.low.starts_with(|c: char| c.is_ascii_digit())
                || super::frame::ADVERBS.contains(&n.low.as_str())
                || crate::terms::is_reporting_verb(&n.low)
                || n.canon == lex.canon(&stem("say"));
            // The other sentence negates the same word too, in a clause read as asserting
            // nothing (a condition, a possibility): not a clash.
            let cue_low = &neg.frame.toks[ti].low;
            let also_negated = pos.frame.toks.iter().enumerate().any(|(k, t)| {
                t.low == *cue_low
                    && pos.frame.toks[k + 1..]
                        .iter()
                        .take(3)
                        .any(|w| w.content && w.canon == n.canon)
            });
            if !stated
                || opposite_stated
                || framing
                || also_negated
                || other_activity(neg.frame, ti, pos.frame, lex)
                || other_subject(neg.frame, ti, pos.frame, lex)
            {
                return;
            }
        }
        // A cue standing for an argument, with nothing after it ('played by nobody'): the
        // other sentence must fill that slot ('played by the man').
        None if !slot_filled(neg.frame, ti, pos.frame) => return,
        None => {}
    }
    let neg_span = Span::new(cue.start, next.map_or(cue.end, |t| t.span.end.max(cue.end)));
    let pos_tok = next.and_then(|n| pos.frame.toks.iter().find(|t| t.canon == n.canon));
    let pos_text = pos_tok.map(|t| t.text(pos.text)).unwrap_or("");
    let h = Hit {
        code: Reason::Negation,
        confidence: (0.5 + 0.45 * cover).min(0.95),
        contradiction: true,
        span_a: vec![neg_span],
        span_b: pos_tok.map(|t| vec![t.span]).unwrap_or_default(),
        explanation: explain::negation(neg_span.slice(neg.text), neg.label, pos_text, pos.label),
        fact: Fact::new(
            next.map(|t| t.canon.clone()).unwrap_or_default(),
            "negated",
            "stated",
        ),
    };
    hits.push(swap(h, swapped));
}

fn antonym(a: Side, b: Side, cfg: &CompareConfig, hits: &mut Vec<Hit>) {
    if a.frame.negations.is_empty() != b.frame.negations.is_empty() {
        return;
    }
    let lex = &cfg.lexicons;
    // Opposites are listed both ways, so both words are among their frame's antonym tokens.
    if a.frame.antonym_toks.is_empty() || b.frame.antonym_toks.is_empty() {
        return;
    }
    let has = |f: &Frame, s: &str| f.toks.iter().any(|t| t.stem == s);
    for ta in a.frame.antonym_toks.iter().map(|&i| &a.frame.toks[i]) {
        let sa = ta.stem.as_str();
        if has(b.frame, sa) {
            continue;
        }
        for tb in b.frame.antonym_toks.iter().map(|&i| &b.frame.toks[i]) {
            let sb = tb.stem.as_str();
            if !lex.opposite(sa, sb) || has(a.frame, sb) {
                continue;
            }
            let (ia, ib) = (tok_index(a.frame, ta), tok_index(b.frame, tb));
            if converse(&ta.low, &tb.low) || (picks_one(a.frame, ia) && picks_one(b.frame, ib)) {
                continue;
            }
            if conditional(a.frame, ia) || conditional(b.frame, ib) {
                // 'If you receive an offer' asserts no receiving.
                continue;
            }
            if in_subject(a.frame, ia) && in_subject(b.frame, ib) {
                // 'A man is cooking' / 'A woman is cooking': two subjects, two claims; the
                // pair overlaps but does not state one claim.
                hits.push(Hit {
                    code: Reason::DifferentSubject,
                    confidence: 0.6,
                    contradiction: false,
                    span_a: vec![ta.span],
                    span_b: vec![tb.span],
                    explanation: explain::subjects(
                        ta.text(a.text),
                        a.label,
                        tb.text(b.text),
                        b.label,
                    ),
                    fact: Fact::new("", sa, sb),
                });
                return;
            }
            if !same_subject(a.frame, b.frame, lex) || !same_anchor(a.frame, ia, b.frame, ib) {
                // Opposites clash only about one thing: 'large data centres' / 'a small
                // acquisition' speak of two.
                continue;
            }
            let content_pair = ta.content && tb.content;
            if !content_pair && !same_head(a.frame, ia, b.frame, ib) {
                // A particle or preposition opposes another only on the same word: 'jumping
                // on' / 'jumping off', not 'pointed out' / 'in'.
                continue;
            }
            let skip = [ta.canon.as_str(), tb.canon.as_str()];
            let cover =
                cover_without(&a.frame.content, &b.frame.content, &skip, &cfg.lexicons).max(
                    cover_without(&b.frame.content, &a.frame.content, &skip, &cfg.lexicons),
                );
            let need = if ta.content && tb.content {
                cfg.antonym_cover
            } else {
                cfg.antonym_cover_function_words
            };
            if cover < need {
                continue;
            }
            hits.push(Hit {
                code: Reason::Antonym,
                confidence: (0.45 + 0.4 * cover).min(0.9),
                contradiction: true,
                span_a: vec![ta.span],
                span_b: vec![tb.span],
                explanation: explain::antonym(ta.text(a.text), a.label, tb.text(b.text), b.label),
                fact: Fact::new("", sa, sb),
            });
            return;
        }
    }
}

/// The index of a token of `f` (tokens are compared by address).
fn tok_index(f: &Frame, t: &super::frame::Tok) -> usize {
    f.toks
        .iter()
        .position(|x| std::ptr::eq(x, t))
        .unwrap_or(usize::MAX)
}

/// The content words of the subject: those before the first auxiliary, in its clause.
pub(crate) fn subject_words(f: &Frame) -> Vec<&str> {
    let Some(e) = f.subject_end else {
        return Vec::new();
    };
    let c = f.clause.get(e).copied();
    f.toks[..e]
        .iter()
        .enumerate()
        .filter(|(k, t)| t.content && f.clause.get(*k).copied() == c)
        .map(|(_, t)| t.canon.as_str())
        .collect()
}

/// Whether two sentences have one subject: they share a subject word (or a more general
/// one), or one of them has no subject we can read. 'Ms. Palin was not at the church' and
/// 'A ladies' crafts group was meeting in the church' speak of two.
/// A passive's agent ('is being fed by a man') is its subject in the active form ('a man
/// is feeding'): it counts as a subject word too.
fn same_subject(a: &Frame, b: &Frame, lex: &Lexicons) -> bool {
    let with_agent = |f| {
        let mut v = subject_words(f);
        v.extend(passive_agent(f));
        v
    };
    let (sa, sb) = (with_agent(a), with_agent(b));
    sa.is_empty()
        || sb.is_empty()
        || sa.iter().any(|x| {
            sb.iter()
                .any(|y| x == y || lex.is_a(x, y) || lex.is_a(y, x))
        })
}

/// The content words of a passive's agent: those right after 'by' that follows a
/// participle after a form of 'be' ('is being peeled by a woman', 'was fed by the man').
fn passive_agent(f: &Frame) -> Vec<&str> {
    const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];
    let Some(k) = (2..f.toks.len()).find(|&k| {
        f.toks[k].low == "by" && BE.contains(&f.toks[k - 2].low.as_str()) && f.toks[k - 1].content
    }) else {
        return Vec::new();
    };
    f.toks[k + 1..f.toks.len().min(k + 4)]
        .iter()
        .filter(|t| t.content)
        .map(|t| t.canon.as_str())
        .collect()
}

/// Whether the opposites at token `i` of `a` and `j` of `b` are said of the same thing: the
/// nearest content word before or after one of them is beside the other too.
fn same_anchor(a: &Frame, i: usize, b: &Frame, j: usize) -> bool {
    fn around(f: &Frame, k: usize) -> [Option<&str>; 2] {
        let before = f.toks[..k.min(f.toks.len())]
            .iter()
            .rev()
            .take(3)
            .find(|t| t.content)
            .map(|t| t.canon.as_str());
        let after = f
            .toks
            .iter()
            .skip(k + 1)
            .take(3)
            .find(|t| t.content)
            .map(|t| t.canon.as_str());
        [before, after]
    }
    let (x, y) = (around(a, i), around(b, j));
    (x[0].is_some() && x[0] == y[0]) || (x[1].is_some() && x[1] == y[1])
}

/// Whether token `i` is in a conditional clause.
fn conditional(f: &Frame, i: usize) -> bool {
    f.clause
        .get(i)
        .and_then(|&c| f.conditional.get(c))
        .copied()
        .unwrap_or(false)
}

/// Whether token `i` is in the subject of its sentence (before its first auxiliary).
fn in_subject(f: &Frame, i: usize) -> bool {
    f.subject_end.is_some_and(|e| i < e)
}

/// Whether the words right before tokens `i` of `a` and `j` of `b` are the same word.
fn same_head(a: &Frame, i: usize, b: &Frame, j: usize) -> bool {
    fn prev(f: &Frame, k: usize) -> Option<&str> {
        k.checked_sub(1)
            .and_then(|p| f.toks.get(p))
            .map(|t| t.canon.as_str())
    }
    prev(a, i).is_some() && prev(a, i) == prev(b, j)
}

fn offset_vs_duration(a: Side, b: Side, cfg: &CompareConfig, hits: &mut Vec<Hit>) {
    let ov = overlap(a.frame, b.frame, &cfg.lexicons);
    if ov.shared < cfg.offset_min_shared {
        return;
    }
    for x in a.frame.numbers.iter().filter(|x| x.kind == NumKind::Offset) {
        // A duration used as a time offset on one side: '30 days after' vs '30-day truce'.
        let clash =
            |y: &&NumSlot| y.kind == NumKind::Duration && y.unit == x.unit && y.value == x.value;
        let Some(y) = b.frame.numbers.iter().find(clash) else {
            continue;
        };
        // The same word governing the number on both sides uses it in one role: 'deliberated
        // almost seven hours before finding him guilty' and 'deliberated almost seven hours
        // Thursday before convicting him' both give the deliberation's length.
        let at = |f: &Frame, n: &NumSlot| f.toks.iter().position(|t| t.span.start == n.span.start);
        if let (Some(i), Some(j)) = (at(a.frame, x), at(b.frame, y)) {
            if same_head(a.frame, i, b.frame, j) {
                continue;
            }
        }
        if b.frame
            .numbers
            .iter()
            .any(|z| z.kind == NumKind::Offset && z.unit == x.unit)
            || a.frame
                .numbers
                .iter()
                .any(|z| z.kind == NumKind::Duration && z.unit == x.unit)
        {
            continue;
        }
        hits.push(Hit {
            code: Reason::DateMismatch,
            confidence: 0.6,
            contradiction: true,
            span_a: vec![x.span],
            span_b: vec![y.span],
            explanation: explain::offset_duration(
                x.span.slice(a.text),
                a.label,
                y.span.slice(b.text),
                b.label,
            ),
            fact: Fact::new(
                format!("{} {}", x.value, x.unit.as_deref().unwrap_or("")),
                "offset",
                "duration",
            ),
        });
        return;
    }
}

fn count_key(n: &NumSlot) -> Option<(NumKind, Option<&String>, &String)> {
    let thing = n.thing.as_ref().or(n.unit.as_ref())?;
    Some((n.kind, n.unit.as_ref(), thing))
}

/// Equal values, or a year and its two-digit short form ('the 1992 consensus', 'the '92
/// consensus').
fn same_number(x: f64, y: f64) -> bool {
    let year = |v: f64| v.fract() == 0.0 && (1900.0..2100.0).contains(&v);
    let short = |v: f64| v.fract() == 0.0 && (0.0..100.0).contains(&v);
    x == y || (year(x) && short(y) && x % 100.0 == y) || (year(y) && short(x) && y % 100.0 == x)
}

/// Equal values in either reading of their digits (see [`NumSlot::alt`]).
fn same_slot_value(x: &NumSlot, y: &NumSlot) -> bool {
    let vx = [Some(x.value), x.alt];
    let vy = [Some(y.value), y.alt];
    vx.iter()
        .flatten()
        .any(|p| vy.iter().flatten().any(|q| same_number(*p, *q)))
}

/// The same counted thing with different values on the two sides (symmetric).
fn count_mismatch(a: Side, b: Side, cfg: &CompareConfig, hits: &mut Vec<Hit>) {
    if overlap(a.frame, b.frame, &cfg.lexicons).min() < cfg.number_min_cover
        || !same_subject(a.frame, b.frame, &cfg.lexicons)
    {
        return;
    }
    let keys: BTreeSet<_> = a.frame.numbers.iter().filter_map(count_key).collect();
    for key in keys {
        let xs: Vec<&NumSlot> = a
            .frame
            .numbers
            .iter()
            .filter(|n| count_key(n) == Some(key))
            .collect();
        let ys: Vec<&NumSlot> = b
            .frame
            .numbers
            .iter()
            .filter(|n| count_key(n) == Some(key))
            .collect();
        // A value the other sentence also gives, whatever it counts there, is no clash
        // ('633 of which were detected' / '1898 detected cases, 633 of which').
        let given = |n: &NumSlot, f: &Frame| f.numbers.iter().any(|m| same_slot_value(n, m));
        if ys.is_empty()
            || xs.iter().any(|x| given(x, b.frame))
            || ys.iter().any(|y| given(y, a.frame))
        {
            continue;
        }
        let close = xs.iter().any(|x| {
            ys.iter().any(|y| {
                let (lo, hi) = (x.value.min(y.value), x.value.max(y.value));
                (x.approx || y.approx) && (hi <= 0.0 || lo / hi >= 0.75)
            })
        });
        if close {
            continue;
        }
        let (x, y) = (xs[0], ys[0]);
        hits.push(Hit {
            code: Reason::NumberMismatch,
            confidence: if x.approx || y.approx { 0.5 } else { 0.7 },
            contradiction: true,
            span_a: vec![x.span],
            span_b: vec![y.span],
            explanation: explain::number(
                x.span.slice(a.text),
                a.label,
                y.span.slice(b.text),
                b.label,
            ),
            fact: Fact::new(
                format!("{:?} {}", key.0, key.2),
                x.value.to_string(),
                y.value.to_string(),
            ),
        });
        return;
    }
}

/// Whether the day written at `span` follows a reporting verb ('said Saturday', 'reported
/// on Wednesday').
fn dates_report(f: &Frame, span: Span) -> bool {
    let Some(k) = f.toks.iter().position(|t| t.span.start >= span.start) else {
        return false;
    };
    f.toks[..k]
        .iter()
        .rev()
        .take(2)
        .any(|t| t.low == "said" || t.low == "says" || crate::terms::is_reporting_verb(&t.low))
}

fn dates(a: Side, b: Side, cfg: &CompareConfig, hits: &mut Vec<Hit>) {
    let (da, db) = (&a.frame.dates, &b.frame.dates);
    if da.is_empty() || db.is_empty() {
        return;
    }
    // A dateline ('August 7, 2012 - 5:46 pm') states no claim to date.
    if a.frame.content.len() < 3 || b.frame.content.len() < 3 {
        return;
    }
    let weekday = |k: &str| !k.contains(' ');
    for x in da {
        for y in db {
            if weekday(&x.key) != weekday(&y.key) || x.key == y.key {
                continue;
            }
            // 'police said Saturday' dates the report, not the event.
            if dates_report(a.frame, x.span) || dates_report(b.frame, y.span) {
                continue;
            }
            if da.iter().any(|z| db.iter().any(|w| w.key == z.key)) {
                return;
            }
            let skip = [x.key.as_str(), y.key.as_str()];
            let cover =
                cover_without(&a.frame.content, &b.frame.content, &skip, &cfg.lexicons).min(
                    cover_without(&b.frame.content, &a.frame.content, &skip, &cfg.lexicons),
                );
            // The two days must date one thing: the clause of each states what the clause
            // of the other does ('was charged Saturday after a shooting' and 'charged after
            // a shooting Friday' date the charge and the shooting).
            let (ca, cb) = (clause_words(a.frame, x.span), clause_words(b.frame, y.span));
            let clause_cover = cover_without(&ca, &cb, &skip, &cfg.lexicons).min(cover_without(
                &cb,
                &ca,
                &skip,
                &cfg.lexicons,
            ));
            if cover < cfg.date_min_cover || clause_cover < cfg.date_clause_cover {
                return;
            }
            hits.push(Hit {
                code: Reason::DateMismatch,
                confidence: (0.35 + 0.4 * cover).min(0.75),
                contradiction: true,
                span_a: vec![x.span],
                span_b: vec![y.span],
                explanation: explain::date(
                    x.span.slice(a.text),
                    a.label,
                    y.span.slice(b.text),
                    b.label,
                ),
                fact: Fact::new("", x.key.clone(), y.key.clone()),
            });
            return;
        }
    }
}

/// The content words of the clause holding the token at `span` (see [`Frame::clause`]).
fn clause_words(f: &Frame, span: Span) -> BTreeSet<String> {
    let Some(k) = f.toks.iter().position(|t| t.span.start >= span.start) else {
        return BTreeSet::new();
    };
    let c = f.clause.get(k).copied();
    f.toks
        .iter()
        .enumerate()
        .filter(|(i, t)| t.content && f.clause.get(*i).copied() == c)
        .map(|(_, t)| t.canon.clone())
        .collect()
}

/// Opposites that name the two parties of one relation ('employer' / 'employee', 'lessor'
/// / 'lessee'): one word with two endings; a sentence naming each states no clash.
fn converse(x: &str, y: &str) -> bool {
    let common = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
    common >= 4 && common < x.chars().count() && common < y.chars().count()
}

/// A comparative or superlative picking one of several things ('the larger boat', 'the
/// smaller boat' are two boats, not two sizes of one).
fn picks_one(f: &Frame, i: usize) -> bool {
    let t = &f.toks[i];
    let graded = t.low.ends_with("er") || t.low.ends_with("est");
    graded && i >= 1 && f.toks[i - 1].low == "the"
}

/// A role as one comparable value: head, domains and ranks ('advisor|national,security|').
pub fn role_key(r: &RoleInfo) -> String {
    let join = |s: &BTreeSet<String>| s.iter().map(String::as_str).collect::<Vec<_>>().join(",");
    format!(
        "{}|{}|{}",
        r.head.as_deref().unwrap_or(""),
        join(&r.domains),
        join(&r.ranks)
    )
}

/// How sure we are that two roles name different posts; 0 when they are compatible.
pub fn role_conflict(x: &RoleInfo, y: &RoleInfo, lex: &Lexicons) -> f64 {
    if x.former || y.former || x.generic || y.generic {
        return 0.0;
    }
    let (Some(hx), Some(hy)) = (&x.head, &y.head) else {
        return 0.0;
    };
    if hx != hy {
        // A post and a more general one ('district attorney' is a prosecutor, WordNet),
        // or one ministry's secretary and minister ('Foreign Secretary' / 'Foreign
        // Minister': WordNet's foreign_minister is also secretary_of_state).
        let (sx, sy) = (stem(hx), stem(hy));
        let general =
            lex.is_a(lex.canon(&sx), lex.canon(&sy)) || lex.is_a(lex.canon(&sy), lex.canon(&sx));
        let ministry = [hx.as_str(), hy.as_str()]
            .iter()
            .all(|h| matches!(*h, "secretary" | "minister"))
            && !x.domains.is_disjoint(&y.domains)
            && x.ranks == y.ranks;
        // Two heads without a shared domain may be two posts of one person ('president
        // and CEO'); with one ('National Security Advisor' / 'Secretary') they name one
        // post two ways.
        let one_post = !x.domains.is_disjoint(&y.domains);
        // The same head word as written with other domains ('News Secretary' / 'Press
        // Secretary'): one post, two names for it.
        let written = x.written_head.is_some()
            && x.written_head == y.written_head
            && !x.written_domains.is_empty()
            && !y.written_domains.is_empty()
            && x.written_domains.is_disjoint(&y.written_domains);
        if written && !general && !ministry {
            return 0.75;
        }
        return if general || ministry || !one_post {
            0.0
        } else {
            0.8
        };
    }
    if !x.domains.is_empty() && !y.domains.is_empty() && x.domains.is_disjoint(&y.domains) {
        return 0.75;
    }
    if x.ranks != y.ranks {
        return 0.6;
    }
    0.0
}

/// True when two name slots refer to the same entity.
pub fn same_entity(x: &NameSlot, y: &NameSlot) -> bool {
    x.key == y.key
}

fn roles(a: Side, b: Side, cfg: &CompareConfig, hits: &mut Vec<Hit>) {
    for x in &a.frame.names {
        let Some((ra, sa, ia)) = &x.role else {
            continue;
        };
        for y in &b.frame.names {
            let Some((rb, sb, ib)) = &y.role else {
                continue;
            };
            // A role the other side also gives this entity is no conflict (a person can
            // hold two posts, and a sentence may name both).
            let also = |f: &Frame, r: &RoleInfo, n: &NameSlot| {
                f.names.iter().any(|z| {
                    same_entity(z, n)
                        && z.role
                            .as_ref()
                            .is_some_and(|(_, _, i)| role_conflict(i, r, &cfg.lexicons) == 0.0)
                })
            };
            if same_entity(x, y) {
                let c = if also(b.frame, ia, x) || also(a.frame, ib, y) {
                    0.0
                } else {
                    role_conflict(ia, ib, &cfg.lexicons)
                };
                if c > 0.0 {
                    hits.push(Hit {
                        code: Reason::RoleMismatch,
                        confidence: c,
                        contradiction: true,
                        span_a: vec![*sa, x.span],
                        span_b: vec![*sb, y.span],
                        explanation: explain::role(&x.name, ra, a.label, rb, b.label),
                        fact: Fact::new(x.key.clone(), role_key(ia), role_key(ib)),
                    });
                    return;
                }
            } else if ia.head.is_some()
                && ia == ib
                && !ia.domains.is_empty()
                && overlap(a.frame, b.frame, &cfg.lexicons).min() >= cfg.entity_min_cover
                && !a.frame.names.iter().any(|z| same_entity(z, y))
                && !b.frame.names.iter().any(|z| same_entity(z, x))
            {
                hits.push(Hit {
                    code: Reason::EntityMismatch,
                    confidence: 0.5,
                    contradiction: true,
                    span_a: vec![x.span],
                    span_b: vec![y.span],
                    explanation: explain::entity(ra, &x.name, a.label, &y.name, b.label),
                    fact: Fact::new(role_key(ia), x.key.clone(), y.key.clone()),
                });
                return;
            }
        }
    }
}

/// Whether a negation cue bears on the predicate written at `span`: a cue inside it, or
/// one at most [`NEGATION_REACH`] words before it ('has not yet convinced', 'never
/// persuaded'). A cue after it ('convinced them to pass without inspections') does not.
fn negated(f: &Frame, span: Span) -> bool {
    let Some(first) = f.toks.iter().position(|t| t.span.start >= span.start) else {
        return false;
    };
    f.negations.iter().any(|&(i, cue)| {
        (cue.start >= span.start && cue.start < span.end)
            || (i <= first && first - i <= NEGATION_REACH)
    })
}

/// Whether the other sentence states what the first negation of `neg` negates, word for
/// word: the content word right after the cue (within [`NEGATION_REACH`] words) and the
/// content word that follows it ('would not withdraw its artillery' / 'would withdraw its
/// artillery'), in that order.
fn scope_stated(neg: &Frame, pos: &Frame, lex: &Lexicons) -> bool {
    let Some(&(ti, _)) = neg.negations.first() else {
        return false;
    };
    let after = |f: &Frame, from: usize| {
        f.toks
            .iter()
            .enumerate()
            .skip(from)
            .take(NEGATION_REACH + 1)
            .find(|(_, t)| t.content)
            .map(|(k, _)| k)
    };
    let Some(n) = after(neg, ti + 1) else {
        return false;
    };
    let Some(o) = after(neg, n + 1) else {
        return false;
    };
    let same = |x: &str, y: &str| x == y || lex.is_a(x, y) || lex.is_a(y, x);
    pos.toks.iter().enumerate().any(|(p, t)| {
        t.content
            && same(&t.canon, &neg.toks[n].canon)
            && after(pos, p + 1).is_some_and(|q| pos.toks[q].canon == neg.toks[o].canon)
    })
}

/// Whether the other sentence states nothing of what the negation at `ti` denies after its
/// verb, so that both can hold: 'is not slicing an onion' / 'is slicing garlic', 'There is no
/// man eating a pizza' / 'A man is eating some food' (the denied object stated only more
/// generally is not stated).
fn other_activity(neg: &Frame, ti: usize, pos: &Frame, lex: &Lexicons) -> bool {
    let Some(v) = denied_verb(neg, ti) else {
        return false;
    };
    let mut denied = in_clause(neg, ti, v + 1..neg.toks.len()).peekable();
    denied.peek().is_some() && !denied.any(|n| states(pos, n, lex))
}

/// Whether the negated sentence denies it of something the other does not speak of: a word
/// before the denied verb (its subject and what qualifies it; names and titles aside, as
/// outlets write them differently) that the other sentence does not state. 'The bearded man
/// is not sitting on a train' does not deny that 'A man is sitting on a train'.
fn other_subject(neg: &Frame, ti: usize, pos: &Frame, lex: &Lexicons) -> bool {
    let Some(v) = denied_verb(neg, ti) else {
        return false;
    };
    let passive = v > 0 && matches!(neg.toks[v - 1].low.as_str(), "being" | "been" | "be");
    !passive
        && !in_clause(neg, ti, 0..v)
            .filter(|t| !t.cap && !super::frame::manner_adverb(t))
            .all(|n| states(pos, n, lex))
}

/// The first verb after the negation cue at `ti`, in its clause.
fn denied_verb(neg: &Frame, ti: usize) -> Option<usize> {
    let clause = neg.clause.get(ti);
    (ti + 1..neg.toks.len())
        .take_while(|&k| neg.clause.get(k) == clause)
        .find(|&k| activity(&neg.toks[k]))
}

/// The content words of `range` in the clause of token `ti`.
fn in_clause(
    f: &Frame,
    ti: usize,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = &super::frame::Tok> {
    let clause = f.clause.get(ti);
    range
        .filter(move |&k| f.clause.get(k) == clause)
        .map(|k| &f.toks[k])
        .filter(|t| t.content)
}

/// Whether `pos` states the word `n`: itself or a more specific one.
fn states(pos: &Frame, n: &super::frame::Tok, lex: &Lexicons) -> bool {
    pos.toks
        .iter()
        .any(|p| p.content && (p.canon == n.canon || lex.is_a(&p.canon, &n.canon)))
}

/// A content word read as a verb, or an '-ing' form ('There is no woman slicing a fish').
fn activity(t: &super::frame::Tok) -> bool {
    t.content && (t.verb || t.low.ends_with("ing"))
}

/// Whether `pos` has the two words before the cue at `ti` of `neg`, in a row, followed
/// within three words by a content word: the slot the cue stands in is filled there.
fn slot_filled(neg: &Frame, ti: usize, pos: &Frame) -> bool {
    if ti < 2 {
        return false;
    }
    let (w1, w2) = (&neg.toks[ti - 2].low, &neg.toks[ti - 1].low);
    pos.toks.windows(2).enumerate().any(|(k, w)| {
        w[0].low == *w1 && w[1].low == *w2 && pos.toks[k + 2..].iter().take(3).any(|t| t.content)
    })
}

/// How many words before a predicate a negation cue still bears on it.
const NEGATION_REACH: usize = 3;

fn modality(a: Side, b: Side, _cfg: &CompareConfig, hits: &mut Vec<Hit>) {
    let done = |c: ModalClass| matches!(c, ModalClass::Perfect | ModalClass::Factive);
    let hedge = |c: ModalClass| {
        matches!(
            c,
            ModalClass::Possible | ModalClass::Future | ModalClass::Need
        )
    };
    for x in a.frame.modals.iter().filter(|m| done(m.class)) {
        // Done in A, still to be done in B: 'has convinced' vs 'the need to persuade'.
        for y in b
            .frame
            .modals
            .iter()
            .filter(|m| m.class == ModalClass::Need && m.pred == x.pred)
        {
            let objects_match = match (&x.object, &y.object) {
                (Some(p), Some(q)) => p == q,
                _ => true,
            };
            let b_done = b
                .frame
                .modals
                .iter()
                .any(|m| done(m.class) && m.pred == x.pred);
            let a_need = a
                .frame
                .modals
                .iter()
                .any(|m| m.class == ModalClass::Need && m.pred == x.pred);
            if objects_match && !b_done && !a_need && !negated(a.frame, x.span) {
                hits.push(Hit {
                    code: Reason::Modality,
                    confidence: 0.65,
                    contradiction: true,
                    span_a: vec![x.span],
                    span_b: vec![y.span],
                    explanation: explain::modality_done_vs_need(
                        x.span.slice(a.text),
                        a.label,
                        y.span.slice(b.text),
                        b.label,
                    ),
                    fact: Fact::new(x.pred.clone(), "done", "still to do"),
                });
                return;
            }
        }
    }
    // Asserted in A, hedged in B: partial.
    for y in b.frame.modals.iter().filter(|m| hedge(m.class)) {
        let hedged_in_a = a
            .frame
            .modals
            .iter()
            .any(|m| hedge(m.class) && m.pred == y.pred);
        if hedged_in_a {
            continue;
        }
        let t = a.frame.toks.iter().find(|t| t.content && t.canon == y.pred);
        hits.push(Hit {
            code: Reason::Modality,
            confidence: 0.5,
            contradiction: false,
            span_a: t.map(|t| vec![t.span]).unwrap_or_default(),
            span_b: vec![y.span],
            explanation: match t {
                Some(t) => {
                    explain::modality_hedge(t.text(a.text), a.label, y.span.slice(b.text), b.label)
                }
                None => explain::modality_only(y.span.slice(b.text), b.label, a.label),
            },
            fact: Fact::new(y.pred.clone(), "asserted", "hedged"),
        });
        return;
    }
}
