//! Clustering of names: candidate pairs are blocked on consonant skeletons and their
//! one-deletion neighbourhoods (and nickname groups), so the work is near-linear in the number
//! of distinct names; edges above a threshold are merged strongest first, and two clusters
//! only join when their average similarity stays high (no long single-link chains).

use super::keys::skeleton;
use super::lexicons::Lexicons;
use super::similarity::{form_similarity, NameForm};
use std::collections::{BTreeMap, BTreeSet};

/// Largest block compared in full; bigger blocks are compared within a sorted window.
const MAX_BLOCK: usize = 100;
/// Window of neighbours compared in an oversized block.
const WINDOW: usize = 6;

/// Blocking keys of a name.
fn block_keys(f: &NameForm, lex: &Lexicons) -> Vec<Vec<u8>> {
    let mut keys = Vec::new();
    let Some(s) = f.surname() else {
        return keys;
    };
    let phon = &f.phon[s];
    let sk = skeleton(phon);
    if sk.is_empty() {
        let mut k = b"v:".to_vec();
        k.extend_from_slice(phon);
        keys.push(k);
    } else {
        keys.push(sk.clone());
        if sk.len() >= 3 {
            for i in 0..sk.len() {
                let mut d = sk.clone();
                d.remove(i);
                keys.push(d);
            }
        }
    }
    if f.tokens.len() == 1 {
        if let Some(g) = lex.nick_groups.get(&f.tokens[0]) {
            for formal in g {
                let mut k = b"n:".to_vec();
                k.extend_from_slice(formal.as_bytes());
                keys.push(k);
            }
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Candidate pairs `(i, j)`, `i < j`, sorted and unique.
pub fn candidate_pairs(forms: &[NameForm], lex: &Lexicons) -> Vec<(usize, usize)> {
    let mut blocks: BTreeMap<Vec<u8>, Vec<usize>> = BTreeMap::new();
    for (i, f) in forms.iter().enumerate() {
        for k in block_keys(f, lex) {
            blocks.entry(k).or_default().push(i);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for members in blocks.values() {
        if members.len() < 2 {
            continue;
        }
        if members.len() <= MAX_BLOCK {
            for (x, &i) in members.iter().enumerate() {
                for &j in &members[x + 1..] {
                    pairs.push((i.min(j), i.max(j)));
                }
            }
        } else {
            let mut sorted = members.clone();
            sorted.sort_by(|&a, &b| forms[a].phon.cmp(&forms[b].phon).then(a.cmp(&b)));
            for (x, &i) in sorted.iter().enumerate() {
                for &j in sorted.iter().skip(x + 1).take(WINDOW) {
                    pairs.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Settings of one clustering run.
pub struct ClusterParams<'a> {
    /// Minimum similarity of an edge.
    pub threshold: f64,
    /// Minimum average similarity between two clusters that merge.
    pub link: f64,
    /// Pairs that must never share a cluster.
    pub cannot_link: &'a BTreeSet<(usize, usize)>,
    /// Extra edges (already scored) added to the blocked ones, e.g. context-supported
    /// matches.
    pub extra_edges: &'a [(usize, usize, f64)],
}

/// Cheap pre-check: surnames of very different lengths cannot be similar enough.
fn plausible(a: &NameForm, b: &NameForm) -> bool {
    match (a.surname(), b.surname()) {
        (Some(x), Some(y)) => {
            let (la, lb) = (a.phon[x].len(), b.phon[y].len());
            la.abs_diff(lb) * 2 <= la.max(lb) + 1
        }
        _ => false,
    }
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Clusters prepared names; returns groups of indexes (each index once), each group sorted,
/// groups ordered by their first index.
pub fn cluster_forms(forms: &[NameForm], lex: &Lexicons, p: &ClusterParams) -> Vec<Vec<usize>> {
    let n = forms.len();
    let mut edges: Vec<(f64, usize, usize)> = Vec::new();
    let mut sims: crate::hash::HashMap<(usize, usize), f64> = Default::default();
    let pairs: Vec<(usize, usize)> = candidate_pairs(forms, lex)
        .into_iter()
        .filter(|&(i, j)| plausible(&forms[i], &forms[j]))
        .collect();
    // form_similarity is symmetric.
    let scores = crate::par::map(&pairs, |&(i, j)| form_similarity(&forms[i], &forms[j], lex));
    for ((i, j), s) in pairs.into_iter().zip(scores) {
        if s >= p.threshold && !p.cannot_link.contains(&(i, j)) {
            edges.push((s, i, j));
            sims.insert((i, j), s);
        }
    }
    for &(i, j, s) in p.extra_edges {
        let (i, j) = (i.min(j), i.max(j));
        if i != j && i < n && j < n && !p.cannot_link.contains(&(i, j)) {
            edges.push((s, i, j));
            let e = sims.entry((i, j)).or_insert(s);
            *e = e.max(s);
        }
    }
    edges.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    let mut parent: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut sim_of = |i: usize, j: usize| -> f64 {
        let key = (i.min(j), i.max(j));
        if let Some(&s) = sims.get(&key) {
            return s;
        }
        let s = form_similarity(&forms[i], &forms[j], lex);
        sims.insert(key, s);
        s
    };
    for (s, i, j) in edges {
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri == rj {
            continue;
        }
        let (a, b) = (&members[ri], &members[rj]);
        let ok = if a.len() * b.len() > 2500 {
            s >= p.threshold
        } else {
            let mut total = 0.0;
            let mut blocked = false;
            for &x in a {
                for &y in b {
                    if p.cannot_link.contains(&(x.min(y), x.max(y))) {
                        blocked = true;
                    }
                    total += sim_of(x, y);
                }
            }
            !blocked && total / (a.len() * b.len()) as f64 >= p.link
        };
        if !ok {
            continue;
        }
        let (big, small) = if ri < rj { (ri, rj) } else { (rj, ri) };
        let moved = std::mem::take(&mut members[small]);
        members[big].extend(moved);
        parent[small] = big;
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort_by_key(|g| g[0]);
    groups
}
