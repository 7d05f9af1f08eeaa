package domain

// Showable reports whether the evidence may be shown on the showcase when
// its project is published: approved evidence only, which publish-project
// checks for every evidence it is asked to show
// (CodePublicationEvidenceNotApproved otherwise). Evidence answers state it,
// so that clients list what may be chosen without a copy of the rule.
func (e Evidence) Showable() bool { return e.Status == EvidenceApproved }
