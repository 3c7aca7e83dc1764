# cableconv: `make` sets up .venv and converts samples/ into out/; `make test` runs the tests.
PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
FORMATS ?= tei,json
SAMPLES := $(wildcard samples/*.txt)
OUTPUTS := $(patsubst samples/%.txt,out/%.xml,$(SAMPLES))
SOURCES := $(shell find src -name '*.py' -o -name '*.rng' -o -name '*.json')

.PHONY: all install test lint typecheck check golden clean
.DELETE_ON_ERROR:

all: $(OUTPUTS)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# One pattern rule per sample, so `make -j` converts in parallel and an
# unchanged sample is not converted again.
out/%.xml: samples/%.txt $(STAMP) $(SOURCES)
	$(BIN)/cableconv convert $< --to $(FORMATS) -o out --quiet

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

# Regenerate the golden files deliberately, then review the diff.
golden: $(STAMP)
	CABLECONV_ACCEPT=1 $(BIN)/python -m pytest -q tests/test_golden.py

clean:
	rm -rf out build .pytest_cache .mypy_cache .ruff_cache
