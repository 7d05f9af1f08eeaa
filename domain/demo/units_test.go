package demo_test

import (
	"context"
	"testing"

	"github.com/proper-id/proper/domain"
)

func everyDemoPersonWorksInAUnitOfTheirAgencyInARegency(t *testing.T, d loadedDemo) {
	ctx, s, db := context.Background(), d.services, d.db
	for _, c := range []struct {
		name  string
		query string
		want  int
	}{
		{"participants and mentors without a unit", `SELECT count(*) FROM users u JOIN enrollments e ON u.id IN (e.participant_id, e.mentor_id) WHERE u.unit_id IS NULL`, 0},
		{"staff without a unit", `SELECT count(*) FROM users u JOIN cohort_staff s ON s.user_id = u.id WHERE u.unit_id IS NULL`, 0},
		{"agencies without units", `SELECT count(*) FROM agencies a WHERE NOT EXISTS (SELECT 1 FROM agency_units un WHERE un.agency_id = a.id)`, 0},
		{"regional governments without a kabupaten/kota", `SELECT count(*) FROM agencies WHERE (name LIKE 'Pemerintah Kota %' OR name LIKE 'Pemerintah Kabupaten %') AND regency = ''`, 0},
		{"publications without a unit or regency", `SELECT count(*) FROM publications WHERE unit_name = '' OR regency = ''`, 0},
		{"studi tiru without the visiting unit", `SELECT count(*) FROM replications WHERE unit_id IS NULL`, 0},
	} {
		if n := count(t, db, c.query); n != c.want {
			t.Errorf("%s: %d, want %d", c.name, n, c.want)
		}
	}
	for _, unit := range []struct{ agency, unit, regency string }{
		{"Pemerintah Kota Batam", "Dinas Kependudukan dan Pencatatan Sipil", "Kota Batam"},
		{"Pemerintah Kota Batam", "Dinas Komunikasi dan Informatika", "Kota Batam"},
		{"Pemerintah Kota Semarang", "Inspektorat Daerah", "Kota Semarang"},
		{"Pemerintah Kabupaten Klaten", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Kabupaten Klaten"},
		{"Pemerintah Kabupaten Soppeng", "Sekretariat Daerah", "Kabupaten Soppeng"},
		{"Pemerintah Kabupaten Batanghari", "Bagian Organisasi", "Kabupaten Batanghari"},
	} {
		if n := count(t, db, `SELECT count(*) FROM agency_units un JOIN agencies a ON a.id = un.agency_id WHERE a.name = ? AND un.name = ? AND a.regency = ?`,
			unit.agency, unit.unit, unit.regency); n != 1 {
			t.Errorf("%s has no %s in %s", unit.agency, unit.unit, unit.regency)
		}
	}
	hits, err := s.Showcase.Search(ctx, "127.0.0.1", domain.ShowcaseQuery{Regency: "Kota Batam"}, domain.PageRequest{})
	if err != nil || len(hits.Items) == 0 {
		t.Fatalf("the showcase of Kota Batam: %+v, %v", hits.Items, err)
	}
	for _, h := range hits.Items {
		if h.Regency != "Kota Batam" || h.UnitName == "" {
			t.Errorf("a hit of Kota Batam: %+v", h)
		}
	}
}
