"""The language resources in models/: the data files the rules read."""

from __future__ import annotations

import re

import pytest

from quotex.resources import cue_verb_forms, load_resource

VERBS: dict[str, list[str]] = load_resource("cue_verbs")["verbs"]


@pytest.mark.parametrize(
    "form",
    ["agreed", "bragged", "dubbed", "slammed", "concurred", "presses", "addresses", "queried"],
)
def test_cue_verbs_spell_their_inflections_as_english_does(form: str) -> None:
    # Doubled final consonants (brag → bragged), -es after a sibilant (press → presses) and
    # y → ies (query → queries) are the forms news text uses.
    assert form in cue_verb_forms()


def test_every_cue_verb_has_a_plausible_set_of_forms() -> None:
    problems = []
    for base, forms in VERBS.items():
        if forms[0] != base or len(forms) < 5:
            problems.append(f"{base}: want base, 3sg, past, past participle, gerund")
        if not forms[1].endswith("s") or not forms[4].endswith("ing"):
            problems.append(f"{base}: 3sg or gerund out of place in {forms}")
        # Misspellings that a naive suffix rule produces: agreeed, presss, querys, queryed.
        problems += [
            f"{base}: {form}"
            for form in forms
            if not re.fullmatch(r"[a-z]+", form) or re.search(r"eee|sss|[^aeiou]ye?[sd]$", form)
        ]
    assert problems == []
