//! Comparison: do two sentences agree, contradict each other, or only partly overlap — and why.
//!
//! Each sentence is read into a claim [`frame`] (names and their roles, content words,
//! negation, numbers and what they count, days, modality of predicates). The [`rules`]
//! compare one slot at a time, after the contradiction types of de Marneffe, Rafferty and
//! Manning (2008), "Finding Contradictions in Text": negation, antonymy, numeric mismatch,
//! date/time mismatch, role/title mismatch, factive/modal mismatch, a different entity in the
//! same role. A rule fires only when the same slot has incompatible values; different wording
//! of the same fact is not a contradiction.
//!
//! ```
//! use corroborate::{api, Config, Relation};
//!
//! let cfg = Config::default();
//! let v = api::compare(
//!     "Trade Envoy Ann Lee met the delegation.",
//!     "Trade Minister Ann Lee met the delegation.",
//!     &cfg,
//! );
//! assert_eq!(v.relation, Relation::Contradiction);
//! assert_eq!(v.reasons, vec![corroborate::Reason::RoleMismatch]);
//! assert!(v.explanation.contains("'Trade Envoy'"));
//! ```

pub mod calibration;
pub mod explain;
pub mod findings;
pub mod frame;
pub mod lexicons;
pub mod rules;
pub mod stem;

use std::collections::{BTreeMap, BTreeSet};

use crate::align::{Alignment, SentenceId};
use crate::config::check_unit;
use crate::document::{Document, Span};
use crate::error::Result;
use crate::names::Entities;
use crate::report::{round4, Finding, Reason, Relation};

use frame::{Frame, GivenName};
pub use lexicons::Lexicons;
use rules::{Fact, Hit, Side};

/// Settings and lexicons of comparison. `CompareConfig::default()` loads the built-in
/// lexicons; the `add_*` methods extend them with text in the lexicon format.
#[derive(Debug, Clone)]
pub struct CompareConfig {
    /// Negation cues, antonyms, modal verbs, titles, number words, synonyms.
    pub(crate) lexicons: Lexicons,
    /// Negation on one side is a contradiction when at least this share of the negated
    /// sentence's content words is in the other sentence. Default 0.6.
    pub negation_cover: f64,
    /// The same share when the other sentence states the negated words themselves (the
    /// word after the cue and the word after that, in order). Default 0.6 (as
    /// `negation_cover`); lower for aligned pairs, see `aligned_cover_factor`.
    pub negation_scoped_cover: f64,
    /// Antonymous content words contradict when the rest of both sentences overlaps at least
    /// this much. Default 0.5.
    pub antonym_cover: f64,
    /// The same for antonymous function words ('on' / 'off', 'in' / 'out'). Default 0.8.
    pub antonym_cover_function_words: f64,
    /// Different values of one counted thing contradict when the sentences overlap at least
    /// this much. Default 0.3.
    pub number_min_cover: f64,
    /// A time offset against a duration of the same length needs this many shared content
    /// words. Default 2.
    pub offset_min_shared: usize,
    /// Different days contradict when the rest overlaps at least this much. Default 0.6.
    pub date_min_cover: f64,
    /// Different days contradict only when at least this share of the content words of
    /// each day's clause is in the clause of the other day (both date one thing): 'charged
    /// Saturday after a shooting' and 'charged after a shooting Friday' date two. Not scaled
    /// for aligned pairs. Default 0.5.
    pub date_clause_cover: f64,
    /// Two people with the same role contradict when the sentences overlap at least this
    /// much. Default 0.7.
    pub entity_min_cover: f64,
    /// Agreement needs both sentences' content covered at least this much... Default 0.25.
    pub agree_min_cover: f64,
    /// ...and one of them at least this much. Default 0.7.
    pub agree_max_cover: f64,
    /// Below this larger coverage a pair is unrelated rather than partial. Default 0.25.
    pub partial_min_cover: f64,
    /// Paraphrase by word vectors (GloVe 6B 50d, `src/data/vectors.bin`): in the agreement decision of
    /// two sentences about one incident (same names and days) in which no rule sees a
    /// difference, a content word the other sentence does not state counts as stated when
    /// the other has a content word of its own whose vector is at least this similar
    /// (cosine), and the two are not listed opposites ('wins' / 'clinches', 'polls' /
    /// 'vote'); one such word per side at most. Default 0.7 (a usual bar for near-synonyms in 50-dimensional GloVe); 1 turns
    /// it off.
    pub agree_vector_similarity: f64,
    /// At most this many words per side count as stated through
    /// [`agree_vector_similarity`](Self::agree_vector_similarity): a headline that rewords
    /// a claim often rewords its verb and its object together ('Miami Heat wins NBA
    /// Finals' / 'clinches NBA Championship'). Default 2; 0 turns vector paraphrase off.
    pub agree_vector_max_words: usize,
    /// Contradiction findings below this confidence are not reported. Confidences are
    /// calibrated (module `calibration`: a reason code's smoothed precision on labelled data), so
    /// this drops the codes that are wrong more often than right in a corpus (negation and
    /// antonymy between aligned news sentences) and keeps a reported set whose measured
    /// precision is at least 0.8. Default 0.6.
    pub min_finding_confidence: f64,
    /// At most this many role facts (pairs of conflicting titles) per entity and event.
    /// Default 6.
    pub max_role_findings: usize,
    /// In a corpus, two aligned sentences clash on anything but a title only when the
    /// aligner is at least this sure they report one claim (its score); below, they are
    /// `partial`. A title belongs to the person, whatever the claim. Default 0.5.
    pub min_clash_alignment: f64,
    /// An aligned pair with this alignment score or more, in which no rule sees a
    /// difference, is an agreement even when worded differently. Default 0.6.
    pub aligned_agreement_score: f64,
    /// For sentences the aligner paired (it found them to report one claim), the overlap
    /// the number and date rules and the scoped negation test ask for is scaled by this
    /// factor: the alignment already says what the overlap stands in for, so an outlet's
    /// extra clause does not hide '40 trucks a day' against 'only 14 trucks a day', or
    /// 'would not withdraw its artillery' against 'would withdraw its artillery'. (A
    /// negation whose words the other sentence does not state keeps its overlap: implicit
    /// negations and antonyms, 'looked bad' / 'did not look good', make a looser test
    /// misfire.) Default 0.6; 1 turns it off.
    pub aligned_cover_factor: f64,
}

impl Default for CompareConfig {
    fn default() -> Self {
        CompareConfig {
            lexicons: Lexicons::builtin(),
            negation_cover: 0.6,
            negation_scoped_cover: 0.6,
            antonym_cover: 0.5,
            antonym_cover_function_words: 0.8,
            number_min_cover: 0.3,
            offset_min_shared: 2,
            date_min_cover: 0.6,
            date_clause_cover: 0.5,
            entity_min_cover: 0.7,
            agree_min_cover: 0.25,
            agree_max_cover: 0.7,
            partial_min_cover: 0.25,
            agree_vector_similarity: 0.7,
            agree_vector_max_words: 2,
            min_finding_confidence: 0.6,
            max_role_findings: 6,
            min_clash_alignment: 0.5,
            aligned_agreement_score: 0.6,
            aligned_cover_factor: 0.6,
        }
    }
}

impl CompareConfig {
    /// Checks ranges; the error names the field.
    pub fn validate(&self) -> Result<()> {
        check_unit("compare.negation_cover", self.negation_cover)?;
        check_unit("compare.negation_scoped_cover", self.negation_scoped_cover)?;
        check_unit("compare.antonym_cover", self.antonym_cover)?;
        check_unit(
            "compare.antonym_cover_function_words",
            self.antonym_cover_function_words,
        )?;
        check_unit("compare.number_min_cover", self.number_min_cover)?;
        check_unit("compare.date_min_cover", self.date_min_cover)?;
        check_unit("compare.date_clause_cover", self.date_clause_cover)?;
        check_unit("compare.entity_min_cover", self.entity_min_cover)?;
        check_unit("compare.agree_min_cover", self.agree_min_cover)?;
        check_unit("compare.agree_max_cover", self.agree_max_cover)?;
        check_unit(
            "compare.agree_vector_similarity",
            self.agree_vector_similarity,
        )?;
        check_unit("compare.partial_min_cover", self.partial_min_cover)?;
        check_unit(
            "compare.min_finding_confidence",
            self.min_finding_confidence,
        )?;
        check_unit("compare.aligned_cover_factor", self.aligned_cover_factor)?;
        check_unit("compare.min_clash_alignment", self.min_clash_alignment)?;
        Ok(())
    }

    /// The settings for a pair the aligner found: the overlap thresholds of the number and
    /// date rules and of scoped negation scaled by
    /// [`aligned_cover_factor`](Self::aligned_cover_factor).
    pub(crate) fn for_aligned_pairs(&self) -> CompareConfig {
        let f = self.aligned_cover_factor;
        CompareConfig {
            negation_scoped_cover: self.negation_scoped_cover * f,
            number_min_cover: self.number_min_cover * f,
            date_min_cover: self.date_min_cover * f,
            ..self.clone()
        }
    }

    /// Adds negation cues, one word or phrase per line.
    pub fn add_negation_cues(&mut self, text: &str) -> Result<()> {
        self.lexicons.add_negation(text)
    }

    /// Adds antonym pairs, `WORD<TAB>OPPOSITE` per line.
    pub fn add_antonyms(&mut self, text: &str) -> Result<()> {
        self.lexicons.add_antonyms(text)
    }

    /// Adds modal and factive cues, `WORD<TAB>CLASS` (possible, future, need, factive,
    /// perfect).
    pub fn add_modal_verbs(&mut self, text: &str) -> Result<()> {
        self.lexicons.add_modality(text)
    }

    /// Adds title words, `WORD<TAB>KIND` (head, domain, generic, mod, rank, former) or
    /// `PHRASE<TAB>=CANONICAL`.
    pub fn add_titles(&mut self, text: &str) -> Result<()> {
        self.lexicons.add_titles(text)
    }

    /// Adds number words, `WORD<TAB>VALUE`.
    pub fn add_number_words(&mut self, text: &str) -> Result<()> {
        self.lexicons.add_numbers(text)
    }

    /// Adds synonyms, `WORD<TAB>CANONICAL`.
    pub fn add_synonyms(&mut self, text: &str) -> Result<()> {
        self.lexicons.add_synonyms(text)
    }
}

/// The verdict on two sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Agreement, contradiction, partial or unrelated.
    pub relation: Relation,
    /// In [0, 1].
    pub confidence: f64,
    /// Reason codes (`negation`, `number_mismatch`, ...).
    pub reasons: Vec<Reason>,
    /// One sentence a person can read.
    pub explanation: String,
    /// Spans in the first sentence that show the verdict.
    pub evidence_a: Vec<Span>,
    /// Spans in the second sentence that show the verdict.
    pub evidence_b: Vec<Span>,
    /// For a contradiction or a rule-made partial verdict: the slot and the two values of
    /// the deciding rule.
    pub fact: Option<Fact>,
}

/// Compares two sentences given alone (no corpus context). The relation is symmetric:
/// `compare_sentences(a, b)` and `compare_sentences(b, a)` give the same relation.
pub fn compare_sentences(a: &str, b: &str, config: &CompareConfig) -> Verdict {
    let mut fa = frame::build(a, &[], &config.lexicons);
    let mut fb = frame::build(b, &[], &config.lexicons);
    unify_names(&mut fa, &mut fb, &config.lexicons);
    unify_words(&fa, &mut fb, &config.lexicons);
    let mut v = compare_frames(
        Side {
            frame: &fa,
            text: a,
            label: "A",
        },
        Side {
            frame: &fb,
            text: b,
            label: "B",
        },
        config,
    );
    if v.relation == Relation::Contradiction {
        let code = v.reasons.first().map_or("", |r| r.as_str());
        v.confidence = calibration::calibrate(calibration::Setting::Pair, code, v.confidence);
    }
    v
}

/// Two sentences read alone have no entity ids: a name of `b` that is a spelling variant of
/// a name of `a` ('Mursi' / 'Morsi', the name matcher of [`crate::names`]) takes its key,
/// and its words take the words of `a`, so both overlap and the same-incident check see one
/// person.
fn unify_names(a: &mut Frame, b: &mut Frame, words: &Lexicons) {
    let lex = crate::names::lexicons::Lexicons::builtin();
    for i in 0..b.names.len() {
        if a.names.iter().any(|x| x.key == b.names[i].key) {
            continue;
        }
        let best = a.names.iter().find(|x| {
            crate::names::similarity::similarity(&x.name, &b.names[i].name, lex)
                >= NAME_VARIANT_SIMILARITY
        });
        let Some(x) = best else { continue };
        let (key, span_a) = (x.key.clone(), x.span);
        let words_a: Vec<String> = a
            .toks
            .iter()
            .filter(|t| t.span.start >= span_a.start && t.span.end <= span_a.end)
            .map(|t| t.canon.clone())
            .collect();
        let span_b = b.names[i].span;
        let in_b: Vec<usize> = (0..b.toks.len())
            .filter(|&k| b.toks[k].span.start >= span_b.start && b.toks[k].span.end <= span_b.end)
            .collect();
        if in_b.len() == words_a.len() {
            for (k, w) in in_b.into_iter().zip(words_a) {
                b.toks[k].canon = w;
            }
        }
        b.names[i].key = key;
    }
    b.refresh_content(words);
}

/// Names at least this similar are one person when two sentences are read alone.
const NAME_VARIANT_SIMILARITY: f64 = 0.9;

/// Two sentences read alone: a content word of `b` that `a` does not state takes the word
/// of `a` that writes the same thing in another form (see [`same_thing`]): one number in
/// digits and in words ('6' / 'six', '1,000' / '1000'), one place by its name and its
/// demonym ('Syria' / 'Syrian', 'Afghanistan' / 'Afghan') or by another of its gazetteer
/// forms ('USA' / 'U.S.'), one proper noun in two spellings ('Morsy' / 'Mursy'). A name of
/// `b` holding such a word takes the key of the name of `a` holding its match, so the
/// same-incident check sees one place.
fn unify_words(a: &Frame, b: &mut Frame, words: &Lexicons) {
    let names = crate::names::lexicons::Lexicons::builtin();
    let unstated = |x: &Frame, y: &Frame| -> Vec<usize> {
        (0..x.toks.len())
            .filter(|&k| {
                x.toks[k].content
                    && y.content_ids
                        .binary_search(&frame::word_id(&x.toks[k].canon))
                        .is_err()
            })
            .collect()
    };
    let (ua, ub) = (unstated(a, b), unstated(b, a));
    let mut changed = false;
    for j in ub {
        let Some(&i) = ua
            .iter()
            .find(|&&i| same_thing(&a.toks[i], &b.toks[j], words, names))
        else {
            continue;
        };
        b.toks[j].canon = a.toks[i].canon.clone();
        changed = true;
        let holder = |f: &Frame, k: usize| {
            let span = f.toks[k].span;
            f.names
                .iter()
                .position(|n| n.span.start <= span.start && span.end <= n.span.end)
        };
        if let (Some(na), Some(nb)) = (holder(a, i), holder(b, j)) {
            b.names[nb].key = a.names[na].key.clone();
        }
    }
    if changed {
        b.refresh_content(words);
    }
}

/// Whether two words write one thing in two forms (see [`unify_words`]).
fn same_thing(
    x: &frame::Tok,
    y: &frame::Tok,
    words: &Lexicons,
    names: &crate::names::lexicons::Lexicons,
) -> bool {
    if let (Some(p), Some(q)) = (number_value(&x.low, words), number_value(&y.low, words)) {
        return p == q;
    }
    if !(x.cap && y.cap) {
        return false;
    }
    let bare = |t: &frame::Tok| t.low.trim_end_matches("'s").replace('.', "");
    let (dx, dy) = (bare(x), bare(y));
    if dx == dy {
        return true;
    }
    let place = |w: &str| {
        names
            .place(&crate::names::keys::name_key(w))
            .map(|p| &p.key)
    };
    match (place(&dx), place(&dy)) {
        (Some(p), Some(q)) => return p == q,
        (Some(_), None) => return demonym_of(&dy, &dx),
        (None, Some(_)) => return demonym_of(&dx, &dy),
        (None, None) => {}
    }
    dx.chars().count() >= 4
        && dy.chars().count() >= 4
        && crate::names::similarity::similarity(&capitalised(&dx), &capitalised(&dy), names)
            >= NAME_VARIANT_SIMILARITY
}

/// A folded word with its first letter in upper case, as names are written.
fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Whether `word` is the demonym of the place `place` (both folded): the place's name
/// with a demonym ending ('syria' + 'n', 'iran' + 'ian', 'turk(ey)' + 'ish'), or a stem
/// of it ('afghan' of 'afghanistan').
fn demonym_of(word: &str, place: &str) -> bool {
    const ENDINGS: &[&str] = &["", "n", "an", "ian", "ish", "i", "ese"];
    let common = word
        .chars()
        .zip(place.chars())
        .take_while(|(p, q)| p == q)
        .count();
    let rest_word: String = word.chars().skip(common).collect();
    let rest_place = place.chars().count() - common;
    common >= 4 && rest_place <= 5 && ENDINGS.contains(&rest_word.as_str()) && word != place
}

/// The value of a number written in digits ('1,000') or as one number word ('six').
fn number_value(low: &str, words: &Lexicons) -> Option<f64> {
    if low.starts_with(|c: char| c.is_ascii_digit()) {
        let digits: String = low.chars().filter(|&c| c != ',').collect();
        return digits.parse::<f64>().ok();
    }
    words
        .numbers
        .get(std::slice::from_ref(&low.to_string()))
        .copied()
}

/// Compares two built frames.
pub fn compare_frames(a: Side, b: Side, config: &CompareConfig) -> Verdict {
    judge_frames(a, b, config, true)
}

/// [`compare_frames`]; with `explain_all` false, only contradictions get an explanation
/// (the others leave it empty: judging every alignment of a corpus needs only their
/// relations, and writing explanations is a measurable share of that work).
fn judge_frames(a: Side, b: Side, config: &CompareConfig, explain_all: bool) -> Verdict {
    let hits = rules::run(a, b, config);
    let ov = rules::overlap(a.frame, b.frame, &config.lexicons);
    let contra: Vec<&Hit> = hits.iter().filter(|h| h.contradiction).collect();
    if !contra.is_empty() {
        return from_hits(Relation::Contradiction, &contra);
    }
    let soft: Vec<&Hit> = hits.iter().collect();
    let explain = |text: &dyn Fn() -> String| if explain_all { text() } else { String::new() };
    // Negation on one side only never states the same claim.
    let one_sided_negation = a.frame.negations.is_empty() != b.frame.negations.is_empty();
    let covers = |(x, y): (f64, f64)| {
        x.min(y) >= config.agree_min_cover && x.max(y) >= config.agree_max_cover
    };
    // Agreement between two full clauses is entailment one way: one of them follows from
    // the other, word by word, each stated as it is or more specifically ('a man is
    // playing' states 'a person is playing', not the other way). Headlines are left to
    // the symmetric test: their compression rewords in both directions at once.
    let full_clauses = a.frame.subject_end.is_some() && b.frame.subject_end.is_some();
    let follows = |h: &Frame, p: &Frame| {
        entailed_cover(h, p) >= config.agree_max_cover && predicate_stated(h, p)
    };
    let entailed = !full_clauses || follows(a.frame, b.frame) || follows(b.frame, a.frame);
    let agree = !one_sided_negation
        && entailed
        && !subjects_swapped(a.frame, b.frame)
        && (covers((ov.cover_a, ov.cover_b))
            || (soft.is_empty()
                && config.agree_vector_similarity < 1.0
                && rules::same_incident(a.frame, b.frame)
                && covers(soft_cover(a.frame, b.frame, config))));
    if agree && soft.is_empty() {
        return Verdict {
            relation: Relation::Agreement,
            confidence: round4((0.4 + 0.3 * ov.min() + 0.3 * ov.max()).min(0.99)),
            reasons: vec![Reason::SameClaim],
            explanation: explain(&|| {
                format!(
                    "{} and {} state the same claim ({} shared content words{})",
                    a.label,
                    b.label,
                    ov.shared,
                    shared_words(a.frame, a.text, b.frame)
                )
            }),
            evidence_a: Vec::new(),
            evidence_b: Vec::new(),
            fact: None,
        };
    }
    if !soft.is_empty() && ov.max() >= config.partial_min_cover {
        return from_hits(Relation::Partial, &soft);
    }
    if ov.shared > 0 && ov.max() >= config.partial_min_cover {
        return Verdict {
            relation: Relation::Partial,
            confidence: round4((0.3 + 0.5 * ov.max()).min(0.9)),
            reasons: vec![Reason::Overlap],
            explanation: explain(&|| {
                format!(
                    "{} and {} overlap{} but each says something the other does not",
                    a.label,
                    b.label,
                    shared_words(a.frame, a.text, b.frame)
                )
            }),
            evidence_a: Vec::new(),
            evidence_b: Vec::new(),
            fact: None,
        };
    }
    Verdict {
        relation: Relation::Unrelated,
        confidence: round4((1.0 - ov.max()).clamp(0.5, 0.95)),
        reasons: Vec::new(),
        explanation: explain(&|| {
            format!("{} and {} do not report a common claim", a.label, b.label)
        }),
        evidence_a: Vec::new(),
        evidence_b: Vec::new(),
        fact: None,
    }
}

/// Whether `p` states the main predicate of `h` as it is or more specifically: what a
/// clause says its subject does is its claim ('a dog is walking in the snow' does not
/// follow from 'a dog is lying in the snow', however many other words they share).
fn predicate_stated(h: &Frame, p: &Frame) -> bool {
    let Some(i) = h.predicate.filter(|&i| h.toks[i].verb) else {
        return true;
    };
    let w = &h.toks[i].canon;
    p.content_ids.binary_search(&frame::word_id(w)).is_ok() || p.states_general(w)
}

/// Share of `h`'s content words that `p` states as they are or more specifically ('man'
/// states 'person'; 'person' does not state 'man'): how much of `h` follows from `p`.
fn entailed_cover(h: &Frame, p: &Frame) -> f64 {
    if h.content_ids.is_empty() {
        return 0.0;
    }
    let found = h
        .content_ids
        .iter()
        .filter(|w| {
            p.content_ids.binary_search(w).is_ok() || p.general_ids.binary_search(w).is_ok()
        })
        .count();
    found as f64 / h.content_ids.len() as f64
}

/// Whether the subject of each sentence is a non-subject word of the other, and the two
/// subjects share no word ('A cheetah is running behind the prey' / 'The prey is running
/// behind the cheetah'): the same words, the roles exchanged. A passive ('... by a man')
/// exchanges them without changing the claim.
fn subjects_swapped(a: &Frame, b: &Frame) -> bool {
    let passive = |f: &Frame| f.toks.iter().any(|t| t.low == "by");
    if passive(a) || passive(b) {
        return false;
    }
    let (sa, sb) = (rules::subject_words(a), rules::subject_words(b));
    if sa.is_empty() || sb.is_empty() || sa.iter().any(|w| sb.contains(w)) {
        return false;
    }
    let elsewhere = |subject: &[&str], f: &Frame| {
        let end = f.subject_end.unwrap_or(0);
        f.toks[end..]
            .iter()
            .any(|t| t.content && subject.contains(&t.canon.as_str()))
    };
    elsewhere(&sa, b) && elsewhere(&sb, a)
}

/// Coverage of each side's content words when a word the other side does not state counts
/// as stated by a vector-similar content word of the other's own (see
/// [`CompareConfig::agree_vector_similarity`]).
fn soft_cover(a: &Frame, b: &Frame, config: &CompareConfig) -> (f64, f64) {
    let lex = &config.lexicons;
    // `w` is stated when the other side has it, a more specific word for it, or a more
    // general word of its dominant (noun) sense: all on sorted word hashes.
    let stated = |w: &str, other: &Frame| {
        let id = frame::word_id(w);
        let has = |g: &u64| other.content_ids.binary_search(g).is_ok();
        has(&id)
            || other.general_ids.binary_search(&id).is_ok()
            || lex.ancestor_ids(w, false).iter().any(has)
    };
    // Per side, its content words as (canonical stem, written word folded), one per stem.
    // Words vectors cannot judge are not matched softly: names ('Yemen' / 'Pakistan' lie
    // close in the vector space, as do alternatives of one kind), and the words of a full
    // clause (one with an auxiliary or copula: 'a dog is sitting' / 'a dog is walking',
    // 'on the grass' / 'in the field' are two scenes, however close their vectors); the
    // telegraphic style of headlines ('Miami Heat wins NBA Finals') has none.
    fn words(f: &Frame) -> Vec<(&str, &str)> {
        let full_clause = f.subject_end.is_some();
        let mut v: Vec<(&str, &str)> = Vec::new();
        for (i, t) in f.toks.iter().enumerate().filter(|(_, t)| t.content) {
            if (t.cap && i > 0) || full_clause {
                // (kept as words that must be stated exactly)
                if !v.iter().any(|(c, _)| *c == t.canon) {
                    v.push((t.canon.as_str(), ""));
                }
                continue;
            }
            if !v.iter().any(|(c, _)| *c == t.canon) {
                v.push((t.canon.as_str(), t.low.as_str()));
            }
        }
        v
    }
    let (wa, wb) = (words(a), words(b));
    let unstated_a: Vec<(&str, &str)> = wa.iter().copied().filter(|(c, _)| !stated(c, b)).collect();
    let unstated_b: Vec<(&str, &str)> = wb.iter().copied().filter(|(c, _)| !stated(c, a)).collect();
    let close = |(ca, la): (&str, &str), (cb, lb): (&str, &str)| {
        !la.is_empty()
            && !lb.is_empty()
            && !lex.opposite(ca, cb)
            && !lex.siblings(ca, cb)
            && crate::vectors::similarity_inflected(la, lb)
                .is_some_and(|s| s as f64 >= config.agree_vector_similarity)
    };
    let cover = |all: usize, unstated: &[(&str, &str)], others: &[(&str, &str)]| {
        if all == 0 {
            return 0.0;
        }
        // A few words per side at most: a paraphrase of a claim rewords a word or two; two
        // sentences that differ in many words each close to one of the other's tell of two
        // stories of one kind.
        let soft = unstated
            .iter()
            .filter(|&&w| others.iter().any(|&o| close(w, o)))
            .count()
            .min(config.agree_vector_max_words);
        (all - unstated.len() + soft) as f64 / all as f64
    };
    (
        cover(wa.len(), &unstated_a, &unstated_b),
        cover(wb.len(), &unstated_b, &unstated_a),
    )
}

fn shared_words(a: &Frame, a_text: &str, b: &Frame) -> String {
    let mut seen = BTreeSet::new();
    let words: Vec<String> = a
        .toks
        .iter()
        .filter(|t| {
            t.content
                && b.content_ids
                    .binary_search(&frame::word_id(&t.canon))
                    .is_ok()
                && seen.insert(t.canon.as_str())
        })
        .take(4)
        .map(|t| explain::q(t.text(a_text)))
        .collect();
    if words.is_empty() {
        String::new()
    } else {
        format!(": {}", words.join(", "))
    }
}

fn from_hits(relation: Relation, hits: &[&Hit]) -> Verdict {
    let mut reasons: Vec<Reason> = Vec::new();
    for h in hits {
        if !reasons.contains(&h.code) {
            reasons.push(h.code);
        }
    }
    let top = hits[0];
    // Independent signals make a contradiction more certain.
    let mut conf = top.confidence;
    for h in &hits[1..] {
        if h.code != top.code {
            conf += (1.0 - conf) * h.confidence * 0.3;
        }
    }
    Verdict {
        relation,
        confidence: round4(conf.min(0.99)),
        reasons,
        explanation: top.explanation.clone(),
        evidence_a: hits.iter().flat_map(|h| h.span_a.iter().copied()).collect(),
        evidence_b: hits.iter().flat_map(|h| h.span_b.iter().copied()).collect(),
        fact: Some(top.fact.clone()),
    }
}

/// Judges every alignment (its relation) and produces agreement and contradiction findings.
/// The documents of one event are taken to be those linked by alignments; use
/// [`judge_events`] when the events are known, so that roles are also compared across
/// documents whose sentences were not aligned.
#[cfg(test)]
pub fn judge(
    docs: &[Document],
    entities: &Entities,
    alignments: &[Alignment],
    config: &CompareConfig,
) -> (Vec<Relation>, Vec<Finding>) {
    let events = events_from_alignments(docs.len(), alignments);
    judge_events(docs, entities, &events, alignments, config)
}

/// Groups documents linked by alignments (connected components), ordered by first document.
#[cfg(test)]
pub fn events_from_alignments(n_docs: usize, alignments: &[Alignment]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n_docs).collect();
    fn root(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for al in alignments {
        if al.a.0 < n_docs && al.b.0 < n_docs {
            let (x, y) = (root(&mut parent, al.a.0), root(&mut parent, al.b.0));
            if x != y {
                parent[x.max(y)] = x.min(y);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for d in 0..n_docs {
        let r = root(&mut parent, d);
        groups.entry(r).or_default().push(d);
    }
    groups.into_values().collect()
}

/// The frame builder of a corpus: one frame per sentence, built on demand.
struct Frames<'a> {
    docs: &'a [Document],
    entities: &'a Entities,
    config: &'a CompareConfig,
    cache: BTreeMap<SentenceId, Frame>,
}

impl<'a> Frames<'a> {
    fn text(&self, id: SentenceId) -> &'a str {
        self.docs
            .get(id.0)
            .map(|d| d.sentence_text(id.1))
            .unwrap_or("")
    }

    /// Builds the frames of `ids` not yet built (in parallel with the `parallel` feature).
    fn fill(&mut self, ids: &[SentenceId]) {
        let mut missing: Vec<SentenceId> = ids
            .iter()
            .copied()
            .filter(|id| !self.cache.contains_key(id))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        let built: Vec<Frame> = crate::par::map(&missing, |&id| self.build(id));
        self.cache.extend(missing.into_iter().zip(built));
    }

    /// One side of a comparison: the frame and text of `id`, named `label`.
    fn side<'s>(&'s self, id: SentenceId, label: &'s str) -> Side<'s> {
        Side {
            frame: self.peek(id),
            text: self.text(id),
            label,
        }
    }

    /// A frame already built by [`Frames::fill`] (an empty frame otherwise).
    fn peek(&self, id: SentenceId) -> &Frame {
        static EMPTY: std::sync::OnceLock<Frame> = std::sync::OnceLock::new();
        self.cache
            .get(&id)
            .unwrap_or_else(|| EMPTY.get_or_init(Frame::default))
    }

    fn build(&self, (d, s): SentenceId) -> Frame {
        let Some(doc) = self.docs.get(d) else {
            return Frame::default();
        };
        let Some(sent) = doc.sentences.get(s) else {
            return Frame::default();
        };
        let base = sent.span.start;
        let inside = |sp: Span| sp.start >= base && sp.end <= sent.span.end && sp.start <= sp.end;
        // Only people hold titles ('director of Ningbo Garment Factory' is no role of the
        // factory).
        let person = |e: usize| {
            self.entities
                .entities
                .get(e)
                .is_none_or(|x| x.kind == crate::report::EntityKind::Person)
        };
        let given: Vec<GivenName> = self
            .entities
            .in_sentence(d, s)
            .filter(|m| inside(m.span))
            .map(|m| GivenName {
                key: format!("e{}", m.entity),
                span: Span::new(m.span.start - base, m.span.end - base),
                role: m
                    .role
                    .filter(|r| inside(*r) && person(m.entity))
                    .map(|r| Span::new(r.start - base, r.end - base)),
            })
            .collect();
        let mut f = frame::build(doc.sentence_text(s), &given, &self.config.lexicons);
        for name in &mut f.names {
            if name
                .role
                .as_ref()
                .is_some_and(|r| frame::role_after_preposition(&f.toks, r.1, &self.config.lexicons))
            {
                name.role = None;
            }
        }
        f
    }
}

/// Like [`judge`], with the events given: also compares, within each event, the roles that
/// each entity has in different documents, even in sentences that were not aligned.
/// Contradiction findings come one per conflicting fact, agreement findings one per claim,
/// both ordered by importance (see [`findings::by_importance`]).
pub fn judge_events(
    docs: &[Document],
    entities: &Entities,
    events: &[Vec<usize>],
    alignments: &[Alignment],
    config: &CompareConfig,
) -> (Vec<Relation>, Vec<Finding>) {
    let mut event_of = vec![events.len(); docs.len()];
    for (e, members) in events.iter().enumerate() {
        for &d in members {
            if let Some(x) = event_of.get_mut(d) {
                *x = e;
            }
        }
    }
    // The alignments of each event (and, last, of documents in no event). Alignments never
    // cross events, so the events are judged independently (in parallel with the `parallel`
    // feature) and their results joined in event order.
    let mut by_event: Vec<(usize, Vec<usize>)> =
        (0..=events.len()).map(|e| (e, Vec::new())).collect();
    for (i, al) in alignments.iter().enumerate() {
        let e = event_of.get(al.a.0).copied().unwrap_or(events.len());
        by_event[e].1.push(i);
    }
    let aligned = config.for_aligned_pairs();
    let judged = crate::par::map(&by_event, |(e, members)| {
        let configs = (config, &aligned);
        judge_event(docs, entities, events.get(*e), alignments, members, configs)
    });
    let mut relations = vec![Relation::Partial; alignments.len()];
    let mut found = Vec::new();
    let mut agree_edges: Vec<(SentenceId, SentenceId, f64)> = Vec::new();
    let mut clashing = BTreeSet::new();
    for j in judged {
        for (i, r) in j.relations {
            relations[i] = r;
        }
        found.extend(j.findings);
        agree_edges.extend(j.agree_edges);
        clashing.extend(j.clashing);
    }
    found.extend(findings::agreement_groups(docs, &agree_edges, &clashing));
    findings::by_importance(&mut found);
    (relations, found)
}

/// What judging one event gives.
struct EventJudgement {
    /// The relation of each of its alignments (by index).
    relations: Vec<(usize, Relation)>,
    /// Its contradiction findings, one per fact.
    findings: Vec<Finding>,
    /// Its agreement edges.
    agree_edges: Vec<(SentenceId, SentenceId, f64)>,
    /// Its contradicting pairs (smaller id first), which no agreement may join.
    clashing: BTreeSet<(SentenceId, SentenceId)>,
}

/// Reason codes whose fact belongs to an entity rather than to one claim.
fn event_wide(code: &str) -> bool {
    code == Reason::RoleMismatch.as_str() || code == Reason::EntityMismatch.as_str()
}

/// Judges the alignments `members` of one event (`event`: its documents, when known).
fn judge_event(
    docs: &[Document],
    entities: &Entities,
    event: Option<&Vec<usize>>,
    alignments: &[Alignment],
    members: &[usize],
    (config, aligned): (&CompareConfig, &CompareConfig),
) -> EventJudgement {
    let mut frames = Frames {
        docs,
        entities,
        config,
        cache: BTreeMap::new(),
    };
    let mut ids: Vec<SentenceId> = members
        .iter()
        .flat_map(|&i| [alignments[i].a, alignments[i].b])
        .collect();
    // The role scan reads every sentence of the event: build all frames at once.
    if let Some(event) = event.filter(|e| e.len() >= 2) {
        for &d in event {
            let n = docs.get(d).map_or(0, |x| x.sentences.len());
            ids.extend((0..n).map(|s| (d, s)));
        }
    }
    frames.fill(&ids);
    let frames = frames;
    let label = |(d, _): SentenceId| docs.get(d).map_or("", |x| x.id.as_str());
    let verdict = |&i: &usize| {
        let (a, b) = (alignments[i].a, alignments[i].b);
        judge_frames(
            frames.side(a, label(a)),
            frames.side(b, label(b)),
            aligned,
            false,
        )
    };
    let verdicts: Vec<Verdict> = crate::par::map(members, verdict);
    let claims = claims(members.iter().map(|&i| (alignments[i].a, alignments[i].b)));
    let mut out = EventJudgement {
        relations: Vec::with_capacity(members.len()),
        findings: Vec::new(),
        agree_edges: Vec::new(),
        clashing: BTreeSet::new(),
    };
    let mut facts = findings::Facts::default();
    for (&i, v) in members.iter().zip(&verdicts) {
        let al = &alignments[i];
        let (a, b) = (al.a, al.b);
        let no_rule_fired = v.reasons.iter().all(|r| *r == Reason::Overlap);
        let (rel, confidence) = match v.relation {
            // An aligned pair always shares a claim: 'unrelated' is not an alignment relation.
            Relation::Unrelated => (Relation::Partial, v.confidence),
            // The aligner already found one claim in both; when no rule sees a difference,
            // a confident alignment is an agreement stated in other words.
            Relation::Partial if no_rule_fired && al.score >= config.aligned_agreement_score => (
                Relation::Agreement,
                round4(al.score.min(v.confidence.max(0.5))),
            ),
            Relation::Contradiction
                if al.score < config.min_clash_alignment
                    && !event_wide(v.reasons.first().map_or("", |r| r.as_str())) =>
            {
                (Relation::Partial, v.confidence)
            }
            r => (r, v.confidence),
        };
        out.relations.push((i, rel));
        match rel {
            Relation::Contradiction => {
                out.clashing.insert((a.min(b), a.max(b)));
                let Some(fact) = v.fact.as_ref() else {
                    continue;
                };
                let code = v.reasons.first().map_or("", |r| r.as_str());
                let confidence =
                    calibration::calibrate(calibration::Setting::Corpus, code, confidence);
                if confidence < config.min_finding_confidence || a.0 == b.0 {
                    continue;
                }
                let claim = if event_wide(code) {
                    findings::EVENT_WIDE
                } else {
                    claims[&a]
                };
                let clash = findings::Clash {
                    a,
                    b,
                    reasons: &v.reasons,
                    confidence,
                    fact,
                    span_a: &v.evidence_a,
                    span_b: &v.evidence_b,
                };
                facts.add(claim, clash);
            }
            Relation::Agreement => out.agree_edges.push((a, b, confidence)),
            _ => {}
        }
    }
    if let Some(event) = event {
        role_scan(&frames, event, config, &mut facts);
    }
    for (key, group) in facts.into_groups() {
        let explain = |(x, y): (SentenceId, SentenceId), la: &str, lb: &str| {
            if event_wide(key.code) {
                if let Some(e) = role_explanation(&frames, &key.subject, (x, y), la, lb) {
                    return e;
                }
            }
            judge_frames(frames.side(x, la), frames.side(y, lb), aligned, true).explanation
        };
        out.findings
            .extend(findings::contradiction(docs, group, explain));
    }
    out
}

/// The claims of one event: each sentence of an aligned pair maps to the first sentence of
/// its component of aligned sentences.
fn claims(
    pairs: impl Iterator<Item = (SentenceId, SentenceId)>,
) -> BTreeMap<SentenceId, SentenceId> {
    let mut parent: BTreeMap<SentenceId, SentenceId> = BTreeMap::new();
    fn root(p: &mut BTreeMap<SentenceId, SentenceId>, x: SentenceId) -> SentenceId {
        let mut r = x;
        while let Some(&up) = p.get(&r).filter(|&&up| up != r) {
            r = up;
        }
        p.insert(x, r);
        r
    }
    for (a, b) in pairs {
        parent.entry(a).or_insert(a);
        parent.entry(b).or_insert(b);
        let (x, y) = (root(&mut parent, a), root(&mut parent, b));
        if x != y {
            parent.insert(x.max(y), x.min(y));
        }
    }
    let keys: Vec<SentenceId> = parent.keys().copied().collect();
    keys.into_iter()
        .map(|k| (k, root(&mut parent, k)))
        .collect()
}

/// 'NAME is ROLE in A but ROLE in B' for the representative pair of a role fact.
fn role_explanation(
    frames: &Frames,
    entity: &str,
    (x, y): (SentenceId, SentenceId),
    la: &str,
    lb: &str,
) -> Option<String> {
    let role = |s: SentenceId| {
        frames
            .peek(s)
            .names
            .iter()
            .find(|n| n.key == entity && n.role.is_some())
    };
    let (nx, ny) = (role(x)?, role(y)?);
    let (rx, ry) = (nx.role.as_ref()?, ny.role.as_ref()?);
    let name = entity
        .strip_prefix('e')
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|n| frames.entities.entities.get(n))
        .map_or_else(|| nx.name.clone(), |e| e.canonical.clone());
    Some(explain::role(&name, &rx.0, la, &ry.0, lb))
}

/// The sentences of one event that give one entity one role, with the spans that show it.
#[derive(Default)]
struct RoleValue<'f> {
    info: Option<&'f frame::RoleInfo>,
    sentences: BTreeMap<SentenceId, Vec<Span>>,
}

/// The roles each entity has in the different documents of one event, indexed by entity
/// and role: every sentence giving an entity one role stands against every sentence giving
/// it a conflicting one, in one fact (no loop over pairs of mentions).
fn role_scan(
    frames: &Frames,
    event: &[usize],
    config: &CompareConfig,
    facts: &mut findings::Facts,
) {
    let docs = frames.docs;
    if event.len() < 2 {
        return;
    }
    let mut by_entity: BTreeMap<&str, BTreeMap<String, RoleValue>> = BTreeMap::new();
    for &d in event {
        let n = docs.get(d).map_or(0, |x| x.sentences.len());
        for s in 0..n {
            for name in &frames.peek((d, s)).names {
                let Some((_, span, info)) = name.role.as_ref().filter(|r| r.2.head.is_some())
                else {
                    continue;
                };
                let value = by_entity
                    .entry(name.key.as_str())
                    .or_default()
                    .entry(rules::role_key(info))
                    .or_default();
                value.info = Some(info);
                value
                    .sentences
                    .entry((d, s))
                    .or_default()
                    .extend([*span, name.span]);
            }
        }
    }
    for (ent, values) in by_entity {
        let values: Vec<(String, RoleValue)> = values.into_iter().collect();
        let mut found = 0;
        'values: for (i, (ka, va)) in values.iter().enumerate() {
            for (kb, vb) in &values[i + 1..] {
                let (Some(ia), Some(ib)) = (va.info, vb.info) else {
                    continue;
                };
                let c = rules::role_conflict(ia, ib, &config.lexicons);
                let rep = va
                    .sentences
                    .keys()
                    .find_map(|&a| vb.sentences.keys().find(|b| b.0 != a.0).map(|&b| (a, b)));
                let c = calibration::calibrate(calibration::Setting::Corpus, "role_mismatch", c)
                    * f64::from(u8::from(c > 0.0));
                let Some(rep) = rep.filter(|_| c > 0.0 && c >= config.min_finding_confidence)
                else {
                    continue;
                };
                if found >= config.max_role_findings {
                    break 'values;
                }
                found += 1;
                let key = findings::FactKey {
                    code: Reason::RoleMismatch.as_str(),
                    claim: findings::EVENT_WIDE,
                    subject: ent.to_string(),
                    values: [ka.clone(), kb.clone()],
                };
                let group = findings::FactGroup {
                    confidence: round4(c),
                    reasons: vec![Reason::RoleMismatch],
                    rep,
                    sides: [va.sentences.clone(), vb.sentences.clone()],
                };
                facts.add_sides(key, group);
            }
        }
    }
}

#[cfg(test)]
mod tests;
