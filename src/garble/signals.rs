//! Sentence signals that need no other source: a fluency prior from word statistics and
//! function-word patterns.
//!
//! Garbled translations (literal calques, word salad) lean on function words, negations,
//! repeated words and short comma-chained clauses, and rarely carry the proper names and
//! mid-frequency content words of fluent reporting. The prior is a logistic combination of
//! these few features; its weights were fitted once on a development set of human-judged
//! machine translations and rounded (see `tools/garble_eval.py`).

use super::stats::{LanguageStats, FUNCTION_ZIPF};
use crate::text::words;

/// Negation words (lowercase, straight apostrophes).
const NEGATIONS: &[&str] = &[
    "aren't",
    "can't",
    "cannot",
    "couldn't",
    "didn't",
    "doesn't",
    "don't",
    "hadn't",
    "hasn't",
    "haven't",
    "isn't",
    "never",
    "no",
    "nor",
    "not",
    "shouldn't",
    "wasn't",
    "weren't",
    "won't",
    "wouldn't",
];

/// Length in words past which a sentence is no longer 'short' for the prior.
pub const SHORTNESS_CAP: usize = 15;

/// The features of one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Features {
    /// Number of word tokens.
    pub words: usize,
    /// Capitalised words after the first (proper names, titles), capped at 5.
    pub proper: usize,
    /// Negation words, capped at 3.
    pub negations: usize,
    /// Share of tokens that repeat an earlier token (any case).
    pub repetition: f64,
    /// Share of tokens that are function words (very frequent words).
    pub function_share: f64,
    /// Mean Zipf frequency of lowercase content words (5.0 when there are none).
    pub content_zipf: f64,
    /// Commas per word.
    pub comma_rate: f64,
}

/// Weights of the fluency prior (logistic regression on the sentence features).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PriorWeights {
    /// Intercept.
    pub bias: f64,
    /// Times `-proper / 5`.
    pub proper: f64,
    /// Times `negations`.
    pub negations: f64,
    /// Times `repetition`.
    pub repetition: f64,
    /// Times `function_share`.
    pub function_share: f64,
    /// Times `content_zipf`.
    pub content_zipf: f64,
    /// Times `comma_rate`.
    pub comma_rate: f64,
    /// Times `-ln(1 + min(words, SHORTNESS_CAP))`.
    pub shortness: f64,
}

impl Default for PriorWeights {
    fn default() -> Self {
        PriorWeights {
            bias: 2.65,
            proper: 2.0,
            negations: 0.85,
            repetition: 2.5,
            function_share: 2.1,
            content_zipf: -0.5,
            comma_rate: 2.1,
            shortness: 1.2,
        }
    }
}

/// Computes the features of a sentence.
pub fn features(text: &str, stats: &LanguageStats) -> Features {
    let ws = words(text);
    let n = ws.len();
    if n == 0 {
        return Features {
            content_zipf: 5.0,
            ..Features::default()
        };
    }
    let lower: Vec<String> = ws.iter().map(|w| super::stats::normalise(w.text)).collect();
    let proper = ws
        .iter()
        .skip(1)
        .filter(|w| w.text.chars().next().is_some_and(char::is_uppercase))
        .count()
        .min(5);
    let negations = lower
        .iter()
        .filter(|w| NEGATIONS.binary_search(&w.as_str()).is_ok())
        .count()
        .min(3);
    let mut seen: Vec<&str> = Vec::with_capacity(n);
    let mut repeats = 0usize;
    for w in &lower {
        if seen.contains(&w.as_str()) {
            repeats += 1;
        } else {
            seen.push(w);
        }
    }
    let zipfs: Vec<f64> = lower.iter().map(|w| stats.zipf(w)).collect();
    let function = zipfs.iter().filter(|&&z| z >= FUNCTION_ZIPF).count();
    let mut content_sum = 0.0;
    let mut content_n = 0usize;
    for (w, &z) in ws.iter().zip(&zipfs) {
        let first = w.text.chars().next();
        if first.is_some_and(|c| c.is_uppercase() || c.is_numeric()) || z >= 5.0 {
            continue;
        }
        content_sum += z;
        content_n += 1;
    }
    let content_zipf = if content_n == 0 {
        5.0
    } else {
        content_sum / content_n as f64
    };
    let commas = text.chars().filter(|&c| c == ',').count();
    Features {
        words: n,
        proper,
        negations,
        repetition: repeats as f64 / n as f64,
        function_share: function as f64 / n as f64,
        content_zipf,
        comma_rate: commas as f64 / n as f64,
    }
}

/// The logit of the fluency prior: higher means less like fluent English.
pub fn prior_logit(f: &Features, w: &PriorWeights) -> f64 {
    w.bias - w.proper * f.proper as f64 / 5.0
        + w.negations * f.negations as f64
        + w.repetition * f.repetition
        + w.function_share * f.function_share
        + w.content_zipf * f.content_zipf
        + w.comma_rate * f.comma_rate
        - w.shortness * (1.0 + f.words.min(SHORTNESS_CAP) as f64).ln()
}

/// Logistic function, safe for any finite or infinite input.
pub fn sigmoid(x: f64) -> f64 {
    if x.is_nan() {
        return 0.5;
    }
    1.0 / (1.0 + (-x).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negations_sorted() {
        let mut v = NEGATIONS.to_vec();
        v.sort_unstable();
        assert_eq!(v, NEGATIONS);
    }

    #[test]
    fn features_of_a_proverb_and_a_report() {
        let s = LanguageStats::english();
        let p = features("It's not us for the job, it's not us for the food.", s);
        let r = features(
            "Speaker of the Federation Council Valentina Matvienko said that Russia will help.",
            s,
        );
        let w = PriorWeights::default();
        assert!(prior_logit(&p, &w) > prior_logit(&r, &w));
        assert_eq!(features("", s).words, 0);
    }
}
