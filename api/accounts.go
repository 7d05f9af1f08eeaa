package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// LoginRequest is the body of login.
type LoginRequest struct {
	Email    string `json:"email" format:"email" maxLength:"254" doc:"The e-mail address of the account." example:"budi.santoso@batam.go.id"`
	Password string `json:"password" minLength:"1" maxLength:"256" doc:"The account's password." example:"kata-sandi-rahasia"`
}

// ActivationRequest is the body of activate-account.
type ActivationRequest struct {
	Email    string `json:"email" format:"email" maxLength:"254" doc:"The e-mail address of the account." example:"budi.santoso@batam.go.id"`
	Code     string `json:"code" minLength:"1" maxLength:"40" doc:"The one-time activation code handed out by the organizer; case, spaces and dashes do not matter." example:"7KQ2-M9XD-4TPA"`
	Password string `json:"password" minLength:"10" maxLength:"256" doc:"The new password: at least 10 characters." example:"kata-sandi-rahasia"`
}

// SessionBody is the answer of login and activate-account.
type SessionBody struct {
	Token     string    `json:"token" doc:"The bearer token: send it as Authorization: Bearer <token>. Shown only now." example:"q3Jt9bUu0u7x8kqG0yKx1Q8nWmYV3c2Zt5nq8v0aX1E"`
	ExpiresAt time.Time `json:"expiresAt" doc:"When the token stops working." example:"2026-11-23T22:00:00Z"`
	User      User      `json:"user" doc:"The signed-in user."`
}

type sessionOutput struct {
	Body SessionBody
}

// RoleBody is one role of the signed-in user in one cohort.
type RoleBody struct {
	CohortID uuid.UUID `json:"cohortId" format:"uuid" doc:"The cohort."`
	Role     string    `json:"role" enum:"organizer,coach,examiner,participant,mentor,partner" doc:"The role held in that cohort; partner is an organizer of the cohort's partner institution, who reads it and changes nothing." example:"participant"`
}

// MeBody is the answer of get-me.
type MeBody struct {
	User          User              `json:"user" doc:"The signed-in user."`
	Roles         []RoleBody        `json:"roles" doc:"Every role the user holds, per cohort."`
	PlatformAdmin bool              `json:"platformAdmin" doc:"Whether the user administers the installation."`
	Institutions  []string          `json:"institutions" doc:"Ids of the institutions for which the user may create cohorts."`
	CohortTerms   []CohortTermsBody `json:"cohortTerms" doc:"The words of the product of each cohort where the user holds a role (Proyek Perubahan or Aksi Perubahan), so that every screen says them without reading the cohort."`
	Offered
}

// ActivationBody is the answer of issue-activation.
type ActivationBody struct {
	Code      string    `json:"code,omitempty" doc:"The one-time activation code, when delivery is returned: hand it to the person. Shown only now." example:"7KQ2-M9XD-4TPA"`
	ExpiresAt time.Time `json:"expiresAt" doc:"When the code stops working (14 days)." example:"2026-12-07T10:00:00Z"`
	Delivery  string    `json:"delivery" enum:"returned,email" doc:"Where the code went: returned in this answer, or mailed to the person's own address (then nobody else sees it)." example:"returned"`
}

func registerAccounts(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "login", Method: http.MethodPost, Path: "/auth/login",
		Summary: "Sign in", Tags: []string{"auth"},
		Description: "Checks an e-mail address and password and returns a bearer token. After 10 failed attempts within 15 minutes for one e-mail address or from one client address, further attempts are refused with 429 and a Retry-After header. When too many passwords are being checked at once, 503 with a Retry-After header.",
		Errors:      []int{http.StatusUnauthorized, http.StatusTooManyRequests, http.StatusServiceUnavailable},
	}, func(ctx context.Context, in *struct{ Body LoginRequest }) (*sessionOutput, error) {
		session, err := s.Accounts.Login(ctx, in.Body.Email, in.Body.Password, clientAddress(ctx))
		if err != nil {
			return nil, err
		}
		return &sessionOutput{Body: newSessionBody(session)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "activate-account", Method: http.MethodPost, Path: "/auth/activate",
		Summary: "Activate an account with its one-time code", Tags: []string{"auth"},
		Description: "Sets the first password of an account created by an organizer (for example by the roster import) with the one-time code they handed out, and signs the person in. Wrong codes count as failed sign-ins. When too many passwords are being checked at once, 503 with a Retry-After header.",
		Errors:      []int{http.StatusUnauthorized, http.StatusTooManyRequests, http.StatusServiceUnavailable},
	}, func(ctx context.Context, in *struct{ Body ActivationRequest }) (*sessionOutput, error) {
		session, err := s.Accounts.Activate(ctx, in.Body.Email, in.Body.Code, in.Body.Password, clientAddress(ctx))
		if err != nil {
			return nil, err
		}
		return &sessionOutput{Body: newSessionBody(session)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "logout", Method: http.MethodPost, Path: "/auth/logout", DefaultStatus: http.StatusNoContent,
		Summary: "Sign out", Tags: []string{"auth"}, Security: signedIn,
		Description: "Revokes the token the request was sent with; it answers 401 from then on.",
		Errors:      []int{http.StatusUnauthorized},
	}, func(ctx context.Context, _ *struct{}) (*struct{}, error) {
		return nil, s.Accounts.Logout(ctx, actorOf(ctx))
	})

	huma.Register(api, huma.Operation{
		OperationID: "logout-everywhere", Method: http.MethodPost, Path: "/auth/logout-everywhere", DefaultStatus: http.StatusNoContent,
		Summary: "Sign out on every device", Tags: []string{"auth"}, Security: signedIn,
		Description: "Revokes every token of the signed-in account, on every device, this one included: for a lost phone or a shared computer. Activating an account with a code does the same for its other tokens.",
		Errors:      []int{http.StatusUnauthorized},
	}, func(ctx context.Context, _ *struct{}) (*struct{}, error) {
		return nil, s.Accounts.LogoutEverywhere(ctx, actorOf(ctx))
	})

	huma.Register(api, huma.Operation{
		OperationID: "get-me", Method: http.MethodGet, Path: "/me",
		Summary: "Get the signed-in user and their roles", Tags: []string{"auth"}, Security: signedIn,
		Description: "Returns the signed-in user with every role they hold, per cohort, and the operations of the whole installation they may perform (actions), so a client can show each person the screens of their roles.",
		Errors:      []int{http.StatusUnauthorized},
	}, func(ctx context.Context, _ *struct{}) (*struct{ Body MeBody }, error) {
		actor := actorOf(ctx)
		user, err := s.Accounts.Me(ctx, actor)
		if err != nil {
			return nil, err
		}
		out := &struct{ Body MeBody }{}
		out.Body = MeBody{User: newUser(user), PlatformAdmin: actor.PlatformAdmin, Roles: []RoleBody{}, Institutions: []string{},
			Offered: offered(domain.OfferOf(actor))}
		for _, r := range actor.Roles {
			out.Body.Roles = append(out.Body.Roles, RoleBody{CohortID: r.CohortID, Role: string(r.Role)})
		}
		for _, id := range actor.Institutions {
			out.Body.Institutions = append(out.Body.Institutions, id.String())
		}
		if out.Body.CohortTerms, err = cohortTermsOf(ctx, s, actor); err != nil {
			return nil, err
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "issue-activation", Method: http.MethodPost, Path: "/users/{userId}/activation",
		Summary: "Issue a new one-time activation code", Tags: []string{"users"}, Security: signedIn,
		Description: "Gives a user a new one-time activation code (valid 14 days) with which they set a new password: for people who lost their code or forgot their password. Any earlier code stops working; the current password keeps working until the code is used.\n\n" +
			"The code is returned to a platform admin, and to an organizer of the institution that registered the account while its owner has not activated it. " +
			"For anyone else in an organizer's cohort, the code is mailed to the person's own address (delivery `email`) and shown to nobody; without SMTP this is refused with 403, and a platform admin gives the person a code. Platform admins' accounts are out of an organizer's reach.",
		Errors: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound},
	}, func(ctx context.Context, in *UserPath) (*struct{ Body ActivationBody }, error) {
		issued, err := s.Accounts.IssueActivation(ctx, actorOf(ctx), in.UserID)
		if err != nil {
			return nil, err
		}
		return &struct{ Body ActivationBody }{Body: ActivationBody{Code: issued.Code, ExpiresAt: issued.ExpiresAt, Delivery: string(issued.Delivery)}}, nil
	})
}

func newSessionBody(s domain.Session) SessionBody {
	return SessionBody{Token: s.Token, ExpiresAt: s.ExpiresAt.UTC(), User: newUser(s.User)}
}
