// Steps of the whole-loop browser test for a seminar's results (issue #21):
// the organizer's session (made through the API), opening it early,
// determining and releasing its results on the organizer's screen (/angkatan/:cohortId/
// sesi-seminar), and the participant reading the result and filing an
// appeal on the project page (AppealPanel).

/**
 * Creates, through the API as the organizer (token), the session of
 * seminar ("design" or "final") of the project's cohort, with the
 * project's enrollment and the examiner: on today (an ISO date) when the
 * cohort's agenda allows it, else on the first day of the seminar's phase
 * (a session's date lies in it: session.outside_phase). Returns the
 * session; one in the future offers open-seminar-session.
 */
export async function createSession(api, token, { projectId, seminar, today, examinerId }) {
  const project = await api(token, "GET", `/v1/projects/${projectId}`);
  const cohort = await api(token, "GET", `/v1/cohorts/${project.cohortId}`);
  const phase = (cohort.phases ?? []).find((ph) => ph.kind === `${seminar}_seminar`);
  const date = phase && today < phase.startsOn ? phase.startsOn : today;
  return api(token, "POST", `/v1/cohorts/${project.cohortId}/seminar-sessions`, {
    seminar,
    date,
    startsAt: "09:00",
    room: "Aula Bung Karno",
    participants: [project.enrollmentId],
    examiners: [examinerId],
  });
}

/**
 * On the organizer's seminar sessions screen of the cohort, opens the
 * session of participantName for scores before its day ("Buka penilaian
 * lebih awal"); the session then says when it was opened.
 */
export async function openEarly(page, shot, cohortId, participantName) {
  await page.goto(`/angkatan/${cohortId}/sesi-seminar`);
  await page.getByRole("heading", { level: 1, name: "Sesi seminar" }).waitFor();
  const session = page.locator("section.seminar-session").filter({ hasText: participantName });
  await session.getByRole("row").filter({ hasText: participantName }).getByText("0 dari 1 nilai").waitFor();
  await shot("sesi-seminar");
  await session.getByRole("button", { name: "Buka penilaian lebih awal" }).click();
  await page.getByText("Sesi dibuka untuk penilaian.").waitFor();
  await session.getByRole("button", { name: "Buka penilaian lebih awal" }).waitFor({ state: "detached" });
}

/**
 * On the organizer's seminar sessions screen of the cohort: the session
 * of participantName shows one of one score, the organizer determines its
 * result (after confirming), sees it frozen with the result scoreText
 * ("86,25"), and releases the seminar's results to the participants.
 */
export async function determineAndRelease(page, shot, cohortId, participantName, scoreText) {
  await page.goto(`/angkatan/${cohortId}/sesi-seminar`);
  await page.getByRole("heading", { level: 1, name: "Sesi seminar" }).waitFor();
  const session = page.locator("section.seminar-session").filter({ hasText: participantName });
  await session.getByRole("row").filter({ hasText: participantName }).getByText("1 dari 1 nilai").waitFor();
  await session.getByRole("button", { name: "Tetapkan hasil" }).click();
  await session.getByRole("group", { name: /^Tetapkan hasil sesi ini\?/ }).waitFor();
  await shot("sesi-seminar-konfirmasi");
  await session.getByRole("button", { name: "Ya, tetapkan" }).click();
  await session.getByText(/^Hasil ditetapkan .*; nilai dibekukan\.$/).waitFor();
  await session.getByRole("row").filter({ hasText: participantName }).getByText(`${scoreText} (`).waitFor();
  await session.getByRole("button", { name: "Umumkan hasil seminar ini kepada peserta" }).click();
  await page.getByText("Hasil seminar diumumkan kepada peserta.").waitFor();
  await shot("sesi-seminar-diumumkan");
}

/**
 * On the project page, the participant reads the released, determined
 * result of the design seminar (scoreText, "86,25") and files an appeal
 * with reasons; the panel then lists it as filed ("Diajukan"), and once
 * the page is read again no longer offers a second one and says why.
 */
export async function fileAppeal(page, shot, projectId, scoreText, reasons) {
  await page.goto(`/proyek/${projectId}`);
  const results = page.locator(".results");
  await results.getByRole("heading", { name: "Hasil seminar", exact: true }).waitFor();
  const design = results.getByRole("listitem").filter({ hasText: "Seminar rancangan" }).first();
  await design.getByText(`nilai ${scoreText}`).waitFor();
  await design.getByText("Ditetapkan", { exact: true }).waitFor();
  const appeals = page.getByRole("region", { name: "Keberatan atas hasil seminar" });
  await appeals.getByLabel("Alasan keberatan").fill(reasons);
  await shot("keberatan");
  await appeals.getByRole("button", { name: "Ajukan keberatan" }).click();
  await appeals.getByText("Keberatan Anda telah diajukan.").waitFor();
  await appeals.getByRole("listitem").filter({ hasText: reasons }).getByText("Diajukan", { exact: true }).waitFor();
  // Read again, the project no longer offers a second appeal and says why.
  await page.reload();
  await appeals.getByRole("listitem").filter({ hasText: reasons }).getByText("Diajukan", { exact: true }).waitFor();
  await appeals.getByText("Keberatan atas hasil seminar ini sudah diajukan dan masih diproses.").waitFor();
  if (await appeals.getByRole("button", { name: "Ajukan keberatan" }).count()) throw new Error("a second appeal is offered while one is open");
  await shot("keberatan-diajukan");
}
