"""draftdiff: how a document changed between versions, paragraph by paragraph.

Every function returns the JSON document that the ``draftdiff`` command line writes for the
same task (``--format json``; see docs/json-schema.md in the repository), as Python dicts
and lists. The work runs in Rust with the GIL released, so threads (and Spark's Python
workers) run comparisons in parallel. A document or index that cannot be read or used raises
:class:`DraftdiffError` with a message naming it.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _draftdiff
from ._draftdiff import DraftdiffError

__all__ = [
    "CANDIDATE_DOCUMENTS",
    "DraftdiffError",
    "JSON_VERSION",
    "LOOK_UNITS",
    "LOOK_WEIGHT",
    "MAX_POSTINGS",
    "MIN_SOURCE_SCORE",
    "MIN_WEIGHT",
    "RATE",
    "RIVAL_SHARE",
    "SOURCES_JSON_VERSION",
    "WEIGHT_ONE",
    "align",
    "compare",
    "draft_pairs",
    "index_pairs",
    "segment",
    "sources",
    "sources_from_evidence",
    "unit_words",
    "write_index",
]

#: Version of the report and segment JSON (the CLI's ``"version"`` key).
JSON_VERSION: int = _draftdiff.JSON_VERSION
#: Version of the sources JSON.
SOURCES_JSON_VERSION: int = _draftdiff.SOURCES_JSON_VERSION
#: Default lowest score of a source link (the CLI's ``--min-score``).
MIN_SOURCE_SCORE: float = _draftdiff.MIN_SOURCE_SCORE
#: Least evidence weight (in pairs no rival holds) that makes a candidate.
MIN_WEIGHT: float = _draftdiff.MIN_WEIGHT
#: The fixed-point unit of evidence weights: a pair shared with ``n`` rivals (the corpus
#: units holding it that share at least ``1/RIVAL_SHARE`` as many of the draft unit's pairs,
#: the unit itself included) weighs ``WEIGHT_ONE // n``; weights are summed as integers,
#: in any order.
WEIGHT_ONE: int = _draftdiff.WEIGHT_ONE
#: Candidate documents kept per draft unit.
CANDIDATE_DOCUMENTS: int = _draftdiff.CANDIDATE_DOCUMENTS
#: A pair held by more corpus units than this is stock phrasing and not looked up.
MAX_POSTINGS: int = _draftdiff.MAX_POSTINGS
#: Default sampling rate of the index (``draftdiff index --rate``): 1, every pair.
RATE: int = _draftdiff.RATE
#: A corpus unit sharing ``m`` of a draft unit's pairs is a rival, for a pair they both
#: hold, of one sharing ``n`` when ``RIVAL_SHARE * m >= n``.
RIVAL_SHARE: int = _draftdiff.RIVAL_SHARE
#: A draft unit left without a source gets a second look at its ``LOOK_UNITS`` heaviest
#: corpus units that weigh at least ``LOOK_WEIGHT`` (under ``MIN_WEIGHT`` too): linked
#: when they share enough rare words and the aligner links the two on their own.
LOOK_WEIGHT: float = _draftdiff.LOOK_WEIGHT
#: See ``LOOK_WEIGHT``.
LOOK_UNITS: int = _draftdiff.LOOK_UNITS

PathLike = Union[str, "os.PathLike[str]"]


def segment(text: str, path: str = "<text>") -> Dict[str, Any]:
    """The units of ``text`` (headings, paragraphs, list items, footnotes).

    The same dict as ``draftdiff segment --format json``; ``path`` names the document in it.
    """
    return json.loads(_draftdiff.segment_json(text, path))


def align(
    old: str,
    new: str,
    *,
    old_path: str = "old",
    new_path: str = "new",
    ignore_case: bool = False,
    ignore_punctuation: bool = False,
) -> Dict[str, Any]:
    """Aligns two texts paragraph by paragraph and diffs every link.

    The same dict as ``draftdiff --format json OLD NEW``: ``old`` and ``new`` (the units),
    ``links`` (with score, kind, change, moved and word diff), ``added``, ``removed`` and
    ``summary``.
    """
    return json.loads(
        _draftdiff.align_json(old, new, old_path, new_path, ignore_case, ignore_punctuation)
    )


def compare(
    old: PathLike,
    new: PathLike,
    *,
    ignore_case: bool = False,
    ignore_punctuation: bool = False,
) -> Dict[str, Any]:
    """Like :func:`align`, for two files in any format the CLI reads (text, Markdown, Word,
    OpenDocument, PDF). Raises :class:`DraftdiffError` naming a file that cannot be read."""
    return json.loads(
        _draftdiff.compare_json(os.fspath(old), os.fspath(new), ignore_case, ignore_punctuation)
    )


def write_index(paths: Iterable[PathLike], output: PathLike) -> int:
    """Indexes the documents at ``paths`` into the file ``output`` (``draftdiff index``);
    returns the number of documents indexed."""
    return _draftdiff.write_index([os.fspath(p) for p in paths], os.fspath(output))


def sources(
    draft: str,
    *,
    corpus: Optional[Sequence[Tuple[str, str]]] = None,
    index: Optional[PathLike] = None,
    draft_path: str = "draft",
    min_score: float = MIN_SOURCE_SCORE,
) -> Dict[str, Any]:
    """For each unit of ``draft``, the corpus units it descends from.

    Give either ``corpus``, a sequence of ``(name, text)`` pairs indexed in memory, or
    ``index``, an index file written by ``draftdiff index`` or :func:`write_index` (its
    documents are read again from their paths). The same dict as
    ``draftdiff sources --format json``.
    """
    pairs = None if corpus is None else [(str(n), str(t)) for n, t in corpus]
    path = None if index is None else os.fspath(index)
    return json.loads(_draftdiff.sources_json(draft, pairs, path, draft_path, min_score))


def index_pairs(text: str, path: str = "<text>", *, rate: int = RATE) -> List[Tuple[int, List[int]]]:
    """The word pairs the corpus index keeps of each traced unit of ``text``: a list of
    ``(unit id, sorted pair hashes)`` (the sample of ``draftdiff index --rate RATE``).
    Counting, over a corpus, the units holding each pair gives the index's statistics."""
    return _draftdiff.unit_pairs(text, path, rate)


def draft_pairs(text: str, path: str = "<text>") -> List[Tuple[int, List[int]]]:
    """Every word pair of each traced unit of ``text``: what ``draftdiff sources`` looks up
    in the index for a draft unit; ``(unit id, sorted pair hashes)``."""
    return _draftdiff.unit_pairs(text, path, None)


def unit_words(text: str, path: str = "<text>") -> List[Tuple[int, List[int]]]:
    """The distinct word stems of each traced unit of ``text``: ``(unit id, sorted word
    hashes)``. Counting, over a corpus, the units holding each word gives the index's
    rarity of words (the second look of :func:`sources_from_evidence`)."""
    return _draftdiff.unit_words(text, path)


def sources_from_evidence(
    draft: str,
    *,
    documents: Sequence[Tuple[str, str]],
    evidence: Iterable[Tuple[int, int, int, int]],
    draft_path: str = "draft",
    min_score: float = MIN_SOURCE_SCORE,
    rarity: Optional[Tuple[int, Iterable[Tuple[int, int]]]] = None,
) -> Dict[str, Any]:
    """The second half of :func:`sources`: aligns ``draft`` with each of ``documents``
    (``(name, text)`` pairs, in corpus order) and keeps the links the ``evidence`` supports.

    ``evidence`` holds ``(draft unit, index in documents, document unit, weight)``: the
    summed weight (in units of :data:`WEIGHT_ONE`) of the pairs a draft unit shares with a
    corpus unit, computed over the whole corpus (see ``examples/spark_lineage.py``). Given
    the evidence the index would find, the result is what ``draftdiff sources`` gives.

    ``rarity`` is ``(traced units of the corpus, [(word hash, units holding it)])``, counted
    with :func:`unit_words` over the whole corpus, for at least the words of the draft and
    of the corpus units the evidence names; without it there is no second look.
    """
    found = [(int(n), int(d), int(o), int(w)) for n, d, o, w in evidence]
    docs = [(str(n), str(t)) for n, t in documents]
    counts = None if rarity is None else (
        int(rarity[0]), [(int(k), int(c)) for k, c in rarity[1]])
    return json.loads(
        _draftdiff.sources_from_evidence_json(draft, docs, found, draft_path, min_score, counts)
    )
