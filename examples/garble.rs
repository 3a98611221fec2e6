//! `garble FILE` — judge each line of FILE (or `-` for stdin) alone as a possibly garbled
//! machine translation. Prints one JSON object per line, in input order:
//! `{"line": 1, "score": 0.91, "flagged": true, "reasons": ["word_salad"]}`.
//! With `--explain` (before FILE), each object also has `notes`: why, in words.

use corroborate::{api, Config};
use std::io::{Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let explain = args.first().is_some_and(|a| a == "--explain");
    if explain {
        args.remove(0);
    }
    let path = match args.as_slice() {
        [p] if p == "-h" || p == "--help" => {
            println!("usage: garble [--explain] FILE   (one sentence per line; '-' reads stdin)");
            return ExitCode::SUCCESS;
        }
        [p] => p.clone(),
        _ => {
            eprintln!("garble: expected exactly one FILE argument (or '-'); try --help");
            return ExitCode::from(2);
        }
    };
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(&path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    if let Err(e) = read {
        eprintln!("garble: cannot read '{path}': {e}");
        return ExitCode::FAILURE;
    }
    let Ok(text) = String::from_utf8(bytes) else {
        eprintln!("garble: '{path}' is not valid UTF-8");
        return ExitCode::FAILURE;
    };
    let config = Config::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (i, line) in text.lines().enumerate() {
        let v = api::garble_score(line.trim_end_matches('\r'), &config);
        let mut obj = serde_json::json!({
            "line": i + 1,
            "score": v.score,
            "flagged": v.flagged,
            "reasons": v.reasons,
        });
        if explain {
            obj["notes"] = serde_json::json!(v.notes);
        }
        if writeln!(out, "{obj}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
