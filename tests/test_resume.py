"""``quotex extract DIR -o FILE`` killed with SIGKILL mid-run, then ``--resume``: every file ends
up in FILE exactly once, and every line is valid JSON.

Each case starts the real command in a subprocess, so it costs a model load or two (a few
seconds).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

pytestmark = pytest.mark.model

#: Enough that a kill after the first line lands mid-run even when the test is starved of CPU
#: by the workers it watches.
ARTICLES = 60


def article(n: int) -> str:
    """About 2,000 characters of news with quotes, so that a run takes a few seconds."""
    paragraphs = [
        f"Officials in district {n} said on Monday that the new bridge would open in "
        f"{n % 11 + 2} months, after a year of delays blamed on the weather and on rising costs.",
        f"“We have waited long enough for this road,” said Ana Ruiz, who runs a bakery in the "
        f"town. “Every week without it costs us {n + 3} hundred dollars.”",
        "The transport minister, Peter Holm, told reporters that the money was already "
        "approved. “The contractors know what is expected of them,” he said.",
        "Critics in the opposition were less sure. “We have heard these promises before,” "
        "said Lena Berg, a member of parliament for the region.",
        f"According to the ministry, {n * 7 + 40} workers are on the site every day, and the "
        "steel for the main span arrived from Sweden last week.",
    ]
    return "\n\n".join(paragraphs * 2) + "\n"


def write_articles(folder: Path) -> list[str]:
    folder.mkdir()
    for n in range(ARTICLES):
        (folder / f"{n:03d}.txt").write_text(article(n), encoding="utf-8")
    return sorted(str(path) for path in folder.glob("*.txt"))


def extract(folder: Path, output: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "quotex", "extract", str(folder), "-o", str(output), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def complete_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def kill_after_first_line(process: subprocess.Popen[bytes], output: Path) -> None:
    deadline = time.monotonic() + 120
    while complete_lines(output) < 1:
        assert process.poll() is None, "quotex exited before writing a line"
        assert time.monotonic() < deadline, "quotex wrote nothing in 2 minutes"
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL


@pytest.mark.parametrize(
    ("jobs", "torn"),
    [("1", False), ("1", True), ("2", True)],
    ids=["kill", "kill-mid-line", "kill-workers-mid-line"],
)
def test_resume_after_sigkill_ends_with_every_file_once(
    tmp_path: Path, jobs: str, torn: bool
) -> None:
    folder = tmp_path / "articles"
    output = tmp_path / "out.jsonl"
    sources = write_articles(folder)

    kill_after_first_line(extract(folder, output, "--jobs", jobs), output)
    written = complete_lines(output)
    assert 1 <= written < ARTICLES, "the kill should land mid-run"
    if torn:
        # What a kill in the middle of a write leaves: half a record, no line end.
        line = output.read_bytes().splitlines(keepends=True)[0]
        with output.open("ab") as handle:
            handle.write(line[: len(line) // 2])

    resumed = extract(folder, output, "--jobs", jobs, "--resume")
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr.decode()
    assert f"quotex: {ARTICLES - written} files" in stderr.decode()

    data = output.read_bytes()
    assert data.endswith(b"\n")
    records = [orjson.loads(line) for line in data.splitlines()]
    assert [r["source"] for r in records] == sources
    assert all("error" not in r and r["quotes"] for r in records)
