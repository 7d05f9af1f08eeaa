package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// Class is a class (kelas) of a cohort: the level between the cohort and
// its groups.
type Class struct {
	ID           uuid.UUID   `json:"id" format:"uuid" doc:"The class's id."`
	CohortID     uuid.UUID   `json:"cohortId" format:"uuid" doc:"Its cohort."`
	Name         string      `json:"name" doc:"Its name, unique in the cohort whatever the case." example:"Kelas A"`
	CoachIDs     []uuid.UUID `json:"coachIds" doc:"The cohort's coaches assigned to the class."`
	Participants int         `json:"participants" minimum:"0" doc:"How many participants are in it." example:"30"`
	Groups       []string    `json:"groups" doc:"The groups (kelompok) of its participants, by name." example:"[\"Kelompok 1\",\"Kelompok 2\"]"`
	Version      int64       `json:"version" doc:"Increases with every change; the ETag names it." example:"1"`
	CreatedAt    time.Time   `json:"createdAt" doc:"When it was created."`
	UpdatedAt    time.Time   `json:"updatedAt" doc:"When it last changed."`
	Offered
}

func newClass(c domain.Class) Class {
	return Class{ID: c.ID, CohortID: c.CohortID, Name: c.Name, CoachIDs: c.CoachIDs, Participants: c.Participants, Groups: c.Groups,
		Version: c.Version, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt, Offered: offered(c.Offer)}
}

// ClassCreate is the body of create-class.
type ClassCreate struct {
	Name     string      `json:"name" minLength:"1" maxLength:"200" doc:"The class's name." example:"Kelas A"`
	CoachIDs []uuid.UUID `json:"coachIds,omitempty" maxItems:"50" format:"uuid" maxLength:"36" doc:"Coaches of the cohort to assign to it."`
}

// ClassPatch is the body of update-class, a JSON merge patch.
type ClassPatch struct {
	Name     Optional[string] `json:"name,omitempty" minLength:"1" maxLength:"200" doc:"The new name." example:"Kelas B"`
	CoachIDs []uuid.UUID      `json:"coachIds,omitempty" maxItems:"50" format:"uuid" maxLength:"36" doc:"The coaches of the class, replacing the ones it has; [] assigns none."`
}

// ClassList is the answer of list-classes.
type ClassList struct {
	Items []Class `json:"items" doc:"The cohort's classes, by name."`
}

// ClassPath names a class in the path.
type ClassPath struct {
	ClassID uuid.UUID `path:"classId" format:"uuid" doc:"The class's id."`
}

type classOutput struct {
	ETag string `header:"ETag" doc:"The version of the class, for If-Match."`
	Body Class
}

func classAnswer(c domain.Class, err error) (*classOutput, error) {
	if err != nil {
		return nil, err
	}
	return &classOutput{ETag: etag(c.Version), Body: newClass(c)}, nil
}

// ClassFilter is the classId query parameter of the views that follow a
// cohort by class.
type ClassFilter struct {
	ClassID string `query:"classId" format:"uuid" doc:"Only the participants of this class of the cohort (list-classes); another cohort's class answers 422 class.unknown naming query.classId."`
}

// class returns the filter's class, or nil without one.
func (f ClassFilter) class() (*uuid.UUID, error) {
	if f.ClassID == "" {
		return nil, nil
	}
	id, err := uuid.Parse(f.ClassID)
	if err != nil {
		return nil, domain.Invalid("query.classId", domain.CodeClassUnknown)
	}
	return &id, nil
}

func registerClasses(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "list-classes", Method: http.MethodGet, Path: "/cohorts/{cohortId}/classes",
		Summary: "List a cohort's classes", Tags: []string{"classes"}, Security: signedIn,
		Description: "The cohort's classes (kelas) by name, each with its coaches, how many participants it has and their groups. Anyone in the cohort sees them.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *CohortPath) (*struct{ Body ClassList }, error) {
		list, err := s.Classes.ListClasses(ctx, actorOf(ctx), in.CohortID)
		if err != nil {
			return nil, err
		}
		out := &struct{ Body ClassList }{Body: ClassList{Items: make([]Class, len(list))}}
		for i, c := range list {
			out.Body.Items[i] = newClass(c)
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "create-class", Method: http.MethodPost, Path: "/cohorts/{cohortId}/classes", DefaultStatus: http.StatusCreated,
		Summary: "Create a class", Tags: []string{"classes"}, Security: signedIn, Metadata: idempotent,
		Description: "Adds a class to the cohort, with the coaches assigned to it. A name the cohort has already, in any case, answers 409 class.name_taken. The cohort's organizers may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		CohortPath
		IdempotencyKeyHeader
		Body ClassCreate
	}) (*classOutput, error) {
		return classAnswer(s.Classes.CreateClass(ctx, actorOf(ctx), in.CohortID, domain.ClassPlan{Name: in.Body.Name, CoachIDs: in.Body.CoachIDs}))
	})

	huma.Register(api, huma.Operation{
		OperationID: "update-class", Method: http.MethodPatch, Path: "/classes/{classId}",
		Summary: "Rename a class or assign its coaches", Tags: []string{"classes"}, Security: signedIn,
		Description: "Renames the class or replaces its coaches with a JSON merge patch (RFC 7396). The cohort's organizers may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ClassPath
		Precondition
		Body ClassPatch `contentType:"application/merge-patch+json"`
	}) (*classOutput, error) {
		return classAnswer(s.Classes.UpdateClass(ctx, actorOf(ctx), in.ClassID, in.Body.Name.ptr(), in.Body.CoachIDs, in.expected()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "delete-class", Method: http.MethodDelete, Path: "/classes/{classId}", DefaultStatus: http.StatusNoContent,
		Summary: "Delete a class", Tags: []string{"classes"}, Security: signedIn,
		Description: "Removes an empty class. A class that still has participants answers 409 class.not_empty: move them to another class first (update-enrollment). The cohort's organizers may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict},
	}, func(ctx context.Context, in *ClassPath) (*struct{}, error) {
		return nil, s.Classes.DeleteClass(ctx, actorOf(ctx), in.ClassID)
	})
}
