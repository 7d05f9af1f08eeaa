package api_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// TestAnIdempotencyKeyWithoutAValidTokenIsAnswered401AndClaimsNoKey: a
// create sent with an Idempotency-Key but no token, or a token that is not
// a session's, is refused with 401 before the key is claimed: nothing is
// kept under it, and the signed-in request with that key then runs.
func TestAnIdempotencyKeyWithoutAValidTokenIsAnswered401AndClaimsNoKey(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	key := map[string]string{"Idempotency-Key": uuid.NewString()}
	body := map[string]string{"name": "Pemerintah Kabupaten Batanghari", "region": "Jambi"}
	for name, token := range map[string]string{"no token": "", "an unknown token": domain.NewSecret()} {
		t.Run(name, func(t *testing.T) {
			res := expect(t, w.do(request{method: http.MethodPost, path: "/v1/agencies", token: token, body: body, header: key}), http.StatusUnauthorized)
			if res.header.Get("WWW-Authenticate") == "" {
				t.Errorf("the 401 does not say how to authenticate: %v", res.header)
			}
		})
	}
	var kept int
	if err := w.db.NewRaw(`SELECT count(*) FROM idempotency_keys`).Scan(context.Background(), &kept); err != nil {
		t.Fatal(err)
	}
	if kept != 0 {
		t.Errorf("%d idempotency keys were claimed by requests that were not signed in", kept)
	}
	res := expect(t, w.do(request{method: http.MethodPost, path: "/v1/agencies", token: w.tokenOf(roleAdmin), body: body, header: key}), http.StatusCreated)
	if res.header.Get("Idempotent-Replayed") != "" {
		t.Errorf("the signed-in request was answered with a replay: %v %s", res.header, res.body)
	}
}
