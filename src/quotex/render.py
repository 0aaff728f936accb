"""Rendering a :class:`~quotex.records.DocumentRecord` as one self-contained HTML page.

The page carries its own CSS and needs no fonts, scripts or images from anywhere, so that it can
be mailed, archived or opened from a folder offline. The article text is reproduced exactly:
removing the tags from the ``<article>`` element and unescaping it gives back the input text.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import NamedTuple

from quotex.errors import QuotexError
from quotex.records import LABELS, DocumentRecord, Label, Quote

__all__ = [
    "ENTITY_COLOURS",
    "PALETTE",
    "UNATTRIBUTED",
    "IndexEntry",
    "SpeakerColour",
    "colour_pairs",
    "contrast_ratio",
    "page_name",
    "render_document",
    "render_index",
]


# --- colours -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpeakerColour:
    """The colours of one speaker: ``fg`` on ``bg`` for quoted text, white on ``accent`` for the
    speaker's badge, and ``fg`` on the page for the words that name the speaker."""

    bg: str
    fg: str
    accent: str


#: One colour per speaker, in order of first quote; the palette repeats after the last one.
#: Light backgrounds with dark text, so that every pair passes WCAG AA (4.5:1).
PALETTE: tuple[SpeakerColour, ...] = (
    SpeakerColour(bg="#dbe9ff", fg="#12306b", accent="#1f4fb5"),  # blue
    SpeakerColour(bg="#fdecc8", fg="#5c3b00", accent="#8a5300"),  # amber
    SpeakerColour(bg="#d5f2dc", fg="#0f4a22", accent="#1c6b35"),  # green
    SpeakerColour(bg="#fbdde6", fg="#6b1030", accent="#a3214b"),  # rose
    SpeakerColour(bg="#e8e0fb", fg="#3b1c7a", accent="#5b35b0"),  # violet
    SpeakerColour(bg="#cdf0ee", fg="#0c4744", accent="#146b66"),  # teal
    SpeakerColour(bg="#fde1cf", fg="#6b2a07", accent="#a4410f"),  # orange
    SpeakerColour(bg="#d4eef9", fg="#0b4159", accent="#136587"),  # cyan
)
#: Quotes that no rule attributed.
UNATTRIBUTED = SpeakerColour(bg="#e7e7e4", fg="#2b2b2b", accent="#5f6368")

#: Underline colour of entity mentions; also the text colour of their legend on the panel.
ENTITY_COLOURS: dict[Label, str] = {
    "PERSON": "#a8261d",
    "COUNTRY": "#1d58b3",
    "ORG": "#17703a",
    "LOCATION": "#7339a8",
}
# Underline styles differ too, so the labels can be told apart without colour vision.
_ENTITY_STYLES: dict[Label, str] = {
    "PERSON": "solid",
    "COUNTRY": "double",
    "ORG": "dashed",
    "LOCATION": "dotted",
}
_ENTITY_TITLES: dict[Label, str] = {
    "PERSON": "People",
    "COUNTRY": "Countries",
    "ORG": "Organisations",
    "LOCATION": "Places",
}

_PAGE_BG = "#fbfaf7"
_PANEL_BG = "#f1efe9"
_TEXT = "#1c1d1f"
_MUTED = "#55585e"
_LINK = "#1d4fae"
_WHITE = "#ffffff"


def contrast_ratio(fg_hex: str, bg_hex: str) -> float:
    """The WCAG 2 contrast ratio of two ``#rrggbb`` (or ``#rgb``) colours, from 1.0 to 21.0."""
    lighter, darker = sorted((_luminance(fg_hex), _luminance(bg_hex)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    digits = colour.removeprefix("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    if len(digits) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    channels = []
    for i in (0, 2, 4):
        c = int(digits[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def colour_pairs() -> list[tuple[str, str, str]]:
    """Every ``(what, foreground, background)`` text colour pair the pages use."""
    pairs = [
        ("body text", _TEXT, _PAGE_BG),
        ("muted text", _MUTED, _PAGE_BG),
        ("link", _LINK, _PAGE_BG),
        ("panel text", _TEXT, _PANEL_BG),
        ("panel muted text", _MUTED, _PANEL_BG),
        ("panel link", _LINK, _PANEL_BG),
    ]
    for i, colour in enumerate((*PALETTE, UNATTRIBUTED)):
        name = f"speaker {i}" if i < len(PALETTE) else "unattributed"
        pairs += [
            (f"{name} quote", colour.fg, colour.bg),
            (f"{name} badge", _WHITE, colour.accent),
            (f"{name} mention", colour.fg, _PAGE_BG),
            (f"{name} panel name", colour.fg, _PANEL_BG),
        ]
    for label, colour_hex in ENTITY_COLOURS.items():
        pairs.append((f"{label} legend", colour_hex, _PANEL_BG))
    return pairs


# --- file names ----------------------------------------------------------------------------------

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
_MAX_NAME = 120


def page_name(source: str) -> str:
    """A safe file name for the page of ``source``: ``news/2024/a.txt`` gives
    ``news__2024__a.txt.html``.

    Separators become ``__``; empty, ``.`` and ``..`` parts are dropped, so the name never leaves
    the output folder. When characters had to be replaced or the name shortened, a short hash of
    ``source`` is appended so that different sources keep different names. Standard input
    (``-``) gives ``stdin.html``.
    """
    if source == "-":
        return "stdin.html"
    parts = [p for p in re.split(r"[/\\]+", source) if p not in ("", ".", "..")]
    plain = "__".join(parts) or "stdin"
    safe = _UNSAFE.sub("-", plain).lstrip(".-") or "page"
    if safe != plain or len(safe) > _MAX_NAME or safe.lower() == "index":
        digest = hashlib.blake2s(source.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
        safe = f"{safe[:_MAX_NAME]}-{digest}"
    return f"{safe}.html"


# --- the article ---------------------------------------------------------------------------------

# Quote records exclude the marks; the highlight takes them in when they are next to the span.
_MARKS_BEFORE = frozenset('“„‟«‹‘"')
_MARKS_AFTER = frozenset('”»›’"“')
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Nesting order: quotes outermost, then speaker mentions, then entity mentions.
_QUOTE, _MENTION, _ENTITY = 0, 1, 2


@dataclass(frozen=True, slots=True)
class _Interval:
    start: int
    end: int
    layer: int
    open_tag: str
    close_tag: str
    #: Written after the close tag of the fragment that ends at ``end`` (the speaker badge).
    after: str = ""


def _crosses(a: _Interval, b: _Interval) -> bool:
    """Overlapping without one containing the other."""
    overlap = a.start < b.end and b.start < a.end
    nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
    return overlap and not nested


def _non_crossing(candidates: Iterable[_Interval]) -> list[_Interval]:
    """Keep intervals, outer layers first, that cross none already kept."""
    kept: list[_Interval] = []
    seen: set[tuple[int, int, int]] = set()
    for interval in sorted(candidates, key=lambda i: (i.layer, i.start, -i.end)):
        key = (interval.start, interval.end, interval.layer)
        if interval.start >= interval.end or key in seen:
            continue
        if any(_crosses(interval, other) for other in kept):
            continue
        seen.add(key)
        kept.append(interval)
    return sorted(kept, key=lambda i: (i.start, -i.end, i.layer))


def _markup(text: str, start: int, end: int, intervals: Sequence[_Interval]) -> str:
    """``text[start:end]`` escaped, with the (non-crossing) intervals clipped to it as tags."""
    out: list[str] = []
    stack: list[_Interval] = []
    position = start

    def close_until(limit: int) -> None:
        while stack and min(stack[-1].end, end) <= limit:
            top = stack.pop()
            out.append(top.close_tag)
            if top.end <= end:
                out.append(top.after)

    for interval in intervals:
        if interval.end <= start or interval.start >= end:
            continue
        begin = max(interval.start, start)
        # Close what ends before this one begins, writing the text in between.
        while stack and min(stack[-1].end, end) <= begin:
            stop = min(stack[-1].end, end)
            out.append(html.escape(text[position:stop], quote=False))
            position = stop
            close_until(stop)
        out.append(html.escape(text[position:begin], quote=False))
        position = begin
        out.append(interval.open_tag)
        stack.append(interval)
    while stack:
        stop = min(stack[-1].end, end)
        out.append(html.escape(text[position:stop], quote=False))
        position = stop
        close_until(stop)
    out.append(html.escape(text[position:end], quote=False))
    return "".join(out)


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _speaker_key(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker is not None else None


def _check_offsets(record: DocumentRecord, text: str) -> None:
    spans: list[tuple[str, int, int]] = [("entity", e.start, e.end) for e in record.entities]
    for q in record.quotes:
        spans.append(("quote", q.start, q.end))
        if q.speaker is not None:
            spans.append(("speaker", q.speaker.start, q.speaker.end))
    for what, start, end in spans:
        if not 0 <= start <= end <= len(text):
            raise QuotexError(
                f"{record.source}: {what} at {start}:{end} lies outside the text "
                f"({len(text)} characters); render with the text the record was extracted from"
            )


def _widen_to_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the quote marks around ``text[start:end]``, across spaces but not line breaks."""
    before = start
    while before > 0 and text[before - 1] in " \t\u00a0":
        before -= 1
    after = end
    while after < len(text) and text[after] in " \t\u00a0":
        after += 1
    if before > 0 and text[before - 1] in _MARKS_BEFORE:
        start = before - 1
    if after < len(text) and text[after] in _MARKS_AFTER:
        end = after + 1
    return start, end


class _Speakers:
    """Speakers in order of their first quote, with their colour class and counts."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.index: dict[str, int] = {}
        self.labels: dict[str, str | None] = {}
        self.quotes: Counter[str | None] = Counter()
        self.words: Counter[str | None] = Counter()
        self.first: dict[str | None, int] = {}
        for number, quote in enumerate(quotes, 1):
            key = _speaker_key(quote)
            if quote.speaker is not None and quote.speaker.name not in self.index:
                self.index[quote.speaker.name] = len(self.index)
                self.labels[quote.speaker.name] = quote.speaker.label
            self.quotes[key] += 1
            self.words[key] += len(quote.text.split())
            self.first.setdefault(key, number)

    def css_class(self, name: str | None) -> str:
        if name is None:
            return "sp-none"
        return f"sp-{self.index[name] % len(PALETTE)}"


def _intervals(
    text: str, record: DocumentRecord, quotes: Sequence[Quote], speakers: _Speakers
) -> list[_Interval]:
    candidates: list[_Interval] = []
    bounds = [_widen_to_marks(text, q.start, q.end) for q in quotes]
    # A mark shared by two neighbouring quotes must not make them cross: leave it out of both.
    for i in range(len(bounds) - 1):
        if bounds[i][1] > bounds[i + 1][0]:
            bounds[i] = (bounds[i][0], quotes[i].end)
            bounds[i + 1] = (quotes[i + 1].start, bounds[i + 1][1])
    for number, (quote, (start, end)) in enumerate(zip(quotes, bounds, strict=True), 1):
        name = _speaker_key(quote)
        css = speakers.css_class(name)
        who = name if name is not None else "unattributed"
        title = who if quote.cue is None or name is None else f"{who} ({quote.cue.text})"
        open_tag = (
            f'<mark class="quote {css}" id="q{number}" data-speaker="{_attr(name or "")}" '
            f'title="{_attr(title)}">'
        )
        badge = f'<span class="who {css}" data-who="{_attr(who)}"></span>'
        candidates.append(_Interval(start, end, _QUOTE, open_tag, "</mark>", badge))
        if quote.speaker is not None:
            s = quote.speaker
            candidates.append(
                _Interval(
                    s.start,
                    s.end,
                    _MENTION,
                    f'<span class="mention {css}" title="{_attr(s.name)}">',
                    "</span>",
                )
            )
    for entity in record.entities:
        title = f"{entity.label}: {entity.name}"
        if entity.code:
            title += f" ({entity.code})"
        candidates.append(
            _Interval(
                entity.start,
                entity.end,
                _ENTITY,
                f'<span class="ent ent-{_attr(entity.label)}" title="{_attr(title)}">',
                "</span>",
            )
        )
    return _non_crossing(candidates)


def _article(text: str, intervals: Sequence[_Interval]) -> str:
    """One ``<p>`` per non-blank line; the line breaks themselves stay between the paragraphs."""
    out: list[str] = []
    position = 0
    for match in [*_LINE_BREAK.finditer(text), None]:
        stop = match.start() if match is not None else len(text)
        if text[position:stop].strip():
            out.append(f"<p>{_markup(text, position, stop, intervals)}</p>")
        else:
            out.append(html.escape(text[position:stop], quote=False))
        if match is not None:
            out.append(match.group())
            position = match.end()
    return "".join(out)


def _speaker_panel(speakers: _Speakers) -> str:
    if not speakers.quotes:
        return '<section><h2>Who is quoted</h2><p class="none">No quotations found.</p></section>'
    # Unattributed quotes go last, whatever their number.
    keys = sorted(
        speakers.quotes,
        key=lambda k: (k is None, -speakers.quotes[k], -speakers.words[k], k or ""),
    )
    rows = []
    for key in keys:
        css = speakers.css_class(key)
        label = speakers.labels.get(key) if key is not None else None
        name = html.escape(key) if key is not None else "<em>Unattributed</em>"
        label_html = f' <span class="label">{html.escape(label)}</span>' if label else ""
        rows.append(
            f'<tr><th scope="row"><a class="speaker {css}" href="#q{speakers.first[key]}">'
            f'<span class="swatch {css}" aria-hidden="true"></span>{name}</a>{label_html}</th>'
            f"<td>{speakers.quotes[key]}</td><td>{speakers.words[key]}</td></tr>"
        )
    return (
        "<section><h2>Who is quoted</h2>"
        '<table class="speakers"><thead><tr><th scope="col">Speaker</th>'
        '<th scope="col">Quotes</th><th scope="col">Words</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _entity_panel(record: DocumentRecord) -> str:
    legend = "".join(
        f'<li><span class="ent ent-{label}">{_ENTITY_TITLES[label]}</span></li>' for label in LABELS
    )
    groups = []
    for label in LABELS:
        counts: Counter[tuple[str, str | None]] = Counter(
            (e.name, e.code) for e in record.entities if e.label == label
        )
        if not counts:
            continue
        items = "".join(
            f"<li>{html.escape(name)}"
            + (f' <span class="code">{html.escape(code)}</span>' if code else "")
            + (f' <span class="count">×{n}</span>' if n > 1 else "")
            + "</li>"
            for (name, code), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
        )
        groups.append(
            f'<h3 class="legend-{label}">{_ENTITY_TITLES[label]}</h3><ul class="names">{items}</ul>'
        )
    body = "".join(groups) or '<p class="none">No entities found.</p>'
    return (
        '<section><h2>Entities</h2><ul class="legend" aria-label="How entities are marked">'
        f"{legend}</ul>{body}</section>"
    )


def _css() -> str:
    rules = [
        f""":root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; background: {_PAGE_BG}; color: {_TEXT};
  font-family: Georgia, "Iowan Old Style", "Palatino Linotype", "Book Antiqua", Cambria, serif;
  font-size: 18px; line-height: 1.6; }}
a {{ color: {_LINK}; }}
.sans, h1, h2, h3, .panel, .meta, .who::before, .legend, table {{
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }}
.page {{ display: grid; grid-template-columns: minmax(0, 70ch) 21rem; gap: 3rem;
  justify-content: center; padding: 2.5rem 1.5rem 4rem; }}
@media (max-width: 1000px) {{ .page {{ grid-template-columns: minmax(0, 70ch); }} }}
header {{ margin-bottom: 1.5rem; border-bottom: 1px solid #d9d6cc; padding-bottom: 1rem; }}
h1 {{ font-size: 1.6rem; line-height: 1.25; margin: 0 0 .4rem; }}
.meta {{ color: {_MUTED}; font-size: .85rem; margin: 0; }}
.meta code {{ font-size: .85rem; }}
article p {{ margin: 0 0 1.1em; }}
mark.quote {{ padding: .08em .15em; border-radius: .2em; -webkit-box-decoration-break: clone;
  box-decoration-break: clone; }}
mark.quote:target {{ outline: 2px solid {_TEXT}; outline-offset: 2px; }}
/* The word joiner keeps the badge on the line of the quote it names. */
.who::before {{ content: "\\2060" attr(data-who); }}
.who {{ margin-left: .3em; padding: .05em .5em; border-radius: .8em; color: {_WHITE};
  font-size: .68rem; font-weight: 600; letter-spacing: .01em; white-space: nowrap;
  vertical-align: .15em; }}
.mention {{ font-weight: 700; }}
.ent {{ text-decoration-line: underline; text-decoration-thickness: 2px;
  text-underline-offset: .2em; text-decoration-skip-ink: none; }}
.panel {{ background: {_PANEL_BG}; color: {_TEXT}; font-size: .9rem; line-height: 1.45;
  padding: 1.2rem 1.3rem; border-radius: .5rem; align-self: start; position: sticky; top: 1rem; }}
.panel h2 {{ font-size: 1rem; margin: 0 0 .6rem; }}
.panel section + section {{ margin-top: 1.6rem; }}
.panel h3 {{ font-size: .85rem; margin: 1rem 0 .3rem; text-transform: uppercase;
  letter-spacing: .04em; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: .3rem .25rem; vertical-align: top; }}
td {{ text-align: right; font-variant-numeric: tabular-nums; }}
thead th {{ font-size: .75rem; color: {_MUTED}; font-weight: 600;
  border-bottom: 1px solid #d0ccc0; }}
thead th + th {{ text-align: right; }}
tbody tr + tr {{ border-top: 1px solid #e2dfd6; }}
tbody th {{ font-weight: 600; }}
a.speaker {{ text-decoration: none; }}
a.speaker:hover {{ text-decoration: underline; }}
.swatch {{ display: inline-block; width: .8em; height: .8em; border-radius: .2em;
  margin-right: .4em; vertical-align: -.05em; }}
.label, .code, .count, .none {{ color: {_MUTED}; font-size: .75rem; font-weight: 400; }}
ul.legend {{ list-style: none; padding: 0; margin: 0 0 .5rem; display: flex; flex-wrap: wrap;
  gap: .3rem 1rem; }}
ul.names {{ list-style: none; padding: 0; margin: 0; }}
ul.names li {{ padding: .05rem 0; }}
footer {{ grid-column: 1 / -1; color: {_MUTED}; font-size: .8rem; text-align: center; }}
.index {{ max-width: 60rem; margin: 0 auto; padding: 2.5rem 1.5rem; }}
.index td {{ width: 7rem; }}
.index tbody tr:hover {{ background: {_PANEL_BG}; }}
.index tfoot th, .index tfoot td {{ border-top: 2px solid #d0ccc0; }}"""
    ]
    for i, colour in enumerate((*PALETTE, UNATTRIBUTED)):
        css = f"sp-{i}" if i < len(PALETTE) else "sp-none"
        rules.append(
            f"mark.{css} {{ background: {colour.bg}; color: {colour.fg}; }}\n"
            f".who.{css}, .swatch.{css} {{ background: {colour.accent}; }}\n"
            f".mention.{css}, a.speaker.{css} {{ color: {colour.fg}; }}"
        )
    for label, colour_hex in ENTITY_COLOURS.items():
        rules.append(
            f".ent-{label} {{ text-decoration-color: {colour_hex};"
            f" text-decoration-style: {_ENTITY_STYLES[label]}; }}\n"
            f".legend .ent-{label}, .legend-{label} {{ color: {colour_hex}; }}"
        )
    return "\n".join(rules)


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="quotex">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{_css()}\n</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def render_document(text: str, record: DocumentRecord, *, title: str | None = None) -> str:
    """One self-contained HTML page showing ``text`` with the quotes and entities in ``record``.

    Quotes are highlighted in one colour per speaker, with the speaker's name as a badge after
    the quote and on hover; entity mentions are underlined by label; a side panel counts quotes
    and quoted words per speaker and lists the entities by label.

    Args:
        text: The article text the record was extracted from (offsets index into it).
        record: The extraction result for ``text``.
        title: The page heading; defaults to the file name of ``record.source``.

    Returns:
        The HTML page, as text (write it as UTF-8).

    Raises:
        QuotexError: An offset in ``record`` lies outside ``text``.
    """
    _check_offsets(record, text)
    quotes = sorted(record.quotes, key=lambda q: (q.start, q.end))
    speakers = _Speakers(quotes)
    heading = title if title is not None else (PurePath(record.source).name or record.source)
    attributed = sum(n for k, n in speakers.quotes.items() if k is not None)
    summary = (
        f"{_plural(len(quotes), 'quote')} ({attributed} attributed)"
        f" · {_plural(len(speakers.index), 'speaker')}"
        f" · {_plural(len(record.entities), 'entity mention')}"
    )
    article = _article(text, _intervals(text, record, quotes, speakers))
    body = (
        '<div class="page">\n<main>\n<header>\n'
        f"<h1>{html.escape(heading)}</h1>\n"
        f'<p class="meta"><code>{html.escape(record.source)}</code> · {html.escape(summary)}</p>\n'
        "</header>\n"
        f'<article class="text" id="text">{article}</article>\n</main>\n'
        f'<aside class="panel" aria-label="Summary">\n{_speaker_panel(speakers)}\n'
        f"{_entity_panel(record)}\n</aside>\n"
        '<footer class="sans">Made by quotex. '
        "Highlights are machine-made and may be wrong.</footer>\n</div>"
    )
    return _page(heading, body)


# --- the index -----------------------------------------------------------------------------------


class IndexEntry(NamedTuple):
    """One line of the index page: a link to an article page and its counts."""

    #: Link to the article page, relative to the index page (e.g. from :func:`page_name`).
    href: str
    #: Text of the link.
    title: str
    #: Number of quotes on the page.
    quotes: int
    #: Number of distinct speakers quoted on the page.
    speakers: int

    @classmethod
    def from_record(cls, record: DocumentRecord, href: str, title: str | None = None) -> IndexEntry:
        """The entry for ``record``'s page at ``href``; ``title`` defaults to the source path."""
        names = {q.speaker.name for q in record.quotes if q.speaker is not None}
        return cls(
            href, title if title is not None else record.source, len(record.quotes), len(names)
        )


def render_index(pages: Sequence[IndexEntry], *, title: str = "quotex: articles") -> str:
    """An HTML page linking each article page, with its quote and speaker counts.

    Args:
        pages: One entry per article page, in the order to list them. Plain
            ``(href, title, quotes, speakers)`` tuples work too.
        title: The page heading.

    Returns:
        The index page, as text (write it as UTF-8, e.g. to ``index.html``).
    """
    rows = "".join(
        f'<tr><th scope="row"><a href="{_attr(href)}">{html.escape(name)}</a></th>'
        f"<td>{quotes}</td><td>{speakers}</td></tr>\n"
        for href, name, quotes, speakers in pages
    )
    total_quotes = sum(entry[2] for entry in pages)
    body = (
        '<main class="index">\n<header>\n'
        f"<h1>{html.escape(title)}</h1>\n"
        f'<p class="meta">{_plural(len(pages), "article")} · {_plural(total_quotes, "quote")}</p>\n'
        "</header>\n"
        '<table class="articles"><thead><tr><th scope="col">Article</th>'
        '<th scope="col">Quotes</th><th scope="col">Speakers</th></tr></thead>\n'
        f"<tbody>\n{rows}</tbody>\n"
        f'<tfoot><tr><th scope="row">Total</th><td>{total_quotes}</td><td></td></tr></tfoot>'
        "</table>\n</main>"
    )
    return _page(title, body)
