# The safe working pack: every command sets up what it needs itself.
#   make serve   build and serve the site at http://127.0.0.1:8000 (another port: make serve PORT=8001)
#   make test    run every test (unit, build and browser)
#   make build   build the static site into site/ (the same as `mkdocs build`)
#   make properdocs  build it with ProperDocs, MkDocs' maintained continuation, into site-properdocs/
#   make dist    zip the built site for an intranet server or a shared drive
#   make check   the editors' check: data, front matter, drafts, overdue reviews, then the strict build
#   make check-fast  the same without the build: data, front matter, drafts, reviews, in seconds
#   make report  list every page's review dates and flag overdue ones
#   make vendor  refresh the vendored JavaScript (fflate, PapaParse) from the npm registry
#   make lock    refresh the locked Python dependencies (requirements/*.lock)
#   make node    run the browser scripts' unit tests (tests/js) with Node's test runner

PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
VERSION  := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
DIST_NAME := safe-working-pack-$(VERSION)
DIST_ZIP := dist/$(DIST_NAME).zip

# Quiet the end-of-life banner (the README says what it means for us).
export NO_MKDOCS_2_WARNING := 1

.PHONY: node serve build properdocs test check check-fast dist report csp-header bench zensical zensical-table new-letter new-poster new-guidance schemas vendor lock chromium fonts office html-checker clean

# Installs are locked: exact versions with hashes, from requirements/*.lock
# (`make lock` refreshes them from pyproject.toml). The virtualenv is rebuilt
# whenever its lock file changes.
$(VENV)/.installed: requirements/site.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements/site.lock
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements/test.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements/test.lock
	touch $@

# The MkDocs hook runs the build steps after each rebuild while serving.
PORT ?= 8000
serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:$(PORT)

# Plain --strict: with -q or -v MkDocs 1.6 hides link and anchor validation.
# The hook in mkdocs.yml runs the build steps (markup fixes, search words, security
# policy) at the end of every MkDocs build, so this is exactly what `mkdocs build` does.
build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict --site-dir site

# One worker per core (pytest-xdist); each test file stays on one worker (tests/conftest.py).
# The slowest tests are printed at the end (--durations in pyproject.toml).
test: $(VENV)/.installed-test chromium fonts office html-checker
	$(BIN)/pytest -n auto --dist loadgroup

# The browser scripts' pure logic, unit-tested with Node's own test runner (also run by `make test`).
node:
	@command -v node >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs; }
	node --test tests/js/

# Browser tests drive Debian's Chromium; never `playwright install`.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	fi

# Translated posters (Bengali, Arabic, ...) need fonts with those scripts for the browser tests:
# Debian's Noto fonts (people's own computers and phones already have such fonts; nothing is downloaded by the site).
FONT_PACKAGES := fonts-noto-core
fonts:
	@if ! dpkg -s $(FONT_PACKAGES) >/dev/null 2>&1; then \
	  echo "Installing Debian's Noto fonts for the translated posters' browser tests"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(FONT_PACKAGES); \
	fi

# Real office programs open what the site makes in the tests: Debian's LibreOffice
# Writer (the Word files) and Calc (the report's CSV, with formula evaluation on).
OFFICE_PACKAGES := libreoffice-writer-nogui libreoffice-calc-nogui
office:
	@if ! dpkg -s $(OFFICE_PACKAGES) >/dev/null 2>&1; then \
	  echo "Installing Debian's LibreOffice Writer and Calc for the Word and CSV tests"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(OFFICE_PACKAGES); \
	fi

# The W3C Nu HTML Checker (npm vnu-jar, pinned in tests/tools/package-lock.json) needs
# Node.js to install it and a Java runtime to run it: Debian's, when the machine has none.
# --ignore-scripts: vnu-jar's install script would download a Java runtime; we use Debian's.
html-checker: tests/tools/node_modules/.installed
tests/tools/node_modules/.installed: tests/tools/package-lock.json
	@command -v npm >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm; }
	@command -v java >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends default-jre-headless; }
	npm ci --prefix tests/tools --no-audit --no-fund --ignore-scripts
	touch $@

# Lighthouse for `make bench` (pinned in benchmarks/package-lock.json), driving Debian's Chromium.
benchmarks/node_modules/.installed: benchmarks/package-lock.json
	@command -v npm >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm; }
	npm ci --prefix benchmarks --no-audit --no-fund --ignore-scripts
	touch $@

# Re-resolve the lock files from pyproject.toml (newest versions its ranges allow), with hashes.
LOCK_VENV := .venv-lock
LOCK := $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
lock:
	test -x $(LOCK_VENV)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install --quiet pip-tools; }
	$(LOCK) --upgrade -o requirements/site.lock pyproject.toml
	$(LOCK) --upgrade --extra test -o requirements/test.lock pyproject.toml
	$(LOCK) --upgrade --extra zensical -o requirements/zensical.lock pyproject.toml
	$(LOCK) --upgrade --extra properdocs -o requirements/properdocs.lock pyproject.toml

# Third-party JavaScript, pinned in macros/tools/vendor.py, copied from npm with its licence.
vendor: $(VENV)/.installed
	$(BIN)/python -m macros.tools.vendor

# The zip holds one folder; unzip it anywhere and open index.html.
# A site without its build steps (macros/steps/finished.py) is never zipped.
dist: build
	$(BIN)/python -m macros.steps.finished site
	rm -rf dist/$(DIST_NAME) $(DIST_ZIP)
	mkdir -p dist
	cp -r site dist/$(DIST_NAME)
	cd dist && ../$(BIN)/python -m zipfile -c $(DIST_NAME).zip $(DIST_NAME)
	rm -rf dist/$(DIST_NAME)
	@echo "Wrote $(DIST_ZIP)"

# The editors' check: no browser. Pages and data first (seconds), then the strict build
# (links, anchors, macro calls), which it announces: it takes as long as a build.
check: $(VENV)/.installed
	$(BIN)/python -m macros.tools.check

# After every edit: pages and data files, drafts and reviews, without the build.
check-fast: $(VENV)/.installed
	$(BIN)/python -m macros.tools.check --fast

# Scaffolds: a valid draft letter, poster or guidance page, added to the nav.
new-letter new-poster new-guidance: $(VENV)/.installed
	@test -n "$(ID)" || { echo "Give an ID, e.g. make $@ ID=school-trips"; exit 2; }
	$(BIN)/python -m macros.tools.scaffold $(subst new-,,$@) $(ID)

# From the data models (commit the result): JSON Schemas for editors' tools, and the field
# tables in CONTRIBUTING.md.
schemas: $(VENV)/.installed
	$(BIN)/python -m macros.tools.schemas
	$(BIN)/python -m macros.tools.guide

# Pages past their review_due date are flagged (not a build failure).
report: $(VENV)/.installed
	$(BIN)/python -m macros.tools.report

# The security policy as one server header (for nginx or IIS), from the built site.
csp-header: build
	@$(BIN)/python -m macros.steps.csp site

# Performance budget: run by hand, results committed in benchmarks/results.md.
bench: $(VENV)/.installed-test chromium benchmarks/node_modules/.installed
	$(BIN)/python benchmarks/bench.py

# Build the same project with Zensical (Material's successor) into site-zensical/,
# then the same build steps as `make build`.
ZENSICAL_VENV := .venv-zensical
$(ZENSICAL_VENV)/.installed: requirements/zensical.lock
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/pip install --quiet --require-hashes -r requirements/zensical.lock
	touch $@

# Zensical copies docs/ before it runs our macros: check mkdocs.yml and links in docs/ first.
zensical: $(ZENSICAL_VENV)/.installed
	$(ZENSICAL_VENV)/bin/python -m macros.tools.preflight
	SITE_DIR=site-zensical $(ZENSICAL_VENV)/bin/zensical build -f mkdocs.yml
	$(ZENSICAL_VENV)/bin/python -m macros.steps site-zensical
	$(ZENSICAL_VENV)/bin/python -m macros.steps.finished site-zensical

# ProperDocs (the maintained continuation of MkDocs 1.6, by its former maintainers) in its own
# venv from its own lock: the same mkdocs.yml, plugins and hook, so the same site as `make build`.
PROPERDOCS_VENV := .venv-properdocs
$(PROPERDOCS_VENV)/.installed: requirements/properdocs.lock
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/pip install --quiet --require-hashes -r requirements/properdocs.lock
	touch $@

properdocs: $(PROPERDOCS_VENV)/.installed
	$(PROPERDOCS_VENV)/bin/properdocs build --strict --config-file mkdocs.yml --site-dir site-properdocs
	$(PROPERDOCS_VENV)/bin/python -m macros.steps.finished site-properdocs

# Measure the Zensical build against MkDocs and write the README's table from the result.
zensical-table: $(VENV)/.installed-test chromium
	SWP_WRITE_README=1 $(BIN)/pytest -p no:cacheprovider tests/build/test_zensical.py

clean:
	rm -rf site site-zensical site-properdocs dist $(VENV) $(ZENSICAL_VENV) $(PROPERDOCS_VENV) $(LOCK_VENV) tests/tools/node_modules benchmarks/node_modules
