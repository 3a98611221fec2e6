//! Worst cases for time and memory: hostile or degenerate input, each built at a few sizes
//! that double, ingested and reconciled, the report serialised. Prints one line per case and
//! size with the seconds taken and the ratio to the size before it: linear time shows as a
//! ratio near 2 (the goal is at most ~2.2).
//!
//! `cargo bench --bench worst_case` (all cases), or `cargo bench --bench worst_case -- CASE
//! [MAX_SIZE]` for one. Timings on a shared machine are noisy; run a case twice before
//! reading much into one ratio.

#[path = "common/gen.rs"]
mod gen;
#[path = "common/sources.rs"]
mod sources;

use corroborate::Corpus;
use std::time::Instant;

/// One worst case: a name, the sizes to try, and the documents for a size.
struct Case {
    name: &'static str,
    what: &'static str,
    sizes: [usize; 3],
    build: fn(usize) -> Vec<(String, Vec<u8>)>,
}

const CASES: &[Case] = &[
    Case {
        name: "capitalised_run",
        what: "'Ukraine ' x N on one line",
        sizes: [10_000, 20_000, 40_000],
        build: |n| one("Ukraine ".repeat(n)),
    },
    Case {
        name: "surnames_line",
        what: "N distinct surnames on one line",
        sizes: [2_500, 5_000, 10_000],
        build: |n| one((0..n).map(|i| format!("{} ", surname(i))).collect()),
    },
    Case {
        name: "long_line",
        what: "one line of N bytes, no punctuation",
        sizes: [512 << 10, 1 << 20, 2 << 20],
        build: |n| one(words(n, 7)),
    },
    Case {
        name: "repeated_word",
        what: "'the ' repeated to N bytes, one line",
        sizes: [512 << 10, 1 << 20, 2 << 20],
        build: |n| one("the ".repeat(n / 4)),
    },
    Case {
        name: "repeated_sentence",
        what: "one sentence repeated to N bytes",
        sizes: [256 << 10, 512 << 10, 1 << 20],
        build: |n| one("The minister said the talks would resume on Monday. ".repeat(n / 52)),
    },
    Case {
        name: "tiny_files",
        what: "N one-sentence undated documents",
        sizes: [5_000, 10_000, 20_000],
        build: |n| {
            (0..n)
                .map(|i| {
                    (
                        format!("t{i}.txt"),
                        format!("{} met {} on day {i}.", surname(i), surname(i + 7)).into_bytes(),
                    )
                })
                .collect()
        },
    },
    Case {
        name: "copies",
        what: "N copies of one 60 KB article",
        sizes: [14, 28, 55],
        build: |n| {
            let a = article(60 << 10);
            (0..n)
                .map(|i| (format!("c{i}.txt"), a.clone().into_bytes()))
                .collect()
        },
    },
    Case {
        name: "edited_copies",
        what: "N copies of one 8 KB dated article, 3 words changed in each",
        sizes: [500, 1_000, 2_000],
        build: |n| {
            let a = format!("Published: 2024-05-01\n{}", article(8 << 10));
            let words: Vec<&str> = a.split(' ').collect();
            let mut rng = gen::Rng::new(7);
            (0..n)
                .map(|i| {
                    let mut w = words.clone();
                    for _ in 0..3 {
                        w[rng.range(4, words.len() - 1)] = "reportedly";
                    }
                    (format!("e{i}.txt"), w.join(" ").into_bytes())
                })
                .collect()
        },
    },
    Case {
        name: "short_edited_copies",
        what: "N copies of one 60-word dated text, 3 words changed in each (below the copy bar)",
        sizes: [500, 1_000, 2_000],
        build: short_edited_copies,
    },
    Case {
        name: "html_nesting",
        what: "an HTML page of N nested <div>s around text",
        sizes: [5_000, 10_000, 20_000],
        build: |n| {
            let page = format!(
                "<!DOCTYPE html><html><body>{}<p>{}</p>{}</body></html>",
                "<div>".repeat(n),
                article(4 << 10),
                "</div>".repeat(n)
            );
            one(page)
        },
    },
    Case {
        name: "html_paragraphs",
        what: "an HTML page of N paragraphs",
        sizes: [1_000, 2_000, 4_000],
        build: |n| {
            let body: String = (0..n)
                .map(|i| format!("<p>Paragraph {i}: {} said on Monday that the talks &amp; the visit would go on.</p>\n", surname(i)))
                .collect();
            one(format!("<!DOCTYPE html><html><head><title>T</title></head><body><article>{body}</article></body></html>"))
        },
    },
];

/// `n` copies of one short dated text with three words of each replaced by words of other
/// stories: their 5-gram overlap (about 0.5) is below the copy bar, so they are documents of
/// their own whose every term is in most of the corpus.
fn short_edited_copies(n: usize) -> Vec<(String, Vec<u8>)> {
    let text = article(8 << 10);
    let all: Vec<&str> = text.split_whitespace().collect();
    let (base, other) = all.split_at(60);
    let mut rng = gen::Rng::new(5);
    (0..n)
        .map(|i| {
            let mut w = base.to_vec();
            for _ in 0..3 {
                let at = rng.range(0, w.len() - 1);
                w[at] = other[rng.range(0, other.len() - 1)];
            }
            let body = format!("Published: 2024-05-01\n{}\n", w.join(" "));
            (format!("s{i}.txt"), body.into_bytes())
        })
        .collect()
}

fn one(text: String) -> Vec<(String, Vec<u8>)> {
    vec![("doc.txt".to_string(), text.into_bytes())]
}

/// A made-up surname, distinct for each `i`.
fn surname(i: usize) -> String {
    const A: &[&str] = &[
        "Kor", "Vel", "Mar", "Sten", "Dal", "Rus", "Pet", "Lind", "Hal", "Bor",
    ];
    const B: &[&str] = &[
        "ov", "enko", "sky", "berg", "son", "ić", "escu", "ak", "in", "ez",
    ];
    let mut s = String::new();
    let mut k = i;
    loop {
        s.push_str(A[k % 10]);
        k /= 10;
        if k == 0 {
            break;
        }
    }
    s.push_str(B[i % 10]);
    s
}

/// `n` bytes of lowercase words from a fixed vocabulary, no punctuation.
fn words(n: usize, seed: u64) -> String {
    const V: &[&str] = &[
        "talks",
        "would",
        "resume",
        "after",
        "the",
        "minister",
        "said",
        "border",
        "crossing",
        "new",
        "rules",
        "on",
        "monday",
        "officials",
        "agreed",
    ];
    let mut rng = gen::Rng::new(seed);
    let mut s = String::with_capacity(n + 16);
    while s.len() < n {
        s.push_str(V[rng.range(0, V.len() - 1)]);
        s.push(' ');
    }
    s
}

/// About `n` bytes of real news text: reference translations of the shared data, joined.
fn article(n: usize) -> String {
    let mut s = String::new();
    for src in sources::load() {
        for line in src.first().into_iter().flatten() {
            s.push_str(line);
            s.push('\n');
            if s.len() >= n {
                return s;
            }
        }
    }
    s
}

fn run(docs: &[(String, Vec<u8>)]) -> (f64, usize, usize) {
    let t = Instant::now();
    let mut corpus = Corpus::new();
    for r in corpus.add_all_bytes(docs) {
        r.expect("worst-case input is accepted");
    }
    let mut stages: Vec<(corroborate::Stage, Instant)> = Vec::new();
    let report = corpus.reconcile_with_progress(|p| stages.push((p.stage, Instant::now())));
    if std::env::var_os("WORST_CASE_STAGES").is_some() {
        let line: Vec<String> = stages
            .windows(2)
            .map(|w| format!("{:?} {:.2}", w[0].0, (w[1].1 - w[0].1).as_secs_f64()))
            .collect();
        eprintln!("  stages (s): {}", line.join(", "));
    }
    let mut sink = std::io::sink();
    report.write_json(&mut sink).expect("serialises");
    let secs = t.elapsed().as_secs_f64();
    (secs, report.alignments.len(), report.events.len())
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let only = args.first().map(String::as_str);
    let max: Option<usize> = args.get(1).and_then(|s| s.parse().ok());
    println!(
        "{:<20} {:>7} {:>9} {:>7} {:>11} {:>7}  what",
        "case", "size", "seconds", "ratio", "alignments", "events"
    );
    for case in CASES.iter().filter(|c| only.is_none_or(|o| o == c.name)) {
        let mut prev: Option<f64> = None;
        for &size in case.sizes.iter().filter(|&&s| max.is_none_or(|m| s <= m)) {
            let docs = (case.build)(size);
            if let Some(dir) = std::env::var_os("WORST_CASE_DUMP") {
                let dir = std::path::Path::new(&dir).join(format!("{}-{size}", case.name));
                std::fs::create_dir_all(&dir).expect("dump directory");
                for (name, bytes) in &docs {
                    std::fs::write(dir.join(name), bytes).expect("dump file");
                }
            }
            let (secs, aligned, events) = run(&docs);
            let ratio = prev.map_or("".to_string(), |p| format!("{:.2}", secs / p.max(1e-6)));
            println!(
                "{:<20} {:>7} {:>9.3} {:>7} {:>11} {:>7}  {}",
                case.name, size, secs, ratio, aligned, events, case.what
            );
            prev = Some(secs);
        }
    }
}
