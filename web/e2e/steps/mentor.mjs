// Steps of the whole-loop browser test for mentors and coaches: the review
// queue (/telaah) and the design, evidence and milestone reviews. Each takes
// a page signed in as the reviewer and shot(name), which checks and
// screenshots the screen shown.

/** The queue item of a kind ("Rancangan proyek", "Bukti dukung", "Verifikasi tahapan") mentioning text. */
function queueItem(page, kind, text) {
  return page.getByRole("listitem").filter({ hasText: kind }).filter({ hasText: text });
}

/** Opens the review queue and waits for it (its heading carries the count once loaded). */
async function openQueue(page) {
  await page.goto("/telaah");
  await page.getByRole("heading", { level: 1, name: /^Antrean telaah \(/ }).waitFor();
}

/** Opens the queue item's review screen and waits for its heading. */
async function openItem(page, kind, text, heading) {
  const item = queueItem(page, kind, text);
  if ((await item.count()) === 0) throw new Error(`the review queue has no "${kind}" item for "${text}"`);
  await item.first().getByRole("link").click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

/** Waits for the API's problem next to the comment field and returns its text. */
async function commentProblem(page) {
  const comment = page.getByLabel("Komentar", { exact: true });
  await comment.and(page.locator('[aria-invalid="true"]')).waitFor();
  const ids = ((await comment.getAttribute("aria-describedby")) ?? "").split(" ");
  const errorId = ids.find((id) => id.endsWith("-error"));
  if (!errorId) throw new Error("the comment field is marked invalid but names no message");
  const message = (await page.locator(`[id="${errorId}"]`).innerText()).trim();
  if (!message) throw new Error("the comment field's problem is empty");
  return message;
}

/**
 * Drops the browser's console line about the 422 this step provoked on
 * purpose (a return without a comment) from the errors openTab records, so
 * that only unexpected errors fail the test.
 */
function forgetProvoked422(page, before) {
  if (!Array.isArray(page.consoleErrors)) return;
  const i = page.consoleErrors.findIndex((e, n) => n >= before && /status of 422/.test(e));
  if (i >= 0) page.consoleErrors.splice(i, 1);
}

/** Waits for the outcome of a decision and returns its message. */
async function outcome(page) {
  const region = page.getByRole("region", { name: "Hasil telaah" });
  await region.waitFor();
  return (await region.getByRole("status").innerText()).trim();
}

/**
 * Checks that a decision's outcome offers "Telaah berikutnya" and returns
 * where it leads: the next item's review, or the queue ("/telaah").
 */
async function expectNextReview(page) {
  const next = page.getByRole("region", { name: "Hasil telaah" }).getByRole("link", { name: /^Telaah berikutnya/ });
  await next.waitFor();
  return next.getAttribute("href");
}

/**
 * The mentor's home lists the participants they mentor: participantName
 * links to their project (/proyek/projectId), under projectTitle.
 */
export async function expectMentee(page, shot, participantName, projectTitle, projectId) {
  await page.goto("/");
  const list = page.getByRole("region", { name: "Peserta yang Anda bimbing" });
  const item = list.getByRole("listitem").filter({ hasText: projectTitle });
  await item.first().waitFor();
  const link = item.first().getByRole("link", { name: participantName, exact: true });
  if ((await link.getAttribute("href")) !== `/proyek/${projectId}`) throw new Error(`the mentee's link leads to ${await link.getAttribute("href")}, not /proyek/${projectId}`);
  await shot("beranda-mentor");
}

/**
 * From the queue, opens the design of participantName, tries to return it
 * without a comment (the API's problem must show at the comment field), then
 * approves it. Returns the outcome message ("Rancangan disetujui…" once
 * mentor and coach both approved, else that the approval is recorded).
 */
export async function approveDesignFromQueue(page, shot, participantName, { previousNote } = {}) {
  await openQueue(page);
  await queueItem(page, "Rancangan proyek", participantName).first().waitFor();
  await shot("telaah-antrean");
  await openItem(page, "Rancangan proyek", participantName, "Telaah rancangan proyek");
  await page.getByRole("heading", { level: 2, name: "Pemangku kepentingan" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Tahapan", exact: true }).waitFor(); // the milestones planned with it
  if (previousNote) {
    // The previous round's return note, from the timeline.
    await page.getByRole("heading", { level: 3, name: "Catatan perbaikan sebelumnya" }).waitFor();
    await page.getByText(previousNote, { exact: true }).waitFor();
  }
  await page.getByRole("button", { name: "Setujui rancangan" }).waitFor();
  await shot("telaah-rancangan");

  await page.getByLabel("Komentar", { exact: true }).fill("");
  const before = page.consoleErrors?.length ?? 0;
  await page.getByRole("button", { name: "Kembalikan untuk diperbaiki" }).click();
  await commentProblem(page);
  forgetProvoked422(page, before);
  await shot("telaah-rancangan-tanpa-komentar"); // the problem shown, checked for English too

  await page.getByRole("button", { name: "Setujui rancangan" }).click();
  const message = await outcome(page);
  if (!/Rancangan disetujui|Persetujuan Anda tercatat/.test(message)) throw new Error(`unexpected outcome of approving the design: ${message}`);
  await expectNextReview(page);
  return message;
}

/**
 * From the queue, opens the design of participantName and returns it with
 * comment; "Telaah berikutnya" is offered after.
 */
export async function returnDesignFromQueue(page, shot, participantName, comment) {
  await openQueue(page);
  await openItem(page, "Rancangan proyek", participantName, "Telaah rancangan proyek");
  await page.getByLabel("Komentar", { exact: true }).fill(comment);
  await page.getByRole("button", { name: "Kembalikan untuk diperbaiki" }).click();
  const message = await outcome(page);
  if (!/dikembalikan/.test(message)) throw new Error(`unexpected outcome of returning the design: ${message}`);
  await expectNextReview(page);
  await shot("telaah-rancangan-dikembalikan");
}

/**
 * From the queue, opens the evidence titled evidenceTitle, waits for its
 * file to show inline (or its link, or the download of other types) and
 * approves it.
 */
export async function approveEvidence(page, shot, evidenceTitle) {
  await openQueue(page);
  await openItem(page, "Bukti dukung", evidenceTitle, "Telaah bukti");
  const image = page.getByRole("img", { name: evidenceTitle });
  const shown = image
    .or(page.getByTitle(evidenceTitle, { exact: true }))
    .or(page.getByRole("link", { name: /Buka tautan/ }))
    .or(page.getByText("Berkas jenis ini tidak dapat ditampilkan di sini."));
  await shown.first().waitFor();
  await page.locator('.review-meta a[href^="/proyek/"]').waitFor(); // the project, with the participant's name
  if ((await image.count()) > 0) await image.evaluate((img) => img.complete || new Promise((done) => img.addEventListener("load", done, { once: true })));
  await shot("telaah-bukti");

  await page.getByRole("button", { name: "Setujui bukti" }).click();
  await page.getByText("Bukti disetujui.").waitFor();
  await page.getByRole("link", { name: "Ke verifikasi tahapan" }).waitFor();
  // The claim of the milestone waits next in the queue.
  const next = await expectNextReview(page);
  if (!next?.startsWith("/telaah/tahapan/")) throw new Error(`"Telaah berikutnya" after the evidence leads to ${next}, not the milestone's verification`);
}

/**
 * From the queue, opens the claimed milestone titled milestoneTitle and
 * verifies it as achieved (its evidence must be reviewed, one approved).
 */
export async function verifyMilestone(page, shot, milestoneTitle) {
  await openQueue(page);
  await openItem(page, "Verifikasi tahapan", milestoneTitle, "Verifikasi tahapan");
  await page.getByRole("heading", { level: 2, name: milestoneTitle }).waitFor();
  const verify = page.getByRole("button", { name: "Verifikasi tercapai" });
  await verify.waitFor();
  await shot("telaah-tahapan");
  if (await verify.isDisabled()) {
    const why = await page.locator(".alert-info").first().innerText();
    throw new Error(`the milestone "${milestoneTitle}" cannot be verified yet: ${why}`);
  }
  await verify.click();
  await page.getByText("Tahapan diverifikasi: tercapai.").waitFor();
  await expectNextReview(page);
}
