package domain

// The operations of appeals.
const (
	OpAssignAppeal Operation = "assign-appeal"
	OpCloseAppeal  Operation = "close-appeal"
)

// appealOffers are the operations on an appeal, for the cohort's organizers.
var appealOffers = []offer[Appeal]{
	{OpAssignAppeal, ManageSeminarSessions, func(a Appeal) error {
		if !a.Status.open() {
			return Conflict(CodeAppealClosed)
		}
		return nil
	}},
	{OpCloseAppeal, ManageSeminarSessions, func(a Appeal) error { return a.checkClosable() }},
}

// offerAppeal sets what actor may do to a now.
func offerAppeal(actor *Actor, a *Appeal) {
	a.Offer = offerOf(actor, Target{CohortID: a.CohortID}, *a, appealOffers)
}
