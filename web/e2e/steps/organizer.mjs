// Steps of the organizer for the whole-loop browser test: create a cohort,
// add staff, import the roster. Each takes a page signed in as an organizer
// (or platform admin) and shot(name), which checks and photographs a screen.

const roleLabels = { coach: "Coach", examiner: "Penguji", organizer: "Penyelenggara" };
const rosterColumns = ["nip", "name", "email", "position", "rank", "agency", "mentor_email", "mentor_name", "coach_email", "group"];

/** The day before date (YYYY-MM-DD). */
function dayBefore(date) {
  return new Date(Date.parse(date + "T00:00:00Z") - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** Opens the cohort's management page unless it is already open. */
async function openManage(page, cohortId) {
  if (!new URL(page.url()).pathname.endsWith(`/angkatan/${cohortId}/kelola`)) await page.goto(`/angkatan/${cohortId}/kelola`);
  await page.getByRole("heading", { level: 1, name: /^Kelola / }).waitFor();
}

/**
 * Creates a cohort through /angkatan/baru and returns its id. It first sends
 * an end date before the start date and waits for the problem shown at a
 * date field, then corrects it (the phases follow the dates by default).
 */
export async function createCohort(page, shot, { institutionName, name, code, program, startsOn, endsOn }) {
  await page.goto("/angkatan/baru");
  await page.getByRole("heading", { level: 1, name: "Buat angkatan baru" }).waitFor();
  const institution = page.getByLabel("Lembaga pelatihan");
  await institution.waitFor();
  await institution.selectOption({ label: institutionName });
  await page.getByLabel("Nama angkatan").fill(name);
  await page.getByLabel("Kode angkatan").fill(code);
  await page.getByLabel("Program pelatihan").selectOption(program);
  await page.getByLabel("Tanggal mulai pelatihan").fill(startsOn);
  const end = page.getByLabel("Tanggal selesai pelatihan");
  await end.fill(dayBefore(startsOn));
  const submit = page.getByRole("button", { name: "Buat angkatan" });
  await submit.click();

  const dateFields = page.locator(".field").filter({ has: page.getByLabel(/^Tanggal (mulai|selesai) pelatihan$/) });
  const dateProblem = dateFields.locator(".field-error");
  await dateProblem.first().waitFor();
  if ((await end.getAttribute("aria-invalid")) !== "true" && (await page.getByLabel("Tanggal mulai pelatihan").getAttribute("aria-invalid")) !== "true") {
    throw new Error("createCohort: the date problem is not tied to a date field");
  }

  await end.fill(endsOn);
  await page.getByRole("group", { name: "Fase", exact: true }).getByRole("group", { name: "Fase 4" }).waitFor();
  await shot("angkatan-baru");
  await submit.click();
  await page.waitForURL(/\/angkatan\/[0-9a-f-]{36}\/kelola$/);
  await page.getByRole("heading", { level: 1, name: `Kelola ${name}` }).waitFor();
  return new URL(page.url()).pathname.split("/")[2];
}

/** Adds the person with email to the cohort's staff with role (coach, examiner or organizer). */
export async function addStaff(page, shot, cohortId, { email, role }) {
  await openManage(page, cohortId);
  const staff = page.locator("#staf");
  await staff.getByLabel("Cari orang").fill(email);
  const hit = staff.getByRole("list", { name: "Hasil pencarian" }).getByRole("listitem").filter({ hasText: email });
  await hit.getByRole("button", { name: /^Pilih/ }).click();
  await staff.getByText(email).first().waitFor();
  await staff.getByLabel("Peran di angkatan").selectOption(role);
  await staff.getByRole("button", { name: "Tambahkan ke staf" }).click();
  await staff.getByRole("status").filter({ hasText: "ditambahkan sebagai" }).waitFor();
  await staff.getByRole("table").getByRole("row").filter({ hasText: email }).filter({ hasText: roleLabels[role] ?? role }).waitFor();
  await shot("angkatan-staf");
}

/** Chooses csv as the roster file and imports it. */
async function importFile(section, fileName, csv) {
  await section.getByLabel("Berkas CSV daftar peserta").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await section.getByRole("status").filter({ hasText: fileName }).waitFor();
  await section.getByRole("button", { name: "Impor daftar peserta" }).click();
}

/**
 * Imports badCsv and checks that the problems table names a row and a
 * column, then imports goodCsv; returns the activation codes of the
 * accounts it created, as [{email, code}], read from the result table.
 */
export async function importRoster(page, shot, cohortId, badCsv, goodCsv) {
  await openManage(page, cohortId);
  const section = page.locator("#impor");

  await importFile(section, "daftar-peserta-salah.csv", badCsv);
  const problems = section.getByRole("table", { name: "Masalah per baris" });
  await problems.waitFor();
  const cells = await Promise.all((await problems.locator("tbody tr").all()).map((r) => r.getByRole("cell").allInnerTexts()));
  if (!cells.some(([row, column]) => /^\d+$/.test(row.trim()) && rosterColumns.includes(column.trim()))) {
    throw new Error(`importRoster: no problem names a row and a column: ${JSON.stringify(cells)}`);
  }

  await importFile(section, "daftar-peserta.csv", goodCsv);
  await section.getByText("Daftar peserta berhasil diimpor.").waitFor();
  const codesTable = section.getByRole("table", { name: "Kode aktivasi akun baru" });
  if ((await codesTable.count()) === 0) {
    await shot("angkatan-roster");
    return [];
  }
  await shot("angkatan-roster");
  const rows = await codesTable.locator("tbody tr").all();
  const codes = [];
  for (const row of rows) {
    const [, email, , code] = await row.getByRole("cell").allInnerTexts();
    codes.push({ email: email.trim(), code: code.trim() });
  }
  return codes;
}
