//! Criterion benchmarks of the pipeline stages.

use corroborate::Corpus;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn sample() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/sample");
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| {
                    Some((
                        e.file_name().to_string_lossy().into_owned(),
                        std::fs::read_to_string(e.path()).ok()?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn bench_ingest(c: &mut Criterion) {
    let docs = sample();
    c.bench_function("ingest sample corpus", |b| {
        b.iter(|| {
            let mut corpus = Corpus::new();
            for (id, text) in &docs {
                corpus.add(id, text).unwrap();
            }
            black_box(corpus)
        })
    });
}

fn bench_reconcile(c: &mut Criterion) {
    let mut corpus = Corpus::new();
    for (id, text) in sample() {
        corpus.add(&id, &text).unwrap();
    }
    c.bench_function("reconcile sample corpus", |b| {
        b.iter(|| black_box(corpus.reconcile()))
    });
}

criterion_group!(benches, bench_ingest, bench_reconcile);
criterion_main!(benches);
