package api_test

import (
	"bytes"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"
)

// unknownKeysBody is a JSON object of n properties that no operation knows,
// padded so that it is about size bytes long when size > 0.
func unknownKeysBody(n, size int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"email":"a@b.id","password":"x"`)
	pad := 0
	if size > 0 {
		pad = max(0, size/n-11)
	}
	for i := range n {
		fmt.Fprintf(&b, `,"k%d%s":1`, i, strings.Repeat("x", pad))
	}
	b.WriteString("}")
	return b.Bytes()
}

// allocatedDuring reports how many bytes the process allocated while f ran:
// an upper bound of how much its heap could grow.
func allocatedDuring(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestManyUnknownPropertiesCostMemoryInProportionToTheBody sends bodies of
// thousands of unknown properties to the unauthenticated sign-in, and a
// 1 MiB one to a signed-in merge patch: each answer names at most 20 errors
// and repeats none of the body, and the whole exchange (client and server
// share this process) allocates less than 64 MiB.
func TestManyUnknownPropertiesCostMemoryInProportionToTheBody(t *testing.T) {
	w := newWorld(t)
	const bound = 64 << 20
	for _, c := range []struct {
		name  string
		req   func(body []byte) request
		keys  int
		bytes int
	}{
		{"sign-in, 2,000 keys", func(body []byte) request {
			return request{method: http.MethodPost, path: "/v1/auth/login", body: body, contentType: "application/json"}
		}, 2000, 0},
		{"merge patch, 1 MiB of keys", func(body []byte) request {
			return request{method: http.MethodPatch, path: "/v1/users/" + w.participant.ID.String(), body: body,
				contentType: "application/merge-patch+json", token: w.tokenOf(roleParticipant)}
		}, 40000, 1<<20 - 4096},
	} {
		t.Run(c.name, func(t *testing.T) {
			body := unknownKeysBody(c.keys, c.bytes)
			var res response
			allocated := allocatedDuring(func() { res = w.do(c.req(body)) })
			p := expect(t, res, http.StatusUnprocessableEntity).problem(t)
			if len(p.Errors) > 21 {
				t.Errorf("%d errors in the answer; want at most 20 and one that counts the rest", len(p.Errors))
			}
			if len(res.body) > 16<<10 {
				t.Errorf("the answer is %d bytes for a %d-byte request", len(res.body), len(body))
			}
			if allocated > bound {
				t.Errorf("%d MiB allocated for a %d KiB body; want under %d MiB", allocated>>20, len(body)>>10, bound>>20)
			}
			t.Logf("%d KiB body: %d MiB allocated, %d-byte answer", len(body)>>10, allocated>>20, len(res.body))
		})
	}
}
