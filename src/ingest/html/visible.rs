//! The visible text of an HTML page, character by character, with the source bytes of each:
//! tags, comments, scripts and styles left out, entities decoded. Alongside, what the page
//! says about itself (`<title>`, `<meta>`, `<time datetime>`, JSON-LD) for the headline and
//! the date.
//!
//! Tokenising is html5gum's (the WHATWG tokenizer state machine, so comments, quoted
//! attributes and raw-text elements are read as a browser reads them); entities are decoded
//! here, one at a time with htmlize, so each decoded character keeps its source bytes.

use crate::document::Span;
pub(crate) use crate::ingest::is_invisible;
use html5gum::{DefaultEmitter, StartTag, Token, Tokenizer};

/// One visible, non-blank character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct VisChar {
    /// Byte offset of the character in [`Visible::flat`].
    pub flat: u32,
    /// Byte offset of its source (the character itself, or its entity) in the page.
    pub src: u32,
    /// Length of its source in bytes.
    pub src_len: u8,
    /// [`SPACE`], [`BLOCK`] and [`HEADING`] bits.
    pub flags: u8,
}

/// Whitespace, or a tag that separates words, lies between this character and the one
/// before it.
pub(crate) const SPACE: u8 = 1;
/// A block-level boundary (a paragraph, list item, heading, line break) lies before it.
pub(crate) const BLOCK: u8 = 2;
/// The character is inside a heading element (`<h1>` … `<h6>`).
pub(crate) const HEADING: u8 = 4;

/// A `<meta>` value: its key (`property`, `name` or `itemprop`, lowercased), the decoded
/// `content` and where that attribute value lies in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Meta {
    pub key: String,
    pub content: String,
    pub span: Span,
}

/// A page read as visible characters plus its metadata.
#[derive(Debug, Default)]
pub(crate) struct Visible {
    /// The visible characters with all whitespace and invisible format characters taken out
    /// (what extracted text is matched against).
    pub flat: String,
    /// One entry per character of `flat`, in order.
    pub chars: Vec<VisChar>,
    /// Character ranges (indexes into `chars`) of the page's `<h1>` elements.
    pub h1: Vec<(usize, usize)>,
    /// The `<title>` text and its span.
    pub title: Option<(String, Span)>,
    /// `<meta>` key/content pairs in page order.
    pub metas: Vec<Meta>,
    /// `datetime` values of `<time>` elements, in page order.
    pub times: Vec<String>,
    /// Bodies of `<script type="application/ld+json">` elements.
    pub json_ld: Vec<String>,
    /// The page's shape, for bounding the work done on it.
    pub shape: Shape,
}

/// How big and deep a page's element tree is (as a tokenizer sees it: end tags close
/// their element and what is open inside it; a `<p>`, `<li>`, `<td>` … closes an open one
/// of its name).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shape {
    /// Start tags.
    pub elements: usize,
    /// Deepest nesting of open elements.
    pub depth: usize,
    /// Most child elements of one element.
    pub children: usize,
}

/// Elements whose content a reader never sees.
const HIDDEN: &[&[u8]] = &[
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"textarea",
    b"iframe",
    b"noembed",
    b"noframes",
    b"xmp",
    b"svg",
    b"select",
    b"head",
];

/// Elements that may stand in `<head>`.
const IN_HEAD: &[&[u8]] = &[
    b"head",
    b"html",
    b"meta",
    b"link",
    b"title",
    b"style",
    b"script",
    b"noscript",
    b"base",
    b"template",
];

/// Elements that start a new block of text (a line of their own).
const BLOCKS: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"br",
    b"dd",
    b"details",
    b"dialog",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hgroup",
    b"hr",
    b"li",
    b"main",
    b"nav",
    b"ol",
    b"p",
    b"pre",
    b"section",
    b"summary",
    b"table",
    b"tbody",
    b"thead",
    b"tfoot",
    b"tr",
    b"ul",
    b"body",
    b"caption",
    b"legend",
    b"menu",
    b"option",
];

/// Elements with no content and no end tag.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
];

/// Elements whose start tag closes an open element of the same name.
const SELF_ENDING: &[&[u8]] = &[b"p", b"li", b"dt", b"dd", b"option", b"tr", b"td", b"th"];

/// Elements that separate the words on either side (cells, images, inputs).
const SPACERS: &[&[u8]] = &[b"td", b"th", b"img", b"input", b"button", b"label", b"wbr"];

/// Reads `page` into its visible characters and metadata. Linear in the page's size.
pub(crate) fn read(page: &str) -> Visible {
    let mut r = Reader {
        page,
        v: Visible::default(),
        hidden: Vec::new(),
        pending: 0,
        heading: 0,
        h1_start: None,
        in_title: false,
        in_json_ld: None,
        open: vec![(Vec::new(), 0)],
    };
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(page, emitter).flatten() {
        match token {
            Token::StartTag(tag) => r.start(&tag),
            Token::EndTag(tag) => r.end(&tag.name),
            Token::String(s) => r.text(s.span.start, s.span.end),
            _ => {}
        }
    }
    r.v
}

/// The state of one pass over the tokens.
struct Reader<'p> {
    page: &'p str,
    v: Visible,
    /// Open hidden elements (names), innermost last.
    hidden: Vec<Vec<u8>>,
    /// Flags for the next visible character.
    pending: u8,
    /// Depth of open heading elements.
    heading: usize,
    /// Where the open `<h1>` started (a `chars` index).
    h1_start: Option<usize>,
    /// Inside the first `<title>`.
    in_title: bool,
    /// Start of the open JSON-LD script's text.
    in_json_ld: Option<usize>,
    /// Open elements with their child counts (the document at the bottom).
    open: Vec<(Vec<u8>, usize)>,
}

impl Reader<'_> {
    fn start(&mut self, tag: &StartTag<usize>) {
        let name: &[u8] = &tag.name;
        self.separate(name);
        self.shape_start(name, tag.self_closing);
        match name {
            b"meta" => self.meta(tag),
            b"title" if self.v.title.is_none() => self.in_title = true,
            b"time" => {
                if let Some(dt) = tag.attributes.get(b"datetime".as_slice()) {
                    self.v.times.push(String::from_utf8_lossy(dt).into_owned());
                }
            }
            b"script" => {
                let ld = tag.attributes.get(b"type".as_slice()).is_some_and(|t| {
                    String::from_utf8_lossy(t)
                        .trim()
                        .eq_ignore_ascii_case("application/ld+json")
                });
                if ld {
                    self.in_json_ld = Some(tag.span.end);
                }
            }
            b"h1" if self.hidden.is_empty() => self.h1_start = Some(self.v.chars.len()),
            _ => {}
        }
        if matches!(name, b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6") && !tag.self_closing {
            self.heading += 1;
        }
        if HIDDEN.contains(&name) && !tag.self_closing {
            self.hidden.push(name.to_vec());
        }
    }

    fn end(&mut self, name: &[u8]) {
        self.separate(name);
        if let Some(i) = self.open.iter().skip(1).rposition(|(n, _)| n == name) {
            self.open.truncate(i + 1);
        }
        if let Some(i) = self.hidden.iter().rposition(|h| h == name) {
            self.hidden.truncate(i);
        }
        match name {
            b"title" => self.in_title = false,
            b"script" => self.in_json_ld = None,
            b"h1" => {
                if let Some(start) = self.h1_start.take() {
                    if self.v.chars.len() > start {
                        self.v.h1.push((start, self.v.chars.len()));
                    }
                }
            }
            _ => {}
        }
        if matches!(name, b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6") {
            self.heading = self.heading.saturating_sub(1);
        }
    }

    /// Counts a start tag into the page's [`Shape`].
    fn shape_start(&mut self, name: &[u8], self_closing: bool) {
        let shape = &mut self.v.shape;
        shape.elements += 1;
        if SELF_ENDING.contains(&name)
            && self.open.len() > 1
            && self.open.last().is_some_and(|(n, _)| n == name)
        {
            self.open.pop();
        }
        if let Some(parent) = self.open.last_mut() {
            parent.1 += 1;
            shape.children = shape.children.max(parent.1);
        }
        if !self_closing && !VOID.contains(&name) {
            self.open.push((name.to_vec(), 0));
            shape.depth = shape.depth.max(self.open.len() - 1);
        }
    }

    /// Notes the word or block boundary a tag makes; a tag that cannot stand in `<head>`
    /// closes a `<head>` left open, as a browser's parser does.
    fn separate(&mut self, name: &[u8]) {
        if !IN_HEAD.contains(&name) {
            self.hidden.retain(|h| h != b"head");
        }
        if BLOCKS.contains(&name) {
            self.pending |= SPACE | BLOCK;
        } else if SPACERS.contains(&name) {
            self.pending |= SPACE;
        }
    }

    fn meta(&mut self, tag: &StartTag<usize>) {
        let Some(content) = tag.attributes.get(b"content".as_slice()) else {
            return;
        };
        for key in [b"property".as_slice(), b"name", b"itemprop"] {
            if let Some(k) = tag.attributes.get(key) {
                self.v.metas.push(Meta {
                    key: String::from_utf8_lossy(k).trim().to_lowercase(),
                    content: String::from_utf8_lossy(content).into_owned(),
                    span: Span::new(content.span.start, content.span.end),
                });
            }
        }
    }

    /// A run of character data at `start..end` of the page.
    fn text(&mut self, start: usize, end: usize) {
        let Some(raw) = self.page.get(start..end) else {
            return;
        };
        if std::mem::take(&mut self.in_title) {
            let text: String = decoded(raw, start).map(|(c, _, _)| c).collect();
            self.v.title = Some((collapse(&text), Span::new(start, end)));
            return;
        }
        if self.in_json_ld.is_some() {
            self.v.json_ld.push(raw.to_string());
            return;
        }
        if !self.hidden.is_empty() {
            return;
        }
        let heading = if self.heading > 0 { HEADING } else { 0 };
        for (c, src, len) in decoded(raw, start) {
            if c.is_whitespace() {
                self.pending |= SPACE;
                continue;
            }
            if is_invisible(c) {
                continue;
            }
            let (Ok(flat), Ok(src)) = (u32::try_from(self.v.flat.len()), u32::try_from(src)) else {
                return;
            };
            self.v.chars.push(VisChar {
                flat,
                src,
                src_len: len.min(255) as u8,
                flags: self.pending | heading,
            });
            self.v.flat.push(c);
            self.pending = 0;
        }
    }
}

/// Whitespace collapsed to single spaces, trimmed.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The characters of a run of HTML character data with entities decoded: each with its
/// source offset and length. A numeric or named reference the HTML standard would not
/// decode stays as it is, character by character.
fn decoded(raw: &str, base: usize) -> impl Iterator<Item = (char, usize, usize)> + '_ {
    let mut i = 0;
    let mut queue: std::vec::IntoIter<(char, usize, usize)> = Vec::new().into_iter();
    std::iter::from_fn(move || loop {
        if let Some(x) = queue.next() {
            return Some(x);
        }
        let c = raw[i..].chars().next()?;
        if c == '&' {
            if let Some((text, len)) = entity(&raw[i..]) {
                // One reference decodes to one or two characters; all share its source.
                let at = base + i;
                queue = text
                    .chars()
                    .map(|c| (c, at, len))
                    .collect::<Vec<_>>()
                    .into_iter();
                i += len;
                continue;
            }
        }
        let at = base + i;
        i += c.len_utf8();
        return Some((c, at, c.len_utf8()));
    })
}

/// The character reference at the start of `s` (which starts with '&'): its decoded text
/// and its length in bytes, when it is one.
fn entity(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    let mut n = 1;
    if b.get(1) == Some(&b'#') {
        n = 2;
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        if hex {
            n = 3;
        }
        let digits = b[n..]
            .iter()
            .take(16)
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        n += digits;
    } else {
        // Named references are at most 32 bytes ('&CounterClockwiseContourIntegral;').
        n += b[1..]
            .iter()
            .take(40)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if n == 1 {
            return None;
        }
    }
    if b.get(n) == Some(&b';') {
        n += 1;
    }
    let cand = &s[..n];
    let out = htmlize::unescape(cand);
    if out == cand {
        return None;
    }
    // A reference without its semicolon decodes its longest known prefix ('&notit' ->
    // '¬it'): what is left of the candidate is the same text at the end of both.
    let tail = common_suffix(cand.as_bytes(), out.as_bytes());
    let consumed = n - tail;
    let text = out.get(..out.len() - tail)?.to_string();
    (consumed > 1 && !text.is_empty()).then_some((text, consumed))
}

/// Length of the longest common suffix of `a` and `b`, on a character boundary of both.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let n = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    // Back off to a boundary (the shared tail is ASCII in practice: name characters).
    (0..=n)
        .rev()
        .find(|&k| {
            std::str::from_utf8(&a[a.len() - k..]).is_ok()
                && std::str::from_utf8(&b[b.len() - k..]).is_ok()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(page: &str) -> String {
        read(page).flat
    }

    #[test]
    fn tags_scripts_and_comments_are_not_text() {
        let p = "<html><head><title>T &amp; U</title><style>p{}</style></head><body><!-- c --><p>a<b>b</b> c</p><script>var x='<p>';</script><p>d</p></body></html>";
        let v = read(p);
        assert_eq!(v.flat, "abcd");
        assert_eq!(v.title.as_ref().map(|t| t.0.as_str()), Some("T & U"));
        let flags: Vec<u8> = v.chars.iter().map(|c| c.flags & (SPACE | BLOCK)).collect();
        assert_eq!(flags, vec![SPACE | BLOCK, 0, SPACE, SPACE | BLOCK]);
    }

    #[test]
    fn entities_keep_their_source_bytes() {
        let p = "<p>&#8220;Hi&#x201d; &amp; &notit &copy2020 &bogus; AT&T</p>";
        let v = read(p);
        assert_eq!(v.flat, "\u{201c}Hi\u{201d}&¬it©2020&bogus;AT&T");
        let first = v.chars[0];
        assert_eq!(
            &p[first.src as usize..][..first.src_len as usize],
            "&#8220;"
        );
        let not = v
            .chars
            .iter()
            .find(|c| v.flat[c.flat as usize..].starts_with('¬'));
        assert_eq!(not.map(|c| c.src_len), Some(4));
    }

    #[test]
    fn meta_time_and_json_ld_are_collected() {
        let p = r#"<meta property="og:title" content="A &amp; B"><script type="application/ld+json">{"datePublished":"2024-01-02"}</script><time datetime="2024-01-03">x</time><h1>Head</h1>"#;
        let v = read(p);
        assert_eq!(v.metas[0].key, "og:title");
        assert_eq!(v.metas[0].content, "A & B");
        assert_eq!(v.json_ld.len(), 1);
        assert_eq!(v.times, vec!["2024-01-03".to_string()]);
        assert_eq!(v.h1, vec![(1, 5)]);
        assert_eq!(flat("<p>a\u{200b}b\u{a0}c</p>"), "abc");
    }

    #[test]
    fn the_shape_counts_depth_and_children() {
        let v = read(
            "<html><body><ul><li>a<li>b<li>c</ul><div><div><br><p>x</div></div></body></html>",
        );
        assert_eq!(v.shape.depth, 5); // html body div div p
        assert_eq!(v.shape.children, 3);
        assert_eq!(v.shape.elements, 10);
        let deep = read(&"<div>".repeat(500));
        assert_eq!(deep.shape.depth, 500);
    }
}
