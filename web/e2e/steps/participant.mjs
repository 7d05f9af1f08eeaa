// Steps of the participant's project screen (/proyek/:projectId) for the
// whole-loop browser test. Each takes a Playwright page signed in as the
// project's participant and `shot`, which checks and photographs a screen.
// They wait for outcomes the screen shows, never for fixed times.
import { deflateSync } from "node:zlib";

const required = "Wajib diisi sebelum rancangan diajukan.";
const needsShortMilestone = "Rancangan memerlukan minimal satu tahapan jangka pendek.";
const horizonLabels = { short: "Jangka pendek", mid: "Jangka menengah", long: "Jangka panjang" };

/** Opens the project screen unless it is open, and waits for its content. */
async function openProject(page, projectId, { reload = false } = {}) {
  const path = `/proyek/${projectId}`;
  if (reload || new URL(page.url()).pathname !== path) await page.goto(path);
  await summary(page).waitFor();
  await page.getByRole("heading", { level: 2, name: "Tahapan", exact: true }).waitFor();
  return page;
}

/** The summary panel with the project's status. */
function summary(page) {
  return page.getByRole("region", { name: "Ringkasan proyek" });
}

/** Waits until the project's status badge reads status. */
async function waitForStatus(page, status) {
  await summary(page).getByText(status, { exact: true }).waitFor();
}

/** The card of the milestone titled title. */
function milestoneCard(page, title) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 4, name: title, exact: true }) });
}

/** The field of the design form labelled label, with its input and message. */
function designField(form, label) {
  return form.locator(".field").filter({ has: form.page().getByLabel(label, { exact: true }) });
}

/** A date some days from today, as the API writes it. */
function daysFromNow(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * Writes and submits the design of a draft project. First the unhappy path:
 * it submits with title, problem and goal empty and checks that the API's
 * problems show next to those fields (and, when the project has no
 * short-term milestone, next to the milestones). Then it fills every field,
 * the stakeholder map and one success indicator (design.indicator, or a
 * default), saves, adds design.milestones (or, when a short-term milestone
 * is missing and none are given, one default short-term milestone, as
 * submit-design requires one), submits, and waits
 * for "Rancangan diajukan"; then downloads the design as a PDF.
 *
 * design = { title, background, problem, goal, benefits, scope,
 *   innovationAreas?: string[], stakeholders: [{ name, kind: "internal"|"external",
 *   power: "high"|"low", interest: "high"|"low" }],
 *   indicator?: { name, baseline, target, unit },
 *   milestones?: [planMilestone's milestone] }
 */
export async function writeDesign(page, shot, projectId, design) {
  await openProject(page, projectId, { reload: true });
  const form = page.getByRole("form", { name: "Formulir rancangan proyek perubahan" });
  await form.waitFor();

  // The unhappy path: submit without the required items.
  for (const label of ["Judul proyek perubahan", "Rumusan masalah", "Tujuan"]) await form.getByLabel(label, { exact: true }).fill("");
  await submitDesign(form);
  for (const label of ["Judul proyek perubahan", "Rumusan masalah", "Tujuan"]) {
    const field = designField(form, label);
    await field.getByText(required, { exact: true }).waitFor();
    const invalid = await field.getByLabel(label, { exact: true }).getAttribute("aria-invalid");
    if (invalid !== "true") throw new Error(`writeDesign: ${label} is not marked invalid after the refused submit`);
  }
  const missingMilestone = await form.getByText(needsShortMilestone).isVisible();
  await shot("proyek-rancangan-belum-lengkap"); // the problems shown, checked for English too
  await waitForStatus(page, "Draf");

  // The happy path: fill everything.
  await form.getByLabel("Judul proyek perubahan", { exact: true }).fill(design.title);
  // A field's message goes once the field is edited; the others' stay.
  await designField(form, "Judul proyek perubahan").getByText(required, { exact: true }).waitFor({ state: "detached" });
  if (!(await designField(form, "Tujuan").getByText(required, { exact: true }).isVisible())) throw new Error("writeDesign: editing the title cleared the goal's message too");
  await form.getByLabel("Latar belakang", { exact: true }).fill(design.background ?? "");
  await form.getByLabel("Rumusan masalah", { exact: true }).fill(design.problem);
  await form.getByLabel("Tujuan", { exact: true }).fill(design.goal);
  await form.getByLabel("Manfaat", { exact: true }).fill(design.benefits ?? "");
  await form.getByLabel("Ruang lingkup", { exact: true }).fill(design.scope ?? "");
  if (design.innovationAreas) await form.getByLabel("Bidang inovasi", { exact: true }).fill(design.innovationAreas.join(", "));
  // Replace the stakeholder map.
  const removeFirst = form.getByRole("button", { name: /^Hapus pemangku kepentingan 1$/i });
  while (await removeFirst.isVisible()) await removeFirst.click();
  for (const [i, s] of (design.stakeholders ?? []).entries()) {
    await form.getByRole("button", { name: "Tambahkan pemangku kepentingan" }).click();
    const row = form.getByRole("group", { name: `Pemangku kepentingan ${i + 1}`, exact: true });
    await row.getByLabel("Nama", { exact: true }).fill(s.name);
    await row.getByLabel("Posisi", { exact: true }).selectOption(s.kind);
    await row.getByLabel("Pengaruh", { exact: true }).selectOption(s.power);
    await row.getByLabel("Kepentingan", { exact: true }).selectOption(s.interest);
  }
  // One of the design's structured sections: a success indicator, baseline to target.
  const indicator = design.indicator ?? { name: "Waktu tunggu layanan", baseline: "180", target: "30", unit: "menit" };
  await form.getByRole("button", { name: "Tambahkan indikator keberhasilan" }).click();
  const indicatorRow = form.getByRole("group", { name: "Indikator 1", exact: true });
  await indicatorRow.getByLabel("Indikator", { exact: true }).fill(indicator.name);
  await indicatorRow.getByLabel("Kondisi awal", { exact: true }).fill(indicator.baseline);
  await indicatorRow.getByLabel("Target", { exact: true }).fill(indicator.target);
  await indicatorRow.getByLabel("Satuan", { exact: true }).fill(indicator.unit);
  await form.getByRole("button", { name: "Simpan rancangan" }).click();
  await form.getByText("Rancangan tersimpan.").waitFor();
  await shot("proyek-rancangan");

  const milestones = design.milestones?.length
    ? design.milestones
    : missingMilestone
      ? [
          {
            horizon: "short",
            title: "Tim efektif terbentuk",
            description: "Tim efektif lintas bidang ditetapkan dengan SK.",
            dueOn: daysFromNow(30),
            activities: [{ title: "Menyusun SK tim efektif", output: "SK tim efektif" }],
          },
        ]
      : [];
  for (const m of milestones) await planMilestone(page, async () => {}, projectId, m);

  await submitDesign(form);
  await waitForStatus(page, "Rancangan diajukan");

  // The design as a PDF (download-design-pdf).
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: /^Unduh rancangan \(PDF\)$/ }).click();
  const pdf = await download;
  if (!/^rancangan-.*\.pdf$/.test(pdf.suggestedFilename())) throw new Error(`writeDesign: the design's PDF is named ${pdf.suggestedFilename()}`);
}

/** Clicks "Ajukan rancangan" and confirms it. */
async function submitDesign(form) {
  await form.getByRole("button", { name: "Ajukan rancangan" }).click();
  await form.getByRole("button", { name: "Ya, ajukan rancangan" }).click();
}

/**
 * Types into the design form and leaves by the header's "Beranda": the app
 * asks first (dismissed: the form stays; accepted: home opens), and the
 * unsaved text comes back from the device's draft when the project is
 * opened again, with its notice. The draft is then discarded.
 */
export async function leaveUnsavedDesign(page, shot, projectId) {
  await openProject(page, projectId, { reload: true });
  const form = page.getByRole("form", { name: "Formulir rancangan proyek perubahan" });
  const background = form.getByLabel("Latar belakang", { exact: true });
  const text = "Catatan yang belum disimpan tentang antrean berkas di loket perizinan.";
  await background.fill(text);
  const questions = [];
  const answer = (accept) => page.once("dialog", (d) => (questions.push(d.message()), accept ? d.accept() : d.dismiss()));
  answer(false);
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await form.waitFor();
  if (!new URL(page.url()).pathname.endsWith(projectId)) throw new Error("leaveUnsavedDesign: the page was left although leaving was cancelled");
  answer(true);
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor();
  if (questions.length !== 2 || !questions.every((q) => /belum disimpan/.test(q))) throw new Error(`leaveUnsavedDesign: expected two warnings about unsaved changes, got ${JSON.stringify(questions)}`);
  await openProject(page, projectId);
  await form.getByText("Perubahan yang belum disimpan dipulihkan dari perangkat ini.", { exact: false }).waitFor();
  const restored = await background.inputValue();
  if (restored !== text) throw new Error(`leaveUnsavedDesign: the draft did not come back: ${JSON.stringify(restored)}`);
  await shot("proyek-rancangan-draf");
  await form.getByRole("button", { name: "Buang perubahan" }).click();
  await form.getByText("Ada perubahan yang belum disimpan.").waitFor({ state: "detached" });
}

/**
 * After the mentor returned the design with comment: the participant's home
 * shows the returned design with the comment (reminders), the project is a
 * draft again, and the participant submits it again (with the confirmation).
 */
export async function resubmitReturnedDesign(page, shot, projectId, comment) {
  await page.goto("/");
  const reminders = page.getByRole("region", { name: "Pengingat", exact: true });
  await reminders.getByText("Rancangan dikembalikan untuk diperbaiki").first().waitFor();
  await reminders.getByText(comment).first().waitFor();
  await shot("beranda-peserta-dikembalikan");
  await openProject(page, projectId, { reload: true });
  await waitForStatus(page, "Draf");
  await submitDesign(page.getByRole("form", { name: "Formulir rancangan proyek perubahan" }));
  await waitForStatus(page, "Rancangan diajukan");
}

/**
 * Makes sure the project is in implementation. The participant may start it
 * (start-implementation) once the design is approved, before the cohort's
 * implementation phase moves it there by itself: the step clicks "Mulai
 * implementasi" when the screen offers it, and waits for "Implementasi".
 */
export async function startImplementation(page, shot, projectId) {
  await openProject(page, projectId, { reload: true });
  const start = summary(page).getByRole("button", { name: "Mulai implementasi" });
  if (await start.isVisible()) await start.click();
  await waitForStatus(page, "Implementasi");
}

/**
 * Adds a milestone: { horizon: "short"|"mid"|"long", title, description,
 * dueOn: "YYYY-MM-DD", activities: [{ title, output }] }, and waits for it
 * to show under its horizon.
 */
export async function planMilestone(page, shot, projectId, milestone) {
  await openProject(page, projectId);
  await page.getByRole("button", { name: "Tambahkan tahapan" }).click();
  const form = page.getByRole("form", { name: "Tahapan baru" });
  await form.getByLabel("Jangka waktu").selectOption(milestone.horizon);
  await form.getByLabel("Judul tahapan").fill(milestone.title);
  await form.getByLabel("Uraian").fill(milestone.description ?? "");
  await form.getByLabel("Tenggat").fill(milestone.dueOn);
  for (const [i, a] of (milestone.activities ?? []).entries()) {
    await form.getByRole("button", { name: "Tambahkan kegiatan" }).click();
    const row = form.getByRole("group", { name: `Kegiatan ${i + 1}`, exact: true });
    await row.getByLabel("Kegiatan", { exact: true }).fill(a.title);
    await row.getByLabel("Keluaran", { exact: true }).fill(a.output ?? "");
  }
  await form.getByRole("button", { name: "Simpan tahapan" }).click();
  await form.waitFor({ state: "detached" });
  const horizon = page.getByRole("region", { name: new RegExp("^" + horizonLabels[milestone.horizon]) });
  await horizon.getByRole("heading", { level: 4, name: milestone.title, exact: true }).waitFor();
}

/**
 * Uploads a file as evidence of the milestone titled milestoneTitle through
 * the file picker, and waits until it shows as "Menunggu telaah".
 */
export async function uploadEvidence(page, shot, projectId, milestoneTitle, { title, filePath }) {
  await openProject(page, projectId);
  const card = milestoneCard(page, milestoneTitle);
  await card.getByRole("button", { name: "Tambahkan bukti dukung" }).click();
  const form = card.getByRole("form", { name: `Unggah bukti dukung untuk “${milestoneTitle}”` });
  await form.getByLabel("Judul bukti").fill(title);
  // A large phone photo is made smaller before it is sent, unless the original is asked for.
  await form.getByLabel("Pilih berkas").setInputFiles({ name: "foto-rapat-tim.png", mimeType: "image/png", buffer: noisePNG(1100, 1000) });
  await form.getByText(/^Foto diperkecil agar cepat terkirim: .* menjadi .*\.$/).waitFor();
  await form.getByLabel("Kirim foto asli").waitFor();
  await form.getByLabel("Pilih berkas").setInputFiles(filePath);
  await form.getByText(/^Foto diperkecil/).waitFor({ state: "detached" });
  // The file goes as a resumable upload (tus): its last PATCH answers the evidence.
  const resumed = page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes("/evidence/uploads/") && r.status() === 200);
  await form.getByRole("button", { name: "Unggah" }).click();
  await resumed;
  await card.getByText("Bukti dukung terkirim dan menunggu telaah mentor.").waitFor();
  const item = card.getByRole("listitem").filter({ hasText: title });
  await item.getByText("Menunggu telaah", { exact: true }).first().waitFor();
  await card.scrollIntoViewIfNeeded();
  await shot("proyek-tahapan");
}

/**
 * Checks that a milestone without evidence offers no "Nyatakan tercapai":
 * its card says instead, in the catalogue's words, that evidence comes first.
 */
export async function expectNoClaimWithoutEvidence(page, shot, projectId, milestoneTitle) {
  await openProject(page, projectId, { reload: true });
  const card = milestoneCard(page, milestoneTitle);
  await card.getByText("Kirim paling sedikit satu bukti dukung sebelum mengajukan tahapan sebagai tercapai.").waitFor();
  if (await card.getByRole("button", { name: "Nyatakan tercapai" }).count()) throw new Error(`"${milestoneTitle}" has no evidence yet offers "Nyatakan tercapai"`);
}

/**
 * Starts work on a planned milestone from the button its answer offers
 * (start-milestone, "Mulai kerjakan") and waits for "Berjalan"; the button
 * is then gone, as the milestone no longer offers it.
 */
export async function startMilestone(page, shot, projectId, milestoneTitle) {
  await openProject(page, projectId);
  const card = milestoneCard(page, milestoneTitle);
  await card.getByRole("button", { name: "Mulai kerjakan" }).click();
  await card.getByText("Berjalan", { exact: true }).first().waitFor();
  await card.getByRole("button", { name: "Mulai kerjakan" }).waitFor({ state: "detached" });
}

/**
 * Claims the milestone achieved (with the confirmation) and waits for
 * "Menunggu verifikasi". Throws with the screen's problem if the API refuses.
 */
export async function claimMilestone(page, shot, projectId, milestoneTitle) {
  await openProject(page, projectId);
  const card = milestoneCard(page, milestoneTitle);
  await card.getByRole("button", { name: "Nyatakan tercapai" }).click();
  await card.getByRole("button", { name: "Ya, ajukan verifikasi" }).click();
  const claimed = card.getByText("Menunggu verifikasi", { exact: true });
  const refused = card.getByRole("alert");
  await claimed.or(refused).first().waitFor();
  if (await refused.count()) throw new Error(`claimMilestone: the API refused: ${await refused.first().innerText()}`);
}

/** Opens the project afresh and waits until the milestone shows "Tercapai". */
export async function expectMilestoneAchieved(page, shot, projectId, milestoneTitle) {
  await openProject(page, projectId, { reload: true });
  await milestoneCard(page, milestoneTitle).getByText("Tercapai", { exact: true }).waitFor();
}

/** Shows the project's timeline (newest first) and photographs it. */
export async function showTimeline(page, shot, projectId) {
  await openProject(page, projectId, { reload: true });
  const section = page.getByRole("region", { name: "Linimasa" });
  await section.getByRole("listitem").first().waitFor();
  await section.scrollIntoViewIfNeeded();
  await shot("proyek-linimasa");
}

/** A PNG of width × height random pixels (stored, not compressed): a photo-sized file of about 3 MB. */
function noisePNG(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let seed = 1;
  for (let i = 0; i < raw.length; i++) {
    if (i % (width * 3 + 1) === 0) continue; // filter byte: none
    seed = (seed * 1103515245 + 12345) >>> 0;
    raw[i] = seed >>> 24;
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw, { level: 0 })), chunk("IEND", Buffer.alloc(0))]);
}
