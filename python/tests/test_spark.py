"""The PySpark example: blocking (pure Python) and the whole job in local mode, whose
findings equal those of reconciling each block directly."""

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

import corroborate

from conftest import SEEDS_DIR

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
import spark_reconcile as job  # noqa: E402


def test_block_keys_pair_names_with_two_windows():
    profile = {
        "published": "2025-06-04",
        "names": [
            {"name": "Michael Harlan", "kind": "person", "key": "harlan"},
            {"name": "Harlan", "kind": "person", "key": "harlan"},
            {"name": "42", "kind": "other", "key": "xx"},
        ],
    }
    day = job.day_number("2025-06-04")
    assert job.block_keys(profile, 3) == [("harlan", day // 3), ("harlan", day // 3 + 1)]
    undated = dict(profile, published=None)
    assert job.block_keys(undated, 3) == [("harlan", None)]


def test_articles_within_a_window_share_a_key_and_far_ones_do_not():
    def keys(date):
        return set(job.block_keys({"published": date, "names": [{"kind": "place", "key": "genev"}]}, 3))

    assert keys("2025-06-04") & keys("2025-06-06")
    assert not keys("2025-06-04") & keys("2025-06-20")


def test_assign_blocks_is_connected_components_split_by_size():
    days = {"a": 1, "b": 2, "c": 3, "d": 4, "x": None, "y": None}
    blocks = job.assign_blocks([["a", "b"], ["c", "b"], ["x", "y"]], days, max_block=2)
    assert blocks["a"] == blocks["b"] != blocks["c"]  # component {a, b, c} split in two
    assert blocks["c"] == "b:a:1"
    assert blocks["x"] == blocks["y"] == "b:x:0"
    assert job.block_of("d", blocks) == "s:d"
    # The order of the groups does not matter.
    assert job.assign_blocks([["x", "y"], ["c", "b"], ["a", "b"]], days, 2) == blocks


def test_profile_gives_date_and_name_keys(sample):
    name, text = sample[0]
    p = corroborate.profile(name, text)
    assert p["published"] == "2025-06-04"
    assert p["names"] and all(n["key"] for n in p["names"])
    with pytest.raises(corroborate.DocumentError) as err:
        corroborate.profile("e.txt", " ")
    assert err.value.document_id == "e.txt"


@pytest.fixture(scope="module")
def spark():
    pyspark = pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime for Spark")
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("corroborate-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.default.parallelism", "2")
        .getOrCreate()
    )
    assert pyspark.__version__
    yield session
    session.stop()


def write_jsonl(path, articles):
    with open(path, "w", encoding="utf-8") as f:
        for i, t in articles:
            f.write(json.dumps({"id": i, "text": t, "url": f"https://example.org/{i}"}) + "\n")


def test_spark_job_equals_reconciling_each_block(spark, sample, tmp_path, request):
    articles = list(sample)
    if SEEDS_DIR.is_dir():
        articles += request.getfixturevalue("seeds")
    articles.append(("empty.txt", "   "))
    src, out = tmp_path / "articles.jsonl", tmp_path / "out"
    write_jsonl(src, articles)
    blocks = job.run(spark.sparkContext, str(src), str(out), window_days=3, partitions=2)

    records = job.read_output(str(out))
    # The sample articles dated June 4 by their datelines are one block; the October one
    # shares no window with them. (03 has no dateline: undated, it is blocked with undated
    # articles only.)
    dated = [i for i, t in sample if (corroborate.profile(i, t)["published"] or "").startswith("2025-06")]
    assert len(dated) == 3
    june = {job.block_of(i, blocks) for i in dated}
    assert len(june) == 1
    assert job.block_of(sample[4][0], blocks) not in june

    # Findings equal those of reconciling each block directly, in the job's order.
    by_block = {}
    for i, t in articles:
        by_block.setdefault(job.block_of(i, blocks), []).append({"id": i, "text": t})
    want = sorted(line for b, arts in by_block.items() for line in job.reconcile_block(b, arts))
    got = sorted(json.dumps(r, ensure_ascii=False) for r in records)
    assert got == want
    assert any(r["record"] == "finding" and r["kind"] == "contradiction" for r in records)
    refused = [r for r in records if r["record"] == "refused"]
    assert [r["id"] for r in refused] == ["empty.txt"]
