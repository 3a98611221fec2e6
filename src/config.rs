//! Configuration: every threshold and lexicon, with documented defaults.

use crate::align::AlignConfig;
use crate::compare::CompareConfig;
use crate::error::{Error, Result};
use crate::events::EventsConfig;
use crate::garble::GarbleConfig;
use crate::ingest::IngestConfig;
use crate::names::NamesConfig;

/// Default limit on one document's size: 8 MiB.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 8 * 1024 * 1024;

/// All settings of a reconcile run. `Config::default()` is what the examples use.
#[derive(Debug, Clone)]
pub struct Config {
    /// Documents larger than this many bytes are refused with [`Error::DocumentTooLarge`].
    pub max_document_bytes: usize,
    /// Page furniture removal, headline, dateline and sentence segmentation.
    pub ingest: IngestConfig,
    /// Mention extraction and name-variant clustering.
    pub names: NamesConfig,
    /// Grouping documents into events.
    pub events: EventsConfig,
    /// Sentence alignment within an event.
    pub align: AlignConfig,
    /// Agreement and contradiction rules.
    pub compare: CompareConfig,
    /// Garbled machine-translation detection.
    pub garble: GarbleConfig,
}

impl Default for Config {
    /// The built-in settings and lexicons. Parsing the built-in lexicons takes milliseconds,
    /// more than reconciling a handful of articles, so it is done once per process and each
    /// call clones that copy.
    fn default() -> Self {
        static BUILT_IN: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
        BUILT_IN
            .get_or_init(|| Config {
                max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
                ingest: IngestConfig::default(),
                names: NamesConfig::default(),
                events: EventsConfig::default(),
                align: AlignConfig::default(),
                compare: CompareConfig::default(),
                garble: GarbleConfig::default(),
            })
            .clone()
    }
}

impl Config {
    /// Checks that every value is in range; the error names the field.
    pub fn validate(&self) -> Result<()> {
        if self.max_document_bytes == 0 {
            return Err(Error::Config {
                field: "max_document_bytes".into(),
                message: "must be greater than 0".into(),
            });
        }
        self.ingest.validate()?;
        self.names.validate()?;
        self.events.validate()?;
        self.align.validate()?;
        self.garble.validate()?;
        self.compare.validate()?;
        Ok(())
    }
}

impl Config {
    /// Sets one numeric setting by its dotted name, e.g. `align.min_score=0.3` — what the
    /// `--set` option of the examples uses. The result is validated.
    pub fn set(&mut self, key: &str, value: &str) -> Result<()> {
        let bad = |message: String| Error::Config {
            field: key.to_string(),
            message,
        };
        let num: f64 = value
            .trim()
            .parse()
            .map_err(|_| bad(format!("'{value}' is not a number")))?;
        let int = || -> Result<usize> {
            (num >= 0.0 && num.fract() == 0.0)
                .then_some(num as usize)
                .ok_or_else(|| bad(format!("'{value}' is not a whole number")))
        };
        match key {
            "max_document_bytes" => self.max_document_bytes = int()?,
            "events.min_similarity" => self.events.min_similarity = num,
            "events.min_relative_similarity" => self.events.min_relative_similarity = num,
            "events.max_date_gap_days" => self.events.max_date_gap_days = int()? as i64,
            "events.blocking_terms" => self.events.blocking_terms = int()?,
            "align.min_score" => self.align.min_score = num,
            "align.one_sided_min_score" => self.align.one_sided_min_score = num,
            "align.best_margin" => self.align.best_margin = num,
            "align.split_gain" => self.align.split_gain = num,
            "align.context_weight" => self.align.context_weight = num,
            "align.entity_weight" => self.align.entity_weight = num,
            "garble.weak_twin_score" => self.garble.weak_twin_score = num,
            "garble.context_share" => self.garble.context_share = num,
            "garble.in_document_flag_threshold" => self.garble.in_document_flag_threshold = num,
            "garble.consensus_min_coverage" => self.garble.consensus_min_coverage = num,
            "garble.consensus_min_divergence" => self.garble.consensus_min_divergence = int()?,
            "align.max_partners" => self.align.max_partners = int()?,
            "align.concept_weight" => self.align.concept_weight = num,
            "align.min_claim_overlap" => self.align.min_claim_overlap = num,
            _ => return Err(bad("no such setting".into())),
        }
        self.validate()
    }
}

/// Checks that a `[0, 1]` setting is in range.
pub(crate) fn check_unit(field: &str, value: f64) -> Result<()> {
    if value.is_finite() && (0.0..=1.0).contains(&value) {
        Ok(())
    } else {
        Err(Error::Config {
            field: field.into(),
            message: format!("must be a number in [0, 1], got {value}"),
        })
    }
}
