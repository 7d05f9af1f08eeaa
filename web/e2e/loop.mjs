// The whole loop of a change project through the web app, in headless
// Chromium against a real `proper serve` and database (started by the Go
// test TestWebAppWholeLoopInABrowser in cmd/proper, which passes them in):
// an organizer creates a cohort and imports its roster; the participant
// designs and submits; the mentor returns the design with a note, which
// the participant's home shows, and the participant submits it again;
// mentor (seeing the note) and coach approve; the organizer sets the
// design seminar's session (through the API) with the examiner and the
// participant, the examiner scores it from their sessions at home, the
// organizer determines and releases its result on the sessions screen, and
// the participant reads it on the project page and files an appeal
// (steps/seminar.mjs); the participant uploads
// evidence and claims the milestone; the mentor approves and verifies; the
// coach sees 100 % on the dashboard, with the escalations and workload
// views; the participant publishes the innovation and a visitor finds it
// on the public showcase; a PKA cohort's participant sees "Aksi Perubahan"
// on every screen (steps/pka.mjs). At each
// step the project screen of the participant and of the mentor shows the
// steps the API's answers offer (actions), no more and no fewer.
// Every screen is checked with axe (no serious or critical violation) and
// for English words on it (the visible text, without what the test typed)
// and for problems not worded from the web app's catalogue,
// and screenshotted at desktop and phone width into PROPER_SCREENSHOTS.
//
// Environment: PROPER_BASE_URL, PROPER_ADMIN_EMAIL, PROPER_ADMIN_PASSWORD,
// PROPER_SCREENSHOTS.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkScreen, launch, openTab, signIn, typed } from "./browser.mjs";
import * as organizer from "./steps/organizer.mjs";
import * as participant from "./steps/participant.mjs";
import * as mentor from "./steps/mentor.mjs";
import * as coach from "./steps/coach.mjs";
import * as examiner from "./steps/examiner.mjs";
import * as followup from "./steps/followup.mjs";
import * as showcase from "./steps/showcase.mjs";
import * as seminar from "./steps/seminar.mjs";
import { expectAksiPerubahan } from "./steps/pka.mjs";
import { expectOfferedSteps as expectOffered } from "./steps/offers.mjs";

const base = need("PROPER_BASE_URL");
const screenshots = need("PROPER_SCREENSHOTS");
const password = "kata-sandi-uji-2026";

function need(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** Calls the API, for what happens before the UI (institution, staff accounts) or beside it; a string body is sent as it is, with type. */
async function call(token, method, path, body, type = "application/json") {
  const res = await fetch(base + path, {
    method,
    headers: { "Content-Type": type, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined || typeof body === "string" ? body : JSON.stringify(body),
  });
  const data = res.status === 204 ? undefined : await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}

const people = {
  organizer: { email: "dewi.anggraini@bpsdmd.jatengprov.go.id", name: "Dewi Anggraini, S.Sos., M.Si." },
  coach: { email: "agus.prasetyo@bpsdmd.jatengprov.go.id", name: "Dr. Agus Prasetyo, M.Si." },
  examiner: { email: "ratna.wulandari@lan.go.id", name: "Dr. Ratna Wulandari, M.A." },
  participant: { email: "hendra.gunawan@semarangkota.go.id", name: "Hendra Gunawan, S.T., M.T.", nip: "198203152006041004" },
  mentor: { email: "budi.santoso@semarangkota.go.id", name: "Ir. Budi Santoso, M.M." },
};

// What the test types (names, titles) is left out of the check that no English reaches the screens.
typed(...Object.values(people).map((who) => who.name), "BPSDMD Provinsi Jawa Tengah", "PKN Tingkat II Angkatan III Tahun 2026", "Aula Bung Karno");

// Before the UI: the admin registers the institution and the staff's accounts.
const admin = await call(undefined, "POST", "/v1/auth/login", { email: need("PROPER_ADMIN_EMAIL"), password: need("PROPER_ADMIN_PASSWORD") });
const institution = await call(admin.token, "POST", "/v1/institutions", { name: "BPSDMD Provinsi Jawa Tengah", code: "BPSDMD-JATENG" });
for (const who of ["organizer", "coach", "examiner"]) {
  const user = await call(admin.token, "POST", "/v1/users", { ...people[who], password });
  people[who].id = user.id;
}
await call(admin.token, "POST", `/v1/institutions/${institution.id}/organizers`, { userId: people.organizer.id });

const roster = (rows) =>
  ["nip,name,email,position,rank,agency,mentor_email,mentor_name,coach_email,group", ...rows.map((r) => r.join(","))].join("\n") + "\n";
const p = people.participant;
const m = people.mentor;
const goodRoster = roster([[p.nip, `"${p.name}"`, p.email, "Kepala Dinas Komunikasi dan Informatika", "Pembina Utama Muda (IV/c)", "Pemerintah Kota Semarang", m.email, `"${m.name}"`, people.coach.email, "Kelompok 1"]]);
const badRoster = roster([["19820315", `"${p.name}"`, "bukan-email", "Kepala Dinas", "IV/c", "Pemerintah Kota Semarang", m.email, `"${m.name}"`, people.coach.email, "Kelompok 1"]]);

const evidenceFile = join(mkdtempSync(join(tmpdir(), "proper-e2e-")), "sk-tim-layanan-daring.pdf");
writeFileSync(evidenceFile, minimalPDF("SK Tim Layanan Perizinan Daring"));

const violations = [];
const browser = await launch();
const tabs = [];
/** A tab signed in as nobody yet, whose shots are checked and saved. */
async function tab() {
  const page = await openTab(browser, base);
  tabs.push(page);
  const shot = async (name) => violations.push(...(await checkScreen(page, screenshots, name)));
  return { page, shot };
}

try {
  const org = await tab();
  await org.page.goto("/masuk");
  await org.shot("masuk");
  await signIn(org.page, people.organizer.email, password);
  await org.shot("beranda-penyelenggara");
  const today = new Date();
  const cohortId = await organizer.createCohort(org.page, org.shot, {
    institutionName: "BPSDMD Provinsi Jawa Tengah",
    name: "PKN Tingkat II Angkatan III Tahun 2026",
    code: "PKN2-III-2026",
    program: "pkn2",
    startsOn: isoDate(addDays(today, -20)),
    endsOn: isoDate(addDays(today, 100)),
  });
  await organizer.addStaff(org.page, org.shot, cohortId, { email: people.coach.email, role: "coach" });
  await organizer.addStaff(org.page, org.shot, cohortId, { email: people.examiner.email, role: "examiner" });
  const codes = await organizer.importRoster(org.page, org.shot, cohortId, badRoster, goodRoster);
  const codeOf = (email) => {
    const found = codes.find((c) => c.email === email);
    if (!found) throw new Error(`no activation code shown for ${email}: ${JSON.stringify(codes)}`);
    return found.code;
  };

  // The participant activates their account and writes the design with
  // its short-term milestone (a design is submitted with at least one).
  const milestone = "Tim efektif layanan daring terbentuk";
  const part = await tab();
  await slowConnection(part.page); // the participant works from a phone on a slow mobile network
  await activate(part, p.email, codeOf(p.email));
  const projectId = await myProjectId(part.page);
  await expectOfferedSteps(part.page, projectId, "the participant (draft)");
  await participant.leaveUnsavedDesign(part.page, part.shot, projectId);
  await participant.writeDesign(part.page, part.shot, projectId, {
    title: "Layanan Perizinan Daring Terpadu Kota Semarang",
    background: "Perizinan usaha mikro di Kota Semarang masih diurus dengan berkas kertas di tiga loket.",
    problem: "Pengurusan izin usaha mikro memakan waktu rata-rata 14 hari kerja.",
    goal: "Izin usaha mikro terbit dalam 3 hari kerja melalui layanan daring.",
    benefits: "Pelaku usaha hemat waktu dan biaya; pemerintah kota mendapat data perizinan yang utuh.",
    scope: "Izin usaha mikro di Dinas Penanaman Modal dan PTSP Kota Semarang.",
    stakeholders: [
      { name: "Wali Kota Semarang", kind: "internal", power: "high", interest: "high" },
      { name: "Asosiasi UMKM Kota Semarang", kind: "external", power: "low", interest: "high" },
    ],
    milestones: [
      {
        horizon: "short",
        title: milestone,
        description: "Tim lintas bidang dengan SK Kepala Dinas.",
        dueOn: isoDate(addDays(today, 14)),
        activities: [{ title: "Menyusun SK tim", output: "SK Kepala Dinas" }],
      },
    ],
  });

  // Mentor and coach approve the design.
  await expectOfferedSteps(part.page, projectId, "the participant (design submitted)");
  const ment = await tab();
  await activate(ment, m.email, codeOf(m.email));
  await expectOfferedSteps(ment.page, projectId, "the mentor (design submitted)");
  await mentor.expectMentee(ment.page, ment.shot, p.name, "Layanan Perizinan Daring Terpadu Kota Semarang", projectId);
  // The mentor first returns it with a note; the participant sees it at home and submits again.
  const note = "Lengkapi bidang inovasi dan sebutkan target waktu layanan.";
  await mentor.returnDesignFromQueue(ment.page, ment.shot, p.name, note);
  await participant.resubmitReturnedDesign(part.page, part.shot, projectId, note);
  await mentor.approveDesignFromQueue(ment.page, ment.shot, p.name, { previousNote: note });
  const coa = await tab();
  await signIn(coa.page, people.coach.email, password);
  await mentor.approveDesignFromQueue(coa.page, coa.shot, p.name);

  // The design seminar (issue #21), before implementation: a design score
  // is refused once the project implements (assessment.design_stage_over).
  // The organizer makes the session through the API with the examiner and
  // the participant (today, or on the first day of the agenda's seminar
  // rancangan, then opened early on the sessions screen); the examiner
  // scores from their sessions at home;
  // the organizer determines and releases the result on the sessions
  // screen; the participant reads it and files an appeal.
  const organizerToken = (await call(undefined, "POST", "/v1/auth/login", { email: people.organizer.email, password })).token;
  const session = await seminar.createSession(call, organizerToken, { projectId, seminar: "design", today: isoDate(today), examinerId: people.examiner.id });
  if (session.actions.includes("open-seminar-session")) await seminar.openEarly(org.page, org.shot, cohortId, p.name);
  const exa = await tab();
  await signIn(exa.page, people.examiner.email, password);
  const designTitle = "Layanan Perizinan Daring Terpadu Kota Semarang";
  const scored = await examiner.scoreFromMySessions(exa.page, exa.shot, p.name, designTitle, "design", (_key, i) => 80 + 2.5 * (i % 4));
  console.log(`design seminar: the examiner scored ${scored.text} from their sessions`);
  await seminar.determineAndRelease(org.page, org.shot, cohortId, p.name, scored.text);
  const appealReasons = "Nilai kriteria analisis isu belum mempertimbangkan data perizinan yang kami lampirkan.";
  typed(appealReasons);
  await seminar.fileAppeal(part.page, part.shot, projectId, scored.text, appealReasons);

  // The participant proves the milestone and claims it.
  await participant.startImplementation(part.page, part.shot, projectId);
  await participant.expectNoClaimWithoutEvidence(part.page, part.shot, projectId, milestone);
  await expectOfferedSteps(part.page, projectId, "the participant (implementing, no evidence)");
  await participant.startMilestone(part.page, part.shot, projectId, milestone);
  await participant.uploadEvidence(part.page, part.shot, projectId, milestone, { title: "SK Tim Layanan Daring", filePath: evidenceFile });
  await participant.claimMilestone(part.page, part.shot, projectId, milestone);
  await expectOfferedSteps(part.page, projectId, "the participant (milestone claimed)");
  await expectOfferedSteps(ment.page, projectId, "the mentor (evidence and claim waiting)");
  await followup.checkReminders(ment.page, ment.shot); // the evidence and the claim wait for the mentor

  // The mentor approves the evidence and verifies the milestone.
  await mentor.approveEvidence(ment.page, ment.shot, "SK Tim Layanan Daring");
  await mentor.verifyMilestone(ment.page, ment.shot, milestone);
  await participant.expectMilestoneAchieved(part.page, part.shot, projectId, milestone);
  await expectOfferedSteps(ment.page, projectId, "the mentor (milestone achieved)");
  await participant.showTimeline(part.page, part.shot, projectId);

  // The participant publishes the innovation; anyone finds it on the
  // showcase, signed out, with an Indonesian query ("pelayanan" for "layanan").
  await showcase.publishProject(part.page, part.shot, projectId, "Permohonan, verifikasi dan penerbitan izin usaha mikro sepenuhnya daring.");
  await expectOfferedSteps(part.page, projectId, "the participant (published)");
  const visitor = await tab();
  await showcase.searchShowcase(visitor.page, visitor.shot, "pelayanan perizinan", "Layanan Perizinan Daring Terpadu Kota Semarang");

  // A PKA cohort of the same institution: its participant's screens say Aksi Perubahan.
  const pkaParticipant = { email: "rina.kusuma@semarangkota.go.id", name: "Rina Kusuma, S.E.", nip: "198806122010012003", password, mentorEmail: m.email, mentorName: m.name };
  typed(pkaParticipant.name);
  const pkaScreens = await expectAksiPerubahan({
    api: call, tab, organizer: { email: people.organizer.email, password }, institutionId: institution.id, participant: pkaParticipant,
    startsOn: isoDate(addDays(today, -20)), endsOn: isoDate(addDays(today, 100)),
  });
  console.log(`PKA: ${pkaScreens.join(", ")} say Aksi Perubahan and never "proyek"`);

  // The coach sees the participant at 100 % and keeps a coaching note.
  await coach.expectParticipantProgress(coa.page, coa.shot, cohortId, p.name, 100);
  await coach.addCoachingNote(coa.page, coa.shot, projectId, {
    heldOn: isoDate(today),
    topic: "Strategi sosialisasi layanan daring",
    notes: "Peserta akan menyosialisasikan layanan melalui asosiasi UMKM.",
  }, { fromDashboardRow: p.name });

  // The coach looks for late reviews and the reviewers' workload.
  await followup.checkEscalations(coa.page, coa.shot, cohortId);
  await followup.checkWorkload(coa.page, coa.shot, cohortId);
} finally {
  await browser.close();
}

const consoleErrors = tabs.flatMap((t) => t.consoleErrors);
console.log(`screenshots: ${screenshots}`);
if (violations.length || consoleErrors.length) {
  for (const v of violations) console.log(/English on screen/.test(v) ? "english:" : /not worded from the catalogue/.test(v) ? "wording:" : "axe:", v);
  for (const e of consoleErrors) console.log("console:", e);
  process.exit(1);
}
console.log("the whole loop passed; no serious or critical accessibility violations; no English on the screens checked; every problem shown worded from the catalogue");

/** Checks the project screen against the API's offers (steps/offers.mjs) and prints what it showed. */
async function expectOfferedSteps(page, projectId, who) {
  const { shown } = await expectOffered(page, projectId, who);
  const steps = shown.map((s) => s.split(" ").pop()).sort();
  console.log(`${who}: the project screen shows what the API offers: ${steps.join(", ") || "nothing"}`);
}

/**
 * Makes page's network slow, like a phone on a weak 3G signal: every
 * request waits 400 ms more, downloads at 400 kbit/s, uploads at 200.
 */
async function slowConnection(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 400,
    downloadThroughput: (400 * 1024) / 8,
    uploadThroughput: (200 * 1024) / 8,
  });
}

/** Activates an account with its code through the activation screen. */
async function activate({ page, shot }, email, code) {
  await page.goto("/aktivasi");
  await page.getByLabel("Kode aktivasi").fill(code);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/Kata sandi baru/).fill("pendek");
  await page.getByRole("button", { name: "Aktifkan akun" }).click();
  await page.locator(".field-error").first().waitFor(); // too short: named at the field
  await shot("aktivasi");
  await page.getByLabel(/Kata sandi baru/).fill(password);
  await page.getByRole("button", { name: "Aktifkan akun" }).click();
  await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor();
}

/** The participant's project, from the home screen's "Proyek saya" link. */
async function myProjectId(page) {
  await page.getByRole("link", { name: "Proyek saya" }).click();
  await page.waitForURL(/\/proyek\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop();
}

function addDays(d, n) {
  return new Date(d.getTime() + n * 86400000);
}

function isoDate(d) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(d);
}

/** A one-page PDF with a line of text: a real file for the evidence upload. */
function minimalPDF(text) {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    null,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = "%PDF-1.4\n";
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
