//! Resolution of the mentions of a corpus into entities: spelling clusters first (blocked,
//! average-link), then context merges for garbled short variants whose sentences say what
//! another source says about a known entity, then kind and consensus canonical spelling.

use super::acronyms;
use super::cluster::{candidate_pairs, cluster_forms, ClusterParams};
use super::extract::{extract, KindCues, RawMention};
use super::gazetteer::PlaceClass;
use super::keys::name_key;
use super::lexicons::Lexicons;
use super::similarity::{form_similarity, NameForm};
use super::vocab::{CorpusWords, WordSet};
use super::{Entities, Entity, Mention, NamesConfig};
use crate::document::Document;
use crate::hash::HashSet;
use crate::report::EntityKind;
use crate::text::{is_stopword, words};
use std::collections::{BTreeMap, BTreeSet};

/// Spellings at least this similar are never kept apart for co-occurring in a sentence
/// ('Vladimir Putin ... Putin').
const SAME_SENTENCE_OK: f64 = 0.95;
/// Weight of the kind votes of coordinated lists, in all, for one entity.
const LIST_WEIGHT: f64 = 1.5;
/// Most mention pairs compared for the context of two clusters.
const MAX_CONTEXT_PAIRS: usize = 4000;

/// Content words of a sentence: lowercase-written, not stopwords, plural -s dropped.
fn content_words(text: &str) -> BTreeSet<String> {
    words(text)
        .into_iter()
        .filter(|w| w.text.starts_with(|c: char| c.is_lowercase()))
        .map(|w| {
            let l = w.text.to_lowercase().replace('’', "'");
            let l = l.strip_suffix("'s").unwrap_or(&l).to_string();
            if l.len() > 4 && l.ends_with('s') && !l.ends_with("ss") {
                l[..l.len() - 1].to_string()
            } else {
                l
            }
        })
        .filter(|l| l.chars().count() >= 3 && !is_stopword(l))
        .collect()
}

fn dice(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(b).count() as f64;
    2.0 * common / (a.len() + b.len()) as f64
}

fn kind_of(c: &KindCues) -> Option<EntityKind> {
    let best = c.person.max(c.place).max(c.org);
    if best < 0.5 {
        return None;
    }
    Some(if c.person >= best {
        EntityKind::Person
    } else if c.place >= best {
        EntityKind::Place
    } else {
        EntityKind::Organization
    })
}

fn add(a: &mut KindCues, b: &KindCues) {
    a.person += b.person;
    a.place += b.place;
    a.org += b.org;
}

/// A plural common noun's shape ('agencies', 'nations'); names of places and brands in the
/// frequency table ('Houston', 'Facebook') rarely have it.
fn looks_plural(w: &str) -> bool {
    w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
}

/// Drops single-word mentions that are capitalised common words rather than names
/// ('Agencies', 'Checkpoint'): no kind evidence anywhere in the corpus, not a known place or
/// given name, and the word is written in lowercase elsewhere in the corpus or is a frequent
/// plural English word seen in one document only. Words that end a full name ('Rachel Fine') stay.
/// Returns the [`name_key`] of each mention kept.
fn drop_common_words(
    docs: &[Document],
    raw: &mut Vec<(usize, RawMention)>,
    lowercase: &WordSet,
    lex: &Lexicons,
) -> Vec<String> {
    // key -> (cues, documents, keep)
    let mut stats: BTreeMap<String, (KindCues, BTreeSet<usize>, bool)> = BTreeMap::new();
    let mut surnames: BTreeSet<String> = BTreeSet::new();
    let keys = mention_keys(docs, raw, lex);
    for ((d, m), key) in raw.iter().zip(&keys) {
        let surface = m.span.slice(&docs[*d].text);
        let key = key.clone();
        let toks: Vec<&str> = key.split(' ').filter(|t| !t.is_empty()).collect();
        if toks.len() >= 2 {
            if lex.is_given_name(toks[0]) {
                if let Some(last) = toks.last() {
                    surnames.insert(last.to_string());
                }
            }
            continue;
        }
        let shaped = surface.chars().skip(1).any(char::is_uppercase)
            || surface.chars().any(|c| c.is_ascii_digit() || c == '.');
        let e = stats.entry(key).or_default();
        add(&mut e.0, &m.cues);
        e.1.insert(*d);
        e.2 |= shaped;
    }
    let drop: BTreeSet<String> = stats
        .into_iter()
        .filter(|(k, (cues, ds, shaped))| {
            let best = cues.person.max(cues.place).max(cues.org);
            !shaped
                && best < 1.0
                && !k.is_empty()
                && !lex.places.contains(k)
                && !lex.is_given_name(k)
                && !surnames.contains(k)
                && (lowercase.contains(k)
                    || (ds.len() == 1 && looks_plural(k) && super::lexicons::word_zipf(k) >= 44))
        })
        .map(|(k, _)| k)
        .collect();
    if drop.is_empty() {
        return keys;
    }
    let mut keep = keys.iter().map(|k| !drop.contains(k));
    raw.retain(|_| keep.next().unwrap_or(true));
    keys.into_iter().filter(|k| !drop.contains(k)).collect()
}

/// The key of each mention (in parallel with the `parallel` feature), see [`mention_key`].
fn mention_keys(docs: &[Document], raw: &[(usize, RawMention)], lex: &Lexicons) -> Vec<String> {
    crate::par::map(raw, |(d, m)| mention_key(m.span.slice(&docs[*d].text), lex))
}

/// The [`name_key`] of a mention without the parts that do not tell names apart: a quoted
/// nickname ('Vincent "The Chin" Gigante' → 'vincent gigante') and final suffixes
/// ('Intel Corp.' → 'intel', 'W. Mark Felt Sr.' → 'w mark felt').
pub fn mention_key(surface: &str, lex: &Lexicons) -> String {
    let mut plain = String::with_capacity(surface.len());
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for c in surface.chars() {
        match quote {
            Some(q) if c == q || (q == '“' && c == '”') || (q == '‘' && c == '’') => {
                quote = None;
                plain.push(' ');
            }
            Some(_) => {}
            None if prev == ' ' && matches!(c, '"' | '\'' | '“' | '‘') => quote = Some(c),
            None => plain.push(c),
        }
        prev = c;
    }
    // An unclosed quote was no nickname.
    let key = if quote.is_some() {
        name_key(surface)
    } else {
        name_key(&plain)
    };
    let mut toks: Vec<&str> = key.split(' ').collect();
    while toks.len() > 1 && toks.last().is_some_and(|t| lex.suffixes.contains(*t)) {
        toks.pop();
    }
    toks.join(" ")
}

/// Splits a mention that ends with another full name of the corpus ('International Committee
/// of Relief Chidi Okonkwo' when 'Chidi Okonkwo' stands alone elsewhere): the known name
/// (two or more words, not starting with an initial) becomes its own mention, and the rest
/// another. The person cues go with the name.
fn split_known_suffix(docs: &[Document], raw: &mut Vec<(usize, RawMention)>, lex: &Lexicons) {
    let full: BTreeSet<String> = mention_keys(docs, raw, lex)
        .into_iter()
        .filter(|k| {
            let toks: Vec<&str> = k.split(' ').collect();
            toks.len() >= 2 && toks[0].len() > 1
        })
        .collect();
    let mut extra: Vec<(usize, RawMention)> = Vec::new();
    for (d, m) in raw.iter_mut() {
        let surface = m.span.slice(&docs[*d].text);
        let ws = words(surface);
        if ws.len() < 3 {
            continue;
        }
        for k in 1..ws.len() - 1 {
            let Some(rest) = surface.get(ws[k].start..) else {
                continue;
            };
            let prev = name_key(ws[k - 1].text);
            let institution = ws[..k].iter().any(|w| {
                let l = w.text.to_lowercase();
                lex.org_cues.contains(&l) || lex.is_place_cue(&l)
            });
            if prev.len() <= 1
                || (lex.is_given_name(&prev) && !institution)
                || !full.contains(&name_key(rest))
            {
                continue;
            }
            let head_end = ws[k - 1].end();
            let mut head = m.clone();
            head.span = crate::document::Span::new(m.span.start, m.span.start + head_end);
            head.cues = KindCues {
                org: if institution { 2.0 } else { 0.0 },
                ..KindCues::default()
            };
            head.role = None;
            m.span = crate::document::Span::new(m.span.start + ws[k].start, m.span.end);
            extra.push((*d, head));
            break;
        }
    }
    if !extra.is_empty() {
        raw.extend(extra);
        raw.sort_by_key(|(d, m)| (*d, m.sentence, m.span.start, m.span.end));
    }
}

/// Coordinated lists of names in one sentence ('Odesa, Dnipro and Kharkiv'): runs of
/// mention indexes (into the sorted mentions) joined only by commas and 'and' / 'or'.
fn coordinated_lists(docs: &[Document], raw: &[(usize, RawMention)]) -> Vec<Vec<usize>> {
    let mut lists: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    // Whether the current run has a conjunction (a list, not 'Riyadh, Saudi Arabia').
    let mut conj = false;
    for i in 0..raw.len() {
        let joint = if i == 0 {
            None
        } else {
            let (d0, m0) = (&raw[i - 1].0, &raw[i - 1].1);
            let (d1, m1) = (&raw[i].0, &raw[i].1);
            if d0 == d1 && m0.sentence == m1.sentence {
                docs[*d0]
                    .text
                    .get(m0.span.end..m1.span.start)
                    .map(str::trim)
                    .filter(|g| {
                        matches!(
                            *g,
                            "," | "and" | ", and" | "or" | ", or" | "&" | "as well as"
                        )
                    })
            } else {
                None
            }
        };
        match joint {
            Some(g) => conj |= g != ",",
            None => {
                if cur.len() >= 2 && conj {
                    lists.push(std::mem::take(&mut cur));
                }
                cur.clear();
                conj = false;
            }
        }
        cur.push(i);
    }
    if cur.len() >= 2 && conj {
        lists.push(cur);
    }
    lists
}

/// The key a mention is clustered under: an acronym's long name, a user alias, a place's
/// GeoNames name ('Kiev' → 'kyiv', 'U.S.' → 'united states') unless it is a word of
/// people's names in the corpus (`person`).
fn resolve_key(
    mut k: String,
    acronym_links: &BTreeMap<String, String>,
    lex: &Lexicons,
    person: bool,
) -> String {
    if let Some(t) = acronym_links.get(&k) {
        k = t.clone();
    }
    if let Some(t) = lex.alias(&k) {
        return t.to_string();
    }
    match lex.place(&k) {
        Some(p) if p.class <= PlaceClass::City && !person => p.key.clone(),
        _ => k,
    }
}

/// Most forms of one sentence paired with each other; in a longer list of names each form is
/// paired with its `SIDE_WINDOW` neighbours in text order, which keeps the work linear.
const SIDE_WINDOW: usize = 8;

/// Pairs of distinct forms (`a < b`) written in one sentence.
fn side_by_side_pairs(raw: &[(usize, RawMention)], form_of: &[usize]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < raw.len() {
        let mut e = k;
        while e < raw.len() && raw[e].0 == raw[k].0 && raw[e].1.sentence == raw[k].1.sentence {
            e += 1;
        }
        // Distinct forms in order of first appearance.
        let mut seen = BTreeSet::new();
        let fs: Vec<usize> = form_of[k..e]
            .iter()
            .copied()
            .filter(|&f| seen.insert(f))
            .collect();
        for (x, &a) in fs.iter().enumerate() {
            for &b in fs.iter().skip(x + 1).take(SIDE_WINDOW) {
                out.push((a.min(b), a.max(b)));
            }
        }
        k = e;
    }
    out
}

/// Finds the mentions in every document and merges them into entities.
pub fn resolve(docs: &[Document], config: &NamesConfig) -> Entities {
    let lex: &Lexicons = config.lexicons();
    let words = CorpusWords::read(docs);
    // 1. Mentions, in (doc, sentence, start) order.
    let per_doc = |(di, d): (usize, &Document)| -> Vec<(usize, RawMention)> {
        extract(d, &words, lex)
            .into_iter()
            .map(|m| (di, m))
            .collect()
    };
    #[cfg(feature = "parallel")]
    let mut raw: Vec<(usize, RawMention)> = {
        use rayon::prelude::*;
        docs.par_iter().enumerate().flat_map_iter(per_doc).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let mut raw: Vec<(usize, RawMention)> = docs.iter().enumerate().flat_map(per_doc).collect();
    raw.sort_by_key(|(d, m)| (*d, m.sentence, m.span.start, m.span.end));
    raw.dedup_by_key(|(d, m)| (*d, m.sentence, m.span.start));
    split_known_suffix(docs, &mut raw, lex);
    let raw_keys = drop_common_words(docs, &mut raw, &words.lowercase, lex);
    let acronym_links = {
        let spans: Vec<(usize, crate::document::Span)> =
            raw.iter().map(|(d, m)| (*d, m.span)).collect();
        let is_place = |k: &str| lex.places.contains(k) || lex.place(k).is_some();
        acronyms::links(&acronyms::seen(docs, &spans, &raw_keys), lex, is_place)
    };
    // 2. Distinct spellings (folded keys, aliases applied), numbered in key order so that
    // nothing downstream depends on the order of the documents.
    // Words that end a person's name are surnames here, not places ('Andrew Luck', not Łuck).
    let name_ends: BTreeSet<&str> = raw_keys
        .iter()
        .filter(|k| {
            k.split(' ')
                .next()
                .is_some_and(|g| k.contains(' ') && lex.is_given_name(g))
        })
        .filter_map(|k| k.rsplit(' ').next())
        .collect();
    let person_word = |k: &str| name_ends.contains(k) || lex.is_given_name(k);
    let final_keys: Vec<String> = raw_keys
        .iter()
        .map(|k| resolve_key(k.clone(), &acronym_links, lex, person_word(k)))
        .collect();
    let mut kept: Vec<(usize, RawMention)> = Vec::with_capacity(raw.len());
    let mut kept_keys: Vec<String> = Vec::with_capacity(raw.len());
    for (((d, m), k), f) in raw.into_iter().zip(&raw_keys).zip(final_keys) {
        if k.is_empty() {
            continue;
        }
        kept_keys.push(f);
        kept.push((d, m));
    }
    let raw = kept;
    let final_keys = kept_keys;
    let mut keys: Vec<String> = final_keys.clone();
    keys.sort_unstable();
    keys.dedup();
    let form_of: Vec<usize> = final_keys
        .iter()
        .map(|k| keys.binary_search(k).unwrap_or(0))
        .collect();
    let forms: Vec<NameForm> = keys.iter().map(|k| NameForm::new(k)).collect();
    let sim = |i: usize, j: usize| -> f64 {
        form_similarity(&forms[i], &forms[j], lex).max(form_similarity(&forms[j], &forms[i], lex))
    };
    // 3. Spellings that stand side by side in one sentence are different entities.
    let mut cannot: BTreeSet<(usize, usize)> = BTreeSet::new();
    {
        let mut side_by_side = side_by_side_pairs(&raw, &form_of);
        side_by_side.sort_unstable();
        side_by_side.dedup();
        let sims = crate::par::map(&side_by_side, |&(a, b)| sim(a, b));
        cannot.extend(
            side_by_side
                .into_iter()
                .zip(sims)
                .filter(|&(_, s)| s < SAME_SENTENCE_OK)
                .map(|(pair, _)| pair),
        );
    }
    // 4. Spelling clusters.
    let params = ClusterParams {
        threshold: config.threshold,
        link: config.link_threshold,
        cannot_link: &cannot,
        extra_edges: &[],
    };
    let groups = cluster_forms(&forms, lex, &params);
    let mut cluster_of = vec![0usize; forms.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            cluster_of[m] = g;
        }
    }
    let mut members: Vec<Vec<usize>> = groups; // cluster -> forms
                                               // Mentions of each form, cues of each form.
    let mut mentions_of_form: Vec<Vec<usize>> = vec![Vec::new(); forms.len()];
    let mut cues_of_form: Vec<KindCues> = vec![KindCues::default(); forms.len()];
    for (mi, &f) in form_of.iter().enumerate() {
        mentions_of_form[f].push(mi);
        add(&mut cues_of_form[f], &raw[mi].1.cues);
    }
    // The cannot-links lifted to clusters: the clusters each cluster may not join, kept up to
    // date as clusters merge (so a check costs one look-up, not one per pair of members).
    let mut cannot_of: Vec<HashSet<usize>> = vec![HashSet::default(); members.len()];
    for &(x, y) in &cannot {
        let (cx, cy) = (cluster_of[x], cluster_of[y]);
        if cx != cy {
            cannot_of[cx].insert(cy);
            cannot_of[cy].insert(cx);
        }
    }
    // 5. Context merges.
    // Content words of a mention's sentence, computed when a candidate merge first needs them.
    let mut content: BTreeMap<(usize, usize), BTreeSet<String>> = BTreeMap::new();
    let role_head = |d: usize, m: &RawMention| -> Option<String> {
        let r = m.role?.slice(&docs[d].text).to_lowercase();
        r.split_whitespace()
            .last()
            .map(|s| s.trim_matches('.').to_string())
    };
    let pairs: Vec<(usize, usize)> = candidate_pairs(&forms, lex)
        .into_iter()
        .filter(|&(i, j)| cluster_of[i] != cluster_of[j])
        .collect();
    let scores = crate::par::map(&pairs, |&(i, j)| sim(i, j));
    let mut cands: Vec<(f64, usize, usize)> = pairs
        .into_iter()
        .zip(scores)
        .filter(|&(_, s)| s >= config.context_threshold)
        .map(|((i, j), s)| (s, i, j))
        .collect();
    cands.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    for (_, i, j) in cands {
        let (ca, cb) = (cluster_of[i], cluster_of[j]);
        if ca == cb {
            continue;
        }
        if cannot_of[ca].contains(&cb) {
            continue;
        }
        let cues = |c: usize| {
            let mut k = KindCues::default();
            for &f in &members[c] {
                add(&mut k, &cues_of_form[f]);
            }
            k
        };
        let (ka, kb) = (kind_of(&cues(ca)), kind_of(&cues(cb)));
        if let (Some(ka), Some(kb)) = (ka, kb) {
            if ka != kb {
                continue;
            }
        }
        // Two close spellings of one kind in one document, never side by side in a
        // sentence: a translation that spells one name two ways.
        let same_kind = ka.is_some() && ka == kb;
        // Context support: a shared role head, or similar sentences in different documents.
        // Read lazily: the budget bounds the work however large the clusters are.
        let mentions_of = |c: usize| {
            members[c]
                .iter()
                .flat_map(|&f| mentions_of_form[f].iter().copied())
        };
        let mut support = false;
        let mut budget = MAX_CONTEXT_PAIRS;
        'outer: for x in mentions_of(ca) {
            for y in mentions_of(cb) {
                if budget == 0 {
                    break 'outer;
                }
                budget -= 1;
                let (dx, mx) = (&raw[x].0, &raw[x].1);
                let (dy, my) = (&raw[y].0, &raw[y].1);
                if let (Some(rx), Some(ry)) = (role_head(*dx, mx), role_head(*dy, my)) {
                    if rx == ry {
                        support = true;
                        break 'outer;
                    }
                }
                if dx == dy {
                    if same_kind {
                        support = true;
                        break 'outer;
                    }
                    continue;
                }
                let (kx, ky) = ((*dx, mx.sentence), (*dy, my.sentence));
                for (d, s) in [kx, ky] {
                    content
                        .entry((d, s))
                        .or_insert_with(|| content_words(docs[d].sentence_text(s)));
                }
                if dice(&content[&kx], &content[&ky]) >= config.context_overlap {
                    support = true;
                    break 'outer;
                }
            }
        }
        if !support {
            continue;
        }
        let (keep, gone) = if ca < cb { (ca, cb) } else { (cb, ca) };
        let moved = std::mem::take(&mut members[gone]);
        for &f in &moved {
            cluster_of[f] = keep;
        }
        members[keep].extend(moved);
        for c in std::mem::take(&mut cannot_of[gone]) {
            cannot_of[c].remove(&gone);
            cannot_of[c].insert(keep);
            cannot_of[keep].insert(c);
        }
    }
    // 6. Entities.
    let mut mentions: Vec<Mention> = raw
        .iter()
        .map(|(d, m)| Mention {
            doc: *d,
            sentence: m.sentence,
            span: m.span,
            role: m.role,
            entity: 0,
        })
        .collect();
    let mut entity_of_cluster: BTreeMap<usize, usize> = BTreeMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    for (mi, &f) in form_of.iter().enumerate() {
        let c = cluster_of[f];
        let e = *entity_of_cluster.entry(c).or_insert_with(|| {
            entities.push(Entity {
                canonical: String::new(),
                kind: EntityKind::Other,
                mentions: Vec::new(),
            });
            entities.len() - 1
        });
        mentions[mi].entity = e;
        entities[e].mentions.push(mi);
    }
    // Kinds: votes of all mentions, then coordinated lists share the kind of their known
    // members ('the harbours of Tallinn, Riga and Klaipeda').
    let mut entity_cues: Vec<KindCues> = entities
        .iter()
        .map(|e| {
            let mut k = KindCues::default();
            for &mi in &e.mentions {
                add(&mut k, &raw[mi].1.cues);
            }
            k
        })
        .collect();
    // The kind of an entity whose evidence is clear (a margin over the runner-up).
    let clear_kind: Vec<Option<EntityKind>> = entity_cues
        .iter()
        .map(|c| {
            let mut v = [c.person, c.place, c.org];
            v.sort_by(|a, b| b.partial_cmp(a).unwrap_or(std::cmp::Ordering::Equal));
            if v[0] - v[1] >= 0.5 {
                kind_of(c)
            } else {
                None
            }
        })
        .collect();
    let mut votes: Vec<KindCues> = vec![KindCues::default(); entities.len()];
    for list in coordinated_lists(docs, &raw) {
        let ents: BTreeSet<usize> = list.iter().map(|&mi| mentions[mi].entity).collect();
        // Each member's votes are the list's clear kinds less its own (linear in the list).
        let vote = |e: usize| {
            let mut v = KindCues::default();
            match clear_kind[e] {
                Some(EntityKind::Person) => v.person += 1.0,
                Some(EntityKind::Place) => v.place += 1.0,
                Some(EntityKind::Organization) => v.org += 1.0,
                _ => {}
            }
            v
        };
        let mut all = KindCues::default();
        for &e in &ents {
            add(&mut all, &vote(e));
        }
        for &e in &ents {
            let own = vote(e);
            votes[e].person += all.person - own.person;
            votes[e].place += all.place - own.place;
            votes[e].org += all.org - own.org;
        }
    }
    // The lists weigh as much as one strong cue in all, shared by the kinds they vote for.
    for (c, v) in entity_cues.iter_mut().zip(&votes) {
        let total = v.person + v.place + v.org;
        if total > 0.0 {
            let w = LIST_WEIGHT / total;
            c.person += v.person * w;
            c.place += v.place * w;
            c.org += v.org * w;
        }
    }
    for (ei, e) in entities.iter_mut().enumerate() {
        let cues = entity_cues[ei];
        // Spellings of forms that one in twenty mentions or more have name the entity
        // ('United States', not the stray 'Republican U.S').
        let mut per_form: BTreeMap<usize, usize> = BTreeMap::new();
        for &mi in &e.mentions {
            *per_form.entry(form_of[mi]).or_default() += 1;
        }
        let most = per_form.values().copied().max().unwrap_or(0);
        let major = |f: usize| per_form[&f] * 20 >= e.mentions.len() || per_form[&f] == most;
        // surface -> (docs, count)
        let mut surfaces: BTreeMap<String, (BTreeSet<usize>, usize)> = BTreeMap::new();
        for &mi in e.mentions.iter().filter(|&&mi| major(form_of[mi])) {
            let (d, m) = (&raw[mi].0, &raw[mi].1);
            let s = m
                .span
                .slice(&docs[*d].text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let entry = surfaces.entry(s).or_default();
            entry.0.insert(*d);
            entry.1 += 1;
        }
        e.kind = kind_of(&cues).unwrap_or(EntityKind::Other);
        let best = surfaces.iter().max_by(|a, b| {
            let score = |(s, (ds, n)): (&String, &(BTreeSet<usize>, usize))| {
                let toks: Vec<&str> = s.split(' ').collect();
                let full = toks.len() >= 2;
                let initials = toks
                    .iter()
                    .filter(|t| t.trim_end_matches('.').chars().count() == 1)
                    .count();
                let upper = s
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                    && s.chars().count() > 4;
                (full, ds.len(), usize::MAX - initials, !upper, *n)
            };
            score(*a).cmp(&score(*b)).then(b.0.cmp(a.0))
        });
        e.canonical = best.map(|(s, _)| s.clone()).unwrap_or_default();
    }
    Entities { mentions, entities }
}
