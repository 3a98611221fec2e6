#!/usr/bin/env bash
# Creates the Python peer's virtual environment under target/peers-venv (or $PEERS_VENV)
# and installs its pinned dependencies from PyPI. Idempotent.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="${PEERS_VENV:-$root/target/peers-venv}"
python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet \
    "rapidfuzz==3.14.6" \
    "scikit-learn==1.9.1"
"$venv/bin/python" -c 'import rapidfuzz, sklearn, numpy, scipy; print("peers venv ready:", "rapidfuzz", rapidfuzz.__version__, "scikit-learn", sklearn.__version__, "numpy", numpy.__version__)'
