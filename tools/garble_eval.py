#!/usr/bin/env python3
"""Sentence-level evaluation of the garble example on the parallel news folders.

usage: garble_eval.py --bin PATH/TO/examples/garble DIR [DIR...]

DIR is laid out like shared/data/zhen-news-mqm or ruen-news: one folder per source article
with reference.txt and one file per MT system (one segment per line), and gold.tsv with
human judgements (mqm_penalty_mean, or da_raw). Gold garbled: MQM penalty >= 10 or DA < 30;
gold clean: penalty 0 or DA >= 90 (as in shared/eval/score_parallel.py). Prints, per DIR:
ROC AUC of `score` (garbled vs clean), precision / recall of `flagged` (garbled vs clean),
the share of reference lines flagged, and the best precision reachable at recall >= 0.4.
"""
import json
import os
import subprocess
import sys


def run(binary, lines):
    p = subprocess.run([binary, "-"], input="\n".join(lines) + "\n", capture_output=True,
                       text=True, check=True)
    return [json.loads(l) for l in p.stdout.splitlines() if l.strip()]


def auc(pos, neg):
    if not pos or not neg:
        return float("nan")
    neg_sorted = sorted(neg)
    import bisect
    total = 0.0
    for p in pos:
        lo = bisect.bisect_left(neg_sorted, p)
        hi = bisect.bisect_right(neg_sorted, p)
        total += lo + 0.5 * (hi - lo)
    return total / (len(pos) * len(neg))


def main():
    argv = sys.argv[1:]
    if len(argv) < 3 or argv[0] != "--bin":
        sys.exit(__doc__)
    binary, dirs = argv[1], argv[2:]
    for root in dirs:
        header, *rows = open(os.path.join(root, "gold.tsv"), encoding="utf-8").read().splitlines()
        cols = header.split("\t")
        mqm = "mqm_penalty_mean" in cols
        gold = {}
        for r in rows:
            v = dict(zip(cols, r.split("\t")))
            val = v.get("mqm_penalty_mean") if mqm else v.get("da_raw")
            if not val:
                continue
            pen = float(val) if mqm else 100.0 - float(val)
            gold[(v["doc_id"], v["system"], int(v["seg"]))] = pen
        garbled_at, clean_at = (10.0, 0.0) if mqm else (70.0, 10.0)
        keys, lines = [], []
        for f in sorted(os.listdir(root)):
            if not os.path.isdir(os.path.join(root, f)):
                continue
            for name in sorted(os.listdir(os.path.join(root, f))):
                if not name.endswith(".txt"):
                    continue
                text = open(os.path.join(root, f, name), encoding="utf-8").read()
                for i, line in enumerate(text.split("\n")[: text.count("\n")], 1):
                    keys.append((f, name[:-4], i))
                    lines.append(line)
        out = run(binary, lines)
        assert len(out) == len(lines), (len(out), len(lines))
        pos, neg, refs = [], [], []
        tp = fp = fn = 0
        for k, o in zip(keys, out):
            if k[1] == "reference":
                refs.append(o)
                continue
            pen = gold.get(k)
            if pen is None:
                continue
            if pen >= garbled_at:
                pos.append(o["score"])
                tp += o["flagged"]
                fn += not o["flagged"]
            elif pen <= clean_at:
                neg.append(o["score"])
                fp += o["flagged"]
        best = 0.0
        for t in sorted(set(pos)):
            r = sum(p >= t for p in pos) / len(pos)
            if r >= 0.4:
                n = sum(x >= t for x in neg)
                best = max(best, sum(p >= t for p in pos) / max(1, sum(p >= t for p in pos) + n))
        print(f"== {root}: {len(pos)} garbled, {len(neg)} clean, {len(refs)} reference lines")
        print(f"auc                  {auc(pos, neg):.4f}")
        print(f"flag_precision       {tp / max(1, tp + fp):.4f}")
        print(f"flag_recall          {tp / max(1, tp + fn):.4f}")
        print(f"reference_flagged    {sum(o['flagged'] for o in refs) / max(1, len(refs)):.4f}")
        print(f"best_prec_at_rec0.4  {best:.4f}")


if __name__ == "__main__":
    main()
