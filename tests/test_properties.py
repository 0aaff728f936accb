"""Property tests: arbitrary news-like text never breaks the quote finder or the pipeline.

The text is built from words, quote marks of every kind, line breaks and punctuation, so that
hypothesis explores unbalanced, nested and stray marks. Example counts are bounded so that the
whole module runs in well under a minute; the example database is off so that runs leave no
``.hypothesis`` directory behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotex
from quotex.quotes import find_quote_spans
from quotex.records import DocumentRecord, record_from_dict

if TYPE_CHECKING:
    from spacy.language import Language

#: Every quote mark the finder knows, plus the wire-style doubles and a prime-like backtick.
MARKS = ['"', "“", "”", "„", "«", "»", "'", "‘", "’", "''", "``", "`"]
LINE_BREAKS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"]
PUNCTUATION = [",", ".", ":", ";", "!", "?", "—", "–", "-", "(", ")", "…", "/"]
SPACES = [" ", " ", " ", "\u00a0", "\t"]
#: Words that make the attribution rules fire: names, pronouns, cue verbs, nominal speakers.
WORDS = [
    "Jane",
    "Smith",
    "Tom",
    "Jones",
    "he",
    "she",
    "He",
    "It",
    "said",
    "told",
    "says",
    "added",
    "according",
    "to",
    "the",
    "ministry",
    "spokesman",
    "Russia",
    "Kremlin",
    "who",
    "win",
    "We",
    "will",
    "don't",
    "voters'",
    "5'10",
    # Datelines, bylines, sentence openers, titles and name particles.
    "OSLO",
    "(AP)",
    "By",
    "As",
    "put",
    "it",
    "was",
    "verdict",
    "of",
    "podcast",
    "author",
    "De",
    "de",
    "Striker",
]

pieces = st.one_of(
    st.sampled_from(WORDS),
    st.text(
        alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8
    ),
    st.sampled_from(MARKS),
    st.sampled_from(LINE_BREAKS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(SPACES),
)
#: News-like text: mostly words and spaces, with marks, breaks and punctuation mixed in.
news_text = st.lists(pieces, max_size=80).map("".join)
#: Text dense in quote marks, where pairing is hardest.
marky_text = st.lists(
    st.one_of(st.sampled_from(MARKS), st.sampled_from(LINE_BREAKS), st.sampled_from([" ", "a"])),
    max_size=60,
).map("".join)

LINE_BREAK_CHARS = ("\n", "\r")


@pytest.fixture(scope="module")
def pipeline() -> Language:
    """The full quotex pipeline, loaded once for this module."""
    return quotex.load()


# --------------------------------------------------------------------------- quote finder


def check_quote_spans(text: str) -> None:
    spans = find_quote_spans(text)
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text), (span, len(text))
        assert span.start >= previous_end, f"{span} overlaps or precedes the previous span"
        previous_end = span.end
        inside = text[span.start : span.end]
        assert not any(br in inside for br in LINE_BREAK_CHARS), (span, inside)
        # The marks lie outside the span, on its own line.
        if span.open_mark is not None:
            assert span.open_mark < span.start
            assert not any(br in text[span.open_mark : span.start] for br in LINE_BREAK_CHARS)
        if span.close_mark is not None:
            assert span.end <= span.close_mark < len(text)
            assert not any(br in text[span.end : span.close_mark] for br in LINE_BREAK_CHARS)


@settings(max_examples=400, deadline=None, database=None)
@given(news_text)
def test_quote_spans_are_ordered_disjoint_and_within_one_line(text: str) -> None:
    check_quote_spans(text)


@settings(max_examples=400, deadline=None, database=None)
@given(marky_text)
def test_quote_spans_hold_on_mark_dense_text(text: str) -> None:
    check_quote_spans(text)


@settings(max_examples=100, deadline=None, database=None)
@given(st.text(max_size=200))
def test_quote_finder_never_raises_on_any_unicode(text: str) -> None:
    check_quote_spans(text)


@pytest.mark.parametrize(
    "text",
    [
        '"' * 10_000,
        "“" * 10_000,
        "”" * 10_000,
        "'" * 10_000,
        "‘" * 10_000,
        "«" * 10_000,
        'word " ' * 10_000,
        "“word " * 10_000,
        "'' ``" * 10_000,
        ('"' * 10_000 + "\n") * 3,
    ],
    ids=[
        "straight",
        "curly-open",
        "curly-close",
        "apostrophe",
        "single-open",
        "guillemet",
        "word-straight",
        "word-curly",
        "wire-doubles",
        "three-paragraphs",
    ],
)
def test_ten_thousand_unbalanced_marks_finish(text: str) -> None:
    check_quote_spans(text)


def test_one_long_quote_is_one_span() -> None:
    body = "the people of this town will not be moved " * 20_000
    text = f"“{body.strip()},” Jane Smith said.\n"
    spans = find_quote_spans(text)
    assert [(s.start, s.end) for s in spans] == [(1, len(body.strip()) + 2)]


# --------------------------------------------------------------------------- full pipeline


def check_record(text: str, record: DocumentRecord) -> None:
    """The invariants of docs/schema.md for one record of ``text``."""
    for entity in record.entities:
        assert text[entity.start : entity.end] == entity.text, entity
    previous_end = 0
    for quote in record.quotes:
        assert 0 <= quote.start < quote.end <= len(text), quote
        assert text[quote.start : quote.end] == quote.text, quote
        assert quote.start >= previous_end, f"{quote} overlaps the previous quote"
        previous_end = quote.end
        if quote.speaker is not None:
            speaker = quote.speaker
            assert text[speaker.start : speaker.end] == speaker.text, speaker
            assert speaker.end <= quote.start or speaker.start >= quote.end, (
                f"speaker mention {speaker} lies inside its quote {quote}"
            )
        if quote.cue is not None:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text, quote.cue
    # The JSONL object round-trips to an equal record.
    line = orjson.dumps(record.to_dict(), option=orjson.OPT_APPEND_NEWLINE)
    assert line.count(b"\n") == 1 and line.endswith(b"\n")
    assert record_from_dict(orjson.loads(line)) == record


@pytest.mark.model
@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(news_text)
def test_pipeline_spans_slice_and_round_trip(pipeline: Language, text: str) -> None:
    check_record(text, quotex.extract(text, nlp=pipeline))


@pytest.mark.model
@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(
        st.sampled_from(
            [
                '"We will win," Jane Smith said.',
                "“It is over,” said the ministry.",
                "He told reporters: “Never.”",
                "'' Fine,'' Tom Jones added.",
                "« Non », dit-il.",
                "The Kremlin said it would seek “new initiatives”.",
                "“A,” he said. “B.”",
                '"Unclosed and running on',
                "‘Headline quote,’ she says",
                "don't voters' 5'10\"",
            ]
        ),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["\n", "\r\n", "\n\n", " ", "\r\n\r\n"]),
)
def test_pipeline_on_news_like_paragraphs(
    pipeline: Language, paragraphs: list[str], joiner: str
) -> None:
    text = joiner.join(paragraphs) + joiner
    check_record(text, quotex.extract(text, nlp=pipeline, source="prop.txt", encoding="utf-8"))


@pytest.mark.model
def test_pipeline_finishes_on_ten_thousand_unbalanced_marks(pipeline: Language) -> None:
    # The marks are spaced: spaCy's own tokenizer is quadratic on one unbroken run of marks
    # ('"' * 10_000 takes ~17 s in the tokenizer alone), which is not what this test is about.
    text = "Jane Smith said: " + '" “ ' * 5_000 + "\n"
    record = quotex.extract(text, nlp=pipeline)
    check_record(text, record)


@pytest.mark.model
def test_pipeline_finishes_on_one_long_quote(pipeline: Language) -> None:
    body = "the people of this town will not be moved " * 1_000
    text = f"“{body.strip()},” Jane Smith said.\n"
    record = quotex.extract(text, nlp=pipeline)
    check_record(text, record)
    assert [q.text for q in record.quotes] == [body.strip() + ","]
