//! Cargo.toml's licence expression names only licences whose texts are in LICENSES/, and
//! every shipped data file under a licence of its own is named in it.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn ids() -> Vec<String> {
    let expr = env!("CARGO_PKG_LICENSE");
    let mut ids: Vec<String> = expr
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| !w.is_empty() && !["AND", "OR", "WITH"].contains(w))
        .map(str::to_string)
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn every_licence_of_the_expression_has_its_text() {
    for id in ids() {
        let text = root().join("LICENSES").join(format!("{id}.txt"));
        assert!(text.is_file(), "no {}", text.display());
    }
}

#[test]
fn the_licences_of_shipped_data_are_in_the_expression() {
    let ids = ids();
    for (data, id) in [
        ("src/data/garble_words.tsv", "CC-BY-SA-4.0"),
        ("src/data/garble_idioms.txt", "CC-BY-SA-3.0"),
        ("src/data/names/gazetteer.tsv", "CC-BY-4.0"),
        ("src/data/synonyms.tsv", "WordNet"),
        ("src/data/vectors.bin", "PDDL-1.0"),
        ("src/data/names/nicknames.csv", "Apache-2.0"),
    ] {
        if root().join(data).is_file() {
            assert!(ids.iter().any(|i| i == id), "{data} ships under {id}");
        }
    }
}
