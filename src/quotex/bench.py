"""``make bench``: how fast quotex runs against spaCy itself, on real news text.

Run as ``python -m quotex.bench [--shared ../shared]``. The corpus is the texts of
``<shared>/eval/polnear-train.jsonl`` written out as files (or ``seeds/`` when that is absent).
Every configuration runs as its own process, timed by wall clock from start to exit, so that
import and model loading count the same for spaCy and for quotex. The configurations run in
alternating rounds and the table gives the median; ratios are the median of each round's ratio,
because the noise on a shared machine (about ±15%) moves whole rounds.

Rows:

1. bare ``nlp.pipe``: the same model with the same components, no quotex, one process;
2. ``quotex extract DIR --format jsonl --jobs 1 > /dev/null``;
3. the same with ``--jobs 2``;

and the start-up figures: ``quotex extract SEED`` against
``python -c "import spacy; spacy.load(M)(text)"``, and ``quotex --help``.
``--extra`` adds: the model with every component (what excluding the lemmatizer and
attribute_ruler saves), and spaCy's own ``n_process=2`` with quotex's components.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import orjson

#: (1): the floor. Reads the files lazily, like quotex, and runs the same enabled components.
_BARE_PIPE = """
import sys, pathlib
import spacy
model, folder, exclude = sys.argv[1], sys.argv[2], sys.argv[3]
nlp = spacy.load(model, exclude=[name for name in exclude.split(",") if name])
texts = (p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(folder).rglob("*.txt")))
for doc in nlp.pipe(texts, batch_size=16):
    pass
"""

#: The alternative to quotex's worker processes: spaCy's ``n_process``, which sends every
#: annotated ``Doc`` back to the parent, where it becomes a record.
_SPACY_N_PROCESS = """
import sys, os, pathlib
import orjson
from quotex.pipeline import doc_to_record, load
nlp = load(sys.argv[1])
paths = sorted(pathlib.Path(sys.argv[2]).rglob("*.txt"))
pairs = ((p.read_text(encoding="utf-8"), str(p)) for p in paths)
out = open(os.devnull, "wb")
for doc, source in nlp.pipe(pairs, as_tuples=True, batch_size=16, n_process=int(sys.argv[3])):
    out.write(orjson.dumps(doc_to_record(doc, source).to_dict(), option=orjson.OPT_APPEND_NEWLINE))
"""

_BARE_COLD = """
import sys, spacy
spacy.load(sys.argv[1])(open(sys.argv[2], encoding="utf-8").read())
"""


@dataclass
class Run:
    """Wall times and peak memory of one configuration over the rounds."""

    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def _run(command: Sequence[str]) -> tuple[float, float]:
    """Wall time of ``command`` (stdout discarded), and the peak RSS of its largest process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(
            f"bench: {' '.join(command)} exited {process.returncode}:\n{errors.decode()[-2000:]}"
        )
    return elapsed, usage.ru_maxrss / 1024


def _quotex() -> list[str]:
    script = Path(sys.executable).with_name("quotex")
    return [str(script)] if script.exists() else [sys.executable, "-m", "quotex"]


def _write_corpus(shared: Path, folder: Path, articles: int) -> str:
    """Write the corpus as ``.txt`` files into ``folder``; returns a description of it."""
    gold = shared / "eval" / "polnear-train.jsonl"
    if gold.exists():
        with gold.open("rb") as handle:
            for n, line in enumerate(handle):
                if n >= articles:
                    break
                text = orjson.loads(line)["text"]
                (folder / f"{n:05d}.txt").write_text(text, encoding="utf-8")
        return f"{min(n + 1, articles)} articles of {gold}"
    seeds = sorted(Path("seeds").glob("*.txt"))
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    return f"{len(seeds)} articles of seeds/ ({gold} not found)"


def _words(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))


def _subset(folder: Path, target: Path, share: int) -> None:
    for n, path in enumerate(sorted(folder.glob("*.txt"))):
        if n % share == 0:
            shutil.copy(path, target / path.name)


def _seed() -> Path:
    for folder in (Path("seeds"), Path(__file__).resolve().parents[2] / "seeds"):
        seeds = sorted(folder.glob("*.txt"))
        if seeds:
            return seeds[0]
    raise SystemExit("bench: no seeds/*.txt for the cold-start figures")


def _rounds(configs: dict[str, Callable[[], tuple[float, float]]], rounds: int) -> dict[str, Run]:
    runs = {name: Run() for name in configs}
    for r in range(rounds):
        # Alternate the order too, so that neither configuration always runs on a warm cache.
        order = list(configs) if r % 2 == 0 else list(reversed(configs))
        for name in order:
            seconds, peak = configs[name]()
            runs[name].seconds.append(seconds)
            runs[name].peak_mb.append(peak)
            print(f"bench: round {r + 1}/{rounds} {name}: {seconds:.1f} s", file=sys.stderr)
    return runs


def _ratio(runs: dict[str, Run], top: str, bottom: str) -> float:
    """Median over rounds of ``time(bottom) / time(top)``: the speed of top against bottom."""
    pairs = zip(runs[top].seconds, runs[bottom].seconds, strict=True)
    return statistics.median(b / t for t, b in pairs)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark and print one table."""
    parser = argparse.ArgumentParser(prog="python -m quotex.bench", description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--articles", type=int, default=200, help="corpus size (default 200)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds (default 2)")
    parser.add_argument("--jobs", type=int, default=2, help="processes for row 3 (default 2)")
    parser.add_argument(
        "--extra", action="store_true", help="also time every component and spaCy's n_process"
    )
    args = parser.parse_args(argv)

    from rich.console import Console
    from rich.table import Table

    from quotex.pipeline import UNUSED_COMPONENTS, resolve_model_name

    model = resolve_model_name(None)
    python = sys.executable
    quotex = _quotex()
    seed = _seed()
    jobs = args.jobs

    def extract(folder: Path, n: int) -> Callable[[], tuple[float, float]]:
        command = [*quotex, "extract", str(folder), "--format", "jsonl", "--quiet", "--jobs"]
        return lambda: _run([*command, str(n)])

    def script(source: str, *argv: str) -> Callable[[], tuple[float, float]]:
        return lambda: _run([python, "-c", source, *argv])

    with tempfile.TemporaryDirectory(prefix="quotex-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        tenth = Path(tmp) / "tenth"
        corpus.mkdir()
        tenth.mkdir()
        described = _write_corpus(args.shared, corpus, args.articles)
        _subset(corpus, tenth, 10)
        words = _words(corpus)
        configs = {
            "bare": script(_BARE_PIPE, model, str(corpus), ",".join(UNUSED_COMPONENTS)),
            "jobs1": extract(corpus, 1),
            "jobsN": extract(corpus, jobs),
        }
        if args.extra:
            configs["bare_all"] = script(_BARE_PIPE, model, str(corpus), "")
            configs["n_process"] = script(_SPACY_N_PROCESS, model, str(corpus), str(jobs))
        runs = _rounds(configs, args.rounds)
        runs |= _rounds({"tenth": extract(tenth, 1)}, 1)
        runs |= _rounds(
            {
                "cold_quotex": lambda: _run([*quotex, "extract", str(seed), "--format", "jsonl"]),
                "cold_spacy": script(_BARE_COLD, model, str(seed)),
            },
            max(3, args.rounds),
        )
        help_seconds = statistics.median(_run([*quotex, "--help"])[0] for _ in range(5))

    def speed(name: str) -> str:
        return f"{words / runs[name].median:,.0f} words/s"

    def peak(name: str) -> str:
        return f"{max(runs[name].peak_mb):,.0f} MB"

    def seconds(name: str) -> str:
        return f"{runs[name].median:.2f} s"

    def ratio(top: str, bottom: str) -> str:
        return f"{_ratio(runs, top, bottom):.2f}"

    rows: list[tuple[str, str, str, str]] = [
        ("(1) bare nlp.pipe, same components, 1 process", speed("bare"), peak("bare"), ""),
        ("(2) quotex extract --jobs 1", speed("jobs1"), peak("jobs1"), ""),
        (f"(3) quotex extract --jobs {jobs}", speed("jobsN"), peak("jobsN"), ""),
    ]
    if args.extra:
        rows += [
            ("(1b) bare nlp.pipe, every component", speed("bare_all"), peak("bare_all"), ""),
            (f"(3b) spaCy n_process={jobs} + quotex", speed("n_process"), peak("n_process"), ""),
        ]
    rows += [
        ("(2)/(1)", ratio("jobs1", "bare"), "", "≥ 0.90"),
        ("(3)/(2)", ratio("jobsN", "jobs1"), "", "≥ 1.7"),
    ]
    if args.extra:
        rows += [
            ("(1)/(1b) unused components excluded", ratio("bare", "bare_all"), "", ""),
            ("(3)/(3b) workers against n_process", ratio("jobsN", "n_process"), "", ""),
        ]
    memory = max(runs["jobs1"].peak_mb) / max(runs["tenth"].peak_mb)
    rows += [
        ("peak memory (2): corpus against a tenth of it", f"{memory:.2f}", "", "≤ 1.2"),
        ("cold start: quotex extract SEED", seconds("cold_quotex"), peak("cold_quotex"), ""),
        ("cold start: bare spaCy script", seconds("cold_spacy"), peak("cold_spacy"), ""),
        ("cold start ratio", ratio("cold_spacy", "cold_quotex"), "", "≤ 1.15"),
        ("quotex --help", f"{help_seconds:.2f} s", "", "≤ 0.3 s"),
    ]
    table = Table(
        title=f"quotex bench: {described}, {words:,} words",
        caption=f"{os.cpu_count()} cores, Python {platform.python_version()}, {model}, "
        f"median of {args.rounds} alternating rounds",
    )
    for column, justify in (("measure", "left"), ("result", "right"), ("peak RSS", "right")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    table.add_column("target", justify="right")
    for row in rows:
        table.add_row(*row)
    Console().print(table)


if __name__ == "__main__":
    main()
