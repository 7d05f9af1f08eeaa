package api_test

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// readyReport arranges what submit-final asks of a project in
// implementation, through the domain as the people concerned would: its
// final seminar session (see sessionFor), a report version, the pernyataan
// keaslian, the summary declaring every open short-term milestone not
// achieved, and the persetujuan of the mentor and the coach.
func (w *world) readyReport(t testing.TB, project uuid.UUID) domain.Report {
	t.Helper()
	ctx := context.Background()
	p := w.currentProject(t, project)
	participant := w.as(p.Parties.ParticipantID)
	w.sessionFor(t, project, domain.SeminarFinal)
	r, err := w.projects().GetReport(ctx, participant, project)
	if err != nil {
		t.Fatal(err)
	}
	if r.Current(domain.ReportFileReport) == nil {
		r = w.uploadReport(t, participant, project)
	}
	if r.Statement == nil {
		if r, err = w.projects().SignReportStatement(ctx, participant, project, ""); err != nil {
			t.Fatalf("signing the pernyataan: %v", err)
		}
	}
	if len(r.Endorsed(domain.ReportApproval)) == 0 {
		milestones, err := w.store.Milestones().OfProject(ctx, project)
		if err != nil {
			t.Fatal(err)
		}
		var open []uuid.UUID
		for _, m := range milestones {
			if m.Horizon == domain.HorizonShort && !slices.Contains([]domain.MilestoneStatus{domain.MilestoneAchieved,
				domain.MilestoneNotAchieved, domain.MilestoneContinued}, m.Status) && !m.ContinueToMid {
				open = append(open, m.ID)
			}
		}
		if _, err := w.projects().UpdateReportSummary(ctx, participant, project, nil, open); err != nil {
			t.Fatalf("declaring the open short-term milestones not achieved: %v", err)
		}
	}
	for _, reviewer := range reviewers(p) {
		r, err = w.projects().EndorseReport(ctx, w.as(reviewer), project, domain.ReportApproval, "Kepala Dinas")
		if err != nil && domain.KindOf(err) != domain.KindConflict { // a conflict: endorsed already
			t.Fatalf("endorsing the persetujuan: %v", err)
		}
	}
	return r
}

// uploadReport has the participant upload the next version of the report.
func (w *world) uploadReport(t testing.TB, participant *domain.Actor, project uuid.UUID) domain.Report {
	t.Helper()
	ctx := context.Background()
	f, err := w.projects().StoreReportFile(ctx, participant, project, domain.ReportFileReport, "Laporan.pdf", bytes.NewReader(pdf))
	if err != nil {
		t.Fatalf("storing the report: %v", err)
	}
	r, err := w.projects().AddReportFile(ctx, participant, project, domain.ReportFileReport, f)
	if err != nil {
		t.Fatalf("adding the report: %v", err)
	}
	return r
}
