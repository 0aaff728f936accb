"""Tests for quotex.quotes: the character-level quotation finder (no spaCy needed)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotex.quotes import QuoteSpan, find_quote_spans, paragraphs


def quoted(text: str) -> list[str]:
    """The text inside every span the finder reports, in order."""
    return [text[s.start : s.end] for s in find_quote_spans(text)]


def assert_sane(text: str, spans: list[QuoteSpan]) -> None:
    """Spans are ordered, disjoint, non-empty, trimmed, and never cross a line break."""
    previous_end = -1
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end
        inside = text[span.start : span.end]
        assert inside == inside.strip()
        assert "\n" not in inside and "\r" not in inside
        if span.open_mark is not None:
            assert span.open_mark < span.start
        if span.close_mark is not None:
            assert span.end <= span.close_mark
        previous_end = span.end if span.close_mark is None else span.close_mark + 1


# --- marks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The mayor said "we are broke" on Friday.', ["we are broke"]),
        ("The mayor said “we are broke” on Friday.", ["we are broke"]),
        ('“We are broke," the mayor said.', ["We are broke,"]),
        ('"We are broke,” the mayor said.', ["We are broke,"]),
        ("Le maire a dit « nous sommes ruinés » vendredi.", ["nous sommes ruinés"]),
        ("Le maire a dit «nous sommes ruinés» vendredi.", ["nous sommes ruinés"]),
        ("„Wir sind pleite“ sagte der Bürgermeister.", ["Wir sind pleite"]),
        ("''We are broke,'' the mayor said.", ["We are broke,"]),
        ("``We are broke,'' the mayor said.", ["We are broke,"]),
        ("The cost is ''40 times the budget,'' he said.", ["40 times the budget,"]),
    ],
    ids=[
        "straight",
        "curly",
        "curly-open-straight-close",
        "straight-open-curly-close",
        "guillemets-spaced",
        "guillemets-tight",
        "low-nine-open",
        "doubled-apostrophes",
        "backticks",
        "doubled-apostrophes-before-a-digit",
    ],
)
def test_quote_marks(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_offsets_point_at_the_marks() -> None:
    text = 'He said "no" twice.'
    [span] = find_quote_spans(text)
    assert span.open_mark is not None and span.close_mark is not None
    assert text[span.open_mark] == '"' and text[span.close_mark] == '"'
    assert (span.start, span.end) == (9, 11)
    assert not span.continues


def test_doubled_apostrophe_marks_are_two_characters() -> None:
    text = "''Enough,'' she said."
    [span] = find_quote_spans(text)
    assert span.open_mark == 0
    assert span.start == 2
    assert span.close_mark == text.index("''", 2)


def test_curly_opening_mark_typed_as_the_closing_one() -> None:
    assert quoted("“Not today,“ the coach said.") == ["Not today,"]


def test_closing_mark_typed_at_the_start_of_a_paragraph_opens() -> None:
    text = "The mayor spoke.\n\n” … and the bridge stays open,” wrote the Gazette. “Then what?”"
    assert quoted(text) == ["… and the bridge stays open,", "Then what?"]


def test_closing_mark_mid_paragraph_still_only_closes() -> None:
    assert quoted("They left ” early and “came back” late.") == ["came back"]


def test_white_space_inside_the_marks_is_trimmed() -> None:
    assert quoted("She said “  wait and see  ” again.") == ["wait and see"]


def test_straight_mark_before_a_space_does_not_open() -> None:
    # A straight mark followed by a space reads as closing, so a lone one cannot start a quote.
    assert quoted('Scores were 4 " and 5 " apart.') == []


def test_straight_mark_glued_after_a_full_stop_opens_before_a_capital() -> None:
    # With no quote open, a mark between a full stop and a capital starts the next sentence.
    text = 'He left the town."We were deceived," said a shop owner.'
    assert quoted(text) == ["We were deceived,"]
    # With one open, the same mark closes it.
    assert quoted('He said "Yes."Then he left.') == ["Yes."]


def test_empty_quote_is_not_a_span() -> None:
    assert quoted('The sign read "" and nothing else.') == []


def test_two_quotes_in_one_paragraph() -> None:
    text = '"We lost," she said. "We will be back."'
    assert quoted(text) == ["We lost,", "We will be back."]


# --- single marks --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Obama: 'Yes we can.'", ["Yes we can."]),
        ("Mayor on budget: ‘We are broke’", ["We are broke"]),
        ("Minister says 'no deal' is off the table", ["no deal"]),
    ],
    ids=["headline-straight", "headline-curly", "headline-inline"],
)
def test_single_quoted_headlines(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_single_marks_nested_in_a_double_quote_stay_inside_it() -> None:
    text = "\"He told me 'never again' and left,\" she said."
    assert quoted(text) == ["He told me 'never again' and left,"]


def test_curly_marks_inside_a_straight_quote_stay_inside_it() -> None:
    text = '"They met in 1960. Written “in a time of crisis,” the text is short." He left.'
    assert quoted(text) == ["They met in 1960. Written “in a time of crisis,” the text is short."]


def test_straight_marks_inside_a_curly_quote_stay_inside_it() -> None:
    text = '“He said "no" twice,” she said. “Fine.”'
    assert quoted(text) == ['He said "no" twice,', "Fine."]


def test_nested_single_quote_ending_with_the_double_one() -> None:
    text = "\"I told him 'don't go,'\" she said."
    assert quoted(text) == ["I told him 'don't go,'"]


def test_single_marks_are_ignored_in_a_paragraph_with_double_quotes() -> None:
    text = "Critics called it 'theatre' while he said \"it works.\""
    assert quoted(text) == ["it works."]


@pytest.mark.parametrize(
    "text",
    [
        "Don't tell me it's over.",
        "The voters' union met the teachers' union.",
        "He played in the '90s and retired.",
        "He is 5'10\" tall and weighs 180 pounds.",
        'The board measured 12" by 8" exactly.',
    ],
    ids=["contractions", "plural-possessive", "decade", "feet-inches", "inches"],
)
def test_apostrophes_and_primes_are_not_quotes(text: str) -> None:
    assert quoted(text) == []


def test_apostrophes_inside_a_quote() -> None:
    text = "\"We don't negotiate with the voters' money,\" she said."
    assert quoted(text) == ["We don't negotiate with the voters' money,"]


def test_prime_inside_a_quote_does_not_close_it() -> None:
    text = '"He is 5\'10" and fast," the coach said.'
    assert quoted(text) == ["He is 5'10\" and fast,"]


# --- paragraphs and unbalanced marks -------------------------------------------------------


def test_quote_over_several_paragraphs() -> None:
    text = (
        'She said: "The first thing is the budget.\n'
        '"The second thing is the budget too.\n'
        '"And the third," she added.'
    )
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "The first thing is the budget.",
        "The second thing is the budget too.",
        "And the third,",
    ]
    assert [s.continues for s in spans] == [True, True, False]
    assert spans[0].open_mark == text.index('"')
    assert spans[2].close_mark is not None


def test_quote_paragraph_whose_closing_mark_was_lost() -> None:
    text = '"We will rebuild the bridge by spring.\nThe council meets again in May.'
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["We will rebuild the bridge by spring."]
    assert spans[0].continues


def test_stray_mark_mid_paragraph_costs_nothing() -> None:
    text = 'The mayor said "we are broke and left.\nThe council meets again in May.'
    assert quoted(text) == []


def test_stray_mark_never_swallows_the_next_paragraph() -> None:
    text = 'A stray " mark sits here.\nThen "a real quote" follows.'
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["a real quote"]
    assert spans[0].start > text.index("\n")


def test_unclosed_quote_after_a_colon_runs_to_its_paragraph_end_and_no_further() -> None:
    # A colon introduces the quote, so the mark is no stray: its closing mark was lost.
    text = 'He said: "we will see.\nShe said: "maybe."'
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["we will see.", "maybe."]
    assert spans[0].end <= text.index("\n") < spans[1].start


def test_two_openers_in_a_row_keep_the_second() -> None:
    assert quoted("Aides “ muttered. Then “it is over” he said.") == ["it is over"]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_line_endings(newline: str) -> None:
    text = newline.join(['"Yes," he said.', "", '"No," she said.', ""])
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["Yes,", "No,"]
    assert_sane(text, spans)


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_multi_paragraph_quote_with_other_line_endings(newline: str) -> None:
    text = newline.join(['She said: "One.', '"Two."'])
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["One.", "Two."]
    assert [s.continues for s in spans] == [True, False]


def test_paragraphs_are_non_blank_lines() -> None:
    text = "one\n\n  \ntwo\r\nthree\rfour"
    assert [text[s:e] for s, e in paragraphs(text)] == ["one", "two", "three", "four"]


def test_no_text_no_spans() -> None:
    assert find_quote_spans("") == []
    assert find_quote_spans("\n\n") == []


@pytest.mark.parametrize(
    "text",
    [
        '"' * 10_000,
        "“" * 10_000,
        "”" * 10_000,
        "'" * 10_000,
        "«" * 10_000,
        'word " ' * 10_000,
        '"a\n' * 10_000,
        "“open " * 10_000 + "\n" + '" close' * 10_000,
    ],
    ids=[
        "straight",
        "curly-open",
        "curly-close",
        "apostrophes",
        "guillemets",
        "spaced",
        "lines",
        "mixed",
    ],
)
def test_ten_thousand_unbalanced_marks_finish(text: str) -> None:
    spans = find_quote_spans(text)
    assert_sane(text, spans)


def test_ten_thousand_quote_paragraphs_finish() -> None:
    text = '"a,"\n' * 10_000
    spans = find_quote_spans(text)
    assert len(spans) == 10_000
    assert {text[s.start : s.end] for s in spans} == {"a,"}


_ALPHABET = st.sampled_from([*"ab .,:'\"“”‘’«»`-\n\r", "''", "``", "\r\n"])


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_any_text_gives_sane_spans(text: str) -> None:
    assert_sane(text, find_quote_spans(text))
