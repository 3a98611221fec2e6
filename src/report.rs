//! The report: what `reconcile` returns, serialised with serde to the stable JSON format
//! "report format v1" (see README).

use serde::{Deserialize, Serialize};

/// Version of the JSON format this crate writes.
pub const REPORT_VERSION: u32 = 1;

/// Everything reconcile found in a corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Report {
    /// Always [`REPORT_VERSION`].
    pub version: u32,
    /// One entry per input document, in input order.
    pub documents: Vec<DocumentReport>,
    /// Groups of documents that report the same event; every document is in exactly one.
    pub events: Vec<EventReport>,
    /// People, places and organisations after spelling variants were merged.
    pub entities: Vec<EntityReport>,
    /// Sentence pairs of different documents of one event that report a common claim.
    pub alignments: Vec<AlignmentReport>,
    /// What a fact-checker is shown: agreements, contradictions, garbled translations.
    pub findings: Vec<Finding>,
    /// Inputs that were not reconciled, with why (format 1.1): recorded with
    /// [`crate::Corpus::refuse`], so one bad file never costs the others their report.
    #[serde(default)]
    pub refused: Vec<Refused>,
}

/// An input that could not be added to the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Refused {
    /// The input's id (for files, as [`crate::input::read_paths`] gives it).
    pub id: String,
    /// The error, as a person reads it.
    pub error: String,
}

impl Report {
    /// The report as pretty-printed JSON (stable field order, deterministic).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("report types always serialise")
    }

    /// Writes the same JSON as [`Report::to_json`] to `out` as it is produced, without
    /// holding the whole text in memory (a large corpus' report runs to hundreds of MB).
    /// Wrap an unbuffered writer in a `BufWriter`.
    pub fn write_json(&self, out: impl std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(out, self).map_err(std::io::Error::from)
    }
}

/// One document of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DocumentReport {
    /// The caller's id.
    pub id: String,
    /// Headline, when recognised.
    pub title: Option<String>,
    /// ISO publication date, when known.
    pub published: Option<String>,
    /// Id of the event the document belongs to.
    pub event: String,
    /// The id of the document this one is a near-verbatim copy of (wire copy,
    /// republication), else null (format 1.1). Copies stay in their event.
    #[serde(default)]
    pub copy_of: Option<String>,
    /// Body sentences in reading order.
    pub sentences: Vec<SentenceSpan>,
    /// How likely the document is a garbled machine translation.
    pub machine_translation: MachineTranslation,
    /// What the input was read as (format 1.1): `text`, or `html` when sentence spans
    /// bound page bytes and `text` is the visible text.
    #[serde(default)]
    pub format: crate::origin::Format,
}

/// A sentence's byte range in the original input, and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SentenceSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// For plain UTF-8 text exactly `original[start..end]`; for an HTML page (or another
    /// encoding) the text a reader sees there (tags removed, entities decoded, whitespace
    /// collapsed).
    pub text: String,
}

/// Document-level machine-translation verdict.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MachineTranslation {
    /// In [0, 1]; higher means more likely a garbled machine translation.
    #[cfg_attr(feature = "schema", schemars(range(min = 0.0, max = 1.0)))]
    pub score: f64,
    /// The library's decision.
    pub flagged: bool,
}

/// An event: documents that report the same happening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct EventReport {
    /// `e0`, `e1`, ... in order of each event's first document.
    pub id: String,
    /// Ids of its documents, in input order.
    pub documents: Vec<String>,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person.
    Person,
    /// A country, region, city or other place.
    Place,
    /// An agency, company, government body or other organisation.
    Organization,
    /// Anything else named.
    Other,
}

/// One real-world referent and all the places it is mentioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct EntityReport {
    /// `n0`, `n1`, ...
    pub id: String,
    /// The best-supported spelling.
    pub canonical: String,
    /// Person, place, organisation or other.
    pub kind: EntityKind,
    /// Every mention, in document and text order.
    pub mentions: Vec<MentionReport>,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MentionReport {
    /// Document id.
    pub document: String,
    /// Sentence index in that document.
    pub sentence: usize,
    /// Byte start in the document's original text.
    pub start: usize,
    /// Byte end in the document's original text.
    pub end: usize,
    /// The name as written (no honorific, no possessive).
    pub text: String,
}

/// A reference to one sentence of one document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SentenceRef {
    /// Document id.
    pub document: String,
    /// Sentence index in that document.
    pub sentence: usize,
}

/// How two aligned sentences relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Relation {
    /// Both state the same claim.
    Agreement,
    /// They cannot both be true.
    Contradiction,
    /// They overlap but each says something the other does not.
    Partial,
    /// They do not report a common claim.
    Unrelated,
}

/// An aligned sentence pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AlignmentReport {
    /// One side.
    pub a: SentenceRef,
    /// The other side (another document of the same event).
    pub b: SentenceRef,
    /// Calibrated similarity in [0, 1].
    #[cfg_attr(feature = "schema", schemars(range(min = 0.0, max = 1.0)))]
    pub score: f64,
    /// Agreement, contradiction or partial.
    pub relation: Relation,
}

/// The kind of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingKind {
    /// Two sentences of different documents that cannot both be true.
    Contradiction,
    /// Sentences of several documents stating one claim.
    Agreement,
    /// A garbled machine-translated sentence (first), with its clean twin (second) if any.
    GarbledTranslation,
}

/// A piece of text that shows why a finding was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Evidence {
    /// Document id.
    pub document: String,
    /// Sentence index in that document.
    pub sentence: usize,
    /// Byte start in the document's original text.
    pub start: usize,
    /// Byte end in the document's original text.
    pub end: usize,
    /// The text shown (as for [`SentenceSpan::text`]).
    pub text: String,
}

impl Evidence {
    /// Evidence for `span` (byte offsets into the document's text) in sentence `sentence`
    /// of `doc`; `None` when the span does not slice the text on character boundaries.
    pub(crate) fn of(
        doc: &crate::document::Document,
        sentence: usize,
        span: crate::document::Span,
    ) -> Option<Evidence> {
        let text = doc.text.get(span.start..span.end)?;
        let original = doc.original_span(span);
        Some(Evidence {
            document: doc.id.clone(),
            sentence,
            start: original.start,
            end: original.end,
            text: text.to_string(),
        })
    }
}

/// Something a fact-checker is shown, with its reasons and evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Finding {
    /// Contradiction, agreement or garbled translation.
    pub kind: FindingKind,
    /// The sentences concerned (see [`FindingKind`] for their order).
    pub sentences: Vec<SentenceRef>,
    /// In [0, 1].
    #[cfg_attr(feature = "schema", schemars(range(min = 0.0, max = 1.0)))]
    pub confidence: f64,
    /// Why it was made (the deciding reason of a contradiction first); the report writes each
    /// as its snake_case code, e.g. `role_mismatch`, `broken_idiom`.
    pub reasons: Vec<Reason>,
    /// One sentence a person can read.
    pub explanation: String,
    /// The spans that show it.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Contradictions (format 1.1): the indices into `sentences` of each side of the fact;
    /// `sentences[0]` is on the first side and `sentences[1]` on the second.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sides: Option<Vec<Vec<usize>>>,
    /// Contradictions and agreements (format 1.1): how many of the documents concerned are
    /// independent sources (a copy of another document counts once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub independent_sources: Option<usize>,
}

impl Finding {
    /// How much a fact-checker should look at it first: confidence times the number of
    /// independent sources (distinct documents when that is not known).
    pub fn importance(&self) -> f64 {
        let sources = self.independent_sources.unwrap_or_else(|| {
            let docs: std::collections::BTreeSet<&str> =
                self.sentences.iter().map(|s| s.document.as_str()).collect();
            docs.len()
        });
        self.confidence * sources as f64
    }
}

/// Why a finding (or a [`crate::api::compare`] / [`crate::api::garble_score`] verdict) was
/// made: the reason codes of the report, serialised (serde) as the snake_case strings shown.
///
/// Contradictions carry the code of the rule that saw them, the deciding one first;
/// agreements `corroborated`; garbled translations one code per signal. New codes may be
/// added (the enum is `#[non_exhaustive]`), none is renamed or removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    // Contradictions and other relations of two sentences (the compare stage).
    /// `negation`: one sentence negates what the other states.
    Negation,
    /// `antonym`: the sentences use opposite words (won / lost) about the same thing.
    Antonym,
    /// `number_mismatch`: different numbers for the same counted thing.
    NumberMismatch,
    /// `date_mismatch`: different dates or days for the same happening.
    DateMismatch,
    /// `role_mismatch`: one person given different titles or roles.
    RoleMismatch,
    /// `entity_mismatch`: different people or places in the same role.
    EntityMismatch,
    /// `modality`: a fact on one side, a possibility, plan or demand on the other.
    Modality,
    /// `different_subject`: the sentences say the same of different subjects (a partial
    /// relation, not a contradiction).
    DifferentSubject,
    /// `same_claim`: the sentences state one claim (an agreement of two sentences).
    SameClaim,
    /// `overlap`: the sentences overlap but each says something the other does not.
    Overlap,
    /// `corroborated`: sentences of several documents state one claim (agreement findings).
    Corroborated,
    // Garbled machine translation (the garble stage).
    /// `broken_idiom`: an idiom with a key word replaced, as a literal translation has it.
    BrokenIdiom,
    /// `nonexistent_title`: a title no government uses, a known mistranslation of one.
    NonexistentTitle,
    /// `broken_grammar`: word sequences English does not allow.
    BrokenGrammar,
    /// `looping`: a phrase repeated back to back, as a derailed translation loops.
    Looping,
    /// `word_salad`: low fluency on the reference-free prior (word frequencies, function
    /// words, shape of the sentence).
    WordSalad,
    /// `name_variant`: a name spelt differently from the other sources' spelling of the same
    /// entity.
    NameVariant,
    /// `consensus_outlier`: several sources render one text alike and this sentence departs
    /// from them.
    ConsensusOutlier,
    /// `content_substitution`: content words replaced where another rendering of the same
    /// text has others.
    ContentSubstitution,
    /// `meaning_shift`: it contradicts a fluent article on the same event.
    MeaningShift,
    /// `weak_twin`: aligned with a fluent article's sentence, yet sharing little of its
    /// wording.
    WeakTwin,
    /// `garbled_context`: no other source carries it, and most of its article is garbled.
    GarbledContext,
}

impl Reason {
    /// Every reason code, in the order of the declaration.
    pub const ALL: &'static [Reason] = &[
        Reason::Negation,
        Reason::Antonym,
        Reason::NumberMismatch,
        Reason::DateMismatch,
        Reason::RoleMismatch,
        Reason::EntityMismatch,
        Reason::Modality,
        Reason::DifferentSubject,
        Reason::SameClaim,
        Reason::Overlap,
        Reason::Corroborated,
        Reason::BrokenIdiom,
        Reason::NonexistentTitle,
        Reason::BrokenGrammar,
        Reason::Looping,
        Reason::WordSalad,
        Reason::NameVariant,
        Reason::ConsensusOutlier,
        Reason::ContentSubstitution,
        Reason::MeaningShift,
        Reason::WeakTwin,
        Reason::GarbledContext,
    ];

    /// The snake_case code, as the report writes it ([`Display`](std::fmt::Display) writes
    /// the same; `str::parse` reads it back).
    ///
    /// ```
    /// use corroborate::Reason;
    ///
    /// assert_eq!(Reason::NumberMismatch.as_str(), "number_mismatch");
    /// assert_eq!("broken_idiom".parse::<Reason>(), Ok(Reason::BrokenIdiom));
    /// assert_eq!(serde_json::to_string(&Reason::WordSalad).unwrap(), "\"word_salad\"");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Negation => "negation",
            Reason::Antonym => "antonym",
            Reason::NumberMismatch => "number_mismatch",
            Reason::DateMismatch => "date_mismatch",
            Reason::RoleMismatch => "role_mismatch",
            Reason::EntityMismatch => "entity_mismatch",
            Reason::Modality => "modality",
            Reason::DifferentSubject => "different_subject",
            Reason::SameClaim => "same_claim",
            Reason::Overlap => "overlap",
            Reason::Corroborated => "corroborated",
            Reason::BrokenIdiom => "broken_idiom",
            Reason::NonexistentTitle => "nonexistent_title",
            Reason::BrokenGrammar => "broken_grammar",
            Reason::Looping => "looping",
            Reason::WordSalad => "word_salad",
            Reason::NameVariant => "name_variant",
            Reason::ConsensusOutlier => "consensus_outlier",
            Reason::ContentSubstitution => "content_substitution",
            Reason::MeaningShift => "meaning_shift",
            Reason::WeakTwin => "weak_twin",
            Reason::GarbledContext => "garbled_context",
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that is no reason code (see [`Reason`]'s `FromStr`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownReason(pub String);

impl std::fmt::Display for UnknownReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown reason code '{}'", self.0)
    }
}

impl std::error::Error for UnknownReason {}

impl std::str::FromStr for Reason {
    type Err = UnknownReason;

    fn from_str(s: &str) -> Result<Reason, UnknownReason> {
        Reason::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownReason(s.to_string()))
    }
}

impl PartialEq<str> for Reason {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Reason {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The JSON Schema (draft 2020-12) of the report's JSON form, generated from the report
/// types; `docs/report-schema.json` is this text.
#[cfg(feature = "schema")]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Report);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises")
}

/// Rounds a score to 4 decimals so JSON stays short and stable.
pub(crate) fn round4(x: f64) -> f64 {
    if x.is_finite() {
        (x * 10_000.0).round() / 10_000.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::Reason;

    #[test]
    fn reason_codes_serialise_to_their_strings_and_back() {
        for &r in Reason::ALL {
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
            assert_eq!(serde_json::from_str::<Reason>(&json).unwrap(), r);
            assert_eq!(r.as_str().parse::<Reason>(), Ok(r));
        }
        assert!("no_such_code".parse::<Reason>().is_err());
    }

    #[test]
    fn docs_report_format_lists_every_reason_code() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/report-format.md");
        let docs = std::fs::read_to_string(path).unwrap();
        for r in Reason::ALL {
            assert!(
                docs.contains(&format!("| `{r}` |")),
                "docs/report-format.md does not list the reason code `{r}`"
            );
        }
    }
}
