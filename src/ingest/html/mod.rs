//! HTML pages read as articles: headline, publication date and body sentences, each
//! sentence's span bounding the page bytes from its first to its last visible character.
//!
//! 1. [`visible`] reads the page's visible characters, each with its source bytes (entities
//!    decoded one by one), and the page's metadata.
//! 2. The article body is chosen by rs-trafilatura (a Rust port of trafilatura, chosen by
//!    measurement on the article-extraction benchmark: see README), which returns plain
//!    paragraphs; [`locate`] finds each in the visible characters.
//! 3. [`meta`] picks the headline and the date.
//! 4. The document's text is the headline and the body paragraphs as a reader sees them
//!    (whitespace collapsed); an [`OffsetMap`] leads every byte of it back to the page.
//!
//! When the extractor finds nothing, the page's visible text, one block per line, goes
//! through the plain-text reading of [`super::ingest_text`] (furniture lines out).

mod locate;
mod meta;
mod visible;

use super::IngestConfig;
use crate::dates::Date;
use crate::document::{Document, Sentence, Span};
use crate::error::{Error, Result};
use crate::origin::{Format, OffsetMap, Origin};
use meta::HeadlineSource;
use visible::{Visible, BLOCK, HEADING, SPACE};

/// True when `text` starts (after whitespace and a byte-order mark) the way the HTML
/// standard's content sniffing recognises a page: a doctype, a comment, or one of the tags
/// it lists (`<html`, `<head`, `<body`, `<p`, `<div`, `<table`, …) followed by a space or
/// `>`. An XML declaration followed by such a start counts too (XHTML).
pub fn looks_like_html(text: &str) -> bool {
    const TAGS: &[&str] = &[
        "!doctype html",
        "html",
        "head",
        "script",
        "iframe",
        "h1",
        "div",
        "font",
        "table",
        "a",
        "style",
        "title",
        "b",
        "body",
        "br",
        "p",
        "!--",
    ];
    let mut s = text.trim_start_matches('\u{FEFF}').trim_start();
    if s.starts_with("<?xml") {
        s = s.find("?>").map_or("", |i| s[i + 2..].trim_start());
    }
    let Some(rest) = s.strip_prefix('<') else {
        return false;
    };
    TAGS.iter().any(|tag| {
        let n = tag.len();
        rest.get(..n)
            .is_some_and(|head| head.eq_ignore_ascii_case(tag))
            && (tag == &"!--"
                || rest[n..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace()))
    })
}

/// Reads an HTML page as an article. `published`, when given, wins over the page's dates.
pub(crate) fn ingest_html(
    id: &str,
    page: &str,
    published: Option<Date>,
    config: &IngestConfig,
) -> Result<Document> {
    let v = visible::read(page);
    if v.chars.is_empty() {
        return Err(Error::NoBody { id: id.to_string() });
    }
    let published = published.or_else(|| meta::published(&v));
    let blocks = if within_bounds(v.shape) {
        extract(page)
            .map(|body| locate::locate(&v, body.lines()))
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    if blocks.is_empty() {
        return fallback(id, &v, published, config);
    }
    let mut b = Builder::new(&v);
    let mut title = None;
    let mut sentences = Vec::new();
    let head = meta::headline(&v);
    if let Some(h) = &head {
        let span = match h.source {
            HeadlineSource::Chars(a, z) => b.chars(a, z),
            HeadlineSource::Markup(span) => b.markup(&h.text, span),
        };
        title = Some(span);
        b.text.push_str("\n\n");
    }
    // Each block of the page (a paragraph, a heading, a list item) ends its sentences.
    let blocks = blocks.into_iter().flat_map(|(a, z)| split_blocks(&v, a, z));
    for (a, z) in blocks {
        let text = meta::chars_text(&v, a, z);
        if head.as_ref().is_some_and(|h| h.text == text) {
            continue; // the headline again, as the body's first block
        }
        let is_heading = v.chars[a..z].iter().all(|c| c.flags & HEADING != 0);
        let span = b.chars(a, z);
        for s in config.sentences(span.slice(&b.text)) {
            sentences.push(Sentence {
                span: s.shifted(span.start),
                is_heading,
            });
        }
        b.text.push_str("\n\n");
    }
    Ok(Document {
        id: id.to_string(),
        title,
        published,
        sentences,
        origin: Origin {
            format: Format::Html,
            maps: vec![b.map],
        },
        text: b.text,
    })
}

/// Largest pages handed to the extractor: its tree walks grow faster than the tree with
/// depth and with the children of one element (5,000 nested `<div>`s take it a minute,
/// 4,000 paragraphs side by side a second). Real article pages stay far inside these bounds
/// (the 102 pages of the benchmark's dev split: depth at most 51, 246 children, 1,600
/// elements); a page outside them is read by the plain-text fallback, in linear time.
const MAX_DEPTH: usize = 256;
const MAX_CHILDREN: usize = 1024;
const MAX_ELEMENTS: usize = 30_000;

/// True when the extractor may be run on a page of this shape.
fn within_bounds(shape: visible::Shape) -> bool {
    shape.depth <= MAX_DEPTH && shape.children <= MAX_CHILDREN && shape.elements <= MAX_ELEMENTS
}

/// The character range `a..z` cut where the page starts a new block.
fn split_blocks(v: &Visible, a: usize, z: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = a;
    for i in a + 1..z {
        if v.chars[i].flags & BLOCK != 0 {
            out.push((start, i));
            start = i;
        }
    }
    if start < z {
        out.push((start, z));
    }
    out
}

/// The article text of `page` as the extractor returns it (one paragraph per line), or
/// `None` when it finds none. A panic inside the extractor is caught and taken as none.
fn extract(page: &str) -> Option<String> {
    let run = || rs_trafilatura::extract(page).ok().map(|r| r.content_text);
    std::panic::catch_unwind(run)
        .ok()
        .flatten()
        .filter(|t| !t.trim().is_empty())
}

/// The whole visible text, one block per line, read as plain text.
fn fallback(
    id: &str,
    v: &Visible,
    published: Option<Date>,
    config: &IngestConfig,
) -> Result<Document> {
    let mut b = Builder::new(v);
    let mut start = 0;
    for i in 1..=v.chars.len() {
        if i == v.chars.len() || v.chars[i].flags & BLOCK != 0 {
            b.chars(start, i);
            b.text.push('\n');
            start = i;
        }
    }
    let mut doc = super::ingest_text(id, &b.text, published, config)?;
    doc.origin = Origin {
        format: Format::Html,
        maps: vec![b.map],
    };
    Ok(doc)
}

/// Builds a document's text from pieces of the page, recording where each came from.
struct Builder<'v> {
    v: &'v Visible,
    text: String,
    map: OffsetMap,
}

impl<'v> Builder<'v> {
    fn new(v: &'v Visible) -> Self {
        Builder {
            v,
            text: String::new(),
            map: OffsetMap::new(),
        }
    }

    /// Appends visible characters `a..z` (a space wherever the page separates words) and
    /// returns their span in the text.
    fn chars(&mut self, a: usize, z: usize) -> Span {
        let start = self.text.len();
        let v = self.v;
        for i in a..z.min(v.chars.len()) {
            let c = v.chars[i];
            if i > a && c.flags & (SPACE | BLOCK) != 0 {
                self.text.push(' ');
            }
            let end = v.chars.get(i + 1).map_or(v.flat.len(), |n| n.flat as usize);
            let ch = v.flat.get(c.flat as usize..end).unwrap_or("");
            let at = self.text.len();
            self.text.push_str(ch);
            let (src, len) = (c.src as usize, c.src_len as usize);
            if len == ch.len() {
                self.map.copy(at, src, len);
            } else {
                self.map.whole(at, ch.len(), src, len);
            }
        }
        Span::new(start, self.text.len())
    }

    /// Appends `text` that stands for the markup at `span` of the page (an attribute value).
    fn markup(&mut self, text: &str, span: Span) -> Span {
        let start = self.text.len();
        self.text.push_str(text);
        self.map.whole(start, text.len(), span.start, span.len());
        Span::new(start, self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_pages_not_text() {
        for page in [
            "<!DOCTYPE html><html>",
            "  \n<html lang=en>",
            "<?xml version=\"1.0\"?>\n<html xmlns=\"x\">",
            "<p>Hello</p>",
            "<!-- saved --><div>",
        ] {
            assert!(looks_like_html(page), "{page}");
        }
        for text in ["Hello <p>", "<pre>x", "a < b", "<3 you", ""] {
            assert!(!looks_like_html(text), "{text}");
        }
    }
}
