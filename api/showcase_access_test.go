package api_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/openapi/client"
)

// showcase is the showcase service the world's server uses, without a rate
// limit.
func (w *world) showcase() *domain.Showcase { return w.services.Showcase }

// published puts the world's participant's project on the showcase with
// its PDF evidence public (approved first), unless it is there already,
// and returns the publication.
func (w *world) published(t testing.TB) domain.Publication {
	t.Helper()
	ctx := context.Background()
	if w.fileEvidence.ID == uuid.Nil {
		w.arrangeWorkflow(t)
	}
	if pub, err := w.showcase().GetPublication(ctx, w.admin, w.project()); err == nil && pub.Public() {
		return pub
	}
	if e, err := w.projects().GetEvidence(ctx, w.admin, w.fileEvidence.ID); err != nil {
		t.Fatal(err)
	} else if e.Status == domain.EvidenceSubmitted {
		w.approveEvidence(t, w.fileEvidence.ID)
	}
	pub, _, err := w.showcase().Publish(ctx, w.actor(w.participant), w.project(), domain.PublicationDraft{
		Innovation: "Antrean daring lewat WhatsApp", PublicEvidence: []uuid.UUID{w.fileEvidence.ID}})
	if err != nil {
		t.Fatal(err)
	}
	return pub
}

// newAgency registers an agency with a unique name.
func (w *world) newAgency(t testing.TB, name, region string) domain.Agency {
	t.Helper()
	a, err := w.directory().CreateAgency(context.Background(), w.admin, name+" "+uniq(), region)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func init() {
	// Roles: admin, organizer, organizer of another cohort, coach, mentor,
	// participant, another participant, user with no role, anonymous.
	everyone := [9]int{ok, ok, ok, ok, ok, ok, ok, ok, ok}
	organizers := func(status int) [9]int {
		return [9]int{status, status, status, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}
	}
	rows := map[string]accessCase{
		"publish-project": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			w.published(w.t)
			w.db.Exec(`DELETE FROM publications WHERE project_id = ?`, w.project())
			return answer(c.PublishProjectWithResponse(ctx, w.project(), nil, client.PublicationCreate{Innovation: "Antrean daring " + uniq()}))
		}, [9]int{created, forbidden, notFound, forbidden, forbidden, created, notFound, notFound, unauth}},
		"get-publication": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			w.published(w.t)
			return answer(c.GetPublicationWithResponse(ctx, w.project()))
		}, [9]int{ok, ok, notFound, ok, ok, ok, notFound, notFound, unauth}},
		"unpublish-project": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			w.published(w.t)
			return answer(c.UnpublishProjectWithResponse(ctx, w.project()))
		}, [9]int{noContent, noContent, notFound, forbidden, forbidden, noContent, notFound, notFound, unauth}},
		"search-showcase": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			w.published(w.t)
			return answer(c.SearchShowcaseWithResponse(ctx, &client.SearchShowcaseParams{Q: ptr("antrean"), Program: ptr(client.SearchShowcaseParamsProgramPkn2)}))
		}, everyone},
		"get-showcase-entry": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.GetShowcaseEntryWithResponse(ctx, w.published(w.t).ID))
		}, everyone},
		"download-showcase-evidence": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			pub := w.published(w.t)
			return answer(c.DownloadShowcaseEvidenceWithResponse(ctx, pub.ID, w.fileEvidence.ID))
		}, everyone},
		"record-replication": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			pub := w.published(w.t)
			agency := w.newAgency(w.t, "Pemerintah Kabupaten Klaten", "Jawa Tengah")
			return answer(c.RecordReplicationWithResponse(ctx, pub.ID, nil, client.ReplicationCreate{AgencyId: agency.ID,
				Status: client.ReplicationCreateStatusStudied, Date: openapi_types.Date{Time: domain.DateOf(time.Now()).Time()}}))
		}, organizers(created)},
		"list-agency-replications": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			agency := w.newAgency(w.t, "Pemerintah Kabupaten Soppeng", "Sulawesi Selatan")
			return answer(c.ListAgencyReplicationsWithResponse(ctx, agency.ID, nil))
		}, organizers(ok)},
		"list-innovation-replications": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListInnovationReplicationsWithResponse(ctx, w.published(w.t).ID, nil))
		}, [9]int{ok, ok, notFound, forbidden, ok, ok, notFound, notFound, unauth}},
		"list-similar-projects": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListSimilarProjectsWithResponse(ctx, w.project(), nil))
		}, [9]int{ok, ok, notFound, ok, forbidden, forbidden, notFound, notFound, unauth}},
	}
	for op, c := range rows {
		accessMatrix[op] = c
	}
	// Coach of another group, another mentor, examiner.
	more := map[string][3]int{
		"publish-project": {notFound, notFound, forbidden}, "get-publication": {notFound, notFound, ok},
		"unpublish-project": {notFound, notFound, forbidden}, "search-showcase": {ok, ok, ok}, "get-showcase-entry": {ok, ok, ok},
		"download-showcase-evidence": {ok, ok, ok}, "record-replication": {forbidden, forbidden, forbidden},
		"list-agency-replications": {forbidden, forbidden, forbidden}, "list-similar-projects": {notFound, notFound, ok},
		"list-innovation-replications": {notFound, notFound, forbidden},
	}
	for op, row := range more {
		moreAccess[op] = row
	}
}
