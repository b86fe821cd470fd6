# Two commands: `make brief` (set up, then build the brief from seeds/) and `make test`.
# Everything is installed into .venv on first use; system libraries only if missing.
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: brief test bench clean

brief: $(STAMP)
	$(VENV)/bin/briefing build

test: $(STAMP)
	@sh scripts/system-deps.sh --test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy briefing
	$(VENV)/bin/python -m pytest

bench: $(STAMP)
	$(VENV)/bin/python benchmarks/run.py

$(STAMP): pyproject.toml
	@sh scripts/system-deps.sh
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	@# an editable install leaves the package uncompiled, and where PYTHONDONTWRITEBYTECODE is set every run
	@# compiled it again: 0.05-0.1 s of a 1 s seed brief
	$(VENV)/bin/python -m compileall -q briefing
	touch $(STAMP)

clean:
	rm -rf $(VENV) out .pytest_cache
