package persistence

import (
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// The coach filter of cohortEnrollments, and the coaches' branch of
// workloadQuery's reviewers, which a class filter narrows.
const (
	coachFilterSQL    = `(?2::uuid IS NULL OR e.coach_id = ?2::uuid)`
	staffReviewersSQL = `(?2::uuid IS NULL OR s.role = ?10 OR s.user_id = ?2::uuid)`
)

// withClassFilter narrows a query built on cohortEnrollments to the
// participants of a class when class is not nil, with the class as the
// next positional argument: the cohort's enrollments are then the class's,
// and the coaches listed (workloadQuery) those assigned to the class or
// coaching one of its participants. Examiners stay, with only the class's
// work counted.
func withClassFilter(query string, args []any, class *uuid.UUID) (string, []any) {
	if class == nil {
		return query, args
	}
	n := "?" + strconv.Itoa(len(args)) + "::uuid"
	query = strings.Replace(query, coachFilterSQL, coachFilterSQL+` AND e.class_id = `+n, 1)
	query = strings.Replace(query, staffReviewersSQL, staffReviewersSQL+` AND (s.role = ?10 OR s.user_id IN (SELECT coach_id FROM e)
		OR s.user_id IN (SELECT cc.user_id FROM class_coaches cc WHERE cc.class_id = `+n+`))`, 1)
	return query, append(args, *class)
}
