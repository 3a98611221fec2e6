//! Criterion benchmarks of name clustering at scale: 10k and 100k distinct, deterministically
//! generated names (syllable compounds with transliteration-style variants mixed in); and
//! the worst cases of mention extraction, which must scale linearly (doubling the input at
//! most ~2.2× the time): one run of 10k / 20k / 40k capitalised words ('Ukraine Ukraine
//! ...') and 5k / 10k distinct surnames in one sentence.

use corroborate::{api, Config};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;

/// `n` distinct names from a fixed linear congruential generator.
fn generate(n: usize) -> Vec<String> {
    const ONSETS: &[&str] = &[
        "b", "ch", "d", "f", "g", "h", "k", "kh", "l", "m", "n", "p", "r", "s", "sh", "t", "ts",
        "v", "w", "y", "z", "zh", "br", "st", "tr",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "y", "ia", "io", "ou"];
    const CODAS: &[&str] = &["", "", "n", "v", "ff", "k", "sk", "r", "l", "s", "ch", "m"];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |m: usize| -> usize {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % m
    };
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let syllables = 2 + next(3);
        let mut s = String::new();
        for _ in 0..syllables {
            s.push_str(ONSETS[next(ONSETS.len())]);
            s.push_str(VOWELS[next(VOWELS.len())]);
        }
        s.push_str(CODAS[next(CODAS.len())]);
        let mut name: String = s[..1].to_uppercase();
        name.push_str(&s[1..]);
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

fn bench_cluster(c: &mut Criterion) {
    let cfg = Config::default();
    let mut group = c.benchmark_group("cluster_names");
    group.sample_size(10);
    for n in [10_000usize, 100_000] {
        let names = generate(n);
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        group.bench_with_input(BenchmarkId::from_parameter(n), &refs, |b, refs| {
            b.iter(|| black_box(api::cluster_names(refs, &cfg)))
        });
    }
    group.finish();
}

/// Ingests `text` and finds its names (`api::profile`: ingestion and the names stage).
fn resolve_text(text: &str, config: &Config) -> usize {
    api::profile("worst", text, None, config)
        .expect("valid text")
        .names
        .len()
}

fn bench_worst_cases(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("names_worst_case");
    group.sample_size(10);
    for n in [10_000usize, 20_000, 40_000] {
        let text = "Ukraine ".repeat(n);
        group.bench_with_input(BenchmarkId::new("capitalised_run", n), &text, |b, t| {
            b.iter(|| black_box(resolve_text(t, &config)))
        });
    }
    for n in [5_000usize, 10_000] {
        let text = format!(
            "Talks\n\nThe list: {} and Smith met.",
            generate(n).join(", ")
        );
        group.bench_with_input(BenchmarkId::new("surnames_one_line", n), &text, |b, t| {
            b.iter(|| black_box(resolve_text(t, &config)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_cluster, bench_worst_cases);
criterion_main!(benches);
