# aop — the two commands a newcomer needs:
#   make demo   installs what is missing, builds, runs the review over samples/ and says where the workbook is
#   make test   installs what is missing, builds and runs every test
# Run as root on Debian (or with sudo available); system packages are installed only when missing.

SWIFT ?= swift
# libcsv and libxlsxwriter for the two C wrappers; pkg-config finds libxlsxwriter's flags; libxml2 for
# Foundation's XML parser, which the tests use to read workbooks back.
APT_PACKAGES := libcsv-dev libxlsxwriter-dev pkg-config libxml2
BIN := .build/debug
AOP := $(BIN)/aop
DEMO_MONTH := 2026-10

.PHONY: all deps build demo test samples clean

all: build

deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build --product aop

demo: build
	$(AOP) baseline --config samples/aop.toml
	@# The samples hold one deliberately bad row, so the review ends with 65 (finished with rejected rows).
	$(AOP) review --config samples/aop.toml --month $(DEMO_MONTH); status=$$?; [ $$status -eq 0 ] || [ $$status -eq 65 ]
	@echo
	@echo "The review workbook is $(CURDIR)/samples/out/review-$(DEMO_MONTH).xlsx"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Regenerates the sample exports and their expected figures (needs python3; the output is committed).
samples:
	python3 samples/generate.py

clean:
	rm -rf .build samples/out
