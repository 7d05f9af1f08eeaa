package api

import "github.com/danielgtaylor/huma/v2"

// registerRoutes lists every operation of the versioned API, one register
// call per resource, so the whole surface is visible in one place.
func registerRoutes(v1 huma.API, s *Services) {
	registerAccounts(v1, s)
	registerUsers(v1, s)
	registerInstitutions(v1, s)
	registerUnits(v1, s)
	registerCohorts(v1, s)
	registerProgramTemplates(v1, s)
	registerAgenda(v1, s)
	registerEnrollments(v1, s)
	registerProjects(v1, s)
	registerMilestones(v1, s)
	registerChangeRequests(v1, s)
	registerReports(v1, s)
	registerEvidence(v1, s)
	registerDesignDocuments(v1, s)
	registerProgress(v1, s)
	registerAssessments(v1, s)
	registerMyAssessments(v1, s)
	registerSeminarSessions(v1, s)
	registerAppeals(v1, s)
	registerGraduation(v1, s)
	registerCertificates(v1, s)
	registerMentorTransfers(v1, s)
	registerFollowUps(v1, s)
	registerHolidays(v1, s)
	registerClasses(v1, s)
	registerShowcase(v1, s)
}
