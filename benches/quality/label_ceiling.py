#!/usr/bin/env python3
"""How far can a similarity signal go on the parallel news's garbled-sentence labels?

ruen-news's scorer calls an MT segment garbled when its crowd direct-assessment score
(da_raw) is below 30 and clean when it is 90 or more; zhen-news-mqm's when its expert MQM
penalty is 10 or more, and clean when it is 0. This script ranks every MT segment by two
signals and reports the precision at which they reach a recall of 0.4 (the issue's goal is
precision >= 0.7 there):

- consensus: mean character-trigram Dice of the segment with the other systems' versions of
  the same line (what a cross-source method could know at best, with perfect alignment);
- reference: Dice with the human reference of the same line (an oracle the library never
  has: it does not know which document is the reference).

Usage: python3 benches/quality/label_ceiling.py ../shared/data/ruen-news
       python3 benches/quality/label_ceiling.py ../shared/data/zhen-news-mqm
"""
import csv
import os
import re
import statistics
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ruen-news"
# Human penalty per segment (higher = worse), with the scorer's thresholds: DA data
# (ruen-news) 100 - da_raw, garbled >= 70, clean <= 10; MQM data (zhen-news-mqm) the mean
# penalty, garbled >= 10, clean 0.
gold = {}
with open(os.path.join(root, "gold.tsv")) as f:
    reader = csv.DictReader(f, delimiter="\t")
    mqm = "mqm_penalty_mean" in (reader.fieldnames or [])
    for r in reader:
        v = r["mqm_penalty_mean"] if mqm else r["da_raw"]
        if v:
            pen = float(v) if mqm else 100.0 - float(v)
            gold[(r["doc_id"], int(r["seg"]), r["system"])] = pen
GARBLED, CLEAN = (10.0, 0.0) if mqm else (70.0, 10.0)


def trigrams(s):
    s = " ".join(re.sub(r"[^\w ]", " ", s.lower()).split())
    return {s[i:i + 3] for i in range(len(s) - 2)}


def dice(a, b):
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


rows = []
for d in sorted(os.listdir(root)):
    folder = os.path.join(root, d)
    if not os.path.isdir(folder):
        continue
    versions = {
        f[:-4]: open(os.path.join(folder, f)).read().split("\n")
        for f in os.listdir(folder)
        if f.endswith(".txt")
    }
    for ln in range(len(versions["reference"])):
        line = {k: v[ln] for k, v in versions.items() if ln < len(v) and v[ln].strip()}
        tri = {k: trigrams(v) for k, v in line.items()}
        for k in line:
            g = gold.get((d, ln + 1, k))
            if k == "reference" or g is None:
                continue
            others = [dice(tri[k], tri[o]) for o in line if o not in (k, "reference")]
            ref = dice(tri[k], tri["reference"]) if "reference" in tri else 0.0
            rows.append((statistics.mean(others) if others else 0.0, ref, g))

garbled = sum(1 for r in rows if r[2] >= GARBLED)
print(f"segments {len(rows)}, garbled {garbled}, clean {sum(1 for r in rows if r[2] <= CLEAN)}")
for name, idx in (("consensus", 0), ("reference (oracle)", 1)):
    tp = fp = 0
    for r in sorted(rows, key=lambda r: r[idx]):
        if r[2] >= GARBLED:
            tp += 1
        elif r[2] <= CLEAN:
            fp += 1
        if tp / garbled >= 0.4:
            break
    print(f"{name:20s} precision at recall 0.4: {tp / (tp + fp):.3f}")
