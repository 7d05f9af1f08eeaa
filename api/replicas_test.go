package api_test

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
)

func TestTwoReplicasChangingOneVersionLetExactlyOneWin(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	replica := newAppOn(t, w.db)
	token := w.tokenOf(roleOrganizer)
	path := "/v1/cohorts/" + w.cohortA.ID.String()
	for round := range 5 {
		tag := expect(t, w.get(path, token), http.StatusOK).header.Get("ETag")
		statuses := make([]int, 2)
		var wg sync.WaitGroup
		for i, server := range []*app{w.app, replica} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses[i] = server.patch(path, token, map[string]string{"name": fmt.Sprintf("Angkatan ronde %d dari replika %d", round, i)},
					map[string]string{"If-Match": tag}).status
			}()
		}
		wg.Wait()
		ok, stale := 0, 0
		for _, s := range statuses {
			switch s {
			case http.StatusOK:
				ok++
			case http.StatusPreconditionFailed:
				stale++
			}
		}
		if ok != 1 || stale != 1 {
			t.Fatalf("round %d: statuses %v, want exactly one 200 and one 412", round, statuses)
		}
		var c struct {
			Name    string
			Version int
		}
		expect(t, w.get(path, token), http.StatusOK).decode(t, &c)
		if c.Version != round+2 {
			t.Fatalf("round %d: version %d: the losing write must not have been applied", round, c.Version)
		}
	}
}
