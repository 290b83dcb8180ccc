# The evaluation workbook. `make help` lists what you can do.
# Everything runs inside .venv, which any target builds (or rebuilds) when it is missing or out of date.

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
KERNEL  := evaluation-workbook
READY   := $(VENV)/.ready
RUN     := $(BIN)/python -m helpers

PROJECT ?=
ANNEX   ?=
JOBS    ?=
TIMEOUT ?=
FILE    ?=
COUNTRIES ?=
LANGUAGE ?= fr
ISOLATION ?=
SCHEDULER ?=
WORKERS ?= 2
LAB_ARGS ?=

# $(call q,VALUE): VALUE as one single-quoted shell word, whatever it holds (spaces, ';', '$$', quotes): a
# variable given on the command line is passed on as one argument, never run. Every recipe quotes with it.
q = '$(subst ','\'',$(1))'

.DEFAULT_GOAL := help
.PHONY: help setup check annexes annex test fuzz lab pdf bench sample clean new import-iati cluster

help: ## List the targets
	@echo "Evaluation workbook: targets"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'
	@echo ""
	@echo "Options: PROJECT=amem (one project), ANNEX=maroc (one annex, with PROJECT),"
	@echo "         JOBS=2 (notebooks run at once), TIMEOUT=600 (seconds per notebook cell),"
	@echo "         ISOLATION=kernel (a fresh Jupyter kernel per notebook instead of a fork),"
	@echo "         SCHEDULER=tcp://host:8786 (run the notebooks on a Dask cluster), WORKERS=2 (make cluster)"
	@echo "         LAB_ARGS='--allow-root --no-browser' (options for JupyterLab, make lab)"

$(READY): requirements.txt requirements-lock.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; found " + sys.version.split()[0])'
	@echo "Setting up the environment in $(VENV) (the first time takes a few minutes)..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c requirements-lock.txt
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Evaluation workbook" >/dev/null
	@# the editable install compiles nothing: compiled once here, every build and check skips that (0.4 s a process
	@# where PYTHONDONTWRITEBYTECODE keeps Python from writing it itself)
	@$(BIN)/python -m compileall -q src/helpers >/dev/null
	@touch $@
	@echo "Environment ready."

setup: $(READY) ## Build the environment (.venv) and its Jupyter kernel

check: $(READY) ## Validate every project's params and data, listing all problems
	@$(RUN) check $(if $(PROJECT),--project $(call q,$(PROJECT)))

annexes: $(READY) ## Build the annexes (all projects, or PROJECT=...) into build/annexes/
	@$(RUN) build $(if $(PROJECT),--project $(call q,$(PROJECT))) $(if $(JOBS),--jobs $(call q,$(JOBS))) $(if $(TIMEOUT),--timeout $(call q,$(TIMEOUT))) $(if $(ISOLATION),--isolation $(call q,$(ISOLATION))) $(if $(SCHEDULER),--scheduler $(call q,$(SCHEDULER)))

annex: $(READY) ## Build one annex: make annex PROJECT=amem ANNEX=maroc
	@test -n $(call q,$(PROJECT)) -a -n $(call q,$(ANNEX)) || { echo "Say which annex: make annex PROJECT=amem ANNEX=maroc"; exit 2; }
	@$(RUN) build --project $(call q,$(PROJECT)) --annex $(call q,$(ANNEX)) $(if $(TIMEOUT),--timeout $(call q,$(TIMEOUT))) $(if $(ISOLATION),--isolation $(call q,$(ISOLATION))) $(if $(SCHEDULER),--scheduler $(call q,$(SCHEDULER)))

new: $(READY) ## Start a project from nothing: make new PROJECT=name COUNTRIES="Sénégal, Mali"
	@test -n $(call q,$(PROJECT)) || { echo 'Say which project: make new PROJECT=name COUNTRIES="Sénégal, Mali"'; exit 2; }
	@$(RUN) new --project $(call q,$(PROJECT)) --countries $(call q,$(COUNTRIES)) --language $(call q,$(LANGUAGE))

import-iati: $(READY) ## Start a project from an IATI file: make import-iati FILE=file.xml PROJECT=name
	@test -n $(call q,$(FILE)) -a -n $(call q,$(PROJECT)) || { echo "Say which file and project: make import-iati FILE=file.xml PROJECT=name"; exit 2; }
	@$(RUN) import-iati $(call q,$(FILE)) --project $(call q,$(PROJECT)) --language $(call q,$(LANGUAGE))

test: $(READY) ## Run the test suite
	@$(BIN)/python -m pytest -q

fuzz: $(READY) ## Run the property tests with many more generated inputs than make test
	@HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/data/test_properties.py tests/analyses/test_invariants.py tests/analyses/test_invariants_typed.py

lab: $(READY) ## Open JupyterLab on the workbook's kernel (LAB_ARGS=... passes options to it)
	@$(BIN)/jupyter lab notebooks/ $(LAB_ARGS)

pdf: $(READY) ## Print each built annex to an A4 PDF (needs Debian's chromium)
	@$(RUN) pdf $(if $(PROJECT),--project $(call q,$(PROJECT)))

bench: $(READY) ## Measure this round's targets (python -m benchmarks --help)
	@$(BIN)/python -m benchmarks

sample: $(READY) ## Regenerate the synthetic impact study of the sample project
	@$(RUN) synthesize

cluster: $(READY) ## Start a Dask scheduler and WORKERS=2 workers here, for make annexes SCHEDULER=...
	@$(RUN) cluster --workers $(call q,$(WORKERS))

clean: ## Remove build/ (the annexes and their by-products)
	rm -rf build
