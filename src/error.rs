//! The one error type of the crate.

use std::path::PathBuf;

/// Everything that can go wrong when building a corpus or reconciling it.
///
/// Every variant names the document (or file) and, where it applies, the place in it.
/// Library calls return these instead of panicking, whatever the input. New variants may
/// be added (the enum is `#[non_exhaustive]`); [`crate::api::error_info`] gives each a
/// stable code.
#[derive(Debug, thiserror::Error, PartialEq, Eq, Clone)]
#[non_exhaustive]
pub enum Error {
    /// The document has no visible text: nothing, or only whitespace and invisible
    /// characters (zero-width spaces, joiners, byte-order marks).
    #[error("document '{id}' is empty (no text other than whitespace and invisible characters)")]
    EmptyDocument {
        /// Id of the offending document.
        id: String,
    },
    /// An HTML page has no visible text (only markup, scripts and styles).
    #[error("document '{id}' is an HTML page with no visible text")]
    NoBody {
        /// Id of the offending document.
        id: String,
    },
    /// The bytes given are not valid UTF-8.
    #[error("document '{id}' is not valid UTF-8: invalid byte sequence at byte offset {offset}")]
    InvalidUtf8 {
        /// Id (or file name) of the offending document.
        id: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// Two documents share an id.
    #[error("duplicate document id '{id}' (documents #{first} and #{second})")]
    DuplicateId {
        /// The repeated id.
        id: String,
        /// Index of the first document with that id.
        first: usize,
        /// Index of the second one.
        second: usize,
    },
    /// A document exceeds the configured size limit.
    #[error("document '{id}' is {size} bytes, over the limit of {limit} bytes (Config::max_document_bytes)")]
    DocumentTooLarge {
        /// Id of the offending document.
        id: String,
        /// Its size in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// A document id is empty.
    #[error("document #{index} has an empty id")]
    EmptyId {
        /// Position of the document in the input.
        index: usize,
    },
    /// A file could not be read.
    #[error("cannot read '{}': {message}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What kind of failure it was (not found, permission denied, ...).
        kind: std::io::ErrorKind,
        /// The operating system's message.
        message: String,
    },
    /// A `published` date given by the caller (a JSON lines record's `published`) is not an
    /// ISO date.
    #[error("document '{id}': published date '{value}' is not an ISO date (YYYY-MM-DD)")]
    BadDate {
        /// Id of the offending document.
        id: String,
        /// The value given.
        value: String,
    },
    /// A JSON lines record could not be read as an article.
    #[error("{file}, line {line}: {message}")]
    InvalidRecord {
        /// The file (or `stdin`).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the record.
        message: String,
    },
    /// A configuration value is out of range or inconsistent.
    #[error("bad config: {field}: {message}")]
    Config {
        /// The configuration field, e.g. `align.min_score`.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// A lexicon line could not be parsed.
    #[error("bad lexicon '{name}' line {line}: {message}")]
    Lexicon {
        /// Which lexicon.
        name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// The error for a failed read of `path`, keeping the kind of failure.
    pub fn io(path: impl Into<PathBuf>, error: &std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            kind: error.kind(),
            message: error.to_string(),
        }
    }
}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;
