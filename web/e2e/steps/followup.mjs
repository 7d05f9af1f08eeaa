// Steps of the follow-up screens for the whole-loop browser test: the
// reminders of whoever is signed in, and a cohort's escalations and
// reviewers' workload (for its coaches and organizers). Each takes a signed-in
// page and shot(name), which checks and photographs a screen.

/** Waits until one of the locators is visible; returns its index. */
async function firstVisible(...locators) {
  return Promise.any(locators.map((l, i) => l.waitFor().then(() => i)));
}

/**
 * Opens /pengingat and waits for the reminders (or the empty state), checking
 * that each reminder says what it is and links somewhere; returns how many
 * reminders the first page shows.
 */
export async function checkReminders(page, shot) {
  await page.goto("/pengingat");
  await page.getByRole("heading", { level: 1, name: "Pengingat" }).waitFor();
  const list = page.getByRole("list", { name: "Daftar pengingat" });
  const empty = page.getByText("Tidak ada pengingat.", { exact: false });
  const which = await firstVisible(list, empty);
  let count = 0;
  if (which === 0) {
    count = await list.getByRole("listitem").count();
    const first = list.getByRole("listitem").first();
    if ((await first.getByRole("link").count()) === 0) throw new Error("checkReminders: a reminder without a link");
  }
  await shot("pengingat");
  return count;
}

/**
 * Opens the cohort's escalations and waits for the table of items past the
 * response deadline (or the all-clear), with the cohort's deadline shown.
 */
export async function checkEscalations(page, shot, cohortId) {
  await page.goto(`/angkatan/${cohortId}/eskalasi`);
  await page.getByRole("heading", { level: 1, name: /^Eskalasi/ }).waitFor();
  await page.getByText(/^Batas waktu tanggapan angkatan ini: \d+ hari\./).waitFor();
  const table = page.getByRole("table", { name: "Butir yang melewati batas waktu tanggapan" });
  const clear = page.getByText("Tidak ada yang melewati batas waktu tanggapan.", { exact: false });
  const which = await firstVisible(table, clear);
  const rows = which === 0 ? (await table.getByRole("row").count()) - 1 : 0;
  await shot("angkatan-eskalasi");
  return rows;
}

/**
 * Opens the cohort's workload, waits for the table of reviewers, sorts it by
 * the late column (client-side, the header says so with aria-sort) and back
 * by pending items, largest first; returns how many reviewers it lists.
 */
export async function checkWorkload(page, shot, cohortId) {
  await page.goto(`/angkatan/${cohortId}/beban-kerja`);
  await page.getByRole("heading", { level: 1, name: /^Beban kerja penelaah/ }).waitFor();
  const table = page.getByRole("table", { name: "Beban kerja per penelaah" });
  const none = page.getByText("Belum ada penelaah dengan peran ini.");
  if ((await firstVisible(table, none)) === 1) {
    await shot("angkatan-beban-kerja");
    return 0;
  }
  const header = (name) => table.getByRole("columnheader", { name, exact: true });
  await header("Terlambat").getByRole("button").click();
  await table.locator('th[aria-sort="descending"]', { hasText: "Terlambat" }).waitFor();
  await header("Menunggu").getByRole("button").click();
  await table.locator('th[aria-sort="descending"]', { hasText: /^Menunggu/ }).waitFor();
  await shot("angkatan-beban-kerja");
  return (await table.getByRole("row").count()) - 1;
}
