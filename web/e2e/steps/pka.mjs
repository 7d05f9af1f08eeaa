// A PKA cohort in its own words: every screen its participant sees says
// "Aksi Perubahan", never "Proyek Perubahan" (issue #20). The cohort, its
// roster and the participant's account are made through the API; the
// participant then signs in and opens the home screen and their Aksi
// Perubahan's screen, whose visible text is collected and checked, and
// submits the empty design so that the problems shown are checked too.

/**
 * Walks a PKA participant's screens. api(token, method, path, body, type)
 * calls the API; tab() opens a checked tab; organizer = { email, password };
 * institutionId is the organizer's institution. Returns the texts checked.
 */
export async function expectAksiPerubahan({ api, tab, organizer, institutionId, participant, startsOn, endsOn }) {
  const { token } = await api(undefined, "POST", "/v1/auth/login", { email: organizer.email, password: organizer.password });
  const templates = await api(token, "GET", "/v1/program-templates");
  const pka = templates.items.find((t) => t.shipped && t.program === "pka");
  if (!pka) throw new Error("no shipped PKA template");
  const cohort = await api(token, "POST", "/v1/cohorts", {
    institutionId, templateId: pka.id, program: "pka", code: "PKA-I-2026", name: "PKA Angkatan I Tahun 2026", startsOn, endsOn,
  });
  const csv = "NIP,Nama,Email,Jabatan,Pangkat/Golongan,Instansi,Email Mentor,Nama Mentor,Email Coach,Kelompok\n" +
    [participant.nip, `"${participant.name}"`, participant.email, "Kepala Bidang Pelayanan", "Penata Tingkat I (III/d)", "Pemerintah Kota Semarang", participant.mentorEmail, `"${participant.mentorName}"`, "", "Kelompok 1"].join(",") + "\n";
  const roster = await api(token, "POST", `/v1/cohorts/${cohort.id}/roster`, csv, "text/csv");
  const code = roster.rows[0].participantActivationCode;
  await api(undefined, "POST", "/v1/auth/activate", { email: participant.email, code, password: participant.password });

  const { page, shot } = await tab();
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(participant.email);
  await page.getByLabel("Kata sandi").fill(participant.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor();
  await shot("pka-beranda-peserta");
  const screens = [["the home screen", await visibleText(page)]];

  await page.goto(`/proyek/${roster.rows[0].projectId}`);
  await page.getByRole("heading", { level: 2, name: "Tahapan", exact: true }).waitFor();
  await shot("pka-aksi-perubahan");
  screens.push(["the Aksi Perubahan's screen", await visibleText(page)]);

  // The design sent empty: its problems, too, in the words of PKA.
  await page.getByRole("button", { name: "Ajukan rancangan" }).click();
  await page.getByRole("button", { name: "Ya, ajukan rancangan" }).click();
  await page.locator(".field-error").first().waitFor();
  await shot("pka-rancangan-belum-lengkap");
  screens.push(["the design's problems", await visibleText(page)]);

  const wrong = [];
  for (const [where, text] of screens) {
    if (!/Aksi Perubahan/i.test(text)) wrong.push(`${where} never says "Aksi Perubahan"`);
    for (const m of text.matchAll(/[^\n]*\bproyek\b[^\n]*/giu)) wrong.push(`${where} says "proyek" in a PKA cohort: ${JSON.stringify(m[0].trim().slice(0, 120))}`);
  }
  if (wrong.length) throw new Error(wrong.join("\n"));
  return screens.map(([where]) => where);
}

/** Every text the page shows, as the person reads it. */
function visibleText(page) {
  return page.evaluate(() => document.body.innerText);
}
