// The words of each program: the web app's catalogue is written in PKN
// words (Proyek Perubahan, proyek perubahan, proyek), and a PKA or PKP
// cohort's screens say Aksi Perubahan throughout (src/i18n/terms.ts). This
// collects every text the catalogue shows — the messages through t(), the
// timeline's sentences, the problems' wording — with a PKA cohort's terms
// in force, and finds no "proyek" left; with PKN's terms nothing changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadI18n } from "./i18n-modules.mjs";

const aksi = { product: "Aksi Perubahan", productInSentence: "aksi perubahan", design: "Rancangan Aksi Perubahan", report: "Laporan Aksi Perubahan", abbreviation: "Aksi Perubahan" };
const proyek = { product: "Proyek Perubahan", productInSentence: "proyek perubahan", design: "Rancangan Proyek Perubahan", report: "Laporan Proyek Perubahan", abbreviation: "Proper" };
const sample = { title: "Layanan Daring", comment: "Perjelas", role: "mentor", decision: "approve", seminar: "design", mentor: "Drs. Agus", previousMentor: "Dra. Ratna" };

/** Every text the catalogue shows with the current terms. */
function visibleTexts(m) {
  const out = [];
  for (const key of Object.keys(m["id.ts"].id)) out.push([key, m["index.ts"].t(key, { title: "Layanan Daring", name: "Budi" })]);
  for (const [action, word] of Object.entries(m["timeline.ts"].timelineWords)) {
    out.push([action, m["terms.ts"].reword(word(sample, false))]);
  }
  for (const [code, text] of Object.entries(m["codes.ts"].codes)) out.push([code, m["terms.ts"].reword(text)]);
  return out;
}

test("a PKA cohort's screens say Aksi Perubahan and never proyek", async () => {
  const m = await loadI18n("proper-i18n-terms");
  m["terms.ts"].setCurrentTerms(aksi);
  try {
    const texts = visibleTexts(m);
    assert.ok(texts.length > 500, `only ${texts.length} texts collected`);
    const left = texts.filter(([, text]) => /proyek/i.test(text));
    assert.deepEqual(left, [], "texts still saying proyek for a PKA cohort");
    assert.equal(m["index.ts"].t("participant.pageTitle"), "Aksi perubahan");
    assert.equal(m["index.ts"].t("app.tagline"), "Pelacak Aksi Perubahan pelatihan kepemimpinan");
  } finally {
    m["terms.ts"].setCurrentTerms(undefined);
  }
});

test("PKN's terms, or none, leave the catalogue as written", async () => {
  const m = await loadI18n("proper-i18n-terms");
  for (const terms of [proyek, undefined]) {
    m["terms.ts"].setCurrentTerms(terms);
    assert.equal(m["index.ts"].t("participant.pageTitle"), m["id.ts"].id["participant.pageTitle"]);
  }
  // A user's own text (a title in {params}) is never reworded.
  m["terms.ts"].setCurrentTerms(aksi);
  assert.equal(m["index.ts"].t("coach.project", { title: "Proyek Lama" }), "Aksi perubahan: Proyek Lama");
  m["terms.ts"].setCurrentTerms(undefined);
});

test("a user of cohorts with different words keeps the catalogue's", async () => {
  const m = await loadI18n("proper-i18n-terms");
  const { commonTerms, termsOfCohort } = m["terms.ts"];
  assert.equal(commonTerms([{ terms: aksi }, { terms: proyek }]), undefined);
  assert.equal(commonTerms([{ terms: aksi }, { terms: aksi }]), aksi);
  assert.equal(termsOfCohort([{ cohortId: "a", terms: aksi }], "a"), aksi);
});
