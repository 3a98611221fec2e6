//! `names FILE` (or `-` for stdin): one name per line; prints
//! `{"clusters": [["Witkoff", "Witkov", "Vikov"], ["Kursk", "Kusk"]]}` with every input line
//! exactly once, lines naming the same entity in one cluster.
//!
//! Options (before FILE): `--threshold X` and `--link X` set the `names.threshold` and
//! `names.link_threshold` settings; `--pairs` reads `NAME<TAB>NAME` lines and prints their
//! similarity and phonetic keys.

use corroborate::{api, Config};
use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // `--pairs`: lines are `NAME<TAB>NAME`; prints their similarity (a tuning aid).
    let pairs = args.first().is_some_and(|a| a == "--pairs");
    if pairs {
        args.remove(0);
    }
    let mut cfg = Config::default();
    while args.len() > 2 && (args[0] == "--threshold" || args[0] == "--link") {
        let Ok(v) = args[1].parse::<f64>() else {
            eprintln!("names: {} needs a number, got '{}'", args[0], args[1]);
            return ExitCode::from(2);
        };
        if args[0] == "--threshold" {
            cfg.names.threshold = v;
        } else {
            cfg.names.link_threshold = v;
        }
        args.drain(..2);
    }
    if args.len() != 1 || args[0] == "-h" || args[0] == "--help" {
        eprintln!("usage: names FILE   (one name per line; '-' reads stdin)");
        return ExitCode::from(2);
    }
    let path = &args[0];
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    if let Err(e) = read {
        eprintln!("names: cannot read '{path}': {e}");
        return ExitCode::FAILURE;
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(body) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.valid_up_to() + (bytes.len() - body.len());
            eprintln!(
                "names: '{path}' is not valid UTF-8: invalid byte sequence at byte offset {offset}"
            );
            return ExitCode::FAILURE;
        }
    };
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .collect();
    if pairs {
        for l in &lines {
            let mut f = l.split('\t');
            let (a, b) = (f.next().unwrap_or(""), f.next().unwrap_or(""));
            println!(
                "{a}\t{b}\t{:.3}\t{}\t{}",
                api::name_similarity(a, b, &cfg),
                api::phonetic_key(a),
                api::phonetic_key(b),
            );
        }
        return ExitCode::SUCCESS;
    }
    let groups = api::cluster_names(&lines, &cfg);
    let clusters: Vec<Vec<&str>> = groups
        .iter()
        .map(|g| g.iter().map(|&i| lines[i]).collect())
        .collect();
    let out = serde_json::json!({ "clusters": clusters });
    println!("{out}");
    ExitCode::SUCCESS
}
