package domain

// AgendaKind is the kind of one item of a cohort's agenda (PerLAN 5/2022,
// Keputusan Kepala LAN 2/K.1/PDP.07/2023). A program template lists the
// kinds it runs, in order, with their typical durations; a cohort's agenda
// holds dated items of those kinds, several of a kind allowed.
type AgendaKind string

// The kinds of agenda item of a leadership training, in the order a PKN II
// cohort of the 2022+ blended pattern runs them.
const (
	AgendaMandiri         AgendaKind = "mandiri"           // pembelajaran mandiri (LMS)
	AgendaJarakJauh       AgendaKind = "jarak_jauh"        // pembelajaran jarak jauh
	AgendaKlasikal        AgendaKind = "klasikal"          // pembelajaran klasikal
	AgendaTakingOwnership AgendaKind = "taking_ownership"  // breakthrough I, taking ownership
	AgendaDesignSeminar   AgendaKind = "seminar_rancangan" // seminar rancangan proyek/aksi perubahan
	AgendaLaboratory      AgendaKind = "laboratorium"      // breakthrough II, laboratorium kepemimpinan / aktualisasi
	AgendaCoaching        AgendaKind = "coaching"          // sesi coaching or mentoring
	AgendaVisitasi        AgendaKind = "visitasi"          // visitasi kepemimpinan / benchmarking (PKN only)
	AgendaFinalSeminar    AgendaKind = "seminar_laporan"   // seminar laporan proyek/aksi perubahan
	AgendaClosing         AgendaKind = "penutupan"         // penutupan and certification
	AgendaPostEvaluation  AgendaKind = "evaluasi_pasca"    // evaluasi pascapelatihan
)

// AgendaKinds lists every agenda kind in its usual order.
var AgendaKinds = []AgendaKind{AgendaMandiri, AgendaJarakJauh, AgendaKlasikal, AgendaTakingOwnership,
	AgendaDesignSeminar, AgendaLaboratory, AgendaCoaching, AgendaVisitasi, AgendaFinalSeminar,
	AgendaClosing, AgendaPostEvaluation}
