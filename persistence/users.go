package persistence

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// userRow is a row of users.
type userRow struct {
	bun.BaseModel `bun:"table:users"`

	ID                  uuid.UUID  `bun:"id,pk,type:uuid"`
	Email               string     `bun:"email"`
	Name                string     `bun:"name"`
	SortName            string     `bun:"sort_name"`
	NIP                 *string    `bun:"nip"`
	Position            string     `bun:"position"`
	Rank                string     `bun:"rank"`
	AgencyID            *uuid.UUID `bun:"agency_id,type:uuid"`
	UnitID              *uuid.UUID `bun:"unit_id,type:uuid"`
	PlatformAdmin       bool       `bun:"platform_admin"`
	RegisteredBy        *uuid.UUID `bun:"registered_by,type:uuid"`
	PasswordHash        string     `bun:"password_hash"`
	ActivationHash      []byte     `bun:"activation_hash"`
	ActivationExpiresAt *time.Time `bun:"activation_expires_at"`
	Version             int64      `bun:"version"`
	CreatedAt           time.Time  `bun:"created_at"`
	UpdatedAt           time.Time  `bun:"updated_at"`
}

func userFromDomain(u domain.User) userRow {
	r := userRow{ID: u.ID, Email: u.Email, Name: u.Name, SortName: domain.SortName(u.Name), Position: u.Position, Rank: u.Rank, AgencyID: u.AgencyID,
		UnitID: u.UnitID, PlatformAdmin: u.PlatformAdmin, RegisteredBy: u.RegisteredBy, Version: u.Version, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt}
	if u.NIP != "" {
		nip := string(u.NIP)
		r.NIP = &nip
	}
	return r
}

func (r userRow) toDomain() domain.User {
	u := domain.User{ID: r.ID, Email: r.Email, Name: r.Name, Position: r.Position, Rank: r.Rank, AgencyID: r.AgencyID,
		UnitID: r.UnitID, PlatformAdmin: r.PlatformAdmin, RegisteredBy: r.RegisteredBy, Activated: r.PasswordHash != "", Version: r.Version,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	if r.NIP != nil {
		u.NIP = domain.NIP(*r.NIP)
	}
	return u
}

func (r userRow) credentials() domain.Credentials {
	c := domain.Credentials{PasswordHash: r.PasswordHash, ActivationHash: r.ActivationHash}
	if r.ActivationExpiresAt != nil {
		c.ActivationExpires = *r.ActivationExpiresAt
	}
	return c
}

func (r *userRow) setCredentials(c domain.Credentials) {
	r.PasswordHash, r.ActivationHash, r.ActivationExpiresAt = c.PasswordHash, c.ActivationHash, nil
	if !c.ActivationExpires.IsZero() {
		at := c.ActivationExpires
		r.ActivationExpiresAt = &at
	}
}

// UserStore implements domain.UserStore.
type UserStore struct {
	db     bun.IDB
	search func() bun.IDB // where directory searches go (a replica, if any)
}

var _ domain.UserStore = (*UserStore)(nil)

// Create inserts users with their credentials, in one statement.
func (s *UserStore) Create(ctx context.Context, accounts ...domain.Account) error {
	rows := make([]userRow, len(accounts))
	for i, a := range accounts {
		rows[i] = userFromDomain(a.User)
		rows[i].setCredentials(a.Credentials)
	}
	_, err := s.db.NewInsert().Model(&rows).Exec(ctx)
	return dbError(err)
}

// TakenNIPs returns which of the NIPs belong to an account.
func (s *UserStore) TakenNIPs(ctx context.Context, nips []domain.NIP) (map[domain.NIP]bool, error) {
	taken := map[domain.NIP]bool{}
	if len(nips) == 0 {
		return taken, nil
	}
	var found []string
	err := s.db.NewSelect().Model((*userRow)(nil)).Column("nip").Where("nip IN (?)", bun.List(nips)).Scan(ctx, &found)
	for _, nip := range found {
		taken[domain.NIP(nip)] = true
	}
	return taken, dbError(err)
}

// Get returns a user by id.
func (s *UserStore) Get(ctx context.Context, id uuid.UUID) (domain.User, error) {
	var row userRow
	err := s.db.NewSelect().Model(&row).Where("id = ?", id).Scan(ctx)
	return row.toDomain(), notFound(err, "user")
}

// ByEmail returns a user and their credentials by e-mail, in any case.
func (s *UserStore) ByEmail(ctx context.Context, email string) (domain.User, domain.Credentials, error) {
	var row userRow
	err := s.db.NewSelect().Model(&row).Where("email = ?", email).Scan(ctx)
	return row.toDomain(), row.credentials(), notFound(err, "user")
}

// ByEmails returns the users with the given addresses, keyed by the stored
// (lower-case) address.
func (s *UserStore) ByEmails(ctx context.Context, emails []string) (map[string]domain.User, error) {
	out := map[string]domain.User{}
	if len(emails) == 0 {
		return out, nil
	}
	var rows []userRow
	if err := s.db.NewSelect().Model(&rows).Where("email IN (?)", bun.List(emails)).Scan(ctx); err != nil {
		return nil, dbError(err)
	}
	for _, r := range rows {
		out[strings.ToLower(r.Email)] = r.toDomain()
	}
	return out, nil
}

// Update writes a user's profile if nobody changed it since it was read.
func (s *UserStore) Update(ctx context.Context, u domain.User) error {
	row := userFromDomain(u)
	res, err := s.db.NewUpdate().Model(&row).
		Column("email", "name", "sort_name", "nip", "position", "rank", "agency_id", "unit_id", "platform_admin", "version", "updated_at").
		WherePK().Where("version = ?", u.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// SetCredentials replaces a user's password hash and activation code.
func (s *UserStore) SetCredentials(ctx context.Context, id uuid.UUID, c domain.Credentials) error {
	row := userRow{ID: id}
	row.setCredentials(c)
	_, err := s.db.NewUpdate().Model(&row).Column("password_hash", "activation_hash", "activation_expires_at").WherePK().Exec(ctx)
	return dbError(err)
}

// Cohorts lists the cohorts where the user holds a staff role or is enrolled
// as participant or mentor.
func (s *UserStore) Cohorts(ctx context.Context, id uuid.UUID) ([]uuid.UUID, error) {
	var ids []uuid.UUID
	err := s.db.NewRaw(`SELECT cohort_id FROM cohort_staff WHERE user_id = ?0
		UNION SELECT cohort_id FROM enrollments WHERE participant_id = ?0 OR mentor_id = ?0 OR coach_id = ?0`, id).Scan(ctx, &ids)
	return ids, dbError(err)
}

// RolesIn lists the roles a user holds in a cohort.
func (s *UserStore) RolesIn(ctx context.Context, user, cohort uuid.UUID) (domain.CohortRoles, error) {
	var roles domain.CohortRoles
	err := s.db.NewRaw(`SELECT role FROM cohort_staff WHERE user_id = ?0 AND cohort_id = ?1
		UNION SELECT ?2 FROM enrollments WHERE participant_id = ?0 AND cohort_id = ?1
		UNION SELECT ?3 FROM enrollments WHERE mentor_id = ?0 AND cohort_id = ?1`,
		user, cohort, domain.RoleParticipant, domain.RoleMentor).Scan(ctx, &roles)
	return roles, dbError(err)
}

// List returns users by name, after the cursor, matching q as a substring
// of name, e-mail or NIP (through the trigram index on users.search).
func (s *UserStore) List(ctx context.Context, q string, page domain.PageRequest) (domain.Page[domain.User], error) {
	var afterName string
	var afterID uuid.UUID
	hasCursor, err := decodeCursor(page.Cursor, &afterName, &afterID)
	if err != nil {
		return domain.Page[domain.User]{}, err
	}
	var rows []userRow
	query := s.search().NewSelect().Model(&rows).OrderExpr("name, id").Limit(int64(page.Size() + 1))
	if q = strings.TrimSpace(q); q != "" {
		query.Where("search LIKE lower(?)", "%"+likeEscape(q)+"%")
	}
	if hasCursor {
		query.Where("(name, id) > (?, ?)", afterName, afterID)
	}
	if err := query.Scan(ctx); err != nil {
		return domain.Page[domain.User]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), userRow.toDomain, func(r userRow) []any { return []any{r.Name, r.ID} }), nil
}

// likeEscape makes s match itself literally inside a LIKE pattern.
func likeEscape(s string) string {
	return likeEscaper.Replace(s)
}

// likeEscaper escapes LIKE's wildcards and its escape character.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// staleUnlessOne turns an update that matched no row (the version moved on)
// into KindStale.
func staleUnlessOne(res interface{ RowsAffected() (int64, error) }, err error) error {
	if err != nil {
		return dbError(err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return domain.Fail(domain.KindStale, domain.CodeStale)
	}
	return nil
}
