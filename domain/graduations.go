package domain

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// GraduationStore keeps a cohort's graduation: its settings, the scores
// organizers enter, and the determined (frozen) standings.
type GraduationStore interface {
	// Get returns the cohort's graduation without standings: the stored
	// settings and determination, or the defaults (Version 0) when none is
	// stored. forUpdate stores the defaults first if need be and locks it.
	Get(ctx context.Context, cohort uuid.UUID, forUpdate bool) (Graduation, error)
	// Update saves settings, determination and release when the stored
	// version is g.Version-1 (else KindStale).
	Update(ctx context.Context, g Graduation) error
	// Inputs returns what each participant's standing is computed from, for
	// every enrollment of the cohort.
	Inputs(ctx context.Context, cohort uuid.UUID) ([]GraduationInput, error)
	// SaveScores stores entered scores (a nil score removes one).
	SaveScores(ctx context.Context, cohort, by uuid.UUID, at time.Time, scores []GraduationScore) error
	// SaveStandings freezes the standings of a determination.
	SaveStandings(ctx context.Context, cohort uuid.UUID, standings []GraduationStanding) error
	// Standings returns the frozen standings, by rank then name.
	Standings(ctx context.Context, cohort uuid.UUID) ([]GraduationStanding, error)

	// NextSeq returns the next sequence of a certificate number series,
	// holding the series until the transaction ends.
	NextSeq(ctx context.Context, series string) (int, error)
	CreateCertificate(ctx context.Context, c Certificate) error
	// UpdateCertificate saves c when its stored version is c.Version-1.
	UpdateCertificate(ctx context.Context, c Certificate) error
	// Certificate returns the certificate of a number, or KindNotFound.
	Certificate(ctx context.Context, number string) (Certificate, error)
	// CertificateOf returns an enrollment's certificate, or KindNotFound.
	CertificateOf(ctx context.Context, enrollment uuid.UUID) (Certificate, error)
	// Certificates returns a cohort's certificates by enrollment.
	Certificates(ctx context.Context, cohort uuid.UUID) (map[uuid.UUID]Certificate, error)
}

// GraduationScore is a component's score of a participant as an organizer
// enters it; a nil Score removes the one entered.
type GraduationScore struct {
	EnrollmentID uuid.UUID
	Component    string
	Score        *float64
}

// GraduationSettingsChanges are the settings an organizer changes; nil
// leaves one as it is.
type GraduationSettingsChanges struct {
	NamesBest         *bool
	NumberFormat      *string
	SignatoryName     *string
	SignatoryPosition *string
}

// GraduationSheet is a sheet of entered scores as read from a CSV file:
// its columns as the header names them (after the NIP column) and one row
// per participant.
type GraduationSheet struct {
	Columns []string
	Rows    []GraduationSheetRow
}

// GraduationSheetRow is one participant's row of a sheet: the file's line,
// the NIP and a cell per column.
type GraduationSheetRow struct {
	Line  int
	NIP   string
	Cells []string
}

// The operations on a cohort's graduation.
const (
	OpUpdateGraduation       Operation = "update-graduation"
	OpRecordGraduationScores Operation = "record-graduation-scores"
	OpImportGraduationScores Operation = "import-graduation-scores"
	OpDetermineGraduation    Operation = "determine-graduation"
	OpReleaseGraduation      Operation = "release-graduation"
	OpDownloadCertificate    Operation = "download-certificate"
	OpRevokeCertificate      Operation = "revoke-certificate"
)

// graduationEventTargetType is the target type of graduation events; the
// target is the cohort.
const graduationEventTargetType = "graduation"

// graduationOffers are the operations on a cohort's graduation.
var graduationOffers = []offer[Graduation]{
	{OpUpdateGraduation, ManageGraduation, Graduation.checkOpen},
	{OpRecordGraduationScores, ManageGraduation, Graduation.checkOpen},
	{OpImportGraduationScores, ManageGraduation, Graduation.checkOpen},
	{OpDetermineGraduation, ManageGraduation, Graduation.checkDeterminable},
	{OpReleaseGraduation, ManageGraduation, Graduation.checkReleasable},
}

// Graduation returns a cohort's graduation: its rules to everyone in the
// cohort; every standing to its organizers (and partner); a participant's
// own standing to them once released.
func (s *Cohorts) Graduation(ctx context.Context, actor *Actor, cohortID uuid.UUID) (Graduation, error) {
	if err := Authorize(actor, ReadGraduation, Target{CohortID: cohortID}); err != nil {
		return Graduation{}, err
	}
	g, err := s.loadGraduation(ctx, s.store, cohortID, false)
	if err != nil {
		return Graduation{}, err
	}
	g.Offer = offerOf(actor, Target{CohortID: cohortID}, g, graduationOffers)
	if Authorize(actor, ReadGraduationStandings, Target{CohortID: cohortID}) != nil {
		own := slices.DeleteFunc(g.Standings, func(st GraduationStanding) bool { return st.ParticipantID != actor.UserID })
		if g.ReleasedAt == nil {
			own = nil
		}
		g.Standings = append([]GraduationStanding{}, own...)
	}
	return g, nil
}

// loadGraduation reads a cohort's graduation with its standings: frozen
// once determined, computed from the scores as they are before.
func (s *Cohorts) loadGraduation(ctx context.Context, st Store, cohortID uuid.UUID, forUpdate bool) (Graduation, error) {
	c, err := st.Cohorts().Get(ctx, cohortID)
	if err != nil {
		return Graduation{}, err
	}
	g, err := st.Graduations().Get(ctx, cohortID, forUpdate)
	if err != nil {
		return Graduation{}, err
	}
	g.CohortID, g.Components, g.Thresholds = cohortID, c.Graduation, c.Thresholds
	if g.DeterminedAt != nil {
		if g.Standings, err = st.Graduations().Standings(ctx, cohortID); err != nil {
			return Graduation{}, err
		}
		certificates, err := st.Graduations().Certificates(ctx, cohortID)
		for i, s := range g.Standings {
			if c, ok := certificates[s.EnrollmentID]; ok {
				g.Standings[i].Certificate = &c
			}
		}
		return g, err
	}
	inputs, err := st.Graduations().Inputs(ctx, cohortID)
	if err != nil {
		return Graduation{}, err
	}
	g.Standings = GraduationStandings(c.Graduation, c.Thresholds, g.Settings.NamesBest, inputs)
	return g, nil
}

// changeGraduation runs fn on a cohort's locked graduation for an
// organizer and saves it with its event when fn names one.
func (s *Cohorts) changeGraduation(ctx context.Context, actor *Actor, cohortID uuid.UUID, ifMatch *int64,
	fn func(tx Store, g *Graduation, now time.Time) (string, error)) (Graduation, error) {
	if err := Authorize(actor, ManageGraduation, Target{CohortID: cohortID}); err != nil {
		return Graduation{}, err
	}
	now := s.now()
	err := s.store.WithinTx(ctx, func(tx Store) error {
		g, err := s.loadGraduation(ctx, tx, cohortID, true)
		if err != nil {
			return err
		}
		if err := checkVersion(ifMatch, g.Version); err != nil {
			return err
		}
		action, err := fn(tx, &g, now)
		if err != nil || action == "" {
			return err
		}
		g.Version++
		if err := tx.Graduations().Update(ctx, g); err != nil {
			return err
		}
		e := event(actor, now, action, graduationEventTargetType, cohortID)
		e.CohortID = &cohortID
		e.After = g.Settings
		return tx.Events().Append(ctx, e)
	})
	if err != nil {
		return Graduation{}, err
	}
	return s.Graduation(ctx, actor, cohortID)
}

// UpdateGraduationSettings changes whether the cohort names a peserta
// terbaik and its certificates' number format and signatory, until the
// graduation is determined.
func (s *Cohorts) UpdateGraduationSettings(ctx context.Context, actor *Actor, cohortID uuid.UUID, ch GraduationSettingsChanges, ifMatch *int64) (Graduation, error) {
	return s.changeGraduation(ctx, actor, cohortID, ifMatch, func(_ Store, g *Graduation, _ time.Time) (string, error) {
		if err := g.checkOpen(); err != nil {
			return "", err
		}
		set := &g.Settings
		for _, c := range []struct {
			to   *string
			from *string
		}{{&set.NumberFormat, ch.NumberFormat}, {&set.SignatoryName, ch.SignatoryName}, {&set.SignatoryPosition, ch.SignatoryPosition}} {
			if c.from != nil {
				*c.to = strings.TrimSpace(*c.from)
			}
		}
		if ch.NamesBest != nil {
			set.NamesBest = *ch.NamesBest
		}
		var v Violations
		set.validate(&v)
		return "graduation.settings_changed", v.Err()
	})
}

// RecordGraduationScores stores scores organizers enter by hand, all or
// none, until the graduation is determined.
func (s *Cohorts) RecordGraduationScores(ctx context.Context, actor *Actor, cohortID uuid.UUID, scores []GraduationScore) (Graduation, error) {
	return s.changeGraduation(ctx, actor, cohortID, nil, func(tx Store, g *Graduation, now time.Time) (string, error) {
		if err := g.checkOpen(); err != nil {
			return "", err
		}
		var v Violations
		for i, sc := range scores {
			f := fmt.Sprintf("scores[%d]", i)
			if !slices.ContainsFunc(g.Standings, func(st GraduationStanding) bool { return st.EnrollmentID == sc.EnrollmentID }) {
				v.Add(f+".enrollmentId", CodeGraduationNotEnrolled)
			}
			g.checkEntered(&v, f+".component", sc.Component)
			if sc.Score != nil && (*sc.Score < 0 || *sc.Score > 100) {
				v.Add(f+".score", CodeGraduationScoreRange)
			}
		}
		if err := v.Err(); err != nil {
			return "", err
		}
		return "graduation.scores_recorded", tx.Graduations().SaveScores(ctx, cohortID, actor.UserID, now, scores)
	})
}

// checkEntered checks that key names a component organizers enter.
func (g Graduation) checkEntered(v *Violations, field, key string) {
	switch {
	case key == GraduationAcademicKey:
		v.Add(field, CodeGraduationAcademicComputed)
	case !slices.ContainsFunc(g.Components, func(c GraduationComponent) bool { return c.Key == key }):
		v.Add(field, CodeGraduationUnknownComponent)
	}
}

// ImportGraduationScores stores the scores of a sheet read from a CSV
// file: a column per entered component (by key or name, any case), a row
// per participant found by NIP; an empty cell leaves the score as it is.
// All rows or none: every problem is named by row and column as the file
// names it (rows[<line>].<column>).
func (s *Cohorts) ImportGraduationScores(ctx context.Context, actor *Actor, cohortID uuid.UUID, sheet GraduationSheet) (Graduation, error) {
	return s.changeGraduation(ctx, actor, cohortID, nil, func(tx Store, g *Graduation, now time.Time) (string, error) {
		if err := g.checkOpen(); err != nil {
			return "", err
		}
		keys, err := g.sheetColumns(sheet.Columns)
		if err != nil {
			return "", err
		}
		byNIP := map[NIP]uuid.UUID{}
		for _, st := range g.Standings {
			if st.NIP != "" {
				byNIP[st.NIP] = st.EnrollmentID
			}
		}
		var v Violations
		var scores []GraduationScore
		for _, row := range sheet.Rows {
			prefix := fmt.Sprintf("rows[%d]", row.Line)
			nip, err := ParseNIP(row.NIP)
			enrollment, ok := byNIP[nip]
			if err != nil || !ok {
				v.Add(prefix+".nip", CodeGraduationUnknownNIP)
				continue
			}
			for i, cell := range row.Cells {
				cell = strings.TrimSpace(cell)
				if cell == "" || i >= len(keys) {
					continue
				}
				score, err := strconv.ParseFloat(strings.Replace(cell, ",", ".", 1), 64)
				if err != nil || score < 0 || score > 100 {
					v.Add(prefix+"."+sheet.Columns[i], CodeGraduationScoreRange)
					continue
				}
				scores = append(scores, GraduationScore{EnrollmentID: enrollment, Component: keys[i], Score: &score})
			}
		}
		if err := v.Err(); err != nil {
			return "", err
		}
		return "graduation.scores_imported", tx.Graduations().SaveScores(ctx, cohortID, actor.UserID, now, scores)
	})
}

// sheetColumns maps a sheet's columns to the keys of entered components,
// by key or name in any case; the academic component and unknown columns
// are refused.
func (g Graduation) sheetColumns(columns []string) ([]string, error) {
	var v Violations
	keys := make([]string, len(columns))
	for i, col := range columns {
		name := strings.TrimSpace(col)
		j := slices.IndexFunc(g.Components, func(c GraduationComponent) bool {
			return strings.EqualFold(c.Key, name) || strings.EqualFold(c.Name, name)
		})
		if j < 0 {
			v.Add(fmt.Sprintf("columns[%d]", i), CodeGraduationUnknownComponent)
			continue
		}
		keys[i] = g.Components[j].Key
		g.checkEntered(&v, fmt.Sprintf("columns[%d]", i), keys[i])
	}
	if len(columns) == 0 {
		var entered []string
		for _, c := range g.Components {
			if c.Key != GraduationAcademicKey {
				entered = append(entered, c.Key)
			}
		}
		v.Add("columns", CodeGraduationScoresColumns, Params{"components": strings.Join(entered, ", ")})
	}
	return keys, v.Err()
}

// DetermineGraduation determines the cohort's graduation (penetapan
// kelulusan): once every participant has every component's score and no
// appeal of a seminar result is open, the standings are computed once and
// frozen.
func (s *Cohorts) DetermineGraduation(ctx context.Context, actor *Actor, cohortID uuid.UUID) (Graduation, error) {
	return s.changeGraduation(ctx, actor, cohortID, nil, func(tx Store, g *Graduation, now time.Time) (string, error) {
		if err := g.checkDeterminable(); err != nil {
			return "", err
		}
		appeals, err := tx.Seminars().Appeals(ctx, cohortID, nil)
		if err != nil {
			return "", err
		}
		if slices.ContainsFunc(appeals, func(a Appeal) bool { return a.Status.open() }) {
			return "", Conflict(CodeGraduationAppealOpen)
		}
		by := actor.UserID
		g.DeterminedAt, g.DeterminedBy = &now, &by
		return "graduation.determined", tx.Graduations().SaveStandings(ctx, cohortID, g.Standings)
	})
}

// ReleaseGraduation releases a determined graduation: participants read
// their own standing from now on, and each graduate's certificate is
// issued.
func (s *Cohorts) ReleaseGraduation(ctx context.Context, actor *Actor, cohortID uuid.UUID) (Graduation, error) {
	return s.changeGraduation(ctx, actor, cohortID, nil, func(tx Store, g *Graduation, now time.Time) (string, error) {
		if err := g.checkReleasable(); err != nil {
			return "", err
		}
		by := actor.UserID
		g.ReleasedAt, g.ReleasedBy = &now, &by
		return "graduation.released", s.issueCertificates(ctx, tx, actor, *g, now)
	})
}
