import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

PathLike = Union[str, os.PathLike[str]]

class DraftdiffError(ValueError):
    """A document or index that draftdiff could not read or use; the message names it."""

JSON_VERSION: int
SOURCES_JSON_VERSION: int
MIN_SOURCE_SCORE: float
MIN_WEIGHT: float
WEIGHT_ONE: int
CANDIDATE_DOCUMENTS: int
MAX_POSTINGS: int
RATE: int
RIVAL_SHARE: int
LOOK_WEIGHT: float
LOOK_UNITS: int

def segment(text: str, path: str = ...) -> Dict[str, Any]: ...
def align(
    old: str,
    new: str,
    *,
    old_path: str = ...,
    new_path: str = ...,
    ignore_case: bool = ...,
    ignore_punctuation: bool = ...,
) -> Dict[str, Any]: ...
def compare(
    old: PathLike,
    new: PathLike,
    *,
    ignore_case: bool = ...,
    ignore_punctuation: bool = ...,
) -> Dict[str, Any]: ...
def write_index(paths: Iterable[PathLike], output: PathLike) -> int: ...
def sources(
    draft: str,
    *,
    corpus: Optional[Sequence[Tuple[str, str]]] = ...,
    index: Optional[PathLike] = ...,
    draft_path: str = ...,
    min_score: float = ...,
) -> Dict[str, Any]: ...
def index_pairs(text: str, path: str = ..., *, rate: int = ...) -> List[Tuple[int, List[int]]]: ...
def draft_pairs(text: str, path: str = ...) -> List[Tuple[int, List[int]]]: ...
def unit_words(text: str, path: str = ...) -> List[Tuple[int, List[int]]]: ...
def sources_from_evidence(
    draft: str,
    *,
    documents: Sequence[Tuple[str, str]],
    evidence: Iterable[Tuple[int, int, int, int]],
    draft_path: str = ...,
    min_score: float = ...,
    rarity: Optional[Tuple[int, Iterable[Tuple[int, int]]]] = ...,
) -> Dict[str, Any]: ...
