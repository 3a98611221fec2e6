//! Lexicon files: the plain-text format every built-in word list uses, so a user can extend
//! them with files of the same form.
//!
//! One entry per line; `#` starts a comment line; blank lines are skipped; an optional tag
//! follows the entry after a TAB.

use crate::error::{Error, Result};

/// Parses `ENTRY[<TAB>TAG]` lines; entries are lowercased and trimmed.
pub fn parse_tagged_list(name: &str, text: &str) -> Result<Vec<(String, Option<String>)>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let mut parts = line.split('\t');
        let entry = parts.next().unwrap_or("").trim().to_lowercase();
        let tag = parts
            .next()
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty());
        if entry.is_empty() {
            return Err(Error::Lexicon {
                name: name.into(),
                line: i + 1,
                message: "empty entry".into(),
            });
        }
        if parts.next().is_some() {
            return Err(Error::Lexicon {
                name: name.into(),
                line: i + 1,
                message: "more than two TAB-separated fields".into(),
            });
        }
        out.push((entry, tag));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_tags_and_comments() {
        let l = parse_tagged_list("t", "# c\nMr\talways\n\nshare\n").unwrap();
        assert_eq!(
            l,
            vec![("mr".into(), Some("always".into())), ("share".into(), None)]
        );
        assert!(matches!(
            parse_tagged_list("t", "a\tb\tc"),
            Err(Error::Lexicon { line: 1, .. })
        ));
    }
}
