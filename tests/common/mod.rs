//! Shared by the integration tests: the built-in sample corpus.

/// The sample corpus, in file order.
pub const SAMPLE: [(&str, &str); 5] = [
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
