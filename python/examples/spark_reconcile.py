"""Reconcile a large collection of articles with PySpark and the corroborate binding.

    spark-submit spark_reconcile.py ARTICLES.jsonl OUT_DIR [--window-days 3] [--max-group 50]
    python spark_reconcile.py ARTICLES.jsonl OUT_DIR          # local mode, all cores

Input: JSON lines, one article per line, as `corroborate --input jsonl` reads them:
`{"id": ..., "text": ..., "published": "2025-06-04"?, "url": ...?, "source": ...?}`.
Output: a directory of JSON lines part files (Spark's `saveAsTextFile`), one record per line:
`{"record": "finding", "block": ..., "event_documents": [...], <the report's finding>}` and
`{"record": "refused", "block": ..., "id": ..., "error": ...}`.

How it works (each step on the executors unless said):
1. profile: every article is ingested and its names found (`corroborate.profile`), which gives
   its date (given, or the dateline's) and a phonetic key per name (Witkoff = Witkov).
2. block keys: each name key paired with the article's date bucket (`window_days` wide) and
   the next one, so that two articles whose dates are less than one window apart share a key
   (up to two windows apart may share one). Undated articles pair names with `None`.
3. blocks: keys shared by 2 to `max_group` articles link them (a key in more articles is too
   common to tell events apart and links nothing); the driver joins linked articles into
   connected components (union-find over article ids) and splits a component larger than
   `max_block` into chunks in date order. An article that shares no key is a block alone.
4. reconcile: each block is reconciled by `corroborate.reconcile` on an executor, the GIL
   released, and its findings written as JSON lines.

Limits:
- Events that cross blocks are not seen whole: two reports of one event that share no rare
  name within the window (a name spelt with a different first sound, a date more than two
  windows apart, one article undated and the other dated) are reconciled apart, and their
  agreements and contradictions are missed. Findings are never wrong for it, only absent.
- A component split at `max_block` can cut an event in two in the same way.
- `event`, entity ids (`e0`, `n0`) and sentence indexes are those of the block's own report;
  `block` and `event_documents` say which articles they are about.
- Word statistics the library gathers over a corpus (name boundaries, rarity) are gathered
  per block, so a block's report can differ slightly from the same articles' report inside a
  larger corpus.
- The driver holds the ids of the articles that share keys (the union-find); at tens of
  millions of articles use a distributed connected-components step (GraphFrames) instead.
"""

import argparse
import datetime
import json
import os
import sys
from typing import Dict, Iterable, List, Optional, Tuple

import corroborate

#: Names of these kinds block articles; `other` (numbers, products, ...) does not.
BLOCKING_KINDS = ("person", "place", "organization")


def day_number(published: Optional[str]) -> Optional[int]:
    """Days since 1970-01-01 of an ISO date (`None` for none or a partial date)."""
    if not published or len(published) != 10:
        return None
    try:
        return (datetime.date.fromisoformat(published) - datetime.date(1970, 1, 1)).days
    except ValueError:
        return None


def block_keys(profile: dict, window_days: int) -> List[Tuple[str, Optional[int]]]:
    """The (name key, date bucket) keys of one article's profile, without repeats."""
    day = day_number(profile.get("published"))
    buckets = [None] if day is None else [day // window_days, day // window_days + 1]
    names = sorted({n["key"] for n in profile["names"] if n["kind"] in BLOCKING_KINDS and len(n["key"]) >= 3})
    return [(k, b) for k in names for b in buckets]


class UnionFind:
    """Disjoint sets of ids; `find` gives each set's smallest id."""

    def __init__(self):
        self.parent: Dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def assign_blocks(groups: Iterable[List[str]], days: Dict[str, Optional[int]], max_block: int) -> Dict[str, str]:
    """Block ids of the articles in `groups` (lists of ids sharing a key): connected
    components, each split in chunks of at most `max_block` in (date, id) order. Ids are
    `b:<smallest id>:<chunk>`, the same whatever the order of the groups."""
    uf = UnionFind()
    for group in groups:
        for other in group[1:]:
            uf.union(group[0], other)
    components: Dict[str, List[str]] = {}
    for x in list(uf.parent):
        components.setdefault(uf.find(x), []).append(x)
    out = {}
    for root, members in components.items():
        members.sort(key=lambda i: (days.get(i) is None, days.get(i) or 0, i))
        for start in range(0, len(members), max_block):
            for i in members[start : start + max_block]:
                out[i] = f"b:{root}:{start // max_block}"
    return out


def block_of(article_id: str, blocks: Dict[str, str]) -> str:
    """The block of an article; one that shares no key is a block alone."""
    return blocks.get(article_id, f"s:{article_id}")


def order_block(articles: Iterable[dict]) -> List[dict]:
    """A block's articles in a fixed order (date, then id), so its report is deterministic."""
    return sorted(articles, key=lambda a: (a.get("published") is None, a.get("published") or "", a["id"]))


def reconcile_block(block: str, articles: Iterable[dict], config: Optional[dict] = None) -> List[str]:
    """The JSON lines of one block: its findings and its refused articles."""
    articles = order_block(articles)
    inputs = [{k: a[k] for k in ("id", "text", "published") if a.get(k) is not None} for a in articles]
    report = corroborate.reconcile(inputs, config, errors="refuse")
    event_of = {d: e["documents"] for e in report["events"] for d in e["documents"]}
    lines = []
    for f in report["findings"]:
        first = f["sentences"][0]["document"] if f["sentences"] else None
        record = {"record": "finding", "block": block, "event_documents": event_of.get(first, [])}
        record.update(f)
        lines.append(json.dumps(record, ensure_ascii=False))
    for r in report["refused"]:
        lines.append(json.dumps({"record": "refused", "block": block, **r}, ensure_ascii=False))
    return lines


def profile_of(article: dict, config: Optional[dict]) -> dict:
    """The profile of an article; one the library refuses has no names (a block alone,
    where reconcile lists it as refused)."""
    try:
        return corroborate.profile(article["id"], article["text"], article.get("published"), config)
    except (corroborate.CorroborateError, TypeError, KeyError):
        return {"published": None, "title": None, "names": []}


def run(
    sc,
    input_path: str,
    output_path: str,
    window_days: int = 3,
    max_group: int = 50,
    max_block: int = 200,
    config: Optional[dict] = None,
    partitions: Optional[int] = None,
) -> Dict[str, str]:
    """Runs the job on SparkContext `sc`; returns the block of every article that shares a
    key (the others are blocks alone)."""
    # The executors unpickle this module's functions: ship it to them.
    sc.addPyFile(os.path.abspath(__file__))
    articles = sc.textFile(input_path).filter(str.strip).map(json.loads)
    if partitions:
        articles = articles.repartition(partitions)
    articles = articles.map(lambda a: {**a, "id": str(a.get("id", ""))}).cache()
    profiles = articles.map(lambda a: (a["id"], profile_of(a, config))).cache()
    days = dict(profiles.mapValues(lambda p: day_number(p["published"])).collect())
    groups = (
        profiles.flatMap(lambda ip: [(k, ip[0]) for k in block_keys(ip[1], window_days)])
        .groupByKey()
        .mapValues(lambda ids: sorted(set(ids)))
        .values()
        .filter(lambda ids: 2 <= len(ids) <= max_group)
        .collect()
    )
    blocks = assign_blocks(groups, days, max_block)
    shared = sc.broadcast(blocks)
    (
        articles.map(lambda a: (block_of(a["id"], shared.value), a))
        .groupByKey()
        .flatMap(lambda kv: reconcile_block(kv[0], kv[1], config))
        .saveAsTextFile(output_path)
    )
    return blocks


def read_output(output_path: str) -> List[dict]:
    """Every record of an output directory."""
    out = []
    for name in sorted(os.listdir(output_path)):
        if name.startswith("part-"):
            with open(os.path.join(output_path, name), encoding="utf-8") as f:
                out.extend(json.loads(line) for line in f if line.strip())
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON lines of articles")
    p.add_argument("output", help="output directory (must not exist)")
    p.add_argument("--window-days", type=int, default=3)
    p.add_argument("--max-group", type=int, default=50)
    p.add_argument("--max-block", type=int, default=200)
    p.add_argument("--master", default=None, help="Spark master (default: spark-submit's, or local[*])")
    args = p.parse_args(argv)
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("corroborate")
    if args.master or "SPARK_MASTER" not in os.environ and not os.environ.get("SPARK_ENV_LOADED"):
        builder = builder.master(args.master or "local[*]")
    spark = builder.getOrCreate()
    try:
        blocks = run(spark.sparkContext, args.input, args.output, args.window_days, args.max_group, args.max_block)
        print(f"{len(set(blocks.values()))} shared blocks; findings in {args.output}", file=sys.stderr)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
