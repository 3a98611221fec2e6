//! What a page says about itself: the headline (an `<h1>` confirmed by the page's own
//! metadata, else the metadata title without its site name) and the publication date
//! (JSON-LD `datePublished`, `<meta>` tags, `<time datetime>`).

use super::visible::{collapse, Visible, BLOCK, SPACE};
use crate::dates::Date;
use crate::document::Span;
use serde_json::Value;

/// Where the headline's text is in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HeadlineSource {
    /// A range of visible characters (an `<h1>`).
    Chars(usize, usize),
    /// An attribute value or `<title>` element at this span of the page.
    Markup(Span),
}

/// The headline found for a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Headline {
    /// Its text (whitespace collapsed).
    pub text: String,
    /// Where it is.
    pub source: HeadlineSource,
}

/// `<meta>` keys that hold the article's title, best first.
const TITLE_KEYS: &[&str] = &["og:title", "twitter:title", "headline", "title", "dc.title"];

/// `<meta>` keys that hold the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "published_time",
    "article.published",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "parsely-pub-date",
    "sailthru.date",
];

/// The page's headline: the first `<h1>` whose text is one of the titles the page declares
/// (Open Graph, Twitter card, JSON-LD `headline`, `<title>`, possibly with the site's name
/// around it), else the best declared title with the site's name cut off, else the first
/// `<h1>`.
pub(crate) fn headline(v: &Visible) -> Option<Headline> {
    let declared = declared_titles(v);
    let ld = json_ld_strings(v, "headline");
    let h1s: Vec<(String, usize, usize)> =
        v.h1.iter()
            .map(|&(a, b)| (chars_text(v, a, b), a, b))
            .filter(|(t, ..)| !t.is_empty())
            .collect();
    let site = site_name(v);
    let titles: Vec<String> = declared
        .iter()
        .map(|(d, _)| norm(d))
        .chain(ld.iter().map(|d| norm(d)))
        .collect();
    let candidates = || {
        h1s.iter()
            .filter(|(t, ..)| site.as_deref().is_none_or(|s| norm(s) != norm(t)))
    };
    // An h1 that is a declared title, else one that a declared title holds with a site or
    // section name around it.
    let confirmed = candidates()
        .find(|(t, ..)| titles.contains(&norm(t)))
        .or_else(|| {
            candidates().find(|(t, ..)| titles.iter().any(|d| contains_as_title(d, &norm(t))))
        });
    if let Some((text, a, b)) = confirmed {
        return Some(Headline {
            text: text.clone(),
            source: HeadlineSource::Chars(*a, *b),
        });
    }
    if let Some((d, span)) = declared.first() {
        return Some(Headline {
            text: strip_site_name(d, site.as_deref()),
            source: HeadlineSource::Markup(*span),
        });
    }
    h1s.into_iter().next().map(|(text, a, b)| Headline {
        text,
        source: HeadlineSource::Chars(a, b),
    })
}

/// Titles the page declares in its markup (`<meta>` tags in [`TITLE_KEYS`] order, then
/// `<title>`), with the span of each.
fn declared_titles(v: &Visible) -> Vec<(String, Span)> {
    let metas = TITLE_KEYS
        .iter()
        .flat_map(|k| v.metas.iter().filter(move |m| m.key == *k))
        .map(|m| (collapse(&m.content), m.span));
    metas
        .chain(v.title.clone())
        .filter(|(t, _)| !t.is_empty())
        .collect()
}

/// The site's name, when declared (`og:site_name`, `application-name`).
fn site_name(v: &Visible) -> Option<String> {
    ["og:site_name", "application-name", "twitter:site"]
        .iter()
        .find_map(|k| v.metas.iter().find(|m| m.key == *k))
        .map(|m| collapse(m.content.trim_start_matches('@')))
        .filter(|s| !s.is_empty())
}

/// Separators between a headline and a site or section name in a `<title>`.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " // "];

/// `title` without the site's name before or after a separator: the declared site name
/// when it is one of the parts, else the longest part (headlines are longer than names).
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    for sep in SEPARATORS {
        if !title.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = title.split(sep).map(str::trim).collect();
        if let Some(site) = site.map(norm) {
            let kept: Vec<&str> = parts.iter().copied().filter(|p| norm(p) != site).collect();
            if kept.len() < parts.len() && !kept.is_empty() {
                return kept.join(sep);
            }
        }
        let longest = parts.iter().copied().max_by_key(|p| p.chars().count());
        return longest.unwrap_or(title).to_string();
    }
    title.to_string()
}

/// True when `declared` is `h1` with a site or section name before or after it (a
/// separator or a colon between them), `h1` being the longer part.
fn contains_as_title(declared: &str, h1: &str) -> bool {
    if h1.chars().count() < 8 || 2 * h1.len() < declared.len() {
        return false;
    }
    let seps = SEPARATORS.iter().copied().chain([": "]);
    let mut found = false;
    for sep in seps {
        found |= declared.starts_with(&format!("{h1}{sep}"))
            || declared.ends_with(&format!("{sep}{h1}"));
    }
    found
}

/// A title compared loosely: case, whitespace, quote styles and closing punctuation aside.
fn norm(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '`' | '\u{00B4}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .collect();
    collapse(&s)
        .trim_end_matches(['.', '!', '?', ' '])
        .to_lowercase()
}

/// The visible text of characters `a..b`, with a space wherever the page separates words.
pub(crate) fn chars_text(v: &Visible, a: usize, b: usize) -> String {
    let mut out = String::new();
    for (i, c) in v.chars.get(a..b).unwrap_or(&[]).iter().enumerate() {
        if i > 0 && c.flags & (SPACE | BLOCK) != 0 {
            out.push(' ');
        }
        let end = v
            .chars
            .get(a + i + 1)
            .map_or(v.flat.len(), |n| n.flat as usize);
        out.push_str(v.flat.get(c.flat as usize..end).unwrap_or(""));
    }
    out
}

/// The publication date the page declares: JSON-LD `datePublished`, then `<meta>` tags,
/// then the first `<time datetime>`.
pub(crate) fn published(v: &Visible) -> Option<Date> {
    let from_ld = json_ld_strings(v, "datePublished");
    let from_meta = DATE_KEYS
        .iter()
        .flat_map(|k| v.metas.iter().filter(move |m| m.key == *k))
        .map(|m| m.content.clone());
    from_ld
        .into_iter()
        .chain(from_meta)
        .chain(v.times.iter().cloned())
        .find_map(|s| iso_date_prefix(&s))
}

/// The date at the start of an ISO 8601 timestamp ('2024-05-02T10:00:00Z').
fn iso_date_prefix(s: &str) -> Option<Date> {
    Date::parse_iso(s.trim().get(..10)?)
}

/// Every string value of `key` in the page's JSON-LD blocks (objects, arrays and `@graph`
/// lists searched to a bounded depth), in document order.
fn json_ld_strings(v: &Visible, key: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in &v.json_ld {
        let body = block
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim();
        if let Ok(value) = serde_json::from_str::<Value>(body) {
            collect(&value, key, 0, &mut out);
        }
    }
    out
}

fn collect(value: &Value, key: &str, depth: usize, out: &mut Vec<String>) {
    if depth > 6 || out.len() >= 16 {
        return;
    }
    match value {
        Value::Object(map) => {
            if let Some(Value::String(s)) = map.get(key) {
                out.push(s.clone());
            }
            for (k, v) in map {
                if k != key && matches!(v, Value::Object(_) | Value::Array(_)) {
                    collect(v, key, depth + 1, out);
                }
            }
        }
        Value::Array(items) => {
            for v in items {
                collect(v, key, depth + 1, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::visible::read;
    use super::*;

    #[test]
    fn an_h1_confirmed_by_metadata_is_the_headline() {
        let p = r#"<head><title>Talks resume in Vienna | The Daily Example</title>
            <meta property="og:title" content="Talks resume in Vienna"></head>
            <body><h1>The Daily Example</h1><h1>Talks resume in Vienna</h1><p>Body.</p></body>"#;
        let h = headline(&read(p)).unwrap();
        assert_eq!(h.text, "Talks resume in Vienna");
        assert!(matches!(h.source, HeadlineSource::Chars(..)));
    }

    #[test]
    fn without_an_h1_the_title_loses_its_site_name() {
        let p = r#"<head><title>Talks resume in Vienna after a long pause - Example News</title>
            <meta property="og:site_name" content="Example News"></head><body><p>x</p></body>"#;
        assert_eq!(
            headline(&read(p)).unwrap().text,
            "Talks resume in Vienna after a long pause"
        );
    }

    #[test]
    fn dates_from_json_ld_meta_and_time() {
        let ld = r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-05-02T10:00:00Z"}]}</script>"#;
        assert_eq!(published(&read(ld)).unwrap().to_string(), "2024-05-02");
        let meta = r#"<meta property="article:published_time" content="2023-01-09">"#;
        assert_eq!(published(&read(meta)).unwrap().to_string(), "2023-01-09");
        let time = r#"<p>Posted <time datetime="2022-12-31T23:00">yesterday</time></p>"#;
        assert_eq!(published(&read(time)).unwrap().to_string(), "2022-12-31");
        assert_eq!(published(&read("<p>none</p>")), None);
    }
}
