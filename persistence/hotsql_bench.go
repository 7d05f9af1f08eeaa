//go:build bench

package persistence

// HotSQL holds the statements of the hottest reads as Proper sends them, so
// that the benchmark's hand-written baseline (bench/baseline) sends the very
// same SQL. It exists only in builds with the bench tag (make bench): the
// product exports no SQL.
var HotSQL = struct{ SessionActor, ProjectByID, CohortProgress string }{sessionActorSQL, projectByID, progressQuery + progressOrders["name"]}
