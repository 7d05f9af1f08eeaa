package domain

import (
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"
)

func TestPredicatesFollowTheThresholds(t *testing.T) {
	for _, c := range []struct {
		total float64
		want  Predicate
	}{
		{100, PredicateSangatMemuaskan}, {90.01, PredicateSangatMemuaskan}, {90, PredicateMemuaskan}, {80.01, PredicateMemuaskan},
		{80, PredicateCukupMemuaskan}, {70.01, PredicateCukupMemuaskan}, {70, PredicateKurangMemuaskan}, {0, PredicateKurangMemuaskan},
	} {
		for _, tpl := range LANTemplates() {
			if got := PredicateOf(tpl.Thresholds, c.total); got != c.want {
				t.Errorf("%s %.2f: %s, want %s", tpl.Program, c.total, got, c.want)
			}
		}
	}
}

func TestEveryDefaultRubricIsValid(t *testing.T) {
	for _, program := range Programs {
		for _, r := range DefaultRubrics(uuid.New(), program) {
			if err := r.validate(); err != nil {
				t.Errorf("%s %s: %v", program, r.Seminar, err)
			}
		}
	}
}

func testRubric() Rubric {
	return Rubric{Seminar: SeminarDesign, Criteria: []Criterion{{"a", "A", 25}, {"b", "B", 25}, {"c", "C", 50}}}
}

func TestTheTotalIsWeightedToTwoDecimals(t *testing.T) {
	total, predicate, err := testRubric().score(LANThresholds(), []Score{{"a", 90.5}, {"b", 80}, {"c", 70.1}})
	// 90.5×0.25 + 80×0.25 + 70.1×0.5 = 22.625 + 20 + 35.05 = 77.675 → 77.68
	if err != nil || total != 77.68 || predicate != PredicateCukupMemuaskan {
		t.Fatalf("total %v %s %v, want 77.68 cukup_memuaskan", total, predicate, err)
	}
	total, predicate, _ = testRubric().score(LANThresholds(), []Score{{"a", 90}, {"b", 90}, {"c", 90.1}})
	if total != 90.05 || predicate != PredicateSangatMemuaskan {
		t.Fatalf("total %v %s, want 90.05 sangat_memuaskan", total, predicate)
	}
}

func TestScoresMustCoverTheRubricExactlyOnce(t *testing.T) {
	cases := map[string]struct {
		scores []Score
		field  string
	}{
		"missing criterion":  {[]Score{{"a", 80}, {"b", 80}}, "scores"},
		"unknown criterion":  {[]Score{{"a", 80}, {"b", 80}, {"c", 80}, {"d", 80}}, "scores[3].criterion"},
		"repeated criterion": {[]Score{{"a", 80}, {"b", 80}, {"c", 80}, {"a", 70}}, "scores[3].criterion"},
		"over 100":           {[]Score{{"a", 100.5}, {"b", 80}, {"c", 80}}, "scores[0].score"},
		"below 0":            {[]Score{{"a", -1}, {"b", 80}, {"c", 80}}, "scores[0].score"},
		"two decimals":       {[]Score{{"a", 80.25}, {"b", 80}, {"c", 80}}, "scores[0].score"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, _, err := testRubric().score(LANThresholds(), c.scores)
			var de *Error
			if !errors.As(err, &de) || de.Kind != KindInvalid || de.Fields[0].Field != c.field {
				t.Fatalf("got %v, want an invalid %s", err, c.field)
			}
		})
	}
}

func TestRubricWeightsMustSumTo100(t *testing.T) {
	r := Rubric{Seminar: SeminarFinal, Criteria: []Criterion{{"a", "A", 60}, {"b", "B", 30}}}
	if err := r.validate(); KindOf(err) != KindInvalid {
		t.Fatalf("weights summing to 90: %v", err)
	}
}

func TestTheSeminarResultIsTheMeanOfEachExaminersLatestTotal(t *testing.T) {
	first, second := uuid.New(), uuid.New()
	at := time.Date(2026, 9, 10, 9, 0, 0, 0, time.UTC)
	results := Results(LANThresholds(), []Assessment{
		{Seminar: SeminarFinal, ExaminerID: first, Total: 70, At: at},
		{Seminar: SeminarFinal, ExaminerID: first, Total: 91, At: at.Add(time.Hour)}, // replaces 70
		{Seminar: SeminarFinal, ExaminerID: second, Total: 88.5, At: at},
	})
	if len(results) != 1 || results[0].Score != 89.75 || results[0].Predicate != PredicateMemuaskan || results[0].Examiners != 2 {
		t.Fatalf("%+v, want final 89.75 memuaskan by 2 examiners", results)
	}
}

func TestPredicatesFollowTheCohortsOwnThresholds(t *testing.T) {
	strict := []Threshold{{95, PredicateSangatMemuaskan}, {85, PredicateMemuaskan}, {75, PredicateCukupMemuaskan}}
	if got := PredicateOf(strict, 92); got != PredicateMemuaskan {
		t.Errorf("92 under stricter thresholds: %s, want memuaskan", got)
	}
	if got := PredicateOf(LANThresholds(), 92); got != PredicateSangatMemuaskan {
		t.Errorf("92 under LAN's thresholds: %s, want sangat_memuaskan", got)
	}
	total, predicate, _ := testRubric().score(strict, []Score{{"a", 90}, {"b", 90}, {"c", 90}})
	if total != 90 || predicate != PredicateMemuaskan {
		t.Errorf("scored %v %s under stricter thresholds, want 90 memuaskan", total, predicate)
	}
}
