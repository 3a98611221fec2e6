//! The document model: an article's original text, its headline, publication date and body
//! sentences as byte spans into that text.

use crate::dates::Date;
use crate::origin::Origin;

/// A half-open byte range `start..end` into a document's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end-exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text this span covers in `text`, or `""` when it does not fit on char boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// This span moved right by `offset` bytes.
    pub fn shifted(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

/// One body sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Where the sentence lies in the document's original text.
    pub span: Span,
    /// True when the sentence is the document's headline (or a sub-headline above the body).
    pub is_heading: bool,
}

/// An ingested article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// The caller's id (for files, the file name).
    pub id: String,
    /// The text every stage reads; every span indexes it. For plain UTF-8 text it is the
    /// original, unchanged; for an HTML page, the visible text of its headline and article
    /// (see [`Document::origin`]).
    pub text: String,
    /// The headline, when one was recognised.
    pub title: Option<Span>,
    /// The publication date: given by the caller, or read from a dateline.
    pub published: Option<Date>,
    /// Body sentences in reading order, after page furniture was removed.
    pub sentences: Vec<Sentence>,
    /// The input format, and how spans of `text` map back to the caller's bytes.
    pub origin: Origin,
}

impl Document {
    /// The text of sentence `i` (empty when out of range).
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences
            .get(i)
            .map(|s| s.span.slice(&self.text))
            .unwrap_or("")
    }

    /// The byte range of the caller's original input that `span` of [`Document::text`] came
    /// from (the same span for plain UTF-8 text).
    pub fn original_span(&self, span: Span) -> Span {
        self.origin.original_span(span)
    }

    /// The headline text, when there is one.
    pub fn title_text(&self) -> Option<&str> {
        self.title.map(|s| s.slice(&self.text))
    }
}
