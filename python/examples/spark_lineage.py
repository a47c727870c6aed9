"""Paragraph lineage across a corpus on Apache Spark, with the draftdiff package.

For every paragraph of every draft, the corpus paragraphs it descends from:

1. read the corpus and the drafts (directories of text files, or JSONL files of
   ``{"name": ..., "text": ...}`` lines);
2. cut each document into units with ``draftdiff.segment`` (the CLI's units and ids), and
   MinHash each traced unit (not a heading, at least 6 words) over its set of words, less
   the words found in more than ``--max-df`` of the corpus units (stock vocabulary);
3. find candidate paragraph pairs (draft unit, corpus unit) by LSH bands (``--bands`` of
   ``--rows`` MinHash values each) and keep pairs whose estimated Jaccard similarity reaches
   ``--min-jaccard``;
4. for each draft, run ``draftdiff.sources`` inside ``mapInPandas`` against its candidate
   documents (those holding a unit paired with one of its units in step 3): the library's
   own evidence and aligner, as ``draftdiff sources`` runs them over a whole corpus; keep
   the links with a score of at least ``--min-score`` that join units step 3 paired;
5. write the links as JSONL, sorted: one line per link.

Local mode and a cluster run the same file unchanged::

    spark-submit --master 'local[2]' spark_lineage.py --corpus DIR --drafts DIR --out OUT
    spark-submit --master yarn spark_lineage.py --corpus hdfs:///lineage/corpus.jsonl \
        --drafts hdfs:///lineage/drafts.jsonl --out hdfs:///lineage/links

The executors need the draftdiff package installed (``pip install ./python``, or a wheel
shipped with ``--archives`` as a packed environment).
"""

from __future__ import annotations

import argparse
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
#: Default LSH shape, measured on the planted-reuse corpus (development seed 1, 300
#: documents, 60 drafts): 32 bands of 2 rows pair 0.885 of the planted unit pairs with 2,240
#: (document, draft) pairs to align; 24 bands gave 0.862 with 1,099, 48 gave 0.918 with
#: 2,152 but more shuffle; rows of 3 lost recall (0.82) for no fewer pairs.
BANDS = 32
ROWS = 2
#: Default lowest estimated Jaccard similarity of a candidate paragraph pair: heavy
#: rewrites, splits and merges of the planted corpus keep 0.1-0.4 of their rarer words.
MIN_JACCARD = 0.15
#: Default share of corpus units above which a word is stock vocabulary and left out of the
#: signatures (development seed: 1% cut the (document, draft) pairs from 16,000 to 2,240 at
#: 0.885 recall; 3% kept 4,500 for 0.909).
MAX_DF = 0.01

WORD = re.compile(r"\w+")


def words(text: str) -> List[str]:
    """The words of a unit, case folded."""
    return WORD.findall(text.lower())


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


def units_of(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """Segments documents: one row per traced unit, with its distinct words."""
    for df in batches:
        out = {"name": [], "unit": [], "words": []}
        for name, text in zip(df["name"], df["text"]):
            for u in draftdiff.segment(text, name)["units"]:
                found = words(u["text"])
                if u["kind"] == "heading" or len(found) < MIN_WORDS:
                    continue
                out["name"].append(name)
                out["unit"].append(int(u["id"]))
                out["words"].append(sorted(set(found)))
        yield pd.DataFrame(out)


def bands_of(batches: Iterator[pd.DataFrame], common, bands: int, rows: int):
    """The banded MinHash signature of each unit over its words less the common ones:
    one row per (unit, band)."""
    a, b = hash_family(bands * rows)
    for df in batches:
        out = {"name": [], "unit": [], "band": [], "key": [], "sig": []}
        for name, unit, found in zip(df["name"], df["unit"], df["words"]):
            values = sorted({zlib.crc32(w.encode("utf-8")) for w in found if w not in common.value})
            if not values:
                continue
            sig = minhash(values, a, b)
            for band in range(bands):
                out["name"].append(name)
                out["unit"].append(int(unit))
                out["band"].append(band)
                out["key"].append(zlib.crc32(sig[band * rows : (band + 1) * rows].tobytes()))
                out["sig"].append(sig.tolist())
        yield pd.DataFrame(out)


def trace_drafts(batches: Iterator[pd.DataFrame], min_score: float) -> Iterator[pd.DataFrame]:
    """Runs ``draftdiff.sources`` on each draft against its candidate documents: the
    library's own evidence (rare word pairs) and alignment, as ``draftdiff sources`` runs
    them on a whole corpus, and one line per source link."""
    for df in batches:
        out = {k: [] for k in ("draft", "draft_units", "document", "document_units",
                                "score", "kind", "change")}
        for row in df.itertuples(index=False):
            corpus = sorted(zip(row.documents, row.doc_texts))
            paired = {(n, d, o) for n, d, o in zip(row.pair_draft_units, row.pair_documents,
                                                   row.pair_doc_units)}
            found = draftdiff.sources(
                row.draft_text, corpus=corpus, draft_path=row.draft, min_score=min_score
            )
            for link in found["links"]:
                document = found["documents"][link["document"]]["path"]
                # Both kinds of evidence must agree: the library's, among the candidates
                # only, overrates words that are rare there but common in the corpus.
                if not any((n, document, o) in paired for n in link["new"] for o in link["old"]):
                    continue
                out["draft"].append(row.draft)
                out["draft_units"].append(link["new"])
                out["document"].append(document)
                out["document_units"].append(link["old"])
                out["score"].append(float(link["score"]))
                out["kind"].append(link["kind"])
                out["change"].append(link["change"])
        yield pd.DataFrame(out)


LINK_SCHEMA = (
    "draft string, draft_units array<long>, document string, document_units array<long>, "
    "score double, kind string, change string"
)


UNIT_SCHEMA = "name string, unit long, words array<string>"
BAND_SCHEMA = "name string, unit long, band long, key long, sig array<long>"


def candidate_pairs(spark, corpus, drafts, bands: int, rows: int, min_jaccard: float,
                    max_df: float):
    """(draft, draft unit, document, document unit) pairs whose signatures share a band and
    agree on at least ``min_jaccard`` of their entries."""
    from pyspark.sql import functions as F

    c_units = corpus.mapInPandas(units_of, UNIT_SCHEMA).cache()
    d_units = drafts.mapInPandas(units_of, UNIT_SCHEMA)
    # Words in more than max_df of the corpus units are stock vocabulary ("the",
    # "committee"): they make unrelated paragraphs on one topic look alike.
    total = c_units.count()
    common = {
        r["w"]
        for r in c_units.select(F.explode("words").alias("w"))
        .groupBy("w").count()
        .where(F.col("count") > max(1.0, max_df * total))
        .collect()
    }
    common = spark.sparkContext.broadcast(common)
    fn = lambda it: bands_of(it, common, bands, rows)  # noqa: E731
    c = c_units.mapInPandas(fn, BAND_SCHEMA).alias("c")
    d = d_units.mapInPandas(fn, BAND_SCHEMA).alias("d")
    joined = d.join(c, on=["band", "key"]).select(
        F.col("d.name").alias("draft"),
        F.col("d.unit").alias("draft_unit"),
        F.col("c.name").alias("document"),
        F.col("c.unit").alias("doc_unit"),
        F.col("d.sig").alias("dsig"),
        F.col("c.sig").alias("csig"),
    ).dropDuplicates(["draft", "draft_unit", "document", "doc_unit"])
    # The estimated Jaccard similarity: the share of equal signature entries.
    same = F.aggregate(
        F.zip_with("dsig", "csig", lambda x, y: F.when(x == y, 1).otherwise(0)),
        F.lit(0),
        lambda acc, x: acc + x,
    )
    return joined.where(same >= F.lit(min_jaccard * bands * rows)).select(
        "draft", "draft_unit", "document", "doc_unit"
    )


def run(spark, corpus_path: str, drafts_path: str, out: str,
        bands: int = BANDS, rows: int = ROWS, min_jaccard: float = MIN_JACCARD, max_df: float = MAX_DF,
        min_score: float = draftdiff.MIN_SOURCE_SCORE) -> None:
    """The whole job: reads, blocks, aligns, writes ``out`` (a directory of JSONL parts)."""
    from pyspark.sql import functions as F

    corpus = read_documents(spark, corpus_path)
    drafts = read_documents(spark, drafts_path)
    pairs = candidate_pairs(spark, corpus, drafts, bands, rows, min_jaccard, max_df)
    # Each draft with the texts of its candidate documents (a few dozen: the LSH bands
    # keep the work per draft independent of the corpus size).
    docs = corpus.select(F.col("name").alias("document"), F.col("text").alias("doc_text"))
    work = (
        pairs.select("draft", "document").distinct()
        .join(docs, "document")
        .groupBy("draft")
        .agg(F.collect_list("document").alias("documents"),
             F.collect_list("doc_text").alias("doc_texts"))
        .join(drafts.select(F.col("name").alias("draft"), F.col("text").alias("draft_text")),
              "draft")
        .join(pairs.groupBy("draft").agg(
            F.collect_list("draft_unit").alias("pair_draft_units"),
            F.collect_list("document").alias("pair_documents"),
            F.collect_list("doc_unit").alias("pair_doc_units"),
        ), "draft")
    )
    links = work.mapInPandas(lambda it: trace_drafts(it, min_score), LINK_SCHEMA)
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
    p.add_argument("--bands", type=int, default=BANDS)
    p.add_argument("--rows", type=int, default=ROWS)
    p.add_argument("--min-jaccard", type=float, default=MIN_JACCARD)
    p.add_argument("--max-df", type=float, default=MAX_DF)
    p.add_argument("--min-score", type=float, default=draftdiff.MIN_SOURCE_SCORE)
    args = p.parse_args(argv)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.appName("draftdiff-lineage")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    try:
        run(spark, args.corpus, args.drafts, args.out, args.bands, args.rows,
            args.min_jaccard, args.max_df, args.min_score)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
