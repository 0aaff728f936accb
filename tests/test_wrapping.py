"""Tests for quotex.wrapping: joining hard-wrapped lines without moving an offset."""

from __future__ import annotations

import pytest

from quotex.wrapping import unwrap_lines

WRAPPED = (
    "Ferry service cut\n"
    "\n"
    "The island's only ferry will sail twice a week from March, the\n"
    "operator said on Monday, blaming the rising cost of fuel and crews.\n"
    "\n"
    '"We have no choice," said Ines Moreau, who runs the line. "The\n'
    'numbers stopped adding up two winters ago."\n'
    "\n"
    "Islanders said they would appeal to the regional council.\n"
)


def test_breaks_inside_wrapped_paragraphs_become_spaces() -> None:
    unwrapped = unwrap_lines(WRAPPED)
    assert len(unwrapped) == len(WRAPPED)
    assert "ferry will sail twice a week from March, the operator said" in unwrapped
    assert '"The numbers stopped adding up' in unwrapped
    # Blank lines and the short headline still end their paragraphs.
    assert unwrapped.startswith("Ferry service cut\n\nThe island's")
    assert unwrapped.count("\n\n") == WRAPPED.count("\n\n")


def test_crlf_breaks_become_two_spaces() -> None:
    text = WRAPPED.replace("\n", "\r\n")
    unwrapped = unwrap_lines(text)
    assert len(unwrapped) == len(text)
    assert "from March, the  operator said" in unwrapped


@pytest.mark.parametrize(
    "text",
    [
        # A paragraph per line, as news sites write: lines longer than any wrap width.
        "Headline here\n\n"
        + ("The council met on Monday and voted to close the pool. " * 3 + "\n") * 3,
        # Short paragraphs a line each, with no blank lines between them.
        "Council closes the town pool.\nThe vote on Monday night was five to two.\n"
        "Swimmers said they would protest on Friday.\nThe pool opened in 1961.\n",
        # A list of short lines is not a wrapped paragraph.
        "Results:\nAlder 41\nBirch 37\nCedar 12\nDunmore 9\n",
        # Too little text to tell.
        "One line\nand another\n",
        "No line break at all.",
    ],
    ids=["paragraph-per-line", "line-per-paragraph", "short-lines", "too-short", "single-line"],
)
def test_other_layouts_are_left_as_they_are(text: str) -> None:
    assert unwrap_lines(text) is text
