//! Properties of the compare stage: no panic on any input, a symmetric relation, confidence
//! in range, evidence spans on char boundaries.

use crate::compare::{compare_sentences, CompareConfig};
use crate::Relation;
use proptest::prelude::*;
use std::sync::OnceLock;

fn cfg() -> &'static CompareConfig {
    static CFG: OnceLock<CompareConfig> = OnceLock::new();
    CFG.get_or_init(CompareConfig::default)
}

/// Sentences built from words that trigger the rules, so the properties see them fire.
fn newsy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "not",
        "no",
        "never",
        "isn't",
        "has",
        "now",
        "convinced",
        "need",
        "to",
        "persuade",
        "would",
        "travel",
        "potential",
        "withdrawal",
        "30",
        "30-day",
        "days",
        "after",
        "ago",
        "Tuesday",
        "Wednesday",
        "March",
        "12",
        "National",
        "Security",
        "Advisor",
        "Secretary",
        "Press",
        "News",
        "Mike",
        "Waltz",
        ",",
        "a",
        "the",
        "U.S.",
        "adviser",
        "won",
        "lost",
        "sitting",
        "standing",
        "86%",
        "of",
        "region",
        "May",
        "Mr.",
        "former",
        "deputy",
        "Russia",
        "agree",
        "accept",
        "soldiers",
        "about",
        "1,000",
        "million",
        "‘",
        "’",
        "Пескова",
        "é",
    ]);
    prop::collection::vec(words, 0..18).prop_map(|w| w.join(" "))
}

fn check_spans(text: &str, spans: &[crate::Span]) -> bool {
    spans
        .iter()
        .all(|s| s.start <= s.end && text.get(s.start..s.end).is_some())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_on_arbitrary_unicode(a in "\\PC{0,80}", b in "\\PC{0,80}") {
        let v = compare_sentences(&a, &b, cfg());
        prop_assert!((0.0..=1.0).contains(&v.confidence));
        prop_assert!(check_spans(&a, &v.evidence_a));
        prop_assert!(check_spans(&b, &v.evidence_b));
    }

    #[test]
    fn relation_is_symmetric_arbitrary(a in "\\PC{0,60}", b in "\\PC{0,60}") {
        let x = compare_sentences(&a, &b, cfg());
        let y = compare_sentences(&b, &a, cfg());
        prop_assert_eq!(x.relation, y.relation);
    }

    #[test]
    fn relation_is_symmetric_on_rule_words(a in newsy(), b in newsy()) {
        let x = compare_sentences(&a, &b, cfg());
        let y = compare_sentences(&b, &a, cfg());
        prop_assert_eq!(x.relation, y.relation, "{:?} / {:?}", x, y);
        prop_assert!((0.0..=1.0).contains(&x.confidence));
        prop_assert!(check_spans(&a, &x.evidence_a));
        prop_assert!(check_spans(&b, &x.evidence_b));
        if x.relation == Relation::Contradiction {
            prop_assert!(!x.reasons.is_empty());
            prop_assert!(!x.explanation.is_empty());
        }
    }

    #[test]
    fn identical_sentences_never_contradict(a in newsy()) {
        let v = compare_sentences(&a, &a, cfg());
        prop_assert_ne!(v.relation, Relation::Contradiction, "{:?}", v);
    }
}
