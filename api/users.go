package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// User is an account as clients see it. Secrets are never shown.
type User struct {
	ID            uuid.UUID  `json:"id" format:"uuid" doc:"The user's id."`
	Email         string     `json:"email" format:"email" doc:"E-mail address, used to sign in; unique regardless of case." example:"budi.santoso@batam.go.id"`
	Name          string     `json:"name" doc:"Full name with academic titles, as it appears on certificates." example:"Dr. Budi Santoso, S.T., M.Si."`
	SortName      string     `json:"sortName" doc:"The key to list them by: the name without the titles before it and the degrees after it, in lower case (domain.SortName)." example:"budi santoso"`
	NIP           string     `json:"nip,omitempty" doc:"Nomor Induk Pegawai: 18 digits (birth date, appointment year and month, sex, sequence)." example:"198001152005011002"`
	Position      string     `json:"position" doc:"Position (jabatan)." example:"Kepala Dinas Komunikasi dan Informatika"`
	Rank          string     `json:"rank" doc:"Rank (pangkat/golongan)." example:"Pembina Utama Muda (IV/c)"`
	AgencyID      *uuid.UUID `json:"agencyId,omitempty" format:"uuid" doc:"The agency (instansi) the user works for."`
	UnitID        *uuid.UUID `json:"unitId,omitempty" format:"uuid" doc:"The user's work unit (unit kerja) in their agency (list-units)."`
	PlatformAdmin bool       `json:"platformAdmin" doc:"Whether the user administers the installation."`
	Activated     bool       `json:"activated" doc:"Whether the user has set a password; false for imported people who have not activated their account yet."`
	Version       int64      `json:"version" doc:"Increases with every change; the ETag names it." example:"1"`
	CreatedAt     time.Time  `json:"createdAt" doc:"When the account was created."`
	UpdatedAt     time.Time  `json:"updatedAt" doc:"When the profile last changed."`
}

func newUser(u domain.User) User {
	return User{ID: u.ID, Email: u.Email, Name: u.Name, SortName: domain.SortName(u.Name), NIP: string(u.NIP), Position: u.Position, Rank: u.Rank, AgencyID: u.AgencyID,
		UnitID: u.UnitID, PlatformAdmin: u.PlatformAdmin, Activated: u.Activated, Version: u.Version, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt}
}

// UserCreate is the body of create-user.
type UserCreate struct {
	Email         string     `json:"email" format:"email" maxLength:"254" doc:"E-mail address; unique regardless of case." example:"siti.rahayu@soppengkab.go.id"`
	Name          string     `json:"name" minLength:"1" maxLength:"200" doc:"Full name with academic titles." example:"Siti Rahayu, S.Sos., M.AP."`
	Password      string     `json:"password,omitempty" maxLength:"256" doc:"At least 10 characters. Leave out to get a one-time activation code to hand to the person instead." example:"kata-sandi-rahasia"`
	NIP           string     `json:"nip,omitempty" maxLength:"24" doc:"Nomor Induk Pegawai, 18 digits." example:"199203102015032001"`
	Position      string     `json:"position,omitempty" maxLength:"200" doc:"Position (jabatan)." example:"Kepala Bagian Organisasi"`
	Rank          string     `json:"rank,omitempty" maxLength:"200" doc:"Rank (pangkat/golongan)." example:"Penata Tingkat I (III/d)"`
	AgencyID      *uuid.UUID `json:"agencyId,omitempty" format:"uuid" doc:"The agency the user works for."`
	UnitID        *uuid.UUID `json:"unitId,omitempty" format:"uuid" doc:"The user's work unit: a unit of agencyId (422 unit.not_of_agency otherwise)."`
	PlatformAdmin bool       `json:"platformAdmin,omitempty" doc:"Make the user a platform admin (platform admins only)."`
	InstitutionID *uuid.UUID `json:"institutionId,omitempty" format:"uuid" doc:"The training institution registering the account, which you organize for; its organizers may correct the profile and issue codes until the person activates the account. Left out, it is the one institution you organize for."`
}

// UserCreated is the answer of create-user.
type UserCreated struct {
	User
	ActivationCode string `json:"activationCode,omitempty" doc:"The one-time activation code, when no password was given: hand it to the person. Shown only now." example:"7KQ2-M9XD-4TPA"`
}

// UserPatch is the body of update-user, a JSON merge patch: fields left out
// stay as they are; null removes an optional field.
type UserPatch struct {
	Email         Optional[string]    `json:"email,omitempty" maxLength:"254" format:"email" doc:"New e-mail address."`
	Name          Optional[string]    `json:"name,omitempty" maxLength:"200" example:"Dr. Budi Santoso, S.T., M.Si." doc:"New full name."`
	NIP           Optional[string]    `json:"nip,omitempty" maxLength:"24" example:"198001152005011002" doc:"New NIP; null removes it."`
	Position      Optional[string]    `json:"position,omitempty" maxLength:"200" example:"Kepala Dinas Komunikasi dan Informatika" doc:"New position."`
	Rank          Optional[string]    `json:"rank,omitempty" maxLength:"200" example:"Pembina Utama Muda (IV/c)" doc:"New rank."`
	AgencyID      Optional[uuid.UUID] `json:"agencyId,omitempty" format:"uuid" doc:"New agency; null removes it. A new agency without unitId also removes the unit, which belonged to the old one."`
	UnitID        Optional[uuid.UUID] `json:"unitId,omitempty" format:"uuid" doc:"New work unit, a unit of the (new) agency (422 unit.not_of_agency otherwise); null removes it."`
	PlatformAdmin Optional[bool]      `json:"platformAdmin,omitempty" doc:"Grant or take platform administration (platform admins only)."`
}

func (p UserPatch) changes() domain.UserChanges {
	c := domain.UserChanges{Email: p.Email.ptr(), Name: p.Name.ptr(), Position: p.Position.ptr(), Rank: p.Rank.ptr(),
		AgencyID: p.AgencyID.ptr(), ClearAgency: p.AgencyID.Null, UnitID: p.UnitID.ptr(), ClearUnit: p.UnitID.Null, PlatformAdmin: p.PlatformAdmin.ptr()}
	if p.NIP.Set {
		nip := p.NIP.Value // null clears: the empty string
		c.NIP = &nip
	}
	return c
}

// UserPath names a user in the path.
type UserPath struct {
	UserID uuid.UUID `path:"userId" format:"uuid" doc:"The user's id."`
}

type userOutput struct {
	ETag string `header:"ETag" doc:"The version of the user, for If-Match."`
	Body User
}

type userCreatedOutput struct {
	ETag string `header:"ETag" doc:"The version of the user, for If-Match."`
	Body UserCreated
}

func userAnswer(u domain.User, err error) (*userOutput, error) {
	if err != nil {
		return nil, err
	}
	return &userOutput{ETag: etag(u.Version), Body: newUser(u)}, nil
}

func registerUsers(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "create-user", Method: http.MethodPost, Path: "/users", DefaultStatus: http.StatusCreated,
		Summary: "Create an account", Tags: []string{"users"}, Security: signedIn, Metadata: idempotent,
		Description: "Creates a person's account on behalf of a training institution (`institutionId`). Platform admins and organizers may do this. Without a password the answer holds a one-time activation code (valid 14 days) to hand to the person.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		IdempotencyKeyHeader
		Body UserCreate
	}) (*userCreatedOutput, error) {
		b := in.Body
		u, code, err := s.Directory.CreateUser(ctx, actorOf(ctx), domain.UserProfile{Email: b.Email, Name: b.Name, NIP: b.NIP,
			Position: b.Position, Rank: b.Rank, AgencyID: b.AgencyID, UnitID: b.UnitID, PlatformAdmin: b.PlatformAdmin, RegisteredBy: b.InstitutionID}, b.Password)
		if err != nil {
			return nil, err
		}
		return &userCreatedOutput{ETag: etag(u.Version), Body: UserCreated{User: newUser(u), ActivationCode: code}}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-users", Method: http.MethodGet, Path: "/users",
		Summary: "List and search accounts", Tags: []string{"users"}, Security: signedIn,
		Description: "Lists accounts by name. `q` searches name, e-mail and NIP (any part of them, regardless of case). Platform admins and organizers may do this, to find people to enroll or add as staff.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		PageParams
		Q string `query:"q" maxLength:"100" doc:"Text to look for in name, e-mail or NIP." example:"santoso"`
	}) (*listOutput[User], error) {
		return listAnswer(ctx, newUser)(s.Directory.ListUsers(ctx, actorOf(ctx), in.Q, in.request()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "get-user", Method: http.MethodGet, Path: "/users/{userId}",
		Summary: "Get an account", Tags: []string{"users"}, Security: signedIn,
		Description: "Returns an account: your own, or one of a person you share a cohort with; platform admins and organizers see every account.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *UserPath) (*userOutput, error) {
		return userAnswer(s.Directory.GetUser(ctx, actorOf(ctx), in.UserID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "update-user", Method: http.MethodPatch, Path: "/users/{userId}",
		Summary: "Change an account's profile", Tags: []string{"users"}, Security: signedIn,
		Description: "Changes a profile with a JSON merge patch (RFC 7396). People change their own profile; organizers of the institution that registered the account may correct it until its owner activates it; only platform admins may grant platform administration. Send If-Match with the ETag you read to avoid overwriting someone else's change. Changing your own e-mail or NIP to one another account has is limited like sign-ins (10 in 15 minutes, then 429), so that nobody can list who has an account.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed, http.StatusUnprocessableEntity, http.StatusTooManyRequests},
	}, func(ctx context.Context, in *struct {
		UserPath
		Precondition
		Body UserPatch `contentType:"application/merge-patch+json"`
	}) (*userOutput, error) {
		return userAnswer(s.Directory.UpdateUser(ctx, actorOf(ctx), in.UserID, in.Body.changes(), in.expected()))
	})
}
