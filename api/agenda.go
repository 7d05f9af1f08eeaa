package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// AgendaItem is one dated item of a cohort's agenda.
type AgendaItem struct {
	ID        uuid.UUID   `json:"id" format:"uuid" doc:"The item's id."`
	CohortID  uuid.UUID   `json:"cohortId" format:"uuid" doc:"Its cohort."`
	Kind      string      `json:"kind" enum:"mandiri,jarak_jauh,klasikal,taking_ownership,seminar_rancangan,laboratorium,coaching,visitasi,seminar_laporan,penutupan,evaluasi_pasca" doc:"What it is: pembelajaran mandiri, jarak jauh or klasikal; taking ownership (breakthrough I); seminar rancangan; laboratorium kepemimpinan (breakthrough II); a coaching session; visitasi; seminar laporan; penutupan; evaluasi pascapelatihan." example:"seminar_rancangan"`
	Title     string      `json:"title" doc:"Its title; the kind's Indonesian name unless the organizers gave another." example:"Seminar rancangan"`
	StartsOn  domain.Date `json:"startsOn" format:"date" doc:"First day." example:"2026-03-16"`
	EndsOn    domain.Date `json:"endsOn" format:"date" doc:"Last day (the same as startsOn for one day)." example:"2026-03-17"`
	Place     string      `json:"place" doc:"Where it is held; empty when not given." example:"Kampus BPSDM Jawa Timur, Ruang Brawijaya"`
	OnlineURL string      `json:"onlineUrl" doc:"The link of an online meeting; empty when not given." example:"https://zoom.us/j/123456789"`
	Notes     string      `json:"notes" doc:"Notes for the participants and staff." example:"Bawa bahan tayang rancangan."`
	Version   int64       `json:"version" doc:"Increases with every change; the ETag names it." example:"1"`
	CreatedAt time.Time   `json:"createdAt" doc:"When it was added."`
	UpdatedAt time.Time   `json:"updatedAt" doc:"When it last changed."`
	Offered
}

func newAgendaItem(a domain.AgendaItem) AgendaItem {
	return AgendaItem{ID: a.ID, CohortID: a.CohortID, Kind: string(a.Kind), Title: a.Title, StartsOn: a.StartsOn, EndsOn: a.EndsOn,
		Place: a.Place, OnlineURL: a.OnlineURL, Notes: a.Notes, Version: a.Version, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt,
		Offered: offered(a.Offer)}
}

// CohortAgenda is the answer of list-agenda-items.
type CohortAgenda struct {
	Items         []AgendaItem `json:"items" doc:"The items, in the order they happen."`
	RefuseOutside []string     `json:"refuseOutside" doc:"The workflow steps the cohort refuses outside their agenda item (see update-agenda-rules); the others are accepted and flagged early or late."`
	RulesVersion  int64        `json:"rulesVersion" doc:"The version of the rules, for If-Match of update-agenda-rules (0 until first set)." example:"0"`
	Offered
}

// AgendaItemCreate is the body of create-agenda-item.
type AgendaItemCreate struct {
	Kind      string      `json:"kind" enum:"mandiri,jarak_jauh,klasikal,taking_ownership,seminar_rancangan,laboratorium,coaching,visitasi,seminar_laporan,penutupan,evaluasi_pasca" doc:"What it is." example:"coaching"`
	Title     string      `json:"title,omitempty" maxLength:"200" doc:"Its title; the kind's Indonesian name when left out." example:"Coaching kelompok 1"`
	StartsOn  domain.Date `json:"startsOn" format:"date" doc:"First day, within the cohort's dates." example:"2026-04-20"`
	EndsOn    domain.Date `json:"endsOn" format:"date" doc:"Last day, not before startsOn, within the cohort's dates (an evaluasi_pasca may come after them)." example:"2026-04-20"`
	Place     string      `json:"place,omitempty" maxLength:"200" doc:"Where it is held." example:"Ruang Coaching 2"`
	OnlineURL string      `json:"onlineUrl,omitempty" maxLength:"2000" doc:"The http(s) link of an online meeting." example:"https://zoom.us/j/123456789"`
	Notes     string      `json:"notes,omitempty" maxLength:"5000" doc:"Notes." example:"Bawa laporan kemajuan."`
}

// AgendaItemPatch is the body of update-agenda-item, a JSON merge patch;
// null clears a text.
type AgendaItemPatch struct {
	Kind      Optional[string]      `json:"kind,omitempty" enum:"mandiri,jarak_jauh,klasikal,taking_ownership,seminar_rancangan,laboratorium,coaching,visitasi,seminar_laporan,penutupan,evaluasi_pasca" doc:"New kind."`
	Title     Optional[string]      `json:"title,omitempty" maxLength:"200" doc:"New title; null or empty for the kind's name."`
	StartsOn  Optional[domain.Date] `json:"startsOn,omitempty" format:"date" doc:"New first day."`
	EndsOn    Optional[domain.Date] `json:"endsOn,omitempty" format:"date" doc:"New last day."`
	Place     Optional[string]      `json:"place,omitempty" maxLength:"200" doc:"New place."`
	OnlineURL Optional[string]      `json:"onlineUrl,omitempty" maxLength:"2000" doc:"New online link."`
	Notes     Optional[string]      `json:"notes,omitempty" maxLength:"5000" doc:"New notes."`
}

// AgendaRulesPut is the body of update-agenda-rules.
type AgendaRulesPut struct {
	RefuseOutside []string `json:"refuseOutside" maxItems:"6" enum:"submit_design,decide_design,submit_evidence,submit_final,score_design_seminar,score_final_seminar" doc:"The steps to refuse when taken outside their agenda item: submit_design, decide_design, submit_evidence, submit_final, score_design_seminar, score_final_seminar. Empty: refuse none (flag them early or late). All six make a strict agenda." example:"[\"submit_final\"]"`
}

// AgendaItemPath names an agenda item in the path.
type AgendaItemPath struct {
	ItemID uuid.UUID `path:"itemId" format:"uuid" doc:"The agenda item's id."`
}

type agendaItemOutput struct {
	ETag string `header:"ETag" doc:"The version of the item, for If-Match."`
	Body AgendaItem
}

func agendaItemAnswer(a domain.AgendaItem, err error) (*agendaItemOutput, error) {
	if err != nil {
		return nil, err
	}
	return &agendaItemOutput{ETag: etag(a.Version), Body: newAgendaItem(a)}, nil
}

// clearable is a merge-patched text: null clears it.
func clearable(o Optional[string]) *string {
	if o.Set && o.Null {
		empty := ""
		return &empty
	}
	return o.ptr()
}

// AgendaEntry is one line of get-my-agenda: an agenda item or a deadline.
type AgendaEntry struct {
	Type         string       `json:"type" enum:"item,deadline" doc:"item: an item of a cohort's agenda; deadline: a step of your own project that is due." example:"item"`
	CohortID     uuid.UUID    `json:"cohortId" format:"uuid" doc:"The cohort."`
	CohortName   string       `json:"cohortName" doc:"Its name." example:"PKN II Angkatan XII Tahun 2026"`
	Item         *AgendaItem  `json:"item,omitempty" doc:"The agenda item (type item)."`
	Deadline     string       `json:"deadline,omitempty" enum:"submit_design,submit_final" doc:"What is due (type deadline): submit_design, the design, the day before the seminar rancangan; submit_final, the final report, the day before the seminar laporan." example:"submit_design"`
	DueOn        *domain.Date `json:"dueOn,omitempty" format:"date" doc:"The deadline's last day."`
	ProjectID    *uuid.UUID   `json:"projectId,omitempty" format:"uuid" doc:"Your project the deadline is of."`
	ProjectTitle string       `json:"projectTitle,omitempty" doc:"Its title." example:"Antrean Daring Adminduk"`
	Overdue      bool         `json:"overdue" doc:"The deadline has passed and the step is not taken."`
}

// MyAgenda is the answer of get-my-agenda.
type MyAgenda struct {
	Items []AgendaEntry `json:"items" doc:"What is next, earliest first."`
}

func newAgendaEntry(e domain.AgendaEntry) AgendaEntry {
	out := AgendaEntry{Type: "deadline", CohortID: e.CohortID, CohortName: e.CohortName, ProjectID: e.ProjectID, ProjectTitle: e.ProjectTitle, Overdue: e.Overdue}
	if e.Item != nil {
		item := newAgendaItem(*e.Item)
		out.Type, out.Item = "item", &item
	} else {
		due := e.DueOn
		out.Deadline, out.DueOn = string(e.Deadline), &due
	}
	return out
}

func registerAgenda(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "list-agenda-items", Method: http.MethodGet, Path: "/cohorts/{cohortId}/agenda",
		Summary: "List a cohort's agenda", Tags: []string{"agenda"}, Security: signedIn,
		Description: "Returns the cohort's agenda: its dated items in the order they happen, and the steps it refuses outside their item. Everyone who holds a role in the cohort may read it. " +
			"The agenda is the one source of the cohort's `phases`: each phase spans the items of its kind (taking_ownership → design, seminar_rancangan → design_seminar, laboratorium → implementation, seminar_laporan → final_seminar). " +
			"Workflow steps belong to its items: submitting and deciding the design from taking ownership (the design is due the day before the seminar rancangan, decisions until it ends), evidence during the laboratorium, the final report from the laboratorium until the day before the seminar laporan, each seminar's scores during it. " +
			"A step outside its window is accepted and flagged `early` or `late` in its event (the timeline and the progress dashboard show it), unless the cohort refuses that step (refuseOutside): then it answers 409 agenda.step_early or agenda.step_late.",
		Errors: []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *CohortPath) (*struct{ Body CohortAgenda }, error) {
		a, err := s.Cohorts.Agenda(ctx, actorOf(ctx), in.CohortID)
		if err != nil {
			return nil, err
		}
		return &struct{ Body CohortAgenda }{Body: newCohortAgenda(a)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "create-agenda-item", Method: http.MethodPost, Path: "/cohorts/{cohortId}/agenda", DefaultStatus: http.StatusCreated,
		Summary: "Add an agenda item", Tags: []string{"agenda"}, Security: signedIn, Metadata: idempotent,
		Description: "Adds a dated item to the cohort's agenda; several of a kind are allowed (two coaching sessions). Its dates lie within the cohort's; only an evaluasi_pasca may end after them. The cohort's organizers may do this; the cohort's version increases (its phases follow the agenda).",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		CohortPath
		IdempotencyKeyHeader
		Body AgendaItemCreate
	}) (*agendaItemOutput, error) {
		b := in.Body
		return agendaItemAnswer(s.Cohorts.CreateAgendaItem(ctx, actorOf(ctx), in.CohortID, domain.AgendaItemPlan{Kind: b.Kind, Title: b.Title,
			StartsOn: b.StartsOn, EndsOn: b.EndsOn, Place: b.Place, OnlineURL: b.OnlineURL, Notes: b.Notes}))
	})

	huma.Register(api, huma.Operation{
		OperationID: "update-agenda-item", Method: http.MethodPatch, Path: "/agenda-items/{itemId}",
		Summary: "Change an agenda item", Tags: []string{"agenda"}, Security: signedIn,
		Description: "Changes an agenda item with a JSON merge patch (RFC 7396); null clears a text (a cleared title becomes the kind's name). The cohort's organizers may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusPreconditionFailed, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		AgendaItemPath
		Precondition
		Body AgendaItemPatch `contentType:"application/merge-patch+json"`
	}) (*agendaItemOutput, error) {
		b := in.Body
		return agendaItemAnswer(s.Cohorts.UpdateAgendaItem(ctx, actorOf(ctx), in.ItemID, domain.AgendaItemChanges{Kind: b.Kind.ptr(),
			Title: clearable(b.Title), StartsOn: b.StartsOn.ptr(), EndsOn: b.EndsOn.ptr(), Place: clearable(b.Place),
			OnlineURL: clearable(b.OnlineURL), Notes: clearable(b.Notes)}, in.expected()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "delete-agenda-item", Method: http.MethodDelete, Path: "/agenda-items/{itemId}", DefaultStatus: http.StatusNoContent,
		Summary: "Delete an agenda item", Tags: []string{"agenda"}, Security: signedIn,
		Description: "Removes an item from the cohort's agenda. The cohort's organizers may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusPreconditionFailed},
	}, func(ctx context.Context, in *struct {
		AgendaItemPath
		Precondition
	}) (*struct{}, error) {
		return nil, s.Cohorts.DeleteAgendaItem(ctx, actorOf(ctx), in.ItemID, in.expected())
	})

	huma.Register(api, huma.Operation{
		OperationID: "update-agenda-rules", Method: http.MethodPut, Path: "/cohorts/{cohortId}/agenda/rules",
		Summary: "Choose the steps refused outside the agenda", Tags: []string{"agenda"}, Security: signedIn,
		Description: "Replaces the list of workflow steps the cohort refuses when taken outside their agenda item (per step; all six for a strict agenda). By default none is refused: a step outside its item is accepted and flagged early or late. The cohort's organizers may do this; If-Match takes rulesVersion.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusPreconditionFailed, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		CohortPath
		Precondition
		Body AgendaRulesPut
	}) (*struct{ Body CohortAgenda }, error) {
		if _, err := s.Cohorts.UpdateAgendaRules(ctx, actorOf(ctx), in.CohortID, in.Body.RefuseOutside, in.expected()); err != nil {
			return nil, err
		}
		a, err := s.Cohorts.Agenda(ctx, actorOf(ctx), in.CohortID)
		if err != nil {
			return nil, err
		}
		return &struct{ Body CohortAgenda }{Body: newCohortAgenda(a)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "draft-agenda", Method: http.MethodPost, Path: "/cohorts/{cohortId}/agenda/draft",
		Summary: "Draft the agenda from the program template", Tags: []string{"agenda"}, Security: signedIn,
		Description: "Fills an empty agenda with the agenda of the program template the cohort was created from: its kinds in order, each for its typical days, one after another from the cohort's first day and cut at its last (a kind that would begin after it is left out); the evaluasi pascapelatihan begins three months after the training. " +
			"The organizers then adjust the items. An agenda that has items is left alone (409 agenda.not_empty; a cohort created with phases has their items); a cohort without a template answers 409 agenda.no_template. The cohort's organizers may do this.",
		Errors: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict},
	}, func(ctx context.Context, in *CohortPath) (*struct{ Body CohortAgenda }, error) {
		a, err := s.Cohorts.DraftAgenda(ctx, actorOf(ctx), in.CohortID)
		if err != nil {
			return nil, err
		}
		return &struct{ Body CohortAgenda }{Body: newCohortAgenda(a)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "get-my-agenda", Method: http.MethodGet, Path: "/me/agenda",
		Summary: "See what is next for me", Tags: []string{"agenda"}, Security: signedIn,
		Description: "Returns what is next for you, in the order it happens: the items of the agendas of every cohort you hold a role in that have not ended, and for your own project the design due the day before the seminar rancangan and the final report due the day before the seminar laporan, while not submitted (a missed one stays, marked overdue).",
		Errors:      []int{http.StatusUnauthorized},
	}, func(ctx context.Context, in *struct{}) (*struct{ Body MyAgenda }, error) {
		entries, err := s.Cohorts.MyAgenda(ctx, actorOf(ctx))
		if err != nil {
			return nil, err
		}
		out := &struct{ Body MyAgenda }{}
		out.Body.Items = make([]AgendaEntry, len(entries))
		for i, e := range entries {
			out.Body.Items[i] = newAgendaEntry(e)
		}
		return out, nil
	})

	registerAgendaCalendars(api, s)
}

func newCohortAgenda(a domain.CohortAgenda) CohortAgenda {
	out := CohortAgenda{Items: make([]AgendaItem, len(a.Items)), RefuseOutside: make([]string, len(a.Rules.RefuseOutside)),
		RulesVersion: a.Rules.Version, Offered: offered(a.Offer)}
	for i, it := range a.Items {
		out.Items[i] = newAgendaItem(it)
	}
	for i, st := range a.Rules.RefuseOutside {
		out.RefuseOutside[i] = string(st)
	}
	return out
}
