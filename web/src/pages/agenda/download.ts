// Downloading an agenda's calendar file: the .ics operations need the
// bearer token, so the file is fetched by the API client and handed to the
// browser as a Blob download (as the progress CSV is).
import { api, ok } from "../../api";

/** Saves blob as a file named name through a temporary <a download>. */
export function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads a cohort's agenda (export-cohort-agenda). */
export async function downloadCohortAgenda(cohortId: string, code: string) {
  const blob = await ok(api.GET("/v1/cohorts/{cohortId}/agenda.ics", { params: { path: { cohortId } }, parseAs: "blob" }));
  saveFile(blob, `agenda-${code}.ics`);
}

/** Downloads the caller's own agenda (export-my-agenda). */
export async function downloadMyAgenda() {
  const blob = await ok(api.GET("/v1/me/agenda.ics", { parseAs: "blob" }));
  saveFile(blob, "agenda-saya.ics");
}
