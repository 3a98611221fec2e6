//! Line classification: prose, heading or page furniture, by general signals (length,
//! closing punctuation, function-word density, furniture vocabulary, script), and the body
//! as the run of lines with the most prose in it.

use super::{trim_span, IngestConfig};
use crate::dates::{find_dates, weekday_number};
use crate::document::Span;
use crate::text::{fold, is_stopword, words, Word};

/// What a line of raw text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Running text: long enough, ends like a sentence, dense in function words.
    Prose,
    /// A headline or sub-headline: several words, no furniture vocabulary.
    Heading,
    /// Menus, share bars, datelines, footers, widgets.
    Furniture,
    /// Anything else (short fragments, verse, list items).
    Other,
}

/// One non-empty line with its signals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    /// Trimmed byte range in the original text.
    pub span: Span,
    /// The verdict.
    pub kind: LineKind,
    /// Number of words.
    pub words: usize,
    /// True when the line ends with sentence-closing punctuation.
    pub ends_sentence: bool,
    /// True for a dateline ('December 23, 2012 6:11 PM'): furniture that sits between a
    /// headline and its article, not between a masthead and the headline.
    pub dateline: bool,
}

/// Splits `text` into non-empty lines and classifies each.
pub fn classify_lines(text: &str, config: &IngestConfig) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let span = trim_span(text, Span::new(pos, pos + raw.len()));
        pos += raw.len();
        if span.is_empty() {
            continue;
        }
        out.push(classify(span, span.slice(text), config));
    }
    out
}

fn classify(span: Span, line: &str, config: &IngestConfig) -> Line {
    let ws = words(line);
    let n = ws.len();
    let stop = ws.iter().filter(|w| is_stopword(w.text)).count();
    let ends_sentence = line.trim_end().chars().last().is_some_and(|c| {
        matches!(
            c,
            '.' | '!'
                | '?'
                | '"'
                | '\u{201D}'
                | '\u{2019}'
                | '\''
                | ')'
                | ']'
                | '\u{2026}'
                | ':'
                | ';'
        )
    });
    let folded = format!(
        " {} ",
        ws.iter()
            .map(|w| fold(w.text))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let lower = line.to_lowercase();
    // A phrase can only stand in `folded` between spaces if its first space-free piece is
    // one of the pieces of `folded`: a hash look-up rules most phrases out before a search.
    let pieces: crate::hash::HashSet<&str> = folded.split(' ').collect();
    let hit = |p: &String| {
        if p.chars().any(char::is_alphanumeric) {
            if !pieces.contains(p.split(' ').next().unwrap_or("")) {
                return false;
            }
            // `folded` holds ' p ' (it is padded with spaces).
            let b = folded.as_bytes();
            folded.match_indices(p.as_str()).any(|(i, _)| {
                i.checked_sub(1).and_then(|k| b.get(k)) == Some(&b' ')
                    && b.get(i + p.len()) == Some(&b' ')
            })
        } else {
            lower.contains(p.as_str())
        }
    };
    let strong = config.strong_furniture.iter().any(hit);
    let weak_hits = config.furniture.iter().filter(|p| hit(p)).count();
    let latin = ws
        .iter()
        .filter(|w| {
            w.text
                .chars()
                .all(|c| !c.is_alphabetic() || (c as u32) < 0x250)
        })
        .count();
    let glued = ws.iter().any(|w| is_glued(w.text));
    // Menu items are joined by bars, slashes, tabs or runs of spaces ('Politics   World').
    let separators = line.contains(" | ")
        || line.contains(" / ")
        || line.contains('|')
        || line.contains('\t')
        || line.contains("   ");
    let stop_ratio = if n == 0 { 0.0 } else { stop as f64 / n as f64 };

    let dateline = is_dateline(line, &ws);
    let kind = if strong
        || is_weak_furniture(weak_hits, n, ends_sentence)
        || dateline
        || is_byline(&ws, ends_sentence)
    {
        LineKind::Furniture
    } else if n >= config.min_prose_words
        && ends_sentence
        && stop_ratio >= config.min_stopword_ratio
    {
        LineKind::Prose
    } else if (n >= 15 && stop_ratio >= 0.2)
        || (n >= config.min_prose_words
            && line.trim_end().ends_with(',')
            && stop_ratio >= config.min_stopword_ratio)
    {
        // Long running text that lost its final punctuation, and a sentence cut off at a
        // comma ('... before convicting Christopher Kenyon Simpson,'): no headline ends so.
        LineKind::Prose
    } else if (3..=40).contains(&n)
        && weak_hits <= 1
        && !separators
        && !glued
        && latin * 10 >= n * 9
        && ws.first().is_some_and(|w| {
            w.text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
    {
        LineKind::Heading
    } else {
        LineKind::Other
    };
    Line {
        span,
        kind,
        words: n,
        ends_sentence,
        dateline,
    }
}

/// A line holding `hits` phrases of the (weak) furniture vocabulary is furniture when it is
/// little else: a short line ('Share', 'Related articles', 'Follow us on Twitter'), two or
/// more such phrases ('Sign up for our newsletter'), or one phrase in a fragment of six
/// words or fewer. One such word in a longer headline ('AMD acquires SeaMicro to grab share
/// of microserver market') is a word of the headline.
fn is_weak_furniture(hits: usize, words: usize, ends_sentence: bool) -> bool {
    hits > 0 && (words <= 4 || (hits >= 2 && words < 12) || (words <= 6 && !ends_sentence))
}

/// Words a dateline may hold besides the date itself ('Updated: 2025-06-04 18:30 GMT').
const DATELINE_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "modified",
    "last",
    "first",
    "on",
    "at",
    "date",
    "time",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "cet",
    "cest",
    "est",
    "edt",
    "bst",
];

/// A line that is only a date, perhaps with a time, a weekday and words such as
/// 'Published' or 'Updated': '4 June 2025', 'Published: Oct. 21, 2025', 'June 4, 2025 18:30'.
fn is_dateline(line: &str, ws: &[Word<'_>]) -> bool {
    if ws.len() > 12 {
        return false;
    }
    // 'Xinhua | Updated: 2025-03-13 21:11': a source name and a dateline between bars.
    if line.contains('|') {
        let mut pos = 0;
        for part in line.split('|') {
            let words: Vec<Word<'_>> = ws
                .iter()
                .filter(|w| w.start >= pos && w.end() <= pos + part.len())
                .map(|w| Word {
                    start: w.start - pos,
                    text: w.text,
                })
                .collect();
            if is_dateline(part, &words) {
                return true;
            }
            pos += part.len() + 1;
        }
    }
    let dates = find_dates(line);
    if !dates.iter().any(|d| d.date.year.is_some()) {
        return false;
    }
    ws.iter().all(|w| {
        let inside = dates.iter().any(|d| w.start >= d.start && w.end() <= d.end);
        let folded = fold(w.text);
        inside
            || w.text.chars().all(|c| c.is_ascii_digit())
            || weekday_number(w.text).is_some()
            || DATELINE_WORDS.contains(&folded.trim_end_matches('.'))
    })
}

/// A byline: 'By Lena Varga', 'By Jane Roe and John Doe' — 'By' and two to six capitalised
/// names or connectors, no closing punctuation.
fn is_byline(ws: &[Word<'_>], ends_sentence: bool) -> bool {
    if ends_sentence || !(3..=7).contains(&ws.len()) || ws[0].text != "By" {
        return false;
    }
    ws[1..].iter().all(|w| {
        w.text.chars().next().is_some_and(char::is_uppercase)
            || matches!(w.text, "and" | "in" | "for" | "of" | "de" | "van" | "von")
    })
}

/// 'EditionASIA': lowercase followed by two capitals inside one word, the mark of menu items
/// glued together by a scraper.
fn is_glued(word: &str) -> bool {
    let cs: Vec<char> = word.chars().collect();
    cs.windows(3)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase() && w[2].is_uppercase())
}

/// The body: the contiguous run of lines that maximises prose words minus furniture and
/// fragment penalties (a maximum-subarray search, as in Finn et al.'s body text extraction).
/// Returns `(start, end)` line indexes, end-exclusive; `(0, 0)` when no line is prose.
pub fn body_range(lines: &[Line]) -> (usize, usize) {
    let weight = |l: &Line| -> i64 {
        match l.kind {
            LineKind::Prose => l.words as i64,
            LineKind::Furniture => -(8 + l.words as i64),
            LineKind::Heading => -3,
            LineKind::Other => -2,
        }
    };
    let (mut best, mut best_range) = (0i64, (0, 0));
    let (mut sum, mut start) = (0i64, 0);
    for (i, l) in lines.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += weight(l);
        if sum > best {
            best = sum;
            best_range = (start, i + 1);
        }
    }
    best_range
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> LineKind {
        classify_lines(line, &IngestConfig::default())[0].kind
    }

    #[test]
    fn datelines_bylines_and_spaced_menus_are_not_headings() {
        for l in [
            "June 4, 2025",
            "4 June 2025",
            "Published: Oct. 21, 2025",
            "Updated: Wednesday, June 4, 2025 18:30 GMT",
            "By Lena Varga",
            "By Jane Roe and John Doe",
        ] {
            assert_eq!(kind(l), LineKind::Furniture, "{l}");
        }
        assert_ne!(
            kind("Politics   World   Business   Culture"),
            LineKind::Heading
        );
        // A headline that holds a date, and a sentence starting with 'By', stay what they are.
        assert_eq!(
            kind("Voters go to the polls on 4 June 2025"),
            LineKind::Heading
        );
        assert_eq!(
            kind("By Friday the convoys had reached the city, officials said."),
            LineKind::Prose
        );
        // A sentence the page cut off at a comma is running text.
        assert_eq!(
            kind("The jury deliberated for hours before convicting Anna Berg,"),
            LineKind::Prose
        );
    }
}
