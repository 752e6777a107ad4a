# sitegen — build the portal and run the tests.
#   make site   installs what is missing (Debian), builds sitegen and the site from Content/ into Public/
#   make test   installs what is missing and runs every test
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= release
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config

.PHONY: site test deps build clean

# Installs the system libraries only when something is missing (needs root or sudo).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG) --product sitegen

site: build
	$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/sitegen build --content Content --theme Themes/default --output Public

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build Public
