package demo

import (
	"context"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// demoClasses are the PKN II cohort's two classes (kelas) and the groups
// (by index) taught in each: Kelompok 1 and 2 in Kelas A, Kelompok 3 in
// Kelas B. Each class's coaches are the coaches of its groups.
var demoClasses = []struct {
	name   string
	groups []int
}{
	{"Kelas A", []int{0, 1}},
	{"Kelas B", []int{2}},
}

// createClasses creates the cohort's classes, after its staff (their
// coaches) and before the enrollments placed in them.
func (b *builder) createClasses(ctx context.Context) error {
	b.classIDs = make([]uuid.UUID, groupCount)
	for _, dc := range demoClasses {
		var coaches []uuid.UUID
		for _, g := range dc.groups {
			coaches = append(coaches, b.coaches[g].ID)
		}
		c, err := b.s.Classes.CreateClass(ctx, b.organizer, b.cohort.ID, domain.ClassPlan{Name: dc.name, CoachIDs: coaches})
		if err != nil {
			return err
		}
		for _, g := range dc.groups {
			b.classIDs[g] = c.ID
		}
	}
	return nil
}

// classOf is the class of a group, once createClasses has run.
func (b *builder) classOf(group int) *uuid.UUID {
	if group >= len(b.classIDs) {
		return nil
	}
	id := b.classIDs[group]
	return &id
}
