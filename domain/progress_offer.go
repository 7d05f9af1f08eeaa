package domain

// progressRowOffers are the operations a progress row offers on its
// project: those the dashboard links from the row, decided by the policy on
// the row's parties (a coach writes notes on the participants they coach).
// Reviewing, verifying and scoring depend on more than a row holds (the
// round's reviews, the milestones, the seminar sessions): their screens
// read the project and its own offer.
var progressRowOffers = []offer[ProgressRow]{
	{OpListCoachingNotes, ReadCoachingNotes, nil},
	{OpAddCoachingNote, WriteCoachingNote, nil},
}

// offerProgressRow sets what actor may do on r's project now.
func offerProgressRow(actor *Actor, cohort Cohort, r *ProgressRow) {
	parties := r.Parties
	r.Offer = offerOf(actor, Target{CohortID: cohort.ID, Enrollment: &parties}, *r, progressRowOffers)
}
