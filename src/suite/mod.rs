//! Tests of the stages' internals, which integration tests (tests/*.rs, public API only)
//! cannot reach: sentence comparison, garble detection, name matching, ingestion, and
//! property tests over the internal helpers.

mod compare;
mod garble;
mod garble_fluent;
mod ingest;
mod names;
mod properties;

/// The sample corpus, in file order.
const SAMPLE: [(&str, &str); 5] = [
    (
        "01_globalwire.txt",
        include_str!("../../examples/sample/01_globalwire.txt"),
    ),
    (
        "02_capital_herald.txt",
        include_str!("../../examples/sample/02_capital_herald.txt"),
    ),
    (
        "03_newsline_daily.txt",
        include_str!("../../examples/sample/03_newsline_daily.txt"),
    ),
    (
        "04_morning_ledger.txt",
        include_str!("../../examples/sample/04_morning_ledger.txt"),
    ),
    (
        "05_eastern_dispatch.txt",
        include_str!("../../examples/sample/05_eastern_dispatch.txt"),
    ),
];
