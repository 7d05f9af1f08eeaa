package domain

// EnrollmentListing is what a list of enrollments shows of each beside its
// ids: the participant's name and their project's title and status, read
// with the enrollment in the same query. A mentor's home lists their
// mentees, and an examiner's list its participants, from one call instead
// of one per enrollment. The status is the project's stored one, as
// get-project answers it.
type EnrollmentListing struct {
	ParticipantName string
	ProjectTitle    string
	ProjectStatus   ProjectStatus
}
