//! Configuration: every threshold and lexicon, with documented defaults.
//!
//! [`Config`] holds one config per stage ([`IngestConfig`], [`NamesConfig`],
//! [`EventsConfig`], [`AlignConfig`], [`CompareConfig`], [`GarbleConfig`]); their numeric
//! fields are the settings of the [registry](crate::settings::SETTINGS), their `add_*`
//! methods extend the built-in lexicons.
//!
//! ```
//! use corroborate::Config;
//!
//! let mut config = Config::default();
//! config.align.min_score = 0.3;
//! config.names.add_nicknames("Alexander\tSasha\n")?;
//! config.validate()?;
//! # Ok::<(), corroborate::Error>(())
//! ```

pub use crate::align::AlignConfig;
pub use crate::compare::CompareConfig;
use crate::error::{Error, Result};
pub use crate::events::EventsConfig;
pub use crate::garble::{GarbleConfig, PriorWeights};
pub use crate::ingest::{Abbreviations, IngestConfig};
pub use crate::names::NamesConfig;

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
        built_in().clone()
    }
}

/// The built-in config, parsed once per process.
pub(crate) fn built_in() -> &'static Config {
    static BUILT_IN: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
    BUILT_IN.get_or_init(|| Config {
        max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
        ingest: IngestConfig::default(),
        names: NamesConfig::default(),
        events: EventsConfig::default(),
        align: AlignConfig::default(),
        compare: CompareConfig::default(),
        garble: GarbleConfig::default(),
    })
}

impl Config {
    /// Checks that every value is in range; the error names the field. The ranges are those
    /// of the [settings registry](crate::settings), then each stage checks its own config.
    pub fn validate(&self) -> Result<()> {
        crate::settings::check_all(self)?;
        self.ingest.validate()?;
        self.names.validate()?;
        self.events.validate()?;
        self.align.validate()?;
        self.garble.validate()?;
        self.compare.validate()?;
        Ok(())
    }

    /// Sets one setting by its dotted name, e.g. `align.min_score` to `"0.3"` — what the
    /// `--set` option of the `corroborate` tool and the examples uses. Every setting of the
    /// [registry](crate::settings::SETTINGS) can be set; the whole config is validated after.
    pub fn set(&mut self, key: &str, value: &str) -> Result<()> {
        let setting = crate::settings::find(key.trim()).ok_or_else(|| {
            if key.trim().is_empty() {
                Error::Config {
                    field: String::new(),
                    message: "no setting named (expected NAME=VALUE)".into(),
                }
            } else {
                crate::settings::unknown(key.trim())
            }
        })?;
        let v = setting.parse(value)?;
        setting.set(self, v)?;
        self.validate()
    }

    /// Sets `KEY=VALUE` (the form of the `--set` option).
    pub fn set_pair(&mut self, pair: &str) -> Result<()> {
        let (key, value) = pair.split_once('=').ok_or_else(|| Error::Config {
            field: pair.trim().to_string(),
            message: "expected NAME=VALUE".into(),
        })?;
        self.set(key, value)
    }

    /// The default config with the settings of a TOML document applied (see
    /// [`Config::apply_toml`]).
    #[cfg(feature = "toml")]
    pub fn from_toml_str(toml: &str) -> Result<Config> {
        let mut config = Config::default();
        config.apply_toml(toml)?;
        Ok(config)
    }

    /// Applies the settings of a TOML document: top-level keys and tables named like the
    /// dotted settings (`[align]` `min_score = 0.3`, `[garble.prior]` `bias = 2.6`, or
    /// `align.min_score = 0.3`). Unknown keys and values out of range are errors that name
    /// the key; the config is validated after. `corroborate settings --toml` prints a file
    /// with every setting.
    #[cfg(feature = "toml")]
    pub fn apply_toml(&mut self, toml: &str) -> Result<()> {
        let table: toml::Table = toml.parse().map_err(|e: toml::de::Error| Error::Config {
            field: "TOML".into(),
            message: e.to_string().trim_end().replace('\n', " "),
        })?;
        self.apply_table("", &table)?;
        self.validate()
    }

    #[cfg(feature = "toml")]
    fn apply_table(&mut self, prefix: &str, table: &toml::Table) -> Result<()> {
        use crate::settings::Value;
        for (key, value) in table {
            let name = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            let v = match value {
                toml::Value::Table(t) => {
                    self.apply_table(&name, t)?;
                    continue;
                }
                toml::Value::Integer(i) => Value::Int(*i),
                toml::Value::Float(x) => Value::Float(*x),
                other => {
                    crate::settings::find(&name).ok_or_else(|| crate::settings::unknown(&name))?;
                    return Err(Error::Config {
                        field: name,
                        message: format!("must be a number, got the {}", other.type_str()),
                    });
                }
            };
            let setting =
                crate::settings::find(&name).ok_or_else(|| crate::settings::unknown(&name))?;
            setting.set(self, v)?;
        }
        Ok(())
    }

    /// This config as a TOML document with every setting, its doc and range as comments.
    pub fn to_toml(&self) -> String {
        crate::settings::to_toml(self)
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
