"""Shared fixtures: the repository's sample corpus, the seeds (when ../shared is beside the
checkout) and the `corroborate` CLI to compare with."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

PYTHON_DIR = Path(__file__).resolve().parents[1]
ROOT = PYTHON_DIR.parent
SAMPLE_DIR = ROOT / "examples" / "sample"
GOLDEN = ROOT / "tests" / "golden" / "sample-report.json"
# $CORROBORATE_SHARED (relative to the repository root), else ../shared beside the checkout.
SEEDS_DIR = (ROOT / os.environ.get("CORROBORATE_SHARED", "../shared")).resolve() / "seeds"


def read_dir(path):
    """(file name, text) of every .txt file of `path`, sorted by name, as the CLI names them."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.txt"))]


@pytest.fixture(scope="session")
def sample():
    return read_dir(SAMPLE_DIR)


@pytest.fixture(scope="session")
def seeds():
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"no seeds at {SEEDS_DIR}")
    return read_dir(SEEDS_DIR)


def cli_binary():
    """The `corroborate` binary: $CORROBORATE_BIN, a build of this checkout, or PATH."""
    given = os.environ.get("CORROBORATE_BIN")
    if given:
        return given
    for rel in ("target/release/corroborate", "target/install/bin/corroborate", "target/debug/corroborate"):
        if (ROOT / rel).is_file():
            return str(ROOT / rel)
    return shutil.which("corroborate")


@pytest.fixture(scope="session")
def cli():
    """Runs `corroborate --format json --quiet FILES...` and returns its stdout."""
    binary = cli_binary()
    if binary is None:
        if os.environ.get("CORROBORATE_REQUIRE_CLI"):
            pytest.fail("CORROBORATE_REQUIRE_CLI is set but no corroborate binary was found")
        pytest.skip("no corroborate binary (set CORROBORATE_BIN or build the CLI)")

    def run(directory):
        files = [str(p) for p in sorted(Path(directory).glob("*.txt"))]
        done = subprocess.run(
            [binary, "--format", "json", "--quiet", *files], capture_output=True, check=True
        )
        return done.stdout.decode("utf-8")

    return run
