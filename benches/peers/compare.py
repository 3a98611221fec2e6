#!/usr/bin/env python3
"""usage: compare.py [--sizes 100,1000,10000] [--peer-timeout 900] [--no-score] [--out FILE]

Times `corroborate` (the `reconcile` example) against the Python peer (pipeline.py) on the
same generated corpora (the `gen_corpus` example: the corpus the `scale` example builds), and
scores both with the shared scorer on the parallel news data. Prints a Markdown report (also
written to --out when given).

Run from anywhere after `benches/peers/install.sh`; builds the two examples it needs.
Times: wall seconds and CPU seconds (user + sys, all threads), peak resident memory. The
machine may be shared: CPU seconds are the steadier number.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SHARED = os.path.abspath(os.path.join(ROOT, "..", "shared"))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
RUST = os.path.join(TARGET, "release", "examples", "reconcile")
GEN = os.path.join(TARGET, "release", "examples", "gen_corpus")
PEER = os.path.join(HERE, "peer-reconcile")


MEM_LIMIT = 12 << 30  # address-space limit per tool run, so a blow-up fails cleanly


def limit_memory():
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (MEM_LIMIT, MEM_LIMIT))


def timed(cmd, out_path, timeout):
    """Runs cmd with stdout to out_path; returns (wall, cpu, max_rss_mb), None on timeout,
    or ("failed", exit code, reason)."""
    tfile = out_path + ".time"
    full = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", tfile] + cmd
    with open(out_path, "w") as out:
        try:
            p = subprocess.run(full, stdout=out, stderr=subprocess.PIPE, text=True, timeout=timeout,
                               preexec_fn=limit_memory)
        except subprocess.TimeoutExpired:
            return None
    if p.returncode != 0:
        err = p.stderr.strip().splitlines()
        if "MemoryError" in p.stderr:
            reason = "out of memory (12 GiB limit): " + next((l for l in reversed(err) if "Error" in l), "")[:120]
        elif p.returncode > 128 or "signal" in p.stderr:
            reason = "killed by a signal (out of memory?)"
        else:
            reason = (err[-1] if err else "")[:200]
        return ("failed", p.returncode, reason.strip())
    wall, user, sys_, rss = open(tfile).read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss) / 1024


def event_f1(report_path):
    r = json.load(open(report_path))
    gold = [d["id"].split("_")[0] for d in r["documents"]]
    pred = [d["event"] for d in r["documents"]]

    def pairs(labels):
        return sum(c * (c - 1) // 2 for c in collections.Counter(labels).values())

    both, g, p = pairs(list(zip(gold, pred))), pairs(gold), pairs(pred)
    prec, rec = both / max(p, 1), both / max(g, 1)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return f1, len(r["events"]), len(r["alignments"])


def score(binary, data):
    p = subprocess.run([sys.executable, os.path.join(SHARED, "eval", "score_parallel.py"), "--bin",
                        binary, os.path.join(SHARED, "data", data), "--json"],
                       capture_output=True, text=True)
    lines = p.stdout.strip().splitlines()
    if p.returncode != 0 or not lines:
        return {"error": (p.stdout + p.stderr)[-300:]}
    return json.loads(lines[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--peer-timeout", type=float, default=900)
    ap.add_argument("--no-score", action="store_true")
    ap.add_argument("--out")
    a = ap.parse_args()
    subprocess.run(["cargo", "build", "--quiet", "--release", "--example", "reconcile", "--example",
                    "gen_corpus"], cwd=ROOT, check=True)
    lines = ["| articles | MB | tool | wall s | CPU s | peak MB | events | event F1 | alignments |",
             "|---:|---:|---|---:|---:|---:|---:|---:|---:|"]
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(x) for x in a.sizes.split(",")]:
            d = os.path.join(tmp, f"corpus{n}")
            subprocess.run([GEN, str(n), d], check=True)
            files = sorted(os.path.join(d, f) for f in os.listdir(d))
            mb = sum(os.path.getsize(f) for f in files) / 1e6
            res = {}
            for tool, binary, timeout in [("corroborate", RUST, 3600), ("python peer", PEER, a.peer_timeout)]:
                out = os.path.join(tmp, f"{tool[0]}{n}.json")
                t = timed([binary, "--json"] + files, out, timeout)
                if t is None:
                    lines.append(f"| {n} | {mb:.1f} | {tool} | > {timeout:.0f} (stopped) | | | | | |")
                    print(lines[-1], file=sys.stderr)
                    continue
                if t[0] == "failed":
                    lines.append(f"| {n} | {mb:.1f} | {tool} | failed: exit {t[1]}, {t[2]} | | | | | |")
                    print(lines[-1], file=sys.stderr)
                    continue
                f1, events, al = event_f1(out)
                res[tool] = t
                lines.append(f"| {n} | {mb:.1f} | {tool} | {t[0]:.2f} | {t[1]:.2f} | {t[2]:.0f} | {events} | {f1:.3f} | {al} |")
                print(lines[-1], file=sys.stderr)
            if len(res) == 2:
                ratios.append((n, res["python peer"][0] / res["corroborate"][0],
                               res["python peer"][1] / res["corroborate"][1]))
    text = "## Time on generated corpora\n\n" + "\n".join(lines) + "\n\n"
    text += "| articles | peer / corroborate, wall | peer / corroborate, CPU |\n|---:|---:|---:|\n"
    text += "".join(f"| {n} | {w:.2f}x | {c:.2f}x |\n" for n, w, c in ratios)
    if not a.no_score:
        keys = ["event_f1", "alignment_precision", "alignment_recall", "alignment_f1",
                "garbled_precision", "garbled_recall", "garbled_f1", "doc_score_spearman",
                "reference_flagged_fraction"]
        text += "\n## Quality on the parallel news data (score_parallel.py)\n\n"
        text += "| data | tool | " + " | ".join(keys) + " |\n|---|---|" + "---:|" * len(keys) + "\n"
        for data in ["ruen-news", "zhen-news-mqm"]:
            for tool, binary in [("corroborate", RUST), ("python peer", PEER)]:
                m = score(binary, data)
                if "error" in m:
                    text += f"| {data} | {tool} | error: {m['error']!r} |\n"
                    continue
                text += f"| {data} | {tool} | " + " | ".join(f"{m.get(k, 0):.3f}" for k in keys) + " |\n"
                print(text.splitlines()[-1], file=sys.stderr)
    print(text)
    if a.out:
        open(a.out, "w").write(text)


if __name__ == "__main__":
    main()
