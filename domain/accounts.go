package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// Sign-in rules.
const (
	// DefaultSessionTTL is how long a session lasts unless configured.
	DefaultSessionTTL = 12 * time.Hour
	// LoginFailureLimit failures within LoginFailureWindow, for one e-mail
	// or from one client address, block further attempts until the oldest
	// failure leaves the window.
	LoginFailureLimit  = 10
	LoginFailureWindow = 15 * time.Minute
	// ActivationValidity is how long a one-time activation code works.
	ActivationValidity = 14 * 24 * time.Hour
)

// Accounts signs people in and out and activates imported accounts.
type Accounts struct {
	// Mail sends activation codes to their owners when e-mail is enabled.
	Mail Mailer
	// Hashing bounds the password checks that run at once; nil shares
	// one bound, sized from the machine, across the process.
	Hashing    *HashingLimit
	store      Store
	now        func() time.Time
	sessionTTL time.Duration
}

// NewAccounts returns the sign-in service; sessionTTL 0 means DefaultSessionTTL.
func NewAccounts(store Store, now func() time.Time, sessionTTL time.Duration) *Accounts {
	if sessionTTL <= 0 {
		sessionTTL = DefaultSessionTTL
	}
	return &Accounts{store: store, now: now, sessionTTL: sessionTTL}
}

// Session is a new sign-in: Token is shown to the client once and stored
// only as its hash.
type Session struct {
	Token     string
	ExpiresAt time.Time
	User      User
}

var errWrongCredentials = Fail(KindUnauthenticated, CodeWrongCredentials)

// Login checks an e-mail and password and opens a session. It costs the same
// whether or not the e-mail is known. Every attempt counts as a failure,
// per e-mail and per client address, before the password is checked, and
// is forgiven when it succeeds: past the limit it answers
// KindTooManyRequests, however many attempts arrive at once.
func (s *Accounts) Login(ctx context.Context, email, password, clientAddress string) (Session, error) {
	now := s.now()
	normalized, emailErr := ParseEmail(email)
	if emailErr != nil {
		normalized = email
	}
	attempt, err := reserveAttempt(ctx, s.store, normalized, clientAddress, now)
	if err != nil {
		return Session{}, err
	}
	user, creds, err := s.store.Users().ByEmail(ctx, normalized)
	if err != nil && KindOf(err) != KindNotFound {
		return Session{}, err
	}
	var verified bool
	// VerifyPassword does the full work even without a hash.
	if err := s.hashing().run(ctx, func() { verified = VerifyPassword(creds.PasswordHash, password) }); err != nil {
		return Session{}, s.forgetAttempt(ctx, attempt, err)
	}
	if !verified || err != nil || emailErr != nil {
		return Session{}, errWrongCredentials
	}
	if err := s.store.LoginFailures().Clear(ctx, normalized); err != nil {
		return Session{}, err
	}
	return s.openSession(ctx, s.store, user, now)
}

// reserveAttempt counts an attempt against two keys (an e-mail and a client
// address), or refuses it with KindTooManyRequests while LoginFailureLimit
// attempts within LoginFailureWindow count against either.
func reserveAttempt(ctx context.Context, store Store, key, otherKey string, now time.Time) (int64, error) {
	id, oldest, err := store.LoginFailures().Reserve(ctx, key, otherKey, now, now.Add(-LoginFailureWindow), LoginFailureLimit)
	if err != nil || id != 0 {
		return id, err
	}
	wait := oldest.Add(LoginFailureWindow).Sub(now)
	if wait < time.Second {
		wait = time.Second
	}
	return 0, &Error{Kind: KindTooManyRequests, Code: CodeTooManyFailures, RetryAfter: wait}
}

// countLookup counts one request of the actor's that could tell whether an
// e-mail address or NIP belongs to an account (a mentor proposed by e-mail,
// a changed e-mail or NIP of their own). Such requests are limited as
// sign-ins are, so that nobody can list who has an account; the returned
// id takes the count back (Forget) when the request revealed nothing.
func countLookup(ctx context.Context, store Store, actor *Actor, now time.Time) (int64, error) {
	if actor == nil {
		return 0, nil
	}
	key := "lookups:" + actor.UserID.String()
	return reserveAttempt(ctx, store, key, key, now)
}

// forgetAttempt takes back an attempt that was turned away before any
// check (no free password-hashing slot), and returns why.
func (s *Accounts) forgetAttempt(ctx context.Context, attempt int64, why error) error {
	if err := s.store.LoginFailures().Forget(context.WithoutCancel(ctx), attempt); err != nil {
		return err
	}
	return why
}

// hashing is the bound on concurrent password hashes.
func (s *Accounts) hashing() *HashingLimit {
	if s.Hashing == nil {
		return defaultHashing
	}
	return s.Hashing
}

// defaultHashing is shared by the services that were given no bound, so
// that it holds for the whole process.
var defaultHashing = DefaultHashingLimit(memoryLimit())

// openSession starts a session for user, stored through store: the
// transaction the sign-in belongs to, if there is one.
func (s *Accounts) openSession(ctx context.Context, store Store, user User, now time.Time) (Session, error) {
	token := NewSecret()
	expires := now.Add(s.sessionTTL)
	if err := store.Sessions().Create(ctx, HashSecret(token), user.ID, expires); err != nil {
		return Session{}, err
	}
	return Session{Token: token, ExpiresAt: expires, User: user}, nil
}

// Authenticate returns the actor whose session token this is, or
// KindUnauthenticated when it is unknown, expired or revoked.
func (s *Accounts) Authenticate(ctx context.Context, token string) (*Actor, error) {
	if token == "" {
		return nil, Fail(KindUnauthenticated, CodeSignInRequired)
	}
	hash := HashSecret(token)
	actor, err := s.store.Sessions().Actor(ctx, hash, s.now())
	if err != nil {
		return nil, err
	}
	actor.SessionHash = hash
	return &actor, nil
}

// Logout revokes the session the actor signed in with.
func (s *Accounts) Logout(ctx context.Context, actor *Actor) error {
	return s.store.Sessions().Revoke(ctx, actor.SessionHash, s.now())
}

// LogoutEverywhere revokes every session of the actor's account: on every
// device, the one of this request included.
func (s *Accounts) LogoutEverywhere(ctx context.Context, actor *Actor) error {
	now := s.now()
	return s.store.WithinTx(ctx, func(tx Store) error {
		if err := tx.Sessions().RevokeAll(ctx, actor.UserID, now); err != nil {
			return err
		}
		return tx.Events().Append(ctx, event(actor, now, "user.signed_out_everywhere", "user", actor.UserID))
	})
}

// Me returns the signed-in user.
func (s *Accounts) Me(ctx context.Context, actor *Actor) (User, error) {
	return s.store.Users().Get(ctx, actor.UserID)
}

// Activate sets the first password of an account with its one-time code and
// signs the person in. Attempts count as sign-in attempts, forgiven when
// they succeed. Setting the password ends every other session of the
// account.
func (s *Accounts) Activate(ctx context.Context, email, code, password, clientAddress string) (Session, error) {
	now := s.now()
	if err := ValidatePassword("password", password); err != nil {
		return Session{}, err
	}
	normalized, err := ParseEmail(email)
	if err != nil {
		return Session{}, err
	}
	attempt, err := reserveAttempt(ctx, s.store, normalized, clientAddress, now)
	if err != nil {
		return Session{}, err
	}
	var hash string
	if err := s.hashing().run(ctx, func() { hash = HashPassword(password) }); err != nil {
		return Session{}, s.forgetAttempt(ctx, attempt, err)
	}
	var session Session
	err = s.store.WithinTx(ctx, func(tx Store) error {
		user, creds, err := tx.Users().ByEmail(ctx, normalized)
		if err != nil && KindOf(err) != KindNotFound {
			return err
		}
		if err != nil || !activationMatches(creds, code, now) {
			return errWrongActivation
		}
		if err := tx.Users().SetCredentials(ctx, user.ID, Credentials{PasswordHash: hash}); err != nil {
			return err
		}
		if err := tx.Sessions().RevokeAll(ctx, user.ID, now); err != nil {
			return err
		}
		if err := tx.LoginFailures().Clear(ctx, normalized); err != nil {
			return err
		}
		user.Activated = true
		uid := user.ID
		if err := tx.Events().Append(ctx, event(&Actor{UserID: uid}, now, "user.activated", "user", uid)); err != nil {
			return err
		}
		session, err = s.openSession(ctx, tx, user, now)
		return err
	})
	return session, err
}

var errWrongActivation = Fail(KindUnauthenticated, CodeWrongActivation)

func activationMatches(c Credentials, code string, now time.Time) bool {
	return len(c.ActivationHash) > 0 && now.Before(c.ActivationExpires) &&
		string(HashActivationCode(code)) == string(c.ActivationHash)
}

// newActivation returns a fresh one-time code and the credentials holding its hash.
func newActivation(now time.Time) (string, Credentials) {
	code := NewActivationCode()
	return code, Credentials{ActivationHash: HashActivationCode(code), ActivationExpires: now.Add(ActivationValidity)}
}

// ActivationDelivery says where a newly issued activation code went.
type ActivationDelivery string

// The ways a new activation code reaches its person.
const (
	// DeliveryReturned: the code is in the answer, for the organizer who
	// manages the account (or a platform admin) to hand over.
	DeliveryReturned ActivationDelivery = "returned"
	// DeliveryEmail: the code was mailed to the person's own address and
	// shown to nobody else.
	DeliveryEmail ActivationDelivery = "email"
)

// IssuedActivation is a new one-time activation code: Code is empty unless
// it was returned to the caller.
type IssuedActivation struct {
	Code      string
	ExpiresAt time.Time
	Delivery  ActivationDelivery
}

// IssueActivation gives a user a new one-time activation code, replacing
// any earlier code; with it the person sets a new password (the way to reset
// a forgotten one). The code is returned to a platform admin, and to an
// organizer of the institution that registered the account while it is not
// activated. For any other account an organizer of one of the person's
// cohorts may have it mailed to the person (when e-mail is enabled); it is
// never shown to them.
func (s *Accounts) IssueActivation(ctx context.Context, actor *Actor, userID uuid.UUID) (IssuedActivation, error) {
	now := s.now()
	var issued IssuedActivation
	err := s.store.WithinTx(ctx, func(tx Store) error {
		user, target, err := userTarget(ctx, tx, userID)
		if err != nil {
			return err
		}
		if actor, err = withOrganizing(ctx, tx, actor); err != nil {
			return err
		}
		delivery := DeliveryReturned
		if denied := Authorize(actor, IssueActivation, target); denied != nil {
			if Authorize(actor, SendActivation, target) != nil {
				return denied
			}
			if !s.Mail.Enabled {
				return Fail(KindForbidden, CodeAccountNotYours)
			}
			delivery = DeliveryEmail
		}
		_, old, err := tx.Users().ByEmail(ctx, user.Email)
		if err != nil {
			return err
		}
		code, creds := newActivation(now)
		creds.PasswordHash = old.PasswordHash // a forgotten password keeps working until the code is used
		if err := tx.Users().SetCredentials(ctx, userID, creds); err != nil {
			return err
		}
		issued = IssuedActivation{ExpiresAt: creds.ActivationExpires, Delivery: delivery}
		if delivery == DeliveryReturned {
			issued.Code = code
		} else if err := s.Mail.queueLetter(ctx, tx, now, Mail{Kind: MailActivation, Secret: true}, []uuid.UUID{userID},
			activationLetter(code, creds.ActivationExpires), organizedBy(actor, target.UserCohorts)...); err != nil {
			return err
		}
		e := event(actor, now, "user.activation_issued", "user", userID)
		e.After = map[string]ActivationDelivery{"delivery": delivery}
		return tx.Events().Append(ctx, e)
	})
	return issued, err
}

// withOrganizing returns a copy of actor with the institutions they
// organize for (Actor.OrganizesFor), for the policy on managing accounts.
func withOrganizing(ctx context.Context, store Store, actor *Actor) (*Actor, error) {
	if actor == nil || actor.PlatformAdmin {
		return actor, nil
	}
	ids, err := store.Institutions().OrganizedBy(ctx, actor.UserID)
	if err != nil {
		return nil, err
	}
	loaded := *actor
	loaded.OrganizesFor = ids
	return &loaded, nil
}

// userTarget describes a user for the policy: who they are and where they
// hold roles. A missing user is KindNotFound.
func userTarget(ctx context.Context, store Store, userID uuid.UUID) (User, Target, error) {
	user, err := store.Users().Get(ctx, userID)
	if err != nil {
		return User{}, Target{}, err
	}
	cohorts, err := store.Users().Cohorts(ctx, userID)
	account := AccountState{Activated: user.Activated, PlatformAdmin: user.PlatformAdmin, RegisteredBy: user.RegisteredBy}
	return user, Target{User: userID, UserCohorts: cohorts, UserAccount: account}, err
}
