#!/usr/bin/env python3
"""Writes LICENSES/<SPDX-ID>.txt, the licence texts of the SPDX licence list, for the ids given
(default: every id in Cargo.toml's `license` expression). The texts come from the npm package
spdx-license-list 6.12.0 (its data is CC0-1.0), fetched with `npm pack`.
usage: python3 tools/licenses.py [SPDX-ID ...]"""
import json, os, re, subprocess, sys, tarfile, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "spdx-license-list@6.12.0"


def cargo_ids():
    text = open(os.path.join(root, "Cargo.toml")).read()
    expr = re.search(r'^license\s*=\s*"([^"]+)"', text, re.M).group(1)
    return sorted(set(re.findall(r"[A-Za-z0-9.\-+]+", expr)) - {"AND", "OR", "WITH"})


def main(ids):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        archive = next(f for f in os.listdir(tmp) if f.endswith(".tgz"))
        with tarfile.open(os.path.join(tmp, archive)) as tar:
            for spdx in ids:
                member = tar.extractfile(f"package/licenses/{spdx}.json")
                text = json.load(member)["licenseText"].strip() + "\n"
                if spdx == "MIT":
                    text = text.replace("<year> <copyright holders>", "the corroborate contributors")
                with open(os.path.join(root, "LICENSES", f"{spdx}.txt"), "w") as out:
                    out.write(text)
                print(f"LICENSES/{spdx}.txt")


if __name__ == "__main__":
    main(sys.argv[1:] or cargo_ids())
