# collective.servicedesk — the two set-up commands are `make start` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
VAR ?= $(CURDIR)/var
INSTANCE_ETC := $(VAR)/instance/etc

export SERVICEDESK_PORT ?= 8080
export SERVICEDESK_SITE_ID ?= Plone
export SERVICEDESK_ADMIN_USER ?= admin
export SERVICEDESK_ADMIN_PASSWORD ?= admin
export SERVICEDESK_VAR := $(VAR)
export SERVICEDESK_CHAT_SECRET ?= $(shell cat $(VAR)/chat/secret 2>/dev/null)
SITE_URL = http://localhost:$(SERVICEDESK_PORT)/$(SERVICEDESK_SITE_ID)

.PHONY: help
help: ## Show the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q -U -c constraints.txt pip setuptools wheel

# The lock pins every distribution, so pip installs it as is (no resolver
# round-trips), then checks that the set is consistent. Running the site needs
# only the runtime part (constraints-runtime.txt, generated from the full lock);
# the tests, linters, benchmarks and the directory extra add the rest
# (constraints.txt; python-ldap needs Debian's libldap2-dev and libsasl2-dev).
$(VENV)/.installed-runtime: $(BIN)/python pyproject.toml constraints-runtime.txt
	$(PIP) install --no-deps -r constraints-runtime.txt
	$(PIP) install --no-deps --no-build-isolation -e ".[demo]"
	$(PIP) check
	touch $@

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) install --no-deps -r constraints.txt
	$(PIP) install --no-deps --no-build-isolation -e ".[demo,test,dev,relstorage,bench,ldap,redis]"
	$(PIP) check
	touch $@ $(VENV)/.installed-runtime

.PHONY: install-runtime
install-runtime: $(VENV)/.installed-runtime ## Create .venv with what running the site needs

.PHONY: install
install: $(VENV)/.installed ## Create .venv and install the add-on with test and dev tools

$(INSTANCE_ETC)/zope.conf: scripts/instance.py
	$(BIN)/python scripts/instance.py

.PHONY: instance
instance: install-runtime
	$(BIN)/python scripts/instance.py

.PHONY: site
site: instance ## Create the Plone site (or reuse it) with the demo data
	$(BIN)/zconsole run $(INSTANCE_ETC)/zope.conf scripts/create_site.py

# The periodic tick (reminders, escalation, digest, mail retries) runs beside
# the server and stops with it.
.PHONY: start
start: site ## Install, create the demo site and serve it on http://localhost:8080/Plone
	@$(BIN)/python scripts/credentials.py
	@$(BIN)/python -m collective.servicedesk.demomail.sink --dir $(CURDIR)/var/demo-mail & sink=$$!; \
	$(BIN)/python scripts/tick.py --loop --url $(SITE_URL) & tick=$$!; \
	trap 'kill $$tick $$sink 2>/dev/null' EXIT; \
	SERVICEDESK_DEMO_MAIL_DIR=$(CURDIR)/var/demo-mail $(BIN)/runwsgi $(INSTANCE_ETC)/zope.ini

.PHONY: tick
tick: ## Run the tick once: over HTTP if the server runs, else inside the instance
	@$(BIN)/python scripts/tick.py --url $(SITE_URL); rc=$$?; \
	if [ $$rc -eq 3 ]; then \
	  $(BIN)/zconsole run $(INSTANCE_ETC)/zope.conf scripts/tick.py --site $(SERVICEDESK_SITE_ID); \
	else exit $$rc; fi

# Chat (issue 20): a development Prosody with its own config, data and ports
# under var/chat (not a system service). Its secret, made once, is shared
# with `make start`, which reads var/chat/secret too.
.PHONY: start-chat
start-chat: install-runtime ## Run a development Prosody for chat on :5222 (XMPP) and :5280 (WebSocket)
	@mkdir -p $(VAR)/chat; test -s $(VAR)/chat/secret || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(48))" > $(VAR)/chat/secret
	$(BIN)/python scripts/prosody_config.py --dir $(VAR)/chat
	SERVICEDESK_CHAT_SECRET=$$(cat $(VAR)/chat/secret) prosody -F --config $(VAR)/chat/prosody.cfg.lua

.PHONY: chat-client
chat-client: ## Build the chat web client (converse.js from npm) into chat/browser/static/converse
	scripts/chat_client.sh

.PHONY: start-cluster
start-cluster: install ## Two instances on RelStorage/PostgreSQL behind HAProxy (if installed) on :8080
	BIN=$(BIN) scripts/start_cluster.sh

.PHONY: test
test: install ## Run the whole test suite
	@echo "Browser screenshots of this run: $(CURDIR)/test-results/screenshots"
	$(BIN)/pytest $(PYTEST_ARGS)

.PHONY: test-cluster
test-cluster: install ## Real instances on FileStorage and RelStorage/PostgreSQL: core flow, SIGKILL
	$(BIN)/pytest -m cluster tests/cluster $(PYTEST_ARGS)

# Not part of `make test`: seeds 10k and 100k inquiries on PostgreSQL and takes
# about 15 minutes on 2 cores. Parameters: BENCH_ARGS (see `python -m bench.run -h`).
.PHONY: bench
bench: install ## Benchmarks S1-S7 on RelStorage/PostgreSQL; report in var/bench/latest.md
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# Not part of `make bench`: installs Request Tracker 5 from Debian's packages
# when missing (apt-get: needs root), then runs the same create/search/queue
# workload against RT and one add-on instance, interleaved; report in
# var/bench-peer/latest.md. Parameters: PEER_ARGS (see `python -m bench.peer -h`).
.PHONY: bench-peer
bench-peer: install ## Same workload against Request Tracker 5 (Debian, installed if missing) and the add-on: ratios
	bash scripts/setup_rt.sh
	$(BIN)/python -m bench.peer $(PEER_ARGS)

# The search development set (tests/search/eval) over the demo knowledge base:
# top-1, top-3, MRR and no-suggestion rate, overall, held-aside and per class.
.PHONY: eval-search
eval-search: install ## Search quality figures of the development set (docs/reference/search-quality.md)
	$(BIN)/pytest tests/search/eval/harness.py -q -s $(PYTEST_ARGS)

.PHONY: lint
lint: install ## ruff check, ruff format --check, zpretty --check and the import-layer contract
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench
	find src -name '*.zcml' -o -name '*.xml' -o -name '*.pt' | grep -v '/locales/' | xargs $(BIN)/zpretty --check
	$(BIN)/lint-imports
	$(BIN)/python scripts/import_layers.py --check

.PHONY: format
format: install ## Format code (ruff) and markup (zpretty)
	$(BIN)/ruff check --fix src tests scripts bench
	$(BIN)/ruff format src tests scripts bench
	find src -name '*.zcml' -o -name '*.xml' -o -name '*.pt' | grep -v '/locales/' | xargs $(BIN)/zpretty -i

.PHONY: i18n
i18n: install ## Rebuild the .pot and sync the no/nb/nn/en catalogs
	$(BIN)/python scripts/i18n.py

.PHONY: lock
lock: ## Regenerate constraints.txt from the installed, verified .venv
	$(PIP) freeze --all --exclude-editable | grep -v -i -E '^psycopg2==' > constraints.txt
	$(BIN)/python scripts/versions_cfg.py
	$(BIN)/python scripts/lock_split.py

.PHONY: buildout
buildout: install ## Alternative deployment: bin/buildout with our pinned versions
	$(BIN)/python scripts/versions_cfg.py
	$(BIN)/buildout -N

.PHONY: buildout-check
buildout-check: buildout ## CI: buildout succeeds and its instance loads the add-on
	bin/instance run scripts/buildout_check.py

.PHONY: clean
clean: ## Remove the venv and generated files (keeps var/ data)
	rm -rf $(VENV) bin parts develop-eggs .installed.cfg
