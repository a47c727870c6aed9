"""The Python API: the same JSON as the CLI, errors as exceptions, the GIL released."""

import json
import os
import shutil
import subprocess
import threading

import pytest

import draftdiff

OLD = "I. Scope\n\n1. The committee met twice.\n\n2. It adopted the report.\n"
NEW = "I. Scope\n\n1. It adopted the final report.\n\n2. The committee met three times.\n"

MODEL = (
    "1. Member States shall ensure that every child has access to free primary "
    "education of good quality by the year 2030.\n\n"
    "2. The secretariat shall report on progress every two years.\n"
)
OTHER = "1. The budget for the biennium was adopted without a vote.\n"
DRAFT = (
    "1. Recalls its earlier work on the subject.\n\n"
    "2. Member States shall ensure that every girl and boy has access to free "
    "primary education of good quality by the year 2030.\n"
)


def cli():
    """The draftdiff binary built by cargo (DRAFTDIFF_BIN, else target/debug), or None."""
    path = os.environ.get("DRAFTDIFF_BIN") or os.path.join(
        os.path.dirname(__file__), "..", "..", "target", "debug", "draftdiff"
    )
    return path if os.path.exists(path) else shutil.which("draftdiff")


def test_segment_gives_units_with_ids_and_numbers():
    doc = draftdiff.segment(OLD, "old.txt")
    assert doc["version"] == draftdiff.JSON_VERSION
    assert doc["path"] == "old.txt"
    assert [(u["id"], u["kind"], u.get("number")) for u in doc["units"]] == [
        (0, "heading", "I"),
        (1, "paragraph", "1"),
        (2, "paragraph", "2"),
    ]


def test_align_finds_the_moved_and_edited_paragraphs():
    report = draftdiff.align(OLD, NEW)
    pairs = sorted((l["old"], l["new"], l["change"], l["moved"]) for l in report["links"])
    assert [p[:2] for p in pairs] == [([0], [0]), ([1], [2]), ([2], [1])]
    assert any(p[3] for p in pairs)
    assert report["summary"]["added"] == 0 and report["summary"]["removed"] == 0
    edited = next(l for l in report["links"] if l["old"] == [2])
    assert {"op": "insert", "text": "final "} in edited["diff"]["ops"]


def test_compare_reads_files_and_matches_align(tmp_path):
    (tmp_path / "old.txt").write_text(OLD)
    (tmp_path / "new.txt").write_text(NEW)
    by_files = draftdiff.compare(tmp_path / "old.txt", tmp_path / "new.txt")
    by_text = draftdiff.align(
        OLD, NEW, old_path=str(tmp_path / "old.txt"), new_path=str(tmp_path / "new.txt")
    )
    assert by_files == by_text


def test_the_same_json_as_the_cli(tmp_path):
    binary = cli()
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the draftdiff binary is missing (cargo build) under CI=true")
        pytest.skip("SKIPPED: no draftdiff binary (cargo build)")
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD)
    new.write_text(NEW)
    run = subprocess.run(
        [binary, "--format", "json", str(old), str(new)], capture_output=True, text=True
    )
    assert run.returncode in (0, 1), run.stderr
    assert json.loads(run.stdout) == draftdiff.compare(old, new)
    run = subprocess.run(
        [binary, "segment", "--format", "json", str(old)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == draftdiff.segment(OLD, str(old))


def test_sources_in_memory_finds_the_model_paragraph():
    found = draftdiff.sources(
        DRAFT, corpus=[("model.txt", MODEL), ("other.txt", OTHER)], draft_path="draft.txt"
    )
    assert found["version"] == draftdiff.SOURCES_JSON_VERSION
    assert [d["path"] for d in found["documents"]] == ["model.txt"]
    assert [(l["old"], l["new"]) for l in found["links"]] == [([0], [1])]


def test_sources_through_an_index_file(tmp_path):
    paths = []
    for name, text in (("model.txt", MODEL), ("other.txt", OTHER)):
        (tmp_path / name).write_text(text)
        paths.append(tmp_path / name)
    assert draftdiff.write_index(paths, tmp_path / "corpus.ddx") == 2
    found = draftdiff.sources(DRAFT, index=tmp_path / "corpus.ddx")
    assert [d["path"] for d in found["documents"]] == [str(tmp_path / "model.txt")]
    assert [(l["old"], l["new"]) for l in found["links"]] == [([0], [1])]


def test_errors_are_exceptions_naming_the_input(tmp_path):
    with pytest.raises(draftdiff.DraftdiffError, match="missing.txt"):
        draftdiff.compare(tmp_path / "missing.txt", tmp_path / "missing.txt")
    (tmp_path / "bad.ddx").write_bytes(b"not an index")
    with pytest.raises(draftdiff.DraftdiffError, match="bad.ddx"):
        draftdiff.sources(DRAFT, index=tmp_path / "bad.ddx")
    with pytest.raises(draftdiff.DraftdiffError, match="not both or neither"):
        draftdiff.sources(DRAFT)
    with pytest.raises(draftdiff.DraftdiffError, match="min_score"):
        draftdiff.sources(DRAFT, corpus=[("m", MODEL)], min_score=2.0)
    with pytest.raises(draftdiff.DraftdiffError, match="two corpus documents"):
        draftdiff.sources(DRAFT, corpus=[("m", MODEL), ("m", OTHER)])
    # A DraftdiffError is a ValueError, for callers that catch those.
    assert issubclass(draftdiff.DraftdiffError, ValueError)


def test_any_text_gives_a_result_not_a_crash():
    for text in ["", "\x00\x1b[31m", "\u202e" * 3, "é" * 10_000, "a\r\nb\rc\n\n\n"]:
        draftdiff.segment(text)
        draftdiff.align(text, OLD)


def test_output_is_deterministic():
    first = json.dumps(draftdiff.align(OLD * 20, NEW * 20), sort_keys=True)
    assert all(
        json.dumps(draftdiff.align(OLD * 20, NEW * 20), sort_keys=True) == first for _ in range(3)
    )


def test_threads_run_alignments_side_by_side():
    # The GIL is released during the work: four threads give four full, equal reports.
    results = [None] * 4

    def work(i):
        results[i] = draftdiff.align(MODEL * 30, DRAFT * 30)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == results[0] for r in results) and results[0]["links"]


def test_typed_stubs_are_shipped():
    here = os.path.dirname(draftdiff.__file__)
    assert os.path.exists(os.path.join(here, "py.typed"))
    assert os.path.exists(os.path.join(here, "__init__.pyi"))


def evidence_in_python(draft, corpus):
    """The index's evidence computed from the package's word pairs, as the Spark job
    computes it: the pairs each corpus unit shares with a draft unit, each pair weighing
    ``WEIGHT_ONE // rivals`` (the units holding it that share at least ``1/RIVAL_SHARE`` as
    many), integer weights summed per unit pair, the best documents per draft unit
    (heaviest, then first in corpus order)."""
    postings = {}
    for d, (name, text) in enumerate(corpus):
        for unit, keys in draftdiff.index_pairs(text, name):
            for k in keys:
                postings.setdefault(k, []).append((d, unit))
    found = []
    for n, keys in draftdiff.draft_pairs(draft, "draft.txt"):
        lists = [postings[k] for k in keys
                 if k in postings and len(postings[k]) <= draftdiff.MAX_POSTINGS]
        shared = {}
        for held in lists:
            for du in held:
                shared[du] = shared.get(du, 0) + 1
        hits = {}
        for held in lists:
            for du in held:
                rivals = sum(1 for o in held if draftdiff.RIVAL_SHARE * shared[o] >= shared[du])
                hits[du] = hits.get(du, 0) + draftdiff.WEIGHT_ONE // rivals
        kept = [(w, d, u) for (d, u), w in hits.items()
                if w / draftdiff.WEIGHT_ONE >= draftdiff.MIN_WEIGHT - 1e-9]
        best = {}
        for w, d, u in kept:
            best[d] = max(best.get(d, 0), w)
        chosen = sorted(best, key=lambda d: (-best[d], d))[: draftdiff.CANDIDATE_DOCUMENTS]
        found.extend((n, d, u, w) for w, d, u in kept if d in chosen)
    return found


def test_sources_from_evidence_gives_the_sources_of_the_whole_corpus():
    corpus = [("model.txt", MODEL), ("other.txt", OTHER)]
    evidence = evidence_in_python(DRAFT, corpus)
    assert evidence and all(n == 1 and d == 0 for n, d, _, _ in evidence), evidence
    given = draftdiff.sources_from_evidence(
        DRAFT, documents=corpus, evidence=evidence, draft_path="draft.txt")
    assert given == draftdiff.sources(DRAFT, corpus=corpus, draft_path="draft.txt")
    assert [(l["new"], l["old"]) for l in given["links"]] == [([1], [0])]
    # No evidence, no candidates: nothing aligned.
    none = draftdiff.sources_from_evidence(DRAFT, documents=corpus, evidence=[])
    assert none["links"] == []


def test_word_pairs_sample_the_corpus_side_only():
    (unit, every), = draftdiff.draft_pairs(MODEL.split("\n\n")[0])
    (_, sampled), = draftdiff.index_pairs(MODEL.split("\n\n")[0], rate=2)
    assert unit == 0 and set(sampled) < set(every) and every == sorted(every)
    # The default rate (1) keeps every pair.
    assert draftdiff.RATE == 1
    assert draftdiff.index_pairs(MODEL) == draftdiff.draft_pairs(MODEL)
    # Headings and units under six words are not traced.
    assert draftdiff.draft_pairs("I. Scope\n\n1. Too short here.\n") == []
    with pytest.raises(draftdiff.DraftdiffError, match="rate"):
        draftdiff.index_pairs(MODEL, rate=0)


def test_evidence_naming_a_missing_unit_is_an_error():
    with pytest.raises(draftdiff.DraftdiffError, match="draft.txt: evidence"):
        draftdiff.sources_from_evidence(
            DRAFT, documents=[("model.txt", MODEL)], evidence=[(1, 0, 9, draftdiff.WEIGHT_ONE)],
            draft_path="draft.txt")
