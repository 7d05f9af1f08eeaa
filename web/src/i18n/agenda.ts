// The words of a cohort's agenda: its kinds of item, the workflow steps it
// gates, their flags on the timeline, and the screens that show and edit it.
import type { Schema } from "../api";

/** The kind of an agenda item. */
export type AgendaKind = Schema<"AgendaItem">["kind"];

/** Each kind's name, as domain.AgendaKind.Name gives it (the default title of an item). */
export const agendaKindNames: Record<AgendaKind, string> = {
  mandiri: "Pembelajaran mandiri",
  jarak_jauh: "Pembelajaran jarak jauh",
  klasikal: "Pembelajaran klasikal",
  taking_ownership: "Taking ownership",
  seminar_rancangan: "Seminar rancangan",
  laboratorium: "Laboratorium kepemimpinan",
  coaching: "Sesi coaching",
  visitasi: "Visitasi kepemimpinan",
  seminar_laporan: "Seminar laporan",
  penutupan: "Penutupan",
  evaluasi_pasca: "Evaluasi pascapelatihan",
};

/** The kinds in the order a cohort runs them. */
export const agendaKinds = Object.keys(agendaKindNames) as AgendaKind[];

/** The workflow steps the agenda gates, as update-agenda-rules names them. */
export const gatedSteps = {
  submit_design: "Mengajukan rancangan",
  decide_design: "Menyetujui atau mengembalikan rancangan",
  submit_evidence: "Mengunggah bukti dukung",
  submit_final: "Mengajukan laporan akhir",
  score_design_seminar: "Menilai seminar rancangan",
  score_final_seminar: "Menilai seminar laporan",
} as const;

/** A step of gatedSteps. */
export type GatedStep = keyof typeof gatedSteps;

/** The deadlines of get-my-agenda. */
export const deadlineNames: Record<"submit_design" | "submit_final", string> = {
  submit_design: "Tenggat pengajuan rancangan",
  submit_final: "Tenggat pengajuan laporan akhir",
};

type Details = Schema<"TimelineEntry">["details"];

/** The flag of a step taken outside its agenda item, for the end of its timeline sentence ("" when on time). */
export function timingNote(d: Details): string {
  if (!d.timing) return "";
  const item = d.agendaKind ? agendaKindNames[d.agendaKind] : "agenda";
  return d.timing === "late" ? ` — terlambat menurut agenda (${item})` : ` — lebih awal dari agenda (${item})`;
}

/** The texts of the agenda screens. */
export const agendaText = {
  section: "Agenda",
  intro:
    "Agenda angkatan memuat kegiatan bertanggal: pembelajaran, seminar, sesi coaching, visitasi. Fase angkatan mengikuti agenda ini. Langkah peserta, mentor dan coach di luar waktunya tetap diterima dan ditandai lebih awal atau terlambat, kecuali langkah yang dipilih di bawah untuk ditolak.",
  empty: "Belum ada kegiatan pada agenda.",
  kind: "Jenis kegiatan",
  title: "Judul",
  titleHint: "Kosongkan untuk memakai nama jenis kegiatan.",
  startsOn: "Mulai",
  endsOn: "Selesai",
  place: "Tempat",
  onlineUrl: "Tautan pertemuan daring",
  notes: "Catatan",
  add: "Tambahkan kegiatan",
  draft: "Susun draf dari templat program",
  draftHint: "Mengisi agenda yang masih kosong dengan kegiatan templat program angkatan ini, berurutan sejak tanggal mulai pelatihan. Sesuaikan tanggalnya setelah itu.",
  adding: "Kegiatan baru",
  edit: "Ubah",
  save: "Simpan",
  cancel: "Batal",
  remove: "Hapus",
  removeConfirm: "Hapus kegiatan “{title}” dari agenda?",
  rulesTitle: "Langkah yang ditolak di luar agenda",
  rulesHint: "Langkah yang dicentang ditolak bila dilakukan sebelum atau sesudah waktunya menurut agenda. Langkah lain tetap diterima dan ditandai.",
  rulesSave: "Simpan aturan",
  rulesSaved: "Aturan agenda disimpan.",
  download: "Unduh agenda (.ics)",
  downloadHint: "Berkas kalender untuk Google Calendar, Outlook atau ponsel.",
  nextTitle: "Agenda berikutnya",
  nextEmpty: "Tidak ada agenda mendatang.",
  overdue: "Lewat tenggat",
  today: "Hari ini",
  downloadMine: "Unduh agenda saya (.ics)",
  online: "Daring",
};
