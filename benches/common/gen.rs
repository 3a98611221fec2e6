//! Deterministic synthetic corpora for benchmarks, built from the real parallel news in
//! `../shared/data/{ruen-news,zhen-news-mqm}` (one folder = one article: a human reference
//! and ten machine translations, one segment per line).
//!
//! An event recombines three source articles (the first third of one, the middle of another,
//! the end of a third), so that the 37 sources yield thousands of distinct events; each of its
//! articles takes each part from a random translation of that source, so the copies differ as
//! outlets and machine translations do, and a share of them have their names re-spelled with
//! transliteration variants (-ov/-off, -y/-i, kh/h, w/v). Each event gets its own dateline.

#![allow(dead_code)]

use std::path::Path;

/// One source article: its translations, each a list of segments (lines).
pub type Source = Vec<Vec<String>>;

/// Reads every source folder under each of `dirs` (folders holding `*.txt` files).
pub fn load_sources(dirs: &[&Path]) -> Vec<Source> {
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(rd) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut folders: Vec<_> = rd
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        folders.sort();
        for f in folders {
            let Ok(rd) = std::fs::read_dir(&f) else {
                continue;
            };
            let mut files: Vec<_> = rd
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            let docs: Source = files
                .iter()
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .map(|t| t.lines().map(str::to_string).collect())
                .collect();
            if docs.len() >= 2 && docs.iter().all(|d| d.len() >= 6) {
                out.push(docs);
            }
        }
    }
    out
}

/// The shared data folders, relative to the crate root.
pub fn default_dirs() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    vec![root.join("ruen-news"), root.join("zhen-news-mqm")]
}

/// SplitMix64: a small, fast, deterministic generator.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as usize
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// A generated article.
pub struct Article {
    /// File-name-like id.
    pub id: String,
    /// Raw text with headline and dateline.
    pub text: String,
    /// Index of the event it was generated for (the ground truth).
    pub event: usize,
}

/// Generates `n` articles in events of `min_event..=max_event` articles.
pub fn generate(
    sources: &[Source],
    n: usize,
    min_event: usize,
    max_event: usize,
    seed: u64,
) -> Vec<Article> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(n);
    let mut event = 0;
    // Base date 2024-01-01 as days; events a week or more apart.
    let mut day: i64 = 0;
    while out.len() < n && !sources.is_empty() {
        let size = rng.range(min_event, max_event).min(n - out.len());
        let parts = [
            rng.range(0, sources.len() - 1),
            rng.range(0, sources.len() - 1),
            rng.range(0, sources.len() - 1),
        ];
        day += rng.range(7, 12) as i64;
        let date = iso_date(day);
        for k in 0..size {
            let mut lines: Vec<String> = Vec::new();
            for (p, &src) in parts.iter().enumerate() {
                let source = &sources[src];
                let doc = &source[rng.range(0, source.len() - 1)];
                let len = doc.len();
                let (lo, hi) = (len * p / 3, len * (p + 1) / 3);
                let from = if p == 0 { lo } else { lo.max(1) };
                lines.extend(doc[from..hi].iter().cloned());
            }
            let respell = rng.chance(0.3);
            let mut text = String::new();
            if let Some((head, body)) = lines.split_first() {
                text.push_str(head);
                text.push_str(&format!(
                    "\n\nNews Service | Updated: {date} 12:00\nShare\n\n"
                ));
                for l in body {
                    let l = if respell {
                        respell_names(l, &mut rng)
                    } else {
                        l.clone()
                    };
                    text.push_str(&l);
                    text.push('\n');
                }
            }
            out.push(Article {
                id: format!("ev{event:05}_{k:02}.txt"),
                text,
                event,
            });
        }
        event += 1;
    }
    out
}

/// Re-spells capitalised words with transliteration variants.
fn respell_names(line: &str, rng: &mut Rng) -> String {
    line.split(' ')
        .map(|w| {
            let cap =
                w.chars().next().is_some_and(char::is_uppercase) && w.len() >= 5 && w.is_ascii();
            if !cap || !rng.chance(0.5) {
                return w.to_string();
            }
            let rules: [(&str, &str); 6] = [
                ("ov", "off"),
                ("y", "i"),
                ("kh", "h"),
                ("w", "v"),
                ("ii", "iy"),
                ("ya", "ia"),
            ];
            let (a, b) = rules[rng.range(0, rules.len() - 1)];
            w.replacen(a, b, 1)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn iso_date(day: i64) -> String {
    // Civil from days since 2024-01-01 (Howard Hinnant's algorithm, shifted).
    let z = day + 19723 + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    format!("{y:04}-{m:02}-{d:02}")
}

/// A corpus holding `arts`, ingested as a batch (in parallel); generated articles are valid.
pub fn corpus(arts: &[Article]) -> corroborate::Corpus {
    let mut corpus = corroborate::Corpus::new();
    let docs: Vec<(&str, &str)> = arts
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    for r in corpus.add_all_bytes(&docs) {
        r.expect("generated articles are valid");
    }
    corpus
}
