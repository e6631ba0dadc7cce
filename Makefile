# eventwire: two commands on a fresh machine — `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-all test-load lint bench hostile accuracy causes learned clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	command -v chromium >/dev/null || (command -v apt-get >/dev/null && (apt-get update -qq && apt-get install -y -qq chromium) || true)
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/eventwire code examples/ --format table
	$(BIN)/eventwire ingest examples/ --db eventwire.duckdb
	@echo
	@echo "Open the dashboard with:  $(BIN)/eventwire serve --db eventwire.duckdb  (then http://127.0.0.1:8000/)"

# the fast suite: no statistical model, no subprocess, no browser (those are marked slow)
test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/eventwire actors check
	$(BIN)/python -m pytest -q -m 'not slow and not load'

# everything but the load test
test-all: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -q -m 'not load'

test-load: $(STAMP)
	$(BIN)/python -m pytest -q -m load

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

bench: $(STAMP)
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/store_bench.py
	$(BIN)/python bench/ingest_memory.py

# every hostile command-line case (tests/robustness/hostile_cases.py): tracebacks, good documents lost
hostile: $(STAMP)
	$(BIN)/python bench/hostile.py

accuracy: $(STAMP)
	$(BIN)/python bench/accuracy.py --heldout d,e,f --by-type

# the errors on every train batch, counted by cause (counts only, so unseen batches can be read too)
causes: $(STAMP)
	$(BIN)/python bench/error_causes.py

# the learned trigger model against the rules alone, cross-validated across the train batches
learned: $(STAMP)
	$(BIN)/python bench/learned_triggers.py

clean:
	rm -rf $(VENV) build *.egg-info eventwire.duckdb
