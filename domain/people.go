package domain

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// MaxTextLength bounds short text fields (names, positions, codes).
const MaxTextLength = 200

// User is one person's account. A person has one account whatever roles
// they hold; roles belong to cohorts (see Actor).
type User struct {
	ID    uuid.UUID
	Email string
	Name  string
	// NIP is the civil-servant id; empty when unknown.
	NIP NIP
	// Position is the jabatan, e.g. "Kepala Dinas Komunikasi dan Informatika".
	Position string
	// Rank is the pangkat/golongan, e.g. "Pembina Utama Muda (IV/c)".
	Rank     string
	AgencyID *uuid.UUID
	// UnitID is the person's work unit (unit kerja) in their agency; nil
	// when not known. It is always a unit of AgencyID.
	UnitID        *uuid.UUID
	PlatformAdmin bool
	// Activated is false until the person has set a password.
	Activated bool
	// RegisteredBy is the training institution whose organizer created the
	// account (create-user, the roster import); nil for accounts made by a
	// platform admin or the command line.
	RegisteredBy *uuid.UUID
	Version      int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// UserProfile is what may be set when a user is created.
type UserProfile struct {
	Email         string
	Name          string
	NIP           string
	Position      string
	Rank          string
	AgencyID      *uuid.UUID
	UnitID        *uuid.UUID
	PlatformAdmin bool
	// RegisteredBy is the institution on whose behalf the account is made.
	RegisteredBy *uuid.UUID
}

// UserChanges is a partial update of a user; nil fields stay as they are.
// An empty NIP or a nil AgencyID pointer inside ClearAgency removes them.
// A changed agency without a unit named leaves the person without a unit
// (their old unit is one of the old agency); ClearUnit removes the unit.
type UserChanges struct {
	Email         *string
	Name          *string
	NIP           *string
	Position      *string
	Rank          *string
	AgencyID      *uuid.UUID
	ClearAgency   bool
	UnitID        *uuid.UUID
	ClearUnit     bool
	PlatformAdmin *bool
}

// newUser validates a profile and returns the user it describes.
func newUser(p UserProfile, now time.Time) (User, error) {
	u := User{ID: NewID(), PlatformAdmin: p.PlatformAdmin, AgencyID: p.AgencyID, UnitID: p.UnitID, RegisteredBy: p.RegisteredBy, CreatedAt: now, UpdatedAt: now, Version: 1}
	var v Violations
	u.setEmail(&v, p.Email)
	u.setName(&v, p.Name)
	u.setNIP(&v, p.NIP)
	u.Position = text(&v, "position", p.Position, false)
	u.Rank = text(&v, "rank", p.Rank, false)
	return u, v.Err()
}

// apply applies changes to u, validating each changed field.
func (u *User) apply(c UserChanges) error {
	var v Violations
	if c.Email != nil {
		u.setEmail(&v, *c.Email)
	}
	if c.Name != nil {
		u.setName(&v, *c.Name)
	}
	if c.NIP != nil {
		u.setNIP(&v, *c.NIP)
	}
	if c.Position != nil {
		u.Position = text(&v, "position", *c.Position, false)
	}
	if c.Rank != nil {
		u.Rank = text(&v, "rank", *c.Rank, false)
	}
	if c.AgencyID != nil {
		if !sameID(u.AgencyID, c.AgencyID) {
			u.UnitID = nil
		}
		u.AgencyID = c.AgencyID
	}
	if c.ClearAgency {
		u.AgencyID, u.UnitID = nil, nil
	}
	if c.UnitID != nil {
		u.UnitID = c.UnitID
	}
	if c.ClearUnit {
		u.UnitID = nil
	}
	if c.PlatformAdmin != nil {
		u.PlatformAdmin = *c.PlatformAdmin
	}
	return v.Err()
}

func (u *User) setEmail(v *Violations, s string) {
	email, err := ParseEmail(s)
	v.AddError("email", err)
	u.Email = email
}

func (u *User) setName(v *Violations, s string) {
	u.Name = text(v, "name", s, true)
}

func (u *User) setNIP(v *Violations, s string) {
	u.NIP = ""
	if strings.TrimSpace(s) == "" {
		return
	}
	nip, err := ParseNIP(s)
	v.AddError("nip", err)
	u.NIP = nip
}

// text trims s and checks it is a single line (CheckSingleLine), present
// when required, and not too long.
func text(v *Violations, field, s string, required bool) string {
	s = strings.TrimSpace(s)
	if err := CheckSingleLine(field, s); err != nil {
		v.AddError(field, err)
		return s
	}
	switch {
	case required && s == "":
		v.Add(field, CodeFieldRequired)
	case utf8.RuneCountInString(s) > MaxTextLength:
		v.Add(field, CodeFieldTooLong, Params{"max": 200})
	}
	return s
}

// Institution is a training organizer (lembaga penyelenggara pelatihan),
// such as LAN RI or a provincial BPSDM.
type Institution struct {
	ID        uuid.UUID
	Name      string
	Code      string
	CreatedAt time.Time
}

// NewInstitution validates an institution's name and code (e.g. "BPSDM-JATIM").
func NewInstitution(name, code string, now time.Time) (Institution, error) {
	var v Violations
	in := Institution{ID: NewID(), Name: text(&v, "name", name, true), Code: strings.ToUpper(text(&v, "code", code, true)), CreatedAt: now}
	return in, v.Err()
}

// Agency is a participant's or mentor's home government body (instansi),
// such as "Pemerintah Kota Batam", with its place and its work units
// (Unit).
type Agency struct {
	ID uuid.UUID
	// Name is unique regardless of case; the roster import finds agencies by it.
	Name string
	// Province and Regency are where the agency is (see Place).
	Province string
	Regency  string
	// Region is Place().Region(), e.g. "Kota Batam, Kepulauan Riau", kept
	// for the clients and searches that knew only a region.
	Region    string
	Version   int64
	CreatedAt time.Time
}

// Place is where the agency is.
func (a Agency) Place() Place { return Place{Province: a.Province, Regency: a.Regency} }

// setPlace sets the agency's province, regency and region.
func (a *Agency) setPlace(p Place) {
	a.Province, a.Regency, a.Region = p.Province, p.Regency, p.Region()
}

// NewAgency validates an agency given its region in one line (see
// PlaceOfRegion).
func NewAgency(name, region string, now time.Time) (Agency, error) {
	place, err := PlaceOfRegion(region)
	var v Violations
	v.AddError("", err)
	a := Agency{ID: NewID(), Name: text(&v, "name", name, true), Version: 1, CreatedAt: now}
	a.setPlace(place)
	return a, v.Err()
}

// AgencyDraft is what create-agency gives: a name and a place, as a
// province and a regency or, as the first API had it, a region in one line.
type AgencyDraft struct {
	Name     string
	Province string
	Regency  string
	// Region is read only when Province and Regency are empty.
	Region string
}

// NewAgencyOf validates an agency draft.
func NewAgencyOf(d AgencyDraft, now time.Time) (Agency, error) {
	if strings.TrimSpace(d.Province) == "" && strings.TrimSpace(d.Regency) == "" {
		return NewAgency(d.Name, d.Region, now)
	}
	place, err := NewPlace(d.Province, d.Regency)
	var v Violations
	v.AddError("", err)
	a := Agency{ID: NewID(), Name: text(&v, "name", d.Name, true), Version: 1, CreatedAt: now}
	a.setPlace(place)
	return a, v.Err()
}

// titlesBefore are the academic titles and honorifics written before a
// name, without their dot: Prof., Dr., Drs., Dra., Ir., dr., drg., H. and
// Hj. (haji, hajah), Apt., Ns.
var titlesBefore = []string{"prof", "dr", "drs", "dra", "ir", "drg", "h", "hj", "apt", "ns"}

// SortName is the key people are listed by: the name without the titles
// before it and the degrees after its first comma, in lower case, so that
// "Prof. Dr. Ir. Budi Santoso, M.Si." sorts under "budi santoso" and not
// among everyone whose title is "Dr.". A name that is only titles keeps
// its last word.
func SortName(name string) string {
	if i := strings.IndexByte(name, ','); i >= 0 {
		name = name[:i]
	}
	words := strings.Fields(name)
	for len(words) > 1 && strings.HasSuffix(words[0], ".") && slices.Contains(titlesBefore, strings.ToLower(strings.TrimSuffix(words[0], "."))) {
		words = words[1:]
	}
	return strings.ToLower(strings.Join(words, " "))
}
