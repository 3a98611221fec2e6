//! Criterion benchmark of the whole pipeline at scale: `Corpus::reconcile` on 100 and 1,000
//! generated articles (events of 5–50 articles, the corpus of the `scale` example), ingest
//! of the 1,000, and the floor on the same articles (one tokenising pass: UAX #29 words,
//! lowercased, counted; `common/floor.rs`). Inputs come from `benches/common/gen.rs` over `../shared/data`, or a
//! synthetic stand-in when that is absent.

#[path = "common/floor.rs"]
mod floor;
#[path = "common/gen.rs"]
mod gen;
#[path = "common/sources.rs"]
mod sources;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

fn bench_scale(c: &mut Criterion) {
    let sources = sources::load();
    let mut g = c.benchmark_group("scale");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    for n in [100, 1_000] {
        let arts = gen::generate(&sources, n, 5, 50, 42);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(format!("floor_{n}_articles"), |b| {
            b.iter(|| black_box(floor::count_words(&arts).len()))
        });
        let built = gen::corpus(&arts);
        g.bench_function(format!("reconcile_{n}_articles"), |b| {
            b.iter(|| black_box(built.reconcile()))
        });
        if n == 1_000 {
            g.bench_function("ingest_1000_articles", |b| {
                b.iter(|| black_box(gen::corpus(&arts)))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench_scale);
criterion_main!(benches);
