package domain

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// publishFixture is a project with approved, submitted and foreign
// evidence, its cohort and agency.
type publishFixture struct {
	project                      Project
	cohort                       Cohort
	agency                       *Agency
	approved, submitted, foreign Evidence
	evidence                     map[uuid.UUID]Evidence
}

func newPublishFixture(status ProjectStatus) publishFixture {
	f := publishFixture{project: testProject(status, true),
		cohort: Cohort{Program: ProgramPKA, StartsOn: NewDate(2025, 2, 3)},
		agency: &Agency{ID: uuid.New(), Name: "Pemkab Bintan", Region: "Kepulauan Riau"}}
	f.project.InnovationAreas = []string{"digitalisasi"}
	f.approved = Evidence{ID: uuid.New(), ProjectID: f.project.ID, Status: EvidenceApproved}
	f.submitted = Evidence{ID: uuid.New(), ProjectID: f.project.ID, Status: EvidenceSubmitted}
	f.foreign = Evidence{ID: uuid.New(), ProjectID: uuid.New(), Status: EvidenceApproved}
	f.evidence = map[uuid.UUID]Evidence{}
	for _, e := range []Evidence{f.approved, f.submitted, f.foreign} {
		f.evidence[e.ID] = e
	}
	return f
}

func TestPublishingNeedsAnApprovedDesign(t *testing.T) {
	for _, status := range allProjectStatuses {
		t.Run(string(status), func(t *testing.T) {
			f := newPublishFixture(status)
			var p Publication
			err := p.publish(PublicationDraft{Innovation: "Antrean daring"}, f.project, f.cohort, f.agency, f.evidence, uuid.New(), testNow)
			if status == ProjectDraft || status == ProjectDesignSubmitted {
				wantOutcome(t, err, KindConflict, "")
				if p.ID != uuid.Nil {
					t.Fatal("a refused publication got an id")
				}
				return
			}
			wantOutcome(t, err, 0, "")
		})
	}
}

func TestPublishChecksTheDraft(t *testing.T) {
	f := newPublishFixture(ProjectImplementing)
	tooMany := make([]uuid.UUID, MaxPublicEvidence+1)
	for i := range tooMany {
		tooMany[i] = f.approved.ID
	}
	for _, tc := range []struct {
		name  string
		draft PublicationDraft
		field string
	}{
		{"no innovation", PublicationDraft{Innovation: "  "}, "innovation"},
		{"innovation too long", PublicationDraft{Innovation: strings.Repeat("x", MaxProjectText+1)}, "innovation"},
		{"unknown evidence", PublicationDraft{Innovation: "x", PublicEvidence: []uuid.UUID{uuid.New()}}, "publicEvidence[0]"},
		{"another project's evidence", PublicationDraft{Innovation: "x", PublicEvidence: []uuid.UUID{f.approved.ID, f.foreign.ID}}, "publicEvidence[1]"},
		{"evidence not approved", PublicationDraft{Innovation: "x", PublicEvidence: []uuid.UUID{f.submitted.ID}}, "publicEvidence[0]"},
		{"too much evidence", PublicationDraft{Innovation: "x", PublicEvidence: tooMany}, "publicEvidence"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p Publication
			wantOutcome(t, p.publish(tc.draft, f.project, f.cohort, f.agency, f.evidence, uuid.New(), testNow), KindInvalid, tc.field)
			if !p.Public() || p.ID != uuid.Nil || p.Version != 0 {
				t.Fatalf("a refused publication changed: %+v", p)
			}
		})
	}
}

// TestPublicationTransitions follows a publication from new to public, to
// withdrawn and back: a withdrawn publication keeps its id.
func TestPublicationTransitions(t *testing.T) {
	f := newPublishFixture(ProjectCompleted)
	participant, organizer := f.project.Parties.ParticipantID, uuid.New()
	draft := PublicationDraft{Innovation: " Antrean daring ", PublicEvidence: []uuid.UUID{f.approved.ID, f.approved.ID}}
	var p Publication
	at := func(day int) time.Time { return testNow.AddDate(0, 0, day) }

	// new → public
	wantOutcome(t, p.publish(draft, f.project, f.cohort, f.agency, f.evidence, participant, at(0)), 0, "")
	id := p.ID
	if id == uuid.Nil || !p.Public() || p.Version != 1 || !p.PublishedAt.Equal(at(0)) || p.PublishedBy != participant ||
		p.Innovation != "Antrean daring" || len(p.PublicEvidence) != 1 || p.Year != 2025 || p.AgencyName != "Pemkab Bintan" ||
		p.Title != f.project.Title || p.ProjectID != f.project.ID {
		t.Fatalf("after publishing: %+v", p)
	}
	// public → public: an update keeps the first publication date.
	wantOutcome(t, p.publish(PublicationDraft{Innovation: "Versi 2"}, f.project, f.cohort, nil, f.evidence, participant, at(1)), 0, "")
	if p.ID != id || !p.PublishedAt.Equal(at(0)) || p.Version != 2 || p.Innovation != "Versi 2" || p.AgencyID != nil || len(p.PublicEvidence) != 0 {
		t.Fatalf("after republishing: %+v", p)
	}
	// public → withdrawn
	wantOutcome(t, p.withdraw(organizer, at(2)), 0, "")
	if p.Public() || *p.WithdrawnBy != organizer || !p.WithdrawnAt.Equal(at(2)) || p.Version != 3 {
		t.Fatalf("after withdrawing: %+v", p)
	}
	// withdrawn → withdrawn is refused as missing.
	wantOutcome(t, p.withdraw(organizer, at(3)), KindNotFound, "")
	if p.Version != 3 || !p.WithdrawnAt.Equal(at(2)) {
		t.Fatalf("a refused withdrawal changed the publication: %+v", p)
	}
	// withdrawn → public again, same id, published anew.
	wantOutcome(t, p.publish(draft, f.project, f.cohort, f.agency, f.evidence, participant, at(4)), 0, "")
	if p.ID != id || !p.Public() || p.WithdrawnBy != nil || !p.PublishedAt.Equal(at(4)) || p.Version != 4 {
		t.Fatalf("after publishing again: %+v", p)
	}
}

func TestAPublicationIsPublicUntilWithdrawn(t *testing.T) {
	for name, tc := range map[string]struct {
		p    Publication
		want bool
	}{
		"never withdrawn": {Publication{}, true},
		"withdrawn":       {Publication{WithdrawnAt: ptr(testNow)}, false},
	} {
		if got := tc.p.Public(); got != tc.want {
			t.Errorf("%s: Public() = %v, want %v", name, got, tc.want)
		}
	}
}
