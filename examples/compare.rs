//! `compare FILE` — compares sentence pairs. FILE (or `-` for stdin) holds one pair per line,
//! `ID<TAB>SENTENCE_A<TAB>SENTENCE_B`; prints one JSON object per line, in input order:
//! `{"id": "17", "relation": "contradiction", "confidence": 0.8, "reasons": ["negation"], "explanation": "..."}`.
//! Exits non-zero with a message on stderr for bad input (naming the line).

use corroborate::{api, Config, Reason, Relation};
use std::io::{Read, Write};
use std::process::ExitCode;

/// One output line, fields in the documented order.
#[derive(serde::Serialize)]
struct Line<'a> {
    id: &'a str,
    relation: Relation,
    confidence: f64,
    reasons: &'a [Reason],
    explanation: &'a str,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 1 || args[0] == "-h" || args[0] == "--help" {
        eprintln!(
            "usage: compare FILE   (FILE: lines ID<TAB>SENTENCE_A<TAB>SENTENCE_B, or - for stdin)"
        );
        return ExitCode::from(2);
    }
    let mut bytes = Vec::new();
    let read = if args[0] == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(&args[0]).map(|b| bytes = b)
    };
    if let Err(e) = read {
        eprintln!("compare: cannot read '{}': {e}", args[0]);
        return ExitCode::FAILURE;
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "compare: '{}' is not valid UTF-8 (byte offset {})",
                args[0],
                e.utf8_error().valid_up_to()
            );
            return ExitCode::FAILURE;
        }
    };
    let cfg = Config::default();
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.split('\t').collect();
        if parts.len() != 3 || parts[0].trim().is_empty() {
            eprintln!(
                "compare: line {}: expected ID<TAB>SENTENCE_A<TAB>SENTENCE_B, got {} TAB-separated field(s)",
                i + 1,
                parts.len()
            );
            return ExitCode::FAILURE;
        }
        pairs.push((parts[0], parts[1], parts[2]));
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (id, a, b) in pairs {
        let v = api::compare(a, b, &cfg);
        let obj = Line {
            id,
            relation: v.relation,
            confidence: v.confidence,
            reasons: &v.reasons,
            explanation: &v.explanation,
        };
        let json = serde_json::to_string(&obj).unwrap_or_default();
        if writeln!(out, "{json}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
