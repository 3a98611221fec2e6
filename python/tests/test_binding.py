"""The binding gives the CLI's report, refuses bad input with exceptions that name the
document, and is safe to call from many threads."""

import datetime
import json
from concurrent.futures import ThreadPoolExecutor

import pytest

import corroborate

from conftest import GOLDEN, SAMPLE_DIR, SEEDS_DIR


# --- the same report as the CLI -------------------------------------------------------------


def test_sample_report_is_the_golden_one(sample):
    assert corroborate.reconcile_json(sample) + "\n" == GOLDEN.read_text(encoding="utf-8")


def test_sample_report_equals_the_cli(sample, cli):
    want = cli(SAMPLE_DIR)
    assert corroborate.reconcile_json(sample) + "\n" == want
    assert corroborate.reconcile(sample) == json.loads(want)


def test_seed_report_equals_the_cli(seeds, cli):
    want = cli(SEEDS_DIR)
    assert corroborate.reconcile(seeds) == json.loads(want)
    assert corroborate.reconcile_json(seeds) + "\n" == want


def test_python_objects_match_the_json_text(sample):
    assert corroborate.reconcile(sample) == json.loads(corroborate.reconcile_json(sample))


def test_report_shape(sample):
    report = corroborate.reconcile(sample)
    assert report["version"] == corroborate.REPORT_VERSION
    assert list(report) == ["version", "documents", "events", "entities", "alignments", "findings", "refused"]
    assert [d["id"] for d in report["documents"]] == [name for name, _ in sample]
    # Every document is in exactly one event.
    members = sorted(d for e in report["events"] for d in e["documents"])
    assert members == sorted(name for name, _ in sample)


def test_dicts_tuples_and_bytes_give_one_report(sample):
    as_dicts = [{"id": i, "text": t, "url": f"https://example.org/{i}"} for i, t in sample]
    as_bytes = [(i, t.encode("utf-8")) for i, t in sample]
    want = corroborate.reconcile(sample)
    assert corroborate.reconcile(as_dicts) == want
    assert corroborate.reconcile(as_bytes) == want
    assert corroborate.reconcile(iter(sample)) == want


def test_published_date_wins_over_the_dateline(sample):
    name, text = sample[0]
    for published in ("2024-01-02", "2024-01-02T10:00:00Z", datetime.date(2024, 1, 2)):
        report = corroborate.reconcile([{"id": name, "text": text, "published": published}])
        assert report["documents"][0]["published"] == "2024-01-02"


def test_corpus_is_incremental(sample):
    corpus = corroborate.Corpus()
    assert corpus.add(*sample[0]) == 0
    first = corpus.reconcile()
    assert [d["id"] for d in first["documents"]] == [sample[0][0]]
    assert corpus.add_many(sample[1:]) == list(range(1, len(sample)))
    assert len(corpus) == len(sample)
    assert corpus.ids() == [name for name, _ in sample]
    assert corpus.reconcile() == corroborate.reconcile(sample)
    assert corpus.reconcile_json() == corroborate.reconcile_json(sample)


def test_config_is_applied(sample):
    default = corroborate.reconcile(sample)
    strict = corroborate.reconcile(sample, {"align.min_score": 0.99})
    assert len(strict["alignments"]) < len(default["alignments"])
    names = {s["name"] for s in corroborate.settings()}
    assert "align.min_score" in names


# --- bad input raises ------------------------------------------------------------------------


def test_empty_document_raises_with_its_id():
    with pytest.raises(corroborate.DocumentError) as err:
        corroborate.reconcile([("good.txt", "Anna Berg said the talks went well."), ("bad.txt", "   ")])
    assert err.value.document_id == "bad.txt"
    assert err.value.kind == "empty_document"
    assert isinstance(err.value, ValueError)


def test_duplicate_id_raises():
    with pytest.raises(corroborate.DocumentError) as err:
        corroborate.reconcile([("a", "One sentence here."), ("a", "Another sentence here.")])
    assert (err.value.document_id, err.value.kind) == ("a", "duplicate_id")


def test_invalid_utf8_raises():
    with pytest.raises(corroborate.DocumentError) as err:
        corroborate.reconcile([("x.txt", b"Valid start \xff\xfe\xfd broken")])
    assert (err.value.document_id, err.value.kind) == ("x.txt", "invalid_utf8")


def test_bad_date_raises():
    with pytest.raises(corroborate.DocumentError) as err:
        corroborate.reconcile([{"id": "d", "text": "Some text.", "published": "13 March"}])
    assert (err.value.document_id, err.value.kind) == ("d", "bad_date")


def test_errors_refuse_lists_the_document(sample):
    report = corroborate.reconcile(sample + [("bad.txt", "")], errors="refuse")
    assert [r["id"] for r in report["refused"]] == ["bad.txt"]
    assert len(report["documents"]) == len(sample)
    corpus = corroborate.Corpus()
    assert corpus.add_many([("ok", "Anna Berg spoke."), ("", "No id.")], errors="refuse") == [0, None]


def test_bad_config_raises():
    with pytest.raises(corroborate.ConfigError) as err:
        corroborate.reconcile([("a", "Text.")], {"align.min_score": 7})
    assert err.value.setting == "align.min_score"
    with pytest.raises(corroborate.ConfigError):
        corroborate.Corpus({"no.such_setting": 1})
    with pytest.raises(TypeError):
        corroborate.reconcile([("a", "Text.")], config=[("align.min_score", 0.3)])


@pytest.mark.parametrize(
    "articles",
    [
        [42],
        [("only-id",)],
        [{"text": "no id"}],
        [{"id": "no text"}],
        [("id", 3.5)],
        [{"id": "d", "text": "x", "published": 20240101}],
        "not a list",
    ],
)
def test_malformed_articles_raise_type_error(articles):
    with pytest.raises(TypeError):
        corroborate.reconcile(articles)


def test_bad_errors_mode_raises():
    with pytest.raises(ValueError):
        corroborate.reconcile([("a", "Text.")], errors="ignore")


def test_corpus_add_raises_and_keeps_going():
    corpus = corroborate.Corpus()
    corpus.add("a", "Anna Berg said the talks went well.")
    with pytest.raises(corroborate.DocumentError) as err:
        corpus.add("a", "Again.")
    assert err.value.document_id == "a"
    assert len(corpus) == 1


# --- small functions -------------------------------------------------------------------------


def test_compare():
    c = corroborate.compare("The talks will last three days.", "The talks will last five days.")
    assert c["relation"] == "contradiction"
    assert 0.0 <= c["confidence"] <= 1.0
    assert c["explanation"]
    same = corroborate.compare("The minister arrived in Vienna.", "The minister arrived in Vienna.")
    assert same["relation"] == "agreement"


def test_cluster_names_keeps_every_name_once():
    names = ["Steve Witkoff", "Witkoff", "Kursk", "Witkoff"]
    groups = corroborate.cluster_names(names)
    assert sorted(n for g in groups for n in g) == sorted(names)
    assert any({"Steve Witkoff", "Witkoff"} <= set(g) for g in groups)
    assert not any({"Witkoff", "Kursk"} <= set(g) for g in groups)
    with pytest.raises(TypeError):
        corroborate.cluster_names("Witkoff")


def test_garble_score():
    fluent = corroborate.garble_score("The minister said the talks would resume on Monday.")
    assert set(fluent) == {"score", "flagged", "reasons", "notes"}
    assert not fluent["flagged"]
    assert corroborate.garble_score("")["score"] == 0.0


# --- threads ---------------------------------------------------------------------------------


def test_concurrent_reconciles_give_the_same_report(sample):
    want = corroborate.reconcile_json(sample)
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda _: corroborate.reconcile_json(sample), range(8)))
    assert got == [want] * 8


def test_one_corpus_shared_between_threads(sample):
    corpus = corroborate.Corpus()
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda a: corpus.add(*a), sample))
        reports = list(pool.map(lambda _: corpus.reconcile(), range(4)))
    assert sorted(corpus.ids()) == sorted(name for name, _ in sample)
    assert all(r == reports[0] for r in reports)
    # The same articles in the order the threads added them give that report.
    ordered = dict(sample)
    assert reports[0] == corroborate.reconcile([(i, ordered[i]) for i in corpus.ids()])


def test_small_functions_from_threads():
    pairs = [("Talks will last three days.", "Talks will last five days.")] * 16
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda p: corroborate.compare(*p), pairs))
    assert all(g == got[0] for g in got)
