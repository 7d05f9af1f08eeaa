# Proper: `make run` serves a working installation, `make test` proves it.

GO      ?= go
BIN     := bin/proper
PORT    ?= 8080

FUZZTIME ?= 60s

.PHONY: run build test vet openapi openapi-check bench fuzz postgres clean

## run: install what is missing, start the private PostgreSQL, load the demo cohort (once) and serve on $(PORT)
run: postgres build
	./$(BIN) serve --demo --port $(PORT)

## build: compile the proper binary into bin/
build:
	$(GO) build -o $(BIN) ./cmd/proper

## test: vet, check the committed spec, run every test on a real PostgreSQL
test: postgres vet openapi-check
	$(GO) test -race -count=1 ./...

vet:
	$(GO) vet ./...

## openapi: regenerate the committed spec files from the code
openapi: build
	./$(BIN) openapi --version 3.1 --format yaml > openapi/openapi.yaml
	./$(BIN) openapi --version 3.0 --format yaml > openapi/openapi-3.0.yaml

## openapi-check: fail when the committed spec differs from what the code generates
openapi-check: build
	@./$(BIN) openapi --version 3.1 --format yaml | diff -u openapi/openapi.yaml - >/dev/null \
	  && ./$(BIN) openapi --version 3.0 --format yaml | diff -u openapi/openapi-3.0.yaml - >/dev/null \
	  || { echo "openapi/ differs from the code: run 'make openapi' and commit the result" >&2; exit 1; }
	@echo "openapi/ matches the code"

## bench: Go benchmarks of the hot paths (load tests come with the data generator)
bench: postgres
	$(GO) test -run '^$$' -bench . -benchmem ./...

## fuzz: run each fuzz target of the parsers of outside input for $(FUZZTIME)
## (make test runs their seed corpora as ordinary tests)
fuzz:
	@for target in FuzzParseNIP FuzzParseEmail FuzzParseRoster; do \
	  echo "== $$target"; $(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) ./domain/ || exit 1; \
	done

## postgres: install the PostgreSQL server when it is missing
postgres:
	@scripts/ensure-postgres.sh

clean:
	rm -rf bin
