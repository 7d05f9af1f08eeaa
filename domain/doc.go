// Package domain is the language of Proper: the people, cohorts and change
// projects (proyek perubahan) of Indonesia's leadership trainings, the rules
// of their state machines, who may do what, and the services that carry out
// each use case.
//
// It knows nothing of HTTP, SQL, Bun or Huma. The api package translates
// requests into calls of its services; the persistence package implements the
// store interfaces declared here.
package domain
