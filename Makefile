# aop — the two commands a newcomer needs:
#   make demo   installs what is missing, builds, runs the review over samples/ and says where the workbook is
#   make test   installs what is missing, builds and runs every test
# Run as root on Debian (or with sudo available); system packages are installed only when missing.

SWIFT ?= swift
# libcsv, libxlsxwriter and libcrypto (libssl-dev, for SHA-256) for the three C wrappers; pkg-config finds
# libxlsxwriter's and libcrypto's flags; libxml2 for Foundation's XML parser, which the tests use to read
# workbooks back.
APT_PACKAGES := libcsv-dev libxlsxwriter-dev libssl-dev zlib1g-dev pkg-config libxml2
# The tests also open every workbook in LibreOffice (headless) through its Python bridge, and print them to PDF
# (poppler reads the pages back) in Carlito, the font metric-compatible with Calibri, the workbook's font.
TEST_PACKAGES := libreoffice-calc-nogui python3-uno poppler-utils fonts-crosextra-carlito
# From the Python package index: DuckDB runs the documented query on a ledger CSV in a test; DuckDB and
# pandas (reading workbooks with python-calamine) run the bench's roll-up scripts, checked in a test, and
# race aop in `make bench`.
PIP_TEST_PACKAGES := duckdb==2.0.1 pandas==3.1.1 python-calamine==0.9.1 openpyxl
PIP_BENCH_PACKAGES := $(PIP_TEST_PACKAGES)
BIN := .build/debug
AOP := $(BIN)/aop
DEMO_MONTH := 2026-10

.PHONY: all deps test-deps install-missing pip-missing build demo test lint format install install-built uninstall fuzz bench samples fixtures clean

all: build

deps:
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(APT_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(APT_PACKAGES) $(TEST_PACKAGES)"
	@$(MAKE) --no-print-directory pip-missing PIP_PACKAGES="$(PIP_TEST_PACKAGES)"

# Installs Python packages for the `python3` on the PATH when it cannot import them (a Debian Python that
# refuses pip without a virtual environment is told to go ahead: these are test tools).
pip-missing:
	@missing=""; \
	for p in $(PIP_PACKAGES); do m=$$(echo $${p%%=*} | tr - _); python3 -c "import $$m" 2>/dev/null || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Python packages:$$missing"; \
	  python3 -m pip install -q $$missing || python3 -m pip install -q --break-system-packages $$missing; \
	fi

install-missing:
	@missing=""; \
	for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
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

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The house style (.swift-format at the root), checked strictly: swift-format ships with the toolchain.
lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

# Rewrites the sources in the house style (what `make lint` then accepts).
format:
	$(SWIFT) format format --in-place --recursive Package.swift Sources Tests

# Installs like any Unix tool: the binary in PREFIX/bin, its templates and built-in profiles in
# PREFIX/share/aop (the binary finds them beside itself, wherever PREFIX is), the docs in
# PREFIX/share/doc/aop, shell completions for bash, zsh and fish. A release build with the Swift runtime linked in, so that the binary runs without
# the toolchain. DESTDIR stages the tree for a package.
PREFIX ?= /usr/local
DESTDIR ?=
INSTALL_ROOT = $(DESTDIR)$(PREFIX)
install: deps
	$(SWIFT) build -c release --product aop --static-swift-stdlib
	@$(MAKE) --no-print-directory install-built BUILT=.build/release

# Copies an already built binary (BUILT, its folder) and the templates into PREFIX (the tests use it
# with the debug build).
BUILT ?= .build/release
install-built:
	install -d "$(INSTALL_ROOT)/bin" "$(INSTALL_ROOT)/share/aop" "$(INSTALL_ROOT)/share/bash-completion/completions" \
	  "$(INSTALL_ROOT)/share/zsh/site-functions" "$(INSTALL_ROOT)/share/fish/vendor_completions.d"
	install -m 0755 "$(BUILT)/aop" "$(INSTALL_ROOT)/bin/aop"
	rm -rf "$(INSTALL_ROOT)/share/aop/templates" "$(INSTALL_ROOT)/share/doc/aop"
	cp -R templates "$(INSTALL_ROOT)/share/aop/templates"
	install -d "$(INSTALL_ROOT)/share/doc/aop"
	cp -R README.md docs/. "$(INSTALL_ROOT)/share/doc/aop/"
	"$(INSTALL_ROOT)/bin/aop" --generate-completion-script bash > "$(INSTALL_ROOT)/share/bash-completion/completions/aop"
	"$(INSTALL_ROOT)/bin/aop" --generate-completion-script zsh > "$(INSTALL_ROOT)/share/zsh/site-functions/_aop"
	"$(INSTALL_ROOT)/bin/aop" --generate-completion-script fish > "$(INSTALL_ROOT)/share/fish/vendor_completions.d/aop.fish"
	@echo "installed $(INSTALL_ROOT)/bin/aop (templates and built-in profiles in $(INSTALL_ROOT)/share/aop)"

uninstall:
	rm -f "$(INSTALL_ROOT)/bin/aop" "$(INSTALL_ROOT)/share/bash-completion/completions/aop" \
	  "$(INSTALL_ROOT)/share/zsh/site-functions/_aop" "$(INSTALL_ROOT)/share/fish/vendor_completions.d/aop.fish"
	rm -rf "$(INSTALL_ROOT)/share/aop" "$(INSTALL_ROOT)/share/doc/aop"

# Mutation fuzzing of the readers for FUZZ_SECONDS per reader (CSV path with profile mapping, the
# .xlsx sheet scanner, whole .xlsx files), seeded from the golden samples. A crash saves its input to
# fuzz-crashes/ and fails; the closing lines give executions per second and in all.
FUZZ_SECONDS ?= 120
fuzz:
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(APT_PACKAGES) unzip"
	$(SWIFT) build -c release --product aop-fuzz --static-swift-stdlib
	@rm -rf .build/fuzz-seeds && mkdir -p .build/fuzz-seeds && for f in Tests/Fixtures/profiles/*/*.xlsx; do \
	  unzip -q -o -d ".build/fuzz-seeds/$$(basename "$$f" .xlsx)" "$$f" 'xl/worksheets/*.xml'; done
	.build/release/aop-fuzz csv $(FUZZ_SECONDS) Tests/Fixtures/profiles/*/*.csv
	.build/release/aop-fuzz xml $(FUZZ_SECONDS) .build/fuzz-seeds/*/xl/worksheets/*.xml
	.build/release/aop-fuzz xlsx $(FUZZ_SECONDS) Tests/Fixtures/profiles/*/*.xlsx

# Throughput and memory on generated years of BENCH_SIZES sale lines and on the "real year" (the sample
# shop × BENCH_REAL_SCALE; 0 leaves it out), beside libcsv alone, DuckDB and pandas (docs/bench.md).
BENCH_SIZES ?= 1000000,10000000
BENCH_REAL_SCALE ?= 60
bench: deps
	@$(MAKE) --no-print-directory install-missing PACKAGES="unzip"
	@$(MAKE) --no-print-directory pip-missing PIP_PACKAGES="$(PIP_BENCH_PACKAGES)"
	$(SWIFT) build -c release --product aop --static-swift-stdlib
	cc -O2 -o .build/bench-csvcount bench/csvcount.c -lcsv
	cc -O2 -o .build/bench-xlsxwrite bench/xlsxwrite.c $$(pkg-config --cflags --libs xlsxwriter)
	python3 bench/run.py $(BENCH_SIZES) $(BENCH_REAL_SCALE)

# Regenerates the sample exports and their expected figures (needs python3; the output is committed).
samples:
	python3 samples/generate.py

# Regenerates the profile golden samples (then: RECORD_GOLDENS=1 swift test --filter ProfileGoldenTests,
# and read the diff before committing).
fixtures:
	python3 Tests/Fixtures/make_fixtures.py

clean:
	rm -rf .build samples/out
