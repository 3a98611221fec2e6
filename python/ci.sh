#!/usr/bin/env bash
# The Python binding in a fresh virtual environment: build the wheel with maturin, install
# it, run the pytest suite (the PySpark local-mode example included).
#
#   python/ci.sh            # from anywhere; PYTHON=python3.12 python/ci.sh for another one
#
# Packages come from PyPI (maturin, pytest, pyspark); nothing else is downloaded. Spark needs
# a Java runtime: when `java` is missing, Debian's default-jre-headless is installed if apt
# can, else the Spark test is skipped (and said so).
set -euo pipefail
cd "$(dirname "$0")"
PYTHON_DIR=$(pwd)
ROOT=$(cd .. && pwd)
PYTHON=${PYTHON:-python3}
VENV=${VENV:-$PYTHON_DIR/target/ci-venv}

echo "== python binding: fresh venv at $VENV"
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet "maturin>=1.5,<2" "pytest>=7" "pyspark>=3.4"

if ! command -v java >/dev/null 2>&1; then
  echo "== install a Java runtime (Debian default-jre-headless) for the PySpark test"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless) >/dev/null 2>&1 \
    || echo "could not install Java: the PySpark test will skip"
fi

echo "== maturin build (release, abi3 wheel)"
rm -rf target/wheels
"$VENV/bin/maturin" build --release --quiet --out target/wheels
"$VENV/bin/python" -m pip install --quiet --no-index --find-links target/wheels corroborate

echo "== the CLI to compare with"
if [ -z "${CORROBORATE_BIN:-}" ]; then
  cargo build --release --quiet --bin corroborate --manifest-path "$ROOT/Cargo.toml"
  export CORROBORATE_BIN="$ROOT/target/release/corroborate"
fi
export CORROBORATE_REQUIRE_CLI=1

echo "== pytest"
cd "$PYTHON_DIR/tests"
"$VENV/bin/python" -c "import corroborate, sys; print('corroborate', corroborate.__version__, 'from', corroborate.__file__)"
"$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@"
