"""The accuracy metric of quotex (``quotex eval``), as specified in the project's EVAL.md.

Gold and predicted quotes are compared by character coverage after trimming both of white space,
quote marks and end punctuation. Speakers match when the mention spans overlap or when the last
word of the predicted canonical name is a word of the gold speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from quotex.errors import GoldFormatError
from quotex.records import DocumentRecord, Quote

_TRIM = frozenset(" \t\r\n\u00a0\"'“”‘’«»„‟`.,;:!?—–")
_WORD = re.compile(r"[\w'’\-]+")


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One annotated quote of a gold document."""

    start: int
    end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_canonical: str | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One gold article."""

    doc_id: str
    text: str
    quotes: tuple[GoldQuote, ...]


@dataclass(slots=True)
class Counts:
    """Running totals; the scores are derived from them."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    gold_with_speaker: int = 0
    found_with_speaker: int = 0
    attributed: int = 0
    predicted_with_speaker: int = 0
    predicted_attributed: int = 0
    gold_canonical: int = 0
    canonical_correct: int = 0

    def add(self, other: Counts) -> None:
        """Add another document's counts to these."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True, slots=True)
class Scores:
    """The figures ``quotex eval`` reports."""

    quote_precision: float
    quote_recall: float
    quote_f1: float
    speaker_accuracy: float
    e2e_precision: float
    e2e_recall: float
    e2e_f1: float
    canonical_accuracy: float | None
    counts: Counts = field(repr=False)


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def scores(counts: Counts) -> Scores:
    """Turn totals into precision, recall, F1 and accuracies."""
    qp = _ratio(counts.correct, counts.predicted)
    qr = _ratio(counts.found, counts.gold)
    ep = _ratio(counts.predicted_attributed, counts.predicted_with_speaker)
    er = _ratio(counts.attributed, counts.gold_with_speaker)
    return Scores(
        quote_precision=qp,
        quote_recall=qr,
        quote_f1=_f1(qp, qr),
        speaker_accuracy=_ratio(counts.attributed, counts.found_with_speaker),
        e2e_precision=ep,
        e2e_recall=er,
        e2e_f1=_f1(ep, er),
        canonical_accuracy=(
            _ratio(counts.canonical_correct, counts.gold_canonical)
            if counts.gold_canonical
            else None
        ),
        counts=counts,
    )


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past white space, quote marks and end punctuation at both ends."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _covered(span: tuple[int, int], others: list[tuple[int, int]]) -> int:
    """How many characters of ``span`` lie inside the union of ``others``."""
    start, end = span
    covered = 0
    cursor = start
    for o_start, o_end in sorted(others):
        lo, hi = max(o_start, cursor), min(o_end, end)
        if hi > lo:
            covered += hi - lo
            cursor = hi
    return covered


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _words(text: str | None) -> set[str]:
    return {w.lower().strip("'’") for w in _WORD.findall(text or "")}


def _last_word(name: str | None) -> str | None:
    words = [w.lower().strip("'’") for w in _WORD.findall(name or "")]
    if words and words[-1] in ("s",) and len(words) > 1:
        words.pop()
    return words[-1] if words else None


def speaker_matches(predicted: Quote, gold: GoldQuote) -> bool:
    """The speaker check of EVAL.md step 3."""
    speaker = predicted.speaker
    if speaker is None or gold.speaker is None:
        return False
    if (
        gold.speaker_start is not None
        and gold.speaker_end is not None
        and _overlap((speaker.start, speaker.end), (gold.speaker_start, gold.speaker_end)) > 0
    ):
        return True
    last = _last_word(speaker.name)
    return last is not None and last in (_words(gold.speaker) | _words(gold.speaker_canonical))


@dataclass(frozen=True, slots=True)
class DocumentErrors:
    """The misses of one document, for a person to read."""

    doc_id: str
    missed: list[dict[str, Any]]
    wrong_speaker: list[dict[str, Any]]
    false_positives: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        """The JSONL object written by ``--errors``."""
        return {
            "doc_id": self.doc_id,
            "missed": self.missed,
            "wrong_speaker": self.wrong_speaker,
            "false_positives": self.false_positives,
        }


def _context(text: str, start: int, end: int, width: int = 160) -> str:
    return text[max(0, start - width) : min(len(text), end + width)]


def score_document(gold: GoldDocument, predicted: DocumentRecord) -> tuple[Counts, DocumentErrors]:
    """Compare one document's predictions with its gold quotes."""
    text = gold.text
    counts = Counts()
    gold_spans = [trim(text, q.start, q.end) for q in gold.quotes]
    pred_quotes = list(predicted.quotes)
    pred_spans = [trim(text, q.start, q.end) for q in pred_quotes]
    errors = DocumentErrors(gold.doc_id, [], [], [])

    # The predicted quote that overlaps each gold quote most, and vice versa.
    def best_pred(span: tuple[int, int]) -> int | None:
        best, best_overlap = None, 0
        for index, p_span in enumerate(pred_spans):
            overlap = _overlap(span, p_span)
            if overlap > best_overlap:
                best, best_overlap = index, overlap
        return best

    def best_gold(span: tuple[int, int]) -> int | None:
        best, best_overlap = None, 0
        for index, g_span in enumerate(gold_spans):
            overlap = _overlap(span, g_span)
            if overlap > best_overlap:
                best, best_overlap = index, overlap
        return best

    for g, g_span in zip(gold.quotes, gold_spans, strict=True):
        length = g_span[1] - g_span[0]
        if length <= 0:
            continue
        counts.gold += 1
        has_speaker = g.speaker is not None
        counts.gold_with_speaker += has_speaker
        counts.gold_canonical += g.speaker_canonical is not None
        found = 2 * _covered(g_span, pred_spans) >= length
        p_index = best_pred(g_span) if found else None
        if not found:
            errors.missed.append(_gold_error(text, g))
            continue
        counts.found += 1
        if p_index is None:
            continue
        p = pred_quotes[p_index]
        if g.speaker_canonical is not None:
            last = _last_word(p.speaker.name if p.speaker else None)
            counts.canonical_correct += last is not None and last in _words(g.speaker_canonical)
        if has_speaker:
            counts.found_with_speaker += 1
            if speaker_matches(p, g):
                counts.attributed += 1
            else:
                entry = _gold_error(text, g)
                entry["predicted_speaker"] = (
                    {"name": p.speaker.name, "text": p.speaker.text, "start": p.speaker.start}
                    if p.speaker
                    else None
                )
                errors.wrong_speaker.append(entry)

    for p, p_span in zip(pred_quotes, pred_spans, strict=True):
        length = p_span[1] - p_span[0]
        if length <= 0:
            continue
        counts.predicted += 1
        correct = 2 * _covered(p_span, gold_spans) >= length
        counts.correct += correct
        if not correct:
            errors.false_positives.append(
                {
                    "text": p.text,
                    "start": p.start,
                    "speaker": p.speaker.name if p.speaker else None,
                    "context": _context(text, p.start, p.end),
                }
            )
        if p.speaker is None:
            continue
        counts.predicted_with_speaker += 1
        g_index = best_gold(p_span) if correct else None
        if g_index is not None and speaker_matches(p, gold.quotes[g_index]):
            counts.predicted_attributed += 1
    return counts, errors


def _gold_error(text: str, g: GoldQuote) -> dict[str, Any]:
    return {
        "text": text[g.start : g.end],
        "start": g.start,
        "kind": g.kind,
        "gold_speaker": g.speaker,
        "gold_speaker_start": g.speaker_start,
        "context": _context(text, g.start, g.end),
    }


def read_gold(path: Path) -> Iterator[GoldDocument]:
    """Stream gold documents from a JSONL file in the EVAL.md format."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - the error must name the open, not the parse
    except OSError as error:
        raise GoldFormatError(f"{path}: cannot read gold file: {error.strerror}") from None
    with handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                data = orjson.loads(line)
                quotes = tuple(
                    GoldQuote(
                        start=q["start"],
                        end=q["end"],
                        speaker=q.get("speaker"),
                        speaker_start=q.get("speaker_start"),
                        speaker_end=q.get("speaker_end"),
                        speaker_canonical=q.get("speaker_canonical"),
                        kind=q.get("kind"),
                    )
                    for q in data["quotes"]
                )
                yield GoldDocument(doc_id=str(data["doc_id"]), text=data["text"], quotes=quotes)
            except (orjson.JSONDecodeError, KeyError, TypeError) as error:
                raise GoldFormatError(
                    f"{path}:{lineno}: not a gold record ({type(error).__name__}: {error})"
                ) from None


def evaluate(
    pairs: Iterable[tuple[GoldDocument, DocumentRecord]],
) -> tuple[Scores, list[DocumentErrors]]:
    """Score predictions against gold over a corpus."""
    total = Counts()
    all_errors = []
    for gold, predicted in pairs:
        counts, errors = score_document(gold, predicted)
        total.add(counts)
        all_errors.append(errors)
    return scores(total), all_errors
