//! Fuzz target for name clustering (the `names` example's entry point): the bytes, read as
//! UTF-8 lossily, are names one per line; every line must land in exactly one cluster.
#![no_main]

use corroborate::{api, Config};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let names: Vec<&str> = text.lines().collect();
    let clusters = api::cluster_names(&names, &Config::default());
    let mut seen = vec![0usize; names.len()];
    for c in &clusters {
        for &i in c {
            seen[i] += 1;
        }
    }
    assert!(seen.iter().all(|&n| n == 1), "a name is not in exactly one cluster");
});
