//! Criterion benchmarks of the align stage (`corroborate::align::align`) at three sizes:
//! two articles of about 40 segments reporting one event, one event of 50 articles, and a
//! corpus of 1,000 articles in 100 events. Inputs come from the deterministic generator over
//! `../shared/data` (`benches/common/gen.rs`), or a synthetic stand-in when that is absent.
//! Names, terms and events are computed once outside the timed loop; the events are the
//! generated ground truth, so these numbers do not move when the event stage changes.

#[path = "common/gen.rs"]
mod gen;
#[path = "common/sources.rs"]
mod sources;

use corroborate::terms::CorpusTerms;
use corroborate::{align, names, Corpus};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;

/// Ingested corpus with its resolved names, terms, and events (lists of document indexes).
struct Prepared {
    corpus: Corpus,
    terms: CorpusTerms,
    events: Vec<Vec<usize>>,
}

fn prepare(articles: &[(String, String, usize)]) -> Prepared {
    let mut corpus = Corpus::new();
    for (id, text, _) in articles {
        corpus.add(id, text).expect("generated articles are valid");
    }
    let entities = names::resolve(corpus.documents(), &corpus.config().names);
    let terms = CorpusTerms::build(corpus.documents(), &entities);
    let mut events: Vec<Vec<usize>> = Vec::new();
    for (i, (_, _, e)) in articles.iter().enumerate() {
        if events.len() <= *e {
            events.resize(e + 1, Vec::new());
        }
        events[*e].push(i);
    }
    events.retain(|e| !e.is_empty());
    Prepared {
        corpus,
        terms,
        events,
    }
}

fn run(p: &Prepared) -> usize {
    let cfg = &p.corpus.config().align;
    align::align(p.corpus.documents(), &p.terms, &p.events, cfg).len()
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
        b.iter(|| black_box(run(&two)))
    });

    let fifty = prepare(&generated(&sources, 50, 50));
    g.sample_size(20);
    g.bench_function("event_of_50_articles", |b| {
        b.iter(|| black_box(run(&fifty)))
    });

    let thousand = prepare(&generated(&sources, 1000, 10));
    eprintln!(
        "align/corpus_1000: {} documents in {} events",
        thousand.corpus.documents().len(),
        thousand.events.len()
    );
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("corpus_1000_articles_100_events", |b| {
        b.iter(|| black_box(run(&thousand)))
    });
    g.finish();
}

criterion_group!(benches, bench_align);
criterion_main!(benches);
