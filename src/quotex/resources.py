"""Loading quotex's own language resources: the versioned data files under ``models/``.

In a wheel they are shipped inside the package (``quotex/models``); in a source checkout they are
read from the repository's top-level ``models/`` folder.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def models_dir() -> Path:
    """The folder that holds the data files."""
    for candidate in (_PACKAGE_DIR / "models", _PACKAGE_DIR.parents[1] / "models"):
        if (candidate / "cue_verbs.json").is_file():
            return candidate
    raise FileNotFoundError("quotex data files (models/cue_verbs.json) are missing")


@cache
def load_resource(name: str) -> dict[str, Any]:
    """Parse ``models/<name>.json`` once per process."""
    with open(models_dir() / f"{name}.json", encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


@cache
def cue_verb_forms() -> frozenset[str]:
    """Every inflected form of every cue verb, lower-cased."""
    verbs = load_resource("cue_verbs")["verbs"]
    return frozenset(form for forms in verbs.values() for form in forms)


@cache
def honorifics() -> dict[str, str | None]:
    """Title (lower-cased, no period) to the gender it implies, or None."""
    titles: dict[str, str | None] = load_resource("honorifics")["titles"]
    return titles


@cache
def speaker_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Head nouns of nominal speakers: (person nouns, organisation nouns). The roles of a
    story's main figure ("the tycoon", "the incumbent") are person nouns too."""
    data = load_resource("speaker_nouns")
    return frozenset(data["person"]) | frozenset(data["protagonist"]), frozenset(data["org"])


@cache
def protagonist_nouns() -> frozenset[str]:
    """Roles by which a story refers to its main figure ("the nominee", "the billionaire")."""
    return frozenset(load_resource("speaker_nouns")["protagonist"])


@cache
def document_nouns() -> frozenset[str]:
    """Texts that speak for their authors: "the email says", "the ad states"."""
    return frozenset(load_resource("speaker_nouns")["document"])


@cache
def speech_nouns() -> frozenset[str]:
    """Nouns for what someone said: "his call for", "Trump's claim that"."""
    return frozenset(load_resource("speaker_nouns")["speech"])
