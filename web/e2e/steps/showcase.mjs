// Steps of the innovation showcase for the whole-loop browser test: the
// participant publishes their project from its screen (/proyek/:projectId),
// and anyone, signed in or not, finds it on the public showcase (/etalase)
// and opens its entry. They wait for outcomes the screen shows, never for
// fixed times.

const defaultInnovation =
  "Warga mengambil nomor antrean secara daring dan datang sesuai jadwal. Kuota harian dan jadwal terbuka untuk umum, " +
  "sehingga waktu tunggu turun dan petugas dapat mengatur beban kerja.";

/** The showcase panel of the project screen. */
function panel(page) {
  return page.getByRole("region", { name: "Etalase inovasi" });
}

/**
 * Publishes the project on the showcase as its participant (the design must
 * be approved): writes the public account of the innovation, makes every
 * approved evidence public, publishes (or, when it is published already,
 * saves the changed publication), and waits for the link to the public
 * entry. Returns the publication's id.
 */
export async function publishProject(page, shot, projectId, innovation = defaultInnovation) {
  const path = `/proyek/${projectId}`;
  if (new URL(page.url()).pathname !== path) await page.goto(path);
  const box = panel(page);
  const publish = box.getByRole("button", { name: "Publikasikan di etalase" });
  const edit = box.getByRole("button", { name: "Ubah publikasi" });
  await publish.or(edit).first().waitFor();
  if (await edit.isVisible()) await edit.click();
  const text = box.getByLabel("Uraian inovasi untuk umum");
  await text.fill(innovation);
  // The approved evidence, once listed (or the note that there is none).
  const evidence = box.getByRole("group", { name: "Bukti yang ditampilkan untuk umum" });
  await evidence.getByRole("checkbox").first().or(evidence.getByText("Belum ada bukti yang disetujui.")).first().waitFor();
  for (const box of await evidence.getByRole("checkbox").all()) await box.check();
  await box.getByRole("button", { name: /^(Publikasikan di etalase|Simpan perubahan publikasi)$/ }).click();
  const link = box.getByRole("link", { name: "Lihat di etalase inovasi" });
  await link.waitFor();
  await box.getByText("Tampil di etalase", { exact: true }).waitFor();
  await shot("proyek-publikasi");
  const href = (await link.getAttribute("href")) ?? "";
  return href.split("/").pop();
}

/**
 * Searches the public showcase for query (signed in or not), waits for the
 * result titled expectedTitle with a matching word marked, then opens its
 * entry and waits for its heading. Returns the publication's id.
 */
export async function searchShowcase(page, shot, query, expectedTitle) {
  await page.goto("/etalase");
  await page.getByRole("heading", { level: 1, name: "Etalase inovasi" }).waitFor();
  const search = page.getByRole("search");
  await search.getByLabel("Kata kunci").fill(query);
  await search.getByRole("button", { name: "Cari", exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get("q") === query);
  const result = page.getByRole("link", { name: expectedTitle });
  await result.locator("mark").first().waitFor();
  await shot("etalase");
  await result.click();
  await page.getByRole("heading", { level: 1, name: expectedTitle }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Inovasi", exact: true }).waitFor();
  await shot("etalase-entri");
  return new URL(page.url()).pathname.split("/").pop();
}
