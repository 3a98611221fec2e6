#!/usr/bin/env python3
"""Draw a random sample of contradiction findings on ecb-news for a hand check (issue 14).

usage: ecb_sample.py [--bin PATH] [--report FILE] [--seed N] [--n 50] DATA_DIR OUT.tsv
       ecb_sample.py --summary LABELS.tsv

Runs `PATH --json DATA_DIR/*.txt` (one call, file names sorted, as score_ecb.py does) or
reads a saved report, takes the contradiction findings, and draws `--n` of them with
`random.Random(seed).sample` (all of them when fewer exist). Each row shows the reason, the
two representative sentences (the first of each side) and empty `label` / `why` columns to
fill by hand: `true` (two sources state one fact incompatibly), `false`, `unsure`. Labels
of an earlier file given with `--keep FILE` are carried over for the same sentence pair and
reason, so a re-draw after a fix only asks for the new rows.

`--summary` prints the label counts and, per reason code, true / labelled (used by
tools/build_calibration.py). Only the Python standard library is used.
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys
from collections import Counter, defaultdict

COLUMNS = ["n", "reason", "confidence", "doc_a#sentence", "doc_b#sentence",
           "sentence_a", "sentence_b", "label", "why"]


def load_report(args):
    if args.report:
        with open(args.report, encoding="utf-8") as f:
            return json.load(f)
    files = sorted(glob.glob(os.path.join(args.data, "*.txt")))
    out = subprocess.run([args.bin, "--json"] + files, check=True, capture_output=True)
    return json.loads(out.stdout)


def rows(report):
    docs = {d["id"]: d for d in report["documents"]}

    def text(ref):
        return docs[ref["document"]]["sentences"][ref["sentence"]]["text"].replace("\t", " ")

    found = [f for f in report["findings"] if f["kind"] == "contradiction"]
    for f in found:
        sents = f["sentences"]
        sides = f.get("sides") or [[0], [1]]
        a, b = sents[sides[0][0]], sents[sides[1][0]]
        yield {
            "reason": ",".join(f["reasons"]),
            "confidence": str(f["confidence"]),
            "doc_a#sentence": f"{a['document']}#{a['sentence']}",
            "doc_b#sentence": f"{b['document']}#{b['sentence']}",
            "sentence_a": text(a),
            "sentence_b": text(b),
            "label": "",
            "why": "",
        }


def read_labels(path):
    """Rows of a labels file (comment lines start with '#')."""
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if not l.startswith("#") and l.strip()]
    head = lines[0].split("\t")
    return [dict(zip(head, l.split("\t"))) for l in lines[1:]]


def key(r):
    pair = sorted([r["doc_a#sentence"], r["doc_b#sentence"]])
    return (r["reason"].split(",")[0], pair[0], pair[1])


def summary(path):
    labelled = read_labels(path)
    counts = Counter(r["label"] for r in labelled)
    print(f"rows {len(labelled)}")
    for k in ("true", "false", "unsure"):
        print(f"{k} {counts.get(k, 0)}")
    per = defaultdict(Counter)
    for r in labelled:
        per[r["reason"].split(",")[0]][r["label"]] += 1
    for code, c in sorted(per.items()):
        print(f"reason {code} true {c['true']} false {c['false']} unsure {c['unsure']}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data", nargs="?")
    p.add_argument("out", nargs="?")
    p.add_argument("--bin", default="target/release/examples/reconcile")
    p.add_argument("--report")
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--n", type=int, default=50)
    p.add_argument("--keep")
    p.add_argument("--summary")
    args = p.parse_args()
    if args.summary:
        summary(args.summary)
        return
    if not args.data or not args.out:
        p.error("DATA_DIR and OUT.tsv are required")
    all_rows = list(rows(load_report(args)))
    total = len(all_rows)
    pick = all_rows if total <= args.n else random.Random(args.seed).sample(all_rows, args.n)
    old = {key(r): r for r in read_labels(args.keep)} if args.keep else {}
    for r in pick:
        if key(r) in old:
            r["label"], r["why"] = old[key(r)]["label"], old[key(r)]["why"]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(f"# Hand check of ecb-news contradiction findings (issue 14): {len(pick)} of "
                f"{total} findings, drawn by benches/quality/ecb_sample.py --seed {args.seed} "
                f"--n {args.n}.\n")
        f.write("# label: true = two sources state one fact incompatibly; false; unsure.\n")
        f.write("\t".join(COLUMNS) + "\n")
        for i, r in enumerate(pick):
            r["n"] = str(i)
            f.write("\t".join(r[c] for c in COLUMNS) + "\n")
    print(f"findings {total} sampled {len(pick)}", file=sys.stderr)


if __name__ == "__main__":
    main()
