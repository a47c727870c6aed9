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
from typing import Any, Dict, Iterable, Optional, Sequence, Tuple, Union

from . import _draftdiff
from ._draftdiff import DraftdiffError

__all__ = [
    "DraftdiffError",
    "JSON_VERSION",
    "MIN_SOURCE_SCORE",
    "SOURCES_JSON_VERSION",
    "align",
    "compare",
    "segment",
    "sources",
    "write_index",
]

#: Version of the report and segment JSON (the CLI's ``"version"`` key).
JSON_VERSION: int = _draftdiff.JSON_VERSION
#: Version of the sources JSON.
SOURCES_JSON_VERSION: int = _draftdiff.SOURCES_JSON_VERSION
#: Default lowest score of a source link (the CLI's ``--min-score``).
MIN_SOURCE_SCORE: float = _draftdiff.MIN_SOURCE_SCORE

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
