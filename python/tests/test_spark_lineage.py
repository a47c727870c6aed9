"""The Spark job (examples/spark_lineage.py) in local mode on a generated corpus with planted
reuse, against the CLI on the same corpus:

- a link found by both the job and ``draftdiff sources`` has the same units, score, kind
  and change (the package inside Spark runs the CLI's aligner);
- the job's links and those of ``draftdiff sources`` mostly agree, and the job finds the
  planted links (the floors below).

The corpus is written by the Rust example ``planted_corpus`` (feature synth), seed 2: the
seed the Rust tests keep for testing (tests/corpus_sources.rs); the job's defaults were set
on seed 1.
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
DOCUMENTS = 100
DRAFTS = 20

# Floors: what seed 1 (development) gives at these sizes, less a margin: recall 0.884,
# precision 0.608, agreement with `draftdiff sources` 0.602 (which has recall 0.942 and
# precision 0.934 there). The job's precision is its known weakness: the library's evidence,
# computed among a draft's candidate documents only, overrates words that are rare there but
# common in the corpus, and the LSH pairing catches only part of that.
MIN_RECALL = 0.80
MIN_PRECISION = 0.50
MIN_AGREEMENT = 0.50


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


@pytest.fixture(scope="module")
def spark_links(corpus):
    root, _ = corpus
    sys.path.insert(0, os.path.join(ROOT, "python", "examples"))
    import spark_lineage
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("draftdiff-test")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    # The workers unpickle the job's functions by module name: ship the module to them.
    spark.sparkContext.addPyFile(spark_lineage.__file__)
    out = root / "links"
    try:
        spark_lineage.run(spark, str(root / "corpus"), str(root / "drafts"), str(out))
    finally:
        spark.stop()
    lines = []
    for part in sorted(glob.glob(str(out / "part-*.json"))):
        with open(part) as f:
            lines.extend(json.loads(line) for line in f if line.strip())
    return lines


def triples_of_spark(links):
    return {
        (r["draft"], n, r["document"], o)
        for r in links
        for n in r["draft_units"]
        for o in r["document_units"]
    }


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


def test_links_found_by_both_are_the_same(spark_links, cli_links):
    # The job and the CLI run the same aligner on the same (document, draft) pair: where
    # both keep a link, its units, score, kind and change are equal.
    assert spark_links, "the job found no links"
    both = 0
    for r in spark_links:
        key = (r["draft"], tuple(r["draft_units"]), r["document"], tuple(r["document_units"]))
        if key in cli_links:
            both += 1
            assert cli_links[key] == (r["score"], r["kind"], r["change"]), r
    assert both > 0


def test_spark_links_agree_with_cli_sources_and_find_the_planted_links(
    corpus, spark_links, cli_links
):
    root, _ = corpus
    drafts = set(os.listdir(root / "drafts"))
    with open(root / "planted.json") as f:
        planted = {(l["draft"], l["draft_unit"], l["document"], l["unit"])
                   for l in json.load(f) if l["draft"] in drafts}
    from_spark = unit_pairs(
        (r["draft"], r["draft_units"], r["document"], r["document_units"]) for r in spark_links
    )
    from_cli = unit_pairs(cli_links)

    def score(found):
        hits = len(found & planted)
        return hits / len(planted), hits / max(1, len(found))

    agreement = len(from_spark & from_cli) / max(1, len(from_spark | from_cli))
    (rs, ps), (rc, pc) = score(from_spark), score(from_cli)
    print(f"\nseed {SEED}: spark recall {rs:.3f} precision {ps:.3f} ({len(from_spark)} unit "
          f"pairs); cli sources recall {rc:.3f} precision {pc:.3f} ({len(from_cli)}); "
          f"agreement {agreement:.3f}")
    assert rs >= MIN_RECALL and ps >= MIN_PRECISION, (rs, ps)
    assert agreement >= MIN_AGREEMENT, agreement


def test_spark_output_is_sorted_jsonl(spark_links):
    keys = [(r["draft"], r["draft_units"][0], r["document"], r["document_units"][0]) for r in spark_links]
    assert keys == sorted(keys)
