from typing import List, Optional, Tuple

class DraftdiffError(ValueError): ...

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

def segment_json(text: str, path: str = ...) -> str: ...
def align_json(
    old: str,
    new: str,
    old_path: str = ...,
    new_path: str = ...,
    ignore_case: bool = ...,
    ignore_punctuation: bool = ...,
) -> str: ...
def compare_json(
    old_path: str, new_path: str, ignore_case: bool = ..., ignore_punctuation: bool = ...
) -> str: ...
def write_index(paths: List[str], output: str) -> int: ...
def sources_json(
    draft: str,
    corpus: Optional[List[Tuple[str, str]]] = ...,
    index: Optional[str] = ...,
    draft_path: str = ...,
    min_score: float = ...,
) -> str: ...
def unit_pairs(
    text: str, path: str = ..., rate: Optional[int] = ...
) -> List[Tuple[int, List[int]]]: ...
def unit_words(text: str, path: str = ...) -> List[Tuple[int, List[int]]]: ...
def sources_from_evidence_json(
    draft: str,
    documents: List[Tuple[str, str]],
    evidence: List[Tuple[int, int, int, int]],
    draft_path: str = ...,
    min_score: float = ...,
    rarity: Optional[Tuple[int, List[Tuple[int, int]]]] = ...,
) -> str: ...
