//! Garble detection: sentence verdicts on any input, and cross-source assessment.

use crate::align::Alignment;
use crate::document::{Document, Sentence, Span};
use crate::garble::{assess, score_sentence, GarbleConfig};
use crate::names::{Entities, Entity, Mention};
use crate::report::{EntityKind, FindingKind, Reason};
use proptest::prelude::*;

/// A document whose lines are its sentences.
fn doc(id: &str, text: &str) -> Document {
    let mut sentences = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        if !line.trim().is_empty() {
            sentences.push(Sentence {
                span: Span::new(start, start + line.len()),
                is_heading: false,
            });
        }
        start += line.len() + 1;
    }
    Document {
        id: id.into(),
        text: text.into(),
        title: None,
        published: None,
        sentences,
        ..Document::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_gets_a_score_in_range_and_the_same_twice(text in "\\PC{0,200}") {
        let c = GarbleConfig::default();
        let v = score_sentence(&text, &c);
        prop_assert!((0.0..=1.0).contains(&v.score));
        prop_assert!(!v.flagged || !v.reasons.is_empty());
        for e in &v.evidence {
            prop_assert!(text.get(e.start..e.end).is_some());
        }
        prop_assert_eq!(v, score_sentence(&text, &c));
    }

    #[test]
    fn wordy_text_gets_a_score_in_range(words in proptest::collection::vec(
        prop_oneof![
            Just("the"), Just("ball"), Just("is"), Just("in"), Just("their"), Just("court"),
            Just("News"), Just("Secretary"), Just("not"), Just(","), Just("Bauer"), Just("’s"),
            Just("tip"), Just("of"), Just("iceberg"), Just("ÅÉ"), Just("—"), Just("a"),
        ], 0..40)) {
        let text = words.join(" ");
        let v = score_sentence(&text, &GarbleConfig::default());
        prop_assert!((0.0..=1.0).contains(&v.score));
    }

    #[test]
    fn assess_never_panics(a in "\\PC{0,120}", b in "\\PC{0,120}") {
        let docs = vec![doc("a", &a), doc("b", &b)];
        let (mt, f) = assess(&docs, &Entities::default(), &[], &GarbleConfig::default());
        prop_assert_eq!(mt.len(), 2);
        for m in &mt {
            prop_assert!((0.0..=1.0).contains(&m.score));
        }
        for x in &f {
            prop_assert!((0.0..=1.0).contains(&x.confidence));
        }
    }
}

#[test]
fn broken_idiom_and_false_title_are_flagged_fluent_text_is_not() {
    let c = GarbleConfig::default();
    let v = score_sentence("Bauer is indeed in their court, the official said.", &c);
    assert!(v.flagged, "{v:?}");
    assert_eq!(v.reasons, vec!["broken_idiom"]);
    let v = score_sentence("Press Minister Jane Doe told reporters on Monday.", &c);
    assert!(v.reasons.contains(&Reason::NonexistentTitle), "{v:?}");
    for s in [
        "The ball is in their court now, the official said.",
        "Press Secretary Jane Doe told reporters on Monday that talks would go on.",
        "Russian forces have retaken most of the territory Ukraine seized last year.",
    ] {
        let v = score_sentence(s, &c);
        assert!(!v.flagged, "{s}: {v:?}");
    }
}

#[test]
fn proverb_calques_score_above_news() {
    let c = GarbleConfig::default();
    let calque = score_sentence("It's not red in the corners, it's red in the pies.", &c);
    let news = score_sentence(
        "Speaker of the Federation Council Valentina Matvienko said that Russia will help.",
        &c,
    );
    assert!(calque.score > news.score);
}

#[test]
fn cross_source_name_variant_and_clean_twin() {
    let a = doc(
        "a",
        "Steve Witkoff met Vladimir Putin in Moscow on Thursday.\nThe talks lasted three hours.",
    );
    let b = doc(
        "b",
        "Steve Vikov met Vladimir Putin in Moscow on Thursday.\nMr. Witkoff left on Friday.\nThe talks lasted three hours.",
    );
    let c = doc(
        "c",
        "Envoy Steve Witkoff arrived in Moscow.\nHe met officials.",
    );
    let docs = vec![a, b, c];
    let m = |doc: usize, sentence: usize, start: usize, end: usize| Mention {
        doc,
        sentence,
        span: Span::new(start, end),
        role: None,
        entity: 0,
    };
    let b_second = docs[1].sentences[1].span.start;
    let c_off = "Envoy ".len();
    let entities = Entities {
        mentions: vec![
            m(0, 0, 0, 13),
            m(1, 0, 0, 11),
            m(1, 1, b_second + 4, b_second + 11),
            m(2, 0, c_off, c_off + 13),
        ],
        entities: vec![Entity {
            canonical: "Steve Witkoff".into(),
            kind: EntityKind::Person,
            mentions: vec![0, 1, 2, 3],
        }],
    };
    let alignments = vec![Alignment {
        a: (0, 0),
        b: (1, 0),
        score: 0.9,
        claim: true,
    }];
    let config = GarbleConfig::default();
    // One misspelt name is one piece of evidence: not enough to call the article garbled.
    let (mt, _) = assess(&docs, &entities, &alignments, &config);
    assert!(mt.iter().all(|m| !m.flagged), "{mt:?}");
    // With a second garbled sentence it is.
    let mut docs = docs;
    docs[1] = doc(
        "b",
        "Steve Vikov met Vladimir Putin in Moscow on Thursday.\nMr. Witkoff left on Friday.\nPress Minister Jane Doe said the talks lasted three hours.",
    );
    let (mt, findings) = assess(&docs, &entities, &alignments, &config);
    assert!(mt[1].flagged, "{mt:?}");
    assert!(!mt[0].flagged && !mt[2].flagged, "{mt:?}");
    assert!(mt[1].score > mt[0].score);
    let first = findings
        .iter()
        .find(|f| f.sentences[0].document == "b" && f.sentences[0].sentence == 0)
        .expect("garbled sentence of b");
    assert_eq!(first.kind, FindingKind::GarbledTranslation);
    assert!(first.reasons.contains(&Reason::NameVariant));
    assert_eq!(
        first.sentences.get(1).map(|s| s.document.as_str()),
        Some("a")
    );
    assert!(first.evidence.iter().any(|e| e.text == "Steve Vikov"));
    assert!(findings.iter().all(|f| f.sentences[0].document == "b"));
    // Deterministic.
    assert_eq!(
        (mt, findings),
        assess(&docs, &entities, &alignments, &config)
    );
}

#[test]
fn reference_free_when_names_and_alignment_are_empty() {
    let docs = vec![
        doc("fluent", "Officials met in Moscow on Thursday.\nThe talks will resume next week."),
        doc("idiom", "Bauer is indeed in their court, he said.\nPress Minister Jane Doe agreed.\nThe talks ended."),
    ];
    let (mt, findings) = assess(&docs, &Entities::default(), &[], &GarbleConfig::default());
    assert!(!mt[0].flagged);
    assert!(mt[1].flagged, "{mt:?}");
    assert!(findings.iter().all(|f| f.sentences[0].document == "idiom"));
    assert!(findings
        .iter()
        .any(|f| f.reasons.contains(&Reason::BrokenIdiom)));
}

#[test]
fn consensus_outlier_among_five_sources() {
    let docs = vec![
        doc(
            "a",
            "The minister opened the new bridge over the river on Monday.",
        ),
        doc(
            "b",
            "The minister opened the new bridge across the river on Monday.",
        ),
        doc(
            "c",
            "On Monday the minister opened the new bridge over the river.",
        ),
        doc(
            "d",
            "Pastor uncovered a fresh crossing, water flows along weekday.",
        ),
        doc(
            "e",
            "The minister opened the new bridge over the river on Monday, officials said.",
        ),
    ];
    let alignments = align_all(docs.len(), 1);
    let config = GarbleConfig::default();
    let (mt, findings) = assess(&docs, &Entities::default(), &alignments, &config);
    let flagged: Vec<&str> = findings
        .iter()
        .map(|f| f.sentences[0].document.as_str())
        .collect();
    assert_eq!(flagged, vec!["d"], "{findings:?} {mt:?}");
    assert!(findings[0].reasons.contains(&Reason::ConsensusOutlier));
    // The distance ranks the documents but alone flags none.
    assert!(mt[3].score > mt[0].score);
    assert!(mt[3].score > mt[4].score);
    assert!(mt.iter().all(|m| !m.flagged), "{mt:?}");
}

/// Documents `d0`, `d1`, ... with the given texts.
fn numbered_docs(texts: &[String]) -> Vec<Document> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| doc(&format!("d{i}"), t))
        .collect()
}

/// Alignments of each of the first `sentences` sentences across all documents.
fn align_all(n_docs: usize, sentences: usize) -> Vec<Alignment> {
    let mut out = Vec::new();
    for s in 0..sentences {
        for x in 0..n_docs {
            for y in x + 1..n_docs {
                out.push(Alignment {
                    a: (x, s),
                    b: (y, s),
                    score: 0.8,
                    claim: true,
                });
            }
        }
    }
    out
}

#[test]
fn consensus_outlier_counts_differing_words_and_spares_free_renderings() {
    let literal = [
        "The finance ministry said on Monday that exports of electronic parts fell sharply in January.",
        "The central bank kept its benchmark interest rate unchanged for the third month.",
        "Analysts expect the trade surplus to narrow further as demand from abroad weakens.",
    ];
    let mut texts: Vec<String> = (0..5).map(|_| literal.join("\n")).collect();
    // A translation with one sentence garbled: many content words replaced.
    texts.push(
        [
            literal[0],
            "The middle treasury stored its bench mark fascination tempo unaltered for the fourth moon.",
            literal[2],
        ]
        .join("\n"),
    );
    // A free rendering: every sentence in its own words.
    texts.push(
        [
            "Overseas sales of electronic components dropped steeply last month, officials reported.",
            "Borrowing costs were left where they stood by policymakers yet again.",
            "Economists foresee a shrinking surplus as foreign appetite cools.",
        ]
        .join("\n"),
    );
    let docs = numbered_docs(&texts);
    let alignments = align_all(docs.len(), 3);
    let (mt, findings) = assess(
        &docs,
        &Entities::default(),
        &alignments,
        &GarbleConfig::default(),
    );
    let flagged: Vec<(&str, usize)> = findings
        .iter()
        .map(|f| (f.sentences[0].document.as_str(), f.sentences[0].sentence))
        .collect();
    assert_eq!(flagged, vec![("d5", 1)], "{findings:?}");
    assert!(findings[0].reasons.contains(&Reason::ConsensusOutlier));
    assert!(
        findings[0].explanation.contains("interest"),
        "{}",
        findings[0].explanation
    );
    assert!(mt.iter().all(|m| !m.flagged), "{mt:?}");
}

#[test]
fn a_sentence_that_only_adds_words_is_no_consensus_outlier() {
    let base = "The finance ministry said on Monday that exports of electronic parts fell sharply in January.";
    let mut texts: Vec<String> = (0..5).map(|_| base.to_string()).collect();
    texts.push(format!(
        "{} according to preliminary customs figures released by statisticians overnight",
        base.trim_end_matches('.')
    ));
    let docs = numbered_docs(&texts);
    let alignments = align_all(docs.len(), 1);
    let (_, findings) = assess(
        &docs,
        &Entities::default(),
        &alignments,
        &GarbleConfig::default(),
    );
    assert!(findings.is_empty(), "{findings:?}");
    // Without the need for missing words, the added clause alone would count.
    let config = GarbleConfig {
        consensus_min_missing: 0,
        ..GarbleConfig::default()
    };
    let (_, findings) = assess(&docs, &Entities::default(), &alignments, &config);
    assert_eq!(findings.len(), 1, "{findings:?}");
}

#[test]
fn unmatched_narrative_of_a_mostly_garbled_article_is_flagged() {
    let fluent = doc(
        "fluent",
        "Officials met in Moscow on Thursday.\nThe talks will resume next week.",
    );
    let garbled = doc(
        "garbled",
        "Bauer is indeed in their court, he said.\n\
         Press Minister Jane Doe agreed with the plan.\n\
         This is just the top of the iceberg for the government.\n\
         The meeting of the two leaders was published on Monday evening.\n\
         \u{201C}The talks were useful for both of our countries,\u{201D} the minister said.\n\
         Officials met in Moscow on Thursday.",
    );
    let docs = vec![fluent, garbled];
    let alignments = vec![Alignment {
        a: (0, 0),
        b: (1, 5),
        score: 0.9,
        claim: true,
    }];
    let reasons = |config: &GarbleConfig, s: usize| -> Vec<Reason> {
        let (mt, findings) = assess(&docs, &Entities::default(), &alignments, config);
        assert!(mt[1].flagged && !mt[0].flagged, "{mt:?}");
        findings
            .iter()
            .find(|f| f.sentences[0].document == "garbled" && f.sentences[0].sentence == s)
            .map(|f| f.reasons.clone())
            .unwrap_or_default()
    };
    let config = GarbleConfig::default();
    assert_eq!(reasons(&config, 3), vec![Reason::GarbledContext]);
    // Quoted speech and the sentence a fluent source matches are spared.
    assert!(reasons(&config, 4).is_empty());
    assert!(reasons(&config, 5).is_empty());
    // Off when the article is not garbled enough.
    let strict = GarbleConfig {
        context_share: 1.0,
        ..GarbleConfig::default()
    };
    assert!(reasons(&strict, 3).is_empty());
}

#[test]
fn forbidden_word_pairs_are_broken_grammar() {
    let v = score_sentence(
        "The officials will continued the talks with the their partners.",
        &GarbleConfig::default(),
    );
    assert!(v.reasons.contains(&Reason::BrokenGrammar), "{v:?}");
    assert_eq!(v.evidence.len(), 2);
    let fluent = score_sentence(
        "The officials will continue the talks with their partners.",
        &GarbleConfig::default(),
    );
    assert!(!fluent.reasons.contains(&Reason::BrokenGrammar));
}

#[test]
fn blank_lines_score_zero() {
    let c = GarbleConfig::default();
    for s in ["", "   ", "\t", " - "] {
        let v = score_sentence(s, &c);
        assert_eq!(v.score, 0.0, "{s:?}: {v:?}");
        assert!(!v.flagged);
    }
    assert!(score_sentence("Hello world.", &c).score > 0.0);
}

#[test]
fn consensus_needs_renderings_of_one_text() {
    // Five independently written articles share one aligned sentence each and otherwise
    // tell the story in their own words: the odd one out is no garbled rendering.
    let own = [
        "Traffic was diverted for most of the afternoon.",
        "Residents said the works had been announced weeks ago.",
        "A second bridge is planned further north.",
        "Local shops reported a busy day.",
    ];
    let firsts = [
        "The minister opened the new bridge over the river on Monday.",
        "The minister opened the new bridge across the river on Monday.",
        "On Monday the minister opened the new bridge over the river.",
        "Pastor uncovered a fresh crossing, water flows along weekday.",
        "The minister opened the new bridge over the river on Monday, officials said.",
    ];
    let texts: Vec<String> = firsts
        .iter()
        .map(|f| {
            std::iter::once(*f)
                .chain(own)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let docs = numbered_docs(&texts);
    let alignments = align_all(docs.len(), 1);
    let (_, findings) = assess(
        &docs,
        &Entities::default(),
        &alignments,
        &GarbleConfig::default(),
    );
    assert!(
        findings
            .iter()
            .all(|f| !f.reasons.contains(&Reason::ConsensusOutlier)),
        "{findings:?}"
    );
}

#[test]
fn one_broken_idiom_does_not_flag_an_article() {
    let docs = vec![doc(
        "a",
        "Bauer is indeed in their court, he said.\nThe talks ended on Friday.\nBoth sides will meet again.",
    )];
    let (mt, findings) = assess(&docs, &Entities::default(), &[], &GarbleConfig::default());
    assert!(!mt[0].flagged, "{mt:?}");
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].reasons, vec![Reason::BrokenIdiom]);
}

#[test]
fn a_meaning_shift_needs_a_trusted_fluent_partner() {
    use crate::garble::{assess_with_contradictions, SentenceId};
    let garbled = doc(
        "g",
        "Bauer is indeed in their court, he said.\nPress Minister Jane Doe agreed.\nThe adviser Mike Waltz spoke to his counterpart.",
    );
    let slip = doc("f1", "The secretary Mike Waltz spoke to his counterpart.");
    let right = doc("f2", "The adviser Mike Waltz spoke to his counterpart.");
    let also = doc("f3", "Adviser Mike Waltz spoke to his Russian counterpart.");
    let docs = vec![garbled, slip, right, also];
    let alignments: Vec<Alignment> = [
        ((0, 2), (1, 0)),
        ((0, 2), (2, 0)),
        ((1, 0), (2, 0)),
        ((1, 0), (3, 0)),
        ((2, 0), (3, 0)),
    ]
    .into_iter()
    .map(|(a, b)| Alignment {
        a,
        b,
        score: 0.8,
        claim: true,
    })
    .collect();
    let shift = |contradictions: &[(SentenceId, SentenceId)]| {
        let (mt, findings) = assess_with_contradictions(
            &docs,
            &Entities::default(),
            &alignments,
            contradictions,
            &GarbleConfig::default(),
        );
        assert!(
            mt[0].flagged && mt[1..].iter().all(|m| !m.flagged),
            "{mt:?}"
        );
        findings.iter().any(|f| {
            f.sentences[0].document == "g"
                && f.sentences[0].sentence == 2
                && f.reasons.contains(&Reason::MeaningShift)
        })
    };
    // Against a fluent sentence nobody disputes, the contradiction is a meaning shift.
    assert!(shift(&[((0, 2), (1, 0))]));
    // Not when the other fluent sources contradict that sentence themselves.
    assert!(!shift(&[
        ((0, 2), (1, 0)),
        ((1, 0), (2, 0)),
        ((1, 0), (3, 0))
    ]));
}
