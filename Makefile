# reportkit: `make demo` builds the brief and the deck from seeds/, `make test`
# runs the tests. Both do all set-up first (system packages, .venv).
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test test-fast bench fuzz clean

# the stamp lives inside .venv: deleting .venv re-runs the set-up
STAMP := $(VENV)/.reportkit-setup

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $@

setup: $(STAMP)

demo: setup
	$(BIN)/reportkit build seeds/

test: setup
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q

test-fast: setup
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q -m "not slow"

# one table: reportkit against peers and floors measured in the same run (issue 19); the
# per-chart figures and the scaling runs are bench/charts.py and bench/scale.py
bench: setup
	$(BIN)/python bench/build.py

fuzz: setup
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest -q tests -k fuzz

clean:
	rm -rf output/*.pdf output/*.pptx output/charts .pytest_cache
