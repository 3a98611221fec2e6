#!/usr/bin/env python3
"""Build src/data/synonyms.tsv: compact English synonym/concept data from WordNet 3.0.

Usage:
    apt-get install -y wordnet-base        # WordNet 3.0 database in /usr/share/wordnet
    python3 tools/build_synonyms.py [--wordnet DIR] [--vocab FILE] [--out FILE]

Reads the WordNet database files directly (index.POS, data.POS, POS.exc; no nltk, no
download) and the English frequency table src/data/garble_words.tsv (top ~40k words, the
vocabulary: only words listed there get an entry, which bounds the size of the output).

Output: one line per word, `WORD<TAB>ID1,ID2,...`, sorted by word, where each ID is a small
integer standing for one WordNet synset ("concept"). Two words that share an ID are
synonyms (or near-synonyms) in at least one of their common senses. IDs are renumbered
densely in the sorted order of (part of speech, synset offset), so the output is
deterministic and stable for a given WordNet version and vocabulary.

What links a word to a synset:
  * Inflected forms. The consumer looks up the folded lowercase surface word, so entries
    are made for every vocabulary word, inflected or not. Its base forms (lemmas) are found
    with WordNet's morphy: the exception lists (noun.exc, verb.exc, adj.exc, adv.exc: 'said'
    -> 'say', 'children' -> 'child') and the regular detachment rules (nouns: -s, -ses, -xes,
    -zes, -ches, -shes, -men, -ies; verbs: -s, -ies, -es, -ed, -ing; adjectives: -er, -est).
    A detachment rule is tried for a part of speech only when the word is not itself a lemma
    of that part of speech and has no exception entry for it, and a rule-made lemma must have
    at least 3 letters (this avoids 'was' -> 'wa', 'its' -> 'it').
    (A Snowball stem is not a WordNet lemma, so stemming is left out entirely.)
  * Compounds. WordNet writes 'cease-fire'; the tokenizer splits on hyphens, but news text
    also writes 'ceasefire': a lemma with '-' or '_' also answers for its joined spelling
    when that spelling is in the vocabulary and is not a lemma itself.
  * Senses. For each lemma only its first K senses (WordNet lists senses by frequency):
    K=3 for nouns and verbs, K=2 for adjectives and adverbs.
  * Extra links, measured to help paraphrase matching:
      - adjectives: the 'similar to' (&) synsets ('advantageous' & 'beneficial');
      - nouns, verbs, adjectives: derivationally related forms (+), following only the
        pointers that start at this very lemma (lexical pointers name their source word):
        'persuade' and 'convince' both derive 'persuasive'; 'liberate' ~ 'liberation';
      - adverbs: the pertainym (\\) adjective ('financially' -> 'financial').
  * Proper-noun synsets (instances: an '@i' pointer, e.g. cities, people) are skipped:
    names must not become synonyms of common words.

Pruning:
  * a synset that would link more than MAX_LEMMAS (40) distinct lemmas is too generic;
  * a synset that ends up on only one vocabulary word is useless for matching;
both are dropped, and words left without IDs get no line.
"""

import argparse
import os
import re
import sys
from collections import defaultdict

POS = ["noun", "verb", "adj", "adv"]
POS_CHAR = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
K = {"noun": 3, "verb": 3, "adj": 2, "adv": 2}
MAX_LEMMAS = 40
MIN_RULE_LEMMA = 3

# WordNet morphy detachment rules (suffix, replacement).
RULES = {
    "noun": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
             ("shes", "sh"), ("men", "man"), ("ies", "y")],
    "verb": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
             ("ing", "e"), ("ing", "")],
    "adj": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "adv": [],
}
WORD_RE = re.compile(r"^[a-z]+$")


def read_index(path):
    """lemma -> list of synset offsets in sense order."""
    idx = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            p = line.split()
            lemma, n_synsets, n_ptrs = p[0], int(p[2]), int(p[3])
            offsets = p[4 + n_ptrs + 2:]
            assert len(offsets) == n_synsets, line
            idx[lemma] = offsets
    return idx


def read_data(path):
    """offset -> (lemmas, pointers, is_instance). pointers: (sym, offset, pos, src, tgt)."""
    data = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            p = line.split(" | ")[0].split()
            off = p[0]
            w_cnt = int(p[3], 16)
            lemmas = []
            i = 4
            for _ in range(w_cnt):
                lemmas.append(re.sub(r"\(.*\)$", "", p[i]).lower())
                i += 2
            p_cnt = int(p[i])
            i += 1
            ptrs = []
            for _ in range(p_cnt):
                sym, toff, tpos, st = p[i], p[i + 1], p[i + 2], p[i + 3]
                ptrs.append((sym, toff, tpos, int(st[:2], 16), int(st[2:], 16)))
                i += 4
            inst = any(s == "@i" for s, *_ in ptrs)
            data[off] = (lemmas, ptrs, inst)
    return data


def read_exc(path):
    exc = defaultdict(list)
    with open(path, encoding="latin-1") as f:
        for line in f:
            p = line.split()
            if len(p) >= 2:
                exc[p[0]].extend(p[1:])
    return exc


def read_vocab(path):
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            w = line.split("\t")[0].strip()
            if WORD_RE.match(w):
                words.append(w)
    return words


def tpos_key(c):
    return {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}[c]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--vocab", default=os.path.join(here, "..", "src", "data", "garble_words.tsv"))
    ap.add_argument("--out", default=os.path.join(here, "..", "src", "data", "synonyms.tsv"))
    ap.add_argument("--no-similar", action="store_true", help="skip adjective & links")
    ap.add_argument("--no-deriv", action="store_true", help="skip derivation + links")
    args = ap.parse_args()

    wn = args.wordnet
    index = {pos: read_index(os.path.join(wn, "index." + pos)) for pos in POS}
    data = {pos: read_data(os.path.join(wn, "data." + pos)) for pos in POS}
    exc = {pos: read_exc(os.path.join(wn, pos + ".exc")) for pos in POS}
    vocab = read_vocab(args.vocab)
    vocab_set = set(vocab)

    # joined spelling ('ceasefire') -> hyphenated/underscored lemmas ('cease-fire')
    joined = {pos: defaultdict(list) for pos in POS}
    for pos in POS:
        for lemma in index[pos]:
            if "-" in lemma or "_" in lemma:
                j = lemma.replace("-", "").replace("_", "")
                if j in vocab_set and j not in index[pos]:
                    joined[pos][j].append(lemma)

    def lemma_forms(cand, pos):
        if cand in index[pos]:
            return [cand]
        return sorted(joined[pos].get(cand, []))

    def base_forms(word, pos):
        """Lemmas of `word` for `pos` (morphy: exceptions, then detachment rules)."""
        out = list(lemma_forms(word, pos))
        if word in exc[pos]:
            for b in exc[pos][word]:
                out.extend(lemma_forms(b, pos))
        elif not out:
            for suf, rep in RULES[pos]:
                if word.endswith(suf):
                    b = word[: len(word) - len(suf)] + rep
                    if len(b) >= MIN_RULE_LEMMA:
                        out.extend(lemma_forms(b, pos))
        return sorted(set(out))

    def key(pos, off):
        return (POS_CHAR[pos], off)

    # word -> set of synset keys; synset key -> set of lemmas linking to it
    word_keys = {}
    key_lemmas = defaultdict(set)
    for word in vocab:
        keys = set()
        for pos in POS:
            for lemma in base_forms(word, pos):
                for off in index[pos][lemma][: K[pos]]:
                    lemmas, ptrs, inst = data[pos][off]
                    if inst:
                        continue
                    mine = [(pos, off)]
                    try:
                        wnum = lemmas.index(lemma) + 1
                    except ValueError:
                        wnum = -1
                    for sym, toff, tpos, src, _tgt in ptrs:
                        tp = tpos_key(tpos)
                        if sym == "&" and pos == "adj" and not args.no_similar:
                            mine.append((tp, toff))
                        elif sym == "+" and pos != "adv" and not args.no_deriv and src == wnum:
                            mine.append((tp, toff))
                        elif sym == "\\" and pos == "adv" and src in (0, wnum):
                            mine.append((tp, toff))
                    for p, o in mine:
                        if data[p][o][2]:
                            continue
                        k = key(p, o)
                        keys.add(k)
                        key_lemmas[k].add(lemma)
        if keys:
            word_keys[word] = keys

    generic = {k for k, ls in key_lemmas.items() if len(ls) > MAX_LEMMAS}
    key_words = defaultdict(int)
    for word, keys in word_keys.items():
        for k in keys - generic:
            key_words[k] += 1
    kept = sorted(k for k, n in key_words.items() if n >= 2)
    ids = {k: i for i, k in enumerate(kept)}

    lines = []
    for word in sorted(word_keys):
        wid = sorted(ids[k] for k in word_keys[word] if k in ids)
        if wid:
            lines.append(word + "\t" + ",".join(map(str, wid)))

    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# English synonym concepts: WORD<TAB>CONCEPT_IDS (see src/data/NOTICE-synonyms.md)\n")
        f.write("# generated by tools/build_synonyms.py from WordNet 3.0 (Princeton University);"
                " %d words, %d concepts\n" % (len(lines), len(kept)))
        for line in lines:
            f.write(line + "\n")
    print("words %d, concepts %d, dropped generic %d, size %d bytes"
          % (len(lines), len(kept), len(generic), os.path.getsize(args.out)), file=sys.stderr)


if __name__ == "__main__":
    main()
