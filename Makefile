# GoodAir Lake — two commands on a fresh Debian machine:
#   make demo   the whole chain on the built-in API simulator (no key, no network)
#   make test   build and run every test
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/goodair
VENV := .venv
DEBIAN_PACKAGES := libcurl4-openssl-dev zlib1g-dev libsqlite3-dev pkg-config time openssl

.PHONY: all deps build demo test bench clean help

# Suites that measure real time between calls (the OpenWeatherMap rate limit, HTTP timeouts of a
# fraction of a second): run on their own, since the CPU-bound suites running beside them delay
# the simulator's clock readings and answers by seconds.
TIMED_SUITES := CollectorLimitsTests|RateLimiterTests|CollectorFaultTests

all: build

help:
	@echo "make demo   run the chain on the built-in simulator (7 days into ./lake)"
	@echo "make test   build and run the tests"
	@echo "make bench  collection against the simulator (200 ms latency); curation next to a gunzip bound; gold next to DuckDB"
	@echo "make build  build bin: $(BIN)"

## Install the C libraries the package links (libcurl, zlib) when they are missing.
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "swift is not on PATH (Swift 6 toolchain needed)"; exit 1; }

build: deps
	$(SWIFT) build

demo: build
	$(BIN) demo

test: deps $(VENV)/.installed
	$(SWIFT) build --build-tests
	GOODAIR_PYTHON=$(CURDIR)/$(VENV)/bin/python $(SWIFT) test --skip-build --skip '$(TIMED_SUITES)'   # aiosmtpd for the alert tests
	$(SWIFT) test --skip-build --filter '$(TIMED_SUITES)'   # rate limits and HTTP timeouts, timed by the clock: alone, not under the other suites' load
	GOODAIR_BIN=$(BIN) $(VENV)/bin/python -m pytest -q Tests/python

## The Python environment of the reader tests (DuckDB, pandas read the silver layout) and of the
## alert tests' SMTP server (aiosmtpd).
$(VENV)/.installed: Tests/python/requirements.txt
	python3 -m venv $(VENV) || { apt-get install -y -qq python3-venv && python3 -m venv $(VENV); }
	$(VENV)/bin/pip install -q --disable-pip-version-check -r Tests/python/requirements.txt
	touch $@

bench: build
	scripts/bench-collect.sh
	scripts/bench-curate.sh
	scripts/bench-foundation.sh
	scripts/bench-lineage.sh
	$(SWIFT) build -c release --scratch-path .build-release --product goodair-bench
	.build-release/release/goodair-bench parse-validate .bench/lake-$${BENCH_DAYS:-54}/bronze
	scripts/bench-gold.sh
	scripts/bench-lifecycle.sh
	GOODAIR_WAREHOUSE_BENCH=1 $(SWIFT) test --filter WarehouseBenchmark   # a year of gold into the warehouse, and its queries

clean:
	rm -rf .build
