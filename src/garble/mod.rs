//! Garbled machine translation: per sentence and per document.
//!
//! Sentence signals that need no other source ([`score_sentence`]):
//! - a fluency prior from English word statistics shipped with the crate ([`stats`],
//!   [`signals`]): function-word load, negations, repetition, comma-chained clauses, few
//!   proper names, rare content words (`word_salad`);
//! - broken idioms: a known idiom's frame with one key word replaced ([`idioms`],
//!   `broken_idiom`);
//! - titles that do not exist in English ([`titles`], `nonexistent_title`);
//! - word sequences English grammar does not allow ([`grammar`], `broken_grammar`);
//! - a phrase repeated back to back, the loop of a derailed translation ([`looping`],
//!   `looping`).
//!
//! Signals that use the other sources ([`assess`], [`cross`]): a name spelled against the
//! corpus consensus (`name_variant`); among five or more renderings of one text, a sentence
//! that differs from the others in many content words — words none of them has, words most of
//! them have and it lacks (`consensus_outlier`); otherwise an aligned clean twin that says the
//! same thing with different content words (`content_substitution`). Documents are scored
//! from their sentences ([`document`]); in a mostly garbled article, a narrative sentence no
//! other source carries is flagged too (`garbled_context`).

pub mod cross;
pub mod document;
pub mod grammar;
pub mod idioms;
pub mod looping;
pub mod signals;
pub(crate) use crate::wordfreq as stats;
pub mod titles;

use crate::align::Alignment;
use crate::document::{Document, Span};
use crate::names::Entities;
use crate::report::{Finding, MachineTranslation, Reason};
use std::sync::Arc;

pub use idioms::Idioms;
pub use signals::PriorWeights;
pub use stats::LanguageStats;
pub use titles::Titles;

/// Settings, lexicons and language statistics of garble detection.
#[derive(Debug, Clone)]
pub struct GarbleConfig {
    /// Word statistics; `None` uses the built-in English table.
    pub(crate) stats: Option<Arc<LanguageStats>>,
    /// Idioms checked for a replaced key word (built-in list by default).
    pub(crate) idioms: Arc<Idioms>,
    /// Real titles and known literal mistranslations of titles.
    pub(crate) titles: Arc<Titles>,
    /// Weights of the fluency prior.
    pub prior: PriorWeights,
    /// Fluency prior at and above which a sentence gets the `word_salad` reason.
    pub word_salad_threshold: f64,
    /// Sentence score at and above which a sentence judged alone is flagged.
    pub flag_threshold: f64,
    /// Sentence score at and above which a sentence of a flagged document is flagged
    /// (context lowers the bar).
    pub in_document_flag_threshold: f64,
    /// In a flagged document, a sentence whose best alignment with a fluent article scores
    /// below this (yet was aligned) is flagged as a weak rendering of that claim.
    pub weak_twin_score: f64,
    /// In a flagged document with at least this share of its sentences flagged, a sentence
    /// that no other source carries (and that is not quoted speech) is flagged as well
    /// (`garbled_context`); 1 turns this off.
    pub context_share: f64,
    /// Confidence of a word sequence English grammar does not allow (`broken_grammar`;
    /// below `flag_threshold`: alone it flags a sentence only inside a garbled document).
    pub grammar_weight: f64,
    /// Confidence of a broken idiom.
    pub idiom_weight: f64,
    /// Confidence of a phrase repeated back to back (`looping`; below `flag_threshold`:
    /// alone it flags a sentence only inside a garbled document).
    pub loop_weight: f64,
    /// Confidence of a nonexistent title (below `flag_threshold`: alone it flags a sentence
    /// only inside a garbled document; a fluent writer can get one title wrong).
    pub title_weight: f64,
    /// Weight of a name spelled against the corpus consensus, consistently within its
    /// document (may be a transliteration convention: weak alone).
    pub name_variant_weight: f64,
    /// Weight of a name spelled against the consensus in a document that also spells it
    /// otherwise, with a spelling no other document has (a garbling slip).
    pub name_inconsistent_weight: f64,
    /// Other documents with an aligned sentence needed to judge a sentence against the
    /// consensus of its group (at least 2, i.e. three sources). Default 4: with only two or
    /// three other independently written articles, a sentence told in the writer's own words
    /// stands apart as much as a garbled one does; five or more renderings of one text
    /// (translations) give a consensus worth trusting.
    pub consensus_min_partners: usize,
    /// Typical similarity within the group at and above which the group counts as agreeing
    /// (translations of one text); below it the sources tell the story in their own words
    /// and no outlier is judged.
    pub consensus_min_agreement: f64,
    /// Weight of a `consensus_outlier`.
    pub consensus_weight: f64,
    /// Share of the sentences of each of two documents that must be aligned with the other
    /// for the two to read as renderings of one text (translations, copies of one wire
    /// story). Only renderings of one text form a consensus: independently written articles
    /// tell the same facts in their own words, and a sentence of theirs that differs from
    /// the others is no sign of garbling.
    pub consensus_min_coverage: f64,
    /// Content words in which a sentence differs from its consensus group (words no other
    /// source has plus words most others have and it lacks) at and above which it is a
    /// `consensus_outlier`. A count, not a share: each differing word is a chance of a
    /// mistranslation, so a long sentence that differs in many words is as suspect as a short
    /// one that differs in many.
    pub consensus_min_divergence: usize,
    /// Words most of the group has and the sentence lacks needed for a `consensus_outlier`
    /// besides the divergence: a sentence that only adds words (an outlet's extra clause) is
    /// edited, not garbled.
    pub consensus_min_missing: usize,
    /// Share of a group's other sentences that must have a word for its absence to count.
    pub consensus_missing_share: f64,
    /// Share of a sentence's content words found in no aligned sentence of another source at
    /// and above which the sentence is in its own words; a document with most sentences so is
    /// a free rendering, with no `consensus_outlier` in it.
    pub free_rendering_unique_share: f64,
    /// Sentence score at and above which a sentence (with a reason) counts as evidence that
    /// its document is garbled.
    pub document_evidence_threshold: f64,
    /// Weight of the distance from the consensus in the document score (never in the flag).
    pub document_consensus_weight: f64,
    /// Weight of content words replaced where an aligned twin has others.
    pub substitution_weight: f64,
    /// Alignment score from which another source's sentence counts as the same claim: a
    /// twin to compare with and to quote as saying it fluently (below it, a weak match
    /// sharing a few words is not the same claim).
    pub twin_min_score: f64,
    /// Alignment score with a sentence of a fluent article from which a sentence of a
    /// garbled article counts as worded like it (near-verbatim): the fluency prior alone does
    /// not flag it.
    pub fluent_echo_score: f64,
    /// Evidence a document needs to be flagged: the sum, over its sentences, of the
    /// weights of their specific reasons (each weight stands for that signal's precision).
    /// Above every single weight, so one odd sentence never flags an article alone: it takes
    /// two sentences or two independent signals.
    pub document_min_evidence: f64,
    /// Document score at and above which a document is flagged.
    pub document_threshold: f64,
    /// Share of suspicious sentences (with any reason) at and above which a document can be
    /// flagged.
    pub document_min_flagged_share: f64,
}

impl Default for GarbleConfig {
    fn default() -> Self {
        GarbleConfig {
            stats: None,
            idioms: Arc::new(Idioms::parse(idioms::BUILTIN_IDIOMS)),
            titles: Arc::new(Titles::parse(titles::BUILTIN_TITLES)),
            prior: PriorWeights::default(),
            word_salad_threshold: 0.85,
            flag_threshold: 0.8,
            in_document_flag_threshold: 0.5,
            weak_twin_score: 0.4,
            context_share: 0.5,
            grammar_weight: 0.7,
            idiom_weight: 0.9,
            loop_weight: 0.75,
            title_weight: 0.75,
            name_variant_weight: 0.3,
            name_inconsistent_weight: 0.6,
            consensus_min_partners: 4,
            consensus_min_agreement: 0.5,
            consensus_weight: 0.85,
            consensus_min_coverage: 0.8,
            consensus_min_divergence: 6,
            consensus_min_missing: 2,
            consensus_missing_share: 0.7,
            free_rendering_unique_share: 0.3,
            document_evidence_threshold: 0.5,
            document_consensus_weight: 0.5,
            substitution_weight: 0.4,
            twin_min_score: 0.4,
            fluent_echo_score: 0.8,
            document_min_evidence: 1.2,
            document_threshold: 0.25,
            document_min_flagged_share: 0.1,
        }
    }
}

impl GarbleConfig {
    /// The word statistics in use.
    pub(crate) fn language(&self) -> &LanguageStats {
        match &self.stats {
            Some(s) => s,
            None => LanguageStats::english(),
        }
    }

    /// The weight (confidence) of a reason code judged on the sentence alone; 0 for the
    /// fluency prior (`word_salad`) and for codes that need other sources.
    pub(crate) fn reason_weight(&self, reason: Reason) -> f64 {
        match reason {
            Reason::BrokenIdiom => self.idiom_weight,
            Reason::NonexistentTitle => self.title_weight,
            Reason::BrokenGrammar => self.grammar_weight,
            Reason::Looping => self.loop_weight,
            _ => 0.0,
        }
    }

    /// Adds idioms (one per line, the format of `src/data/garble_idioms.txt`).
    pub fn add_idioms(&mut self, text: &str) {
        Arc::make_mut(&mut self.idioms).extend(idioms::parse_idioms(text));
    }

    /// Adds titles (the format of `src/data/garble_titles.txt`).
    pub fn add_titles(&mut self, text: &str) {
        Arc::make_mut(&mut self.titles).extend(text);
    }

    /// Checks ranges.
    pub fn validate(&self) -> crate::error::Result<()> {
        use crate::config::check_unit;
        check_unit("garble.word_salad_threshold", self.word_salad_threshold)?;
        check_unit("garble.flag_threshold", self.flag_threshold)?;
        check_unit(
            "garble.in_document_flag_threshold",
            self.in_document_flag_threshold,
        )?;
        check_unit("garble.idiom_weight", self.idiom_weight)?;
        check_unit("garble.loop_weight", self.loop_weight)?;
        check_unit("garble.context_share", self.context_share)?;
        check_unit("garble.grammar_weight", self.grammar_weight)?;
        check_unit("garble.title_weight", self.title_weight)?;
        check_unit("garble.name_variant_weight", self.name_variant_weight)?;
        check_unit("garble.substitution_weight", self.substitution_weight)?;
        check_unit(
            "garble.name_inconsistent_weight",
            self.name_inconsistent_weight,
        )?;
        check_unit("garble.consensus_weight", self.consensus_weight)?;
        check_unit("garble.consensus_min_coverage", self.consensus_min_coverage)?;
        check_unit(
            "garble.consensus_missing_share",
            self.consensus_missing_share,
        )?;
        check_unit(
            "garble.free_rendering_unique_share",
            self.free_rendering_unique_share,
        )?;
        check_unit(
            "garble.consensus_min_agreement",
            self.consensus_min_agreement,
        )?;
        check_unit(
            "garble.document_evidence_threshold",
            self.document_evidence_threshold,
        )?;
        check_unit(
            "garble.document_consensus_weight",
            self.document_consensus_weight,
        )?;
        check_unit("garble.document_threshold", self.document_threshold)?;
        check_unit("garble.twin_min_score", self.twin_min_score)?;
        check_unit("garble.fluent_echo_score", self.fluent_echo_score)?;
        if !(self.document_min_evidence.is_finite() && self.document_min_evidence >= 0.0) {
            return Err(crate::error::Error::Config {
                field: "garble.document_min_evidence".into(),
                message: format!("must be a number >= 0, got {}", self.document_min_evidence),
            });
        }
        check_unit(
            "garble.document_min_flagged_share",
            self.document_min_flagged_share,
        )
    }
}

/// The verdict on one sentence judged alone.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceVerdict {
    /// In [0, 1]; higher means more likely garbled.
    pub score: f64,
    /// The library's decision.
    pub flagged: bool,
    /// Reason codes (`broken_idiom`, `word_salad`, ...).
    pub reasons: Vec<Reason>,
    /// Spans of the sentence that show it.
    pub evidence: Vec<Span>,
    /// One-sentence explanations, one per reason.
    pub notes: Vec<String>,
    /// The fluency prior alone, in [0, 1].
    pub prior: f64,
}

/// Combines independent pieces of evidence: `1 - Π(1 - p)`.
pub(crate) fn noisy_or(ps: impl IntoIterator<Item = f64>) -> f64 {
    let keep: f64 = ps.into_iter().map(|p| 1.0 - p.clamp(0.0, 1.0)).product();
    (1.0 - keep).clamp(0.0, 1.0)
}

/// Judges one sentence alone, with no other source.
pub fn score_sentence(text: &str, config: &GarbleConfig) -> SentenceVerdict {
    let f = signals::features(text, config.language());
    // No word, nothing to judge: a blank line is not garbled.
    if f.words == 0 {
        return SentenceVerdict {
            score: 0.0,
            flagged: false,
            reasons: Vec::new(),
            evidence: Vec::new(),
            notes: Vec::new(),
            prior: 0.0,
        };
    }
    let prior = signals::sigmoid(signals::prior_logit(&f, &config.prior));
    let prior = if prior.is_finite() { prior } else { 0.0 };
    let mut reasons = Vec::new();
    let mut evidence = Vec::new();
    let mut notes = Vec::new();
    let mut parts = vec![prior];
    for b in idioms::find_broken(text, &config.idioms) {
        if !reasons.contains(&Reason::BrokenIdiom) {
            reasons.push(Reason::BrokenIdiom);
            parts.push(config.idiom_weight);
        }
        notes.push(format!(
            "'{}' looks like the idiom '{}' with '{}' in place of '{}'",
            b.span.slice(text),
            b.idiom,
            b.found,
            b.expected
        ));
        evidence.push(b.span);
    }
    for t in titles::find_bad_titles(text, &config.titles) {
        if !reasons.contains(&Reason::NonexistentTitle) {
            reasons.push(Reason::NonexistentTitle);
            parts.push(config.title_weight);
        }
        notes.push(format!(
            "'{}' is not an English title (likely '{}')",
            t.found, t.expected
        ));
        evidence.push(t.span);
    }
    for g in grammar::find_broken(text) {
        if !reasons.contains(&Reason::BrokenGrammar) {
            reasons.push(Reason::BrokenGrammar);
            parts.push(config.grammar_weight);
        }
        notes.push(format!("'{}': {}", g.span.slice(text), g.what));
        evidence.push(g.span);
    }
    if let Some(span) = looping::find_loop(text) {
        reasons.push(Reason::Looping);
        parts.push(config.loop_weight);
        notes.push(format!(
            "'{}' repeats a phrase back to back, as a derailed translation loops",
            span.slice(text)
        ));
        evidence.push(span);
    }
    if prior >= config.word_salad_threshold {
        reasons.push(Reason::WordSalad);
        notes.push(
            "the sentence reads as word salad: function words, negations and repeats outweigh \
             content"
                .to_string(),
        );
    }
    let score = noisy_or(parts);
    let flagged = score >= config.flag_threshold && !reasons.is_empty();
    SentenceVerdict {
        score,
        flagged,
        reasons,
        evidence,
        notes,
        prior,
    }
}

/// Scores every document and produces garbled-translation findings.
#[cfg(test)]
pub fn assess(
    docs: &[Document],
    entities: &Entities,
    alignments: &[Alignment],
    config: &GarbleConfig,
) -> (Vec<MachineTranslation>, Vec<Finding>) {
    assess_with_contradictions(docs, entities, alignments, &[], config)
}

/// A sentence: `(document index, sentence index)`.
pub type SentenceId = (usize, usize);

/// Like [`assess`], also given the contradictions the compare stage found (pairs of
/// `(document, sentence)`). In an article judged to be a garbled translation, a sentence that
/// contradicts a sentence of a fluent article reporting the same event is taken for a
/// meaning-changing mistranslation ('has now convinced' for 'needs to persuade').
#[cfg(test)]
pub fn assess_with_contradictions(
    docs: &[Document],
    entities: &Entities,
    alignments: &[Alignment],
    contradictions: &[(SentenceId, SentenceId)],
    config: &GarbleConfig,
) -> (Vec<MachineTranslation>, Vec<Finding>) {
    let alone = cross::judge_alone(docs, config);
    assess_with_alone(docs, &alone, entities, alignments, contradictions, config)
}

/// [`assess_with_contradictions`] with the sentences already judged alone
/// ([`cross::judge_alone`] of the same documents and config): the corpus computes that part
/// while names, terms and events are built.
pub(crate) fn assess_with_alone(
    docs: &[Document],
    alone: &[Vec<SentenceVerdict>],
    entities: &Entities,
    alignments: &[Alignment],
    contradictions: &[(SentenceId, SentenceId)],
    config: &GarbleConfig,
) -> (Vec<MachineTranslation>, Vec<Finding>) {
    let judged = cross::judge_all_with(docs, alone, entities, alignments, config);
    document::conclude(docs, &judged, contradictions, alignments, config)
}
