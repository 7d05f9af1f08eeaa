package demo_test

import (
	"context"
	"strings"
	"testing"
)

// theDemoCohortTeachesItsGroupsInTwoClasses: the PKN II demo cohort has
// Kelas A (Kelompok 1 and 2) and Kelas B (Kelompok 3), every participant is
// in the class of their group, and each class's coaches are its groups'.
func theDemoCohortTeachesItsGroupsInTwoClasses(t *testing.T, d loadedDemo) {
	db := d.db
	rows, err := db.QueryContext(context.Background(), `
		SELECT c.name, string_agg(DISTINCT e.group_name, ',' ORDER BY e.group_name), count(e.id),
		       (SELECT count(*) FROM class_coaches cc WHERE cc.class_id = c.id)
		FROM classes c JOIN enrollments e ON e.class_id = c.id GROUP BY c.id, c.name ORDER BY c.name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var name, groups string
		var participants, coaches int
		if err := rows.Scan(&name, &groups, &participants, &coaches); err != nil {
			t.Fatal(err)
		}
		got = append(got, name+": "+groups)
		groupCount := len(strings.Split(groups, ","))
		if participants != 10*groupCount || coaches != groupCount {
			t.Errorf("%s has %d participants and %d coaches", name, participants, coaches)
		}
	}
	if len(got) != 2 || got[0] != "Kelas A: Kelompok 1,Kelompok 2" || got[1] != "Kelas B: Kelompok 3" {
		t.Errorf("the demo's classes are %q", got)
	}
	if n := count(t, db, `SELECT count(*) FROM enrollments WHERE class_id IS NULL AND cohort_id IN (SELECT cohort_id FROM classes)`); n != 0 {
		t.Errorf("%d demo participants are in no class", n)
	}
}
