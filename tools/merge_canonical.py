"""Merge our offsets-only canonical-speaker annotations into an EVAL.md gold file.

tests/data/canonical-gold.jsonl holds only doc_id, offsets and our own
``speaker_canonical`` names (the PolNeAR text may not be redistributed).  This
tool joins them with the local PolNeAR train file and writes, for every
annotated article, its text and ALL its gold quotes, with ``speaker_canonical``
added to the annotated ones (matched by quote start/end).

    python tools/merge_canonical.py --train /work/shared/eval/polnear-train.jsonl \
        --canonical tests/data/canonical-gold.jsonl -o build/canonical-gold.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

QUOTE_FIELDS = ("start", "end", "text", "speaker", "speaker_start", "speaker_end", "kind")


class MergeError(Exception):
    """An annotation that cannot be joined to the train file."""


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def merge(train: list[dict[str, Any]], canonical: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return EVAL.md-format records for the articles that have annotations."""
    docs = {d["doc_id"]: d for d in train}
    wanted: dict[str, dict[tuple[int, int, int | None], str]] = {}
    for n, ann in enumerate(canonical, 1):
        doc = docs.get(ann["doc_id"])
        if doc is None:
            raise MergeError(f"annotation line {n}: doc_id {ann['doc_id']!r} not in train file")
        key = (int(ann["start"]), int(ann["end"]), ann.get("speaker_start"))
        hits = [q for q in doc["quotes"] if (q["start"], q["end"]) == key[:2]]
        if len(hits) > 1:
            # The same words attributed twice ("she said, "…," Sanders shot back"): the
            # annotation's speaker span says which of the two it names.
            hits = [q for q in hits if q.get("speaker_start") == key[2]]
        if len(hits) != 1:
            raise MergeError(
                f"annotation line {n}: {ann['doc_id']} {key[0]}-{key[1]} matches "
                f"{len(hits)} gold quotes (expected 1)"
            )
        q = hits[0]
        if (q.get("speaker_start"), q.get("speaker_end")) != (
            ann.get("speaker_start"),
            ann.get("speaker_end"),
        ):
            raise MergeError(
                f"annotation line {n}: {ann['doc_id']} {key[0]}-{key[1]} speaker span "
                f"{ann.get('speaker_start')}-{ann.get('speaker_end')} != gold "
                f"{q.get('speaker_start')}-{q.get('speaker_end')}"
            )
        per_doc = wanted.setdefault(ann["doc_id"], {})
        if key in per_doc:
            raise MergeError(
                f"annotation line {n}: duplicate annotation {ann['doc_id']} {key[0]}-{key[1]}"
            )
        per_doc[key] = ann["speaker_canonical"]

    out: list[dict[str, Any]] = []
    for doc_id, names in wanted.items():  # first-seen order of the annotation file
        doc = docs[doc_id]
        quotes = []
        for q in doc["quotes"]:
            rec = {k: q.get(k) for k in QUOTE_FIELDS}
            name = names.get((q["start"], q["end"], q.get("speaker_start")))
            if name is not None:
                rec["speaker_canonical"] = name
            quotes.append(rec)
        out.append({"doc_id": doc_id, "text": doc["text"], "quotes": quotes})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--train", type=Path, required=True, help="PolNeAR train JSONL (EVAL.md format)"
    )
    ap.add_argument(
        "--canonical", type=Path, required=True, help="offsets-only canonical annotations"
    )
    ap.add_argument("-o", "--output", type=Path, required=True, help="merged gold JSONL to write")
    args = ap.parse_args(argv)
    try:
        records = merge(read_jsonl(args.train), read_jsonl(args.canonical))
    except KeyError as exc:
        print(f"merge_canonical: error: record lacks field {exc}", file=sys.stderr)
        return 1
    except (MergeError, ValueError, OSError) as exc:
        print(f"merge_canonical: error: {exc}", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n_ann = sum("speaker_canonical" in q for r in records for q in r["quotes"])
    n_q = sum(len(r["quotes"]) for r in records)
    print(
        f"wrote {args.output}: {len(records)} articles, {n_q} gold quotes, "
        f"{n_ann} with speaker_canonical"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
