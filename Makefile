# quotex: `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
GOLD ?= $(SHARED)/eval/polnear-train.jsonl
SEED := seeds/000_05dd226f11239562.txt

.PHONY: run test test-fast check eval bench smoke clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/quotex extract $(SEED)

test: $(STAMP)
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not model and not browser"

check: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

# The train file, then our own canonical-speaker annotations (offsets only, in tests/data)
# merged with the train texts into build/ at run time: the texts are never copied into git.
eval: $(STAMP)
	@if [ ! -f "$(GOLD)" ]; then \
		echo "make eval: $(GOLD) not found (set GOLD=... or SHARED=...)" >&2; exit 1; \
	fi
	mkdir -p build
	$(BIN)/quotex eval "$(GOLD)" --errors build/eval-errors.jsonl
	$(BIN)/python tools/merge_canonical.py --train "$(GOLD)" \
		--canonical tests/data/canonical-gold.jsonl -o build/canonical-gold.jsonl
	$(BIN)/quotex eval build/canonical-gold.jsonl

bench: $(STAMP)
	$(BIN)/python -m quotex.bench --shared $(SHARED)

smoke: $(STAMP)
	rm -rf build/smoke && mkdir -p build/smoke
	$(BIN)/python -m pip wheel --quiet --no-deps -w build/smoke .
	$(PYTHON) -m venv build/smoke/venv
	build/smoke/venv/bin/python -m pip install --quiet build/smoke/quotex-*.whl
	build/smoke/venv/bin/quotex extract --format jsonl $(SEED) | head -c 300; echo

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
