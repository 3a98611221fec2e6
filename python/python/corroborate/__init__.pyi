"""Type stubs of the corroborate binding (the compiled module corroborate._corroborate)."""

import datetime
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Tuple, TypedDict, Union

__version__: str
#: The major version of the report format (the JSON contract, docs/report-format.md).
REPORT_VERSION: int

class _ArticleRequired(TypedDict):
    id: str
    text: Union[str, bytes]

class ArticleDict(_ArticleRequired, total=False):
    """An article: `text` as str (read as given) or bytes (decoded as the CLI decodes a
    file). `published` (an ISO date, date-time or `datetime.date`) wins over a dateline in
    the text; `url` and `source` are accepted and not used by the report."""

    published: Union[str, datetime.date, None]
    url: Optional[str]
    source: Optional[str]

Article = Union[ArticleDict, Tuple[str, Union[str, bytes]]]
#: Setting names (``"align.min_score"``) to values; see :func:`settings`.
ConfigDict = Mapping[str, Union[float, int, bool, str]]
Errors = Literal["raise", "refuse"]
#: The report: a dict with the keys of report format 1.1 (version, documents, events,
#: entities, alignments, findings, refused).
Report = Dict[str, Any]

class CorroborateError(ValueError):
    """Base class of every error corroborate raises for bad input or settings."""

    #: Stable snake_case code: ``empty_document``, ``invalid_utf8``, ``duplicate_id``,
    #: ``document_too_large``, ``empty_id``, ``bad_date``, ``no_body``, ``config``, ...
    kind: str
    #: The article the error names, when it names one.
    document_id: Optional[str]
    #: The setting of a configuration error.
    setting: Optional[str]

class DocumentError(CorroborateError):
    """An article was refused; ``document_id`` names it."""

class ConfigError(CorroborateError):
    """A setting is unknown or out of range; ``setting`` names it."""

class _Comparison(TypedDict):
    relation: Literal["agreement", "contradiction", "partial", "unrelated"]
    confidence: float
    reasons: List[str]
    explanation: str

class _GarbleScore(TypedDict):
    score: float
    flagged: bool
    reasons: List[str]
    notes: List[str]

class _Setting(TypedDict):
    name: str
    default: str
    range: str
    doc: str

def reconcile(
    articles: Iterable[Article], config: Optional[ConfigDict] = None, *, errors: Errors = "raise"
) -> Report:
    """Reconcile ``articles``; the report as Python objects, the same content as
    ``corroborate --format json``. With ``errors="raise"`` a refused article raises
    :class:`DocumentError`; with ``errors="refuse"`` it is listed in ``report["refused"]``.
    The GIL is released while reconciling."""

def reconcile_json(
    articles: Iterable[Article], config: Optional[ConfigDict] = None, *, errors: Errors = "raise"
) -> str:
    """Like :func:`reconcile`, as JSON text byte for byte what ``corroborate --format json``
    writes (without its final newline)."""

def compare(a: str, b: str, config: Optional[ConfigDict] = None) -> _Comparison:
    """How two sentences relate, judged on their own."""

def cluster_names(names: List[str], config: Optional[ConfigDict] = None) -> List[List[str]]:
    """Groups names that are spellings of one referent; each name exactly once."""

def garble_score(sentence: str, config: Optional[ConfigDict] = None) -> _GarbleScore:
    """One sentence judged alone as a garbled machine translation."""

class _ProfileName(TypedDict):
    name: str
    kind: Literal["person", "place", "organization", "other"]
    key: str

class _Profile(TypedDict):
    published: Optional[str]
    title: Optional[str]
    names: List[_ProfileName]

def profile(
    id: str,
    text: Union[str, bytes],
    published: Union[str, datetime.date, None] = None,
    config: Optional[ConfigDict] = None,
) -> _Profile:
    """One article read without reconciling it (ingest and names only): its date, headline
    and names with phonetic keys -- a cheap first pass to block a large collection."""

def settings() -> List[_Setting]:
    """Every setting a config dict may set, with its default, range and documentation."""

class Corpus:
    """Articles for incremental use. Safe to share between threads; every method releases
    the GIL while it works."""

    def __init__(self, config: Optional[ConfigDict] = None) -> None: ...
    def add(
        self, id: str, text: Union[str, bytes], published: Union[str, datetime.date, None] = None
    ) -> int:
        """Adds one article; returns its index. Raises :class:`DocumentError`."""
    def add_many(self, articles: Iterable[Article], *, errors: Errors = "raise") -> List[Optional[int]]:
        """Adds articles in order; their indexes (None for one refused with
        ``errors="refuse"``)."""
    def reconcile(self) -> Report:
        """The report of every article added so far."""
    def reconcile_json(self) -> str:
        """The report as JSON text."""
    def ids(self) -> List[str]:
        """The ids of the articles added, in order."""
    def __len__(self) -> int: ...
