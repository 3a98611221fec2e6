//! The report as ONE self-contained HTML page (no network, no external assets) that a
//! person opens in a browser: per event, its articles side by side in columns; clicking a
//! sentence lights up the sentences aligned with it in the other columns (agreement,
//! partial, contradiction) and scrolls them level with it; contradiction spans are marked in
//! both articles with the reason and explanation; garbled sentences are marked with their
//! reasons and linked to their clean twin; spelling variants of names are underlined and
//! listed per entity; garbled machine translations (and copies) are badged. The keys `j` /
//! `k` (or `n` / `p`) step through the findings, most important first; `Esc` clears; `?`
//! shows the keys. The page's script and style are inlined from `report.js` and
//! `report.css` beside this file.

use super::{finding_events, ranked, Extras};
use crate::report::{DocumentReport, EntityReport, Finding, FindingKind, Relation, Report};
use std::collections::BTreeMap;
use std::fmt::Write;

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// Escapes text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `write!` into a String, which cannot fail.
macro_rules! w {
    ($o:expr, $($t:tt)*) => {{
        let _ = write!($o, $($t)*);
    }};
}

/// A highlighted byte range of a sentence's text.
struct Mark {
    start: usize,
    end: usize,
    class: &'static str,
    finding: Option<usize>,
    title: String,
}

/// What the page shows on one sentence.
#[derive(Default)]
struct SentenceView {
    marks: Vec<Mark>,
    classes: Vec<&'static str>,
    findings: Vec<usize>,
    /// Aligned sentences: (element id, relation).
    links: Vec<(String, Relation)>,
    /// Reason codes of the garbled findings on it.
    garbled: Vec<String>,
}

/// Everything the page needs, indexed once.
struct Index<'a> {
    report: &'a Report,
    doc_of: BTreeMap<&'a str, usize>,
    sentences: BTreeMap<(usize, usize), SentenceView>,
}

fn kind_name(k: FindingKind) -> &'static str {
    match k {
        FindingKind::Contradiction => "contradiction",
        FindingKind::Agreement => "agreement",
        FindingKind::GarbledTranslation => "garbled",
    }
}

fn relation_name(r: Relation) -> &'static str {
    match r {
        Relation::Agreement => "agreement",
        Relation::Contradiction => "contradiction",
        Relation::Partial => "partial",
        Relation::Unrelated => "unrelated",
    }
}

fn sid(d: usize, s: usize) -> String {
    format!("s{d}-{s}")
}

impl<'a> Index<'a> {
    fn new(report: &'a Report) -> Index<'a> {
        let doc_of = report
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let mut index = Index {
            report,
            doc_of,
            sentences: BTreeMap::new(),
        };
        index.add_findings();
        index.add_alignments();
        index.add_name_variants();
        index
    }

    fn at(&self, doc: &str, sentence: usize) -> Option<(usize, usize)> {
        let d = *self.doc_of.get(doc)?;
        (sentence < self.report.documents[d].sentences.len()).then_some((d, sentence))
    }

    fn add_findings(&mut self) {
        let report = self.report;
        for (i, f) in report.findings.iter().enumerate() {
            let kind = kind_name(f.kind);
            for (n, s) in f.sentences.iter().enumerate() {
                let Some(key) = self.at(&s.document, s.sentence) else {
                    continue;
                };
                let view = self.sentences.entry(key).or_default();
                view.findings.push(i);
                let class = match f.kind {
                    FindingKind::GarbledTranslation if n > 0 => "twin",
                    _ => kind,
                };
                if !view.classes.contains(&class) {
                    view.classes.push(class);
                }
                if f.kind == FindingKind::GarbledTranslation && n == 0 {
                    view.garbled
                        .extend(f.reasons.iter().map(|r| r.as_str().to_string()));
                }
            }
            if f.kind == FindingKind::Agreement {
                continue;
            }
            let codes: Vec<&str> = f.reasons.iter().map(|r| r.as_str()).collect();
            let title = format!("{}: {}", codes.join(", "), f.explanation);
            for e in &f.evidence {
                let Some((d, s)) = self.at(&e.document, e.sentence) else {
                    continue;
                };
                let sentence = &report.documents[d].sentences[s];
                if let Some((start, end)) = super::locate(sentence, e.start, e.end, &e.text) {
                    self.sentences.entry((d, s)).or_default().marks.push(Mark {
                        start,
                        end,
                        class: if f.kind == FindingKind::Contradiction {
                            "ev-contradiction"
                        } else {
                            "ev-garbled"
                        },
                        finding: Some(i),
                        title: title.clone(),
                    });
                }
            }
        }
    }

    fn add_alignments(&mut self) {
        for a in &self.report.alignments {
            let (Some(x), Some(y)) = (
                self.at(&a.a.document, a.a.sentence),
                self.at(&a.b.document, a.b.sentence),
            ) else {
                continue;
            };
            let entry = |(d, s): (usize, usize)| (sid(d, s), a.relation);
            self.sentences.entry(x).or_default().links.push(entry(y));
            self.sentences.entry(y).or_default().links.push(entry(x));
        }
    }

    /// Underlines every mention spelled otherwise than its entity's canonical name.
    fn add_name_variants(&mut self) {
        let report = self.report;
        for e in &report.entities {
            for m in e
                .mentions
                .iter()
                .filter(|m| is_variant(&m.text, &e.canonical))
            {
                let Some((d, s)) = self.at(&m.document, m.sentence) else {
                    continue;
                };
                let sentence = &report.documents[d].sentences[s];
                if let Some((start, end)) = super::locate(sentence, m.start, m.end, &m.text) {
                    self.sentences.entry((d, s)).or_default().marks.push(Mark {
                        start,
                        end,
                        class: "name-variant",
                        finding: None,
                        title: format!("{} = {} ({})", m.text, e.canonical, kind_label(e)),
                    });
                }
            }
        }
    }
}

/// True when `mention` spells the name otherwise than `canonical`: not merely in another
/// case, nor a part of it ('Putin' for 'Vladimir Putin').
fn is_variant(mention: &str, canonical: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let full = words(canonical);
    !words(mention).iter().all(|w| full.contains(w))
}

fn kind_label(e: &EntityReport) -> String {
    format!("{:?}", e.kind).to_lowercase()
}

/// Renders `report` as one HTML page.
pub fn render(report: &Report, extras: &Extras) -> String {
    let index = Index::new(report);
    let events = finding_events(report);
    let order = ranked(report);
    let mut o = String::with_capacity(4096 + report.documents.len() * 8192);
    head(&mut o, report);
    for (e, event) in report.events.iter().enumerate() {
        let mine: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| events[i] == Some(e))
            .collect();
        w!(
            o,
            "<section class=\"event\" id=\"event-{e}\"><h2>Event {} <small>{} articles, {} findings</small></h2>\n",
            esc(&event.id),
            event.documents.len(),
            mine.len()
        );
        let docs: Vec<usize> = event
            .documents
            .iter()
            .filter_map(|d| index.doc_of.get(d.as_str()).copied())
            .collect();
        names(&mut o, report, &docs);
        findings(&mut o, &index, &mine);
        o.push_str("<div class=\"columns\">\n");
        for &d in &docs {
            column(&mut o, &index, extras, d);
        }
        o.push_str("</div></section>\n");
    }
    refused(&mut o, report);
    w!(
        o,
        "<div id=\"status\" role=\"status\"></div>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
    );
    o
}

fn head(o: &mut String, report: &Report) {
    let count = |k: FindingKind| report.findings.iter().filter(|f| f.kind == k).count();
    w!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"corroborate {}\">\n\
         <title>corroborate: {} articles, {} findings</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        report.documents.len(),
        report.findings.len()
    );
    w!(
        o,
        "<header class=\"top\"><h1>corroborate report</h1>\n<p class=\"summary\">{} articles in {} events · {} names · {} aligned sentence pairs</p>\n<p class=\"filters\">",
        report.documents.len(),
        report.events.len(),
        report.entities.len(),
        report.alignments.len()
    );
    for (label, k) in [
        ("contradictions", FindingKind::Contradiction),
        ("agreements", FindingKind::Agreement),
        ("garbled sentences", FindingKind::GarbledTranslation),
    ] {
        w!(
            o,
            "<label class=\"toggle {0}\"><input type=\"checkbox\" checked data-kind=\"{0}\"> {1} {label}</label> ",
            kind_name(k),
            count(k)
        );
    }
    o.push_str(
        "<span class=\"keys\">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous finding, \
         <kbd>Esc</kbd> clear, <kbd>?</kbd> help. Click a sentence to see what it is aligned with.</span></p></header>\n\
         <div id=\"help\" hidden><h2>Keys</h2><dl>\
         <dt><kbd>j</kbd> <kbd>n</kbd></dt><dd>next finding (most important first)</dd>\
         <dt><kbd>k</kbd> <kbd>p</kbd></dt><dd>previous finding</dd>\
         <dt><kbd>Esc</kbd></dt><dd>clear the selection</dd>\
         <dt><kbd>?</kbd></dt><dd>show or hide this help</dd></dl>\
         <p>Colours: <mark class=\"ev-contradiction\">contradicting span</mark> \
         <mark class=\"ev-garbled\">garbled span</mark> \
         <mark class=\"name-variant\">name spelled another way</mark>.</p></div>\n<main>\n",
    );
}

/// An entity, its spellings in an event with their counts, and its mentions there.
type NameRow<'a> = (&'a EntityReport, Vec<(&'a str, usize)>, usize);

/// The entities mentioned in the event's documents, with the spellings found there.
fn names(o: &mut String, report: &Report, docs: &[usize]) {
    let ids: Vec<&str> = docs
        .iter()
        .map(|&d| report.documents[d].id.as_str())
        .collect();
    let mut rows: Vec<NameRow> = Vec::new();
    for e in &report.entities {
        let mut spellings: BTreeMap<&str, usize> = BTreeMap::new();
        let mut mentions = 0;
        for m in e
            .mentions
            .iter()
            .filter(|m| ids.contains(&m.document.as_str()))
        {
            *spellings.entry(m.text.as_str()).or_default() += 1;
            mentions += 1;
        }
        if mentions > 0 {
            rows.push((e, spellings.into_iter().collect(), mentions));
        }
    }
    rows.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(b.2.cmp(&a.2)));
    let varied = rows.iter().filter(|r| r.1.len() > 1).count();
    w!(
        o,
        "<details class=\"names\"><summary>Names: {} ({varied} spelled more than one way)</summary>\n<table><thead><tr><th>name</th><th>kind</th><th>spellings in these articles</th><th>mentions</th></tr></thead><tbody>\n",
        rows.len()
    );
    for (e, spellings, mentions) in rows {
        let list: Vec<String> = spellings
            .iter()
            .map(|(s, n)| {
                format!(
                    "<span class=\"spelling\">{}</span>&nbsp;<small>×{n}</small>",
                    esc(s)
                )
            })
            .collect();
        w!(
            o,
            "<tr class=\"entity{}\" id=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{mentions}</td></tr>\n",
            if spellings.len() > 1 { " varied" } else { "" },
            esc(&format!("entity-{}", e.id)),
            esc(&e.canonical),
            kind_label(e),
            list.join(" / ")
        );
    }
    o.push_str("</tbody></table></details>\n");
}

/// The event's findings, most important first, each with its sentences quoted.
fn findings(o: &mut String, index: &Index, list: &[usize]) {
    if list.is_empty() {
        o.push_str("<p class=\"none\">No findings in this event.</p>\n");
        return;
    }
    w!(
        o,
        "<details class=\"findings\" open><summary>Findings ({})</summary>\n<ol class=\"finding-list\">\n",
        list.len()
    );
    for &i in list {
        finding(o, index, i, &index.report.findings[i]);
    }
    o.push_str("</ol></details>\n");
}

fn finding(o: &mut String, index: &Index, i: usize, f: &Finding) {
    let kind = kind_name(f.kind);
    let targets: Vec<String> = f
        .sentences
        .iter()
        .filter_map(|s| index.at(&s.document, s.sentence))
        .map(|(d, s)| sid(d, s))
        .collect();
    let label = match f.kind {
        FindingKind::Contradiction => "Contradiction",
        FindingKind::Agreement => "Agreement",
        FindingKind::GarbledTranslation => "Garbled translation",
    };
    w!(
        o,
        "<li class=\"finding {kind}\" id=\"f{i}\" tabindex=\"-1\" data-s=\"{}\"><div class=\"finding-head\"><span class=\"badge {kind}\">{label}</span> <span class=\"confidence\" title=\"confidence\">{:.2}</span> {}</div>\n<p class=\"explanation\">{}</p>\n<ul class=\"quotes\">\n",
        targets.join(" "),
        f.confidence,
        f.reasons
            .iter()
            .map(|r| format!("<code class=\"reason\">{}</code>", esc(r.as_str())))
            .collect::<Vec<_>>()
            .join(" "),
        esc(&f.explanation)
    );
    for (n, s) in f.sentences.iter().enumerate() {
        let Some((d, k)) = index.at(&s.document, s.sentence) else {
            continue;
        };
        let role = match (f.kind, n) {
            (FindingKind::GarbledTranslation, 0) => "<span class=\"role\">garbled</span> ",
            (FindingKind::GarbledTranslation, _) => "<span class=\"role\">clean twin</span> ",
            _ => "",
        };
        w!(
            o,
            "<li>{role}<a href=\"#{0}\" class=\"go\" data-go=\"{0}\">{1} #{2}</a> <q>{3}</q></li>\n",
            sid(d, k),
            esc(&s.document),
            s.sentence,
            sentence_html(index, d, k, Some(i))
        );
    }
    o.push_str("</ul></li>\n");
}

/// One article's column.
fn column(o: &mut String, index: &Index, extras: &Extras, d: usize) {
    let doc = &index.report.documents[d];
    w!(o, "<article class=\"doc\" id=\"d{d}\"><header>");
    w!(
        o,
        "<h3>{}</h3><p class=\"meta\"><span class=\"doc-id\">{}</span> · {}",
        esc(doc.title.as_deref().unwrap_or("(no headline)")),
        esc(&doc.id),
        esc(doc.published.as_deref().unwrap_or("undated"))
    );
    if let Some(meta) = extras.meta.get(&doc.id) {
        if let Some(source) = &meta.source {
            w!(o, " · {}", esc(source));
        }
        if let Some(url) = &meta.url {
            w!(
                o,
                " · <a href=\"{0}\" rel=\"noreferrer noopener\">{0}</a>",
                esc(url)
            );
        }
    }
    o.push_str("</p>");
    badges(o, doc);
    o.push_str("</header>\n<ol class=\"sentences\">\n");
    for (k, _) in doc.sentences.iter().enumerate() {
        sentence(o, index, d, k);
    }
    o.push_str("</ol></article>\n");
}

/// The article's badges: its machine-translation score or flag, and the original it copies.
fn badges(o: &mut String, doc: &DocumentReport) {
    let mt = doc.machine_translation;
    if mt.flagged {
        w!(
            o,
            "<span class=\"badge garbled doc-badge\" title=\"machine-translation score {:.2}\">garbled machine translation</span> ",
            mt.score
        );
    } else {
        w!(
            o,
            "<span class=\"mt-score\" title=\"machine-translation score\">MT {:.2}</span> ",
            mt.score
        );
    }
    if let Some(original) = doc.copy_of.as_deref() {
        w!(
            o,
            "<span class=\"badge copy doc-badge\">copy of {}</span> ",
            esc(original)
        );
    }
}

fn sentence(o: &mut String, index: &Index, d: usize, k: usize) {
    let view = index.sentences.get(&(d, k));
    let mut classes = vec!["s"];
    let mut attrs = String::new();
    if let Some(v) = view {
        classes.extend(v.classes.iter().copied());
        if !v.findings.is_empty() {
            let ids: Vec<String> = v.findings.iter().map(|f| format!("f{f}")).collect();
            w!(attrs, " data-f=\"{}\"", ids.join(" "));
        }
        if !v.links.is_empty() {
            let links: Vec<String> = v
                .links
                .iter()
                .map(|(id, r)| format!("{id}:{}", relation_name(*r)))
                .collect();
            w!(attrs, " data-links=\"{}\"", links.join(" "));
        }
    }
    w!(
        o,
        "<li id=\"{}\" class=\"{}\"{attrs}><span class=\"n\">{k}</span>{}",
        sid(d, k),
        classes.join(" "),
        sentence_html(index, d, k, None)
    );
    if let Some(v) = view.filter(|v| !v.garbled.is_empty()) {
        let mut reasons = v.garbled.clone();
        reasons.sort();
        reasons.dedup();
        w!(
            o,
            " <span class=\"garbled-reasons\">garbled: {}</span>",
            esc(&reasons.join(", "))
        );
    }
    o.push_str("</li>\n");
}

/// A sentence's text with its marks; with `only`, just that finding's marks (and names).
fn sentence_html(index: &Index, d: usize, k: usize, only: Option<usize>) -> String {
    let text = &index.report.documents[d].sentences[k].text;
    let marks: Vec<&Mark> = index
        .sentences
        .get(&(d, k))
        .map(|v| {
            v.marks
                .iter()
                .filter(|m| only.is_none() || m.finding.is_none() || m.finding == only)
                .collect()
        })
        .unwrap_or_default();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for m in &marks {
        cuts.extend([m.start, m.end]);
    }
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece = esc(&text[a..b]);
        let over: Vec<&&Mark> = marks
            .iter()
            .filter(|m| m.start <= a && b <= m.end)
            .collect();
        if over.is_empty() {
            out.push_str(&piece);
            continue;
        }
        let mut classes: Vec<&str> = over.iter().map(|m| m.class).collect();
        classes.sort_unstable();
        classes.dedup();
        let mut titles: Vec<&str> = over.iter().map(|m| m.title.as_str()).collect();
        titles.dedup();
        let fs: Vec<String> = over
            .iter()
            .filter_map(|m| m.finding)
            .map(|f| format!("f{f}"))
            .collect();
        let data = if fs.is_empty() {
            String::new()
        } else {
            format!(" data-f=\"{}\"", fs.join(" "))
        };
        w!(
            out,
            "<mark class=\"{}\" title=\"{}\"{data}>{piece}</mark>",
            classes.join(" "),
            esc(&titles.join(" · "))
        );
    }
    out
}

fn refused(o: &mut String, report: &Report) {
    if !report.refused.is_empty() {
        w!(
            o,
            "<section class=\"refused\"><h2>Refused inputs ({})</h2><ul>\n",
            report.refused.len()
        );
        for r in &report.refused {
            w!(
                o,
                "<li><code>{}</code>: {}</li>\n",
                esc(&r.id),
                esc(&r.error)
            );
        }
        o.push_str("</ul></section>\n");
    }
    o.push_str("</main>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_variant_is_another_spelling_not_a_part_or_a_case() {
        assert!(is_variant("Witkov", "Steve Witkoff"));
        assert!(is_variant("Michael Waltz", "Mike Waltz"));
        assert!(!is_variant("Putin", "Vladimir Putin"));
        assert!(!is_variant("MOSCOW", "Moscow"));
    }

    #[test]
    fn escapes_and_nests_no_tags_from_text() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
