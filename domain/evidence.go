package domain

import (
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// EvidenceStatus is where a piece of evidence stands in its review.
type EvidenceStatus string

// The statuses of evidence.
const (
	EvidenceSubmitted EvidenceStatus = "submitted"
	EvidenceApproved  EvidenceStatus = "approved"
	EvidenceRejected  EvidenceStatus = "rejected"
	EvidenceWithdrawn EvidenceStatus = "withdrawn"
)

// EvidenceType is what kind of document evidence is (jenis bukti dukung).
type EvidenceType string

// The types of evidence; docs/GLOSSARY.md gives their Indonesian labels.
const (
	EvidenceSK           EvidenceType = "sk"            // Surat Keputusan
	EvidenceMinutes      EvidenceType = "notula"        // notula rapat
	EvidenceAttendance   EvidenceType = "daftar_hadir"  // daftar hadir
	EvidencePhoto        EvidenceType = "foto"          // foto kegiatan
	EvidenceOfficialMemo EvidenceType = "berita_acara"  // berita acara
	EvidenceAgreement    EvidenceType = "mou_pks"       // MoU / perjanjian kerja sama
	EvidenceRegulation   EvidenceType = "perwal_perbup" // Perwal / Perbup
	EvidenceScreenshot   EvidenceType = "screenshot"    // tangkapan layar
	EvidenceLink         EvidenceType = "tautan"        // tautan
	EvidenceOther        EvidenceType = "lainnya"       // lainnya
)

// EvidenceTypes lists the types of evidence in the order forms offer them.
var EvidenceTypes = []EvidenceType{EvidenceSK, EvidenceMinutes, EvidenceAttendance, EvidencePhoto, EvidenceOfficialMemo,
	EvidenceAgreement, EvidenceRegulation, EvidenceScreenshot, EvidenceLink, EvidenceOther}

// DefaultMaxEvidenceBytes is the default limit of one evidence file.
const DefaultMaxEvidenceBytes = 25 << 20

// Evidence is a bukti dukung: a file (a decree, minutes, a photo, a report)
// or a link that proves a milestone. Once submitted it is frozen: a
// rejected evidence stays as history and the participant submits a new one.
type Evidence struct {
	ID          uuid.UUID
	MilestoneID uuid.UUID
	ProjectID   uuid.UUID
	// Horizon is the milestone's, by which the participant's work on the
	// evidence is open or closed.
	Horizon Horizon
	// ActivityID is the activity of the milestone it proves; nil for
	// evidence submitted before activities were named (or of a milestone
	// without activities).
	ActivityID *uuid.UUID
	// Type is what kind of document it is; "" for evidence from before.
	Type        EvidenceType
	Title       string
	Description string
	// URL is set for a link; File for a file.
	URL         string
	File        *StoredFile
	Status      EvidenceStatus
	SubmittedBy uuid.UUID
	SubmittedAt time.Time
	ReviewedAt  *time.Time
	// ReviewComment is what the mentor wrote with the decision: why, for a
	// rejection ("" before any review). It is kept with the review.
	ReviewComment string
	Version       int64
	// Offer is what the caller who read it may do to it now; it is theirs,
	// so audit snapshots leave it out.
	Offer Offer `json:"-"`
}

// StoredFile is an evidence file as kept in the blob store.
type StoredFile struct {
	// Name is the file's name as uploaded, made safe to show and to offer
	// as a download name.
	Name      string
	Size      int64
	MediaType string
	SHA256    []byte
	// BlobKey is where the bytes are; random, never derived from user input.
	BlobKey string
}

// EvidenceDraft is what a participant submits: a title, a description, and
// either a file (already stored, see Projects.StoreEvidenceFile) or a URL.
type EvidenceDraft struct {
	// ActivityID names the activity it proves: required when the milestone
	// has activities.
	ActivityID *uuid.UUID
	// Type is what kind of document it is; empty, tautan for a link and
	// lainnya for a file.
	Type        string
	Title       string
	Description string
	URL         string
	File        *StoredFile
}

// newEvidence validates a draft into submitted evidence of a milestone.
func newEvidence(m Milestone, d EvidenceDraft, by uuid.UUID, now time.Time) (Evidence, error) {
	var v Violations
	e := Evidence{ID: NewID(), MilestoneID: m.ID, ProjectID: m.ProjectID, Horizon: m.Horizon, File: d.File, Status: EvidenceSubmitted,
		SubmittedBy: by, SubmittedAt: now, Version: 1}
	e.Title = text(&v, "title", d.Title, true)
	e.Description = longText(&v, "description", d.Description)
	e.ActivityID, e.Type = evidenceActivity(&v, m, d.ActivityID), evidenceType(&v, d)
	d.URL = strings.TrimSpace(d.URL)
	switch {
	case d.File == nil && d.URL == "":
		v.Add("file", CodeEvidenceFileOrURL)
	case d.File != nil && d.URL != "":
		v.Add("url", CodeEvidenceFileAndURL)
	case d.URL != "":
		u, err := url.Parse(d.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(d.URL) > 2000 {
			v.Add("url", CodeFieldURL)
		}
		e.URL = d.URL
	}
	return e, v.Err()
}

// evidenceActivity checks that id names an activity of m, required when m
// has activities.
func evidenceActivity(v *Violations, m Milestone, id *uuid.UUID) *uuid.UUID {
	switch {
	case id == nil && len(m.Activities) > 0:
		v.Add("activityId", CodeEvidenceActivityRequired)
	case id == nil:
	default:
		if _, ok := m.activity(*id); !ok {
			v.Add("activityId", CodeEvidenceActivityUnknown)
		}
	}
	return id
}

// evidenceType parses the draft's type: tautan for a link and lainnya for a
// file when it names none.
func evidenceType(v *Violations, d EvidenceDraft) EvidenceType {
	if d.Type == "" {
		if strings.TrimSpace(d.URL) != "" {
			return EvidenceLink
		}
		return EvidenceOther
	}
	t := EvidenceType(d.Type)
	if !slices.Contains(EvidenceTypes, t) {
		v.Add("type", CodeFieldNotOneOf, Params{"values": evidenceTypeNames()})
	}
	return t
}

// evidenceTypeNames lists the evidence types' names, comma-separated.
func evidenceTypeNames() string {
	names := make([]string, len(EvidenceTypes))
	for i, t := range EvidenceTypes {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

// withdraw takes back evidence that nobody has reviewed yet.
func (e *Evidence) withdraw() error {
	if err := e.checkPending(CodeEvidenceWithdrawNotPending); err != nil {
		return err
	}
	e.Status = EvidenceWithdrawn
	return nil
}

// checkPending refuses, with code, what only evidence waiting for review
// allows: its withdrawal and its review.
func (e *Evidence) checkPending(code Code) error {
	if e.Status != EvidenceSubmitted {
		return Conflict(code, Params{"status": e.Status})
	}
	return nil
}

// EvidenceDecision is the mentor's verdict on evidence.
type EvidenceDecision string

// The verdicts on evidence.
const (
	EvidenceApprove EvidenceDecision = "approve"
	EvidenceReject  EvidenceDecision = "reject"
)

// review records the mentor's verdict; a rejection needs a comment.
func (e *Evidence) review(decision EvidenceDecision, comment string, now time.Time) error {
	if err := e.checkPending(CodeEvidenceNotPending); err != nil {
		return err
	}
	switch decision {
	case EvidenceApprove:
		e.Status = EvidenceApproved
	case EvidenceReject:
		if strings.TrimSpace(comment) == "" {
			return Invalid("comment", CodeEvidenceRejectNeedsComment)
		}
		e.Status = EvidenceRejected
	default:
		return Invalid("decision", CodeReviewApproveOrReject)
	}
	e.ReviewedAt, e.ReviewComment = &now, strings.TrimSpace(comment)
	return nil
}

// AllowedEvidenceTypes are the media types accepted for evidence files,
// judged from the bytes, not from the name: documents, images, spreadsheets,
// text and archives.
var AllowedEvidenceTypes = []string{
	"application/pdf",
	"image/jpeg", "image/png", "image/gif", "image/webp", "image/heic",
	"application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation",
	"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
	"application/vnd.oasis.opendocument.presentation",
	"text/plain", "text/csv",
	"application/zip",
}

// SafeFileName makes an uploaded file's name safe to store and to offer for
// download: no folders, no control or quoting characters, at most 120
// characters, never empty.
func SafeFileName(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	cleaned := strings.Map(func(r rune) rune {
		switch {
		case unsafeInLine(r), strings.ContainsRune(`"/\<>:|?*;`, r):
			return '_'
		}
		return r
	}, name)
	cleaned = strings.Trim(cleaned, " .")
	if runes := []rune(cleaned); len(runes) > 120 {
		ext := path.Ext(cleaned)
		if len([]rune(ext)) > 10 {
			ext = ""
		}
		cleaned = string(runes[:120-len([]rune(ext))]) + ext
	}
	if cleaned == "" {
		cleaned = "bukti"
	}
	return cleaned
}

// Review is a decision on a design, a milestone or evidence: who, when,
// which verdict, why. Reviews are history: never changed, never deleted.
type Review struct {
	ID         uuid.UUID
	ProjectID  uuid.UUID
	TargetType string // "design", "milestone" or "evidence"
	TargetID   uuid.UUID
	// Round is the design's round for design reviews, else 0.
	Round        int
	ReviewerID   uuid.UUID
	ReviewerRole Role
	Decision     string
	Comment      string
	At           time.Time
}
