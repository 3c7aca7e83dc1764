# cableconv: `make` sets up .venv and converts samples/ into out/; `make test` runs the tests.
PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
FORMATS ?= tei,json,md,docx,pdf
SAMPLES := $(wildcard samples/*.txt)
# Output suffix of each format (tei -> .xml, the others by name).
comma   := ,
EXTS    := $(patsubst tei,xml,$(subst $(comma), ,$(FORMATS)))
OUTPUTS := $(foreach e,$(EXTS),$(patsubst samples/%.txt,out/%.$(e),$(SAMPLES)))
# Everything that shapes an output: code, schemas, templates.
SOURCES := $(shell find src -type f ! -path '*/__pycache__/*' ! -name '*.pyc' ! -path '*.egg-info/*')
BENCH_ARGS ?=
# The batch targets (make, make convert, make check-outputs, the volume) date
# every PDF and DOCX by the last commit when SOURCE_DATE_EPOCH is unset, as
# reproducible-builds.org has build tools do: the same tree gives the same
# bytes, and a document without a date of its own is still PDF/A. Outside a
# git checkout it stays unset (each PDF dated by its document, or CC404).
# `make test` does not set it: the tests say what they expect.
ifeq ($(origin SOURCE_DATE_EPOCH),undefined)
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null)
endif
BATCH_ENV := SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH)

.PHONY: all install test lint typecheck check corpus golden previews bench check-outputs clean volume convert
.DELETE_ON_ERROR:

all: $(OUTPUTS) volume

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,cluster]'
	touch $(STAMP)

install: $(STAMP)

# One pattern rule per sample, so `make -j` converts in parallel and an
# unchanged sample is not converted again. The rule's targets are all the
# sample's outputs, made by one run (a deleted PDF is made again). make has
# decided the outputs are stale, so --force skips cableconv's own check.
$(addprefix out/%.,$(EXTS)): samples/%.txt $(STAMP) $(SOURCES)
	$(BATCH_ENV) $(BIN)/cableconv convert $< --to $(FORMATS) -o out --quiet --force

# The sample volume (samples/volume/VOLUME.toml) in every format, into
# out/volume/. cableconv keeps its own record of what each output was made
# from, so an unchanged volume is not rebuilt and a changed document is the
# only one converted again: make need not track the files itself.
VOLUME_FORMATS ?= all
volume: $(STAMP)
	$(BATCH_ENV) $(BIN)/cableconv volume samples/volume/VOLUME.toml -o out/volume --quiet \
		$(if $(filter all,$(VOLUME_FORMATS)),,--to $(VOLUME_FORMATS))

# Your own folder, as one batch: worker processes, the progress bar, the
# summary and a report, and only what changed is converted again.
#   make convert IN=path/to/transcriptions [OUT=out] [FORMATS=tei,json] [JOBS=0]
# (make -j over samples/ runs one process per sample: 4 min 44 s for 638
# documents, against 16-37 s for this one run.)
OUT    ?= out
JOBS   ?= 0
REPORT ?= $(OUT)/.cableconv-report.json
convert: $(STAMP)
	@if [ -z "$(IN)" ]; then \
	  echo "usage: make convert IN=FOLDER [OUT=$(OUT)] [FORMATS=$(FORMATS)] [JOBS=$(JOBS)]" >&2; exit 2; fi
	$(BATCH_ENV) $(BIN)/cableconv convert "$(IN)" --to $(FORMATS) -o "$(OUT)" -j $(JOBS) --report "$(REPORT)"
	@echo "report: $(REPORT)"

# The suite (doctests in src/ included); whole-corpus sweeps are `make corpus`.
test: $(STAMP)
	$(BIN)/python -m pytest -q -m "not corpus"

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

# Whole-corpus sweeps over ../shared/corpus (skipped when it is absent): the
# corpus-marked tests, then the scorer on the clean and typed variants, and
# which of the clean variant's silent failures are the official TEI's slips.
CORPUS_DIR ?= ../shared/corpus
corpus: $(STAMP)
	$(BIN)/python -m pytest -q -m corpus
	@if [ -d $(CORPUS_DIR) ]; then \
	  mkdir -p build; \
	  $(BIN)/python $(CORPUS_DIR)/../eval/score.py --corpus $(CORPUS_DIR) --json build/score.json | tail -1; \
	  $(BIN)/python scripts/official_slips.py build/score.json --shared $(CORPUS_DIR)/..; \
	  $(BIN)/python $(CORPUS_DIR)/../eval/score.py --corpus $(CORPUS_DIR) --variant typed | tail -1; \
	else echo "no corpus at $(CORPUS_DIR): skipped"; fi

# Regenerate the golden files deliberately, then review the diff.
golden: $(STAMP)
	CABLECONV_ACCEPT=1 $(BIN)/python -m pytest -q tests/test_golden.py
	CABLECONV_ACCEPT=1 $(BIN)/python -m pytest -q tests/test_markdown.py -k golden
	CABLECONV_ACCEPT=1 $(BIN)/python -m pytest -q tests/test_volume.py -k golden

# Every corpus document to md, docx and pdf, each read back: no word missing,
# footnote counts equal (needs ../shared/corpus). A sample or some volumes:
#   make check-outputs CHECK_ARGS="--limit 12"
#   make check-outputs CHECK_ARGS="../shared/corpus/docs/frus1870 ../shared/corpus/docs/frus1882"
CHECK_ARGS ?=
check-outputs: $(STAMP)
	$(BATCH_ENV) $(BIN)/python scripts/check_outputs.py --jobs 2 $(CHECK_ARGS)

# The README's pictures of the seed's PDF and DOCX.
previews: $(STAMP)
	$(BIN)/python scripts/render_previews.py

# Whole dev corpus, all formats, against a naive baseline: bench/results.md;
# a 700-document volume to every format, time and peak memory: bench/volume.md.
# BENCH_ARGS="--limit 100" benches a subset.
bench: $(STAMP)
	$(BIN)/python bench/bench.py $(BENCH_ARGS)
	$(BIN)/python bench/check_bench.py
	$(BIN)/python bench/scaling.py
	$(BIN)/python bench/tei_read.py
	$(BIN)/python bench/cluster_bench.py
	$(BIN)/python bench/volume.py

clean:
	rm -rf out build bench/work .pytest_cache .mypy_cache .ruff_cache

# Coverage-guided fuzzing of the parser (atheris) for FUZZ_SECONDS; not part of
# `make test`. New inputs collect in build/fuzz-corpus (seeded from samples/),
# a failing input is saved in build/fuzz-artifacts/: replay it with
# `$(BIN)/python fuzz/fuzz_parser.py build/fuzz-artifacts/crash-...`.
FUZZ_SECONDS ?= 60
FUZZ_STAMP   := $(VENV)/.fuzz-installed

$(FUZZ_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,fuzz]'
	touch $(FUZZ_STAMP)

.PHONY: fuzz
fuzz: $(FUZZ_STAMP)
	mkdir -p build/fuzz-corpus build/fuzz-artifacts
	$(BIN)/python fuzz/fuzz_parser.py build/fuzz-corpus samples \
		-max_total_time=$(FUZZ_SECONDS) -artifact_prefix=build/fuzz-artifacts/
