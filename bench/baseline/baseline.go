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
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/proper-id/proper/persistence"
)

// progressSQL is Proper's cohort progress (persistence.progressQuery).
const progressSQL = `
SELECT e.id, u.name, e.group_name, mu.name, p.id, p.title, p.status,
       m.short_total, m.short_achieved, m.short_awaiting, m.short_overdue, m.mid_total, m.long_total,
       coalesce(ev.pending, 0), act.at
FROM enrollments e
JOIN projects p ON p.enrollment_id = e.id
JOIN users u ON u.id = e.participant_id
JOIN users mu ON mu.id = e.mentor_id
CROSS JOIN LATERAL (
	SELECT count(*) FILTER (WHERE horizon = 'short') AS short_total,
	       count(*) FILTER (WHERE horizon = 'short' AND status = 'achieved') AS short_achieved,
	       count(*) FILTER (WHERE horizon = 'short' AND status = 'awaiting_verification') AS short_awaiting,
	       count(*) FILTER (WHERE horizon = 'short' AND status <> 'achieved' AND due_on < $2) AS short_overdue,
	       count(*) FILTER (WHERE horizon = 'mid') AS mid_total,
	       count(*) FILTER (WHERE horizon = 'long') AS long_total
	FROM milestones WHERE project_id = p.id
) m
LEFT JOIN LATERAL (SELECT count(*) AS pending FROM evidence WHERE project_id = p.id AND status = 'submitted') ev ON true
LEFT JOIN LATERAL (SELECT at FROM events WHERE project_id = p.id ORDER BY id DESC LIMIT 1) act ON true
WHERE e.cohort_id = $1
ORDER BY u.name, e.id`

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
		defer rows.Close()
		if !rows.Next() {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		values, err := rows.Values()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		project := make(map[string]any, len(values))
		for i, f := range rows.FieldDescriptions() {
			project[f.Name] = values[i]
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(project)
	})
	mux.HandleFunc("GET /v1/cohorts/{id}/progress", func(w http.ResponseWriter, r *http.Request) {
		if !signedIn(pool, r) {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		rows, err := pool.Query(r.Context(), progressSQL, r.PathValue("id"), time.Now())
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer rows.Close()
		type row struct {
			EnrollmentID, ProjectID                                               uuid.UUID
			Participant, Group, Mentor, Title, Status                             string
			ShortTotal, Achieved, Awaiting, Overdue, MidTotal, LongTotal, Pending int64
			LastActivityAt                                                        *time.Time
		}
		var out []row
		for rows.Next() {
			var x row
			if err := rows.Scan(&x.EnrollmentID, &x.Participant, &x.Group, &x.Mentor, &x.ProjectID, &x.Title, &x.Status,
				&x.ShortTotal, &x.Achieved, &x.Awaiting, &x.Overdue, &x.MidTotal, &x.LongTotal, &x.Pending, &x.LastActivityAt); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			out = append(out, x)
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"items": out})
	})
	return mux
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
