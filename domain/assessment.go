package domain

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// Seminar is one of the two seminars where examiners assess a project.
type Seminar string

// The seminars of a leadership training.
const (
	SeminarDesign Seminar = "design" // seminar rancangan proyek perubahan
	SeminarFinal  Seminar = "final"  // seminar laporan akhir
)

// ParseSeminar returns the seminar named s, or an Invalid error naming field.
func ParseSeminar(field, s string) (Seminar, error) {
	switch v := Seminar(s); v {
	case SeminarDesign, SeminarFinal:
		return v, nil
	}
	return "", Invalid(field, CodeSeminar)
}

// Criterion is one part of a rubric with its weight in percent.
type Criterion struct {
	Key    string
	Name   string
	Weight int
}

// Rubric is how a cohort's examiners score one seminar: criteria whose
// weights sum to 100.
type Rubric struct {
	CohortID uuid.UUID
	Seminar  Seminar
	Criteria []Criterion
}

var criterionKey = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// validate checks the criteria: at least one, keys unique and simple,
// names present, weights positive and summing to 100.
func (r Rubric) validate() error {
	var v Violations
	if len(r.Criteria) == 0 || len(r.Criteria) > 20 {
		v.Add("criteria", CodeRubricCriteriaCount)
	}
	sum := 0
	var keys []string
	for i, c := range r.Criteria {
		field := fmt.Sprintf("criteria[%d]", i)
		switch {
		case !criterionKey.MatchString(c.Key):
			v.Add(field+".key", CodeRubricKey)
		case slices.Contains(keys, c.Key):
			v.Add(field+".key", CodeRubricKeyTwice)
		}
		keys = append(keys, c.Key)
		text(&v, field+".name", c.Name, true)
		if c.Weight <= 0 || c.Weight > 100 {
			v.Add(field+".weight", CodeRubricWeight)
		}
		sum += c.Weight
	}
	if len(r.Criteria) > 0 && sum != 100 {
		v.Add("criteria", CodeRubricWeightsSum, Params{"sum": sum})
	}
	return v.Err()
}

// Predicate is the qualification (kualifikasi) a seminar score earns.
type Predicate string

// The predicates of LAN leadership trainings, best first.
const (
	PredicateSangatMemuaskan Predicate = "sangat_memuaskan"
	PredicateMemuaskan       Predicate = "memuaskan"
	PredicateCukupMemuaskan  Predicate = "cukup_memuaskan"
	PredicateKurangMemuaskan Predicate = "kurang_memuaskan"
)

// DefaultRubrics returns the rubrics of LAN's template of the program: what
// a cohort created before templates existed falls back to.
func DefaultRubrics(cohort uuid.UUID, program Program) []Rubric {
	return RubricsOf(cohort, LANTemplate(program).Rubrics)
}

// RubricsOf returns a template's rubrics as a cohort's, design seminar first.
func RubricsOf(cohort uuid.UUID, rubrics map[Seminar][]Criterion) []Rubric {
	var out []Rubric
	for _, seminar := range []Seminar{SeminarDesign, SeminarFinal} {
		out = append(out, Rubric{CohortID: cohort, Seminar: seminar, Criteria: slices.Clone(rubrics[seminar])})
	}
	return out
}

// PredicateOf returns the predicate a total earns under a cohort's
// thresholds (best first).
func PredicateOf(thresholds []Threshold, total float64) Predicate {
	for _, t := range thresholds {
		if total > t.Above {
			return t.Predicate
		}
	}
	return PredicateKurangMemuaskan
}

// Score is an examiner's score for one criterion, 0–100 to one decimal.
type Score struct {
	Criterion string
	Score     float64
}

// Assessment is an examiner's scores of one seminar of a project. An
// examiner may assess again; the latest counts and earlier ones stay.
type Assessment struct {
	ID         uuid.UUID
	ProjectID  uuid.UUID
	CohortID   uuid.UUID
	Seminar    Seminar
	ExaminerID uuid.UUID
	// ExaminerName is filled when assessments are read.
	ExaminerName string
	Scores       []Score
	Comment      string
	// Total is the weighted score, to two decimals.
	Total     float64
	Predicate Predicate
	At        time.Time
	// SessionID is the seminar session it was recorded in (nil for scores
	// recorded before sessions existed).
	SessionID *uuid.UUID
	// Replaces is the examiner's previous score of the seminar that this
	// one revises: each revision is kept, and the latest counts.
	Replaces *uuid.UUID
	// Reason is the examiner's written reason for a revision, when given.
	Reason string
}

// score checks scores against the rubric (every criterion exactly once,
// 0–100 to one decimal) and computes the weighted total and predicate.
func (r Rubric) score(thresholds []Threshold, scores []Score) (float64, Predicate, error) {
	var v Violations
	seen := map[string]bool{}
	weights := map[string]int{}
	for _, c := range r.Criteria {
		weights[c.Key] = c.Weight
	}
	// The total in hundredths, from scores in tenths and weights in percent:
	// exact integer arithmetic, rounded once at the end.
	var weighted int64
	for i, s := range scores {
		field := fmt.Sprintf("scores[%d]", i)
		weight, known := weights[s.Criterion]
		switch {
		case !known:
			v.Add(field+".criterion", CodeAssessmentUnknownCriterion, Params{"criterion": strconv.Quote(s.Criterion), "seminar": r.Seminar})
			continue
		case seen[s.Criterion]:
			v.Add(field+".criterion", CodeAssessmentScoredTwice, Params{"criterion": strconv.Quote(s.Criterion)})
			continue
		}
		seen[s.Criterion] = true
		tenths := math.Round(s.Score * 10)
		if s.Score < 0 || s.Score > 100 || math.Abs(tenths-s.Score*10) > 1e-6 {
			v.Add(field+".score", CodeAssessmentScore)
			continue
		}
		weighted += int64(tenths) * int64(weight)
	}
	for _, c := range r.Criteria {
		if !seen[c.Key] {
			v.Add("scores", CodeAssessmentMissingScore, Params{"criterion": strconv.Quote(c.Key), "name": c.Name})
		}
	}
	if err := v.Err(); err != nil {
		return 0, "", err
	}
	total := float64((weighted+5)/10) / 100 // tenths × percent = thousandths of a point
	return total, PredicateOf(thresholds, total), nil
}

// SeminarResult is a project's result in one seminar: the mean of its
// examiners' latest totals, with the predicate it earns.
type SeminarResult struct {
	Seminar   Seminar
	Score     float64
	Predicate Predicate
	Examiners int
	// Determined is true for a result determined from frozen scores (see
	// DeterminedResult); false for a provisional mean the staff read
	// while the scores may still change.
	Determined bool
}

// Results computes a project's seminar results from its assessments (any
// order) under the cohort's thresholds: each examiner's latest counts.
func Results(thresholds []Threshold, assessments []Assessment) []SeminarResult {
	latest := map[Seminar]map[uuid.UUID]Assessment{}
	for _, a := range assessments {
		if latest[a.Seminar] == nil {
			latest[a.Seminar] = map[uuid.UUID]Assessment{}
		}
		if prev, ok := latest[a.Seminar][a.ExaminerID]; !ok || a.At.After(prev.At) {
			latest[a.Seminar][a.ExaminerID] = a
		}
	}
	var out []SeminarResult
	for _, seminar := range []Seminar{SeminarDesign, SeminarFinal} {
		byExaminer := latest[seminar]
		if len(byExaminer) == 0 {
			continue
		}
		sum := 0.0
		for _, a := range byExaminer {
			sum += a.Total
		}
		mean := math.Round(sum/float64(len(byExaminer))*100) / 100
		out = append(out, SeminarResult{Seminar: seminar, Score: mean, Predicate: PredicateOf(thresholds, mean), Examiners: len(byExaminer)})
	}
	return out
}
