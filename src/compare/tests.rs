//! Unit tests of the compare stage on invented sentences of the kinds met in news.

use super::*;
use crate::document::{Document, Sentence};
use crate::names::{Entity, Mention};
use crate::report::EntityKind;
use crate::report::FindingKind;

fn cmp(a: &str, b: &str) -> Verdict {
    compare_sentences(a, b, &CompareConfig::default())
}

fn rel(a: &str, b: &str) -> Relation {
    let v = cmp(a, b);
    let w = cmp(b, a);
    assert_eq!(v.relation, w.relation, "not symmetric: {a} / {b}");
    v.relation
}

#[test]
fn negation_one_side_is_contradiction() {
    let v = cmp(
        "The boy is playing in the mud",
        "The boy isn't playing in the mud",
    );
    assert_eq!(v.relation, Relation::Contradiction);
    assert_eq!(v.reasons, vec!["negation"]);
    assert!(v.explanation.contains("isn't playing"), "{}", v.explanation);
}

#[test]
fn negation_of_another_predicate_is_not_contradiction() {
    // 'not commented' is about commenting; the other sentence does not say he commented.
    let r = rel(
        "The governor has not commented on the budget plan approved by the council on Monday.",
        "The council on Monday approved the budget plan proposed by the governor.",
    );
    assert_ne!(r, Relation::Contradiction);
}

#[test]
fn denying_another_object_or_a_more_specific_one_is_no_contradiction() {
    // What is denied after the verb is not stated on the other side: both can hold.
    for (a, b) in [
        (
            "The chef is not slicing the lemons",
            "The chef is slicing the melons",
        ),
        (
            "There is no pilot flying a glider",
            "A pilot is flying an aircraft",
        ),
    ] {
        assert_ne!(rel(a, b), Relation::Contradiction, "{a} / {b}");
    }
    // Denied of a more specific subject.
    assert_ne!(
        rel(
            "The bearded chef is not slicing the lemons",
            "A chef is slicing the lemons"
        ),
        Relation::Contradiction
    );
    // Stated, with more words or more specifically: still a contradiction.
    for (a, b) in [
        (
            "The chef is not slicing the lemons",
            "The chef is slicing the lemons in the kitchen",
        ),
        (
            "There is no pilot flying an aircraft",
            "A pilot is flying a glider",
        ),
    ] {
        assert_eq!(rel(a, b), Relation::Contradiction, "{a} / {b}");
    }
}

#[test]
fn antonym_contradiction_names_the_words() {
    let v = cmp(
        "The chancellor's coalition won the vote in parliament",
        "The chancellor's coalition lost the vote in parliament",
    );
    assert_eq!(v.relation, Relation::Contradiction);
    assert_eq!(v.reasons, vec!["antonym"]);
    assert!(
        v.explanation.contains("'won'") && v.explanation.contains("'lost'"),
        "{}",
        v.explanation
    );
}

#[test]
fn role_mismatch_head_and_domain() {
    let v = cmp(
        "Deputy Chief of Staff said Foreign Policy Advisor Jane Okafor met the envoy.",
        "Foreign Policy Secretary Jane Okafor met the envoy on Friday.",
    );
    assert_eq!(v.relation, Relation::Contradiction);
    assert!(v.reasons.contains(&Reason::RoleMismatch));
    assert!(
        v.explanation.contains("'Foreign Policy Advisor'")
            && v.explanation.contains("'Foreign Policy Secretary'"),
        "{}",
        v.explanation
    );
    let w = cmp(
        "Press Secretary Tom Reyes told reporters the talks went well.",
        "The talks went well, News Secretary Tom Reyes told reporters.",
    );
    assert_eq!(w.relation, Relation::Contradiction);
    assert!(
        w.explanation.contains("'Press Secretary'") && w.explanation.contains("'News Secretary'")
    );
}

#[test]
fn same_role_in_other_words_is_not_a_mismatch() {
    for (a, b) in [
        (
            "National Security Advisor Jane Okafor spoke to her counterpart.",
            "Jane Okafor, the national security adviser, spoke to her counterpart.",
        ),
        (
            "Kremlin spokesman Ivan Orlov said talks were planned.",
            "Kremlin press secretary Ivan Orlov said talks were planned.",
        ),
        (
            "Special envoy Dan Brook will travel to Cairo.",
            "Middle East envoy Dan Brook will travel to Cairo.",
        ),
        (
            "President Ana Silva signed the decree.",
            "Brazilian President Ana Silva signed the decree.",
        ),
    ] {
        let v = cmp(a, b);
        assert!(
            !v.reasons.contains(&Reason::RoleMismatch),
            "{a} / {b}: {v:?}"
        );
        assert_ne!(v.relation, Relation::Contradiction, "{a} / {b}: {v:?}");
    }
}

#[test]
fn factive_vs_need_is_contradiction() {
    let v = cmp(
        "The mayor said the city has now convinced the union to accept the offer.",
        "The mayor stressed the need for the city to persuade the union to accept the offer.",
    );
    assert_eq!(v.relation, Relation::Contradiction, "{v:?}");
    assert_eq!(v.reasons, vec!["modality"]);
    assert!(
        v.explanation.contains("'has now convinced'"),
        "{}",
        v.explanation
    );
}

#[test]
fn hedged_vs_asserted_is_partial() {
    assert_eq!(
        rel(
            "The general said some of the battalions were withdrawing from the town.",
            "The general indicated a possible pull-back of some battalions from the town.",
        ),
        Relation::Partial
    );
    assert_eq!(
        rel(
            "Trade envoy Lina Park would travel to Seoul for talks.",
            "Officials confirmed the arrival of trade envoy Lina Park in Seoul.",
        ),
        Relation::Partial
    );
}

#[test]
fn offset_vs_duration_is_date_mismatch() {
    let v = cmp(
        "The vote comes 60 days after rebel leaders agreed to a truce brokered by Qatar.",
        "Rebel leaders agreed this week to a 60-day truce brokered by Qatar.",
    );
    assert_eq!(v.relation, Relation::Contradiction, "{v:?}");
    assert_eq!(v.reasons, vec!["date_mismatch"]);
    assert!(
        v.explanation.contains("'60 days after'") && v.explanation.contains("'60-day truce'"),
        "{}",
        v.explanation
    );
}

#[test]
fn one_length_in_one_role_is_no_offset_clash() {
    // The same word governs the number on both sides: both give how long the panel sat.
    let v = cmp(
        "The panel deliberated nearly four hours before rejecting the appeal.",
        "The panel deliberated nearly four hours Friday before it rejected the appeal.",
    );
    assert_ne!(v.relation, Relation::Contradiction, "{v:?}");
}

#[test]
fn weekday_mismatch_on_the_same_claim() {
    let v = cmp(
        "Rebel leaders signed the truce in Doha on Tuesday.",
        "Rebel leaders signed the truce in Doha on Thursday.",
    );
    assert_eq!(v.relation, Relation::Contradiction);
    assert_eq!(v.reasons, vec!["date_mismatch"]);
    // Different days of different events are fine.
    assert_ne!(
        rel(
            "Rebel leaders signed the truce in Doha on Tuesday.",
            "The minister flew home on Thursday after a summit."
        ),
        Relation::Contradiction
    );
}

#[test]
fn number_mismatch_only_for_the_same_counted_thing() {
    let v = cmp(
        "Officials said 12 soldiers were killed in the attack on the base.",
        "Officials said 15 soldiers were killed in the attack on the base.",
    );
    assert_eq!(v.relation, Relation::Contradiction);
    assert_eq!(v.reasons, vec!["number_mismatch"]);
    assert!(v.explanation.contains("'12 soldiers'") && v.explanation.contains("'15 soldiers'"));
    // Different things counted: no contradiction.
    assert_ne!(
        rel(
            "Officials said 12 soldiers were killed in the attack on the base.",
            "Officials said 3 tanks were destroyed in the attack on the base."
        ),
        Relation::Contradiction
    );
    // Approximate numbers that are close are not a contradiction.
    assert_ne!(
        rel(
            "About 1,000 people joined the march.",
            "Some 1,200 people joined the march."
        ),
        Relation::Contradiction
    );
}

#[test]
fn paraphrase_and_speaker_change_are_not_contradictions() {
    for (a, b) in [
        (
            "The ball is now in their court, the minister said.",
            "The ball is truly in their court, said the minister.",
        ),
        (
            "We urge the rebels to sign the plan.",
            "We want the rebels to put their names to this plan.",
        ),
        (
            "The president said the talks were constructive.",
            "The spokesman said the talks were constructive.",
        ),
        (
            "Troops captured the village on Monday.",
            "Troops have captured the village, the army said on Monday.",
        ),
    ] {
        assert_ne!(rel(a, b), Relation::Contradiction, "{a} / {b}");
    }
}

#[test]
fn lexicons_extend_through_config() {
    let mut cfg = CompareConfig::default();
    let a = "The committee ratified the treaty.";
    let b = "The committee repudiated the treaty.";
    assert_ne!(
        compare_sentences(a, b, &cfg).relation,
        Relation::Contradiction
    );
    cfg.add_antonyms("ratify\trepudiate\n").unwrap();
    assert_eq!(
        compare_sentences(a, b, &cfg).relation,
        Relation::Contradiction
    );
    assert!(cfg.add_antonyms("lonely-word\n").is_err());
    assert!(cfg.add_titles("czar\thead\n").is_ok());
    assert!(cfg.add_negation_cues("hardly\n").is_ok());
    assert!(cfg.add_modal_verbs("supposedly\tpossible\n").is_ok());
    assert!(cfg.add_number_words("score\t20\n").is_ok());
    assert!(cfg.validate().is_ok());
}

#[test]
fn odd_inputs_do_not_panic() {
    for (a, b) in [
        ("", ""),
        ("—", "…"),
        ("n't", "no"),
        ("30-", "-day"),
        ("Песков сказал", "Peskov said"),
        ("% % 5%", "5 percent of"),
    ] {
        let _ = cmp(a, b);
    }
}

// ----- judge() on hand-built documents -----

fn doc(id: &str, sentences: &[&str]) -> Document {
    let mut text = String::new();
    let mut spans = Vec::new();
    for s in sentences {
        let start = text.len();
        text.push_str(s);
        spans.push(Sentence {
            span: Span::new(start, text.len()),
            is_heading: false,
        });
        text.push(' ');
    }
    Document {
        id: id.into(),
        text,
        title: None,
        published: None,
        sentences: spans,
        ..Document::default()
    }
}

fn al(a: SentenceId, b: SentenceId) -> Alignment {
    Alignment {
        a,
        b,
        score: 0.8,
        claim: true,
    }
}

#[test]
fn judge_relations_and_findings() {
    let docs = vec![
        doc(
            "a.txt",
            &[
                "Security Minister Ana Silva met the envoy in Lisbon.",
                "The talks will resume in May, officials said.",
                "Protesters gathered outside the ministry.",
            ],
        ),
        doc(
            "b.txt",
            &[
                "Ana Silva, the security adviser, met the envoy in Lisbon.",
                "The talks will resume in May, officials said.",
                "Police said 40 protesters gathered outside the ministry.",
            ],
        ),
        doc("c.txt", &["Officials said the talks will resume in May."]),
    ];
    let alignments = vec![al((0, 1), (1, 1)), al((0, 1), (2, 0)), al((0, 0), (1, 0))];
    let (rels, findings) = judge(
        &docs,
        &Entities::default(),
        &alignments,
        &CompareConfig::default(),
    );
    assert_eq!(rels.len(), 3);
    assert_eq!(rels[0], Relation::Agreement);
    assert_eq!(rels[2], Relation::Contradiction);
    let con: Vec<_> = findings
        .iter()
        .filter(|f| f.kind == FindingKind::Contradiction)
        .collect();
    assert_eq!(con.len(), 1, "{findings:?}");
    assert_eq!(con[0].reasons, vec!["role_mismatch"]);
    assert!(con[0].explanation.contains("a.txt") && con[0].explanation.contains("b.txt"));
    for e in &con[0].evidence {
        let d = docs.iter().find(|d| d.id == e.document).unwrap();
        assert_eq!(&d.text[e.start..e.end], e.text);
    }
    let agr: Vec<_> = findings
        .iter()
        .filter(|f| f.kind == FindingKind::Agreement)
        .collect();
    assert_eq!(agr.len(), 1);
    assert_eq!(agr[0].sentences.len(), 3);
    assert!(
        agr[0].explanation.starts_with("corroborated by 3 sources"),
        "{}",
        agr[0].explanation
    );
}

#[test]
fn role_scan_flags_unaligned_sentences_with_mentions() {
    let docs = vec![
        doc(
            "a.txt",
            &["Press Secretary Lee Moon told reporters the deal was close."],
        ),
        doc(
            "b.txt",
            &[
                "Markets rose.",
                "The deal is near, said News Secretary Lee Moon.",
            ],
        ),
    ];
    // Mentions as the names stage gives them: spans in the document text, with roles.
    let m = |d: usize, s: usize, name: &str, role: &str| {
        let t = &docs[d].text;
        let start = t.find(name).unwrap();
        let rs = t.find(role).unwrap();
        Mention {
            doc: d,
            sentence: s,
            span: Span::new(start, start + name.len()),
            role: Some(Span::new(rs, rs + role.len())),
            entity: 0,
        }
    };
    let entities = Entities {
        mentions: vec![
            m(0, 0, "Lee Moon", "Press Secretary"),
            m(1, 1, "Lee Moon", "News Secretary"),
        ],
        entities: vec![Entity {
            canonical: "Lee Moon".into(),
            kind: EntityKind::Person,
            mentions: vec![0, 1],
        }],
    };
    let cfg = CompareConfig::default();
    // No alignment between them: judge_events with the event still finds the clash.
    let (rels, findings) = judge_events(&docs, &entities, &[vec![0, 1]], &[], &cfg);
    assert!(rels.is_empty());
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].reasons, vec!["role_mismatch"]);
    assert_eq!(findings[0].sentences[1].sentence, 1);
    assert_eq!(
        findings[0].explanation,
        "Lee Moon is 'Press Secretary' in a.txt but 'News Secretary' in b.txt"
    );
    // Without mentions, the capitalised-word fallback finds the same.
    let (_, f2) = judge_events(&docs, &Entities::default(), &[vec![0, 1]], &[], &cfg);
    assert_eq!(f2.len(), 1);
    // Documents of different events are not compared.
    let (_, f3) = judge_events(&docs, &entities, &[vec![0], vec![1]], &[], &cfg);
    assert!(f3.is_empty());
}

#[test]
fn events_from_alignments_groups_linked_documents() {
    let e = events_from_alignments(4, &[al((0, 0), (2, 1)), al((2, 0), (3, 0))]);
    assert_eq!(e, vec![vec![0, 2, 3], vec![1]]);
}

#[test]
fn a_negation_after_the_done_predicate_does_not_block_it() {
    // 'without' negates the inspections, not the persuading.
    let v = cmp(
        "The minister said the envoy has convinced the rebels to let the trucks pass without checks.",
        "The minister said the envoy still needs to persuade the rebels to let the trucks pass without checks.",
    );
    assert_eq!(v.relation, Relation::Contradiction, "{v:?}");
    assert_eq!(v.reasons, vec!["modality"]);
    // A negation on the predicate itself still blocks it.
    let w = cmp(
        "The minister said the envoy has not convinced the rebels to let the trucks pass.",
        "The minister said the envoy still needs to persuade the rebels to let the trucks pass.",
    );
    assert_ne!(w.reasons, vec!["modality"], "{w:?}");
}

#[test]
fn an_adverb_is_not_the_predicate_of_a_modal() {
    let v = cmp(
        "Officials said the former mayor should now be sent to a clinic.",
        "Officials said the former mayor should be sent to a clinic.",
    );
    assert_ne!(v.relation, Relation::Contradiction, "{v:?}");
}

#[test]
fn number_words_with_multipliers_and_short_years() {
    assert_ne!(
        rel(
            "The plumber will be paid 20,000 dollars for the find.",
            "The plumber will be paid twenty thousand dollars for the find."
        ),
        Relation::Contradiction
    );
    assert_ne!(
        rel(
            "The party rejects the 1992 consensus on the island.",
            "The party rejects the 92 consensus on the island."
        ),
        Relation::Contradiction
    );
    assert_eq!(
        rel(
            "The plumber will be paid 20,000 dollars for the find.",
            "The plumber will be paid thirty thousand dollars for the find."
        ),
        Relation::Contradiction
    );
}

#[test]
fn aligned_pairs_need_less_overlap_for_numbers() {
    let a = "Under the deal, 40 trucks of grain will cross the border every day during the truce.";
    let b = "Only 14 trucks a day will cross, according to a leaked copy seen by this paper, far fewer than farmers had hoped for.";
    let plain = CompareConfig {
        number_min_cover: 0.45,
        ..CompareConfig::default()
    };
    assert_ne!(
        compare_sentences(a, b, &plain).relation,
        Relation::Contradiction
    );
    let aligned = plain.for_aligned_pairs();
    let v = compare_sentences(a, b, &aligned);
    assert_eq!(v.relation, Relation::Contradiction, "{v:?}");
    assert_eq!(v.reasons, vec!["number_mismatch"]);
}

#[test]
fn aligned_pairs_need_less_overlap_when_the_negated_words_match() {
    let a =
        "The minister told reporters that his country would withdraw its artillery from the hills.";
    let b = "The foreign minister said his country would not withdraw its artillery, calling the guns a guarantee.";
    let plain = CompareConfig::default();
    assert_ne!(
        compare_sentences(a, b, &plain).relation,
        Relation::Contradiction
    );
    let v = compare_sentences(a, b, &plain.for_aligned_pairs());
    assert_eq!(v.relation, Relation::Contradiction, "{v:?}");
    assert_eq!(v.reasons, vec!["negation"]);
}

#[test]
fn rather_than_is_a_negation() {
    assert_ne!(
        rel(
            "He said it was a jet rather than a piston drone.",
            "He said it was a jet, not a piston drone."
        ),
        Relation::Contradiction
    );
}

#[test]
fn a_bare_negation_cue_needs_its_slot_filled_on_the_other_side() {
    assert_eq!(
        rel(
            "The piano is being played by nobody",
            "The piano is being played by a girl"
        ),
        Relation::Contradiction
    );
    assert_ne!(
        rel(
            "Money for the clinic was needed that year as never before.",
            "Funds for the clinic were needed that year more than ever."
        ),
        Relation::Contradiction
    );
}

#[test]
fn one_post_in_two_countries_words_is_no_mismatch() {
    // WordNet: foreign_minister = secretary_of_state; a district attorney is a prosecutor;
    // 'president and CEO' are two posts of one person.
    for (a, b) in [
        (
            "British Foreign Minister Liz Truss warned Russia.",
            "British Foreign Secretary Liz Truss warned Russia.",
        ),
        (
            "District Attorney Dave Rossi spoke to reporters.",
            "Prosecutor Dave Rossi spoke to reporters.",
        ),
        (
            "President Rory Read announced the deal.",
            "CEO Rory Read announced the deal.",
        ),
    ] {
        assert_ne!(rel(a, b), Relation::Contradiction, "{a} / {b}");
    }
}

#[test]
fn different_incidents_and_subjects_do_not_clash() {
    for (a, b) in [
        (
            "5 killed, 50 injured in Pakistan blast",
            "3 killed, 138 injured in Boston blasts",
        ),
        (
            "China stocks open higher Monday",
            "China stocks close lower on Thursday",
        ),
        (
            "A man is mixing the content of a bowl",
            "A woman is mixing the content of a bowl",
        ),
        (
            "Exclusive-UPDATE 2-Egypt alliance signals flexibility",
            "EXCLUSIVE-UPDATE 1-Egypt alliance signals flexibility",
        ),
        (
            "He gave himself up just after 6:00 p.m., police said.",
            "He gave himself up just after 6 p.m., police said.",
        ),
        (
            "He served 41/2 months in prison.",
            "He served 4 1/2 months in prison.",
        ),
    ] {
        assert_ne!(rel(a, b), Relation::Contradiction, "{a} / {b}");
    }
    // A negation in a condition asserts nothing.
    assert_ne!(
        rel(
            "Up to 75,000 people may die unless measures are tightened.",
            "Up to 75 thousand people may die if measures are not tightened."
        ),
        Relation::Contradiction
    );
}

#[test]
fn one_thing_in_two_forms_is_stated() {
    // Digits and number words, a place and its demonym: one claim in two headline styles.
    assert_eq!(
        rel("Six hurt in Peru bus crash", "6 hurt in Peruvian bus crash"),
        Relation::Agreement
    );
    assert_eq!(
        rel(
            "Afghan police arrest 12 smugglers",
            "Twelve smugglers arrested by police in Afghanistan"
        ),
        Relation::Agreement
    );
    // Two different counts stay different.
    assert_ne!(
        rel("Six hurt in Peru bus crash", "7 hurt in Peruvian bus crash"),
        Relation::Agreement
    );
}

#[test]
fn demonyms_derive_from_their_place() {
    for (w, p) in [
        ("syrian", "syria"),
        ("iranian", "iran"),
        ("afghan", "afghanistan"),
        ("turkish", "turkey"),
        ("venezuelan", "venezuela"),
    ] {
        assert!(demonym_of(w, p), "{w} / {p}");
    }
    for (w, p) in [
        ("austria", "australia"),
        ("iraq", "iran"),
        ("syria", "syria"),
    ] {
        assert!(!demonym_of(w, p), "{w} / {p}");
    }
}

#[test]
fn headline_rewording_two_words_agrees() {
    // A verb and its object reworded together, with inflected forms the vectors know by
    // their base ('clinches' as 'clinch').
    assert_eq!(
        rel(
            "Boston Celtics win NBA finals",
            "Boston Celtics clinches NBA championship"
        ),
        Relation::Agreement
    );
    assert!(crate::vectors::similarity_inflected("wins", "clinches").is_some());
}

#[test]
fn full_clauses_agree_only_when_one_follows_from_the_other() {
    // 'A man' states 'a person'; the more general side follows from the more specific one.
    assert_eq!(
        rel("A man is painting a fence", "A person is painting a fence"),
        Relation::Agreement
    );
    // Each side is the more specific one in one word ('man' / 'person', 'tree' /
    // 'plant'): neither follows from the other.
    assert_eq!(
        rel("A man is cutting a tree", "A person is cutting a plant"),
        Relation::Agreement
    );
    assert_ne!(
        rel("A man is cutting a plant", "A person is cutting a tree"),
        Relation::Agreement
    );
}

#[test]
fn exchanged_subjects_do_not_agree() {
    assert_ne!(
        rel("A cat is chasing the mouse", "The mouse is chasing a cat"),
        Relation::Agreement
    );
    // A passive exchanges them without changing the claim.
    assert_eq!(
        rel(
            "A cat is chasing the mouse",
            "The mouse is being chased by a cat"
        ),
        Relation::Agreement
    );
}

#[test]
fn a_passive_agent_is_the_subject_of_the_active() {
    let v = cmp(
        "The apple isn't being eaten by the boy",
        "The boy is eating an apple",
    );
    assert_eq!(v.relation, Relation::Contradiction);
    assert_eq!(v.reasons, vec!["negation"]);
}

#[test]
fn a_clause_follows_only_with_its_predicate() {
    // Every other word is shared, but lying is not walking.
    assert_ne!(
        rel(
            "A dog is lying in the snow near the old red barn",
            "A dog is walking in the snow near the old red barn"
        ),
        Relation::Agreement
    );
    assert_eq!(
        rel(
            "A dog is walking in the snow near the old red barn",
            "A dog is walking in the snow near the barn"
        ),
        Relation::Agreement
    );
}

#[test]
fn a_word_read_as_a_verb_takes_its_verb_senses() {
    // 'stroll' is a noun first in WordNet ('a stroll' is a walk, a kind of travel); after
    // 'is' it is a verb, one way to walk, so the more specific sentence states the other.
    let lex = Lexicons::builtin();
    let f = frame::build("A woman is strolling along the river", &[], &lex);
    let t = f.toks.iter().find(|t| t.low == "strolling").unwrap();
    assert!(t.verb);
    let walk = lex.canon(&stem::stem("walk")).to_string();
    assert!(f.states_general(&walk), "{:?}", f.content);
    let g = frame::build("The morning stroll", &[], &lex);
    assert!(!g.toks.iter().any(|t| t.verb));
    assert_eq!(
        rel(
            "A woman is strolling along the river",
            "A woman is walking along the river"
        ),
        Relation::Agreement
    );
}
