//! Finding extracted text in the page it came from. An extractor returns paragraphs of plain
//! text; each is looked up, whitespace aside, in the page's visible characters, in reading
//! order, so every sentence keeps the bytes it was read from.

use super::visible::{is_invisible, Visible, BLOCK};

/// The visible-character ranges (indexes into [`Visible::chars`], end-exclusive) of the
/// `paragraphs` an extractor returned, in their order. A paragraph that does not occur as a
/// whole is looked up cell by cell (a table row comes back as cells joined by ' | ') and
/// sentence by sentence (an extractor may drop an inline widget in the middle of one); text that does not occur at all is left out. Searching is bounded by a
/// fixed multiple of the page's visible text, however the paragraphs look.
pub(crate) fn locate<'a>(
    v: &Visible,
    paragraphs: impl IntoIterator<Item = &'a str>,
) -> Vec<(usize, usize)> {
    let mut search = Search {
        v,
        cursor: 0,
        budget: 64 * v.flat.len() + (1 << 20),
    };
    let mut out = Vec::new();
    for para in paragraphs {
        let needle = squeeze(para);
        if needle.is_empty() {
            continue;
        }
        if let Some(r) = search.find(&needle) {
            out.push(r);
            continue;
        }
        // Piece by piece: table cells, and runs between sentence-ending punctuation.
        let mut run: Option<(usize, usize)> = None;
        for piece in para
            .split(" | ")
            .map(squeeze)
            .flat_map(|cell| pieces(&cell).map(str::to_string).collect::<Vec<_>>())
        {
            match (search.find(&piece), run) {
                (Some(r), Some(open)) if r.0 == open.1 => {
                    run = Some((open.0, r.1));
                }
                (Some(r), Some(open)) => {
                    out.push(open);
                    run = Some(r);
                }
                (Some(r), None) => run = Some(r),
                (None, _) => {}
            }
        }
        out.extend(run);
    }
    merge_runs(v, out)
}

/// Joins ranges that continue one another inside one block of the page (an extractor
/// breaks a paragraph where the source had a line break).
fn merge_runs(v: &Visible, ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last)
                if last.1 == r.0 && v.chars.get(r.0).is_some_and(|c| c.flags & BLOCK == 0) =>
            {
                last.1 = r.1;
            }
            _ => out.push(r),
        }
    }
    out
}

/// `text` without whitespace and invisible characters: the form both sides are compared in.
pub(crate) fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .collect()
}

/// Pieces of a squeezed paragraph or table cell, each ending after '.', '!', '?' or ';' (at least 12 bytes
/// long, so a piece is distinctive).
fn pieces(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = rest
            .char_indices()
            .find(|&(i, c)| i >= 12 && matches!(c, '.' | '!' | '?' | ';'))
            .map_or(rest.len(), |(i, c)| i + c.len_utf8());
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

/// A reading-order search over the page's squeezed visible text.
struct Search<'v> {
    v: &'v Visible,
    /// Byte offset in `flat` after the last match.
    cursor: usize,
    /// Bytes of `flat` the remaining searches may still scan.
    budget: usize,
}

impl Search<'_> {
    /// The character range of `needle`'s next occurrence after the cursor, else of its first
    /// occurrence before it (an extractor may move a block, such as a lead above the headline).
    fn find(&mut self, needle: &str) -> Option<(usize, usize)> {
        let flat = &self.v.flat;
        let ahead = flat.get(self.cursor..)?;
        let hit = self
            .scan(ahead, needle)
            .map(|i| self.cursor + i)
            .or_else(|| {
                let behind = flat.get(..self.cursor)?;
                self.scan(behind, needle)
            })?;
        let end = hit + needle.len();
        self.cursor = self.cursor.max(end);
        let char_at = |b: usize| self.v.chars.partition_point(|c| (c.flat as usize) < b);
        Some((char_at(hit), char_at(end)))
    }

    /// Searches `hay`, charging the budget for the bytes scanned.
    fn scan(&mut self, hay: &str, needle: &str) -> Option<usize> {
        if self.budget == 0 {
            return None;
        }
        let hit = hay.find(needle);
        let cost = hit.map_or(hay.len(), |i| i + needle.len());
        self.budget = self.budget.saturating_sub(cost);
        hit
    }
}

#[cfg(test)]
mod tests {
    use super::super::visible::read;
    use super::*;

    #[test]
    fn paragraphs_are_found_in_order_across_tags_and_entities() {
        let page = "<nav>Home</nav><p>First &amp; <b>best</b>.</p><div>Ad</div><p>Second one. Third one here!</p>";
        let v = read(page);
        let got = locate(&v, ["First & best.", "Second one. Third one here!"]);
        let text = |(a, b): (usize, usize)| {
            let (s, e) = (
                v.chars[a].flat as usize,
                v.chars.get(b).map_or(v.flat.len(), |c| c.flat as usize),
            );
            v.flat[s..e].to_string()
        };
        assert_eq!(
            got.iter().map(|&r| text(r)).collect::<Vec<_>>(),
            vec!["First&best.", "Secondone.Thirdonehere!"]
        );
    }

    #[test]
    fn a_paragraph_with_a_dropped_insert_is_found_in_pieces() {
        let page = "<p>The talks began on Monday in Vienna. <span>Advertisement</span> They will last three days.</p>";
        let v = read(page);
        let got = locate(
            &v,
            ["The talks began on Monday in Vienna. They will last three days."],
        );
        assert_eq!(got.len(), 2);
        assert!(locate(&v, ["Nothing like it"]).is_empty());
    }
}
