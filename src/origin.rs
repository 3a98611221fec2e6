//! Where a document's text came from: the input format, and a map from byte offsets of the
//! text the stages read back to byte offsets of the input the caller gave.
//!
//! Plain UTF-8 text is read as given, so its map is the identity. An HTML page is read as the
//! visible text of its article (tags removed, entities decoded, whitespace collapsed) and a
//! page in another charset (or a UTF-16 file) is transcoded to UTF-8 first; each of those
//! steps records an [`OffsetMap`], and [`Origin::original_span`] applies them in turn, so a
//! sentence's span in the report bounds the bytes of the original input from its first to
//! its last visible character.

use crate::document::Span;

/// The format an input was read as.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// Plain text (as pasted or scraped).
    #[default]
    Text,
    /// An HTML page.
    Html,
}

/// How the bytes of one piece of a derived text correspond to its source bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Byte for byte (an unchanged run).
    Copy,
    /// Every text byte stands for two source bytes (ASCII read from UTF-16).
    Double,
    /// The piece is one unit (an entity, a transcoded character): any offset inside maps to
    /// the piece's source bounds.
    Whole,
}

/// One piece of a derived text and the source bytes it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    text: usize,
    text_len: usize,
    src: usize,
    src_len: usize,
    step: Step,
}

impl Piece {
    /// The source offset of text offset `t` within (or past) this piece; `whole` is where a
    /// piece that maps as a whole puts it (its start for a span's start, its end for an end).
    fn source(&self, t: usize, whole: usize) -> usize {
        if t >= self.text + self.text_len {
            return self.src + self.src_len;
        }
        match self.step {
            Step::Copy => self.src + (t - self.text),
            Step::Double => self.src + 2 * (t - self.text),
            Step::Whole => whole,
        }
    }
}

/// A map from byte offsets of a derived text to byte offsets of the text it was derived from.
/// Text between pieces (a space put where the source had a tag or a run of whitespace) maps
/// to the end of the piece before it. Built in text order with [`OffsetMap::copy`],
/// [`OffsetMap::whole`] and [`OffsetMap::double`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that `len` text bytes at `text` are the source bytes at `src`, byte for byte.
    /// Pieces must be added in increasing text order, not overlapping.
    pub fn copy(&mut self, text: usize, src: usize, len: usize) {
        if let Some(last) = self.pieces.last_mut() {
            let joins = last.step == Step::Copy
                && last.text + last.text_len == text
                && last.src + last.src_len == src;
            if joins {
                last.text_len += len;
                last.src_len += len;
                return;
            }
        }
        self.push(text, len, src, len, Step::Copy);
    }

    /// Records that `text_len` text bytes at `text` stand, as one unit, for the `src_len`
    /// source bytes at `src` (a decoded entity, a transcoded character).
    pub fn whole(&mut self, text: usize, text_len: usize, src: usize, src_len: usize) {
        self.push(text, text_len, src, src_len, Step::Whole);
    }

    /// Records that `len` text bytes at `text` are ASCII read from `2 * len` UTF-16 bytes.
    pub fn double(&mut self, text: usize, src: usize, len: usize) {
        if let Some(last) = self.pieces.last_mut() {
            let joins = last.step == Step::Double
                && last.text + last.text_len == text
                && last.src + last.src_len == src;
            if joins {
                last.text_len += len;
                last.src_len += 2 * len;
                return;
            }
        }
        self.push(text, len, src, 2 * len, Step::Double);
    }

    fn push(&mut self, text: usize, text_len: usize, src: usize, src_len: usize, step: Step) {
        if text_len == 0 {
            return;
        }
        debug_assert!(self
            .pieces
            .last()
            .is_none_or(|p| p.text + p.text_len <= text));
        self.pieces.push(Piece {
            text,
            text_len,
            src,
            src_len,
            step,
        });
    }

    /// The source offset of a span that starts at text offset `t`.
    pub fn start(&self, t: usize) -> usize {
        self.piece_at(t).map_or(0, |p| p.source(t, p.src))
    }

    /// The source offset of a span that ends (exclusively) at text offset `t`.
    pub fn end(&self, t: usize) -> usize {
        if t == 0 {
            return self.pieces.first().map_or(0, |p| p.src);
        }
        self.piece_at(t - 1)
            .map_or(0, |p| p.source(t, p.src + p.src_len))
    }

    /// The last piece starting at or before `t`.
    fn piece_at(&self, t: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.text <= t);
        self.pieces.get(i.checked_sub(1)?)
    }

    /// The span of the source that `span` of the text came from.
    pub fn map(&self, span: Span) -> Span {
        if span.is_empty() {
            let s = self.start(span.start);
            return Span::new(s, s);
        }
        let (s, e) = (self.start(span.start), self.end(span.end));
        Span::new(s, e.max(s))
    }
}

/// A document's input format and the maps from its text back to the input's bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// What the input was read as.
    pub format: Format,
    /// Applied in order: the first maps the document's text to the text it was derived from,
    /// the last yields offsets into the caller's input. Empty for plain UTF-8 text.
    pub(crate) maps: Vec<OffsetMap>,
}

impl Origin {
    /// The byte range of the original input that `span` of the document's text came from.
    pub fn original_span(&self, span: Span) -> Span {
        self.maps.iter().fold(span, |s, m| m.map(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_entities_and_gaps_map_back() {
        // source: "<p>a &amp; b</p><p>cd</p>"  text: "a & b cd"
        let mut m = OffsetMap::new();
        m.copy(0, 3, 2); // "a "
        m.whole(2, 1, 5, 5); // "&" <- "&amp;"
        m.copy(3, 10, 2); // " b"
        m.copy(6, 19, 2); // "cd" (the space at 5 stands for "</p><p>")
        assert_eq!(m.map(Span::new(0, 5)), Span::new(3, 12));
        assert_eq!(m.map(Span::new(2, 3)), Span::new(5, 10));
        assert_eq!(m.map(Span::new(4, 8)), Span::new(11, 21));
        assert_eq!(m.map(Span::new(6, 7)), Span::new(19, 20));
    }

    #[test]
    fn maps_chain() {
        let mut utf16 = OffsetMap::new();
        utf16.double(0, 2, 4); // after a 2-byte BOM
        let o = Origin {
            format: Format::Text,
            maps: vec![utf16],
        };
        assert_eq!(o.original_span(Span::new(1, 3)), Span::new(4, 8));
    }
}
