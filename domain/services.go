package domain

import "time"

// Options tune the services NewServices builds; the zero value is what the
// product does by default without e-mail.
type Options struct {
	// SessionTTL is how long a sign-in lasts; 0 means DefaultSessionTTL.
	SessionTTL time.Duration
	// MaxEvidenceBytes bounds one evidence file; 0 means
	// DefaultMaxEvidenceBytes.
	MaxEvidenceBytes int64
	// Mail queues e-mail (notifications, digests, activation codes) for an
	// SMTP server to send; without it nothing is queued.
	Mail bool
	// PublicURL is where people open the web app; e-mails link to their
	// page there (see Mailer.PublicURL).
	PublicURL string
	// ShowcaseRate limits the public showcase's requests per client
	// address; the zero value allows any number.
	ShowcaseRate RateLimit
}

// Services are every service of Proper over one store, built once by
// NewServices: the product's command, the benchmark and the tests all wire
// them here.
type Services struct {
	// Accounts signs people in and out.
	Accounts *Accounts
	// Directory keeps people, institutions and agencies.
	Directory *Directory
	// Cohorts runs cohorts, their staff, enrollments, progress and rubrics.
	Cohorts *Cohorts
	// Projects runs the change-project workflow and its assessment.
	Projects *Projects
	// FollowUps reads reminders, escalations and workload.
	FollowUps *FollowUps
	// Showcase runs the public innovation showcase, studi tiru and the
	// originality check.
	Showcase *Showcase
	// Calendar keeps the holidays that working days are counted with.
	Calendar *Calendar
	// Classes keeps the classes (kelas) of cohorts.
	Classes *Classes
}

// NewServices builds every service on store, with evidence files in blobs
// and now as the clock.
func NewServices(store Store, blobs BlobStore, now func() time.Time, o Options) *Services {
	s := &Services{
		Accounts:  NewAccounts(store, now, o.SessionTTL),
		Directory: NewDirectory(store, now),
		Cohorts:   NewCohorts(store, now),
		Projects:  NewProjects(store, blobs, now),
		FollowUps: NewFollowUps(store, now),
		Showcase:  NewShowcase(store, blobs, now, o.ShowcaseRate),
		Calendar:  NewCalendar(store, now),
		Classes:   NewClasses(store, now),
	}
	if o.MaxEvidenceBytes > 0 {
		s.Projects.MaxEvidenceBytes = o.MaxEvidenceBytes
	}
	mailer := Mailer{Enabled: o.Mail, PublicURL: o.PublicURL}
	s.Accounts.Mail, s.Cohorts.Mail, s.Projects.Mail, s.FollowUps.Mail = mailer, mailer, mailer, mailer
	return s
}
