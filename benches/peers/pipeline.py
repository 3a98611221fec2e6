#!/usr/bin/env python3
"""usage: pipeline.py [--json] FILE...

The Python peer of `corroborate`: the pipeline a user would write with off-the-shelf
libraries instead of the crate, printing a report in the same JSON format (report format v1,
see ../../README.md and shared/spec/report-format.md) so both are timed and scored alike.

- Sentences: one non-empty line = one sentence (the parallel data has one segment per line);
  lines longer than one sentence are split with a simple regex. Lines of fewer than three
  words (page furniture such as 'Share') are dropped; the first line is the title.
- Names: runs of capitalised words, clustered with rapidfuzz (token_sort_ratio >= 90,
  single link over all distinct spellings).
- Events: TF-IDF cosine of whole documents (scikit-learn); documents whose cosine is at least
  EVENT_THRESHOLD are linked, events are the connected components.
- Alignment: within each event, TF-IDF cosine of sentences; for every pair of documents a
  greedy one-to-one matching of sentence pairs above ALIGN_THRESHOLD, best first.
- No contradiction or garbled-translation detection: every alignment is an 'agreement', every
  machine_translation score is 0, findings are empty.

Needs the venv made by install.sh (rapidfuzz, scikit-learn).
"""
import json
import os
import re
import sys
from collections import Counter

import numpy as np
from rapidfuzz import fuzz, process
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer

EVENT_THRESHOLD = float(os.environ.get("PEER_EVENT_THRESHOLD", "0.6"))
ALIGN_THRESHOLD = float(os.environ.get("PEER_ALIGN_THRESHOLD", "0.3"))
NAME_THRESHOLD = 90

DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“])")
NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
WORD = re.compile(r"\w+")
# Capitalised function words that start sentences and are not names.
NOT_NAMES = {
    "The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "We", "I", "But", "And",
    "This", "That", "These", "Those", "His", "Her", "Their", "Its", "As", "For", "If", "When",
    "After", "Before", "While", "According", "However", "Also", "There", "What", "Why", "How",
}


def read_doc(path):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text = raw.decode("utf-8")
    return os.path.basename(path), raw, text


def segment(raw):
    """Returns (title, [(start, end)]) with byte offsets into raw."""
    title = None
    spans = []
    pos = 0
    for line in raw.split(b"\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start += lead
        end = start + len(stripped)
        text = stripped.decode("utf-8", "replace")
        if title is None:
            title = text
        if len(text.split()) < 3 or (DATE.search(text) and len(text.split()) < 8):
            continue
        # Split longer lines on sentence-final punctuation.
        off = 0
        for piece in SENT_SPLIT.split(text):
            b = piece.encode("utf-8")
            i = raw.find(b, start + off, end + 1)
            if i < 0:
                continue
            spans.append((i, i + len(b)))
            off = i + len(b) - start
    return title, spans


def names_of(raw, spans, doc_index):
    out = []
    for s, (a, b) in enumerate(spans):
        text = raw[a:b].decode("utf-8", "replace")
        for m in NAME.finditer(text):
            tokens = list(re.finditer(r"\S+", m.group(0)))
            while tokens and tokens[0].group(0) in NOT_NAMES:
                tokens = tokens[1:]
            if not tokens:
                continue
            c0 = m.start() + tokens[0].start()
            name = " ".join(t.group(0) for t in tokens)
            if len(name) < 3:
                continue
            start = a + len(text[:c0].encode("utf-8"))
            end = a + len(text[: m.end()].encode("utf-8"))
            out.append((name, doc_index, s, start, end))
    return out


def cluster_names(mentions):
    spellings = sorted({m[0] for m in mentions})
    parent = list(range(len(spellings)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    chunk = 2000
    for lo in range(0, len(spellings), chunk):
        block = process.cdist(spellings[lo:lo + chunk], spellings, scorer=fuzz.token_sort_ratio,
                              score_cutoff=NAME_THRESHOLD, dtype=np.uint8, workers=-1)
        for i, j in zip(*np.nonzero(block)):
            a, b = find(lo + int(i)), find(int(j))
            if a != b:
                parent[max(a, b)] = min(a, b)
    index = {s: find(i) for i, s in enumerate(spellings)}
    groups = {}
    for m in mentions:
        groups.setdefault(index[m[0]], []).append(m)
    return [groups[k] for k in sorted(groups)]


def group_events(texts):
    n = len(texts)
    if n == 1:
        return np.zeros(1, dtype=int)
    try:
        x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    except ValueError:  # empty vocabulary
        return np.arange(n)
    # Row blocks keep memory linear: the full similarity matrix is dense-ish (shared words).
    rows, cols = [], []
    for lo in range(0, n, 500):
        sim = (x[lo:lo + 500] @ x.T).tocoo()
        keep = sim.data >= EVENT_THRESHOLD
        rows.append(sim.row[keep] + lo)
        cols.append(sim.col[keep])
    rows, cols = np.concatenate(rows), np.concatenate(cols)
    graph = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels


def align_event(members, sent_texts):
    """members: document indexes; sent_texts[d]: list of sentence texts. Returns alignments."""
    ids = [(d, s) for d in members for s in range(len(sent_texts[d]))]
    if len(members) < 2 or not ids:
        return []
    try:
        x = TfidfVectorizer(sublinear_tf=True).fit_transform(
            [sent_texts[d][s] for d, s in ids])
    except ValueError:
        return []
    sim = (x @ x.T).toarray()
    offset = {}
    k = 0
    for d in members:
        offset[d] = k
        k += len(sent_texts[d])
    out = []
    for ai, a in enumerate(members):
        for b in members[ai + 1:]:
            oa, ob = offset[a], offset[b]
            sub = sim[oa:oa + len(sent_texts[a]), ob:ob + len(sent_texts[b])]
            rows, cols = np.nonzero(sub >= ALIGN_THRESHOLD)
            if len(rows) == 0:
                continue
            scores = sub[rows, cols]
            order = np.lexsort((cols, rows, -scores))
            used_a, used_b = set(), set()
            for o in order:
                i, j = int(rows[o]), int(cols[o])
                if i in used_a or j in used_b:
                    continue
                used_a.add(i)
                used_b.add(j)
                out.append(((a, i), (b, j), float(min(1.0, scores[o]))))
    return out


def main(argv):
    files = [a for a in argv if a != "--json"]
    if not files:
        sys.exit(__doc__)
    docs = [read_doc(p) for p in files]
    ids = [d[0] for d in docs]
    segs = [segment(raw) for _, raw, _ in docs]
    sent_texts = [[raw[a:b].decode("utf-8", "replace") for a, b in spans]
                  for (_, raw, _), (_, spans) in zip(docs, segs)]

    mentions = []
    for i, ((_, raw, _), (_, spans)) in enumerate(zip(docs, segs)):
        mentions.extend(names_of(raw, spans, i))
    clusters = cluster_names(mentions)

    labels = group_events([text for _, _, text in docs])
    events = {}
    for i, lab in enumerate(labels):
        events.setdefault(int(lab), []).append(i)
    event_list = sorted(events.values(), key=lambda m: m[0])
    event_of = {}
    for e, members in enumerate(event_list):
        for d in members:
            event_of[d] = f"e{e}"

    alignments = []
    for members in event_list:
        alignments.extend(align_event(members, sent_texts))
    alignments.sort(key=lambda x: (x[0], x[1]))

    report = {
        "version": 1,
        "documents": [
            {
                "id": ids[i],
                "title": segs[i][0],
                "published": (lambda m: m.group(0) if m else None)(DATE.search(docs[i][2])),
                "event": event_of[i],
                "sentences": [
                    {"start": a, "end": b, "text": t}
                    for (a, b), t in zip(segs[i][1], sent_texts[i])
                ],
                "machine_translation": {"score": 0.0, "flagged": False},
            }
            for i in range(len(docs))
        ],
        "events": [
            {"id": f"e{e}", "documents": [ids[d] for d in members]}
            for e, members in enumerate(event_list)
        ],
        "entities": [
            {
                "id": f"n{k}",
                "canonical": max(Counter(m[0] for m in c).items(), key=lambda kv: (kv[1], kv[0]))[0],
                "kind": "other",
                "mentions": [
                    {"document": ids[d], "sentence": s, "start": a, "end": b,
                     "text": docs[d][1][a:b].decode("utf-8", "replace")}
                    for _, d, s, a, b in c
                ],
            }
            for k, c in enumerate(clusters)
        ],
        "alignments": [
            {"a": {"document": ids[a[0]], "sentence": a[1]},
             "b": {"document": ids[b[0]], "sentence": b[1]},
             "score": round(s, 4), "relation": "agreement"}
            for a, b, s in alignments
        ],
        "findings": [],
    }
    sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
