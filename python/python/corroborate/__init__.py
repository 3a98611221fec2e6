"""corroborate: cross-source claim reconciliation of news articles.

Which articles report the same event, which names are the same referent, which sentences
report the same claim, where sources agree and contradict, and which sentences are garbled
machine translations -- the report of the `corroborate` Rust crate, as Python objects.

>>> import corroborate
>>> report = corroborate.reconcile([("a.txt", "Minister Anna Berg said the talks would last three days.")])
>>> report["documents"][0]["id"]
'a.txt'
"""

from ._corroborate import (
    REPORT_VERSION,
    ConfigError,
    CorroborateError,
    Corpus,
    DocumentError,
    __version__,
    cluster_names,
    compare,
    garble_score,
    profile,
    reconcile,
    reconcile_json,
    settings,
)

__all__ = [
    "REPORT_VERSION",
    "ConfigError",
    "CorroborateError",
    "Corpus",
    "DocumentError",
    "__version__",
    "cluster_names",
    "compare",
    "garble_score",
    "profile",
    "reconcile",
    "reconcile_json",
    "settings",
]
