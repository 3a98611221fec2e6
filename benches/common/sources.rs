//! Source articles for the benchmarks: the real parallel news of `../shared/data` through
//! [`gen`](super::gen) when it is there, else a small deterministic synthetic stand-in with
//! the same shape (several translations per source, one segment per line), so that the
//! benchmarks always compile and run.

#![allow(dead_code)]

use super::gen::{self, Rng, Source};

/// The real sources when `../shared/data` is present, else synthetic ones.
pub fn load() -> Vec<Source> {
    let dirs = gen::default_dirs();
    let real = gen::load_sources(&dirs.iter().map(|p| p.as_path()).collect::<Vec<_>>());
    if real.is_empty() {
        eprintln!("benches: ../shared/data not found, using synthetic sources");
        synthetic(37, 5, 45, 7)
    } else {
        real
    }
}

/// `n` sources of `versions` translations of `lines` segments each: every source has its own
/// cast of invented names and its own topic words; translations differ by word substitutions.
pub fn synthetic(n: usize, versions: usize, lines: usize, seed: u64) -> Vec<Source> {
    const COMMON: &[&str] = &[
        "the",
        "said",
        "on",
        "in",
        "of",
        "a",
        "to",
        "and",
        "would",
        "after",
        "talks",
        "officials",
        "minister",
        "government",
        "statement",
        "city",
        "week",
        "agreed",
        "reported",
        "according",
    ];
    const SYLLABLES: &[&str] = &[
        "ka", "ro", "vin", "sel", "mar", "tov", "ena", "lis", "dor", "bre", "hal", "ost", "ku",
        "zan", "pel", "ria", "gor", "nes", "tal", "vik",
    ];
    let mut rng = Rng::new(seed);
    let word = |rng: &mut Rng, cap: bool| {
        let k = rng.range(2, 3);
        let mut w: String = (0..k)
            .map(|_| SYLLABLES[rng.range(0, SYLLABLES.len() - 1)])
            .collect();
        if cap {
            w = w[..1].to_uppercase() + &w[1..];
        }
        w
    };
    (0..n)
        .map(|_| {
            let names: Vec<String> = (0..6).map(|_| word(&mut rng, true)).collect();
            let topic: Vec<String> = (0..40).map(|_| word(&mut rng, false)).collect();
            let base: Vec<Vec<String>> = (0..lines)
                .map(|_| {
                    let len = rng.range(10, 25);
                    (0..len)
                        .map(|i| match rng.range(0, 9) {
                            0 | 1 => names[rng.range(0, names.len() - 1)].clone(),
                            2..=5 => topic[rng.range(0, topic.len() - 1)].clone(),
                            6 if i > 0 => rng.range(2, 500).to_string(),
                            _ => COMMON[rng.range(0, COMMON.len() - 1)].to_string(),
                        })
                        .collect()
                })
                .collect();
            (0..versions)
                .map(|_| {
                    base.iter()
                        .map(|words| {
                            let mut s: Vec<String> = words
                                .iter()
                                .map(|w| {
                                    if rng.chance(0.15) {
                                        COMMON[rng.range(0, COMMON.len() - 1)].to_string()
                                    } else {
                                        w.clone()
                                    }
                                })
                                .collect();
                            if let Some(first) = s.first_mut() {
                                *first = first[..1].to_uppercase() + &first[1..];
                            }
                            s.join(" ") + "."
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}
