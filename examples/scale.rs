//! `scale [SIZES...]` (spaces or commas: `scale 1000,10000`) — the scale benchmark: builds
//! deterministic corpora of 100, 1,000 and 10,000 articles (events of 5–50 articles) from the
//! real parallel news in `../shared/data`, reconciles each and prints a table: articles/s,
//! time per stage, and event quality (pairwise F1 against the generated ground truth), with
//! the total CPU seconds, the ratio of wall and CPU time to the floor (one tokenising pass
//! over the same articles, `benches/common/floor.rs`, so a figure taken on a busy machine
//! shows as such) and the peak resident memory of each size's reconcile (Linux: the kernel's
//! high-water mark is reset as each size and each stage starts, so the peak of an outside
//! `/usr/bin/time -v` then covers only the last stage; `SCALE_DEBUG=1` prints each stage's).

#[path = "../benches/common/floor.rs"]
mod floor;
#[path = "../benches/common/gen.rs"]
mod gen;

use std::collections::HashMap;
use std::time::Instant;

/// Faster than the system allocator for this workload (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let sizes: Vec<usize> = {
        let v: Vec<usize> = std::env::args()
            .skip(1)
            .flat_map(|a| {
                a.split(',')
                    .filter_map(|x| x.parse().ok())
                    .collect::<Vec<_>>()
            })
            .collect();
        if v.is_empty() {
            vec![100, 1_000, 10_000]
        } else {
            v
        }
    };
    let dirs = gen::default_dirs();
    let sources = gen::load_sources(&dirs.iter().map(|p| p.as_path()).collect::<Vec<_>>());
    if sources.is_empty() {
        eprintln!("scale: no source articles under {:?}", dirs);
        std::process::exit(1);
    }
    println!("| articles | events | MB | ingest s | reconcile s | total s | CPU s | floor s | wall / floor | CPU / floor | articles/s | event F1 | peak MB |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for n in sizes {
        let arts = gen::generate(&sources, n, 5, 50, 42);
        let bytes: usize = arts.iter().map(|a| a.text.len()).sum();
        let floor = floor::seconds(&arts);
        reset_peak_memory();
        let cpu0 = cpu_seconds();
        let t0 = Instant::now();
        let corpus = gen::corpus(&arts);
        let t1 = Instant::now();
        // Per stage: when it started, CPU seconds so far, and the peak memory of the stage
        // before it (the mark is reset as each stage starts).
        let mut stages: Vec<(corroborate::Stage, Instant, f64, f64)> = Vec::new();
        let report = corpus.reconcile_with_progress(|p| {
            let peak = peak_memory_mb();
            reset_peak_memory();
            stages.push((p.stage, Instant::now(), cpu_seconds(), peak));
        });
        let report_peak = peak_memory_mb();
        let t2 = Instant::now();
        if std::env::var_os("SCALE_DEBUG").is_some() {
            eprintln!(
                "  {} alignments, {} findings, {} entities",
                report.alignments.len(),
                report.findings.len(),
                report.entities.len()
            );
            for w in stages.windows(2) {
                eprintln!(
                    "  {:?}: {:.2} s wall, {:.2} s CPU, peak {:.0} MB",
                    w[0].0,
                    (w[1].1 - w[0].1).as_secs_f64(),
                    w[1].2 - w[0].2,
                    w[1].3
                );
            }
        }
        let truth: HashMap<&str, usize> = arts.iter().map(|a| (a.id.as_str(), a.event)).collect();
        let gold: Vec<usize> = report
            .documents
            .iter()
            .map(|d| truth[d.id.as_str()])
            .collect();
        let pred: Vec<&str> = report.documents.iter().map(|d| d.event.as_str()).collect();
        let f1 = pairwise_f1(&gold, &pred);
        let events = arts.last().map_or(0, |a| a.event + 1);
        let total = (t2 - t0).as_secs_f64();
        let cpu = cpu_seconds() - cpu0;
        println!(
            "| {n} | {events} | {:.1} | {:.2} | {:.2} | {:.2} | {cpu:.2} | {floor:.3} | {:.1} | {:.1} | {:.0} | {:.3} | {:.0} |",
            bytes as f64 / 1e6,
            (t1 - t0).as_secs_f64(),
            (t2 - t1).as_secs_f64(),
            total,
            total / floor,
            cpu / floor,
            n as f64 / total,
            f1,
            stages
                .iter()
                .map(|s| s.3)
                .fold(report_peak, f64::max)
        );
    }
}

fn pairwise_f1(gold: &[usize], pred: &[&str]) -> f64 {
    fn pairs<K: std::hash::Hash + Eq>(labels: impl Iterator<Item = K>) -> f64 {
        let mut c: HashMap<K, f64> = HashMap::new();
        for l in labels {
            *c.entry(l).or_default() += 1.0;
        }
        c.values().map(|n| n * (n - 1.0) / 2.0).sum()
    }
    let both = pairs(gold.iter().zip(pred));
    let (g, p) = (pairs(gold.iter()), pairs(pred.iter()));
    let (prec, rec) = (both / p.max(1.0), both / g.max(1.0));
    if std::env::var_os("SCALE_DEBUG").is_some() {
        eprintln!("event precision {prec:.4} recall {rec:.4}");
    }
    if prec + rec == 0.0 {
        0.0
    } else {
        2.0 * prec * rec / (prec + rec)
    }
}

/// CPU seconds (user + system, all threads) this process has used so far, from
/// `/proc/self/stat` (0 where that file does not exist); for the per-stage debug lines.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse().ok())
        .collect();
    f.iter().sum::<f64>() / 100.0
}

/// Resets the kernel's peak-resident-memory mark of this process to its current size
/// (`/proc/self/clear_refs`, Linux; nothing elsewhere).
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident memory in MB since the last reset (`VmHWM` of `/proc/self/status`; 0 where
/// that file does not exist).
fn peak_memory_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1000.0)
}
