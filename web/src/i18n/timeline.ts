// The timeline's sentences: each event's action worded in Bahasa Indonesia
// from its details (the server keeps no sentences). The record is typed by
// the spec's list of actions, so an action without wording does not compile.
import type { Schema } from "../api";
import { timingNote } from "./agenda";
import { reword } from "./terms";

type Entry = Schema<"TimelineEntry">;
type Details = Entry["details"];

/** A title or name set off in double quotes, as the glossary writes them. */
const q = (s: string | undefined) => `“${s ?? ""}”`;

/** ": comment" when the decision came with one. */
const why = (d: Details) => (d.comment ? `: ${d.comment}` : "");

const seminars: Record<NonNullable<Details["seminar"]>, string> = { design: "rancangan", final: "laporan akhir" };

/** What changed in an enrollment, in one clause each. */
function enrollmentChanges(d: Details): string {
  const parts = (d.changes ?? []).map((c) => {
    if (c.field === "group") return `memindahkan peserta ke kelompok ${q(c.to)}`;
    if (c.field === "class") return c.to ? `memindahkan peserta ke kelas ${q(c.to)}` : `mengeluarkan peserta dari kelas ${q(c.from)}`;
    const name = (s: string) => (s ? q(s) : "(tanpa coach)");
    return `mengganti ${c.field} dari ${name(c.from)} ke ${name(c.to)}`;
  });
  return parts.length > 0 ? parts.join("; ") : "memperbarui data kepesertaan";
}

/** The sentence of each action, without its actor (who goes before it). */
export const timelineWords: Record<Entry["action"], (d: Details, byTheSystem: boolean) => string> = {
  "project.updated": () => "memperbarui rancangan proyek perubahan",
  "project.design_submitted": (d) => `mengajukan rancangan ${q(d.title)} untuk disetujui`,
  "project.design_reviewed": (d) =>
    d.decision === "return"
      ? `mengembalikan rancangan ${q(d.title)} untuk diperbaiki${why(d)}`
      : `menyetujui rancangan ${q(d.title)} sebagai ${d.role ?? "coach"}`,
  "project.design_approved": () => "— rancangan disetujui mentor dan coach",
  "project.implementation_started": (_, system) => (system ? "Fase implementasi angkatan dimulai" : "memulai implementasi proyek perubahan"),
  "project.final_submitted": () => "mengajukan laporan akhir proyek perubahan",
  "project.completed": () => "— proyek perubahan selesai: hasil seminar laporan akhir ditetapkan",
  "project.published": () => "menerbitkan proyek perubahan di etalase inovasi",
  "project.publication_updated": () => "memperbarui proyek perubahan di etalase inovasi",
  "project.withdrawn": () => "menarik proyek perubahan dari etalase inovasi",
  "project.unpublished": () => "menurunkan proyek perubahan dari etalase inovasi",
  "milestone.created": (d) => `menambahkan tahapan ${q(d.title)}`,
  "milestone.updated": (d) => `mengubah tahapan ${q(d.title)}`,
  "milestone.deleted": (d) => `menghapus tahapan ${q(d.title)}`,
  "milestone.started": (d) => `mulai mengerjakan tahapan ${q(d.title)}`,
  "milestone.claimed": (d) => `menyatakan tahapan ${q(d.title)} tercapai dan meminta verifikasi`,
  "milestone.verified": (d) => `memverifikasi tercapainya tahapan ${q(d.title)}`,
  "milestone.returned": (d) => `mengembalikan tahapan ${q(d.title)}${why(d)}`,
  "milestone.closed": (d) => `— tahapan jangka pendek ${q(d.title)} ditutup saat proyek selesai`,
  "change_request.filed": (d) => `mengajukan permohonan perubahan rencana${why(d)}`,
  "change_request.reviewed": (d) =>
    d.decision === "return"
      ? `mengembalikan permohonan perubahan rencana${why(d)}`
      : `menyetujui permohonan perubahan rencana sebagai ${d.role ?? "coach"}`,
  "change_request.approved": (d) => `— permohonan perubahan disetujui: rencana kini versi ${d.planVersion ?? ""}`.trimEnd(),
  "change_request.returned": (d) => `— permohonan perubahan rencana dikembalikan${why(d)}`,
  "change_request.withdrawn": () => "menarik permohonan perubahan rencana",
  "report.file_uploaded": () => "mengunggah versi baru laporan akhir atau bahan tayang",
  "report.summary_updated": () => "memperbarui ringkasan laporan akhir",
  "report.statement_signed": () => "menandatangani pernyataan keaslian laporan akhir",
  "report.approval_endorsed": (d) => `menandatangani lembar persetujuan laporan akhir sebagai ${d.role ?? "coach"}`,
  "report.ratification_endorsed": (d) => `menandatangani lembar pengesahan laporan akhir sebagai ${d.role ?? "coach"}`,
  "report.ratified": () => "— laporan akhir disahkan mentor dan coach",
  "report.late_allowed": (d) => `mengizinkan penyerahan laporan akhir yang terlambat${why(d)}`,
  "report.revision_required": (d) => `meminta perbaikan laporan akhir${why(d)}`,
  "evidence.submitted": (d) => `mengunggah bukti dukung ${q(d.title)}`,
  "evidence.withdrawn": (d) => `menarik bukti dukung ${q(d.title)}`,
  "evidence.approved": (d) => `menyetujui bukti dukung ${q(d.title)}`,
  "evidence.rejected": (d) => `menolak bukti dukung ${q(d.title)}${why(d)}`,
  "coaching_note.added": (d) => `mencatat coaching: ${d.title ?? ""}`,
  "assessment.recorded": (d) => `menilai seminar ${d.seminar ? seminars[d.seminar] : ""}`.trimEnd(),
  "assessment.revised": (d) => `mengubah nilai seminar ${d.seminar ? seminars[d.seminar] : ""} (nilai sebelumnya tetap tersimpan)${why(d)}`.replace("  ", " "),
  "result.determined": (d) => `menetapkan hasil seminar ${d.seminar ? seminars[d.seminar] : ""}`.trimEnd(),
  "appeal.filed": (d) => `mengajukan keberatan atas hasil seminar ${d.seminar ? seminars[d.seminar] : ""}`.trimEnd(),
  "appeal.assigned": (d) => `meneruskan keberatan atas hasil seminar ${d.seminar ? seminars[d.seminar] : ""} kepada penguji`.replace("  ", " "),
  "appeal.closed": (d) => `memutuskan keberatan atas hasil seminar ${d.seminar ? seminars[d.seminar] : ""}${why(d)}`.replace("  ", " "),
  "result.redetermined": (d) => `menetapkan kembali hasil seminar ${d.seminar ? seminars[d.seminar] : ""} setelah keberatan`.replace("  ", " "),
  "enrollment.created": () => "mendaftarkan peserta ke angkatan",
  "enrollment.updated": enrollmentChanges,
  "mentor_transfer.proposed": (d) => `mengusulkan ${q(d.mentor)} sebagai mentor baru menggantikan ${q(d.previousMentor)}`,
  "mentor_transfer.confirmed": (d) => `mengonfirmasi usulan ${q(d.mentor)} sebagai mentor baru`,
  "mentor_transfer.refused": (d) => `tidak menyetujui usulan ${q(d.mentor)} sebagai mentor baru${why(d)}`,
  "mentor_transfer.accepted": (d) => `menerima usulan menjadi mentor proyek perubahan ini, menggantikan ${q(d.previousMentor)}`,
  "mentor_transfer.declined": (d) => `menolak usulan menjadi mentor proyek perubahan ini${why(d)}`,
  "mentor_transfer.cancelled": (d) => `membatalkan usulan ${q(d.mentor)} sebagai mentor baru`,
};

/** The entry's sentence without its actor. */
export function wordEvent(entry: Entry): string {
  // A step taken outside its agenda item says so (details.timing).
  return reword(timelineWords[entry.action](entry.details, !entry.actorId) + timingNote(entry.details));
}
