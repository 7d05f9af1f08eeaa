package persistence_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
)

// TestMigrationTurnsPhasesIntoTheAgendaThatKeepsThem migrates a cohort of
// the four phases across 0012: its phases become agenda items, and from
// then on cohorts.phases follows the agenda as domain.Agenda.Phases does.
func TestMigrationTurnsPhasesIntoTheAgendaThatKeepsThem(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.DB(t)
	migrator := persistence.NewMigrator(db)
	for {
		undone, err := migrator.Down(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if undone == nil || undone.Version <= 12 {
			break
		}
	}
	institution, cohort := domain.NewID(), domain.NewID()
	phases := `[{"kind":"design","startsOn":"2026-03-02","endsOn":"2026-03-31"},{"kind":"design_seminar","startsOn":"2026-04-06","endsOn":"2026-04-08"},
		{"kind":"implementation","startsOn":"2026-04-13","endsOn":"2026-06-12"},{"kind":"final_seminar","startsOn":"2026-06-22","endsOn":"2026-06-25"}]`
	if _, err := db.ExecContext(ctx, `INSERT INTO institutions (id, name, code, created_at) VALUES (?, 'BPSDM Jawa Timur', 'JATIM', now())`, institution); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO cohorts (id, institution_id, program, code, name, starts_on, ends_on, phases, version, created_at, updated_at)
		VALUES (?, ?, 'pkn2', 'PKN2-I', 'PKN II Angkatan I', '2026-03-02', '2026-07-31', ?, 1, now(), now())`, cohort, institution, phases); err != nil {
		t.Fatal(err)
	}
	if _, err := migrator.Up(ctx); err != nil {
		t.Fatal(err)
	}

	store := persistence.NewStore(db)
	items, err := store.Agenda().OfCohorts(ctx, cohort)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, it := range items {
		kinds = append(kinds, string(it.Kind)+" "+it.StartsOn.String()+" "+it.Title)
	}
	want := []string{"taking_ownership 2026-03-02 Taking ownership", "seminar_rancangan 2026-04-06 Seminar rancangan",
		"laboratorium 2026-04-13 Laboratorium kepemimpinan", "seminar_laporan 2026-06-22 Seminar laporan"}
	if len(kinds) != len(want) {
		t.Fatalf("the migrated agenda is %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Errorf("item %d is %q, want %q", i, kinds[i], want[i])
		}
	}

	// A second laboratorium stretch extends the implementation phase.
	second := domain.AgendaItem{ID: domain.NewID(), CohortID: cohort, Kind: domain.AgendaLaboratory, Title: "Laboratorium II",
		StartsOn: domain.NewDate(2026, 6, 15), EndsOn: domain.NewDate(2026, 6, 19), Version: 1}
	if err := store.Agenda().Create(ctx, second); err != nil {
		t.Fatal(err)
	}
	c, err := store.Cohorts().Get(ctx, cohort)
	if err != nil {
		t.Fatal(err)
	}
	derived := domain.Agenda(append(items, second)).Phases()
	got, _ := json.Marshal(c.Phases)
	wantPhases, _ := json.Marshal(derived)
	if string(got) != string(wantPhases) || c.Phases[2].EndsOn != domain.NewDate(2026, 6, 19) {
		t.Errorf("cohorts.phases is %s, the agenda gives %s", got, wantPhases)
	}
	// Deleting the seminar rancangan takes its phase away.
	if err := store.Agenda().Delete(ctx, items[1].ID); err != nil {
		t.Fatal(err)
	}
	if c, _ = store.Cohorts().Get(ctx, cohort); len(c.Phases) != 3 || c.Phases[1].Kind != domain.PhaseImplementation {
		t.Errorf("after the seminar's item was deleted the phases are %+v", c.Phases)
	}
}
