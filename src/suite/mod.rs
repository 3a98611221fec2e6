//! Tests of the stages' internals, which integration tests (tests/*.rs, public API only)
//! cannot reach: sentence comparison, garble detection, name matching, ingestion, and
//! property tests over the internal helpers.

mod compare;
mod garble;
mod garble_fluent;
mod ingest;
mod names;
mod properties;

// The sample corpus, shared with the integration tests.
#[path = "../../tests/common/mod.rs"]
mod common;
use common::SAMPLE;
