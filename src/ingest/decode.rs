//! Raw bytes to text. UTF-8 is read as it is; a byte-order mark says UTF-8 or UTF-16 (and
//! is skipped); UTF-16 without one is recognised by its zero bytes; an HTML page that is not
//! valid UTF-8 is read in the charset its `<meta>` declares (or windows-1252, as browsers
//! do), decoded with encoding_rs. Whenever the text is not the bytes themselves, an
//! [`OffsetMap`] leads it back to them.

use super::html::looks_like_html;
use crate::error::{Error, Result};
use crate::origin::OffsetMap;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// Bytes read as text.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// Leads offsets of `text` back to the bytes, when they differ (a byte-order mark
    /// skipped, another encoding transcoded); `None` when `text` is the bytes.
    pub map: Option<OffsetMap>,
}

/// Reads `bytes` (the input named `id`) as text; see the module documentation for how the
/// encoding is chosen. Plain text that is not valid UTF-8 is refused with the offset of the
/// first bad byte.
pub fn decode<'a>(id: &str, bytes: &'a [u8]) -> Result<Decoded<'a>> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let rest = &bytes[bom..];
        if enc == UTF_8 {
            let text = utf8(id, rest, bom)?;
            let mut map = OffsetMap::new();
            map.copy(0, bom, text.len());
            return Ok(Decoded {
                text: Cow::Borrowed(text),
                map: Some(map),
            });
        }
        return Ok(utf16(rest, bom, enc == UTF_16BE));
    }
    if let Some(big_endian) = utf16_without_bom(bytes) {
        return Ok(utf16(bytes, 0, big_endian));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            map: None,
        }),
        Err(e) => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
            if !looks_like_html(&head) {
                return Err(Error::InvalidUtf8 {
                    id: id.to_string(),
                    offset: e.valid_up_to(),
                });
            }
            let enc = declared_charset(bytes)
                .filter(|e| *e != UTF_8)
                .unwrap_or(WINDOWS_1252);
            Ok(transcode(bytes, enc))
        }
    }
}

/// `bytes` as UTF-8; an error names the offset in the input (`skipped` bytes before them).
fn utf8<'a>(id: &str, bytes: &'a [u8], skipped: usize) -> Result<&'a str> {
    std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        id: id.to_string(),
        offset: skipped + e.valid_up_to(),
    })
}

/// Which UTF-16 a text without a byte-order mark is in, when its zero bytes say so: in
/// mostly-Latin UTF-16 every other byte is zero, which UTF-8 text never has.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= pairs * 3 && even * 20 < pairs {
        Some(false)
    } else if even * 10 >= pairs * 3 && odd * 20 < pairs {
        Some(true)
    } else {
        None
    }
}

/// UTF-16 `bytes` (which start at offset `base` of the input) decoded; an unpaired
/// surrogate or a trailing odd byte becomes U+FFFD.
fn utf16(bytes: &[u8], base: usize, big_endian: bool) -> Decoded<'static> {
    let units = bytes.chunks(2).map(|p| match (p, big_endian) {
        ([a, b], false) => u16::from_le_bytes([*a, *b]),
        ([a, b], true) => u16::from_be_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut map = OffsetMap::new();
    let mut src = base;
    for c in char::decode_utf16(units) {
        let (c, width) = match c {
            Ok(c) => (c, if c.len_utf16() == 2 { 4 } else { 2 }),
            Err(_) => ('\u{FFFD}', 2),
        };
        let width = width.min(base + bytes.len() - src);
        let at = text.len();
        text.push(c);
        if c.is_ascii() && width == 2 {
            map.double(at, src, 1);
        } else {
            map.whole(at, c.len_utf8(), src, width);
        }
        src += width;
    }
    Decoded {
        text: Cow::Owned(text),
        map: Some(map),
    }
}

/// The charset a page declares in its first 1024 bytes (`<meta charset>`, or `<meta
/// http-equiv="Content-Type" content="...; charset=...">`), as the HTML standard's prescan
/// reads it. A declared UTF-16 means UTF-8 (the page could not declare it otherwise).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    use html5gum::{Token, Tokenizer};
    let head = &bytes[..bytes.len().min(1024)];
    for token in Tokenizer::new(head).flatten() {
        let Token::StartTag(tag) = token else {
            continue;
        };
        if &*tag.name != b"meta" {
            continue;
        }
        let attr = |k: &str| {
            tag.attributes
                .get(k.as_bytes())
                .map(|v| String::from_utf8_lossy(v).into_owned())
        };
        let label = attr("charset").or_else(|| {
            let equiv = attr("http-equiv")?;
            if !equiv.trim().eq_ignore_ascii_case("content-type") {
                return None;
            }
            let content = attr("content")?.to_ascii_lowercase();
            let at = content.find("charset=")? + "charset=".len();
            let value = content[at..].trim_start_matches(['"', '\'']);
            Some(value.split(['"', '\'', ';', ' ']).next()?.to_string())
        });
        if let Some(enc) = label.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
            return Some(if enc == UTF_16LE || enc == UTF_16BE {
                UTF_8
            } else {
                enc
            });
        }
    }
    None
}

/// `bytes` decoded from `enc`, with the map back. Single-byte encodings map each byte to one
/// character; others are decoded a byte at a time to see which bytes make which characters.
fn transcode(bytes: &[u8], enc: &'static Encoding) -> Decoded<'static> {
    let mut map = OffsetMap::new();
    let text = if enc.is_single_byte() {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        for ((at, c), src) in text.char_indices().zip(0..) {
            if c.is_ascii() {
                map.copy(at, src, 1);
            } else {
                map.whole(at, c.len_utf8(), src, 1);
            }
        }
        text.into_owned()
    } else {
        let mut decoder = enc.new_decoder_without_bom_handling();
        let mut text = String::with_capacity(bytes.len() * 3 / 2);
        let mut pending = 0;
        for i in 0..bytes.len() {
            let before = text.len();
            text.reserve(16);
            let last = i + 1 == bytes.len();
            let _ = decoder.decode_to_string(&bytes[i..=i], &mut text, last);
            if text.len() > before {
                let (n, width) = (text.len() - before, i + 1 - pending);
                if n == 1 && width == 1 {
                    map.copy(before, pending, 1);
                } else {
                    map.whole(before, n, pending, width);
                }
                pending = i + 1;
            }
        }
        text
    };
    Decoded {
        text: Cow::Owned(text),
        map: Some(map),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("a", b"plain").unwrap();
        assert!(matches!(d.text, Cow::Borrowed("plain")) && d.map.is_none());
        let d = decode("a", b"\xEF\xBB\xBFhi").unwrap();
        assert_eq!(d.text, "hi");
        assert_eq!(d.map.unwrap().map(Span::new(0, 2)), Span::new(3, 5));
        assert_eq!(
            decode("a", b"ok \xff").unwrap_err(),
            Error::InvalidUtf8 {
                id: "a".into(),
                offset: 3
            }
        );
        assert_eq!(
            decode("a", b"\xEF\xBB\xBFok \xff").unwrap_err(),
            Error::InvalidUtf8 {
                id: "a".into(),
                offset: 6
            }
        );
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let le: Vec<u8> = "\u{FEFF}Kyiv – Київ"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode("a", &le).unwrap();
        assert_eq!(d.text, "Kyiv – Київ");
        assert_eq!(
            d.map.as_ref().unwrap().map(Span::new(0, 4)),
            Span::new(2, 10)
        );
        let be: Vec<u8> = "Talks in Vienna"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let d = decode("a", &be).unwrap();
        assert_eq!(d.text, "Talks in Vienna");
    }

    #[test]
    fn a_page_in_its_declared_charset() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9 cr\xE8me</p></body></html>";
        let d = decode("p", page).unwrap();
        assert!(d.text.contains("Café crème"));
        let at = d.text.find("crème").unwrap();
        let span = d.map.unwrap().map(Span::new(at, at + "crème".len()));
        assert_eq!(&page[span.start..span.end], b"cr\xE8me");
        let sjis = b"<html><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>\x93\xfa\x96\x7b</p>";
        let d = decode("j", sjis).unwrap();
        assert!(d.text.contains("日本"), "{}", d.text);
    }
}
