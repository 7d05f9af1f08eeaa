// Steps of the whole-loop browser test on the coach screens: the cohort
// dashboard (/angkatan/:cohortId) and the coaching notes
// (/proyek/:projectId/catatan). Each takes a page signed in as the right
// person and shot(name), which runs axe and takes screenshots.
import { readFile } from "node:fs/promises";

/** The table row of a participant, found by the link on their name. */
function participantRow(page, participantName) {
  return page.getByRole("row").filter({ has: page.getByRole("link", { name: participantName, exact: true }) });
}

/**
 * Opens the cohort dashboard as a coach or organizer and waits until the
 * participant's row shows percent% overall progress (pressing "Perbarui data"
 * while it does not yet, e.g. right after a mentor's verification). Then
 * filters by the participant's group (the row stays, the filter survives a
 * reload) and downloads the CSV, checking its header line and the row.
 */
export async function expectParticipantProgress(page, shot, cohortId, participantName, percent) {
  await page.goto(`/angkatan/${cohortId}`);
  const row = participantRow(page, participantName);
  await row.waitFor();
  const bar = row.getByRole("progressbar", { name: `Progres keseluruhan ${participantName}` });
  const shown = bar.filter({ hasText: new RegExp(`^${percent}%$`) });
  for (let attempt = 1; ; attempt++) {
    try {
      await shown.waitFor({ timeout: 3000 });
      break;
    } catch (e) {
      if (attempt >= 10) throw new Error(`dashboard shows ${participantName} at ${await bar.textContent()}, not ${percent}%`, { cause: e });
    }
    await page.getByRole("button", { name: "Perbarui data" }).click();
  }
  await shot("angkatan-dasbor");

  // Filter by the participant's group: the API answers for that group only, and the row stays.
  const group = ((await row.getByRole("cell").first().textContent()) ?? "").trim();
  if (!group) throw new Error(`no group in the row of ${participantName}`);
  const groupSelect = page.getByLabel("Kelompok", { exact: true });
  await Promise.all([
    page.waitForResponse((r) => r.url().includes(`/v1/cohorts/${cohortId}/progress?`) && new URL(r.url()).searchParams.get("group") === group && r.ok()),
    groupSelect.selectOption(group),
  ]);
  await row.waitFor();
  await page.getByText(/^Menampilkan \d+ dari \d+ peserta\.$/).waitFor();
  if (new URL(page.url()).searchParams.get("kelompok") !== group) throw new Error(`the group filter is not in the URL: ${page.url()}`);
  await page.reload();
  await participantRow(page, participantName).waitFor();
  if ((await page.getByLabel("Kelompok", { exact: true }).inputValue()) !== group) throw new Error("the group filter did not survive a reload");

  // The CSV export: a download with a header line and the participant's row.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Unduh CSV", exact: true }).click()]);
  if (!download.suggestedFilename().startsWith("progres-")) throw new Error(`unexpected file name ${download.suggestedFilename()}`);
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.split(/\r?\n/).filter(Boolean);
  if (lines.length < 2 || !/^\uFEFF?Peserta[,;](Kelas[,;])?Kelompok[,;]/.test(lines[0])) throw new Error(`the CSV has no Indonesian header line: ${lines[0]}`);
  if (!csv.includes(participantName)) throw new Error(`the CSV does not name ${participantName}`);
}

/**
 * Opens the coaching notes of a project as its coach: submits the form empty
 * and sees a problem at a field, then records { heldOn (YYYY-MM-DD), topic,
 * notes } and sees the note in the list.
 */
export async function addCoachingNote(page, shot, projectId, { heldOn, topic, notes }, { fromDashboardRow } = {}) {
  if (fromDashboardRow) {
    // The dashboard's row offers its coaching notes (list-coaching-notes).
    await participantRow(page, fromDashboardRow).getByRole("link", { name: "Catatan coaching" }).click();
  } else {
    await page.goto(`/proyek/${projectId}/catatan`);
  }
  await page.getByRole("heading", { level: 2, name: "Tambahkan catatan coaching" }).waitFor();
  const date = page.getByLabel("Tanggal pertemuan");
  const topicField = page.getByLabel("Topik", { exact: true });
  const notesField = page.getByLabel("Catatan", { exact: true });
  const save = page.getByRole("button", { name: "Simpan catatan" });

  // Empty: the API's problems appear next to the fields.
  await date.fill("");
  await topicField.fill("");
  await notesField.fill("");
  await save.click();
  await page.getByRole("alert").filter({ hasText: "Wajib diisi." }).first().waitFor();
  if ((await topicField.getAttribute("aria-invalid")) !== "true") throw new Error("the topic field is not marked invalid");

  await date.fill(heldOn);
  await topicField.fill(topic);
  await notesField.fill(notes);
  await save.click();
  await page.getByRole("status").filter({ hasText: "Catatan coaching tersimpan." }).waitFor();
  const note = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: topic, exact: true }) }).first();
  await note.waitFor();
  if (!((await note.textContent()) ?? "").includes(notes)) throw new Error(`the note "${topic}" does not show its text`);
  if ((await topicField.inputValue()) !== "") throw new Error("the form was not emptied after saving");
  await shot("catatan-coaching");
}
