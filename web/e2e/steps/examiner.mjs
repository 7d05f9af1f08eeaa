// Steps of the whole-loop browser test for examiners: scoring a project's
// seminar from the sessions they examine on their home page (issue #21),
// or from the cohort's list (/angkatan/:cohortId/penilaian).

const number = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });

/** The weighted total as the server computes it: tenths × percent, summed, rounded half up to hundredths. */
function weightedTotal(rows) {
  const weighted = rows.reduce((sum, r) => sum + Math.round(r.score * 10) * r.weight, 0);
  return Math.floor((weighted + 5) / 10) / 100;
}

/**
 * Opens the project titled projectTitle from the cohort's assessment list
 * and scores its seminar (see scoreOpenProject). After saving, the list
 * shows the score and links to the project. Returns { total, text }.
 */
export async function scoreSeminar(page, shot, cohortId, projectTitle, seminar, scores) {
  await page.goto(`/angkatan/${cohortId}/penilaian`);
  await page.getByRole("heading", { level: 1, name: "Penilaian seminar" }).waitFor();
  const row = page.getByRole("row").filter({ hasText: projectTitle });
  await row.first().waitFor();
  await row.first().getByRole("link", { name: /^Nilai/ }).click();
  const result = await scoreOpenProject(page, shot, projectTitle, seminar, scores);

  // The list shows what the examiner scored, and links to the project.
  const legend = seminar === "final" ? "Seminar laporan akhir" : "Seminar rancangan";
  await page.getByRole("link", { name: "Kembali ke daftar peserta" }).click();
  const scored = page.getByRole("row").filter({ hasText: projectTitle }).first();
  await scored.getByText(`${legend}: ${result.text} (`).waitFor();
  await scored.locator('a[href^="/proyek/"]').waitFor();
  return result;
}

/**
 * Scores participantName's seminar from "Sesi seminar yang Anda uji" on
 * the examiner's home page: the session lists the participant as not
 * scored yet with a link to score, the form scores (see
 * scoreOpenProject), and home then shows the examiner's own score.
 * Returns { total, text }.
 */
export async function scoreFromMySessions(page, shot, participantName, projectTitle, seminar, scores) {
  await page.goto("/");
  const mine = page.getByRole("region", { name: "Sesi seminar yang Anda uji" });
  const line = mine.getByRole("listitem").filter({ hasText: participantName });
  await line.getByText("Belum dinilai").waitFor();
  await shot("sesi-seminar-penguji");
  await line.getByRole("link", { name: "Nilai", exact: true }).click();
  const result = await scoreOpenProject(page, shot, projectTitle, seminar, scores);

  await page.goto("/");
  await mine.getByRole("listitem").filter({ hasText: participantName }).getByText(`${result.text} (`).waitFor();
  return result;
}

/**
 * On the scoring form of the project titled projectTitle: chooses the
 * seminar ("design" or "final"), types scores (by criterion name or key:
 * { issue_analysis: 85, "Gagasan perubahan dan inovasi": 90 }, every
 * criterion needed; or a function of the criterion's key and position),
 * checks that the live total shown is the expected weighted total, saves,
 * and waits for the saved result. Returns { total, text } (text as shown,
 * e.g. "86,25").
 */
async function scoreOpenProject(page, shot, projectTitle, seminar, scores) {
  await page.getByRole("heading", { level: 2, name: projectTitle }).waitFor();
  await page.getByRole("link", { name: /^Lihat proyek perubahan selengkapnya/ }).waitFor();

  await page.getByLabel("Seminar", { exact: true }).selectOption(seminar);
  const legend = seminar === "final" ? "Seminar laporan akhir" : "Seminar rancangan";
  const criteria = page.getByRole("group", { name: legend }).getByRole("textbox");
  await criteria.first().waitFor();

  const rows = [];
  const used = new Set();
  for (const [i, input] of (await criteria.all()).entries()) {
    const key = await input.getAttribute("data-criterion");
    const weight = Number(await input.getAttribute("data-weight"));
    const label = await input.evaluate((el) => el.labels?.[0]?.textContent ?? "");
    const name = label.replace(/\s*\(bobot \d+%\)$/, "");
    const score = typeof scores === "function" ? scores(key, i) : (scores[key] ?? scores[name]);
    if (score === undefined) throw new Error(`no score given for the criterion "${name}" (${key})`);
    used.add(typeof scores === "function" || scores[key] !== undefined ? key : name);
    await page.getByLabel(label, { exact: true }).fill(String(score).replace(".", ","));
    rows.push({ score, weight });
  }
  const unknown = typeof scores === "function" ? [] : Object.keys(scores).filter((k) => !used.has(k));
  if (unknown.length) throw new Error(`not criteria of the ${seminar} seminar: ${unknown.join(", ")}`);

  const total = weightedTotal(rows);
  const text = number.format(total);
  const shown = page.getByLabel("Total tertimbang");
  try {
    await shown.filter({ hasText: new RegExp(`^${text.replace(/[.,]/g, "\\$&")}$`) }).waitFor({ timeout: 5000 });
  } catch {
    throw new Error(`the live total shows "${await shown.innerText()}", expected ${text}`);
  }

  await page.getByLabel("Catatan penguji").fill("Dinilai melalui uji menyeluruh di peramban.");
  await page.getByRole("button", { name: "Simpan penilaian" }).click();
  await page.getByText(`Penilaian tersimpan: total ${text},`).waitFor();
  await shot("penilaian");
  return { total, text };
}
