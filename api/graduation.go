package api

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// GraduationStanding is a participant's graduation result in their cohort.
type GraduationStanding struct {
	EnrollmentID  uuid.UUID            `json:"enrollmentId" format:"uuid" doc:"The participant's enrollment."`
	ParticipantID uuid.UUID            `json:"participantId" format:"uuid" doc:"The participant."`
	Name          string               `json:"name" doc:"The participant's name." example:"Budi Santoso"`
	NIP           string               `json:"nip,omitempty" doc:"Their NIP." example:"198001152005011002"`
	Scores        map[string]float64   `json:"scores" maxProperties:"10" doc:"Each component's score by key; a component without a score is missing."`
	Missing       []string             `json:"missing" doc:"The components without a score yet (the outcome is pending while any is missing)."`
	BelowMinimum  []string             `json:"belowMinimum" doc:"The components scored below their minimum (each makes the outcome tidak_lulus)."`
	Total         float64              `json:"total" doc:"The weighted total to two decimals; 0 while pending." example:"87.35"`
	Outcome       string               `json:"outcome" enum:"pending,lulus,tidak_lulus" doc:"lulus, tidak_lulus (a component below its minimum, or a total earning kurang_memuaskan), or pending while a component is missing." example:"lulus"`
	Predicate     string               `json:"predicate,omitempty" enum:"sangat_memuaskan,memuaskan,cukup_memuaskan,kurang_memuaskan" doc:"The kualifikasi of the total under the cohort's thresholds; absent while pending." example:"memuaskan"`
	Rank          int                  `json:"rank,omitempty" doc:"The place in the cohort by total (equal totals share it); absent while pending." example:"3"`
	Best          bool                 `json:"best,omitempty" doc:"Peserta terbaik: a graduate ranked first, when the cohort names one."`
	Certificate   *StandingCertificate `json:"certificate,omitempty" doc:"The graduate's certificate, once the graduation is released (download-certificate gives the PDF)."`
}

// StandingCertificate names a graduate's certificate.
type StandingCertificate struct {
	Number string `json:"number" doc:"Its number (verify-certificate shows it)." example:"PKN-II/2026/0001"`
	Status string `json:"status" enum:"valid,revoked" doc:"valid or revoked." example:"valid"`
}

// GraduationSettings are a cohort's choices about graduation and its
// certificates.
type GraduationSettings struct {
	NamesBest         bool   `json:"namesBestParticipant" doc:"Whether the cohort names a peserta terbaik (the best-ranked graduates)."`
	NumberFormat      string `json:"certificateNumberFormat" doc:"The certificate number format: {program}, {year} (of the release), {cohort} (its code) and one {seq} or {seq:0N} (the sequence of the series, N digits)." example:"{program}/{year}/{seq:04}"`
	SignatoryName     string `json:"signatoryName" doc:"Who signs the certificates." example:"Dr. Muhammad Taufiq, DEA"`
	SignatoryPosition string `json:"signatoryPosition" doc:"Their position." example:"Deputi Bidang Penyelenggaraan Pengembangan Kompetensi"`
}

// Graduation is a cohort's graduation: its rules, settings and standings.
type Graduation struct {
	CohortID     uuid.UUID             `json:"cohortId" format:"uuid" doc:"The cohort."`
	Components   []GraduationComponent `json:"components" doc:"The components with their weights and minimums (the cohort's rules; akademik is the determined final-seminar result)."`
	Thresholds   []Threshold           `json:"thresholds" doc:"The thresholds of the kualifikasi, best first."`
	Settings     GraduationSettings    `json:"settings" doc:"Peserta terbaik and the certificates' number format and signatory."`
	Standings    []GraduationStanding  `json:"standings" doc:"Every participant's standing for the cohort's organizers; a participant's own once released; none for others. Computed from the scores as they are until determination, frozen after."`
	Determined   bool                  `json:"determined" doc:"Whether the graduation is determined (the standings are frozen)."`
	DeterminedAt *time.Time            `json:"determinedAt,omitempty" doc:"When it was determined."`
	ReleasedAt   *time.Time            `json:"releasedAt,omitempty" doc:"When it was released to participants."`
	Version      int64                 `json:"version" doc:"Increases with every change; the ETag names it." example:"1"`
	Offered
}

func newGraduationAnswer(g domain.Graduation) Graduation {
	out := Graduation{CohortID: g.CohortID, Components: newGraduation(g.Components), Thresholds: newThresholds(g.Thresholds),
		Settings: GraduationSettings{NamesBest: g.Settings.NamesBest, NumberFormat: g.Settings.NumberFormat,
			SignatoryName: g.Settings.SignatoryName, SignatoryPosition: g.Settings.SignatoryPosition},
		Standings: make([]GraduationStanding, len(g.Standings)), Determined: g.DeterminedAt != nil, DeterminedAt: g.DeterminedAt,
		ReleasedAt: g.ReleasedAt, Version: g.Version, Offered: offered(g.Offer)}
	for i, s := range g.Standings {
		out.Standings[i] = GraduationStanding{EnrollmentID: s.EnrollmentID, ParticipantID: s.ParticipantID, Name: s.Name, NIP: string(s.NIP),
			Scores: s.Scores, Missing: s.Missing, BelowMinimum: s.BelowMinimum, Total: s.Total, Outcome: string(s.Outcome),
			Predicate: string(s.Predicate), Rank: s.Rank, Best: s.Best}
		if c := s.Certificate; c != nil {
			out.Standings[i].Certificate = &StandingCertificate{Number: c.Number, Status: string(c.Status())}
		}
	}
	return out
}

type graduationOutput struct {
	ETag string `header:"ETag" doc:"The version of the graduation's settings, for If-Match."`
	Body Graduation
}

func graduationAnswer(g domain.Graduation, err error) (*graduationOutput, error) {
	if err != nil {
		return nil, err
	}
	return &graduationOutput{ETag: etag(g.Version), Body: newGraduationAnswer(g)}, nil
}

// GraduationSettingsPatch changes a cohort's graduation settings.
type GraduationSettingsPatch struct {
	NamesBest         Optional[bool]   `json:"namesBestParticipant,omitempty" doc:"Whether to name a peserta terbaik."`
	NumberFormat      Optional[string] `json:"certificateNumberFormat,omitempty" maxLength:"100" doc:"The certificate number format." example:"SERT/{program}/{year}/{seq:03}"`
	SignatoryName     Optional[string] `json:"signatoryName,omitempty" maxLength:"200" doc:"Who signs the certificates." example:"Dr. Muhammad Taufiq, DEA"`
	SignatoryPosition Optional[string] `json:"signatoryPosition,omitempty" maxLength:"200" doc:"Their position." example:"Deputi Bidang Penyelenggaraan Pengembangan Kompetensi"`
}

// GraduationScoreEntry is one component's score of a participant.
type GraduationScoreEntry struct {
	EnrollmentID uuid.UUID `json:"enrollmentId" format:"uuid" maxLength:"36" doc:"The participant's enrollment."`
	Component    string    `json:"component" maxLength:"40" doc:"The component's key (not akademik, which is the determined final-seminar result)." example:"sikap_perilaku"`
	Score        *float64  `json:"score" doc:"The score from 0 to 100; null removes the one entered." example:"88.5"`
}

// GraduationScores are scores an organizer enters by hand.
type GraduationScores struct {
	Scores []GraduationScoreEntry `json:"scores" minItems:"1" maxItems:"2000" doc:"The scores, all stored or none."`
}

// maxGraduationSheetBytes bounds a CSV of graduation scores.
const maxGraduationSheetBytes = 1 << 20

// graduationSheetSchema documents the sheet as the text it is.
var graduationSheetSchema = &huma.RequestBody{
	Required:    true,
	Description: "The scores as CSV text, UTF-8.",
	Content: map[string]*huma.MediaType{"text/csv": {Schema: &huma.Schema{Type: "string", MaxLength: intPtr(maxGraduationSheetBytes),
		Description: "A header row (nip, then a column per component by key or name) and one row per participant.",
		Examples:    []any{"nip;sikap_perilaku;kehadiran\n198001152005011002;88,5;95\n"}}}},
}

func registerGraduation(api huma.API, s *Services) {
	errs := []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity}
	huma.Register(api, huma.Operation{
		OperationID: "get-graduation", Method: http.MethodGet, Path: "/cohorts/{cohortId}/graduation",
		Summary: "Get a cohort's graduation", Tags: []string{"graduation"}, Security: signedIn,
		Description: "The cohort's graduation rules (components with weights and minimums, thresholds) for everyone in the cohort; every participant's standing for its organizers (and a partner institution's); a participant's own standing once released. Before determination the standings are computed from the scores as they are.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *CohortPath) (*graduationOutput, error) {
		return graduationAnswer(s.Cohorts.Graduation(ctx, actorOf(ctx), in.CohortID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "update-graduation", Method: http.MethodPatch, Path: "/cohorts/{cohortId}/graduation",
		Summary: "Change a cohort's graduation settings", Tags: []string{"graduation"}, Security: signedIn,
		Description: "Changes whether the cohort names a peserta terbaik and its certificates' number format and signatory (JSON merge patch), until the graduation is determined (409 graduation.determined). The cohort's organizers may do this.",
		Errors:      append([]int{http.StatusPreconditionFailed}, errs...),
	}, func(ctx context.Context, in *struct {
		CohortPath
		Precondition
		Body GraduationSettingsPatch `contentType:"application/merge-patch+json"`
	}) (*graduationOutput, error) {
		b := in.Body
		return graduationAnswer(s.Cohorts.UpdateGraduationSettings(ctx, actorOf(ctx), in.CohortID, domain.GraduationSettingsChanges{
			NamesBest: b.NamesBest.ptr(), NumberFormat: b.NumberFormat.ptr(), SignatoryName: b.SignatoryName.ptr(),
			SignatoryPosition: b.SignatoryPosition.ptr()}, in.expected()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "record-graduation-scores", Method: http.MethodPut, Path: "/cohorts/{cohortId}/graduation/scores",
		Summary: "Enter graduation scores by hand", Tags: []string{"graduation"}, Security: signedIn,
		Description: "Stores participants' scores of the components organizers enter (sikap perilaku, kehadiran…), all or none; a null score removes one. akademik is refused (graduation.academic_computed): it is the determined final-seminar result. Until the graduation is determined; the cohort's organizers may do this.",
		Errors:      errs,
	}, func(ctx context.Context, in *struct {
		CohortPath
		Body GraduationScores
	}) (*graduationOutput, error) {
		scores := make([]domain.GraduationScore, len(in.Body.Scores))
		for i, e := range in.Body.Scores {
			scores[i] = domain.GraduationScore{EnrollmentID: e.EnrollmentID, Component: e.Component, Score: e.Score}
		}
		return graduationAnswer(s.Cohorts.RecordGraduationScores(ctx, actorOf(ctx), in.CohortID, scores))
	})

	huma.Register(api, huma.Operation{
		OperationID: "import-graduation-scores", Method: http.MethodPost, Path: "/cohorts/{cohortId}/graduation/scores", MaxBodyBytes: maxGraduationSheetBytes,
		Summary: "Import graduation scores from CSV", Tags: []string{"graduation"}, Security: signedIn,
		Description: "Stores the scores of a sheet exported from a spreadsheet: UTF-8 CSV (a BOM is fine), separated by commas or semicolons, with a header row whose first column is `nip` (`NIP`) and whose other columns name components by key or name in any case (e.g. `sikap_perilaku` or `Sikap perilaku`); one row per participant, found by NIP; decimals with a point or a comma; an empty cell leaves the score as it is. " +
			"All rows or none: a bad row answers 422 with every problem named by row and column as the header wrote it (`rows[<line>].<column>`); an unknown column is `columns[<i>]`. Until the graduation is determined; the cohort's organizers may do this.",
		Errors: append([]int{http.StatusRequestEntityTooLarge}, errs...),
	}, func(ctx context.Context, in *struct {
		CohortPath
		RawBody []byte `contentType:"text/csv" doc:"The scores as CSV."`
	}) (*graduationOutput, error) {
		sheet, err := parseGraduationSheet(in.RawBody)
		if err != nil {
			return nil, err
		}
		return graduationAnswer(s.Cohorts.ImportGraduationScores(ctx, actorOf(ctx), in.CohortID, sheet))
	})
	documentRequestBody(api, "import-graduation-scores", graduationSheetSchema)

	huma.Register(api, huma.Operation{
		OperationID: "determine-graduation", Method: http.MethodPost, Path: "/cohorts/{cohortId}/graduation/determination",
		Summary: "Determine a cohort's graduation", Tags: []string{"graduation"}, Security: signedIn,
		Description: "The penetapan kelulusan: once every participant has every component's score (409 graduation.scores_missing naming one) and no appeal of a seminar result is open (409 graduation.appeal_open), computes each standing once and freezes it: lulus or tidak lulus, the kualifikasi, the rank and the peserta terbaik. The cohort's organizers may do this.",
		Errors:      errs,
	}, func(ctx context.Context, in *CohortPath) (*graduationOutput, error) {
		return graduationAnswer(s.Cohorts.DetermineGraduation(ctx, actorOf(ctx), in.CohortID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "release-graduation", Method: http.MethodPost, Path: "/cohorts/{cohortId}/graduation/release",
		Summary: "Release a cohort's graduation", Tags: []string{"graduation"}, Security: signedIn,
		Description: "Releases a determined graduation (409 graduation.not_determined before, graduation.released after): participants read their own standing with the weights from now on. The cohort's organizers may do this.",
		Errors:      errs,
	}, func(ctx context.Context, in *CohortPath) (*graduationOutput, error) {
		return graduationAnswer(s.Cohorts.ReleaseGraduation(ctx, actorOf(ctx), in.CohortID))
	})
}

// parseGraduationSheet reads a CSV sheet of graduation scores: a byte order
// mark skipped, the separator (comma or semicolon) found from the header,
// the first column the NIP.
func parseGraduationSheet(body []byte) (domain.GraduationSheet, error) {
	body = bytes.TrimPrefix(body, []byte("\ufeff"))
	header, _, _ := bytes.Cut(body, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(body))
	if bytes.Count(header, []byte(";")) > bytes.Count(header, []byte(",")) {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	var sheet domain.GraduationSheet
	for first := true; ; first = false {
		record, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return sheet, domain.Invalid("body", domain.CodeGraduationScoresColumns, domain.Params{"components": err.Error()})
		}
		if first {
			if len(record) == 0 || !strings.EqualFold(strings.TrimSpace(record[0]), "nip") {
				return sheet, domain.Invalid("columns[0]", domain.CodeGraduationScoresColumns, domain.Params{"components": "nip"})
			}
			sheet.Columns = record[1:]
			continue
		}
		if len(record) == 1 && strings.TrimSpace(record[0]) == "" {
			continue
		}
		line, _ := r.FieldPos(0)
		sheet.Rows = append(sheet.Rows, domain.GraduationSheetRow{Line: line, NIP: strings.TrimSpace(record[0]), Cells: record[1:]})
	}
	return sheet, nil
}
