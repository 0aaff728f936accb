"""Rich views for the terminal: per-document tables and the eval scores.

Nothing here writes data; the JSONL writer lives in :mod:`quotex.io`.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from quotex.records import DocumentRecord

if TYPE_CHECKING:
    from rich.console import RenderableType

    from quotex.evaluate import Scores

_LABEL_STYLES = {"PERSON": "cyan", "COUNTRY": "green", "ORG": "magenta", "LOCATION": "yellow"}
_QUOTE_WIDTH = 160


def shorten(text: str, width: int = _QUOTE_WIDTH) -> str:
    """Collapse white space and cut ``text`` to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def entity_table(record: DocumentRecord) -> Table:
    """Entities grouped by canonical name, with label and number of mentions."""
    counts: Counter[tuple[str, str, str | None]] = Counter(
        (e.name, e.label, e.code) for e in record.entities
    )
    table = Table(title="Entities", title_justify="left", expand=False)
    table.add_column("name")
    table.add_column("label")
    table.add_column("mentions", justify="right")
    for (name, label, code), count in sorted(
        counts.items(), key=lambda item: (-item[1], item[0][1], item[0][0])
    ):
        shown = f"{name} ({code})" if code else name
        table.add_row(shown, Text(label, style=_LABEL_STYLES.get(label, "")), str(count))
    return table


def quote_table(record: DocumentRecord) -> Table:
    """The quotes in document order: speaker, cue and the quote, shortened to fit."""
    table = Table(title="Quotes", title_justify="left", expand=True)
    table.add_column("speaker", ratio=1)
    table.add_column("cue", ratio=1)
    table.add_column("quote", ratio=5)
    for quote in record.quotes:
        if quote.speaker is None:
            speaker = Text("—", style="dim")
        elif quote.speaker.text != quote.speaker.name:
            speaker = Text(f"{quote.speaker.name}\n({quote.speaker.text})")
        else:
            speaker = Text(quote.speaker.name)
        cue = quote.cue.text if quote.cue else ""
        table.add_row(speaker, cue, f"“{shorten(quote.text)}”")
    return table


def document_view(record: DocumentRecord) -> list[RenderableType]:
    """Everything the table format shows for one document."""
    heading = Text(record.source, style="bold")
    heading.append(
        f"  {len(record.quotes)} quotes, {len(record.entities)} entity mentions", style="dim"
    )
    return [heading, entity_table(record), quote_table(record)]


def scores_table(scores: Scores) -> Table:
    """The figures of ``quotex eval``."""
    counts = scores.counts
    table = Table(title="quotex eval", title_justify="left")
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_column("counts", justify="right", style="dim")
    table.add_row(
        "quote precision", f"{scores.quote_precision:.3f}", f"{counts.correct}/{counts.predicted}"
    )
    table.add_row("quote recall", f"{scores.quote_recall:.3f}", f"{counts.found}/{counts.gold}")
    table.add_row("quote F1", f"{scores.quote_f1:.3f}", "")
    table.add_row(
        "speaker accuracy",
        f"{scores.speaker_accuracy:.3f}",
        f"{counts.attributed}/{counts.found_with_speaker}",
    )
    table.add_row(
        "end-to-end precision",
        f"{scores.e2e_precision:.3f}",
        f"{counts.predicted_attributed}/{counts.predicted_with_speaker}",
    )
    table.add_row(
        "end-to-end recall",
        f"{scores.e2e_recall:.3f}",
        f"{counts.attributed}/{counts.gold_with_speaker}",
    )
    table.add_row("end-to-end F1", Text(f"{scores.e2e_f1:.3f}", style="bold"), "")
    canonical = scores.canonical_accuracy
    table.add_row(
        "canonical accuracy",
        "n/a" if canonical is None else f"{canonical:.3f}",
        f"{counts.canonical_correct}/{counts.gold_canonical}",
    )
    return table
