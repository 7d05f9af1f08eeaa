package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/proper-id/proper/domain"
)

// listCase is one list operation of the API, as a client pages through it:
// the path of a list that arrangePaging made long enough to need several
// pages, and someone who may read it.
type listCase struct {
	operation string
	path      func(w *pagingWorld) string
	role      string
	// atLeast is how many items arrangePaging gave the list; a walk must
	// meet them all.
	atLeast int
}

// pagedLists are the list operations of the API: every operation that
// answers a page with nextCursor and Link rel="next". A new list operation
// gets a row here (and, if need be, its items in arrangePaging).
//
// Covered: list-users (with and without q), list-cohorts,
// list-institutions, list-agencies (with and without q), list-enrollments,
// list-milestones, list-evidence, list-coaching-notes, get-project-timeline,
// list-review-queue, list-reminders, list-cohort-escalations,
// list-mentor-transfers, list-agency-replications and search-showcase (the
// newest first, and ranked by a search text).
//
// Not here because they are not paged: list-rubrics, list-assessments,
// list-cohort-staff and list-similar-projects answer their whole (small,
// bounded) list in one array; get-cohort-progress, its CSV export and
// get-cohort-workload are one report per cohort.
var pagedLists = []listCase{
	{"list-users", func(w *pagingWorld) string { return "/v1/users" }, roleAdmin, 10},
	{"list-users?q", func(w *pagingWorld) string { return "/v1/users?q=peserta" }, roleAdmin, 4},
	{"list-cohorts", func(w *pagingWorld) string { return "/v1/cohorts" }, roleAdmin, 3},
	{"list-institutions", func(w *pagingWorld) string { return "/v1/institutions" }, roleAdmin, 3},
	{"list-agencies", func(w *pagingWorld) string { return "/v1/agencies" }, roleAdmin, 5},
	{"list-agencies?q", func(w *pagingWorld) string { return "/v1/agencies?q=dinas" }, roleAdmin, 4},
	{"list-enrollments", func(w *pagingWorld) string { return "/v1/cohorts/" + w.cohortA.ID.String() + "/enrollments" }, roleOrganizer, 6},
	{"list-milestones", func(w *pagingWorld) string { return projectPath(w.world, "/milestones") }, roleParticipant, 6},
	{"list-evidence", func(w *pagingWorld) string { return "/v1/milestones/" + w.milestone.ID.String() + "/evidence" }, roleParticipant, 3},
	{"list-coaching-notes", func(w *pagingWorld) string { return projectPath(w.world, "/coaching-notes") }, roleCoach, 3},
	{"get-project-timeline", func(w *pagingWorld) string { return projectPath(w.world, "/timeline") }, roleParticipant, 10},
	{"list-review-queue", func(w *pagingWorld) string { return "/v1/review-queue" }, roleMentor, 3},
	{"list-reminders", func(w *pagingWorld) string { return "/v1/me/reminders" }, roleParticipant, 3},
	{"list-cohort-escalations", func(w *pagingWorld) string { return "/v1/cohorts/" + w.cohortA.ID.String() + "/escalations" }, roleOrganizer, 3},
	{"list-mentor-transfers", func(w *pagingWorld) string {
		return "/v1/enrollments/" + w.enrollment.ID.String() + "/mentor-transfers"
	}, roleParticipant, 3},
	{"list-agency-replications", func(w *pagingWorld) string { return "/v1/agencies/" + w.visitor.ID.String() + "/replications" }, roleAdmin, 4},
	{"search-showcase", func(w *pagingWorld) string { return "/v1/showcase" }, roleAnonymous, 4},
	{"search-showcase?q", func(w *pagingWorld) string { return "/v1/showcase?q=antrean" }, roleAnonymous, 4},
}

// TestFollowingNextCursorVisitsEveryItemOnce walks every list of the API
// with small pages, by nextCursor and by Link rel="next": each walk ends,
// and meets every item of the list once, in the list's order.
func TestFollowingNextCursorVisitsEveryItemOnce(t *testing.T) {
	longSequential(t)
	t.Parallel()
	w := arrangePaging(t)
	for _, c := range pagedLists {
		t.Run(c.operation, func(t *testing.T) {
			path, token := c.path(w), w.tokenOf(c.role)
			var all listPage
			expect(t, w.get(withQuery(path, "limit", strconv.Itoa(domain.MaxPageSize)), token), http.StatusOK).decode(t, &all)
			if all.NextCursor != "" {
				t.Fatalf("the whole list does not fit one page of %d", domain.MaxPageSize)
			}
			want := itemKeys(t, all.Items)
			if len(want) < c.atLeast {
				t.Fatalf("the list has %d items, want at least %d to page through", len(want), c.atLeast)
			}
			for _, limit := range []int{1, 2} {
				for _, byLink := range []bool{false, true} {
					got := walkList(t, w, path, token, limit, byLink, len(want)/limit+2)
					if strings.Join(got, "\n") != strings.Join(want, "\n") {
						t.Errorf("limit %d, following %s: visited %d items %s, want the %d of the list once each in its order",
							limit, map[bool]string{false: "nextCursor", true: "Link"}[byLink], len(got), visitReport(got, want), len(want))
					}
				}
			}
		})
	}
}

// listPage is any page of a list, its items kept as they came.
type listPage struct {
	Items      []json.RawMessage `json:"items"`
	NextCursor string            `json:"nextCursor"`
}

var nextLink = regexp.MustCompile(`^<([^>]+)>; rel="next"$`)

// walkList pages through a list from its first page, following nextCursor
// (or the Link header), and returns the keys of the items it met. It stops
// after maxPages pages: a list that goes on longer leads back on itself.
func walkList(t *testing.T, w *pagingWorld, path, token string, limit int, byLink bool, maxPages int) []string {
	t.Helper()
	var keys []string
	next := withQuery(path, "limit", strconv.Itoa(limit))
	for pages := 1; ; pages++ {
		res := expect(t, w.get(next, token), http.StatusOK)
		var page listPage
		res.decode(t, &page)
		if len(page.Items) > limit {
			t.Errorf("a page of limit %d has %d items", limit, len(page.Items))
		}
		keys = append(keys, itemKeys(t, page.Items)...)
		link := res.header.Get("Link")
		if (link == "") != (page.NextCursor == "") {
			t.Errorf("nextCursor %q but Link %q: both or neither", page.NextCursor, link)
		}
		if page.NextCursor == "" {
			return keys
		}
		if pages == maxPages {
			t.Errorf("limit %d: the walk did not end after %d pages (the cursor leads back): %s", limit, pages, res.body)
			return keys
		}
		next = withQuery(path, "limit", strconv.Itoa(limit)) + "&cursor=" + url.QueryEscape(page.NextCursor)
		if byLink {
			m := nextLink.FindStringSubmatch(link)
			if m == nil {
				t.Fatalf("Link %q is not <…>; rel=\"next\"", link)
			}
			next = m[1]
		}
	}
}

// withQuery adds a parameter to a path that may have a query already.
func withQuery(path, name, value string) string {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + name + "=" + url.QueryEscape(value)
}

// itemKeys names each item: by its id, or by the whole item for lists
// whose items have none (reminders, escalations).
func itemKeys(t *testing.T, items []json.RawMessage) []string {
	t.Helper()
	keys := make([]string, len(items))
	for i, raw := range items {
		var item map[string]any
		if err := json.Unmarshal(raw, &item); err != nil {
			t.Fatal(err)
		}
		if id, ok := item["id"]; ok {
			b, _ := json.Marshal(id)
			keys[i] = string(b)
			continue
		}
		b, _ := json.Marshal(item) // map keys sorted: one spelling per item
		keys[i] = string(b)
	}
	return keys
}

// visitReport says which items a walk met more than once and which it
// missed.
func visitReport(got, want []string) string {
	seen := map[string]int{}
	for _, k := range got {
		seen[k]++
	}
	var twice, missed []string
	for _, k := range want {
		switch n := seen[k]; {
		case n == 0:
			missed = append(missed, k)
		case n > 1:
			twice = append(twice, k+" ×"+strconv.Itoa(n))
		}
	}
	return "(repeated: [" + strings.Join(twice, ", ") + "]; missed: [" + strings.Join(missed, ", ") + "])"
}

// pagingWorld is a world whose lists are longer than a page of two.
type pagingWorld struct {
	*world
	// visitor is the agency that studied and adopted every innovation on
	// the showcase.
	visitor domain.Agency
}

// arrangePaging gives each list of pagedLists more items than a page of
// two holds, with ties in the lists' first sort key where they can have
// them (milestones of one horizon, reminders due on one day, search hits
// of the same score).
func arrangePaging(t *testing.T) *pagingWorld {
	t.Helper()
	w := &pagingWorld{world: newWorld(t)}
	ctx := context.Background()
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// Cohorts and institutions: one more of each.
	inst, err := w.directory().CreateInstitution(ctx, w.admin, "Pusdiklat Kementerian Dalam Negeri", "KEMENDAGRI-"+uniq())
	must(inst, err)
	must(nil, w.directory().AddInstitutionOrganizer(ctx, w.admin, inst.ID, w.organizer.ID))
	w.newCohort(t, w.organizer, inst.ID)

	// Milestones of every horizon, three due soon on the same day
	// (reminders), evidence on the first (evidence, review queue,
	// escalations), and the timeline that all this writes.
	w.arrangeWorkflow(t)
	participant := w.actor(w.participant)
	soon := domain.DateOf(time.Now().AddDate(0, 0, 5))
	for _, plan := range []domain.MilestonePlan{
		{Horizon: "short", Title: "Sosialisasi ke kecamatan", DueOn: soon},
		{Horizon: "short", Title: "Uji coba layanan", DueOn: soon},
		{Horizon: "short", Title: "Evaluasi uji coba", DueOn: soon},
		{Horizon: "mid", Title: "Replikasi ke kabupaten", DueOn: domain.DateOf(time.Now().AddDate(1, 0, 0))},
		{Horizon: "long", Title: "Peraturan daerah", DueOn: domain.DateOf(time.Now().AddDate(2, 0, 0))},
	} {
		must(w.addMilestone(t, w.project(), plan))
	}
	for range 2 {
		w.linkEvidence(t, w.milestone.ID)
	}
	must(w.db.Exec(`UPDATE evidence SET submitted_at = submitted_at - interval '30 days' WHERE milestone_id = ?`, w.milestone.ID))

	// Coaching notes and mentor transfers (one waits at a time).
	coach := w.actor(w.coach)
	for i := range 3 {
		must(w.projects().AddCoachingNote(ctx, coach, w.project(), domain.DateOf(time.Now().AddDate(0, 0, -i)), "Pemetaan stakeholder", "Libatkan Diskominfo."))
	}
	for i := range 3 {
		transfer, err := w.cohorts().ProposeMentorTransfer(ctx, participant, w.enrollment.ID, domain.ProposedMentor{ID: w.otherMentor.ID}, "Mutasi jabatan")
		must(transfer, err)
		if i < 2 {
			must(w.cohorts().CancelMentorTransfer(ctx, participant, transfer.ID))
		}
	}

	// The showcase: four innovations of four agencies, two of them alike
	// word for word (the same score for a search), all studied and adopted
	// by a fifth agency.
	w.visitor = w.newAgency(t, "Dinas Kependudukan Kota Batam", "Kepulauan Riau")
	texts := []string{"Antrean daring lewat WhatsApp", "Antrean daring lewat WhatsApp", "Antrean daring dan jemput bola", "Layanan antrean terpadu"}
	for i, text := range texts {
		agency := w.newAgency(t, "Dinas Pelayanan "+strconv.Itoa(i), "Jawa Timur")
		_, pub := w.publishInnovation(t, innovation{title: "Antrean Daring " + strconv.Itoa(i), problem: "Antrean panjang sejak subuh",
			goal: "Waktu tunggu di bawah 30 menit", text: text, agency: &agency})
		for _, status := range []string{"studied", "adopted"} {
			must(w.showcase().RecordReplication(ctx, w.admin, pub.ID, domain.ReplicationDraft{AgencyID: w.visitor.ID, Status: status,
				On: domain.DateOf(time.Now().AddDate(0, 0, -i%2))}))
		}
	}
	return w
}
