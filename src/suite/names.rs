//! Name matching: property tests (no panic, symmetric and bounded similarity, idempotent
//! keys) and hard cases of invented articles.

use crate::names::{
    cluster_names, name_key, name_similarity, resolve, Entities, Mention, NamesConfig,
};
use crate::report::EntityKind;
use crate::Corpus;
use proptest::prelude::*;

fn cfg() -> NamesConfig {
    NamesConfig::default()
}

/// `name_similarity` lies in [0, 1] and does not depend on the order of its arguments.
fn check_symmetric_and_bounded(a: &str, b: &str) -> Result<(), TestCaseError> {
    let c = cfg();
    let x = name_similarity(a, b, &c);
    let y = name_similarity(b, a, &c);
    prop_assert!((0.0..=1.0).contains(&x));
    prop_assert!((x - y).abs() < 1e-12);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn key_is_idempotent(s in "\\PC{0,24}") {
        let k = name_key(&s);
        prop_assert_eq!(name_key(&k), k);
    }

    #[test]
    fn key_is_idempotent_on_names(s in "[A-Za-zÀ-ÿĀ-žА-яЁё .'-]{0,24}") {
        let k = name_key(&s);
        prop_assert_eq!(name_key(&k), k);
    }

    #[test]
    fn similarity_symmetric_and_bounded(a in "\\PC{0,20}", b in "\\PC{0,20}") {
        check_symmetric_and_bounded(&a, &b)?;
    }

    #[test]
    fn similarity_symmetric_on_names(a in "[A-Z][a-zа-я]{0,8}( [A-Z][a-z]{0,9}){0,2}", b in "[A-Z][a-zа-я]{0,8}( [A-Z][a-z]{0,9}){0,2}") {
        check_symmetric_and_bounded(&a, &b)?;
    }

    #[test]
    fn clustering_covers_every_index_once(names in prop::collection::vec("\\PC{0,12}", 0..30)) {
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let groups = cluster_names(&refs, &cfg());
        let mut seen: Vec<usize> = groups.concat();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..names.len()).collect::<Vec<_>>());
    }

    #[test]
    fn resolve_never_panics(text in "\\PC{1,300}") {
        let mut corpus = Corpus::new();
        if corpus.add("a", &text).is_ok() {
            let e = resolve(corpus.documents(), &cfg());
            let keys: Vec<_> = e.mentions.iter().map(|m| (m.doc, m.sentence, m.span.start)).collect();
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            prop_assert_eq!(keys, sorted);
            for m in &e.mentions {
                prop_assert!(m.entity < e.entities.len());
            }
        }
    }
}

fn entities_of(docs: &[(&str, &str)]) -> (Corpus, Entities) {
    let mut corpus = Corpus::new();
    for (id, text) in docs {
        corpus.add(id, text).unwrap();
    }
    let e = resolve(corpus.documents(), &cfg());
    (corpus, e)
}

/// The entity index of the first mention whose text is `surface`.
fn entity(corpus: &Corpus, e: &Entities, surface: &str) -> usize {
    e.mentions
        .iter()
        .find(|m| m.span.slice(&corpus.documents()[m.doc].text) == surface)
        .unwrap_or_else(|| panic!("no mention '{surface}'"))
        .entity
}

#[test]
fn garbled_envoy_joins_by_document_context() {
    let a = "Envoy arrives\n\nUS special envoy Steve Witkoff arrived in Vienna on Monday for talks with Russian officials. Witkoff met Foreign Minister Sergei Lavrov for three hours.";
    let b = "Envoy in Vienna\n\nMr. Witkov arrived in Vienna on Monday. Mr. Vikov said the talks were useful, and Mr. Lavrov agreed. Later Mr. Vikov flew home.";
    let (c, e) = entities_of(&[("a", a), ("b", b)]);
    let w = entity(&c, &e, "Steve Witkoff");
    assert_eq!(entity(&c, &e, "Witkoff"), w);
    assert_eq!(entity(&c, &e, "Witkov"), w);
    assert_eq!(entity(&c, &e, "Vikov"), w);
    assert_ne!(entity(&c, &e, "Lavrov"), w);
    assert_eq!(entity(&c, &e, "Lavrov"), entity(&c, &e, "Sergei Lavrov"));
    assert_eq!(e.entities[w].canonical, "Steve Witkoff");
    assert_eq!(e.entities[w].kind, EntityKind::Person);
}

#[test]
fn names_side_by_side_stay_apart() {
    let a = "Talks\n\nMr. Witkoff and Mr. Vikov met in Geneva on Friday. Mr. Vikov left.";
    let (c, e) = entities_of(&[("a", a)]);
    assert_ne!(entity(&c, &e, "Witkoff"), entity(&c, &e, "Vikov"));
}

#[test]
fn kusk_is_kursk_not_kushner() {
    let a = "Front line\n\nTroops advanced in the Kursk region, officials said. Jared Kushner visited Riyadh.";
    let b = "Front\n\nUnits pulled back near Kusk on Monday. The Kursk line held. Mr. Kushner spoke later.";
    let (c, e) = entities_of(&[("a", a), ("b", b)]);
    let k = entity(&c, &e, "Kursk");
    assert_eq!(entity(&c, &e, "Kusk"), k);
    assert_ne!(entity(&c, &e, "Kushner"), k);
    assert_eq!(entity(&c, &e, "Kushner"), entity(&c, &e, "Jared Kushner"));
    assert_eq!(e.entities[k].kind, EntityKind::Place);
}

#[test]
fn roles_and_spans() {
    let a = "Roles\n\nPress Secretary Karoline Leavitt said National Security Advisor Mike Waltz would travel.";
    let b = "Roles\n\nNews Secretary Karoline Leavitt said National Security Secretary Michael Waltz travels. Levitt added more.";
    let (c, e) = entities_of(&[("a", a), ("b", b)]);
    let text = |m: &Mention| m.span.slice(&c.documents()[m.doc].text).to_string();
    let role = |m: &Mention| {
        m.role
            .map(|r| r.slice(&c.documents()[m.doc].text).to_string())
    };
    let waltz: Vec<_> = e
        .mentions
        .iter()
        .filter(|m| text(m).ends_with("Waltz"))
        .collect();
    assert_eq!(waltz.len(), 2);
    assert_eq!(waltz[0].entity, waltz[1].entity);
    assert_eq!(role(waltz[0]).as_deref(), Some("National Security Advisor"));
    assert_eq!(
        role(waltz[1]).as_deref(),
        Some("National Security Secretary")
    );
    assert_eq!(entity(&c, &e, "Levitt"), entity(&c, &e, "Karoline Leavitt"));
    let canonical = &e.entities[entity(&c, &e, "Mike Waltz")].canonical;
    assert!(canonical == "Mike Waltz" || canonical == "Michael Waltz");
    assert_eq!(
        e.entities[entity(&c, &e, "Levitt")].canonical,
        "Karoline Leavitt"
    );
}

#[test]
fn pairwise_guards() {
    let c = cfg();
    assert!(name_similarity("Vikov", "Peskov", &c) < c.threshold);
    assert!(name_similarity("Kusk", "Kushner", &c) < 0.6);
    assert!(name_similarity("Kharkov", "Kherson", &c) < c.threshold);
    assert!(name_similarity("Lavrov", "Levitt", &c) < 0.6);
    assert!(name_similarity("Песков", "Peskov", &c) > 0.99);
    assert!(name_similarity("Dmitry Peskov", "Dmitri S. Peskov", &c) >= c.threshold);
    assert!(name_similarity("Kharkov", "Kharkiv", &c) >= c.threshold);
}

#[test]
fn config_lexicons() {
    let mut c = cfg();
    assert!(name_similarity("Kyiv", "Kiev", &c) < 1.0);
    c.add_aliases("# user aliases\nKyiv\tKiev\n").unwrap();
    assert_eq!(name_similarity("Kyiv", "Kiev", &c), 1.0);
    let groups = cluster_names(&["Kiev", "Kyiv", "Lviv"], &c);
    assert_eq!(groups, vec![vec![0, 1], vec![2]]);
    c.add_nicknames("Alexander\tSasha\n").unwrap();
    assert!(name_similarity("Sasha Petrov", "Alexander Petrov", &c) >= c.threshold);
    c.add_titles("ombudsman\thead\n").unwrap();
    c.add_honorifics("Hr.\n").unwrap();
    assert!(c.add_aliases("a\tb\tc\n").is_err());
    assert!(c.validate().is_ok());
}

#[test]
fn kinds_from_context_and_lists() {
    let a = "Strikes\n\nDrones hit the mayor's hometown of Velykyi Brod and the port cities of Zorivka, Tamansk and Belograd. Halvard Oystein said the talks went well. Officials met at the Group of Eight summit.";
    let b = "Night\n\nResidents of Zorivka, a coastal town in the south, reported blasts. Oleksandr Tarnenko told reporters. [Photo/Agencies]";
    let (c, e) = entities_of(&[("a", a), ("b", b)]);
    let kind = |s: &str| e.entities[entity(&c, &e, s)].kind;
    assert_eq!(kind("Velykyi Brod"), EntityKind::Place);
    assert_eq!(kind("Zorivka"), EntityKind::Place);
    assert_eq!(kind("Tamansk"), EntityKind::Place);
    assert_eq!(kind("Belograd"), EntityKind::Place);
    assert_eq!(kind("Oleksandr Tarnenko"), EntityKind::Person);
    assert_eq!(kind("Halvard Oystein"), EntityKind::Person);
    assert_eq!(kind("Group of Eight"), EntityKind::Organization);
    let surfaces: Vec<&str> = e
        .mentions
        .iter()
        .map(|m| m.span.slice(&c.documents()[m.doc].text))
        .collect();
    assert!(!surfaces.contains(&"Agencies"), "{surfaces:?}");
    assert!(!surfaces.contains(&"Eight"), "{surfaces:?}");
}

#[test]
fn runs_split_before_given_names_and_after_country_acronyms() {
    let a = "Envoys\n\nThe State Department Karen Whitfeld spoke. US Middle East envoy Steve Witkoff arrived.";
    let (c, e) = entities_of(&[("a", a)]);
    let surfaces: Vec<&str> = e
        .mentions
        .iter()
        .map(|m| m.span.slice(&c.documents()[m.doc].text))
        .collect();
    assert!(surfaces.contains(&"Karen Whitfeld"), "{surfaces:?}");
    assert!(surfaces.contains(&"Middle East"), "{surfaces:?}");
    assert!(surfaces.contains(&"US"), "{surfaces:?}");
}

/// The partition of mentions into entities, as sets of (document id, start, end), sorted.
fn partition(corpus: &Corpus, e: &Entities) -> Vec<Vec<(String, usize, usize)>> {
    let docs = corpus.documents();
    let mut groups: Vec<Vec<(String, usize, usize)>> = e
        .entities
        .iter()
        .map(|ent| {
            let mut g: Vec<_> = ent
                .mentions
                .iter()
                .map(|&mi| {
                    let m: &Mention = &e.mentions[mi];
                    (docs[m.doc].id.clone(), m.span.start, m.span.end)
                })
                .collect();
            g.sort();
            g
        })
        .collect();
    groups.sort();
    groups
}

/// Sentences of invented articles with look-alike names of several kinds.
const ARTICLES: &[&str] = &[
    "Summit\n\nPresident Anna Lindqvist met officials at the White House on Monday. The Gucci House opened a store in Milan.",
    "Talks\n\nLindqvist told reporters in Washington that Advanced Micro Devices (AMD) would build a plant. AMD declined to comment.",
    "Deal\n\nHewlett-Packard bought the firm. HP said the deal closes in May. The White House welcomed it.",
    "Visit\n\nAnna Lindquist arrived in Kiev. Officials in Kyiv said Lindquist met Mayor Petro Hudak.",
    "Report\n\nThe Guccí House said sales rose. Mayor Petro Hudák spoke. Hudak said the U.S. embassy agreed with the United States.",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn entities_do_not_depend_on_document_order(order in Just((0..ARTICLES.len()).collect::<Vec<usize>>()).prop_shuffle()) {
        let named: Vec<(String, &str)> = ARTICLES.iter().enumerate().map(|(i, t)| (format!("a{i}"), *t)).collect();
        let docs_a: Vec<(&str, &str)> = named.iter().map(|(id, t)| (id.as_str(), *t)).collect();
        let docs_b: Vec<(&str, &str)> = order.iter().map(|&i| docs_a[i]).collect();
        let (ca, ea) = entities_of(&docs_a);
        let (cb, eb) = entities_of(&docs_b);
        prop_assert_eq!(partition(&ca, &ea), partition(&cb, &eb));
    }
}

#[test]
fn invisible_characters_inside_names() {
    let a = "Talks\n\nPresident Vladimir Pu\u{200B}tin met envoys in Mos\u{00AD}cow on Monday.";
    let b = "Kremlin\n\nVladimir Putin said Moscow wants peace.";
    let (c, e) = entities_of(&[("a", a), ("b", b)]);
    assert_eq!(
        entity(&c, &e, "Vladimir Pu\u{200B}tin"),
        entity(&c, &e, "Vladimir Putin")
    );
    assert_eq!(entity(&c, &e, "Mos\u{00AD}cow"), entity(&c, &e, "Moscow"));
}

#[test]
fn acronyms_join_their_expansions() {
    let a = "Chips\n\nAdvanced Micro Devices (AMD) said it will buy SeaMicro. AMD shares rose.";
    let b = "Deal\n\nAMD agreed to buy the start-up, the company said.";
    let c2 = "Printers\n\nHewlett-Packard Co. said profit rose. HP also hired staff.";
    let d = "Cooling\n\nThe firm EYP Mission Critical Facilities Inc. was sold. EYP has 300 staff.";
    let (c, e) = entities_of(&[("a", a), ("b", b), ("c", c2), ("d", d)]);
    let amd = entity(&c, &e, "AMD");
    assert_eq!(entity(&c, &e, "Advanced Micro Devices"), amd);
    assert_eq!(e.entities[amd].canonical, "Advanced Micro Devices");
    assert_eq!(entity(&c, &e, "HP"), entity(&c, &e, "Hewlett-Packard Co"));
    assert_eq!(
        entity(&c, &e, "EYP"),
        entity(&c, &e, "EYP Mission Critical Facilities Inc")
    );
    assert_ne!(entity(&c, &e, "SeaMicro"), amd);
}

#[test]
fn country_forms_are_one_place_and_common_words_no_names() {
    let a = "Talks\n\nThe US envoy met Russia's Foreign Ministry. U.S. officials said the talks ended at 1400 GMT.";
    let b = "Envoy\n\nThe United States said the talks in Kiev went well, the ministry said.";
    let c2 = "Visit\n\nOfficials in Kyiv welcomed the USA delegation.";
    let (c, e) = entities_of(&[("a", a), ("b", b), ("c", c2)]);
    let us = entity(&c, &e, "US");
    assert_eq!(entity(&c, &e, "U.S"), us);
    assert_eq!(entity(&c, &e, "United States"), us);
    assert_eq!(entity(&c, &e, "USA"), us);
    assert_eq!(e.entities[us].canonical, "United States");
    assert_eq!(e.entities[us].kind, EntityKind::Place);
    assert_eq!(entity(&c, &e, "Kiev"), entity(&c, &e, "Kyiv"));
    let canon: Vec<&str> = e.entities.iter().map(|x| x.canonical.as_str()).collect();
    for junk in ["GMT", "Ministry", "Department"] {
        assert!(!canon.contains(&junk), "{canon:?}");
    }
}

#[test]
fn suffixes_nicknames_and_sentence_initial_surnames() {
    let a = "Escape\n\nPolice said Arcade Joseph Comeaux Jr. escaped on Monday. Comeaux was armed.";
    let b = "Manhunt\n\nMarshals are looking for Arcade Joseph Comeaux, Jr. in Texas.";
    let c2 = "Mob\n\nMob boss Vincent \"The Chin\" Gigante died. Gigante was 77.";
    let d = "Obituary\n\nVincent Gigante led a crime family, prosecutors said.";
    let f =
        "Game\n\nAndrew Luck threw two touchdowns. Luck said the team played well. It was luck.";
    let (c, e) = entities_of(&[("a", a), ("b", b), ("c", c2), ("d", d), ("f", f)]);
    let comeaux = entity(&c, &e, "Arcade Joseph Comeaux Jr");
    assert_eq!(entity(&c, &e, "Arcade Joseph Comeaux, Jr"), comeaux);
    assert_eq!(entity(&c, &e, "Comeaux"), comeaux);
    let gigante = entity(&c, &e, "Vincent \"The Chin\" Gigante");
    assert_eq!(entity(&c, &e, "Vincent Gigante"), gigante);
    assert_eq!(entity(&c, &e, "Luck"), entity(&c, &e, "Andrew Luck"));
}

#[test]
fn cyrillic_names_fold_their_case_endings() {
    let a = "Переговоры\n\nСпецпосланник США Стивом Уиткоффом встретился с Путиным. Путин заявил, что переговоры полезны.";
    let b =
        "Talks\n\nVladimir Putin met Steve Witkoff in Moscow. Witkoff said the talks were useful.";
    let (c, e) = entities_of(&[("a", a), ("b", b)]);
    assert_eq!(
        entity(&c, &e, "Стивом Уиткоффом"),
        entity(&c, &e, "Witkoff")
    );
    assert_eq!(entity(&c, &e, "Путиным"), entity(&c, &e, "Путин"));
    assert_eq!(entity(&c, &e, "Путин"), entity(&c, &e, "Vladimir Putin"));
    assert_ne!(entity(&c, &e, "США"), entity(&c, &e, "Witkoff"));
}

#[test]
fn a_word_the_article_capitalises_alone_is_a_name_at_a_sentence_start_too() {
    let a = "Rookie shines\n\nCritics doubted the rookie, but it is fair to say Frost proved them wrong. Frost threw for 300 yards on Sunday and ran for a score.";
    let b = "Late frost\n\nA late frost hit the orchards on Sunday. Frost damage was worst in the valley.";
    let c = "Season ahead\n\nThe club signed Michael Frost in March.";
    let (c, e) = entities_of(&[("a", a), ("b", b), ("c", c)]);
    let surfaces = |id: &str| -> Vec<&str> {
        e.mentions
            .iter()
            .filter(|m| c.documents()[m.doc].id == id)
            .map(|m| m.span.slice(&c.documents()[m.doc].text))
            .collect()
    };
    assert_eq!(
        surfaces("a"),
        ["Frost", "Frost"],
        "both of the article's 'Frost'"
    );
    // The article that writes 'frost' in lowercase: its sentence-initial 'Frost' is a word.
    assert!(surfaces("b").is_empty(), "{:?}", surfaces("b"));
}
