"""Tests for tools/merge_canonical.py: joining our canonical names to the gold quotes."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "merge_canonical.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("merge_canonical", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _quote(speaker_start: int, speaker: str) -> dict[str, Any]:
    return {
        "start": 10,
        "end": 20,
        "text": "words here",
        "speaker": speaker,
        "speaker_start": speaker_start,
        "speaker_end": speaker_start + len(speaker),
        "kind": "direct",
    }


def _annotation(speaker_start: int, name: str) -> dict[str, Any]:
    return {
        "doc_id": "d",
        "start": 10,
        "end": 20,
        "speaker_start": speaker_start,
        "speaker_end": speaker_start + 3,
        "speaker_canonical": name,
    }


def test_the_same_words_attributed_twice_are_told_apart_by_the_speaker_span() -> None:
    # 'she said, "…," Sanders shot back': two gold quotes share the offsets.
    train = [{"doc_id": "d", "text": "x" * 40, "quotes": [_quote(0, "she"), _quote(25, "Sanders")]}]
    merged = _tool().merge(train, [_annotation(0, "Hillary Clinton")])
    names = [q.get("speaker_canonical") for q in merged[0]["quotes"]]
    assert names == ["Hillary Clinton", None]


def test_an_annotation_that_matches_no_gold_quote_is_an_error() -> None:
    train = [{"doc_id": "d", "text": "x" * 40, "quotes": [_quote(0, "she")]}]
    tool = _tool()
    with pytest.raises(tool.MergeError):
        tool.merge(train, [{**_annotation(0, "Jo Doe"), "start": 11}])
