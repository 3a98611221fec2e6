//! Unit tests of the compare stage on invented sentences.

use super::*;

fn cmp(a: &str, b: &str) -> Verdict {
    compare_sentences(a, b, &CompareConfig::default())
}

#[test]
fn negation_one_side_is_contradiction() {
    let v = cmp(
        "The boy is playing in the mud",
        "The boy isn't playing in the mud",
    );
    assert_eq!(v.relation, Relation::Contradiction);
    assert_eq!(v.reasons, vec!["negation"]);
}
