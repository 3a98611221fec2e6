//! Ingestion: raw article text in, [`Document`] out.
//!
//! 1. [`lines`] splits the text into lines and scores each as prose or page furniture;
//!    the body is the densest run of prose (furniture such as menus, share bars and
//!    copyright footers falls outside it).
//! 2. The headline is the first heading-like line above the body; the publication date
//!    comes from a dateline outside the body ([`crate::dates`]).
//! 3. [`segment`] splits body lines into sentences with byte spans into the original text.
//!
//! An HTML page (recognised by [`looks_like_html`]) is read by [`html`] instead: its
//! article's visible text, headline and date, with a map back to the page's bytes.
//! [`decode`] turns raw bytes into text (byte-order marks, UTF-16, declared charsets).

pub mod decode;
pub mod html;
pub mod lines;
pub mod segment;

use crate::config::check_unit;
use crate::dates::{find_dates, Date};
use crate::document::{Document, Sentence, Span};
use crate::error::{Error, Result};
use crate::lexicon::parse_tagged_list;
pub use decode::{decode, Decoded};
pub use html::looks_like_html;
pub use lines::{classify_lines, LineKind};
#[cfg(test)]
pub(crate) use segment::split_sentences;
pub use segment::{split_sentences_within, Abbreviations, MAX_SENTENCE_BYTES};

/// Settings of ingestion.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Abbreviations that do not end a sentence ('Mr.', 'Feb.', 'No.').
    pub abbreviations: Abbreviations,
    /// Page-furniture phrases ('share', 'most viewed'): a short line holding one is furniture.
    pub furniture: Vec<String>,
    /// Phrases that make any line furniture ('copyright', 'all rights reserved').
    pub strong_furniture: Vec<String>,
    /// A line needs at least this many words to count as prose.
    pub min_prose_words: usize,
    /// A prose line needs at least this share of English function words.
    pub min_stopword_ratio: f64,
    /// A sentence longer than this many bytes is cut into pieces (at clause boundaries or
    /// spaces), so a run-on line costs the later stages no more than ordinary sentences.
    pub max_sentence_bytes: usize,
}

impl Default for IngestConfig {
    fn default() -> Self {
        let (furniture, strong_furniture) = default_furniture();
        IngestConfig {
            abbreviations: Abbreviations::default(),
            furniture,
            strong_furniture,
            min_prose_words: 6,
            min_stopword_ratio: 0.12,
            max_sentence_bytes: MAX_SENTENCE_BYTES,
        }
    }
}

impl IngestConfig {
    /// Checks ranges.
    pub fn validate(&self) -> Result<()> {
        check_unit("ingest.min_stopword_ratio", self.min_stopword_ratio)?;
        if self.max_sentence_bytes < 64 {
            return Err(Error::Config {
                field: "ingest.max_sentence_bytes".into(),
                message: "must be at least 64".into(),
            });
        }
        if self.min_prose_words == 0 {
            return Err(Error::Config {
                field: "ingest.min_prose_words".into(),
                message: "must be at least 1".into(),
            });
        }
        Ok(())
    }

    /// The sentences of `text` under these settings (UAX #29 bounds, repaired, long sentences cut).
    pub fn sentences(&self, text: &str) -> Vec<Span> {
        split_sentences_within(text, &self.abbreviations, self.max_sentence_bytes)
    }

    /// Adds furniture phrases, one per line (`PHRASE` or `PHRASE<TAB>strong`, `#` comments).
    pub fn extend_furniture(&mut self, text: &str) -> Result<()> {
        for (phrase, tag) in parse_tagged_list("furniture", text)? {
            if tag.as_deref() == Some("strong") {
                self.strong_furniture.push(phrase);
            } else {
                self.furniture.push(phrase);
            }
        }
        Ok(())
    }
}

fn default_furniture() -> (Vec<String>, Vec<String>) {
    let mut weak = Vec::new();
    let mut strong = Vec::new();
    for (phrase, tag) in parse_tagged_list("furniture", include_str!("../data/furniture.txt"))
        .expect("built-in furniture list parses")
    {
        if tag.as_deref() == Some("strong") {
            strong.push(phrase);
        } else {
            weak.push(phrase);
        }
    }
    (weak, strong)
}

/// Turns raw article text (or an HTML page) into a [`Document`]: furniture removed,
/// headline, dateline and body sentences found. `published`, when given, wins over a
/// dateline in the text. A text with nothing visible in it (only whitespace and invisible
/// characters such as zero-width spaces) is refused.
pub fn ingest(
    id: &str,
    text: &str,
    published: Option<Date>,
    config: &IngestConfig,
) -> Result<Document> {
    if text.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
        return Err(Error::EmptyDocument { id: id.to_string() });
    }
    if looks_like_html(text) {
        html::ingest_html(id, text, published, config)
    } else {
        ingest_text(id, text, published, config)
    }
}

/// A character a reader does not see: format controls (zero-width space and joiners,
/// direction marks, word joiner, the byte-order mark), the soft hyphen, blank fillers
/// (Hangul fillers, the Braille blank) and other non-whitespace controls.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{2800}' | '\u{3164}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}')
        || (c.is_control() && !c.is_whitespace())
}

/// [`ingest`] for plain text.
pub(crate) fn ingest_text(
    id: &str,
    text: &str,
    published: Option<Date>,
    config: &IngestConfig,
) -> Result<Document> {
    let lines = classify_lines(text, config);
    let (body_start, body_end) = lines::body_range(&lines);

    let mut sentences = Vec::new();
    let mut title = None;
    // Heading lines above the body, in groups split by furniture: the last group holds the
    // headline (its first line) and sub-headlines; earlier groups are mastheads and section
    // names ('The Daily Example' above 'Home | World'). A dateline splits no group: it
    // sits between a headline and its article.
    let above = &lines[..body_start];
    let group_start = above
        .iter()
        .rposition(|l| l.kind == LineKind::Heading)
        .map_or(0, |last| {
            above[..last]
                .iter()
                .rposition(|l| l.kind == LineKind::Furniture && !l.dateline)
                .map_or(0, |f| f + 1)
        });
    for line in &above[group_start..] {
        if line.kind == LineKind::Heading {
            if title.is_none() {
                title = Some(line.span);
            }
            sentences.push(Sentence {
                span: line.span,
                is_heading: true,
            });
        }
    }
    for line in &lines[body_start..body_end] {
        match line.kind {
            LineKind::Furniture => {}
            LineKind::Heading if !line.ends_sentence => sentences.push(Sentence {
                span: line.span,
                is_heading: true,
            }),
            _ => {
                let part = line.span.slice(text);
                for s in config.sentences(part) {
                    sentences.push(Sentence {
                        span: s.shifted(line.span.start),
                        is_heading: false,
                    });
                }
            }
        }
    }
    if sentences.is_empty() {
        // Nothing looked like prose or a heading: keep every non-empty line rather than
        // drop what the caller gave.
        for line in &lines {
            for s in config.sentences(line.span.slice(text)) {
                sentences.push(Sentence {
                    span: s.shifted(line.span.start),
                    is_heading: false,
                });
            }
        }
    }

    let published = published.or_else(|| {
        // Datelines above the body first, then any inside or below it.
        lines[..body_start]
            .iter()
            .filter(|l| l.kind != LineKind::Prose)
            .chain(
                lines[body_start..]
                    .iter()
                    .filter(|l| l.kind == LineKind::Furniture),
            )
            .chain(
                lines[body_end..]
                    .iter()
                    .filter(|l| l.kind != LineKind::Prose),
            )
            .find_map(|l| {
                find_dates(l.span.slice(text))
                    .into_iter()
                    .find(|d| d.date.year.is_some())
                    .map(|d| d.date)
            })
    });

    Ok(Document {
        id: id.to_string(),
        text: text.to_string(),
        title,
        published,
        sentences,
        origin: Default::default(),
    })
}

/// Span of the non-whitespace part of `text[span]`.
pub(crate) fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    Span::new(span.start + lead, span.start + lead + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Global Edition\nWorld\nHome / World / Europe\n\n\
Ministers agree on new border crossing rules\n\nNews Agency | Updated: 2024-05-02 10:00\nShare\nShare - WeChat\n\
BRUSSELS -- Ministers from twelve countries agreed on Thursday to open two new border crossings, officials said.\n\n\
Mr. Jansen, who led the talks, said the crossings would open by Feb. 28 next year.\n\n\
Most Read Today\nBACK TO TOP\nCopyright 1995 - . All rights reserved. Nothing here may be reused without written authorization.\nFOLLOW US";

    #[test]
    fn removes_furniture_and_finds_title_and_date() {
        let d = ingest("p", PAGE, None, &IngestConfig::default()).unwrap();
        assert_eq!(
            d.title_text(),
            Some("Ministers agree on new border crossing rules")
        );
        assert_eq!(d.published.unwrap().to_string(), "2024-05-02");
        let texts: Vec<&str> = (0..d.sentences.len()).map(|i| d.sentence_text(i)).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[1].starts_with("BRUSSELS"));
        assert!(texts[2].starts_with("Mr. Jansen") && texts[2].ends_with("next year."));
        assert!(!texts
            .iter()
            .any(|t| t.contains("Copyright") || t.contains("Share")));
    }

    #[test]
    fn empty_is_an_error() {
        assert!(matches!(
            ingest("x", " \n\t ", None, &IngestConfig::default()),
            Err(Error::EmptyDocument { .. })
        ));
    }

    #[test]
    fn short_text_is_kept() {
        let d = ingest("x", "Hello", None, &IngestConfig::default()).unwrap();
        assert_eq!(d.sentences.len(), 1);
        assert_eq!(d.sentence_text(0), "Hello");
    }
}
