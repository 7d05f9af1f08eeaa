package api_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/proper-id/proper/persistence/pgtest"
)

// lockedBuffer is a log destination safe for the server's goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestAClientThatGoesAwayIsNoErrorOfTheServer: a request whose client
// hangs up while it waits on the database ends quietly; the server logs no
// error and calls no dependency unavailable.
func TestAClientThatGoesAwayIsNoErrorOfTheServer(t *testing.T) {
	t.Parallel()
	var logs lockedBuffer
	a := newAppLogging(t, pgtest.DB(t), slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn})))
	w := arrangeWorld(t, a)
	w.draftDesign(t)
	token := w.tokenOf(roleParticipant)

	// Another transaction holds the project's row (and, on a pool of one
	// connection, the pool), so the change waits.
	tx, err := w.db.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`SELECT 1 FROM projects WHERE id = ? FOR UPDATE`, w.project()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPatch, w.server.URL+projectPath(w, ""), strings.NewReader(`{"title":"Judul baru"}`))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/merge-patch+json")
	if res, err := w.server.Client().Do(req); err == nil {
		res.Body.Close()
		t.Fatalf("the request was answered %d while the row was held", res.StatusCode)
	}
	time.Sleep(500 * time.Millisecond) // the server notices the client is gone
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Fatalf("the server logged an error for a client that went away:\n%s", logs.String())
	}
}
