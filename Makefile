# Proper: `make run` serves a working installation, `make test` proves it.

GO      ?= go
BIN     := bin/proper
PORT    ?= 8080

FUZZTIME ?= 60s

.PHONY: run build test test-go test-web vet ts-check web web-check openapi openapi-check lint-spec bench fuzz postgres clean

## run: install what is missing, start the private PostgreSQL, load the demo cohort (once) and serve on $(PORT)
run: postgres build
	./$(BIN) serve --demo --port $(PORT)

## build: compile the proper binary into bin/
build:
	$(GO) build -o $(BIN) ./cmd/proper

## test: vet, check and lint the committed spec and clients, run every test on a real PostgreSQL
test: postgres vet openapi-check lint-spec ts-check web-check test-go test-web

## test-go: every Go test on a real PostgreSQL, with the race detector (-short: without the API's long
## sequential tests, see longSequential in api/harness_test.go); then the API's and the domain's tests
## again, all of them, without the race detector, on pools of one connection each, which hang (and
## fail) if a request holds two at once
test-go: postgres
	$(GO) test -race -short -count=1 -parallel 8 -timeout 20m ./...
	PROPER_TEST_DB_CONNECTIONS=1 $(GO) test -count=1 -parallel 8 -timeout 6m ./api ./domain/...

## test-web: the whole loop through the web app in headless Chromium (installed when missing), with axe checks and screenshots
test-web: postgres web-check
	@command -v node >/dev/null || { echo "Node.js is needed for the browser tests" >&2; exit 1; }
	scripts/ensure-chromium.sh
	PROPER_BROWSER_TESTS=1 $(GO) test -count=1 -v -run '^TestWebApp' ./cmd/proper

## ts-check: the TypeScript client is current and its example type-checks (when Node is present)
ts-check:
	@if command -v npm >/dev/null; then openapi/ts/check.sh; else echo "npm not found: skipping the TypeScript client check" >&2; fi

## web: build the web app (web/src) into web/dist, which the binary embeds; commit web/dist
web:
	web/build.sh

## web-check: web/dist is what web/src builds to (when Node is present)
web-check:
	@if command -v npm >/dev/null; then web/check.sh; else echo "npm not found: skipping the web app check" >&2; fi

## vet: gofmt, go vet and staticcheck (pinned, fetched by go run)
vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo 'run gofmt -w on the files above'; exit 1; }
	$(GO) vet ./...
	$(GO) vet -tags bench ./bench/... ./persistence
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.6.1 ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.6.1 -tags bench ./bench/...

CLIENT_CONFIG := openapi/client/oapi-codegen.yaml

## openapi: regenerate the committed spec files and the Go client from the code
openapi: build
	./$(BIN) openapi --version 3.1 --format yaml > openapi/openapi.yaml
	./$(BIN) openapi --version 3.0 --format yaml > openapi/openapi-3.0.yaml
	./$(BIN) codes > web/src/i18n/codes.ts
	$(GO) tool oapi-codegen -config $(CLIENT_CONFIG) openapi/openapi-3.0.yaml
	@if command -v npm >/dev/null; then openapi/ts/generate.sh; else echo "npm not found: openapi/ts not regenerated" >&2; fi

## openapi-check: fail when the committed spec or client differs from what the code generates
openapi-check: build
	@tmp=$$(mktemp -d) && trap 'rm -rf $$tmp' EXIT \
	  && ./$(BIN) openapi --version 3.1 --format yaml > $$tmp/openapi.yaml \
	  && ./$(BIN) openapi --version 3.0 --format yaml > $$tmp/openapi-3.0.yaml \
	  && ./$(BIN) codes > $$tmp/codes.ts \
	  && sed "s|^output: .*|output: $$tmp/client.gen.go|" $(CLIENT_CONFIG) > $$tmp/config.yaml \
	  && $(GO) tool oapi-codegen -config $$tmp/config.yaml $$tmp/openapi-3.0.yaml \
	  && diff -q openapi/openapi.yaml $$tmp/openapi.yaml >/dev/null \
	  && diff -q openapi/openapi-3.0.yaml $$tmp/openapi-3.0.yaml >/dev/null \
	  && diff -q openapi/client/client.gen.go $$tmp/client.gen.go >/dev/null \
	  && diff -q web/src/i18n/codes.ts $$tmp/codes.ts >/dev/null \
	  || { echo "openapi/ or web/src/i18n/codes.ts differs from the code: run 'make openapi' and commit the result" >&2; exit 1; }
	@echo "openapi/ matches the code"

## lint-spec: lint the committed spec with Spectral and the OWASP API ruleset (when Node is present)
lint-spec:
	@if command -v npm >/dev/null; then \
	  cd openapi/lint && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run --silent lint; \
	else echo "npm not found: skipping the spec lint" >&2; fi

## bench: Go benchmarks of the hot paths; then, on a seeded dataset (BENCH_PROJECTS, default 20000, of
## which the share BENCH_PUBLISHED, default all, on the showcase; see docs/BENCHMARKS.md), Proper as
## deployed: bin/proper serve in its own process with its defaults, logging to a file, beside the
## PocketBase peer (bench/peers/pocketbase, its own module) seeded alike, both loaded by wrk where
## installed or else bin/bench-load (BENCH_CLIENT=auto|wrk|go), in BENCH_ROUNDS alternating rounds of
## BENCH_DURATION after pauses of BENCH_PAUSE; last the in-process load of Proper against the
## hand-written baseline, for profiling
BENCH_PROJECTS ?= 20000
BENCH_PUBLISHED ?= 1
BENCH_CLIENT ?= auto
BENCH_ROUNDS ?= 3
BENCH_DURATION ?= 10s
BENCH_PAUSE ?= 10s
bench: postgres build
	$(GO) build -tags bench -o bin/bench-load ./bench/load
	cd bench/peers/pocketbase && $(GO) build -o $(CURDIR)/bin/pocketbase-peer .
	$(GO) test -run '^$$' -bench . -benchmem ./...
	$(GO) run -tags bench ./bench -projects $(BENCH_PROJECTS) -published $(BENCH_PUBLISHED) \
	  -proper-bin $(BIN) -load-bin bin/bench-load -pocketbase-bin bin/pocketbase-peer -client $(BENCH_CLIENT) \
	  -deployed-rounds $(BENCH_ROUNDS) -deployed-duration $(BENCH_DURATION) -deployed-pause $(BENCH_PAUSE)

## fuzz: run each fuzz target of the parsers of outside input for $(FUZZTIME)
## (make test runs their seed corpora as ordinary tests)
FUZZ_TARGETS := domain:FuzzParseNIP domain:FuzzParseEmail api/rostercsv:FuzzParse domain:FuzzSafeFileName \
	persistence:FuzzDecodeCursor persistence:FuzzHighlightParts api:FuzzMergePatch api:FuzzEvidenceForm \
	api:FuzzHostileJSON
fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; name=$${t##*:}; echo "== $$pkg $$name"; \
	  $(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) ./$$pkg/ || exit 1; \
	done

## postgres: install the PostgreSQL server when it is missing
postgres:
	@scripts/ensure-postgres.sh

clean:
	rm -rf bin
