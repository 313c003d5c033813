# Thin wrappers over CMake and npm. `make demo` and `make test` do all set-up
# on a fresh Debian 12 machine (as root).
BUILD ?= build
PORT  ?= 8080
HOST  ?= 127.0.0.1
DB    ?= var/demo.db
JOBS  ?= $(shell nproc)

.PHONY: all deps configure build web demo test test-cpp test-web test-e2e bench clean

all: build web

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

web: deps
	@if [ -f web/package.json ]; then cd web && npm run --silent build; fi

demo: build web
	@mkdir -p $(dir $(DB))
	@$(BUILD)/govperf demo --db $(DB) --if-absent
	@$(BUILD)/govperf serve --db $(DB) --host $(HOST) --port $(PORT) --web web/dist --print-logins

test: build web
	@$(MAKE) --no-print-directory test-cpp test-web test-e2e

test-cpp:
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-web:
	@if [ -f web/package.json ]; then cd web && npm run --silent test; fi

test-e2e:
	@if [ -x tests/e2e/run.sh ]; then tests/e2e/run.sh $(BUILD)/govperf; fi

bench: deps
	@cmake -S . -B $(BUILD)-release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD)-release -j $(JOBS)
	@if [ -x bench/run.sh ]; then bench/run.sh $(BUILD)-release; fi

clean:
	rm -rf $(BUILD) $(BUILD)-release web/dist
