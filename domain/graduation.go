package domain

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// GraduationAcademicKey is the key of the graduation component that is not
// entered: its score is the participant's determined final-seminar result
// (evaluasi akademik, which includes the change project).
const GraduationAcademicKey = "akademik"

// DefaultCertificateNumberFormat is the certificate number format of a
// cohort that sets none: program, year of release, and a four-digit
// sequence, e.g. PKN-II/2026/0001.
const DefaultCertificateNumberFormat = "{program}/{year}/{seq:04}"

// GraduationOutcome is a participant's graduation result.
type GraduationOutcome string

// The outcomes of graduation.
const (
	// GraduationPending: a component has no score yet, so the participant
	// is not graduated yet (nor failed).
	GraduationPending GraduationOutcome = "pending"
	// GraduationPassed is lulus.
	GraduationPassed GraduationOutcome = "lulus"
	// GraduationFailed is tidak lulus: a component below its minimum, or a
	// total that earns Kurang Memuaskan.
	GraduationFailed GraduationOutcome = "tidak_lulus"
)

// GraduationInput is what a participant's graduation is computed from: the
// scores of the components entered by organizers, and the determined
// final-seminar result (nil until determined).
type GraduationInput struct {
	EnrollmentID  uuid.UUID
	ProjectID     uuid.UUID
	ParticipantID uuid.UUID
	Name          string
	NIP           NIP
	// Entered are the scores organizers entered, by component key.
	Entered map[string]float64
	// Academic is the determined final-seminar result's score, nil before
	// determination.
	Academic *float64
}

// GraduationStanding is a participant's graduation result in their cohort:
// each component's score, the weighted total, lulus or tidak lulus with
// the kualifikasi, and the rank in the cohort.
type GraduationStanding struct {
	EnrollmentID  uuid.UUID
	ProjectID     uuid.UUID
	ParticipantID uuid.UUID
	Name          string
	NIP           NIP
	// Scores are the components' scores by key; a missing key has none yet.
	Scores map[string]float64
	// Missing are the components without a score, in the cohort's order.
	Missing []string
	// BelowMinimum are the components scored below their minimum.
	BelowMinimum []string
	// Total is the weighted total to two decimals, 0 while pending.
	Total   float64
	Outcome GraduationOutcome
	// Predicate is the kualifikasi of the total under the cohort's
	// thresholds; empty while pending.
	Predicate Predicate
	// Rank is the place in the cohort by total (equal totals share a
	// place), 0 while pending.
	Rank int
	// Best marks the peserta terbaik: a graduate ranked first, when the
	// cohort names one.
	Best bool
	// Certificate is the graduate's, once the graduation is released.
	Certificate *Certificate
}

// GraduationSettings are a cohort's choices about graduation and its
// certificates, set by its organizers until graduation is determined.
type GraduationSettings struct {
	// NamesBest names the peserta terbaik (the best-ranked graduates).
	NamesBest bool
	// NumberFormat is the certificate number format: {program}, {year},
	// {cohort} (the cohort's code) and {seq} or {seq:0N} (the sequence of
	// its series, N digits).
	NumberFormat string
	// SignatoryName and SignatoryPosition sign the certificates.
	SignatoryName     string
	SignatoryPosition string
}

// Graduation is a cohort's graduation: the rules (the cohort's components
// and thresholds), the settings, each participant's standing, and whether
// it is determined (frozen) and released (read by participants).
type Graduation struct {
	CohortID   uuid.UUID
	Components []GraduationComponent
	Thresholds []Threshold
	Settings   GraduationSettings
	// Standings are computed from the scores as they are until
	// determination, and the frozen results after it, by rank then name.
	Standings    []GraduationStanding
	DeterminedAt *time.Time
	DeterminedBy *uuid.UUID
	ReleasedAt   *time.Time
	ReleasedBy   *uuid.UUID
	Version      int64
	// Offer is what the caller may do to it now.
	Offer Offer `json:"-"`
}

// GraduationStandings computes every participant's standing under the
// cohort's components and thresholds, ranked (see GraduationStanding), and
// names the peserta terbaik when namesBest is set.
func GraduationStandings(components []GraduationComponent, thresholds []Threshold, namesBest bool, inputs []GraduationInput) []GraduationStanding {
	out := make([]GraduationStanding, len(inputs))
	for i, in := range inputs {
		out[i] = graduationStanding(components, thresholds, in)
	}
	slices.SortStableFunc(out, func(a, b GraduationStanding) int {
		if ap, bp := a.Outcome == GraduationPending, b.Outcome == GraduationPending; ap != bp {
			if ap {
				return 1
			}
			return -1
		}
		if c := cmp.Compare(b.Total, a.Total); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	for i := range out {
		switch {
		case out[i].Outcome == GraduationPending:
			continue
		case i > 0 && out[i-1].Outcome != GraduationPending && out[i-1].Total == out[i].Total:
			out[i].Rank = out[i-1].Rank
		default:
			out[i].Rank = i + 1
		}
	}
	if namesBest {
		best := 0
		for _, s := range out {
			if s.Outcome == GraduationPassed && (best == 0 || s.Rank < best) {
				best = s.Rank
			}
		}
		for i := range out {
			out[i].Best = best > 0 && out[i].Outcome == GraduationPassed && out[i].Rank == best
		}
	}
	return out
}

// graduationStanding computes one participant's standing, unranked.
func graduationStanding(components []GraduationComponent, thresholds []Threshold, in GraduationInput) GraduationStanding {
	s := GraduationStanding{EnrollmentID: in.EnrollmentID, ProjectID: in.ProjectID, ParticipantID: in.ParticipantID,
		Name: in.Name, NIP: in.NIP, Scores: map[string]float64{}, Missing: []string{}, BelowMinimum: []string{}}
	sum := 0.0
	for _, c := range components {
		score, ok := in.Entered[c.Key]
		if c.Key == GraduationAcademicKey {
			score, ok = 0, in.Academic != nil
			if ok {
				score = *in.Academic
			}
		}
		if !ok {
			s.Missing = append(s.Missing, c.Key)
			continue
		}
		s.Scores[c.Key] = score
		if score < c.Minimum {
			s.BelowMinimum = append(s.BelowMinimum, c.Key)
		}
		sum += score * float64(c.Weight)
	}
	if len(components) == 0 || len(s.Missing) > 0 {
		s.Outcome = GraduationPending
		return s
	}
	s.Total = math.Round(sum) / 100
	s.Predicate = PredicateOf(thresholds, s.Total)
	s.Outcome = GraduationPassed
	if len(s.BelowMinimum) > 0 || s.Predicate == PredicateKurangMemuaskan {
		s.Outcome = GraduationFailed
	}
	return s
}

// checkOpen refuses a change of a determined graduation.
func (g Graduation) checkOpen() error {
	if g.DeterminedAt != nil {
		return Conflict(CodeGraduationDetermined)
	}
	return nil
}

// checkDeterminable refuses determination of a graduation determined
// already, without components, or with a participant who lacks a score.
func (g Graduation) checkDeterminable() error {
	if err := g.checkOpen(); err != nil {
		return err
	}
	if len(g.Components) == 0 {
		return Conflict(CodeGraduationNoComponents)
	}
	for _, s := range g.Standings {
		if len(s.Missing) > 0 {
			return Conflict(CodeGraduationScoresMissing, Params{"name": s.Name, "component": g.componentName(s.Missing[0])})
		}
	}
	if len(g.Standings) == 0 {
		return Conflict(CodeGraduationNoParticipants)
	}
	return nil
}

// checkReleasable refuses release before determination, and a second one.
func (g Graduation) checkReleasable() error {
	switch {
	case g.DeterminedAt == nil:
		return Conflict(CodeGraduationNotDetermined)
	case g.ReleasedAt != nil:
		return Conflict(CodeGraduationReleased)
	}
	return nil
}

// componentName returns the name of the component keyed key.
func (g Graduation) componentName(key string) string {
	for _, c := range g.Components {
		if c.Key == key {
			return c.Name
		}
	}
	return key
}

// certificateFormat is a certificate number format: letters, digits,
// / . _ - and spaces, the placeholders, and one {seq}.
var certificateFormat = regexp.MustCompile(`^(?:[A-Za-z0-9/._ -]|\{program\}|\{year\}|\{cohort\}|\{seq(?::0[1-9])?\})+$`)

// validate checks the certificate number format and signatory.
func (s GraduationSettings) validate(v *Violations) {
	if !certificateFormat.MatchString(s.NumberFormat) || strings.Count(s.NumberFormat, "{seq") != 1 || len(s.NumberFormat) > 100 {
		v.Add("certificateNumberFormat", CodeGraduationNumberFormat)
	}
	text(v, "signatoryName", s.SignatoryName, false)
	text(v, "signatoryPosition", s.SignatoryPosition, false)
}
