//! From sentence-pair verdicts to what a fact-checker is shown: one contradiction finding per
//! conflicting fact (every sentence on each side), and one agreement finding per claim that
//! several sources state.
//!
//! A *fact* is a slot (reason code and subject: whose title, which counted thing, which
//! negated predicate) with two values. Within an event, sentences linked by alignments form
//! claims; two pairs that give the same slot the same two values in one claim are one fact
//! (titles belong to the person, so a title fact spans the whole event).

use std::collections::{BTreeMap, BTreeSet};

use crate::align::SentenceId;
use crate::document::{Document, Span};
use crate::report::{round4, Evidence, Finding, FindingKind, Reason, SentenceRef};

use super::explain;
use super::rules::Fact;

/// A claim id standing for the whole event (facts about an entity, such as its title).
pub const EVENT_WIDE: SentenceId = (usize::MAX, usize::MAX);

/// Identifies one conflicting fact: reason code, claim, subject and the two values (in
/// order, so that 'A says 14, B says 40' and 'B says 40, A says 14' are one fact).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FactKey {
    /// The reason code of the rule that saw it.
    pub code: &'static str,
    /// The claim (the first sentence of its component of aligned sentences), or
    /// [`EVENT_WIDE`].
    pub claim: SentenceId,
    /// Whose slot.
    pub subject: String,
    /// The two values, the smaller first.
    pub values: [String; 2],
}

/// One fact as it is gathered: the sentences on each side with the spans that show their
/// value, the pair that represents it, and how sure the rules are.
#[derive(Debug, Clone)]
pub struct FactGroup {
    /// Highest confidence of a pair stating it.
    pub confidence: f64,
    /// Reason codes of that pair.
    pub reasons: Vec<Reason>,
    /// The representative pair (one sentence per side, from two documents).
    pub rep: (SentenceId, SentenceId),
    /// Sentence → evidence spans (sentence-relative), per side (side 0 holds `values[0]`).
    pub sides: [BTreeMap<SentenceId, Vec<Span>>; 2],
}

/// The facts of one event, gathered pair by pair.
#[derive(Debug, Default)]
pub struct Facts {
    groups: BTreeMap<FactKey, FactGroup>,
}

/// One contradicting pair as the rules saw it.
#[derive(Debug, Clone)]
pub struct Clash<'a> {
    /// First sentence.
    pub a: SentenceId,
    /// Second sentence.
    pub b: SentenceId,
    /// Reason codes, the deciding one first.
    pub reasons: &'a [Reason],
    /// In [0, 1].
    pub confidence: f64,
    /// The slot and the value each sentence gives it.
    pub fact: &'a Fact,
    /// Evidence in `a` (sentence-relative).
    pub span_a: &'a [Span],
    /// Evidence in `b`.
    pub span_b: &'a [Span],
}

impl Facts {
    /// Adds one contradicting pair to the fact it states, in claim `claim`.
    pub fn add(&mut self, claim: SentenceId, c: Clash) {
        let code = c.reasons.first().map_or("", |r| r.as_str());
        let (mut a, mut b) = ((c.a, c.span_a), (c.b, c.span_b));
        let mut values = [c.fact.value_a.clone(), c.fact.value_b.clone()];
        if values[0] > values[1] {
            values.swap(0, 1);
            std::mem::swap(&mut a, &mut b);
        }
        let key = FactKey {
            code,
            claim,
            subject: c.fact.subject.clone(),
            values,
        };
        let g = self.groups.entry(key).or_insert_with(|| FactGroup {
            confidence: c.confidence,
            reasons: c.reasons.to_vec(),
            rep: (a.0, b.0),
            sides: Default::default(),
        });
        if c.confidence > g.confidence {
            g.confidence = c.confidence;
            g.reasons = c.reasons.to_vec();
            g.rep = (a.0, b.0);
        }
        g.sides[0].entry(a.0).or_default().extend_from_slice(a.1);
        g.sides[1].entry(b.0).or_default().extend_from_slice(b.1);
    }

    /// Adds whole sides at once (the role scan: every sentence giving an entity one title
    /// against every sentence giving it another).
    pub fn add_sides(&mut self, key: FactKey, group: FactGroup) {
        match self.groups.get_mut(&key) {
            Some(g) => {
                for (side, new) in g.sides.iter_mut().zip(group.sides) {
                    for (s, spans) in new {
                        side.entry(s).or_default().extend(spans);
                    }
                }
                if group.confidence > g.confidence {
                    g.confidence = group.confidence;
                    g.reasons = group.reasons;
                    g.rep = group.rep;
                }
            }
            None => {
                self.groups.insert(key, group);
            }
        }
    }

    /// The facts, in key order.
    pub fn into_groups(self) -> impl Iterator<Item = (FactKey, FactGroup)> {
        self.groups.into_iter()
    }
}

/// `a.txt`, `a.txt and b.txt`, `a.txt, b.txt, c.txt and 4 more`.
pub fn doc_list(ids: &[&str]) -> String {
    match ids {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] if ids.len() <= 3 => format!("{} and {last}", rest.join(", ")),
        _ => format!("{} and {} more", ids[..3].join(", "), ids.len() - 3),
    }
}

/// The distinct documents of a side, in order, as their ids.
fn side_docs<'d>(docs: &'d [Document], side: &BTreeMap<SentenceId, Vec<Span>>) -> Vec<&'d str> {
    let set: BTreeSet<usize> = side.keys().map(|s| s.0).collect();
    set.into_iter()
        .filter_map(|d| docs.get(d).map(|x| x.id.as_str()))
        .collect()
}

/// The finding of one fact; `explain(rep, labels_a, labels_b)` writes its explanation for
/// the representative pair with each side named by its documents. `None` when, after a
/// sentence that gives both values is kept on one side only, no two documents disagree.
pub fn contradiction(
    docs: &[Document],
    mut g: FactGroup,
    explain: impl FnOnce((SentenceId, SentenceId), &str, &str) -> String,
) -> Option<Finding> {
    let both: Vec<SentenceId> = g.sides[1]
        .keys()
        .filter(|s| g.sides[0].contains_key(s))
        .copied()
        .collect();
    for s in both {
        g.sides[1].remove(&s);
    }
    let docs_a: BTreeSet<usize> = g.sides[0].keys().map(|s| s.0).collect();
    let docs_b: BTreeSet<usize> = g.sides[1].keys().map(|s| s.0).collect();
    if docs_a.is_empty() || docs_b.is_empty() || (docs_a == docs_b && docs_a.len() == 1) {
        return None;
    }
    // The side of the first sentence in corpus order comes first.
    if g.sides[1].keys().next() < g.sides[0].keys().next() {
        g.sides.swap(0, 1);
        g.rep = (g.rep.1, g.rep.0);
    }
    if !g.sides[0].contains_key(&g.rep.0) || !g.sides[1].contains_key(&g.rep.1) {
        let a = *g.sides[0].keys().next()?;
        let b = *g.sides[1].keys().find(|b| b.0 != a.0)?;
        g.rep = (a, b);
    }
    let (la, lb) = (side_docs(docs, &g.sides[0]), side_docs(docs, &g.sides[1]));
    let explanation = explain(g.rep, &doc_list(&la), &doc_list(&lb));
    // The representative pair first (a reader of format 1.0 sees a valid pair), then the
    // rest of each side in sentence order.
    let mut order: Vec<(SentenceId, usize)> = vec![(g.rep.0, 0), (g.rep.1, 1)];
    for (k, side) in g.sides.iter().enumerate() {
        let rep = if k == 0 { g.rep.0 } else { g.rep.1 };
        order.extend(side.keys().filter(|&&s| s != rep).map(|&s| (s, k)));
    }
    let mut sides = [Vec::new(), Vec::new()];
    let mut sentences = Vec::with_capacity(order.len());
    let mut ev = Vec::new();
    for (i, &(s, k)) in order.iter().enumerate() {
        sides[k].push(i);
        sentences.push(sref(docs, s));
        ev.extend(evidence(docs, s, &g.sides[k][&s]));
    }
    Some(Finding {
        kind: FindingKind::Contradiction,
        sentences,
        confidence: round4(g.confidence),
        reasons: g.reasons,
        explanation,
        evidence: ev,
        sides: Some(sides.to_vec()),
        independent_sources: Some(independent_sources(docs, docs_a.union(&docs_b).copied())),
    })
}

/// How many documents `docs_in` holds (each once). [`count_copies_once`] then counts a
/// copy as its original.
pub fn independent_sources(_docs: &[Document], docs_in: impl Iterator<Item = usize>) -> usize {
    docs_in.collect::<BTreeSet<usize>>().len()
}

/// Sets a contradiction's or agreement's `independent_sources` with each near-verbatim copy
/// counted as its original (`copy_of[d]`), and says so in an agreement's explanation.
/// `index` maps document ids to their indices.
pub fn count_copies_once(
    f: &mut Finding,
    index: &BTreeMap<&str, usize>,
    copy_of: &[Option<usize>],
) {
    let Some(before) = f.independent_sources else {
        return;
    };
    let docs_in: BTreeSet<usize> = f
        .sentences
        .iter()
        .filter_map(|s| index.get(s.document.as_str()).copied())
        .collect();
    let n = crate::copies::independent(copy_of, docs_in.into_iter());
    f.independent_sources = Some(n);
    if f.kind == FindingKind::Agreement && n < before {
        let old = format!("corroborated by {before} sources");
        let new = format!("corroborated by {n} independent sources ({before} documents)");
        f.explanation = f.explanation.replacen(&old, &new, 1);
    }
}

/// A report reference to a sentence.
pub fn sref(docs: &[Document], (d, s): SentenceId) -> SentenceRef {
    SentenceRef {
        document: docs.get(d).map(|x| x.id.clone()).unwrap_or_default(),
        sentence: s,
    }
}

/// Evidence for sentence-relative spans of a sentence (duplicates and spans outside it
/// dropped).
pub fn evidence(docs: &[Document], (d, s): SentenceId, spans: &[Span]) -> Vec<Evidence> {
    let Some(doc) = docs.get(d) else {
        return Vec::new();
    };
    let Some(sent) = doc.sentences.get(s) else {
        return Vec::new();
    };
    let mut seen = BTreeSet::new();
    spans
        .iter()
        .map(|sp| sp.shifted(sent.span.start))
        .filter(|sp| sp.end <= sent.span.end && seen.insert(*sp))
        .filter_map(|sp| Evidence::of(doc, s, sp))
        .collect()
}

/// Agreement findings from agreement edges: each claim is a star around the sentence that
/// most others agree with directly (no chains that drift from one claim to another), with at
/// most one sentence per document, and never a sentence that contradicts one already in the
/// group (`clashing`, pairs with the smaller id first).
pub fn agreement_groups(
    docs: &[Document],
    edges: &[(SentenceId, SentenceId, f64)],
    clashing: &BTreeSet<(SentenceId, SentenceId)>,
) -> Vec<Finding> {
    let mut adj: BTreeMap<SentenceId, Vec<(SentenceId, f64)>> = BTreeMap::new();
    for &(a, b, c) in edges {
        if a.0 == b.0 {
            continue;
        }
        adj.entry(a).or_default().push((b, c));
        adj.entry(b).or_default().push((a, c));
    }
    for list in adj.values_mut() {
        list.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        list.dedup_by_key(|x| x.0);
    }
    // Centres first: the sentence agreed with by the most documents, then the surest.
    let mut centres: Vec<(SentenceId, usize, f64)> = adj
        .iter()
        .map(|(&s, list)| {
            let n = list.iter().map(|x| x.0 .0).collect::<BTreeSet<_>>().len();
            (s, n, list.iter().map(|x| x.1).sum::<f64>())
        })
        .collect();
    centres.sort_by(|x, y| y.1.cmp(&x.1).then(y.2.total_cmp(&x.2)).then(x.0.cmp(&y.0)));
    let clash = |x: SentenceId, y: SentenceId| clashing.contains(&(x.min(y), x.max(y)));
    let mut taken: BTreeSet<SentenceId> = BTreeSet::new();
    let mut out = Vec::new();
    for (centre, _, _) in centres {
        if taken.contains(&centre) {
            continue;
        }
        let mut members = vec![centre];
        let mut confs = Vec::new();
        let mut used_docs: BTreeSet<usize> = BTreeSet::from([centre.0]);
        for &(m, c) in &adj[&centre] {
            if taken.contains(&m) || used_docs.contains(&m.0) {
                continue;
            }
            if members.iter().any(|&x| clash(x, m)) {
                continue;
            }
            used_docs.insert(m.0);
            members.push(m);
            confs.push(c);
        }
        if members.len() < 2 {
            continue;
        }
        taken.extend(members.iter().copied());
        out.push(agreement(docs, centre, members, &confs));
    }
    out
}

fn agreement(
    docs: &[Document],
    centre: SentenceId,
    mut members: Vec<SentenceId>,
    confs: &[f64],
) -> Finding {
    members[1..].sort_unstable();
    let claim = docs
        .get(centre.0)
        .map(|d| d.sentence_text(centre.1))
        .unwrap_or("");
    let mean = confs.iter().sum::<f64>() / confs.len().max(1) as f64;
    let n = independent_sources(docs, members.iter().map(|s| s.0));
    Finding {
        kind: FindingKind::Agreement,
        sentences: members.iter().map(|&s| sref(docs, s)).collect(),
        confidence: round4((mean + 0.05 * (n as f64 - 2.0)).min(0.99)),
        reasons: vec![Reason::Corroborated],
        explanation: format!("corroborated by {n} sources: {}", explain::q(claim)),
        evidence: Vec::new(),
        sides: None,
        independent_sources: Some(n),
    }
}

/// Orders findings for a reader: contradictions, then agreements, then garbled
/// translations; within each kind by importance (confidence times independent sources),
/// the most important first; ties keep their order.
pub fn by_importance(findings: &mut [Finding]) {
    let rank = |k: FindingKind| match k {
        FindingKind::Contradiction => 0,
        FindingKind::Agreement => 1,
        FindingKind::GarbledTranslation => 2,
    };
    findings.sort_by(|x, y| {
        rank(x.kind)
            .cmp(&rank(y.kind))
            .then(y.importance().total_cmp(&x.importance()))
    });
}
