"""Tests for quotex.render: the HTML page of one article, and the index of a folder."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotex.errors import QuotexError
from quotex.records import LABELS, Cue, DocumentRecord, Entity, Quote, Speaker
from quotex.render import (
    PALETTE,
    IndexEntry,
    colour_pairs,
    contrast_ratio,
    page_name,
    render_document,
    render_index,
)

REPO_ROOT = Path(__file__).resolve().parents[1]

TEXT = (
    "Talks in Geneva <b>stalled</b> & resumed on Monday.\n"
    "\n"
    "“We will not accept <conditions> & threats from Acme Corp,” said Maria Lopez, "
    "the foreign minister of Spain. “Spain stands firm.”\n"
    "\n"
    "Her counterpart John Smith told reporters: “The door to Geneva talks remains open.” "
    "A spokesman added: “No comment.”\n"
)


def _span(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _entity(
    needle: str, label: str, name: str, occurrence: int = 0, code: str | None = None
) -> Entity:
    start, end = _span(TEXT, needle, occurrence)
    return Entity(text=needle, label=label, start=start, end=end, name=name, code=code)  # type: ignore[arg-type]


def _quote(needle: str, speaker: tuple[str, str, str, int] | None, cue: str | None = None) -> Quote:
    start, end = _span(TEXT, needle)
    spk = None
    if speaker is not None:
        name, label, mention, occurrence = speaker
        s, e = _span(TEXT, mention, occurrence)
        spk = Speaker(name=name, label=label, text=mention, start=s, end=e)  # type: ignore[arg-type]
    cue_record = None
    if cue is not None:
        s, e = _span(TEXT, cue)
        cue_record = Cue(text=cue, start=s, end=e)
    return Quote(text=needle, start=start, end=end, speaker=spk, cue=cue_record)


LOPEZ_Q1 = "We will not accept <conditions> & threats from Acme Corp,"
LOPEZ_Q2 = "Spain stands firm."
SMITH_Q = "The door to Geneva talks remains open."
ANON_Q = "No comment."

RECORD = DocumentRecord(
    source="news/2024/geneva talks.txt",
    entities=(
        _entity("Geneva", "LOCATION", "Geneva"),
        # Crosses the end of the first quote: "Acme Corp,” said" must be dropped, not break HTML.
        Entity(
            text="Corp,” said",
            label="ORG",
            start=_span(TEXT, "Corp,” said")[0],
            end=_span(TEXT, "Corp,” said")[1],
            name="Acme Corporation",
        ),
        # Inside the first quote: nested in the quote's mark.
        _entity("Acme", "ORG", "Acme Corporation"),
        _entity("Maria Lopez", "PERSON", "Maria Lopez"),
        _entity("Spain", "COUNTRY", "Spain", code="ES"),
        _entity("Spain", "COUNTRY", "Spain", occurrence=1, code="ES"),
        _entity("John Smith", "PERSON", "John Smith"),
        _entity("Geneva", "LOCATION", "Geneva", occurrence=1),
    ),
    quotes=(
        _quote(LOPEZ_Q1, ("Maria Lopez", "PERSON", "Maria Lopez", 0), cue="said"),
        _quote(LOPEZ_Q2, ("Maria Lopez", "PERSON", "Maria Lopez", 0)),
        _quote(SMITH_Q, ("John Smith", "PERSON", "John Smith", 0), cue="told"),
        _quote(ANON_Q, None),
    ),
)


def _article_text(page: str) -> str:
    match = re.search(r'<article class="text" id="text">(.*?)</article>', page, re.S)
    assert match is not None
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))


def _marked_quotes(page: str) -> list[str]:
    """The text of every quote highlight, tags stripped and unescaped."""
    marks = re.findall(r"<mark\b[^>]*>(.*?)</mark>", page, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", m)) for m in marks]


def _assert_well_nested(fragment: str) -> None:
    stack: list[str] = []
    for closing, name in re.findall(r"<(/?)([a-z]+)\b[^>]*>", fragment):
        if not closing:
            stack.append(name)
        else:
            assert stack and stack[-1] == name, f"</{name}> closes <{stack[-1] if stack else ''}>"
            stack.pop()
    assert not stack


@pytest.fixture(scope="module")
def page() -> str:
    return render_document(TEXT, RECORD, title="Talks in Geneva")


def test_page_shows_quotes_and_speakers(page: str) -> None:
    assert _marked_quotes(page) == [f"“{q}”" for q in (LOPEZ_Q1, LOPEZ_Q2, SMITH_Q, ANON_Q)]
    assert 'data-who="Maria Lopez"' in page
    assert 'title="Maria Lopez (said)"' in page
    assert 'title="John Smith (told)"' in page
    assert "<title>Talks in Geneva</title>" in page


def test_round_trip_gives_back_the_text(page: str) -> None:
    assert _article_text(page) == TEXT


def test_markup_is_well_nested(page: str) -> None:
    match = re.search(r"<article[^>]*>(.*?)</article>", page, re.S)
    assert match is not None
    _assert_well_nested(match.group(1))


def test_special_characters_are_escaped(page: str) -> None:
    assert "<b>stalled</b>" not in page
    assert "&lt;b&gt;stalled&lt;/b&gt; &amp; resumed" in page
    assert "&lt;conditions&gt;" in page


def test_entity_crossing_a_quote_is_dropped_and_contained_one_nested(page: str) -> None:
    assert 'title="ORG: Acme Corporation"' in page
    assert page.count("ent-ORG") >= 1
    # Only the contained mention of Acme is marked, not the crossing "Corp,” said".
    assert re.search(r'<span class="ent ent-ORG"[^>]*>Acme</span>', page)
    assert not re.search(r'<span class="ent ent-ORG"[^>]*>Corp', page)
    mark = re.search(r"<mark[^>]*>“We will not accept.*?</mark>", page)
    assert mark is not None and "ent-ORG" in mark.group(0)


def test_colours_follow_first_appearance(page: str) -> None:
    lopez = re.findall(r'<mark class="quote (sp-[a-z0-9]+)"[^>]*data-speaker="Maria Lopez"', page)
    smith = re.findall(r'<mark class="quote (sp-[a-z0-9]+)"[^>]*data-speaker="John Smith"', page)
    anon = re.findall(r'<mark class="quote (sp-[a-z0-9]+)"[^>]*data-speaker=""', page)
    assert lopez == ["sp-0", "sp-0"]
    assert smith == ["sp-1"]
    assert anon == ["sp-none"]


def test_side_panel_counts(page: str) -> None:
    panel = page[page.index("<aside") : page.index("</aside>")]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", panel)
    assert len(rows) == 3
    assert "Maria Lopez" in rows[0] and "<td>2</td><td>13</td>" in rows[0]
    assert "John Smith" in rows[1] and "<td>1</td><td>7</td>" in rows[1]
    assert "Unattributed" in rows[2] and "<td>1</td><td>2</td>" in rows[2]
    # Entities grouped by label, with counts.
    assert "Countries" in panel and "Spain" in panel and "ES" in panel
    assert "Geneva" in panel and "×2" in panel
    for label in ("ent-PERSON", "ent-COUNTRY", "ent-ORG", "ent-LOCATION"):
        assert label in panel  # the legend


def test_no_remote_assets(page: str) -> None:
    assert "http://" not in page
    assert "https://" not in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "@import" not in page
    assert "url(" not in page


def test_empty_record() -> None:
    page = render_document("Nothing to see.", DocumentRecord(source="a.txt"))
    assert "No quotations found." in page
    assert _article_text(page) == "Nothing to see."
    assert "<title>a.txt</title>" in page


def test_round_trip_with_windows_line_breaks_and_blank_lines() -> None:
    text = "\r\n  \r\nOne “two” three.\r\rFour\n"
    start, end = _span(text, "two")
    record = DocumentRecord(source="x", quotes=(Quote(text="two", start=start, end=end),))
    assert _article_text(render_document(text, record)) == text


def test_offsets_outside_the_text_are_an_error() -> None:
    record = DocumentRecord(source="x.txt", quotes=(Quote(text="far", start=40, end=43),))
    with pytest.raises(QuotexError, match=r"x\.txt: quote at 40:43 lies outside the text"):
        render_document("short", record)


@pytest.mark.parametrize(("what", "fg", "bg"), colour_pairs())
def test_colour_pairs_pass_wcag_aa(what: str, fg: str, bg: str) -> None:
    assert contrast_ratio(fg, bg) >= 4.5, what


def test_every_palette_colour_is_checked() -> None:
    pairs = {(fg, bg) for _, fg, bg in colour_pairs()}
    for colour in PALETTE:
        assert (colour.fg, colour.bg) in pairs
        assert ("#ffffff", colour.accent) in pairs


def test_contrast_ratio_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#fff", "#fff") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("news/2024/a.txt", "news__2024__a.txt.html"),
        ("a.txt", "a.txt.html"),
        ("./x/../y.txt", "x__y.txt.html"),
        ("C:\\data\\b.txt", None),
        ("news/geneva talks.txt", None),
        ("-", "stdin.html"),
    ],
)
def test_page_name(source: str, expected: str | None) -> None:
    name = page_name(source)
    assert re.fullmatch(r"[A-Za-z0-9._-]+\.html", name)
    assert not name.startswith(".")
    if expected is not None:
        assert name == expected


def test_page_name_keeps_lossy_names_apart() -> None:
    assert page_name("a b.txt") != page_name("a?b.txt")
    assert page_name("index") != "index.html"
    assert len(page_name("x" * 500)) < 140


def test_index_links_each_page() -> None:
    entries = [
        IndexEntry.from_record(RECORD, page_name(RECORD.source)),
        IndexEntry("b.txt.html", "Second <story>", 0, 0),
    ]
    assert entries[0] == IndexEntry(
        "news__2024__geneva-talks.txt-" + entries[0].href.split("-")[-1],
        RECORD.source,
        4,
        2,
    )
    page = render_index(entries, title="Corpus")
    assert f'href="{entries[0].href}"' in page
    assert 'href="b.txt.html">Second &lt;story&gt;</a>' in page
    assert "<td>4</td><td>2</td>" in page
    assert "2 articles · 4 quotes" in page
    assert "http" not in page


# --- browser -------------------------------------------------------------------------------------


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _run_chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ]
    return subprocess.run(
        [binary, *flags, *args], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.browser
def test_page_in_a_browser(tmp_path: Path) -> None:
    binary = _chromium()
    if binary is None:
        pytest.skip("no chromium binary found: install Debian's chromium to run the browser test")
    page_path = tmp_path / "page.html"
    page_path.write_text(render_document(TEXT, RECORD, title="Talks in Geneva"), encoding="utf-8")

    dumped = _run_chromium(binary, tmp_path / "profile-dom", "--dump-dom", page_path.as_uri())
    assert dumped.returncode == 0, dumped.stderr
    dom = dumped.stdout
    assert _marked_quotes(dom) == [f"“{q}”" for q in (LOPEZ_Q1, LOPEZ_Q2, SMITH_Q, ANON_Q)]
    for name in ("Maria Lopez", "John Smith"):
        assert f'data-who="{name}"' in dom

    artefacts = REPO_ROOT / "test-artifacts"
    artefacts.mkdir(exist_ok=True)
    screenshot = artefacts / "render.png"
    screenshot.unlink(missing_ok=True)
    shot = _run_chromium(
        binary,
        tmp_path / "profile-shot",
        f"--screenshot={screenshot}",
        "--window-size=1280,1600",
        "--hide-scrollbars",
        page_path.as_uri(),
    )
    assert shot.returncode == 0, shot.stderr
    assert screenshot.is_file()
    data = screenshot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 20_000


def test_quotes_sharing_a_mark_are_both_kept() -> None:
    text = 'He said "yes"no" today.'
    first, second = _span(text, "yes"), _span(text, "no")
    record = DocumentRecord(
        source="x",
        quotes=(
            Quote(text="yes", start=first[0], end=first[1]),
            Quote(text="no", start=second[0], end=second[1]),
        ),
    )
    page = render_document(text, record)
    assert _marked_quotes(page) == ['"yes', 'no"']
    assert _article_text(page) == text


@st.composite
def _texts_and_records(draw: st.DrawFn) -> tuple[str, DocumentRecord]:
    text = draw(st.text(alphabet='ab <>&"“”\n\r', max_size=40))
    n = len(text)
    offsets = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted)
    entities = tuple(
        Entity(text=text[s:e], label=label, start=s, end=e, name="N")
        for (s, e), label in draw(st.lists(st.tuples(offsets, st.sampled_from(LABELS)), max_size=6))
    )
    quotes = []
    for (s, e), (ms, me), name in draw(
        st.lists(st.tuples(offsets, offsets, st.sampled_from(["A", "B", None])), max_size=4)
    ):
        speaker = None if name is None else Speaker(name, "PERSON", text[ms:me], ms, me)
        quotes.append(Quote(text=text[s:e], start=s, end=e, speaker=speaker))
    return text, DocumentRecord(source="x", entities=entities, quotes=tuple(quotes))


@given(_texts_and_records())
def test_any_record_gives_well_nested_markup_and_the_text_back(
    case: tuple[str, DocumentRecord],
) -> None:
    text, record = case
    page = render_document(text, record)
    assert _article_text(page) == text
    match = re.search(r"<article[^>]*>(.*?)</article>", page, re.S)
    assert match is not None
    _assert_well_nested(match.group(1))
