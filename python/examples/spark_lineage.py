"""Paragraph lineage across a corpus on Apache Spark, with the draftdiff package.

For every paragraph of every draft, the corpus paragraphs it descends from:

1. read the corpus and the drafts (directories of text files, or JSONL files of
   ``{"name": ..., "text": ...}`` lines);
2. cut each document into units with ``draftdiff.segment`` (the CLI's units and ids), and
   MinHash each traced unit (not a heading, at least 6 words) over its set of words;
3. find candidate paragraph pairs (draft unit, corpus unit) by LSH bands: the package's own
   signatures banded here (``--lsh bands``, the default) or Spark's ``MinHashLSH``
   (``--lsh spark``); keep pairs whose estimated Jaccard similarity reaches ``--min-jaccard``;
4. align every candidate (corpus document, draft) pair with ``draftdiff.align`` inside
   ``mapInPandas`` and keep each link with a score of at least ``--min-score`` that joins a
   draft unit to a corpus unit it was paired with in step 3 (as ``draftdiff sources`` keeps a
   link only where its own evidence paired the units);
5. write the links as JSONL, sorted: one line per link.

Local mode and a cluster run the same file unchanged::

    spark-submit --master 'local[2]' spark_lineage.py --corpus DIR --drafts DIR --out OUT
    spark-submit --master yarn --py-files ... spark_lineage.py --corpus s3://.../corpus.jsonl ...

The executors need the draftdiff package installed (``pip install ./python``, or a wheel
shipped with ``--archives`` as a packed environment).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import zlib
from typing import Iterator, List

import numpy as np
import pandas as pd

import draftdiff

#: Fewest words of a traced unit (draftdiff's ``corpus::MIN_WORDS``).
MIN_WORDS = 6
#: Default LSH shape: 24 bands of 2 rows catch a pair of Jaccard similarity 0.2 with
#: probability 1-(1-0.04)^24 = 0.63 and 0.3 with 0.90; heavy rewrites of the planted corpus
#: keep 0.2-0.4 of their words (development seed), unrelated paragraphs on the same topic
#: under 0.13 in 99% of pairs.
BANDS = 24
ROWS = 2
#: Default lowest estimated Jaccard similarity of a candidate paragraph pair.
MIN_JACCARD = 0.2
WORD = re.compile(r"\w+")


def words(text: str) -> List[str]:
    """The words of a unit, case folded."""
    return WORD.findall(text.lower())


def shingles(text: str) -> List[int]:
    """The distinct words of a unit as stable 32-bit hashes (never Python's salted hash())."""
    return sorted({zlib.crc32(w.encode("utf-8")) for w in words(text)})


def hash_family(n: int, seed: int = 1):
    """``n`` hash functions of the multiply-shift family ``(a*x + b) >> 32`` over 64-bit
    words (a odd), fixed by ``seed`` so every executor computes the same signatures."""
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 1 << 63, size=n, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 1 << 63, size=n, dtype=np.uint64)
    return a, b


def minhash(values: List[int], a, b) -> np.ndarray:
    """The MinHash signature of a set of 32-bit values: for each hash function, the least
    hash of a value (numpy's uint64 arithmetic wraps, as the family needs)."""
    x = np.asarray(values, dtype=np.uint64)
    return ((a[:, None] * x[None, :] + b[:, None]) >> np.uint64(32)).min(axis=1).astype(np.int64)


def read_documents(spark, path: str):
    """A DataFrame (name, text): a JSONL file (or folder of them) of {"name", "text"} lines,
    or a directory of text files named by their file name."""
    if path.endswith((".jsonl", ".json")):
        return spark.read.json(path).select("name", "text")
    rdd = spark.sparkContext.wholeTextFiles(path).map(
        lambda kv: (os.path.basename(kv[0]), kv[1])
    )
    return spark.createDataFrame(rdd, "name string, text string")


def units_of(batches: Iterator[pd.DataFrame], bands: int, rows: int) -> Iterator[pd.DataFrame]:
    """Segments documents and bands the signature of each traced unit:
    one output row per (unit, band)."""
    a, b = hash_family(bands * rows)
    for df in batches:
        out = {"name": [], "unit": [], "band": [], "key": [], "sig": []}
        for name, text in zip(df["name"], df["text"]):
            for u in draftdiff.segment(text, name)["units"]:
                if u["kind"] == "heading" or len(words(u["text"])) < MIN_WORDS:
                    continue
                sig = minhash(shingles(u["text"]), a, b)
                for band in range(bands):
                    part = sig[band * rows : (band + 1) * rows]
                    out["name"].append(name)
                    out["unit"].append(int(u["id"]))
                    out["band"].append(band)
                    out["key"].append(zlib.crc32(part.tobytes()))
                    out["sig"].append(sig.tolist())
        yield pd.DataFrame(out)


def align_pairs(batches: Iterator[pd.DataFrame], min_score: float) -> Iterator[pd.DataFrame]:
    """Aligns each (corpus document, draft) pair and keeps the links that stand."""
    for df in batches:
        out = {
            "draft": [],
            "draft_units": [],
            "document": [],
            "document_units": [],
            "score": [],
            "kind": [],
            "change": [],
        }
        for row in df.itertuples(index=False):
            paired = {(int(n), int(o)) for n, o in zip(row.draft_unit_list, row.doc_unit_list)}
            report = draftdiff.align(
                row.doc_text, row.draft_text, old_path=row.document, new_path=row.draft
            )
            for link in report["links"]:
                if link["score"] < min_score:
                    continue
                if not any((n, o) in paired for n in link["new"] for o in link["old"]):
                    continue
                out["draft"].append(row.draft)
                out["draft_units"].append(link["new"])
                out["document"].append(row.document)
                out["document_units"].append(link["old"])
                out["score"].append(float(link["score"]))
                out["kind"].append(link["kind"])
                out["change"].append(link["change"])
        yield pd.DataFrame(out)


LINK_SCHEMA = (
    "draft string, draft_units array<long>, document string, document_units array<long>, "
    "score double, kind string, change string"
)


def candidate_pairs_bands(spark, corpus, drafts, bands: int, rows: int, min_jaccard: float):
    """(draft, draft unit, document, document unit) pairs from the package's signatures."""
    schema = "name string, unit long, band long, key long, sig array<long>"
    fn = lambda it: units_of(it, bands, rows)  # noqa: E731
    c = corpus.mapInPandas(fn, schema).alias("c")
    d = drafts.mapInPandas(fn, schema).alias("d")
    joined = d.join(c, on=["band", "key"]).select(
        d["name"].alias("draft"),
        d["unit"].alias("draft_unit"),
        c["name"].alias("document"),
        c["unit"].alias("doc_unit"),
        d["sig"].alias("dsig"),
        c["sig"].alias("csig"),
    )
    from pyspark.sql import functions as F

    joined = joined.dropDuplicates(["draft", "draft_unit", "document", "doc_unit"])
    # The estimated Jaccard similarity: the share of equal signature entries.
    same = F.aggregate(
        F.zip_with("dsig", "csig", lambda x, y: F.when(x == y, 1).otherwise(0)),
        F.lit(0),
        lambda acc, x: acc + x,
    )
    return joined.where(same >= F.lit(min_jaccard * bands * rows)).select(
        "draft", "draft_unit", "document", "doc_unit"
    )


def candidate_pairs_spark(spark, corpus, drafts, bands: int, min_jaccard: float):
    """The same pairs from Spark's own MinHashLSH (one hash a table, OR over tables), over
    the same word hashes, filtered by the exact Jaccard distance."""
    from pyspark.ml.feature import MinHashLSH
    from pyspark.ml.linalg import SparseVector, VectorUDT
    from pyspark.sql.types import LongType, StructField, StructType

    dim = 1 << 30

    def explode(it):
        for df in it:
            out = {"name": [], "unit": [], "features": []}
            for name, text in zip(df["name"], df["text"]):
                for u in draftdiff.segment(text, name)["units"]:
                    if u["kind"] == "heading" or len(words(u["text"])) < MIN_WORDS:
                        continue
                    values = sorted({v % dim for v in shingles(u["text"])})
                    out["name"].append(name)
                    out["unit"].append(int(u["id"]))
                    out["features"].append(SparseVector(dim, values, [1.0] * len(values)))
            yield pd.DataFrame(out)

    from pyspark.sql.types import StringType

    schema = StructType(
        [
            StructField("name", StringType()),
            StructField("unit", LongType()),
            StructField("features", VectorUDT()),
        ]
    )
    c = corpus.rdd.mapPartitions(lambda rows: _rows(explode, rows)).toDF(schema)
    d = drafts.rdd.mapPartitions(lambda rows: _rows(explode, rows)).toDF(schema)
    model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=bands, seed=1).fit(c)
    joined = model.approxSimilarityJoin(d, c, 1.0 - min_jaccard, distCol="distance")
    return joined.select(
        joined["datasetA.name"].alias("draft"),
        joined["datasetA.unit"].alias("draft_unit"),
        joined["datasetB.name"].alias("document"),
        joined["datasetB.unit"].alias("doc_unit"),
    )


def _rows(explode, rows):
    """Runs a pandas-batch function over an RDD partition of (name, text) rows."""
    rows = list(rows)
    if not rows:
        return iter(())
    df = pd.DataFrame({"name": [r["name"] for r in rows], "text": [r["text"] for r in rows]})
    out = []
    for part in explode(iter([df])):
        out.extend(zip(part["name"], part["unit"], part["features"]))
    return iter(out)


def run(spark, corpus_path: str, drafts_path: str, out: str, lsh: str = "bands",
        bands: int = BANDS, rows: int = ROWS, min_jaccard: float = MIN_JACCARD,
        min_score: float = draftdiff.MIN_SOURCE_SCORE) -> None:
    """The whole job: reads, blocks, aligns, writes ``out`` (a directory of JSONL parts)."""
    from pyspark.sql import functions as F

    corpus = read_documents(spark, corpus_path)
    drafts = read_documents(spark, drafts_path)
    if lsh == "bands":
        pairs = candidate_pairs_bands(spark, corpus, drafts, bands, rows, min_jaccard)
    elif lsh == "spark":
        pairs = candidate_pairs_spark(spark, corpus, drafts, bands * rows, min_jaccard)
    else:
        raise ValueError(f"--lsh {lsh}: expected bands or spark")
    grouped = pairs.groupBy("draft", "document").agg(
        F.collect_list("draft_unit").alias("draft_unit_list"),
        F.collect_list("doc_unit").alias("doc_unit_list"),
    )
    work = (
        grouped.join(drafts.select(F.col("name").alias("draft"), F.col("text").alias("draft_text")), "draft")
        .join(corpus.select(F.col("name").alias("document"), F.col("text").alias("doc_text")), "document")
        .select("draft", "document", "draft_unit_list", "doc_unit_list", "draft_text", "doc_text")
    )
    links = work.mapInPandas(lambda it: align_pairs(it, min_score), LINK_SCHEMA)
    # Sorted, so the same inputs give byte-identical output whatever the partitioning.
    links.orderBy(
        F.col("draft"), F.element_at("draft_units", 1), F.col("document"),
        F.element_at("document_units", 1),
    ).write.mode("overwrite").json(out)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", required=True, help="directory of text files, or JSONL")
    p.add_argument("--drafts", required=True, help="directory of text files, or JSONL")
    p.add_argument("--out", required=True, help="output directory of JSONL links")
    p.add_argument("--lsh", choices=["bands", "spark"], default="bands")
    p.add_argument("--bands", type=int, default=BANDS)
    p.add_argument("--rows", type=int, default=ROWS)
    p.add_argument("--min-jaccard", type=float, default=MIN_JACCARD)
    p.add_argument("--min-score", type=float, default=draftdiff.MIN_SOURCE_SCORE)
    args = p.parse_args(argv)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.appName("draftdiff-lineage")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    try:
        run(spark, args.corpus, args.drafts, args.out, args.lsh, args.bands, args.rows,
            args.min_jaccard, args.min_score)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
