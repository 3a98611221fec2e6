//! Any input: byte-order marks and UTF-16 alike through every entry point, invisible-only
//! text refused, refused inputs recorded in the report, ids that keep their paths, and HTML
//! pages whose sentence spans bound the visible text in the original bytes.

use corroborate::input;
use corroborate::{Corpus, Error, Format};
use proptest::prelude::*;

const ARTICLE: &str = "Talks in Vienna\n\nForeign minister Anna Berg said on Monday that the talks would last three days.\n";

#[test]
fn a_byte_order_mark_is_read_alike_by_add_and_add_bytes() {
    let with_bom = format!("\u{FEFF}{ARTICLE}");
    let mut a = Corpus::new();
    a.add("a", &with_bom).unwrap();
    let mut b = Corpus::new();
    b.add_bytes("a", with_bom.as_bytes()).unwrap();
    let (ra, rb) = (a.reconcile(), b.reconcile());
    assert_eq!(ra, rb);
    let s = &ra.documents[0].sentences[0];
    // Offsets count the mark: they index the input as given.
    assert_eq!(&with_bom[s.start..s.end], s.text);
    assert_eq!(a.documents()[0].text, ARTICLE);
}

#[test]
fn utf16_files_are_decoded_and_spans_index_their_bytes() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes));
    let mut c = Corpus::new();
    c.add_bytes("u16.txt", &bytes).unwrap();
    let r = c.reconcile();
    let s = r.documents[0].sentences.last().unwrap();
    assert!(s.text.starts_with("Foreign minister"));
    let units: Vec<u16> = bytes[s.start..s.end]
        .chunks(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]))
        .collect();
    assert_eq!(String::from_utf16(&units).unwrap(), s.text);
}

#[test]
fn invisible_only_text_is_refused_like_whitespace() {
    let mut c = Corpus::new();
    for (id, t) in [
        ("nbsp", "\u{A0}\u{A0}\n"),
        ("ideographic", "\u{3000}\u{3000}"),
        ("zero-width", "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}"),
        ("mixed", " \u{A0}\u{200B}\t\u{3000}\n"),
    ] {
        assert_eq!(
            c.add(id, t).unwrap_err(),
            Error::EmptyDocument { id: id.into() },
            "{id}"
        );
        assert!(c.add_bytes(id, t.as_bytes()).is_err(), "{id}");
    }
}

#[test]
fn invalid_utf8_text_names_the_offset_and_an_html_page_falls_back_to_its_charset() {
    let mut c = Corpus::new();
    assert_eq!(
        c.add_bytes("bad.txt", b"Some text \xC3\x28 here")
            .unwrap_err(),
        Error::InvalidUtf8 {
            id: "bad.txt".into(),
            offset: 10
        }
    );
    let page = b"<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>Caf\xE9 talks</title></head><body><article><p>The caf\xE9 owners met on Monday and agreed on new opening hours for the whole street.</p></article></body></html>";
    c.add_bytes("page.html", page).unwrap();
    let r = c.reconcile();
    let d = &r.documents[0];
    assert_eq!(d.format, Format::Html);
    let s = &d.sentences[0];
    assert!(s.text.contains("café owners"), "{}", s.text);
    assert_eq!(&page[s.start..s.end][..8], b"The caf\xE9");
}

#[test]
fn refused_inputs_are_listed_and_the_others_reconciled() {
    let dir = std::env::temp_dir().join(format!("corroborate-input-{}", std::process::id()));
    for sub in ["x", "y"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        std::fs::write(dir.join(sub).join("reference.txt"), ARTICLE).unwrap();
    }
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    let paths = vec![
        dir.join("x/reference.txt"),
        dir.join("y/reference.txt"),
        dir.join("empty.txt"),
        dir.join("missing.txt"),
    ];
    let read = input::read_paths(&paths, &input::ReadOptions::default());
    assert!(matches!(
        &read.refused[..],
        [input::Refused {
            error: Error::Io {
                kind: std::io::ErrorKind::NotFound,
                ..
            },
            ..
        }]
    ));
    let mut c = Corpus::new();
    input::refuse_unread(&mut c, &read);
    let results = input::add_to(&mut c, &read.inputs);
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 2);
    let r = c.reconcile();
    let ids: Vec<&str> = r.documents.iter().map(|d| d.id.as_str()).collect();
    assert!(ids[0].ends_with("x/reference.txt") && ids[1].ends_with("y/reference.txt"));
    let refused: Vec<&str> = r.refused.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert!(refused[0].ends_with("missing.txt") && refused[1] == "empty.txt");
    assert!(r.refused[0].error.contains("missing.txt"));
    let json = r.to_json();
    assert!(json.contains("\"refused\"") && json.contains("\"format\": \"text\""));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_html_page_is_read_as_an_article() {
    let page = r#"<!DOCTYPE html>
<html><head>
<title>Ministers agree on border crossings | Example News</title>
<meta property="og:title" content="Ministers agree on border crossings">
<meta property="article:published_time" content="2024-05-02T10:00:00Z">
<script>var nav = "<p>not text</p>";</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/share">Share on Facebook</a></nav>
<article>
<h1>Ministers agree on border crossings</h1>
<p>BRUSSELS &mdash; Ministers from twelve countries agreed on Thursday to open two new border
crossings, officials said. The &ldquo;Eastern&rdquo; crossing will open first.</p>
<p>Mr.&nbsp;Jansen, who led the talks, said the crossings would open by <b>Feb.&nbsp;28</b> next year
&amp; that more could follow.</p>
</article>
<aside><h3>Related Articles</h3><ul><li><a href="/a">Storm hits coast</a></li><li><a href="/b">Markets fall</a></li></ul></aside>
<footer>Copyright 2024 Example News. All rights reserved.</footer>
</body></html>"#;
    let mut c = Corpus::new();
    c.add("p.html", page).unwrap();
    let r = c.reconcile();
    let d = &r.documents[0];
    assert_eq!(d.format, Format::Html);
    assert_eq!(
        d.title.as_deref(),
        Some("Ministers agree on border crossings")
    );
    assert_eq!(d.published.as_deref(), Some("2024-05-02"));
    let texts: Vec<&str> = d.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "BRUSSELS — Ministers from twelve countries agreed on Thursday to open two new border crossings, officials said.",
            "The “Eastern” crossing will open first.",
            "Mr. Jansen, who led the talks, said the crossings would open by Feb. 28 next year & that more could follow.",
        ]
    );
    for s in &d.sentences {
        assert_eq!(visible(&page[s.start..s.end]), s.text);
    }
    assert!(!r.entities.iter().any(|e| e.canonical == "Facebook"));
}

/// What a reader sees in a piece of markup: tags out, entities decoded, whitespace collapsed
/// (an independent, naive reading for the tests).
fn visible(markup: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = htmlize::unescape(out).into_owned();
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Sentences of generated pages bound their visible text in the original bytes.
    #[test]
    fn html_spans_bound_their_visible_text(
        paras in prop::collection::vec(
            prop::collection::vec((0usize..12, 0usize..5), 8..40), 2..6)
    ) {
        const WORDS: &[&str] = &["talks", "Vienna", "minister", "said", "caf&eacute;", "&amp;", "border", "Monday", "&#8220;quoted&#8221;", "three", "days", "officials"];
        const WRAP: &[(&str, &str)] = &[("", ""), ("<b>", "</b>"), ("<a href=\"/x\">", "</a>"), ("<span class='s'>", "</span>"), ("", "\n  ")];
        let mut body = String::new();
        for p in &paras {
            body.push_str("<p>");
            for (i, &(w, t)) in p.iter().enumerate() {
                let (open, close) = WRAP[t];
                body.push_str(&format!("{open}{}{close}", WORDS[w]));
                body.push_str(if i % 9 == 8 { ". " } else { " " });
            }
            body.push_str("end of it.</p>\n");
        }
        let page = format!("<!DOCTYPE html><html><head><title>A page</title></head><body><nav>Home | World</nav><article><h1>A page</h1>{body}</article><footer>Copyright</footer></body></html>");
        let mut c = Corpus::new();
        c.add("p.html", &page).unwrap();
        let r = c.reconcile();
        for s in &r.documents[0].sentences {
            prop_assert!(s.start < s.end && s.end <= page.len());
            prop_assert_eq!(visible(&page[s.start..s.end]), s.text.clone());
        }
    }
}
