#!/usr/bin/env python3
"""Precision of each garble reason code on labelled data (a diagnostic, not a gate).

usage: garble_signals.py --bin PATH/TO/examples/reconcile SHARED_DIR [--show REASON] [--sets a,b]

Runs the reconciler the way the shared scorers do and counts, per reason code of the
`garbled_translation` findings, how many flagged sentences are truly garbled and how many are
clean (a finding with several reasons counts for each):
- seeds: gold quotes of ../eval/seeds-gold-alignment.json (major or minor = garbled; any other
  flagged sentence = false);
- zhen-news-mqm, ruen-news: one reconcile per source folder, as score_parallel.py does;
  garbled = MQM penalty >= 10 / DA < 30, clean = penalty 0 / DA >= 90 or the reference;
- ecb-news: fluent newsroom English, every finding is false.
Also prints the documents flagged as machine translation that are references or ECB+ news.
`--show REASON` prints the sentences flagged with that reason (`all` for every one) and their
label.
"""
import collections
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile


def run(binary, files):
    p = subprocess.run([binary, "--json"] + files, capture_output=True, text=True, check=True)
    return json.loads(p.stdout)


def garbled(report):
    """(doc id, sentence index, reasons, confidence, explanation) of every garbled finding."""
    for f in report.get("findings", []):
        if f.get("kind") == "garbled_translation" and f.get("sentences"):
            s = f["sentences"][0]
            yield s["document"], s["sentence"], f["reasons"], f["confidence"], f["explanation"]


def text_of(report):
    return {(d["id"], i): s["text"] for d in report["documents"] for i, s in enumerate(d["sentences"])}


def seeds(binary, shared, out):
    files = sorted(glob.glob(os.path.join(shared, "seeds", "*.txt")))
    rep = run(binary, files)
    sys.path.insert(0, os.path.join(shared, "eval"))
    import score_seeds

    docs = score_seeds.Docs(rep)
    gold = json.load(open(os.path.join(shared, "eval", "seeds-gold-alignment.json")))
    labels = {}
    for g in gold["garbled"]:
        labels[(g["doc"], docs.locate(g["doc"], g["quote"]))] = g["severity"]
    texts = text_of(rep)
    for d, s, reasons, conf, expl in garbled(rep):
        lab = labels.get((docs.key(d), s))
        out.append(("seeds", d, s, reasons, conf, lab is not None, lab or "clean", texts[(d, s)], expl))
    for d in rep["documents"]:
        if d["machine_translation"]["flagged"] and docs.key(d["id"]) not in ("002", "004"):
            print(f"seeds: fluent document flagged: {d['id']}")


def parallel(binary, folder, name, out, flagged_docs):
    rows = open(os.path.join(folder, "gold.tsv"), encoding="utf-8").read().splitlines()
    cols = rows[0].split("\t")
    gold = {}
    for r in rows[1:]:
        v = dict(zip(cols, r.split("\t")))
        if v.get("mqm_penalty_mean"):
            gold[(v["doc_id"], v["system"], int(v["seg"]))] = float(v["mqm_penalty_mean"])
        elif v.get("da_raw"):
            gold[(v["doc_id"], v["system"], int(v["seg"]))] = 100.0 - float(v["da_raw"])
    bad, ok = (10.0, 0.0) if "mqm_penalty_mean" in cols else (70.0, 10.0)
    for f in sorted(os.listdir(folder)):
        path = os.path.join(folder, f)
        if not os.path.isdir(path):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            files = []
            for n in sorted(os.listdir(path)):
                if n.endswith(".txt"):
                    files.append(os.path.join(tmp, f"{f}__{n}"))
                    shutil.copy(os.path.join(path, n), files[-1])
            rep = run(binary, files)
            raw = {os.path.basename(x): open(x, encoding="utf-8").read().encode() for x in files}
        texts = text_of(rep)
        starts = {d["id"]: [s["start"] for s in d["sentences"]] for d in rep["documents"]}
        for d in rep["documents"]:
            if d["machine_translation"]["flagged"] and d["id"].endswith("__reference.txt"):
                flagged_docs.append((name, d["id"], d["machine_translation"]["score"]))
        for d, s, reasons, conf, expl in garbled(rep):
            system = d.split("__", 1)[1][:-4]
            line = raw[os.path.basename(d)][: starts[d][s]].count(b"\n") + 1
            if system == "reference":
                lab, true = "reference", False
            else:
                pen = gold.get((f, system, line))
                if pen is None or ok < pen < bad:
                    lab, true = "between", None
                else:
                    lab, true = f"penalty {pen:.1f}", pen >= bad
            out.append((name, d, s, reasons, conf, true, lab, texts[(d, s)], expl))


def ecb(binary, folder, out, flagged_docs):
    rep = run(binary, sorted(glob.glob(os.path.join(folder, "*.txt"))))
    texts = text_of(rep)
    for d in rep["documents"]:
        if d["machine_translation"]["flagged"]:
            flagged_docs.append(("ecb", d["id"], d["machine_translation"]["score"]))
    for d, s, reasons, conf, expl in garbled(rep):
        out.append(("ecb", d, s, reasons, conf, False, "fluent", texts[(d, s)], expl))
    return sum(len(d["sentences"]) for d in rep["documents"])


def main():
    a = sys.argv[1:]
    if len(a) < 3 or a[0] != "--bin":
        sys.exit(__doc__)
    binary, shared = a[1], a[2]
    show = a[a.index("--show") + 1] if "--show" in a else None
    sets = a[a.index("--sets") + 1].split(",") if "--sets" in a else ["seeds", "zhen", "ruen", "ecb"]
    out, flagged_docs = [], []
    data = os.path.join(shared, "data")
    if "seeds" in sets:
        seeds(binary, shared, out)
    if "zhen" in sets:
        parallel(binary, os.path.join(data, "zhen-news-mqm"), "zhen", out, flagged_docs)
    if "ruen" in sets:
        parallel(binary, os.path.join(data, "ruen-news"), "ruen", out, flagged_docs)
    if "ecb" in sets:
        n = ecb(binary, os.path.join(data, "ecb-news"), out, flagged_docs)
        k = sum(1 for r in out if r[0] == "ecb")
        print(f"ecb: {k} garbled findings in {n} sentences (rate {k / n:.4f})")
    tally = collections.defaultdict(lambda: [0, 0, 0])
    for name, _, _, reasons, _, true, _, _, _ in out:
        for r in reasons:
            tally[(name, r)][0 if true else 1 if true is False else 2] += 1
    print(f"{'set':6s} {'reason':22s} {'true':>5s} {'false':>5s} {'other':>5s} precision")
    for (name, r), (t, f, o) in sorted(tally.items()):
        p = t / (t + f) if t + f else float("nan")
        print(f"{name:6s} {r:22s} {t:5d} {f:5d} {o:5d} {p:.2f}")
    for name, d, score in flagged_docs:
        print(f"{name}: document flagged that is fluent: {d} ({score})")
    if show:
        for name, d, s, reasons, conf, true, lab, text, expl in out:
            if show == "all" or show in reasons:
                mark = "TRUE " if true else "false" if true is False else "  ?  "
                print(f"\n[{mark}] {name} {os.path.basename(d)}#{s} {reasons} {conf} ({lab})\n  {text}\n  -> {expl[:300]}")


if __name__ == "__main__":
    main()
