#!/usr/bin/env python3
"""Run `reconcile --json` and print its report with every contradiction finding expanded
into one two-sentence finding per pair of sentences across its `sides`.

usage: pairwise.py [--bin PATH] ARGS...   (default PATH: target/release/examples/reconcile)

The shared scorers that count contradictions pair by pair (score_parallel.py counts only
findings of exactly two sentences) see one fact with many sentences as nothing; pass this
script as their --bin to score every pair a finding sets against each other, as the
pair-per-finding reports of format 1.0 were scored:

    python3 ../shared/eval/score_parallel.py --bin benches/quality/pairwise.py ../shared/data/ruen-news
"""
import json, os, subprocess, sys

args = sys.argv[1:]
binary = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "target", "release", "examples", "reconcile")
if args[:1] == ["--bin"]:
    binary, args = args[1], args[2:]
p = subprocess.run([binary] + args, capture_output=True, text=True)
if p.returncode != 0 and not p.stdout:
    sys.stderr.write(p.stderr)
    sys.exit(p.returncode)
rep = json.loads(p.stdout)
out = []
for f in rep.get("findings", []):
    sides = f.get("sides")
    if f.get("kind") != "contradiction" or not sides or len(sides) != 2:
        out.append(f)
        continue
    s = f["sentences"]
    for i in sides[0]:
        for j in sides[1]:
            if s[i]["document"] != s[j]["document"]:
                out.append(dict(f, sentences=[s[i], s[j]], sides=[[0], [1]]))
rep["findings"] = out
json.dump(rep, sys.stdout)
sys.exit(p.returncode)
