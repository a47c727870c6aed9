"""Paragraph lineage across a corpus on Apache Spark, with the draftdiff package.

For every paragraph of every draft, the corpus paragraphs it descends from: the links
``draftdiff sources`` gives with an index of the whole corpus, computed by Spark at scale.
Every step that decides something runs the package's Rust code; Spark only counts, joins
and groups:

1. read the corpus and the drafts (directories of text files named by their file names,
   or JSONL files of ``{"name": ..., "text": ...}`` lines);
2. the index's postings: explode the word pairs of every traced corpus unit
   (``draftdiff.index_pairs``) and count the units holding each pair; a pair held by more
   than ``draftdiff.MAX_POSTINGS`` units is stock phrasing and dropped;
3. the evidence: join every word pair of every traced draft unit (``draftdiff.draft_pairs``)
   with those postings; count the pairs each (draft unit, corpus unit) shares; each shared
   pair weighs ``WEIGHT_ONE // rivals``, the rivals being the corpus units holding it that
   share at least ``1/draftdiff.RIVAL_SHARE`` as many pairs with the draft unit; sum the
   weights per (draft unit, corpus unit), as integers; keep
   sums of at least ``draftdiff.MIN_WEIGHT``, and per draft unit the
   ``draftdiff.CANDIDATE_DOCUMENTS`` documents whose best unit weighs most (ties: the first
   document by name, the order ``draftdiff index DIR`` gives its files), and for the second
   look the ``draftdiff.LOOK_UNITS`` heaviest units of each draft unit (of at least
   ``draftdiff.LOOK_WEIGHT``) when they weigh less;
   the rarity of words: the traced corpus units holding each word stem
   (``draftdiff.unit_words``), for the words of each draft and of the units its evidence
   names;
4. for each draft, ``draftdiff.sources_from_evidence`` inside ``mapInPandas``: the draft
   aligned with exactly those candidate documents, the links the evidence supports kept,
   and the second look at its units left without a source, as ``draftdiff sources`` does;
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
import sys
from typing import Iterator

import pandas as pd

import draftdiff

PAIR_SCHEMA = "name string, unit long, keys array<long>"
LINK_SCHEMA = (
    "draft string, draft_units array<long>, document string, document_units array<long>, "
    "score double, kind string, change string"
)


class InputError(Exception):
    """An input the job cannot read; the message names it."""


def read_documents(spark, path: str):
    """A DataFrame (name, text): a JSONL file (or folder of them) of {"name", "text"} lines,
    or a directory of text files named by their file names."""
    if path.endswith((".jsonl", ".json")):
        df = spark.read.json(path)
        missing = {"name", "text"} - set(df.columns)
        if missing:
            raise InputError(f"{path}: the JSONL lines have no {', '.join(sorted(missing))} field")
        return df.select("name", "text")
    rdd = spark.sparkContext.wholeTextFiles(path).map(
        lambda kv: (os.path.basename(kv[0]), kv[1])
    )
    return spark.createDataFrame(rdd, "name string, text string")


def pairs_of(batches: Iterator[pd.DataFrame], rate) -> Iterator[pd.DataFrame]:
    """The word pairs of each traced unit: the index's sample (``rate``) of a corpus unit,
    or every pair of a draft unit (``rate`` None). One row per unit."""
    for df in batches:
        out = {"name": [], "unit": [], "keys": []}
        for name, text in zip(df["name"], df["text"]):
            found = (draftdiff.index_pairs(text, name, rate=rate) if rate is not None
                     else draftdiff.draft_pairs(text, name))
            for unit, keys in found:
                out["name"].append(name)
                out["unit"].append(unit)
                out["keys"].append(keys)
        yield pd.DataFrame(out)


def trace_drafts(batches: Iterator[pd.DataFrame], min_score: float,
                 traced_units: int) -> Iterator[pd.DataFrame]:
    """Aligns each draft with its candidate documents (``draftdiff.sources_from_evidence``):
    one line per source link."""
    for df in batches:
        out = {k: [] for k in ("draft", "draft_units", "document", "document_units",
                                "score", "kind", "change")}
        for row in df.itertuples(index=False):
            # Corpus order (by name) is the tie-break of equal weights, as in the index.
            docs = sorted(zip(row.documents, row.doc_texts))
            at = {name: i for i, (name, _) in enumerate(docs)}
            evidence = [(n, at[d], o, w) for n, d, o, w in zip(
                row.ev_draft_units, row.ev_documents, row.ev_units, row.ev_weights)]
            counts = list(zip(row.rarity_keys, row.rarity_holding))
            found = draftdiff.sources_from_evidence(
                row.draft_text, documents=docs, evidence=evidence, draft_path=row.draft,
                min_score=min_score, rarity=(traced_units, counts),
            )
            for link in found["links"]:
                out["draft"].append(row.draft)
                out["draft_units"].append(link["new"])
                out["document"].append(found["documents"][link["document"]]["path"])
                out["document_units"].append(link["old"])
                out["score"].append(float(link["score"]))
                out["kind"].append(link["kind"])
                out["change"].append(link["change"])
        yield pd.DataFrame(out)


def words_of(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """The distinct word stems of each traced unit (``draftdiff.unit_words``)."""
    for df in batches:
        out = {"name": [], "unit": [], "keys": []}
        for name, text in zip(df["name"], df["text"]):
            for unit, keys in draftdiff.unit_words(text, name):
                out["name"].append(name)
                out["unit"].append(unit)
                out["keys"].append(keys)
        yield pd.DataFrame(out)


def evidence(spark, corpus, drafts, rate: int = draftdiff.RATE):
    """(draft, draft_unit, document, unit, weight): what ``corpus::evidence`` and
    ``corpus::select`` keep for every traced draft unit, over the whole corpus (steps 2 and
    3): the candidates' evidence and the units of the second look."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    postings = (
        corpus.mapInPandas(lambda it: pairs_of(it, rate), PAIR_SCHEMA)
        .select(F.col("name").alias("document"), "unit", F.explode("keys").alias("key"))
        .cache()
    )
    # Units per pair over the whole corpus: the index's posting lengths.
    looked_up_keys = (
        postings.groupBy("key").agg(F.count(F.lit(1)).alias("df"))
        .where(F.col("df") <= draftdiff.MAX_POSTINGS)
        .select("key")
    )
    looked_up = (
        drafts.mapInPandas(lambda it: pairs_of(it, None), PAIR_SCHEMA)
        .select(F.col("name").alias("draft"), F.col("unit").alias("draft_unit"),
                F.explode("keys").alias("key"))
    )
    # The pairs each corpus unit shares with each draft unit, then each pair's rivals: the
    # units holding it that share at least 1/RIVAL_SHARE as many (corpus::evidence).
    shared = Window.partitionBy("draft", "draft_unit", "document", "unit")
    holders = Window.partitionBy("draft", "draft_unit", "key")
    pairs = (
        looked_up.join(looked_up_keys, "key").join(postings, "key")
        .withColumn("n", F.count(F.lit(1)).over(shared))
        .withColumn("ns", F.collect_list("n").over(holders))
        .withColumn("rivals", F.expr(f"size(filter(ns, m -> {draftdiff.RIVAL_SHARE} * m >= n))"))
        .withColumn("w", F.expr(f"{draftdiff.WEIGHT_ONE} div rivals"))
    )
    # Integer sums: the same in any order, so the same thresholds and ties as the index.
    def weighs(least):
        return F.col("weight") / F.lit(float(draftdiff.WEIGHT_ONE)) >= F.lit(least - 1e-9)

    hits = (
        pairs.groupBy("draft", "draft_unit", "document", "unit").agg(F.sum("w").alias("weight"))
        .where(weighs(min(draftdiff.MIN_WEIGHT, draftdiff.LOOK_WEIGHT)))
    )
    strong = hits.where(weighs(draftdiff.MIN_WEIGHT))
    # Per draft unit, the documents whose best unit weighs most, then the first by name.
    best = strong.groupBy("draft", "draft_unit", "document").agg(F.max("weight").alias("best"))
    rank = F.row_number().over(
        Window.partitionBy("draft", "draft_unit").orderBy(F.desc("best"), F.asc("document")))
    chosen = (best.withColumn("rank", rank)
              .where(F.col("rank") <= draftdiff.CANDIDATE_DOCUMENTS)
              .select("draft", "draft_unit", "document"))
    # For the second look: the LOOK_UNITS heaviest units of each draft unit, if lighter.
    order = F.row_number().over(
        Window.partitionBy("draft", "draft_unit")
        .orderBy(F.desc("weight"), F.asc("document"), F.asc("unit")))
    looks = (hits.withColumn("order", order)
             .where((F.col("order") <= draftdiff.LOOK_UNITS) & ~weighs(draftdiff.MIN_WEIGHT))
             .drop("order"))
    return strong.join(chosen, ["draft", "draft_unit", "document"]).unionByName(looks)


def rarity(corpus_words, drafts_words, found):
    """(draft, key, holding): for each draft, the units of the corpus holding each word of
    its units and of the corpus units its evidence names (``corpus::Rarity``: what the
    second look weighs words by)."""
    from pyspark.sql import functions as F

    holding = corpus_words.groupBy("key").agg(F.count(F.lit(1)).alias("holding"))
    named = (found.select("draft", "document", "unit").distinct()
             .join(corpus_words, ["document", "unit"]).select("draft", "key"))
    wanted = drafts_words.select("draft", "key").unionByName(named).distinct()
    return wanted.join(holding, "key")


def run(spark, corpus_path: str, drafts_path: str, out: str,
        min_score: float = draftdiff.MIN_SOURCE_SCORE) -> None:
    """The whole job: reads, finds the evidence, aligns, writes ``out`` (a directory of
    JSONL parts)."""
    from pyspark.sql import functions as F

    corpus = read_documents(spark, corpus_path)
    drafts = read_documents(spark, drafts_path)
    found = evidence(spark, corpus, drafts).cache()
    corpus_words = (
        corpus.mapInPandas(words_of, PAIR_SCHEMA)
        .select(F.col("name").alias("document"), "unit", F.explode("keys").alias("key"))
        .cache()
    )
    drafts_words = (
        drafts.mapInPandas(words_of, PAIR_SCHEMA)
        .select(F.col("name").alias("draft"), F.explode("keys").alias("key"))
    )
    traced_units = corpus_words.select("document", "unit").distinct().count()
    counts = (
        rarity(corpus_words, drafts_words, found)
        .groupBy("draft")
        .agg(F.collect_list("key").alias("rarity_keys"),
             F.collect_list("holding").alias("rarity_holding"))
    )
    docs = corpus.select(F.col("name").alias("document"), F.col("text").alias("doc_text"))
    # Each draft with its evidence and the texts of its candidate documents (at most
    # CANDIDATE_DOCUMENTS per traced unit, whatever the size of the corpus).
    texts = (
        found.select("draft", "document").distinct().join(docs, "document")
        .groupBy("draft")
        .agg(F.collect_list("document").alias("documents"),
             F.collect_list("doc_text").alias("doc_texts"))
    )
    lists = found.groupBy("draft").agg(
        F.collect_list("draft_unit").alias("ev_draft_units"),
        F.collect_list("document").alias("ev_documents"),
        F.collect_list("unit").alias("ev_units"),
        F.collect_list("weight").alias("ev_weights"),
    )
    work = (
        texts.join(lists, "draft")
        .join(counts, "draft")
        .join(drafts.select(F.col("name").alias("draft"), F.col("text").alias("draft_text")),
              "draft")
    )
    links = work.mapInPandas(lambda it: trace_drafts(it, min_score, traced_units), LINK_SCHEMA)
    # Sorted, so the same inputs give byte-identical output whatever the partitioning.
    links.orderBy(
        F.col("draft"), F.element_at("draft_units", 1), F.col("document"),
        F.element_at("document_units", 1),
    ).write.mode("overwrite").json(out)
    found.unpersist()
    corpus_words.unpersist()


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", required=True, help="directory of text files, or JSONL")
    p.add_argument("--drafts", required=True, help="directory of text files, or JSONL")
    p.add_argument("--out", required=True, help="output directory of JSONL links")
    p.add_argument("--min-score", type=float, default=draftdiff.MIN_SOURCE_SCORE)
    args = p.parse_args(argv)
    for path in (args.corpus, args.drafts):
        if "://" not in path and not os.path.exists(path):
            print(f"spark_lineage: {path}: no such file or directory", file=sys.stderr)
            return 2
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.appName("draftdiff-lineage")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    try:
        run(spark, args.corpus, args.drafts, args.out, args.min_score)
    except (InputError, draftdiff.DraftdiffError) as e:
        print(f"spark_lineage: {e}", file=sys.stderr)
        return 2
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
