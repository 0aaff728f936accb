"""``make bench``: how fast quotex runs against spaCy itself, on real news text.

Run as ``python -m quotex.bench [--shared ../shared]``. The corpus is the texts of
``<shared>/eval/polnear-train.jsonl`` written out as files (or ``seeds/`` when that is absent).
Every configuration runs as its own process, timed by wall clock from start to exit, so that
import and model loading count the same for spaCy and for quotex.

The configurations run in alternating rounds, and the table gives the best round of each.
Other processes on a shared machine only ever add time (run-to-run noise is about ±15% here),
so the fastest round is the closest to the cost of the work itself. Because that noise is as
large as the difference that (2)/(1) measures, (1) and (2) also run side by side, each pinned
to a core of its own: both then see the same machine at the same moment. The load average is
printed with the table.

Rows:

1. bare ``nlp.pipe``: the same model with the same components, no quotex, one process;
2. ``quotex extract DIR --format jsonl --jobs 1 > /dev/null``;
3. the same with ``--jobs 2``;

the peak memory of (2) on ten copies of a few articles against one copy; and the start-up
figures: ``quotex extract SEED`` against ``python -c "import spacy; spacy.load(M)(text)"``,
and ``quotex --help``. ``--extra`` adds the model with every component (what excluding the
lemmatizer and attribute_ruler saves), and spaCy's own ``n_process``.
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
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

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

#: (3b): the alternative to quotex's workers. spaCy's ``n_process`` sends each ``Doc`` back to
#: the parent as bytes, and quotex's annotations are Python objects that cannot travel that way
#: (msgpack refuses them), so the parent runs quotex's components and makes the records.
_SPACY_N_PROCESS = """
import sys, os, pathlib
import orjson
from quotex.pipeline import COMPONENTS, doc_to_record, load
nlp = load(sys.argv[1])
paths = sorted(pathlib.Path(sys.argv[2]).rglob("*.txt"))
pairs = ((p.read_text(encoding="utf-8"), str(p)) for p in paths)
rules = [nlp.get_pipe(name) for name in COMPONENTS]
out = open(os.devnull, "wb")
with nlp.select_pipes(disable=list(COMPONENTS)):
    docs = nlp.pipe(pairs, as_tuples=True, batch_size=16, n_process=int(sys.argv[3]))
    for doc, source in docs:
        for rule in rules:
            doc = rule(doc)
        record = doc_to_record(doc, source)
        out.write(orjson.dumps(record.to_dict(), option=orjson.OPT_APPEND_NEWLINE))
"""

_BARE_COLD = """
import sys, spacy
spacy.load(sys.argv[1])(open(sys.argv[2], encoding="utf-8").read())
"""


@dataclass(frozen=True)
class Sample:
    """One run of a command: wall time, CPU time of it and its children, peak memory."""

    seconds: float
    cpu_seconds: float
    peak_mb: float


@dataclass
class Run:
    """The samples of one configuration over the rounds."""

    samples: list[Sample] = field(default_factory=list)

    @property
    def best(self) -> Sample:
        return min(self.samples, key=lambda s: s.seconds)

    @property
    def peak_mb(self) -> float:
        return max(s.peak_mb for s in self.samples)


def _run(command: Sequence[str]) -> Sample:
    """Run ``command`` to its end, stdout discarded, and measure it."""
    return _run_together([command])[0]


def _run_together(commands: Sequence[Sequence[str]], cores: Sequence[int] = ()) -> list[Sample]:
    """Start ``commands`` at once (each pinned to its core of ``cores``, if given) and measure
    each from the common start to its own exit."""
    samples: dict[int, Sample] = {}
    with ExitStack() as stack:
        started = time.perf_counter()
        running: dict[int, tuple[int, subprocess.Popen[bytes], IO[bytes]]] = {}
        for n, command in enumerate(commands):
            log = stack.enter_context(tempfile.TemporaryFile())
            pin = (lambda core=cores[n]: os.sched_setaffinity(0, {core})) if cores else None
            process = subprocess.Popen(
                command,
                stdout=subprocess.DEVNULL,
                stderr=log,
                stdin=subprocess.DEVNULL,
                preexec_fn=pin,
            )
            running[process.pid] = (n, process, log)
        while running:
            pid, status, usage = os.wait4(-1, 0)
            if pid not in running:
                continue
            elapsed = time.perf_counter() - started
            n, process, stderr = running.pop(pid)
            process.returncode = os.waitstatus_to_exitcode(status)
            if process.returncode != 0:
                stderr.seek(0)
                errors = stderr.read().decode(errors="replace")[-2000:]
                raise SystemExit(f"bench: {' '.join(commands[n])} failed:\n{errors}")
            # Worker processes are reaped by the command: their CPU time adds to its own, and
            # its peak memory is that of the largest process.
            samples[n] = Sample(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
    return [samples[n] for n in range(len(commands))]


def _quotex() -> list[str]:
    script = Path(sys.executable).with_name("quotex")
    return [str(script)] if script.exists() else [sys.executable, "-m", "quotex"]


def _write_corpus(shared: Path, folder: Path, articles: int) -> str:
    """Write the corpus as ``.txt`` files into ``folder``; returns a description of it."""
    gold = shared / "eval" / "polnear-train.jsonl"
    if gold.exists():
        written = 0
        with gold.open("rb") as handle:
            for line in handle:
                if written >= articles:
                    break
                text = orjson.loads(line)["text"]
                (folder / f"{written:05d}.txt").write_text(text, encoding="utf-8")
                written += 1
        return f"{written} articles of {gold.name}"
    seeds = sorted(_seeds().glob("*.txt"))
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    return f"{len(seeds)} articles of seeds/ ({gold} not found)"


def _copies(folder: Path, target: Path, articles: int, copies: int) -> None:
    """``copies`` copies of the first ``articles`` files of ``folder``."""
    for path in sorted(folder.glob("*.txt"))[:articles]:
        for n in range(copies):
            shutil.copy(path, target / f"{n:03d}-{path.name}")


def _words(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))


def _seeds() -> Path:
    for folder in (Path("seeds"), Path(__file__).resolve().parents[2] / "seeds"):
        if any(folder.glob("*.txt")):
            return folder
    raise SystemExit("bench: no seeds/*.txt found")


def _rounds(configs: dict[str, Callable[[], Sample]], rounds: int) -> dict[str, Run]:
    runs = {name: Run() for name in configs}
    for r in range(rounds):
        # Alternate the order too, so that no configuration always runs on a warm cache.
        order = list(configs) if r % 2 == 0 else list(reversed(configs))
        for name in order:
            sample = configs[name]()
            runs[name].samples.append(sample)
            print(
                f"bench: round {r + 1}/{rounds} {name}: {sample.seconds:.1f} s, "
                f"CPU {sample.cpu_seconds:.1f} s, load {os.getloadavg()[0]:.2f}",
                file=sys.stderr,
            )
    return runs


def _side_by_side(first: list[str], second: list[str], rounds: int) -> float | None:
    """``time(first) / time(second)``, the two running at once, each on a core of its own;
    None with fewer than two cores.

    Both see the same machine at the same moment, so what other processes on a shared machine
    do cancels out of the ratio, which it does not between runs one after the other. The two
    cores of a virtual machine need not be equally fast (here one was 15% slower for hours),
    so the commands swap cores every round, the rounds are made even, and the figure is the
    geometric mean of the median ratio with each placement: a core's speed cancels out too.
    """
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    if len(cores) < 2:
        return None
    ratios: tuple[list[float], list[float]] = ([], [])
    for r in range(rounds + rounds % 2):
        pinned = (cores[0], cores[1]) if r % 2 == 0 else (cores[1], cores[0])
        a, b = _run_together([first, second], pinned)
        ratios[r % 2].append(a.seconds / b.seconds)
        print(
            f"bench: side by side {r + 1}/{rounds + rounds % 2} (cores {pinned[0]} and "
            f"{pinned[1]}): {a.seconds:.1f} s and {b.seconds:.1f} s",
            file=sys.stderr,
        )
    return statistics.geometric_mean([statistics.median(placed) for placed in ratios])


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
    seed = sorted(_seeds().glob("*.txt"))[0]
    jobs = args.jobs
    loads = [os.getloadavg()[0]]

    def extract(folder: Path, n: int) -> list[str]:
        return [*quotex, "extract", str(folder), "--format", "jsonl", "--quiet", "--jobs", str(n)]

    def script(source: str, *argv: str) -> list[str]:
        return [python, "-c", source, *argv]

    def run(command: list[str]) -> Callable[[], Sample]:
        return lambda: _run(command)

    with tempfile.TemporaryDirectory(prefix="quotex-bench-") as tmp:
        corpus, one, ten = Path(tmp) / "corpus", Path(tmp) / "one", Path(tmp) / "ten"
        for folder in (corpus, one, ten):
            folder.mkdir()
        described = _write_corpus(args.shared, corpus, args.articles)
        _copies(corpus, one, 10, 1)
        _copies(corpus, ten, 10, 10)
        words = _words(corpus)
        bare = script(_BARE_PIPE, model, str(corpus), ",".join(UNUSED_COMPONENTS))
        configs = {"bare": run(bare), "jobs1": run(extract(corpus, 1))}
        configs["jobsN"] = run(extract(corpus, jobs))
        if args.extra:
            configs["bare_all"] = run(script(_BARE_PIPE, model, str(corpus), ""))
            configs["n_process"] = run(script(_SPACY_N_PROCESS, model, str(corpus), str(jobs)))
        runs = _rounds(configs, args.rounds)
        loads.append(os.getloadavg()[0])
        side_by_side = _side_by_side(bare, extract(corpus, 1), args.rounds)
        runs |= _rounds({"one": run(extract(one, 1)), "ten": run(extract(ten, 1))}, 1)
        cold = [*quotex, "extract", str(seed), "--format", "jsonl"]
        cold_spacy = script(_BARE_COLD, model, str(seed))
        runs |= _rounds({"cold_quotex": run(cold), "cold_spacy": run(cold_spacy)}, 3)
        runs |= _rounds({"help": run([*quotex, "--help"])}, 5)
        loads.append(os.getloadavg()[0])

    def speed(name: str) -> tuple[str, str, str]:
        best = runs[name].best
        rate = f"{words / best.seconds:,.0f} words/s"
        return rate, f"{best.cpu_seconds:.1f} s", f"{runs[name].peak_mb:,.0f} MB"

    def seconds(name: str) -> tuple[str, str, str]:
        best = runs[name].best
        return f"{best.seconds:.2f} s", f"{best.cpu_seconds:.1f} s", f"{runs[name].peak_mb:,.0f} MB"

    def ratio(numerator: str, denominator: str) -> tuple[str, str, str]:
        """``time(numerator) / time(denominator)``: the speed of the denominator against it."""
        return f"{runs[numerator].best.seconds / runs[denominator].best.seconds:.2f}", "", ""

    rows: list[tuple[str, tuple[str, str, str], str]] = [
        ("(1) bare nlp.pipe, same components, 1 process", speed("bare"), ""),
        ("(2) quotex extract --jobs 1", speed("jobs1"), ""),
        (f"(3) quotex extract --jobs {jobs}", speed("jobsN"), ""),
    ]
    if args.extra:
        rows += [
            ("(1b) bare nlp.pipe, every component", speed("bare_all"), ""),
            (f"(3b) spaCy n_process={jobs}, quotex rules in the parent", speed("n_process"), ""),
        ]
    rows += [("(2)/(1), one after the other", ratio("bare", "jobs1"), "≥ 0.90")]
    if side_by_side is not None:
        rows += [
            ("(2)/(1), side by side, one core each", (f"{side_by_side:.2f}", "", ""), "≥ 0.90")
        ]
    rows += [("(3)/(2)", ratio("jobs1", "jobsN"), "≥ 1.7")]
    if args.extra:
        rows += [
            ("(1)/(1b): unused components excluded", ratio("bare_all", "bare"), ""),
            ("(3)/(3b): quotex workers against n_process", ratio("n_process", "jobsN"), ""),
        ]
    memory = runs["ten"].peak_mb / runs["one"].peak_mb
    rows += [
        ("peak memory of (2), 10× the files / 1×", (f"{memory:.2f}", "", ""), "≤ 1.2"),
        ("cold start: quotex extract SEED", seconds("cold_quotex"), ""),
        ("cold start: bare spaCy script", seconds("cold_spacy"), ""),
        ("cold start: quotex / spaCy", ratio("cold_quotex", "cold_spacy"), "≤ 1.15"),
        ("quotex --help", (f"{runs['help'].best.seconds:.2f} s", "", ""), "≤ 0.3 s"),
    ]
    table = Table(
        title=f"quotex bench: {described}, {words:,} words",
        caption=f"{os.cpu_count()} cores, Python {platform.python_version()}, {model}; "
        f"best of {args.rounds} alternating rounds; load average (1 min) "
        f"{' → '.join(f'{x:.2f}' for x in loads)}",
    )
    table.add_column("measure")
    for column in ("result", "CPU time", "peak RSS", "target"):
        table.add_column(column, justify="right")
    for measure, values, target in rows:
        table.add_row(measure, *values, target)
    Console(width=110).print(table)


if __name__ == "__main__":
    main()
