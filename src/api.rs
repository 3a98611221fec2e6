//! Small, stable entry points for bindings and scripts (the Python binding in `python/` is
//! built on them): compare two sentences, cluster a list of names, judge one sentence as a
//! garbled translation, profile one article, read a publication date, and classify an
//! [`Error`] by kind and by the document it names.
//!
//! The types here are plain data with serde forms that only ever gain fields; none of the
//! pipeline's internals (frames, evidence spans into private buffers, lexicons) shows
//! through. Every function takes the whole [`Config`] and reads its stage's part, so a caller
//! keeps one configuration for everything.
//!
//! ```
//! use corroborate::{api, Config, Relation};
//!
//! let config = Config::default();
//! let c = api::compare("The talks will last three days.", "The talks will last five days.", &config);
//! assert_eq!(c.relation, Relation::Contradiction);
//!
//! let groups = api::cluster_names(&["Witkoff", "Witkov", "Kursk"], &config);
//! assert!(groups.contains(&vec![0, 1]));
//!
//! let g = api::garble_score("The minister said the talks would resume on Monday.", &config);
//! assert!(!g.flagged);
//! ```

use crate::compare::compare_sentences;
use crate::config::Config;
use crate::dates::Date;
use crate::error::Error;
use crate::garble::score_sentence;
use crate::report::{round4, Reason, Relation};
use serde::Serialize;

/// How two sentences relate (see [`compare`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Comparison {
    /// Agreement, contradiction, partial or unrelated.
    pub relation: Relation,
    /// In [0, 1], rounded to four decimals.
    pub confidence: f64,
    /// Why (`negation`, `number_mismatch`, ... as JSON), as in the report's findings.
    pub reasons: Vec<Reason>,
    /// One sentence a person can read.
    pub explanation: String,
}

/// Compares two sentences on their own (no document context), with `config.compare`: the
/// judgement the pipeline makes of an aligned pair.
///
/// ```
/// use corroborate::{api, Config, Reason, Relation};
///
/// let c = api::compare(
///     "The minister did not attend the summit.",
///     "The minister attended the summit.",
///     &Config::default(),
/// );
/// assert_eq!(c.relation, Relation::Contradiction);
/// assert!(c.reasons.iter().any(|r| *r == Reason::Negation));
/// ```
pub fn compare(a: &str, b: &str, config: &Config) -> Comparison {
    let v = compare_sentences(a, b, &config.compare);
    Comparison {
        relation: v.relation,
        confidence: round4(v.confidence),
        reasons: v.reasons,
        explanation: v.explanation,
    }
}

/// Groups names that are spellings of one referent, with `config.names`: each group lists
/// indexes into `names`, every index exactly once.
///
/// ```
/// use corroborate::{api, Config};
///
/// let names = ["Steve Witkoff", "Witkoff", "Kursk"];
/// let groups = api::cluster_names(&names, &Config::default());
/// let mut all: Vec<usize> = groups.concat();
/// all.sort();
/// assert_eq!(all, [0, 1, 2]);
/// assert!(groups.iter().any(|g| g.contains(&0) && g.contains(&1)));
/// ```
pub fn cluster_names(names: &[&str], config: &Config) -> Vec<Vec<usize>> {
    crate::names::cluster_names(names, &config.names)
}

/// How alike two names are as spellings of one referent, in [0, 1] and symmetric, with
/// `config.names` (its aliases and nicknames): what [`cluster_names`] compares with
/// `config.names.threshold`.
///
/// ```
/// use corroborate::{api, Config};
///
/// let config = Config::default();
/// assert!(api::name_similarity("Dmitry Peskov", "Песков", &config) >= config.names.threshold);
/// assert!(api::name_similarity("Kusk", "Kushner", &config) < config.names.threshold);
/// ```
pub fn name_similarity(a: &str, b: &str, config: &Config) -> f64 {
    crate::names::name_similarity(a, b, &config.names)
}

/// A phonetic key of a name's last word, equal across transliteration variants (Witkoff,
/// Witkov, Уиткофф): the key [`profile`] gives each name, to block articles on.
///
/// ```
/// use corroborate::api;
///
/// assert_eq!(api::phonetic_key("Steve Witkoff"), "vitkov");
/// assert_eq!(api::phonetic_key("Witkov"), api::phonetic_key("Уиткофф"));
/// ```
pub fn phonetic_key(name: &str) -> String {
    let key = crate::names::name_key(name);
    let last = key.rsplit(' ').next().unwrap_or("");
    String::from_utf8_lossy(&crate::names::keys::phonetic(last)).into_owned()
}

/// One sentence judged alone as a possibly garbled machine translation (see
/// [`garble_score`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct GarbleScore {
    /// In [0, 1], rounded to four decimals; higher means more likely garbled.
    pub score: f64,
    /// The library's decision (`config.garble`'s threshold).
    pub flagged: bool,
    /// Why (`word_salad`, `broken_idiom`, ... as JSON), one per signal.
    pub reasons: Vec<Reason>,
    /// One explanation per reason, for a person.
    pub notes: Vec<String>,
}

/// Judges one sentence alone (no other source to compare it with), with `config.garble`. A
/// line with no word scores 0.
///
/// ```
/// use corroborate::{api, Config};
///
/// let g = api::garble_score("", &Config::default());
/// assert_eq!((g.score, g.flagged), (0.0, false));
/// ```
pub fn garble_score(sentence: &str, config: &Config) -> GarbleScore {
    let v = score_sentence(sentence, &config.garble);
    GarbleScore {
        score: round4(v.score),
        flagged: v.flagged,
        reasons: v.reasons,
        notes: v.notes,
    }
}

/// What blocking a large collection needs of one article, read without reconciling it:
/// its date and the names it mentions (see [`profile`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Profile {
    /// ISO publication date: the one given, or the dateline's.
    pub published: Option<String>,
    /// The headline, when recognised.
    pub title: Option<String>,
    /// The entities the article mentions, in order of first mention.
    pub names: Vec<ProfileName>,
}

/// One entity of a [`Profile`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ProfileName {
    /// Its best-supported spelling in the article.
    pub name: String,
    /// `person`, `place`, `organization` or `other` (as in the report).
    pub kind: crate::report::EntityKind,
    /// A phonetic key of its last word, equal across transliteration variants
    /// (Witkoff, Witkov, Уиткофф): the key to block articles on.
    pub key: String,
}

/// Ingests one article and finds its names, without the later stages: a cheap first pass
/// to block a collection too large to reconcile at once (the Python binding's PySpark
/// example does). Refuses what [`crate::Corpus::add_dated`] refuses.
///
/// ```
/// use corroborate::{api, Config};
///
/// let p = api::profile(
///     "a.txt",
///     "Talks in Vienna\n\nMarch 3, 2025\n\nForeign minister Anna Berg met Steve Witkoff in Vienna.",
///     None,
///     &Config::default(),
/// )?;
/// assert_eq!(p.published.as_deref(), Some("2025-03-03"));
/// assert!(p.names.iter().any(|n| n.name == "Steve Witkoff" && n.key == "vitkov"));
/// # Ok::<(), corroborate::Error>(())
/// ```
pub fn profile(
    id: &str,
    text: &str,
    published: Option<Date>,
    config: &Config,
) -> crate::error::Result<Profile> {
    let mut corpus = crate::Corpus::with_config(config.clone())?;
    corpus.add_dated(id, text, published)?;
    let docs = corpus.documents();
    let entities = crate::names::resolve(docs, &config.names);
    let doc = &docs[0];
    let names = entities
        .entities
        .iter()
        .map(|e| ProfileName {
            name: e.canonical.clone(),
            kind: e.kind,
            key: phonetic_key(&e.canonical),
        })
        .collect();
    Ok(Profile {
        published: doc.published.map(|d| d.to_string()),
        title: doc.title_text().map(str::to_string),
        names,
    })
}

/// A publication date as JSON lines records give it: `YYYY-MM-DD`, or an ISO date-time
/// (`2025-03-13T09:00:00Z`, `2025-03-13 09:00`) whose day is taken.
///
/// ```
/// use corroborate::{api, Date};
///
/// assert_eq!(api::parse_published("2025-03-13T09:00:00Z"), Date::ymd(2025, 3, 13));
/// assert_eq!(api::parse_published("13 March 2025"), None);
/// ```
pub fn parse_published(s: &str) -> Option<Date> {
    crate::input::parse_published(s)
}

/// What an [`Error`] is about, for callers that map errors to their own types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorInfo<'a> {
    /// A stable snake_case code: `empty_document`, `invalid_utf8`, `duplicate_id`, ...
    pub kind: &'static str,
    /// The document (or file, or input) the error names, when it names one.
    pub document: Option<&'a str>,
    /// The setting (`align.min_score`) of a configuration error.
    pub setting: Option<&'a str>,
}

/// Classifies `error`.
///
/// ```
/// use corroborate::{api, Corpus};
///
/// let e = Corpus::new().add("a.txt", "  ").unwrap_err();
/// let info = api::error_info(&e);
/// assert_eq!((info.kind, info.document), ("empty_document", Some("a.txt")));
/// ```
pub fn error_info(error: &Error) -> ErrorInfo<'_> {
    let (kind, document, setting) = match error {
        Error::EmptyDocument { id } => ("empty_document", Some(id.as_str()), None),
        Error::NoBody { id } => ("no_body", Some(id.as_str()), None),
        Error::InvalidUtf8 { id, .. } => ("invalid_utf8", Some(id.as_str()), None),
        Error::DuplicateId { id, .. } => ("duplicate_id", Some(id.as_str()), None),
        Error::DocumentTooLarge { id, .. } => ("document_too_large", Some(id.as_str()), None),
        Error::EmptyId { .. } => ("empty_id", None, None),
        Error::Io { .. } => ("io", None, None),
        Error::BadDate { id, .. } => ("bad_date", Some(id.as_str()), None),
        Error::InvalidRecord { file, .. } => ("invalid_record", Some(file.as_str()), None),
        Error::Config { field, .. } => ("config", None, Some(field.as_str())),
        Error::Lexicon { .. } => ("lexicon", None, None),
    };
    ErrorInfo {
        kind,
        document,
        setting,
    }
}
