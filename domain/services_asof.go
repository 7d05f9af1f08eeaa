package domain

import "time"

// AsOf returns the services with their workflow (Cohorts and Projects)
// seeing the time now gives, sharing everything else: the demo holds the
// seminars that lie in its cohort's past on their own days with it, so
// that their scoring windows and stages are checked as they were then.
func (s *Services) AsOf(now func() time.Time) *Services {
	out := *s
	cohorts, projects := *s.Cohorts, *s.Projects
	cohorts.now, projects.now = now, now
	out.Cohorts, out.Projects = &cohorts, &projects
	return &out
}
