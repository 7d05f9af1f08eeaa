package api_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/proper-id/proper/persistence/pgtest"
)

// hostileAllocationBound is the most a request of at most
// hostileMaxBody bytes may allocate, server and client together: a bound
// of what it can make the heap grow.
const (
	hostileMaxBody         = 1 << 20
	hostileAllocationBound = 64 << 20
)

// hostilePlaceholder stands in a path for an id of nothing in the world.
const hostilePlaceholder = "0b9a3c1e-5d2f-4a8b-9c7e-2f4d6a8b1c3e"

// jsonOperation is an operation that takes a JSON body, as the spec says.
type jsonOperation struct {
	id, method, path, contentType string
	// properties are the names of the body's top-level properties.
	properties []string
}

// FuzzHostileJSON sends every input, and hostile variations of it (deep
// nesting, many keys, every property set to it, NUL and invalid UTF-8
// inside strings, numbers too big for any type), as the body of every
// operation that takes JSON, signed in as a platform admin so that no
// authorization stops it early: no answer is a 5xx, and no request of at
// most 1 MiB allocates more than 64 MiB. The operations are read from the
// server's own OpenAPI document, so new ones are covered as they come.
func FuzzHostileJSON(f *testing.F) {
	longSequential(f)
	// The server logs to a buffer: a fuzz target may not log through f.
	var serverLog lastLines
	w := arrangeWorld(f, newAppLogging(f, pgtest.DB(f), slog.New(slog.NewTextHandler(&serverLog, &slog.HandlerOptions{Level: slog.LevelWarn}))))
	milestone := w.draftDesign(f)
	admin := w.tokenOf(roleAdmin)
	ids := map[string]string{
		"projectId": w.project().String(), "cohortId": w.cohortA.ID.String(), "enrollmentId": w.enrollment.ID.String(),
		"userId": w.outsider.ID.String(), "milestoneId": milestone.ID.String(), "institutionId": w.instA.ID.String(),
		"agencyId": hostilePlaceholder, "seminar": "design",
	}
	ops := jsonOperations(f, w.app, ids)
	if len(ops) < 20 {
		f.Fatalf("the spec lists %d operations with a JSON body; are they all read?", len(ops))
	}
	f.Logf("%d operations take a JSON body", len(ops))
	// More hostile seeds are in testdata/fuzz/FuzzHostileJSON.
	f.Add([]byte(`{"title":"Tim Efektif","name":"Budi Santoso","email":"budi@batam.go.id"}`))
	f.Fuzz(func(t *testing.T, input []byte) {
		if len(input) > hostileMaxBody {
			t.Skip("inputs are at most 1 MiB")
		}
		// A request that hangs is a finding too.
		client := &http.Client{Transport: reportingTo(t, w.server.Client().Transport), Timeout: 10 * time.Second}
		for _, op := range ops {
			for variant, body := range hostileBodies(input, op.properties) {
				status, allocated := sendHostile(t, client, w.server.URL, admin, op, body)
				if status >= http.StatusInternalServerError {
					t.Fatalf("%s (%s) answered %d to %s; the server logged: %s", op.id, variant, status, preview(body), serverLog.String())
				}
				if len(body) <= hostileMaxBody && allocated > hostileAllocationBound {
					t.Fatalf("%s (%s) allocated %d MiB for a body of %d bytes", op.id, variant, allocated>>20, len(body))
				}
			}
		}
	})
}

// jsonOperations reads the operations that take a JSON body from the
// server's spec, with ids (or a placeholder) in their paths.
func jsonOperations(t testing.TB, a *app, ids map[string]string) []jsonOperation {
	t.Helper()
	res, err := a.server.Client().Get(a.server.URL + "/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var spec struct {
		Paths map[string]map[string]struct {
			OperationID string `json:"operationId"`
			RequestBody *struct {
				Content map[string]struct {
					Schema struct {
						Ref string `json:"$ref"`
					} `json:"schema"`
				} `json:"content"`
			} `json:"requestBody"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.NewDecoder(res.Body).Decode(&spec); err != nil {
		t.Fatal(err)
	}
	var ops []jsonOperation
	for path, methods := range spec.Paths {
		for method, op := range methods {
			if op.RequestBody == nil {
				continue
			}
			for contentType, media := range op.RequestBody.Content {
				if !strings.Contains(contentType, "json") {
					continue
				}
				o := jsonOperation{id: op.OperationID, method: strings.ToUpper(method), path: withIDs(path, ids), contentType: contentType}
				schema := spec.Components.Schemas[strings.TrimPrefix(media.Schema.Ref, "#/components/schemas/")]
				for name := range schema.Properties {
					o.properties = append(o.properties, name)
				}
				slices.Sort(o.properties)
				ops = append(ops, o)
				break
			}
		}
	}
	slices.SortFunc(ops, func(a, b jsonOperation) int { return strings.Compare(a.id, b.id) })
	return ops
}

// withIDs fills a path's parameters with ids, or the placeholder.
func withIDs(path string, ids map[string]string) string {
	for {
		open := strings.IndexByte(path, '{')
		if open < 0 {
			return path
		}
		end := open + strings.IndexByte(path[open:], '}')
		id, ok := ids[path[open+1:end]]
		if !ok {
			id = hostilePlaceholder
		}
		path = path[:open] + id + path[end+1:]
	}
}

// hostileBodies are the bodies made of input for an operation whose body
// has the given properties, by what they try.
func hostileBodies(input []byte, properties []string) map[string][]byte {
	value := input
	if !json.Valid(input) {
		value = rawJSONString(input)
	}
	object := func(value []byte, names []string) []byte {
		var b bytes.Buffer
		b.WriteByte('{')
		for i, name := range names {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(rawJSONString([]byte(name)))
			b.WriteByte(':')
			b.Write(value)
		}
		b.WriteByte('}')
		return b.Bytes()
	}
	// Many keys, but not past 128 KiB, which keeps the seeds fast.
	keys := make([]string, min(1_000, (128<<10)/(len(value)+12)))
	for i := range keys {
		keys[i] = "k" + strconv.Itoa(i)
	}
	return map[string][]byte{
		"as is":                      input,
		"nested 10,000 deep":         append(append(bytes.Repeat([]byte("["), 10_000), input...), bytes.Repeat([]byte("]"), 10_000)...),
		"as every property":          object(value, properties),
		"under many keys":            object(value, keys),
		"with NUL and invalid UTF-8": object(rawJSONString(append(append([]byte(nil), input...), "\x00\xff\xfe"...)), properties),
		"beside huge numbers":        object([]byte("1e999"), append([]string{"k"}, properties...)),
		"beside long integers":       object([]byte("123456789012345678901234567890"), properties),
	}
}

// rawJSONString writes b as a JSON string whose invalid UTF-8 is kept as
// it is (encoding/json would replace it), and whose NUL is escaped.
func rawJSONString(b []byte) []byte {
	out := []byte{'"'}
	for _, c := range b {
		switch {
		case c == '"' || c == '\\':
			out = append(out, '\\', c)
		case c < 0x20:
			out = append(out, `\u00`...)
			out = append(out, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&0xf])
		default:
			out = append(out, c)
		}
	}
	return append(out, '"')
}

// sendHostile sends body to op and returns the status and how many bytes
// the process allocated meanwhile.
func sendHostile(t *testing.T, client *http.Client, base, token string, op jsonOperation, body []byte) (int, uint64) {
	t.Helper()
	req, err := http.NewRequest(op.method, base+op.path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", op.contentType)
	req.Header.Set("Authorization", "Bearer "+token)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s: %v, sending %s", op.id, err, preview(body))
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	runtime.ReadMemStats(&after)
	return res.StatusCode, after.TotalAlloc - before.TotalAlloc
}

// preview shows the start of a body in a failure message.
func preview(body []byte) string {
	if len(body) > 200 {
		return strconv.Quote(string(body[:200])) + "…"
	}
	return strconv.Quote(string(body))
}

// lastLines keeps the last lines a server logged, to show with a failure.
type lastLines struct {
	mu    sync.Mutex
	lines []string
}

func (l *lastLines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, strings.TrimSpace(string(p)))
	if len(l.lines) > 5 {
		l.lines = l.lines[len(l.lines)-5:]
	}
	return len(p), nil
}

// String returns the lines kept.
func (l *lastLines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}
