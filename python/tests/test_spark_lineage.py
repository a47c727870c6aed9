"""The Spark job (examples/spark_lineage.py) in local mode on a generated corpus with planted
reuse, against the CLI on the same corpus:

- the job gives exactly the links of ``draftdiff index`` + ``draftdiff sources`` (the same
  units, score, kind and change): its Spark aggregation computes the index's evidence over
  the whole corpus and the package aligns each draft with the same candidates;
- it reads JSONL as it reads directories of text files (the same output, byte for byte);
- recall and precision of the planted links are printed (they are the CLI's, asserted by
  tests/corpus_sources.rs).

The corpus is written by the Rust example ``planted_corpus`` (feature synth), seed 2: the
seed the Rust tests keep for testing (tests/corpus_sources.rs).
"""

import glob
import importlib.util
import json
import os
import shutil
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SEED = int(os.environ.get("DRAFTDIFF_SPARK_SEED", "2"))
DOCUMENTS = int(os.environ.get("DRAFTDIFF_SPARK_DOCUMENTS", "100"))
DRAFTS = int(os.environ.get("DRAFTDIFF_SPARK_DRAFTS", "20"))


def missing(what):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing under CI=true")
    pytest.skip(f"SKIPPED: {what} is missing")


def tool(env, relative, build):
    path = os.environ.get(env) or os.path.join(ROOT, "target", "debug", relative)
    if not os.path.exists(path):
        if shutil.which("cargo") is None:
            missing(relative)
        subprocess.run(["cargo", "build", "-q", *build], cwd=ROOT, check=True)
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    pytest.importorskip("numpy")
    if importlib.util.find_spec("pyspark") is None:
        missing("pyspark")
    if shutil.which("java") is None:
        missing("java")
    gen = tool("PLANTED_CORPUS_BIN", "examples/planted_corpus",
               ["--features", "synth", "--example", "planted_corpus"])
    cli = tool("DRAFTDIFF_BIN", "draftdiff", ["--bin", "draftdiff"])
    root = tmp_path_factory.mktemp("planted")
    subprocess.run([gen, str(root), str(DOCUMENTS), str(SEED)], check=True, capture_output=True)
    # The first drafts only: enough links to compare, a short run.
    drafts = sorted(os.listdir(root / "drafts"))
    for name in drafts[DRAFTS:]:
        os.remove(root / "drafts" / name)
    return root, cli


def to_jsonl(folder, out):
    """The text files of ``folder`` as JSONL lines of {"name", "text"}, in reverse order
    (the job must not depend on the order of its input)."""
    with open(out, "w", encoding="utf-8") as f:
        for name in sorted(os.listdir(folder), reverse=True):
            with open(os.path.join(folder, name), encoding="utf-8") as t:
                f.write(json.dumps({"name": name, "text": t.read()}) + "\n")


def read_parts(out):
    lines = []
    for part in sorted(glob.glob(str(out / "part-*.json"))):
        with open(part) as f:
            lines.extend(line for line in f if line.strip())
    return lines


@pytest.fixture(scope="module")
def spark_runs(corpus):
    """The job's output lines from the text files and from the same corpus as JSONL."""
    root, _ = corpus
    sys.path.insert(0, os.path.join(ROOT, "python", "examples"))
    import spark_lineage
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(os.environ.get("DRAFTDIFF_SPARK_MASTER", "local[2]"))
        .appName("draftdiff-test")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    # The workers unpickle the job's functions by module name: ship the module to them.
    spark.sparkContext.addPyFile(spark_lineage.__file__)
    to_jsonl(root / "corpus", root / "corpus.jsonl")
    to_jsonl(root / "drafts", root / "drafts.jsonl")
    with open(root / "bad.jsonl", "w") as f:
        f.write(json.dumps({"name": "a.txt", "body": "No text field."}) + "\n")
    try:
        spark_lineage.run(spark, str(root / "corpus"), str(root / "drafts"), str(root / "links"))
        spark_lineage.run(spark, str(root / "corpus.jsonl"), str(root / "drafts.jsonl"),
                          str(root / "links-jsonl"))
        try:
            spark_lineage.run(spark, str(root / "bad.jsonl"), str(root / "drafts.jsonl"),
                              str(root / "links-bad"))
            bad = None
        except spark_lineage.InputError as e:
            bad = str(e)
    finally:
        spark.stop()
    return read_parts(root / "links"), read_parts(root / "links-jsonl"), bad


@pytest.fixture(scope="module")
def spark_links(spark_runs):
    return [json.loads(line) for line in spark_runs[0]]


@pytest.fixture(scope="module")
def cli_links(corpus):
    """The links of `draftdiff sources` for every draft, by (draft, draft units, document,
    document units): (score, kind, change)."""
    root, cli = corpus
    subprocess.run([cli, "index", str(root / "corpus"), "-o", str(root / "corpus.ddx")],
                   check=True)
    out = {}
    for name in sorted(os.listdir(root / "drafts")):
        run = subprocess.run(
            [cli, "sources", "--format", "json", str(root / "drafts" / name),
             str(root / "corpus.ddx")],
            capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        found = json.loads(run.stdout)
        for link in found["links"]:
            document = os.path.basename(found["documents"][link["document"]]["path"])
            key = (name, tuple(link["new"]), document, tuple(link["old"]))
            out[key] = (link["score"], link["kind"], link["change"])
    return out


def unit_pairs(keys):
    return {(d, n, doc, o) for d, news, doc, olds in keys for n in news for o in olds}


def test_the_job_gives_exactly_the_links_of_cli_sources(corpus, spark_links, cli_links):
    root, _ = corpus
    assert spark_links, "the job found no links"
    from_spark = {
        (r["draft"], tuple(r["draft_units"]), r["document"], tuple(r["document_units"])):
        (r["score"], r["kind"], r["change"])
        for r in spark_links
    }
    assert len(from_spark) == len(spark_links), "a link written twice"
    only_spark = sorted(set(from_spark) - set(cli_links))
    only_cli = sorted(set(cli_links) - set(from_spark))
    assert (only_spark, only_cli) == ([], []), "links of one side only"
    assert from_spark == cli_links

    drafts = set(os.listdir(root / "drafts"))
    with open(root / "planted.json") as f:
        planted = {(l["draft"], l["draft_unit"], l["document"], l["unit"])
                   for l in json.load(f) if l["draft"] in drafts}
    found = unit_pairs(from_spark)
    hits = len(found & planted)
    print(f"\nseed {SEED}, {DOCUMENTS} documents, {len(drafts)} drafts: {len(spark_links)} "
          f"links; planted unit pairs: recall {hits / max(1, len(planted)):.3f}, precision "
          f"{hits / max(1, len(found)):.3f}")
    assert hits > 0


def test_jsonl_input_gives_the_same_output(spark_runs):
    from_files, from_jsonl, _ = spark_runs
    assert from_files and from_files == from_jsonl


def test_jsonl_without_text_is_an_error_naming_the_file(spark_runs):
    bad = spark_runs[2]
    assert bad is not None and "bad.jsonl: " in bad and "text" in bad, bad


def test_a_missing_input_is_exit_status_2(tmp_path):
    if importlib.util.find_spec("pyspark") is None:
        missing("pyspark")
    job = os.path.join(ROOT, "python", "examples", "spark_lineage.py")
    run = subprocess.run(
        [sys.executable, job, "--corpus", str(tmp_path / "nowhere"), "--drafts",
         str(tmp_path), "--out", str(tmp_path / "out")],
        capture_output=True, text=True)
    assert run.returncode == 2, run.stderr
    assert f"{tmp_path / 'nowhere'}: no such file or directory" in run.stderr


def test_spark_output_is_sorted_jsonl(spark_links):
    keys = [(r["draft"], r["draft_units"][0], r["document"], r["document_units"][0]) for r in spark_links]
    assert keys == sorted(keys)
