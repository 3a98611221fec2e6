//! Calibrated confidence: the confidence of a contradiction is the measured precision of
//! its reason code on labelled data, in the setting it was found in.
//!
//! The table `data/compare/calibration.tsv` is rebuilt by `tools/build_calibration.py`
//! from SICK and STS headline pairs (sentences compared alone, [`Setting::Pair`]) and from
//! corpus runs (aligned sentences of an event, [`Setting::Corpus`]): the seeds, the clean
//! pairs of the parallel news sets (two renderings of one text never contradict) and the
//! hand-labelled ecb-news findings. Each confidence is the smoothed precision
//! `(true + 1) / (findings + 2)`; a code the table lacks keeps its rule's confidence.

use std::collections::BTreeMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/compare/calibration.tsv");

/// Where a contradiction was found: the base rates differ, so each has its own precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Setting {
    /// Two sentences compared alone ([`super::compare_sentences`]).
    Pair,
    /// Two aligned sentences of one event in a corpus ([`super::judge_events`]).
    Corpus,
}

fn table() -> &'static BTreeMap<(Setting, String), f64> {
    static T: OnceLock<BTreeMap<(Setting, String), f64>> = OnceLock::new();
    T.get_or_init(|| parse(TABLE))
}

/// Parses `setting<TAB>code<TAB>findings<TAB>true<TAB>precision<TAB>confidence` lines
/// (`#` comments and a header line starting with `setting` are skipped; bad lines too).
fn parse(text: &str) -> BTreeMap<(Setting, String), f64> {
    let mut out = BTreeMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let setting = match f.first() {
            Some(&"pair") => Setting::Pair,
            Some(&"corpus") => Setting::Corpus,
            _ => continue,
        };
        if let (Some(code), Some(c)) = (f.get(1), f.get(5).and_then(|c| c.parse::<f64>().ok())) {
            out.insert((setting, code.to_string()), c.clamp(0.0, 1.0));
        }
    }
    out
}

/// The calibrated confidence of reason `code` in `setting`, when measured.
pub fn confidence(setting: Setting, code: &str) -> Option<f64> {
    table().get(&(setting, code.to_string())).copied()
}

/// `rule` replaced by the calibrated confidence of `code` when there is one.
pub fn calibrate(setting: Setting, code: &str, rule: f64) -> f64 {
    confidence(setting, code).unwrap_or(rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_is_in_range() {
        let t = parse(TABLE);
        assert!(!t.is_empty());
        assert!(t.values().all(|c| (0.0..=1.0).contains(c)));
    }

    #[test]
    fn unknown_codes_keep_the_rule_confidence() {
        assert_eq!(calibrate(Setting::Pair, "no_such_code", 0.42), 0.42);
        let t = parse("# c\nsetting\tcode\npair\tx\t4\t3\t0.75\t0.6667\nbad line\n");
        assert_eq!(t.get(&(Setting::Pair, "x".to_string())), Some(&0.6667));
        assert_eq!(t.len(), 1);
    }
}
