#!/usr/bin/env python3
"""Build the compare stage's lexical relations from WordNet 3.0:

    src/data/compare/wordnet_antonyms.tsv   WORD<TAB>OPPOSITE
    src/data/compare/wordnet_hypernyms.tsv  WORD<TAB>MORE_GENERAL_WORD
    src/data/compare/wordnet_canon.tsv      WORD<TAB>CANONICAL_WORD (synonyms, derivations)
    src/data/compare/wordnet_verb_hypernyms.tsv  VERB<TAB>MORE_GENERAL_VERB (verb senses)

Usage:
    apt-get install -y wordnet-base        # WordNet 3.0 database in /usr/share/wordnet
    python3 tools/build_wordnet_relations.py [--wordnet DIR] [--vocab FILE] [--outdir DIR]

Reads the database files directly (shares the readers of tools/build_synonyms.py) and
bounds the vocabulary by src/data/garble_words.tsv (the top ~40k English words). A word's
*sense* here is its first synset (WordNet lists senses by frequency) in its dominant part
of speech (the one whose senses are tagged most often in SemCor, `tagsense_cnt`; nouns win
ties). Only frequent senses link words: a rare sense ('still' = a photograph) must not make
news words opposites.

Antonyms: WordNet's antonym pointers (`!`, lexical: between two words), kept when the sense
on each side is among the first two senses of its word in that part of speech. For
adjectives, WordNet's clusters add indirect antonyms: a satellite ('huge', similar to
'large') is opposite to the head's antonym ('small') and to that antonym's satellites
('tiny'), when the satellite is the word's first adjective sense.

Hypernyms: the nearest more general words on each path up the `@` (hypernym) chain of
the word's first noun and verb senses (a frequent part of speech of the word only); the
consumer closes the relation. An ancestor counts as a word only where it is that word's
own first sense ('person' for person.n.01; the consumer chains words, so a second sense
would mix senses), and the most general levels (a synset
fewer than 3 steps from the root: 'entity', 'object', 'whole', 'act') are left out.

Verb hypernyms: the same walk from the word's first *verb* sense, for every vocabulary
word that is a verb lemma (whatever its dominant part of speech), over the words whose own
first verb sense an ancestor is; only the roots of the verb hierarchy are left out. The
consumer applies them to words it reads as verbs in context ('is strolling': 'stroll' is
a noun first, whose hypernyms are 'walk' -> 'travel'; as a verb it is one way to walk).

Canonical forms (stand-ins for synonymy in slot matching, where one key per word is
needed): two words are one when they share their sense and it is the first sense of each
(mutual first senses; 'large' / 'big'); the key is the most frequent of them. A noun whose
sense is derivationally related (`+`) to a verb sense of the same stem family ('refusal' ->
'refuse', 'withdrawal' -> 'withdraw'; the two words share their first four letters) takes
that verb's key. A word whose key is itself gets no line. A part of speech is *frequent*
for a word when its senses are tagged at least a third as often as the dominant one's.
"""

import argparse
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_synonyms import POS, read_data, read_exc, read_vocab  # noqa: E402

MAX_UP = 8
MIN_DEPTH = 3
ANTONYM_SENSES = 2
GENERAL_SENSES = 1
VERB_MIN_DEPTH = 1


def read_index_full(path):
    """lemma -> (offsets in sense order, tagsense_cnt)."""
    idx = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            p = line.split()
            lemma, n_ptrs = p[0], int(p[3])
            tagged = int(p[5 + n_ptrs])
            idx[lemma] = (p[6 + n_ptrs:], tagged)
    return idx


def read_satellite_flags(path):
    """offset -> True when the adjective synset is a satellite ('s')."""
    out = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):
                p = line.split()
                out[p[0]] = p[2] == "s"
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--vocab", default=os.path.join(here, "..", "src", "data", "garble_words.tsv"))
    ap.add_argument("--outdir", default=os.path.join(here, "..", "src", "data", "compare"))
    args = ap.parse_args()
    wn = args.wordnet
    index = {pos: read_index_full(os.path.join(wn, "index." + pos)) for pos in POS}
    data = {pos: read_data(os.path.join(wn, "data." + pos)) for pos in POS}
    exc = {pos: read_exc(os.path.join(wn, pos + ".exc")) for pos in POS}
    satellite = read_satellite_flags(os.path.join(wn, "data.adj"))
    vocab = read_vocab(args.vocab)
    rank = {w: i for i, w in enumerate(vocab)}  # the table is in frequency order
    vocab_set = set(rank)
    short = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}

    def senses(word, pos):
        """The word's synsets in `pos`, in sense order (its lemma, or its base form)."""
        if word in index[pos]:
            return index[pos][word][0]
        for b in exc[pos].get(word, []):
            if b in index[pos]:
                return index[pos][b][0]
        return []

    def lemma_senses(word, pos):
        return index[pos][word][0] if word in index[pos] else []

    def dominant(word):
        """(pos, first synset) of a word that is itself a WordNet lemma, else None."""
        best = None
        for k, pos in enumerate(POS):
            if word in index[pos]:
                offs, tagged = index[pos][word]
                key = (tagged, -k)
                if best is None or key > best[0]:
                    best = (key, pos, offs[0])
        return None if best is None else (best[1], best[2])

    first = {w: dominant(w) for w in vocab}

    def frequent_pos(word, pos):
        """Whether `pos` is a frequent part of speech of the word: its senses are tagged at
        least a third as often as those of the word's dominant part of speech."""
        if word not in index[pos] or not first.get(word):
            return False
        top = index[first[word][0]][word][1]
        return index[pos][word][1] * 3 >= top

    # ---- antonyms
    ant = set()

    def add_pair(a, b):
        if a != b and a in vocab_set and b in vocab_set:
            ant.add((min(a, b), max(a, b)))

    for pos in POS:
        for word in vocab:
            if not frequent_pos(word, pos):
                continue
            for off in lemma_senses(word, pos)[:ANTONYM_SENSES]:
                lemmas, ptrs, _ = data[pos][off]
                if word not in lemmas:
                    continue
                wnum = lemmas.index(word) + 1
                for sym, toff, tpos, src, tgt in ptrs:
                    if sym != "!" or src != wnum:
                        continue
                    tp = short[tpos]
                    other = data[tp][toff][0][tgt - 1]
                    if toff in lemma_senses(other, tp)[:ANTONYM_SENSES] and \
                            frequent_pos(other, tp):
                        add_pair(word, other)
    # adjective clusters: head -> its satellites (words whose first adjective sense it is)
    sat_of = defaultdict(set)
    for word in vocab:
        offs = lemma_senses(word, "adj")
        if offs and satellite.get(offs[0]) and first[word][0] == "adj":
            for sym, toff, _, _, _ in data["adj"][offs[0]][1]:
                if sym == "&":
                    sat_of[toff].add(word)
    for word in vocab:
        offs = lemma_senses(word, "adj")
        if not offs or satellite.get(offs[0]) or not frequent_pos(word, "adj"):
            continue
        head = offs[0]
        lemmas, ptrs, _ = data["adj"][head]
        if word not in lemmas:
            continue
        wnum = lemmas.index(word) + 1
        for sym, toff, tpos, src, tgt in ptrs:
            if sym == "!" and src == wnum and short[tpos] == "adj":
                other = data["adj"][toff][0][tgt - 1]
                if toff not in lemma_senses(other, "adj")[:ANTONYM_SENSES] or \
                        not frequent_pos(other, "adj"):
                    continue
                mine = {word} | sat_of[head]
                theirs = {other} | sat_of[toff]
                for a in mine:
                    for b in theirs:
                        add_pair(a, b)

    # ---- hypernyms
    depth_cache = {}

    def depth(pos, off, seen=()):
        """Fewest hypernym steps from the synset to a root."""
        if (pos, off) in depth_cache:
            return depth_cache[(pos, off)]
        ups = [t for s, t, tp, _, _ in data[pos][off][1] if s in ("@", "@i")]
        if not ups or off in seen:
            d = 0
        else:
            d = 1 + min(depth(pos, t, seen + (off,)) for t in ups)
        depth_cache[(pos, off)] = d
        return d

    owner = defaultdict(list)  # (pos, synset) -> vocabulary words whose first sense it is
    for w in vocab:
        for pos in ("noun", "verb"):
            if frequent_pos(w, pos):
                for o in lemma_senses(w, pos)[:GENERAL_SENSES]:
                    owner[(pos, o)].append(w)
    hyper = set()
    for w in vocab:
        for pos in ("noun", "verb"):
            if not frequent_pos(w, pos):
                continue
            # the nearest more general words on every path up (the consumer closes the
            # relation), skipping synsets no vocabulary word has as its first sense
            frontier, seen = [lemma_senses(w, pos)[0]], set()
            for _ in range(MAX_UP):
                nxt = []
                for o in frontier:
                    for s_, t, tp, _, _ in data[pos][o][1]:
                        if s_ != "@" or t in seen:
                            continue
                        seen.add(t)
                        if depth(pos, t) < MIN_DEPTH:
                            continue
                        words = [g for g in owner.get((pos, t), []) if g != w]
                        hyper.update((w, g) for g in words)
                        if not words:
                            nxt.append(t)
                frontier = nxt

    # ---- verb hypernyms, for words read as verbs in context ('is strolling'): the same
    # walk up from the word's first verb sense, whatever its dominant part of speech
    # ('stroll' is a noun first, 'walk' -> 'travel'; as a verb, 'stroll' -> 'walk').
    # Only the roots of the verb hierarchy ('move', 'change', 'act') are left out: verb
    # hierarchies are shallow ('walk' is one step below 'travel').
    verb_owner = defaultdict(list)
    for w in vocab:
        for o in lemma_senses(w, "verb")[:GENERAL_SENSES]:
            verb_owner[o].append(w)
    verb_hyper = set()
    for w in vocab:
        offs = lemma_senses(w, "verb")
        if not offs:
            continue
        frontier, seen = [offs[0]], set()
        for _ in range(MAX_UP):
            nxt = []
            for o in frontier:
                for s_, t, tp, _, _ in data["verb"][o][1]:
                    if s_ != "@" or t in seen:
                        continue
                    seen.add(t)
                    if depth("verb", t) < VERB_MIN_DEPTH:
                        continue
                    words = [g for g in verb_owner.get(t, []) if g != w]
                    verb_hyper.update((w, g) for g in words)
                    if not words:
                        nxt.append(t)
            frontier = nxt

    # ---- canonical forms
    canon = {}
    groups = defaultdict(list)
    for w in vocab:
        if first[w]:
            groups[first[w]].append(w)
    for key, words in groups.items():
        head = min(words, key=lambda x: rank[x])
        for w in words:
            canon[w] = head
    # derived nouns take their verb's key
    for w in vocab:
        if not first[w] or first[w][0] != "noun":
            continue
        off = first[w][1]
        lemmas, ptrs, _ = data["noun"][off]
        if w not in lemmas:
            continue
        wnum = lemmas.index(w) + 1
        for sym, toff, tpos, src, tgt in ptrs:
            if sym == "+" and src == wnum and short[tpos] == "verb":
                verb = data["verb"][toff][0][tgt - 1]
                if verb in vocab_set and verb[:4] == w[:4] and first.get(verb) and \
                        lemma_senses(verb, "verb")[:1] == [toff]:
                    canon[w] = canon.get(verb, verb)
                    break

    def write(name, rows, header):
        path = os.path.join(args.outdir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(header)
            for a, b in rows:
                f.write(f"{a}\t{b}\n")
        print(f"{name}: {len(rows)} lines, {os.path.getsize(path)} bytes", file=sys.stderr)

    src = ("# generated by tools/build_wordnet_relations.py from WordNet 3.0 (Princeton "
           "University); see NOTICE\n")
    write("wordnet_antonyms.tsv", sorted(ant), "# Opposites: WORD<TAB>OPPOSITE\n" + src)
    write("wordnet_hypernyms.tsv", sorted(hyper), "# WORD<TAB>MORE GENERAL WORD\n" + src)
    write("wordnet_verb_hypernyms.tsv", sorted(verb_hyper),
          "# VERB<TAB>MORE GENERAL VERB (first verb senses)\n" + src)
    rows = sorted((w, c) for w, c in canon.items() if w != c)
    write("wordnet_canon.tsv", rows, "# WORD<TAB>CANONICAL WORD (shared first sense)\n" + src)


if __name__ == "__main__":
    main()
