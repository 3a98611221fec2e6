"""How many of the gold 'named' mentions of ecb-news that a report leaves unmatched are
capitalised common words: every word of the mention is also written in lowercase somewhere
in the corpus ('Actress', 'Data Center', 'Playoff Berth' in title-case headlines). A name
finder that does not take headline common nouns for names cannot reach them, so they bound
the achievable mention_recall.

usage: python3 benches/quality/ecb_mention_ceiling.py --report REPORT.json [DATA_DIR]
       (REPORT.json from `score_ecb.py --bin ... --save-report REPORT.json DATA_DIR`)
Prints the unmatched mentions by kind, the recall ceiling and the unmatched mentions that
are not capitalised common words; matching is the scorer's own
(largest overlap with a report mention)."""
import glob, json, os, re, sys
from collections import Counter

args = sys.argv[1:]
if "--report" not in args:
    sys.exit(__doc__)
i = args.index("--report")
report_path = args[i + 1]
rest = args[:i] + args[i + 2:]
folder = rest[0] if rest else os.path.join(os.path.dirname(__file__), "../../../shared/data/ecb-news")
sys.path.insert(0, os.path.join(folder, "../../eval"))
import score_ecb  # noqa: E402  (the scorer defines the gold mention types and the matching)

gold = json.load(open(os.path.join(folder, "gold.json"), encoding="utf-8"))
report = json.load(open(report_path, encoding="utf-8"))
lower = Counter()
for f in glob.glob(os.path.join(folder, "*.txt")):
    lower.update(w for w in re.findall(r"[A-Za-z]+", open(f, encoding="utf-8").read()) if w.islower())

by_doc = {}
for ent in report.get("entities", []):
    for m in ent.get("mentions", []):
        by_doc.setdefault(os.path.basename(m["document"]), []).append(score_ecb.span_of(m))
total = unmatched = common = 0
examples = Counter()
others = []  # unmatched mentions that are not capitalised common words
for chain in gold["entities"]:
    if chain["type"] not in score_ecb.NAME_TYPES:
        continue
    for m in chain["mentions"]:
        if not m["named"]:
            continue
        total += 1
        s, e = m["span"]
        if any(min(e, re_) - max(s, rs) > 0 for rs, re_ in by_doc.get(m["file"], ())):
            continue
        unmatched += 1
        words = re.findall(r"[A-Za-z]+", m["text"])
        if words and all(lower[w.lower()] > 0 for w in words):
            common += 1
            examples[m["text"]] += 1
        else:
            others.append(f"{m['file']} {chain['type']} {m['text']!r}")
matched = total - unmatched
print(f"gold named mentions {total}, matched {matched}, mention_recall {matched / total:.4f}")
print(f"unmatched {unmatched}: {common} are only words the corpus also writes in lowercase")
print(f"recall on the other mentions {matched / (total - common):.4f}")
print(f"ceiling for a finder that leaves capitalised common words alone {(total - common) / total:.4f}")
print("most frequent such mentions:", ", ".join(f"{t} ({n})" for t, n in examples.most_common(15)))
print(f"the other {len(others)} unmatched:")
for o in others:
    print("  " + o)
