"""The documentation matches the code: commands in the README, the API example, the schema."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import re
from pathlib import Path
from typing import Any

import orjson
import pytest
import typer.main

from quotex.cli import ExitStatus, app
from quotex.records import (
    Cue,
    DocumentRecord,
    Entity,
    ErrorRecord,
    Quote,
    Speaker,
    record_from_dict,
)

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SCHEMA = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")

COMMANDS = typer.main.get_command(app).commands  # type: ignore[attr-defined]


def section(markdown: str, heading: str) -> str:
    """The text under ``heading`` up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    start = markdown.index(heading + "\n")
    rest = markdown[start + len(heading) + 1 :]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.MULTILINE)
    return rest[: end.start()] if end else rest


def code_blocks(markdown: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", markdown, re.MULTILINE | re.DOTALL)


# --------------------------------------------------------------------------- commands


def test_the_app_has_the_documented_commands() -> None:
    assert set(COMMANDS) == {"extract", "eval", "render", "speakers"}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"quotex {name} " in section(README, "## Using it"), f"no `quotex {name}` example"
    assert re.search(rf"^### `quotex {name}\b", README, re.MULTILINE), f"no section for {name}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_a_docstring_and_help(name: str) -> None:
    command = COMMANDS[name]
    assert command.callback is not None
    assert command.callback.__doc__ and command.callback.__doc__.strip()
    assert command.help and command.help.strip()
    for param in command.params:
        if param.param_type_name == "option" and param.name != "help":
            assert getattr(param, "help", None), f"quotex {name} {param.opts[0]} has no help"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_is_in_the_readme(name: str) -> None:
    for param in COMMANDS[name].params:
        if param.param_type_name != "option" or param.name == "help":
            continue
        long_names = [opt for opt in param.opts if opt.startswith("--")]
        assert any(opt in README for opt in long_names), f"quotex {name} {long_names}"


def test_readme_documents_the_exit_codes() -> None:
    table = section(README, "### Exit codes")
    for code in (ExitStatus.OK, ExitStatus.INPUT_FAILED, ExitStatus.USAGE, ExitStatus.INTERRUPTED):
        assert re.search(rf"^\| {code} \|", table, re.MULTILINE), code


def test_readme_mentions_version_completion_and_no_color() -> None:
    for word in ("quotex --version", "quotex --install-completion", "NO_COLOR"):
        assert word in README


# --------------------------------------------------------------------------- the Python API


@pytest.mark.model
def test_python_api_example_runs_and_prints_what_it_says() -> None:
    example = code_blocks(section(README, "## Python API"), "python")[0]
    printed = [line for line in example.splitlines() if line.startswith("print(")]
    assert len(printed) == 1, "the example should print one line"
    comment = printed[0].partition("  # ")[2]
    assert comment, "the print line should say in a comment what it prints"

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(example, "README.md", "exec"), {"__name__": "readme_example"})
    assert out.getvalue() == comment + "\n"


# --------------------------------------------------------------------------- the schema


def schema_example(index: int) -> dict[str, Any]:
    return json.loads(code_blocks(SCHEMA, "json")[index])


def field_names(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def mentioned(field: str) -> bool:
    """Whether ``field`` appears in code in the schema's prose: `name`, `quotes[].name`, …"""
    return re.search(rf"`[^`\n]*\b{re.escape(field)}\b[^`\n]*`", SCHEMA) is not None


@pytest.mark.parametrize("cls", [DocumentRecord, Entity, Quote, Speaker, Cue, ErrorRecord])
def test_schema_mentions_every_field(cls: type) -> None:
    missing = sorted(name for name in field_names(cls) if not mentioned(name))
    assert not missing, f"docs/schema.md does not mention {cls.__name__} fields {missing}"


def test_schema_document_example_has_exactly_the_record_fields() -> None:
    example = schema_example(0)
    assert set(example) == field_names(DocumentRecord)
    assert example["schema_version"] == 1
    assert set(example["entities"][0]) == field_names(Entity)
    quote = example["quotes"][0]
    assert set(quote) == field_names(Quote)
    assert set(quote["speaker"]) == field_names(Speaker)
    assert set(quote["cue"]) == field_names(Cue)
    # The example is a record quotex could have written: it round-trips through the types.
    record = record_from_dict(example)
    assert isinstance(record, DocumentRecord)
    assert orjson.loads(orjson.dumps(record.to_dict())) == example


def test_schema_error_example_has_exactly_the_error_fields() -> None:
    example = schema_example(1)
    assert set(example) == field_names(ErrorRecord)
    record = record_from_dict(example)
    assert isinstance(record, ErrorRecord)
    assert record.to_dict() == example
    assert f"quotex: error: {example['source']}: {example['error']}" in SCHEMA
