//! Criterion benchmarks of the align stage at three sizes: two articles of about 40 segments
//! reporting one event, one event of 50 articles, and a corpus of 1,000 articles in 100
//! events. Inputs come from the deterministic generator over `../shared/data`
//! (`benches/common/gen.rs`), or a synthetic stand-in when that is absent.
//!
//! The stage is internal, so it is timed inside a whole run: from the progress callback's
//! `Stage::Align` to its `Stage::Compare` (`iter_custom`), on a fresh copy of the ingested
//! corpus each time (a reconciled corpus caches its alignments). Ingestion happens once,
//! outside the timed part; the events are those the event stage finds.

#[path = "common/gen.rs"]
mod gen;
#[path = "common/sources.rs"]
mod sources;

use corroborate::{Corpus, Stage};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The ingested corpus, not yet reconciled.
struct Prepared {
    corpus: Corpus,
}

fn prepare(articles: &[(String, String, usize)]) -> Prepared {
    let mut corpus = Corpus::new();
    for (id, text, _) in articles {
        corpus.add(id, text).expect("generated articles are valid");
    }
    Prepared { corpus }
}

/// The time the align stage of one run on a fresh copy of the corpus takes.
fn run(p: &Prepared) -> Duration {
    let corpus = p.corpus.clone();
    let mut started = None;
    let mut took = Duration::ZERO;
    let report = corpus.reconcile_with_progress(|progress| match progress.stage {
        Stage::Align => started = Some(Instant::now()),
        Stage::Compare => took = started.map_or(Duration::ZERO, |t| t.elapsed()),
        _ => {}
    });
    black_box(report.alignments.len());
    took
}

/// `iters` runs' align time, for `Bencher::iter_custom`.
fn timed(p: &Prepared, iters: u64) -> Duration {
    (0..iters).map(|_| run(p)).sum()
}

/// Two versions (different translations) of one long story of at least 40 segments, made
/// by chaining sources in order.
fn two_articles(sources: &[gen::Source]) -> Vec<(String, String, usize)> {
    (0..2)
        .map(|v| {
            let mut lines: Vec<&str> = Vec::new();
            for s in sources {
                let doc = &s[v % s.len()];
                lines.extend(doc.iter().map(String::as_str));
                if lines.len() >= 41 {
                    break;
                }
            }
            lines.truncate(41);
            let (head, body) = lines.split_first().unwrap_or((&"", &[]));
            let text = format!(
                "{head}\n\nNews Service | Updated: 2025-03-13 12:00\n\n{}\n",
                body.join("\n")
            );
            (format!("article{v}.txt"), text, 0)
        })
        .collect()
}

fn generated(sources: &[gen::Source], n: usize, event_size: usize) -> Vec<(String, String, usize)> {
    gen::generate(sources, n, event_size, event_size, 42)
        .into_iter()
        .map(|a| (a.id, a.text, a.event))
        .collect()
}

fn bench_align(c: &mut Criterion) {
    let sources = sources::load();
    let mut g = c.benchmark_group("align");
    g.measurement_time(Duration::from_secs(8));

    let two = prepare(&two_articles(&sources));
    let segs: usize = two
        .corpus
        .documents()
        .iter()
        .map(|d| d.sentences.len())
        .sum();
    eprintln!("align/two_articles: {segs} sentences in 2 documents");
    g.bench_function("two_articles_one_event", |b| {
        b.iter_custom(|iters| timed(&two, iters))
    });

    let fifty = prepare(&generated(&sources, 50, 50));
    g.sample_size(20);
    g.bench_function("event_of_50_articles", |b| {
        b.iter_custom(|iters| timed(&fifty, iters))
    });

    let thousand = prepare(&generated(&sources, 1000, 10));
    eprintln!(
        "align/corpus_1000: {} documents in {} events",
        thousand.corpus.documents().len(),
        thousand.corpus.reconcile().events.len()
    );
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("corpus_1000_articles_100_events", |b| {
        b.iter_custom(|iters| timed(&thousand, iters))
    });
    g.finish();
}

criterion_group!(benches, bench_align);
criterion_main!(benches);
