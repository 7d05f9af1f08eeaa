package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/proper-id/proper/domain"
)

// readinessTimeout bounds /readyz so a load balancer gets an answer even
// while the database hangs.
const readinessTimeout = 2 * time.Second

// HealthStatus is the body of a healthy /healthz or /readyz answer.
type HealthStatus struct {
	Body struct {
		Status string `json:"status" enum:"ok" doc:"Always ok; an unhealthy service answers with a problem instead." example:"ok"`
	}
}

func registerHealth(api huma.API, ready ReadinessCheck) {
	huma.Register(api, huma.Operation{
		OperationID: "get-health",
		Method:      http.MethodGet,
		Path:        "/healthz",
		Summary:     "Check that the process is up",
		Description: "Answers 200 while the process runs, whatever the state of the database. For liveness probes.",
		Tags:        []string{"health"},
	}, func(ctx context.Context, _ *struct{}) (*HealthStatus, error) {
		return healthy(), nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "get-readiness",
		Method:      http.MethodGet,
		Path:        "/readyz",
		Summary:     "Check that the service can serve requests",
		Description: "Answers 200 when the database is reachable and its schema is current, else 503 with the reason. For readiness probes: a load balancer should send no traffic to a replica that is not ready.",
		Tags:        []string{"health"},
		Errors:      []int{http.StatusServiceUnavailable},
	}, func(ctx context.Context, _ *struct{}) (*HealthStatus, error) {
		if ready != nil {
			ctx, cancel := context.WithTimeout(ctx, readinessTimeout)
			defer cancel()
			if err := ready(ctx); err != nil {
				if domain.KindOf(err) == 0 {
					err = domain.Unavailable(err)
				}
				return nil, err
			}
		}
		return healthy(), nil
	})
}

func healthy() *HealthStatus {
	out := &HealthStatus{}
	out.Body.Status = "ok"
	return out
}
