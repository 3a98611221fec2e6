#!/usr/bin/env python3
"""Quality gates: run the shared scorers on the release examples and fail when a metric falls
below its floor in .ci/floors.json (floors are set at the level reached, so any regression
fails CI). usage: gate.py SHARED_DIR"""
import glob, json, os, subprocess, sys

shared = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
floors = json.load(open(os.path.join(here, "floors.json")))
ex = "target/release/examples"
failed = []


def scorer(name, args):
    cmd = [sys.executable, os.path.join(shared, "eval", name)] + args + ["--json"]
    p = subprocess.run(cmd, capture_output=True, text=True)
    print(p.stdout.rstrip())
    if p.returncode != 0:
        print(p.stderr.rstrip())
        failed.append(f"{name} exited {p.returncode}")
        return {}
    return json.loads(p.stdout.strip().splitlines()[-1])


summary = []


def check(suite, metrics):
    summary.append((suite, metrics))
    for key, floor in floors.get(suite, {}).items():
        value = metrics.get(key)
        ceiling = key.startswith("max:")
        if ceiling:
            value = metrics.get(key[4:])
        ok = value is not None and (value <= floor if ceiling else value >= floor - 1e-9)
        if not ok:
            failed.append(f"{suite}.{key}: {value} (floor {floor})")


print("== seeds")
seeds = sorted(glob.glob(os.path.join(shared, "seeds", "*.txt")))
report = subprocess.run([f"{ex}/reconcile", "--json"] + seeds, capture_output=True, text=True, check=True).stdout
os.makedirs("target", exist_ok=True)
with open("target/seeds-report.json", "w") as f:
    f.write(report)
ev = os.path.join(shared, "eval")
check("seeds", scorer("score_seeds.py", ["target/seeds-report.json", f"{ev}/seeds-gold-entities.json", f"{ev}/seeds-gold-alignment.json"]))

data = os.path.join(shared, "data")
for suite, script, binary, folder in [
    ("names", "score_names.py", "names", "names"),
    ("sick", "score_pairs.py", "compare", "sick"),
    ("mlqe", "score_garble.py", "garble", "mlqe-ruen"),
    ("ruen", "score_parallel.py", "reconcile", "ruen-news"),
    ("zhen", "score_parallel.py", "reconcile", "zhen-news-mqm"),
    ("ecb", "score_ecb.py", "reconcile", "ecb-news"),
    ("sts", "score_agree.py", "compare", "sts-headlines"),
    ("html", "score_html.py", "reconcile", "html-articles"),
]:
    if suite in floors and os.path.exists(f"{ex}/{binary}") and os.path.isdir(os.path.join(data, folder)):
        print(f"== {suite}")
        exe = f"{ex}/{binary}"
        if suite in ("ruen", "zhen"):
            # score_parallel.py counts contradictions of exactly two sentences: score every
            # pair across the sides of a one-fact finding (format 1.1) as a pair of its own
            exe = os.path.join(here, "..", "benches", "quality", "pairwise.py")
        check(suite, scorer(script, ["--bin", exe, os.path.join(data, folder)]))

with open("target/quality.md", "w") as f:
    for suite, metrics in summary:
        shown = {k: v for k, v in metrics.items() if not k.startswith("_") and isinstance(v, (int, float))}
        f.write(f"| {suite} | " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in shown.items()) + " |\n")
print("summary written to target/quality.md")

if failed:
    print("\nQUALITY GATE FAILED:\n  " + "\n  ".join(failed))
    sys.exit(1)
print("\nquality gates passed")
