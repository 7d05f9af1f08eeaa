package api_test

import (
	"net/http"
	"sync"
	"testing"
)

func TestARetriedCreateReturnsTheFirstAnswer(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleAdmin)
	create := func(body map[string]string) response {
		return w.do(request{method: http.MethodPost, path: "/v1/agencies", token: token, body: body,
			header: map[string]string{"Idempotency-Key": "a5e1c1f2-agency-1"}})
	}
	body := map[string]string{"name": "Pemerintah Kabupaten Batanghari", "region": "Jambi"}
	first := expect(t, create(body), http.StatusCreated)
	retry := expect(t, create(body), http.StatusCreated)
	if string(retry.body) != string(first.body) || retry.header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("the retry should replay the first answer:\nfirst %s\nretry %s", first.body, retry.body)
	}
	res := expect(t, create(map[string]string{"name": "Pemerintah Kota Palembang"}), http.StatusUnprocessableEntity)
	if locs := res.locations(t); len(locs) != 1 || locs[0] != "header.Idempotency-Key" {
		t.Fatalf("reusing a key for another request: errors at %v", locs)
	}
	// Keys belong to their user: another user's request with the same key runs.
	other := w.do(request{method: http.MethodPost, path: "/v1/agencies", token: w.tokenOf(roleOrganizer),
		body: map[string]string{"name": "Pemerintah Kota Semarang"}, header: map[string]string{"Idempotency-Key": "a5e1c1f2-agency-1"}})
	expect(t, other, http.StatusCreated)
}

func TestAFailedCreateIsReplayedAsItFailed(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleAdmin)
	header := map[string]string{"Idempotency-Key": "dup-email"}
	body := map[string]string{"email": w.participant.Email, "name": "Duplikat"}
	expect(t, w.do(request{method: http.MethodPost, path: "/v1/users", token: token, body: body, header: header}), http.StatusConflict)
	expect(t, w.do(request{method: http.MethodPost, path: "/v1/users", token: token, body: body, header: header}), http.StatusConflict)
}

func TestConcurrentRetriesOnTwoReplicasCreateOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	replica := newAppOn(t, w.db)
	token := w.tokenOf(roleAdmin)
	var wg sync.WaitGroup
	statuses := make([]int, 6)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			server := []*app{w.app, replica}[i%2]
			statuses[i] = server.do(request{method: http.MethodPost, path: "/v1/agencies", token: token,
				body: map[string]string{"name": "Pemerintah Kota Batam Baru"}, header: map[string]string{"Idempotency-Key": "race-1"}}).status
		}()
	}
	wg.Wait()
	var agencies int
	w.db.QueryRow(`SELECT count(*) FROM agencies WHERE name = 'Pemerintah Kota Batam Baru'`).Scan(&agencies)
	if agencies != 1 {
		t.Fatalf("%d agencies created, want exactly 1 (statuses %v)", agencies, statuses)
	}
	for _, s := range statuses {
		if s != http.StatusCreated && s != http.StatusConflict {
			t.Fatalf("statuses %v: each retry gets the answer (201) or is told the first is still running (409)", statuses)
		}
	}
}
