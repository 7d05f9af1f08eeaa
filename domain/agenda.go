package domain

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// AgendaKind is the kind of one item of a cohort's agenda (PerLAN 5/2022,
// Keputusan Kepala LAN 2/K.1/PDP.07/2023). A program template lists the
// kinds it runs, in order, with their typical durations; a cohort's agenda
// holds dated items of those kinds, several of a kind allowed.
type AgendaKind string

// The kinds of agenda item of a leadership training, in the order a PKN II
// cohort of the 2022+ blended pattern runs them.
const (
	AgendaMandiri         AgendaKind = "mandiri"           // pembelajaran mandiri (LMS)
	AgendaJarakJauh       AgendaKind = "jarak_jauh"        // pembelajaran jarak jauh
	AgendaKlasikal        AgendaKind = "klasikal"          // pembelajaran klasikal
	AgendaTakingOwnership AgendaKind = "taking_ownership"  // breakthrough I, taking ownership
	AgendaDesignSeminar   AgendaKind = "seminar_rancangan" // seminar rancangan proyek/aksi perubahan
	AgendaLaboratory      AgendaKind = "laboratorium"      // breakthrough II, laboratorium kepemimpinan / aktualisasi
	AgendaCoaching        AgendaKind = "coaching"          // sesi coaching or mentoring
	AgendaVisitasi        AgendaKind = "visitasi"          // visitasi kepemimpinan / benchmarking (PKN only)
	AgendaFinalSeminar    AgendaKind = "seminar_laporan"   // seminar laporan proyek/aksi perubahan
	AgendaClosing         AgendaKind = "penutupan"         // penutupan and certification
	AgendaPostEvaluation  AgendaKind = "evaluasi_pasca"    // evaluasi pascapelatihan
)

// AgendaKinds lists every agenda kind in its usual order.
var AgendaKinds = []AgendaKind{AgendaMandiri, AgendaJarakJauh, AgendaKlasikal, AgendaTakingOwnership,
	AgendaDesignSeminar, AgendaLaboratory, AgendaCoaching, AgendaVisitasi, AgendaFinalSeminar,
	AgendaClosing, AgendaPostEvaluation}

// Name is the kind's name in Bahasa Indonesia, the default title of an
// item of the kind.
func (k AgendaKind) Name() string { return agendaKindNames[k] }

var agendaKindNames = map[AgendaKind]string{
	AgendaMandiri:         "Pembelajaran mandiri",
	AgendaJarakJauh:       "Pembelajaran jarak jauh",
	AgendaKlasikal:        "Pembelajaran klasikal",
	AgendaTakingOwnership: "Taking ownership",
	AgendaDesignSeminar:   "Seminar rancangan",
	AgendaLaboratory:      "Laboratorium kepemimpinan",
	AgendaCoaching:        "Sesi coaching",
	AgendaVisitasi:        "Visitasi kepemimpinan",
	AgendaFinalSeminar:    "Seminar laporan",
	AgendaClosing:         "Penutupan",
	AgendaPostEvaluation:  "Evaluasi pascapelatihan",
}

// ParseAgendaKind returns the agenda kind named s, or an Invalid error
// naming field.
func ParseAgendaKind(field, s string) (AgendaKind, error) {
	for _, k := range AgendaKinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", Invalid(field, CodeFieldNotOneOf, Params{"values": agendaKindValues()})
}

func agendaKindValues() string {
	names := make([]string, len(AgendaKinds))
	for i, k := range AgendaKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// AgendaItem is one dated item of a cohort's agenda: a learning period, a
// seminar, a coaching session, a visit. Its dates are whole days (an item
// of one day starts and ends on the same day) and lie within the cohort's
// dates; only the evaluasi pascapelatihan, held months after the training,
// may end after the cohort does.
type AgendaItem struct {
	ID       uuid.UUID
	CohortID uuid.UUID
	Kind     AgendaKind
	// Title defaults to the kind's name (AgendaKind.Name).
	Title    string
	StartsOn Date
	EndsOn   Date
	// Place is where it is held; OnlineURL the link of an online meeting.
	Place     string
	OnlineURL string
	Notes     string
	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
	// Offer is what the caller who read it may do to it now.
	Offer Offer `json:"-"`
}

// AgendaItemPlan is what an organizer gives to add an agenda item.
type AgendaItemPlan struct {
	Kind      string
	Title     string
	StartsOn  Date
	EndsOn    Date
	Place     string
	OnlineURL string
	Notes     string
}

// AgendaItemChanges is a partial update of an agenda item; nil fields stay.
type AgendaItemChanges struct {
	Kind      *string
	Title     *string
	StartsOn  *Date
	EndsOn    *Date
	Place     *string
	OnlineURL *string
	Notes     *string
}

// newAgendaItem validates a plan into an item of cohort c's agenda.
func newAgendaItem(c Cohort, p AgendaItemPlan, now time.Time) (AgendaItem, error) {
	a := AgendaItem{ID: NewID(), CohortID: c.ID, Title: p.Title, StartsOn: p.StartsOn, EndsOn: p.EndsOn, Place: p.Place,
		OnlineURL: p.OnlineURL, Notes: p.Notes, Version: 1, CreatedAt: now, UpdatedAt: now}
	var v Violations
	kind, err := ParseAgendaKind("kind", p.Kind)
	v.AddError("kind", err)
	a.Kind = kind
	a.validate(c, &v)
	return a, v.Err()
}

// apply changes a and checks it again against its cohort c.
func (a *AgendaItem) apply(c Cohort, ch AgendaItemChanges) error {
	var v Violations
	if ch.Kind != nil {
		kind, err := ParseAgendaKind("kind", *ch.Kind)
		v.AddError("kind", err)
		if err == nil {
			// A title that was the old kind's name follows the kind.
			if a.Title == a.Kind.Name() && ch.Title == nil {
				a.Title = ""
			}
			a.Kind = kind
		}
	}
	for _, f := range []struct {
		to   *string
		from *string
	}{{&a.Title, ch.Title}, {&a.Place, ch.Place}, {&a.OnlineURL, ch.OnlineURL}, {&a.Notes, ch.Notes}} {
		if f.from != nil {
			*f.to = *f.from
		}
	}
	if ch.StartsOn != nil {
		a.StartsOn = *ch.StartsOn
	}
	if ch.EndsOn != nil {
		a.EndsOn = *ch.EndsOn
	}
	a.validate(c, &v)
	return v.Err()
}

// validate checks an item's rules: its texts, its dates in order and within
// the cohort's (an evaluasi pascapelatihan may end after the cohort), and
// an online link that is an http(s) URL.
func (a *AgendaItem) validate(c Cohort, v *Violations) {
	a.Title = text(v, "title", a.Title, false)
	if a.Title == "" && a.Kind != "" {
		a.Title = a.Kind.Name()
	}
	a.Place = text(v, "place", a.Place, false)
	a.Notes = longText(v, "notes", a.Notes)
	a.OnlineURL = strings.TrimSpace(a.OnlineURL)
	if a.OnlineURL != "" {
		u, err := url.Parse(a.OnlineURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(a.OnlineURL) > 2000 {
			v.Add("onlineUrl", CodeFieldURL)
		}
	}
	switch {
	case a.StartsOn.IsZero():
		v.Add("startsOn", CodeFieldRequired)
	case a.EndsOn.IsZero():
		v.Add("endsOn", CodeFieldRequired)
	case a.EndsOn.Before(a.StartsOn):
		v.Add("endsOn", CodeAgendaDatesOrder)
	case a.StartsOn.Before(c.StartsOn):
		v.Add("startsOn", CodeAgendaOutsideCohort, Params{"startsOn": c.StartsOn.String(), "endsOn": c.EndsOn.String()})
	case c.EndsOn.Before(a.EndsOn) && a.Kind != AgendaPostEvaluation:
		v.Add("endsOn", CodeAgendaOutsideCohort, Params{"startsOn": c.StartsOn.String(), "endsOn": c.EndsOn.String()})
	}
}

// Agenda is a cohort's agenda, its items in the order they happen (by
// start, then end, then the order of AgendaKinds).
type Agenda []AgendaItem

// SortAgenda puts items in the order they happen.
func SortAgenda(items []AgendaItem) {
	slices.SortStableFunc(items, func(a, b AgendaItem) int {
		if c := a.StartsOn.Time().Compare(b.StartsOn.Time()); c != 0 {
			return c
		}
		if c := a.EndsOn.Time().Compare(b.EndsOn.Time()); c != 0 {
			return c
		}
		return slices.Index(AgendaKinds, a.Kind) - slices.Index(AgendaKinds, b.Kind)
	})
}

// phaseAgendaKinds are the agenda kinds the four phases of the API's
// cohort schedule stand for: a phase spans from the first to the last item
// of its kind.
var phaseAgendaKinds = []struct {
	phase PhaseKind
	kind  AgendaKind
}{
	{PhaseDesign, AgendaTakingOwnership},
	{PhaseDesignSeminar, AgendaDesignSeminar},
	{PhaseImplementation, AgendaLaboratory},
	{PhaseFinalSeminar, AgendaFinalSeminar},
}

// AgendaKindOfPhase returns the agenda kind a phase stands for.
func AgendaKindOfPhase(p PhaseKind) AgendaKind {
	for _, pk := range phaseAgendaKinds {
		if pk.phase == p {
			return pk.kind
		}
	}
	return ""
}

// Phases derives the cohort's phases from its agenda: each phase spans
// from the first day of the first item of its kind to the last day of the
// last (taking_ownership → design, seminar_rancangan → design_seminar,
// laboratorium → implementation, seminar_laporan → final_seminar), in the
// order of PhaseKinds; a phase without items is left out. The database
// keeps the same projection in cohorts.phases (migration 0012).
func (a Agenda) Phases() []Phase {
	phases := []Phase{}
	for _, pk := range phaseAgendaKinds {
		first, last, ok := a.span(pk.kind)
		if ok {
			phases = append(phases, Phase{Kind: pk.phase, StartsOn: first, EndsOn: last})
		}
	}
	return phases
}

// span is the first and last day of the items of kind.
func (a Agenda) span(kind AgendaKind) (first, last Date, ok bool) {
	for _, it := range a {
		if it.Kind != kind {
			continue
		}
		if !ok || it.StartsOn.Before(first) {
			first = it.StartsOn
		}
		if !ok || last.Before(it.EndsOn) {
			last = it.EndsOn
		}
		ok = true
	}
	return first, last, ok
}

// agendaOfPhases turns phases given the old way (create-cohort and
// update-cohort still accept them) into agenda items of their kinds.
func agendaOfPhases(c Cohort, phases []Phase, now time.Time) []AgendaItem {
	items := make([]AgendaItem, 0, len(phases))
	for _, ph := range phases {
		kind := AgendaKindOfPhase(ph.Kind)
		items = append(items, AgendaItem{ID: NewID(), CohortID: c.ID, Kind: kind, Title: kind.Name(), StartsOn: ph.StartsOn,
			EndsOn: ph.EndsOn, Version: 1, CreatedAt: now, UpdatedAt: now})
	}
	return items
}

// phaseAgendaKindList lists the kinds that phases stand for.
func phaseAgendaKindList() []AgendaKind {
	kinds := make([]AgendaKind, len(phaseAgendaKinds))
	for i, pk := range phaseAgendaKinds {
		kinds[i] = pk.kind
	}
	return kinds
}
