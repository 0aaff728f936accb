"""Tests for quotex.evaluate: the metric of EVAL.md on small hand-built gold/prediction pairs."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from quotex.errors import GoldFormatError
from quotex.evaluate import (
    Counts,
    GoldDocument,
    GoldQuote,
    evaluate,
    read_gold,
    score_document,
    scores,
    speaker_matches,
    trim,
)
from quotex.records import DocumentRecord, Quote, Speaker


def at(text: str, part: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th ``part`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def gold(
    text: str,
    span: tuple[int, int],
    speaker: tuple[int, int] | None = None,
    canonical: str | None = None,
) -> GoldQuote:
    """A gold quote over ``span``, spoken by the mention at ``speaker``."""
    if speaker is None:
        return GoldQuote(span[0], span[1], None, None, None, canonical)
    return GoldQuote(span[0], span[1], text[speaker[0] : speaker[1]], *speaker, canonical)


def pred(
    text: str,
    span: tuple[int, int],
    speaker: tuple[int, int] | None = None,
    name: str | None = None,
) -> Quote:
    """A predicted quote over ``span``; its speaker mention is at ``speaker``, named ``name``."""
    who = None
    if speaker is not None:
        mention = text[speaker[0] : speaker[1]]
        who = Speaker(
            name=name or mention, label="PERSON", text=mention, start=speaker[0], end=speaker[1]
        )
    return Quote(text=text[span[0] : span[1]], start=span[0], end=span[1], speaker=who)


def score(text: str, golds: list[GoldQuote], preds: list[Quote]) -> Counts:
    counts, _ = score_document(
        GoldDocument("d", text, tuple(golds)), DocumentRecord("d", quotes=tuple(preds))
    )
    return counts


# --- trimming ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "kept"),
    [
        (' "Yes, indeed!" ', "Yes, indeed"),
        ("“We will win.”", "We will win"),
        ("‘no deal’", "no deal"),
        ("«Oui»", "Oui"),
        ("— and then, ", "and then"),
        ("``wait''", "wait"),
        ("Mr. Smith", "Mr. Smith"),
        ('",. ', ""),
    ],
)
def test_trim(span: str, kept: str) -> None:
    text = f"<{span}>"
    start, end = trim(text, 1, 1 + len(span))
    assert text[start:end] == kept


def test_trimming_is_applied_before_coverage() -> None:
    text = '"Yes, sir," he said.'
    g = gold(text, (0, 11))  # marks and comma included: trims to "Yes, sir" (8 characters)
    assert score(text, [g], [pred(text, (1, 6))]).found == 0  # "Yes, " trims to "Yes": 3 of 8
    assert score(text, [g], [pred(text, (1, 9))]).found == 1  # "Yes, sir"


def test_spans_of_only_marks_and_punctuation_are_not_counted() -> None:
    text = '"Yes," he said. ","'
    counts = score(text, [gold(text, (0, 6)), gold(text, (16, 19))], [pred(text, (16, 19))])
    assert (counts.gold, counts.predicted, counts.found, counts.correct) == (1, 0, 0, 0)


# --- coverage ------------------------------------------------------------------------------

# Ten-letter blocks without spaces or punctuation, so that trimming changes nothing and every
# offset below is a plain count of characters.
LETTERS = "abcdefghij" * 8


@pytest.mark.parametrize(
    ("end", "found"),
    [(20, True), (19, False)],
    ids=["exactly-half", "just-under-half"],
)
def test_gold_quote_found_at_half_coverage(end: int, found: bool) -> None:
    # Gold covers 20 characters [10, 30); the prediction covers [10, end).
    counts = score(LETTERS, [gold(LETTERS, (10, 30))], [pred(LETTERS, (10, end))])
    assert counts.found == int(found)
    assert counts.correct == 1  # the prediction lies wholly inside the gold quote


@pytest.mark.parametrize(
    ("end", "correct"),
    [(50, True), (51, False)],
    ids=["exactly-half", "just-under-half"],
)
def test_predicted_quote_correct_at_half_coverage(end: int, correct: bool) -> None:
    # Gold covers [10, 30), 20 characters of a prediction [10, end) of 40 or 41.
    counts = score(LETTERS, [gold(LETTERS, (10, 30))], [pred(LETTERS, (10, end))])
    assert counts.correct == int(correct)
    assert counts.found == 1


def test_coverage_adds_up_several_predictions() -> None:
    # Two predictions of 6 characters each cover 12 of a 20-character gold quote.
    preds = [pred(LETTERS, (10, 16)), pred(LETTERS, (24, 30))]
    counts = score(LETTERS, [gold(LETTERS, (10, 30))], preds)
    assert (counts.found, counts.predicted, counts.correct) == (1, 2, 2)


def test_overlapping_predictions_are_not_counted_twice() -> None:
    # [10, 18) and [12, 19) overlap: together they cover 9 of 20 characters, not 15.
    preds = [pred(LETTERS, (10, 18)), pred(LETTERS, (12, 19))]
    assert score(LETTERS, [gold(LETTERS, (10, 30))], preds).found == 0


def test_predicted_quote_correct_against_several_gold_quotes() -> None:
    # A prediction [10, 50) covered by two gold quotes of 10 characters each: 20 of 40.
    golds = [gold(LETTERS, (10, 20)), gold(LETTERS, (40, 50))]
    counts = score(LETTERS, golds, [pred(LETTERS, (10, 50))])
    assert (counts.gold, counts.found, counts.predicted, counts.correct) == (2, 2, 1, 1)


# --- speaker check -------------------------------------------------------------------------

ARTICLE = 'Alexander Fomin arrived.\n"We are ready," he said.'
QUOTE = at(ARTICLE, "We are ready,")
HE = at(ARTICLE, "he")
FULL_NAME = at(ARTICLE, "Alexander Fomin")


@pytest.mark.parametrize(
    ("speaker", "name", "canonical", "matches"),
    [
        pytest.param(HE, "Alexander Fomin", None, True, id="same-mention"),
        pytest.param((HE[0], HE[0] + 1), "h", None, True, id="partly-overlapping-mention"),
        pytest.param(
            FULL_NAME, "Alexander Fomin", "Alexander Fomin", True, id="last-word-canonical"
        ),
        pytest.param(FULL_NAME, "Fomin", "Alexander Fomin", True, id="surname-canonical"),
        pytest.param(FULL_NAME, "Alexander Fomin", None, False, id="no-overlap-no-canonical"),
        pytest.param(
            FULL_NAME, "Fomin Alexander", "Alexander Fomin", True, id="last-word-any-word"
        ),
        pytest.param(FULL_NAME, "Sergei Lavrov", "Alexander Fomin", False, id="other-person"),
        pytest.param(FULL_NAME, "FOMIN", "Alexander Fomin", True, id="case-insensitive"),
    ],
)
def test_speaker_matches(
    speaker: tuple[int, int], name: str, canonical: str | None, matches: bool
) -> None:
    g = gold(ARTICLE, QUOTE, HE, canonical)
    assert speaker_matches(pred(ARTICLE, QUOTE, speaker, name), g) is matches


def g_span(g: GoldQuote) -> tuple[int, int]:
    return g.start, g.end


def test_last_word_matches_the_gold_mention_words() -> None:
    # Without a canonical name, the predicted name's last word is looked up in the gold mention.
    text = '"We are ready," said agency head Fomin. Alexander Fomin left.'
    g = gold(text, at(text, "We are ready,"), at(text, "agency head Fomin"))
    elsewhere = at(text, "Alexander Fomin")
    assert speaker_matches(pred(text, g_span(g), elsewhere, "Alexander Fomin"), g)
    assert not speaker_matches(pred(text, g_span(g), elsewhere, "Alexander Smith"), g)


def test_no_speaker_never_matches() -> None:
    assert not speaker_matches(pred(ARTICLE, QUOTE), gold(ARTICLE, QUOTE, HE))
    assert not speaker_matches(pred(ARTICLE, QUOTE, HE, "he"), gold(ARTICLE, QUOTE))


# --- scores --------------------------------------------------------------------------------

NEWS = (
    'Fomin said: "The talks are over." Lopez replied: "We will see."\n'
    'The sign on the door read "Closed today."'
)


def news_pair() -> tuple[GoldDocument, DocumentRecord]:
    """Three gold quotes (two with a speaker) and three predictions:

    1. "The talks are over." predicted, attributed to Fomin: right.
    2. "We will see." predicted, attributed to Fomin: wrong speaker (Lopez said it).
    3. "Closed today." has no speaker and is not predicted.
    4. "The sign on the door" is predicted with a speaker, but is no quote.
    """
    fomin, lopez = at(NEWS, "Fomin"), at(NEWS, "Lopez")
    golds = (
        gold(NEWS, at(NEWS, "The talks are over."), fomin),
        gold(NEWS, at(NEWS, "We will see."), lopez),
        gold(NEWS, at(NEWS, "Closed today.")),
    )
    preds = (
        pred(NEWS, at(NEWS, "The talks are over."), fomin, "Fomin"),
        pred(NEWS, at(NEWS, "We will see."), fomin, "Fomin"),
        pred(NEWS, at(NEWS, "The sign on the door"), lopez, "Lopez"),
    )
    return GoldDocument("news", NEWS, golds), DocumentRecord("news", quotes=preds)


def test_counts_of_a_document() -> None:
    counts, _ = score_document(*news_pair())
    assert counts == Counts(
        gold=3,
        found=2,
        predicted=3,
        correct=2,
        gold_with_speaker=2,
        found_with_speaker=2,
        attributed=1,
        predicted_with_speaker=3,
        predicted_attributed=1,
        gold_canonical=0,
        canonical_correct=0,
    )


def test_scores_of_a_document() -> None:
    result, _ = evaluate([news_pair()])
    assert result.quote_precision == pytest.approx(2 / 3)
    assert result.quote_recall == pytest.approx(2 / 3)
    assert result.quote_f1 == pytest.approx(2 / 3)
    assert result.speaker_accuracy == pytest.approx(1 / 2)
    assert result.e2e_precision == pytest.approx(1 / 3)
    assert result.e2e_recall == pytest.approx(1 / 2)
    assert result.e2e_f1 == pytest.approx(2 / 5)
    assert result.canonical_accuracy is None


def test_errors_of_a_document() -> None:
    _, errors = score_document(*news_pair())
    assert [e["text"] for e in errors.missed] == ["Closed today."]
    assert [(e["text"], e["gold_speaker"]) for e in errors.wrong_speaker] == [
        ("We will see.", "Lopez")
    ]
    assert errors.wrong_speaker[0]["predicted_speaker"]["name"] == "Fomin"
    assert [(e["text"], e["speaker"]) for e in errors.false_positives] == [
        ("The sign on the door", "Lopez")
    ]
    assert list(errors.to_dict()) == ["doc_id", "missed", "wrong_speaker", "false_positives"]


def test_perfect_prediction_scores_one() -> None:
    document, _ = news_pair()
    preds = tuple(
        pred(
            NEWS,
            (g.start, g.end),
            (g.speaker_start, g.speaker_end) if g.speaker_start is not None else None,
        )
        for g in document.quotes
    )
    result, errors = evaluate([(document, DocumentRecord("news", quotes=preds))])
    assert (result.quote_f1, result.speaker_accuracy, result.e2e_f1) == (1.0, 1.0, 1.0)
    assert errors[0].missed == errors[0].wrong_speaker == errors[0].false_positives == []


def test_predicted_speaker_is_checked_against_the_gold_quote_it_overlaps_most() -> None:
    # One prediction spans both quotes of the paragraph; it overlaps Lopez's quote most.
    text = '"Yes," said Fomin. "No, never, not in a hundred years," said Lopez.'
    fomin, lopez = at(text, "Fomin"), at(text, "Lopez")
    golds = [
        gold(text, at(text, "Yes,"), fomin),
        gold(text, at(text, "No, never, not in a hundred years,"), lopez),
    ]
    whole = (at(text, "Yes")[0], at(text, "years")[1])
    for speaker, attributed in ((lopez, 1), (fomin, 0)):
        counts = score(text, golds, [pred(text, whole, speaker)])
        assert (counts.correct, counts.predicted_attributed) == (1, attributed)


def test_canonical_accuracy() -> None:
    text = 'Alexander Fomin arrived.\n"We are ready," he said. "We have waited," he added.'
    he_1, he_2 = at(text, "he", 0), at(text, "he", 1)
    first, second = at(text, "We are ready,"), at(text, "We have waited,")
    golds = [
        gold(text, first, he_1, "Alexander Fomin"),
        gold(text, second, he_2, "Alexander Fomin"),
    ]
    for preds, expected in [
        ([pred(text, first, he_1, "Alexander Fomin"), pred(text, second, he_2, "Fomin")], 1.0),
        ([pred(text, first, he_1, "Alexander Fomin"), pred(text, second, he_2, "he")], 0.5),
        ([pred(text, first, he_1, "Alexander Fomin")], 0.5),  # the second quote is not found
        ([pred(text, first), pred(text, second)], 0.0),
    ]:
        result, _ = evaluate(
            [(GoldDocument("c", text, tuple(golds)), DocumentRecord("c", quotes=tuple(preds)))]
        )
        assert result.canonical_accuracy == expected
        assert result.counts.gold_canonical == 2


def test_corpus_scores_add_up_documents() -> None:
    document, record = news_pair()
    empty = (GoldDocument("empty", "Nothing was said.", ()), DocumentRecord("empty"))
    result, errors = evaluate([(document, record), empty, (document, record)])
    assert result.counts.gold == 6 and result.counts.attributed == 2
    assert result.e2e_f1 == pytest.approx(2 / 5)
    assert [e.doc_id for e in errors] == ["news", "empty", "news"]


def test_nothing_to_score_gives_zeros() -> None:
    result = scores(Counts())
    assert (result.quote_precision, result.quote_recall, result.quote_f1) == (0.0, 0.0, 0.0)
    assert (result.e2e_precision, result.e2e_recall, result.e2e_f1) == (0.0, 0.0, 0.0)
    assert result.speaker_accuracy == 0.0
    assert result.canonical_accuracy is None


# --- reading gold files --------------------------------------------------------------------


def test_read_gold(tmp_path: Path) -> None:
    text = 'Fomin said: "Yes."'
    line = {
        "doc_id": 7,
        "text": text,
        "quotes": [
            {
                "start": 13,
                "end": 17,
                "text": "Yes.",
                "speaker": "Fomin",
                "speaker_start": 0,
                "speaker_end": 5,
                "speaker_canonical": "Alexander Fomin",
                "kind": "direct",
            },
            {"start": 13, "end": 16, "text": "Yes", "speaker": None},
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_bytes(orjson.dumps(line) + b"\n\n")
    [document] = read_gold(path)
    assert document == GoldDocument(
        "7",
        text,
        (
            GoldQuote(13, 17, "Fomin", 0, 5, "Alexander Fomin", "direct"),
            GoldQuote(13, 16, None, None, None, None, None),
        ),
    )


def test_read_gold_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b'{"doc_id": "a", "text": "", "quotes": []}\n{"doc_id": "b", "text": ""}\n')
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl:2: not a gold record \(KeyError"):
        list(read_gold(path))


def test_read_gold_rejects_non_json(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("not json\n")
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl:1: not a gold record"):
        list(read_gold(path))


def test_read_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="cannot read gold file"):
        list(read_gold(tmp_path / "missing.jsonl"))
