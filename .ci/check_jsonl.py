#!/usr/bin/env python3
"""Checks `corroborate --format jsonl` against the same run's JSON report: every line parses,
records are typed, and every document, entity, alignment and finding appears exactly once.
usage: check_jsonl.py REPORT.json REPORT.jsonl"""
import collections, json, sys

report = json.load(open(sys.argv[1]))
records = [json.loads(line) for line in open(sys.argv[2])]
by_type = collections.defaultdict(list)
for r in records:
    by_type[r.pop("type")].append(r)
assert records and "report" in by_type, "no report record"
strip = lambda r, *keys: {k: v for k, v in r.items() if k not in keys}
checks = {
    "document": (report["documents"], lambda r: strip(r, "url", "source")),
    "event": (report["events"], lambda r: r),
    "entity": (report["entities"], lambda r: r),
    "alignment": (report["alignments"], lambda r: strip(r, "event")),
    "finding": (report["findings"], lambda r: strip(r, "event")),
}
key = lambda x: json.dumps(x, sort_keys=True)
for kind, (want, norm) in checks.items():
    have = sorted(key(norm(r)) for r in by_type.get(kind, []))
    assert have == sorted(key(w) for w in want), f"{kind} records differ from the report"
    print(f"{kind}: {len(have)}")
