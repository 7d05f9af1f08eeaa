//go:build bench

// Package baseline is a minimal hand-written net/http + pgx server that
// answers get-project and get-cohort-progress with the same SQL and the
// same token check as Proper (get-project sends Proper's very statements,
// persistence.HotSQL; a project without assessments needs no more), and nothing else: no framework, no
// validation, no audit, no metrics. It is not part of the product; it
// exists only so that `make bench` can measure Proper's overhead against it.
package baseline

import (
	"crypto/sha256"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/proper-id/proper/persistence"
)

// Handler serves the two operations on pool.
func Handler(pool *pgxpool.Pool) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/projects/{id}", func(w http.ResponseWriter, r *http.Request) {
		if !signedIn(pool, r) {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		rows, err := pool.Query(r.Context(), persistence.HotSQL.ProjectByID, r.PathValue("id"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		projects, err := objects(rows)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		if len(projects) == 0 {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(projects[0])
	})
	mux.HandleFunc("GET /v1/cohorts/{id}/progress", func(w http.ResponseWriter, r *http.Request) {
		if !signedIn(pool, r) {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		rows, err := pool.Query(r.Context(), persistence.HotSQL.CohortProgress, r.PathValue("id"), time.Now())
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		items, err := objects(rows)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"items": items})
	})
	return mux
}

// objects reads every row as an object of its columns.
func objects(rows pgx.Rows) ([]map[string]any, error) {
	defer rows.Close()
	var out []map[string]any
	for rows.Next() {
		values, err := rows.Values()
		if err != nil {
			return nil, err
		}
		object := make(map[string]any, len(values))
		for i, f := range rows.FieldDescriptions() {
			object[f.Name] = values[i]
		}
		out = append(out, object)
	}
	return out, rows.Err()
}

// signedIn runs the same token check as Proper.
func signedIn(pool *pgxpool.Pool, r *http.Request) bool {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return false
	}
	hash := sha256.Sum256([]byte(token))
	var id uuid.UUID
	var admin bool
	var roles, institutions string
	return pool.QueryRow(r.Context(), persistence.HotSQL.SessionActor, hash[:], time.Now()).Scan(&id, &admin, &roles, &institutions) == nil
}
