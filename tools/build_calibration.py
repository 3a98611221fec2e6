#!/usr/bin/env python3
"""Rebuild src/data/compare/calibration.tsv: each contradiction reason code's confidence is
its measured precision on labelled data (issue 14).

usage: python3 tools/build_calibration.py [--shared ../shared] [--bin-dir target/release/examples]
           [--ecb-labels benches/quality/ecb-contradictions-check.tsv] [--out FILE]

Needs `cargo build --release --examples`. Two settings, as the library has two:
  pair    two sentences compared alone (`compare` example): SICK (a contradiction is true
          when gold says contradiction) and STS headlines (gold agreement or unrelated: every
          contradiction is false).
  corpus  contradiction findings of `reconcile` (run with min_finding_confidence 0, so the
          table's own values filter nothing it measures): the seeds (true when one of the
          finding's cross-side pairs is a gold contradiction or partial pair, as
          score_seeds.py counts), the parallel news sets (a finding between two clean
          renderings of one segment is false: every file renders one source text; other
          findings there have no label), and the hand-labelled ecb-news sample (true / false;
          unsure left out).
The code of a finding is its first reason. precision = true / findings; confidence =
(true + 1) / (findings + 2), the smoothed precision (a code seen twice is not certain).
Prints the table, which README.md shows. Only the Python standard library is used.
"""
import argparse
import glob
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict


def run_json_lines(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def reconcile(bin_dir, files):
    cmd = [os.path.join(bin_dir, "reconcile"), "--json",
           "--set", "compare.min_finding_confidence=0"] + files
    return json.loads(subprocess.run(cmd, check=True, capture_output=True).stdout)


def contradictions(report):
    return [f for f in report["findings"] if f["kind"] == "contradiction"]


def pair_counts(bin_dir, data, tally, source):
    gold = {}
    with open(os.path.join(data, "pairs.tsv"), encoding="utf-8") as f:
        for line in f.read().splitlines()[1:]:
            i, _, _, g = line.split("\t")
            gold[i] = g
    cmd = [os.path.join(bin_dir, "compare"), os.path.join(data, "pairs.in.tsv")]
    for o in run_json_lines(cmd):
        if o.get("relation") == "contradiction" and o.get("reasons"):
            tally[("pair", o["reasons"][0])][source, gold[str(o["id"])] == "contradiction"] += 1


def load_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    argv = sys.argv
    sys.argv = [path]
    try:
        spec.loader.exec_module(mod)
    finally:
        sys.argv = argv
    return mod


def seed_counts(bin_dir, shared, tally):
    seeds = sorted(glob.glob(os.path.join(shared, "seeds", "*.txt")))
    if not seeds:
        return
    report = reconcile(bin_dir, seeds)
    sc = load_module(os.path.join(shared, "eval", "score_seeds.py"), "score_seeds")
    docs = sc.Docs(report)
    gold = json.load(open(os.path.join(shared, "eval", "seeds-gold-alignment.json")))
    good = set()
    for p in gold["pairs"]:
        ia, ib = docs.locate(p["a"], p["a_quote"]), docs.locate(p["b"], p["b_quote"])
        if ia is not None and ib is not None and p["relation"] in ("contradiction", "partial"):
            good.add(frozenset([(p["a"], ia), (p["b"], ib)]))
    for f in contradictions(report):
        sents = f["sentences"]
        sides = f.get("sides") or [[0], [1]]
        ref = lambda r: sc.sentence_ref(docs, r)
        pairs = {frozenset([ref(sents[i]), ref(sents[j])]) for i in sides[0] for j in sides[1]}
        tally[("corpus", f["reasons"][0])]["seeds", bool(pairs & good)] += 1


def parallel_counts(bin_dir, root, tally, source):
    gold = {}
    rows = open(os.path.join(root, "gold.tsv"), encoding="utf-8").read().splitlines()
    cols = rows[0].split("\t")
    for r in rows[1:]:
        v = dict(zip(cols, r.split("\t")))
        if not (v.get("mqm_penalty_mean") or v.get("da_raw")):
            continue
        pen = float(v["mqm_penalty_mean"]) if "mqm_penalty_mean" in v else 100.0 - float(v["da_raw"])
        gold[(v["doc_id"], v["system"], int(v["seg"]))] = pen
    clean_max = 0.0 if "mqm_penalty_mean" in cols else 10.0
    for folder in sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d))):
        with tempfile.TemporaryDirectory() as tmp:
            texts = {}
            for name in sorted(os.listdir(os.path.join(root, folder))):
                if name.endswith(".txt"):
                    doc = f"{folder}__{name}"
                    shutil.copy(os.path.join(root, folder, name), os.path.join(tmp, doc))
                    texts[doc] = (name[:-4], open(os.path.join(tmp, doc), "rb").read())
            report = reconcile(bin_dir, [os.path.join(tmp, d) for d in sorted(texts)])
        starts = {d: [0] + [i + 1 for i, c in enumerate(t) if c == 10] for d, (_, t) in texts.items()}
        line = {}
        for d in report["documents"]:
            for i, s in enumerate(d["sentences"]):
                line[(d["id"], i)] = sum(1 for x in starts[d["id"]] if x <= s["start"])

        def clean(doc, ln):
            system = texts[doc][0]
            if system == "reference":
                return True
            pen = gold.get((folder, system, ln))
            return pen is not None and pen <= clean_max

        for f in contradictions(report):
            if len(f["sentences"]) != 2:
                continue
            (a, b) = [(s["document"], line.get((s["document"], s["sentence"]))) for s in f["sentences"]]
            if a[1] is not None and a[1] == b[1] and clean(*a) and clean(*b):
                tally[("corpus", f["reasons"][0])][source, False] += 1


def ecb_counts(path, tally):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if not l.startswith("#") and l.strip()]
    head = lines[0].split("\t")
    for l in lines[1:]:
        r = dict(zip(head, l.split("\t")))
        if r.get("label") in ("true", "false"):
            tally[("corpus", r["reason"].split(",")[0])]["ecb-news", r["label"] == "true"] += 1


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--shared", default="../shared")
    p.add_argument("--bin-dir", default="target/release/examples")
    p.add_argument("--ecb-labels", default="benches/quality/ecb-contradictions-check.tsv")
    p.add_argument("--out", default="src/data/compare/calibration.tsv")
    a = p.parse_args()
    tally = defaultdict(Counter)
    data = os.path.join(a.shared, "data")
    pair_counts(a.bin_dir, os.path.join(data, "sick"), tally, "sick")
    pair_counts(a.bin_dir, os.path.join(data, "sts-headlines"), tally, "sts-headlines")
    seed_counts(a.bin_dir, a.shared, tally)
    for name in ("ruen-news", "zhen-news-mqm"):
        parallel_counts(a.bin_dir, os.path.join(data, name), tally, name)
    ecb_counts(a.ecb_labels, tally)
    out = ["# Calibrated confidence of contradiction reason codes (issue 14), rebuilt by",
           "# tools/build_calibration.py; confidence = (true + 1) / (findings + 2).",
           "# sources: per code, source=true/false counts.",
           "setting\tcode\tfindings\ttrue\tprecision\tconfidence\tsources"]
    for (setting, code), c in sorted(tally.items()):
        n = sum(c.values())
        t = sum(v for (_, ok), v in c.items() if ok)
        src = ",".join(f"{s}={c[s, True]}/{c[s, False]}" for s in sorted({s for s, _ in c}))
        out.append(f"{setting}\t{code}\t{n}\t{t}\t{t / n:.3f}\t{(t + 1) / (n + 2):.3f}\t{src}")
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("\n".join(out[3:]))


if __name__ == "__main__":
    main()
