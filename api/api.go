// Package api is Proper's HTTP surface: Huma operations with their request
// and response shapes, the mapping of domain errors to RFC 9457 problems,
// request ids, logs and metrics, the published OpenAPI spec and its docs.
// Handlers parse, call one domain service, and shape the answer.
package api

import (
	"context"
	_ "embed"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/proper-id/proper/domain"
)

// Version is the version of the API contract published in the spec.
const Version = "0.1.0"

// ReadinessCheck reports whether the service can do its work: nil when the
// database answers and its schema is current, else the reason.
type ReadinessCheck func(ctx context.Context) error

// Deps are what the HTTP layer needs from the rest of the program. The zero
// value builds the full API surface without serving it, which is how the
// spec is generated without a database.
type Deps struct {
	// Logger receives access logs and unexpected errors; nil uses slog.Default.
	Logger *slog.Logger
	// Ready answers /readyz; nil means always ready.
	Ready ReadinessCheck
	// Metrics is where request metrics are registered and what /metrics
	// exposes; the caller may register more collectors (the database pool).
	// Nil creates a private registry.
	Metrics *prometheus.Registry
	// Services are the domain services the operations call; nil when only
	// the spec is wanted.
	Services *Services
	// CORSOrigins are the web origins (https://app.example.go.id) allowed
	// to call the API from a browser; none by default.
	CORSOrigins []string
	// TrustedProxies are the load balancers and reverse proxies in front of
	// Proper: for requests from them, the client's address (which rate limits
	// count against) is read from X-Forwarded-For. None by default.
	TrustedProxies []netip.Prefix
	// WebApp is the built web app (index.html and assets/) served at /;
	// nil serves the API alone.
	WebApp fs.FS
	// UploadPace is the slowest an upload's body may arrive before the
	// upload is cut off with a 408; the zero value means DefaultUploadPace.
	UploadPace UploadPace
	// UploadDir is the folder where resumable evidence uploads (the tus
	// routes, see evidence_uploads.go) keep their bytes until they
	// complete; empty leaves those routes out.
	UploadDir string
}

// Services are the domain services and stores behind the operations.
type Services struct {
	// Services are the domain's services (domain.NewServices).
	*domain.Services
	// Idempotency keeps the first answers to creates sent with a key.
	Idempotency domain.IdempotencyStore
	// Now is the clock of the idempotency bookkeeping.
	Now func() time.Time
}

// Server is Proper's HTTP handler with its Huma API.
type Server struct {
	api     huma.API
	handler http.Handler
}

// New builds every operation and the middleware around them.
func New(deps Deps) *Server {
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	if deps.Metrics == nil {
		deps.Metrics = prometheus.NewRegistry()
	}
	mux := http.NewServeMux()
	humaAPI := humago.New(mux, apiConfig())
	metrics := newRequestMetrics(deps.Metrics)
	humaAPI.UseMiddleware(nameOperation)
	services := deps.Services
	if services == nil {
		services = &Services{}
	} else {
		humaAPI.UseMiddleware(authenticate(humaAPI, services.Accounts), refuseNonText(humaAPI), keepIdempotent(humaAPI, services.Idempotency, services.Now))
	}

	humaAPI.UseMiddleware(paceUploads(deps.UploadPace))

	humaAPI.OpenAPI().OnAddOperation = append(humaAPI.OpenAPI().OnAddOperation, declareEarlyErrors)
	registerHealth(humaAPI, deps.Ready)
	registerRoutes(huma.NewGroup(humaAPI, "/v1"), services)
	completeSchemas(humaAPI.OpenAPI())
	describeCodes(humaAPI.OpenAPI())
	if deps.Services != nil && deps.UploadDir != "" {
		if err := registerEvidenceUploads(mux, services, deps.UploadDir, deps.UploadPace, deps.Logger); err != nil {
			panic("api: resumable uploads: " + err.Error())
		}
	}

	mux.Handle("GET /metrics", named("metrics", metricsHandler(deps.Metrics)))
	registerDocs(mux)
	registerSpec(mux, humaAPI.OpenAPI())
	var app *webApp
	if deps.WebApp != nil {
		var err error
		if app, err = newWebApp(deps.WebApp); err != nil {
			panic("api: the web app has no index.html: " + err.Error())
		}
		app.register(mux)
	}
	mux.Handle("/", unmatched(mux, app))

	return &Server{
		api:     humaAPI,
		handler: observe(deps.Logger, metrics, deps.TrustedProxies, secureHeaders(allowOrigins(deps.CORSOrigins, recoverPanics(compressJSON(mux))))),
	}
}

// Handler is the http.Handler that serves the API.
func (s *Server) Handler() http.Handler { return s.handler }

// API is the Huma API, for generating the spec and for tests that register
// extra operations behind the same middleware.
func (s *Server) API() huma.API { return s.api }

// apiConfig describes the API for the spec. The $schema field and its
// describedBy link are turned off: clients are generated from the spec and
// have no use for them.
func apiConfig() huma.Config {
	config := huma.DefaultConfig("Proper API", Version)
	config.CreateHooks = nil
	config.SchemasPath = ""
	config.DocsPath = ""    // served by registerDocs from embedded assets
	config.OpenAPIPath = "" // served by registerSpec
	config.Formats = map[string]huma.Format{
		"application/json":             huma.DefaultJSONFormat,
		"json":                         huma.DefaultJSONFormat,
		"application/merge-patch+json": huma.DefaultJSONFormat,
	}
	config.Info.Description = specDescription
	config.Info.Contact = &huma.Contact{Name: "The Proper developers"}
	config.Info.License = &huma.License{Name: "Proprietary: all rights reserved by the Proper developers"}
	config.Servers = []*huma.Server{{URL: "http://localhost:8080", Description: "A local installation, as `make run` starts it.",
		Extensions: map[string]any{"x-internal": false}}}
	config.Tags = apiTags
	config.Components.SecuritySchemes = map[string]*huma.SecurityScheme{
		bearerScheme: {
			Type:         "http",
			Scheme:       "bearer",
			BearerFormat: "opaque",
			Description:  "A token from `login`, sent as `Authorization: Bearer <token>`.",
		},
	}
	return config
}

// specDescription introduces the API in the spec: the domain, its roles and
// state machines, and the conventions every operation follows.
//
//go:embed description.md
var specDescription string

// apiTags describe the resources, one tag each, in the order the docs list them.
var apiTags = []*huma.Tag{
	{Name: "auth", Description: "Signing in and out, activating an account, and who I am."},
	{Name: "users", Description: "People's accounts: one per person, whatever their roles."},
	{Name: "institutions", Description: "Training institutions (LAN RI, a provincial BPSDM) and who organizes for them."},
	{Name: "agencies", Description: "Government agencies (instansi) where participants and mentors work."},
	{Name: "cohorts", Description: "Cohorts (angkatan) with their schedule and staff."},
	{Name: "enrollments", Description: "Participants in a cohort with their mentor, coach and group; the roster import."},
	{Name: "projects", Description: "Change projects (proyek perubahan): the design and its approval, coaching notes, the timeline, the review queue."},
	{Name: "milestones", Description: "Milestones (tahapan) of a project, claimed by the participant and verified by the mentor."},
	{Name: "evidence", Description: "Evidence (bukti dukung) of milestones: files and links, reviewed by the mentor."},
	{Name: "agenda", Description: "A cohort's agenda (jadwal): its dated items, the workflow steps each item bounds, what is next for me, and calendar files (.ics)."},
	{Name: "reports", Description: "The final report (laporan akhir): versions of the report and slides, the pernyataan keaslian, the mentor's and coach's persetujuan and pengesahan, revisions after the seminar, and the sheets to bind with it."},
	{Name: "change-requests", Description: "Changes to an approved plan (permohonan perubahan), decided by the mentor and the coach, and the plan's versions."},
	{Name: "classes", Description: "Classes (kelas) of a cohort: the level between the cohort and its groups, with their coaches."},
	{Name: "calendar", Description: "The holiday calendar (libur nasional, cuti bersama) that deadlines in working days skip."},
	{Name: "progress", Description: "Who is on track in a cohort, for coaches and organizers."},
	{Name: "follow-up", Description: "What needs doing, during the training and after it: my reminders, items past the cohort's response deadline, and the reviewers' workload."},
	{Name: "assessment", Description: "Seminar rubrics, examiners' scores and predicates, and the release of results."},
	{Name: "graduation", Description: "A cohort's graduation (kelulusan): its weighted components, the scores organizers enter, the determination and release, and the graduates' certificates with their public verification."},
	{Name: "showcase", Description: "The public innovation showcase (etalase inovasi): publishing projects, searching them without signing in, and the studi tiru records of agencies that studied or adopted them."},
	{Name: "health", Description: "Liveness and readiness probes."},
}

// bearerScheme names the security scheme of signed-in operations.
const bearerScheme = "bearer"
