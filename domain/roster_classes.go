package domain

import (
	"strings"

	"github.com/google/uuid"
)

// loadClasses reads the cohort's classes for the import's class column.
func (imp *rosterImport) loadClasses() error {
	classes, err := imp.tx.Classes().List(imp.ctx, imp.cohortID)
	if err != nil {
		return err
	}
	imp.classes = map[string]Class{}
	for _, c := range classes {
		imp.classes[strings.ToLower(c.Name)] = c
	}
	return nil
}

// class finds the cohort's class of a row's class column by name, whatever
// its case, or plans to create it; nil without a name. The roster's check
// validated the name.
func (imp *rosterImport) class(name string) (*uuid.UUID, bool) {
	if name == "" {
		return nil, false
	}
	key := strings.ToLower(name)
	if c, ok := imp.classes[key]; ok {
		return &c.ID, false
	}
	c := Class{ID: NewID(), CohortID: imp.cohortID, Name: name, CoachIDs: []uuid.UUID{}, Groups: []string{}, Version: 1, CreatedAt: imp.now, UpdatedAt: imp.now}
	imp.classes[key] = c
	imp.newClasses = append(imp.newClasses, c)
	e := event(imp.actor, imp.now, "class.created", "class", c.ID)
	e.CohortID, e.After, e.Details.Title = &imp.cohortID, c, c.Name
	imp.events = append(imp.events, e)
	return &c.ID, true
}
