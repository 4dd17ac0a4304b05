# IncidentMap: `make demo` and `make test` work on a fresh Debian machine with Swift.
SWIFT ?= swift
# Debian packages the build needs (the C libraries under CGEOS and CPROJ).
BUILD_DEPS := pkg-config libgeos-dev libproj-dev proj-data libsqlite3-dev
# Extra packages the tests use (real clients and tools).
TEST_DEPS := $(BUILD_DEPS) valgrind gdal-bin chromium fonts-noto-core python3-qgis postgresql-15 postgresql-15-postgis-3
RELEASE_BIN := .build/release/incidents
# The release binaries carry the Swift runtime and Foundation inside them: a command starts in
# two thirds of the time (no symbol binding across a dozen shared libraries), and the binary
# runs on a machine without the toolchain. scripts/ build with the same flags.
RELEASE_FLAGS := -c release --static-swift-stdlib

.PHONY: all deps test-deps build demo test bench leaks clean check-swift

all: build

check-swift:
	@command -v $(SWIFT) >/dev/null 2>&1 || { \
	  echo "error: Swift 6.1 or later is needed (https://www.swift.org/install/linux/); put swift on PATH" >&2; exit 1; }

deps: check-swift
	@scripts/install-deps.sh $(BUILD_DEPS)

test-deps: check-swift
	@scripts/install-deps.sh $(TEST_DEPS)

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product incidents

demo: build
	@scripts/demo.sh $(RELEASE_BIN)

# The store tests run against SQLite and against a throwaway PostGIS cluster on loopback.
test: test-deps
	scripts/with-postgis.sh $(SWIFT) test

bench: deps
	@scripts/bench.sh
	@scripts/bench-server.sh

leaks: test-deps
	@scripts/leak-check.sh

clean:
	rm -rf .build out
