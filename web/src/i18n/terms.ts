// The words of the program a screen is about. The catalogue (id.ts,
// timeline.ts, codes.ts) is written in the words of PKN I and II: "Proyek
// Perubahan", "proyek perubahan", and "proyek" for short. A cohort of PKA
// or PKP calls its product "Aksi Perubahan" (the cohort's terms, from
// get-me's cohortTerms or the cohort answer), and every text shown for it
// says so: t(), the timeline and the problems pass their text through
// reword(), which puts the current terms in.

/** A cohort's words for its product, as the API gives them (cohort.terms). */
export type Terms = {
  product: string;
  productInSentence: string;
  design: string;
  report: string;
  abbreviation: string;
};

let current: Terms | undefined;

/** Makes terms the words of the screens rendered from now on (undefined: the catalogue's own). */
export function setCurrentTerms(terms: Terms | undefined): void {
  current = terms;
}

/** The terms shared by every cohort listed, or undefined when they differ or there are none. */
export function commonTerms(list: { terms: Terms }[] | undefined): Terms | undefined {
  const first = list?.[0]?.terms;
  if (!list || !first) return undefined;
  return list.every((c) => c.terms.productInSentence === first.productInSentence && c.terms.product === first.product) ? first : undefined;
}

/** The terms of one cohort among get-me's cohortTerms. */
export function termsOfCohort(list: { cohortId: string; terms: Terms }[] | undefined, cohortId: string | undefined): Terms | undefined {
  return list?.find((c) => c.cohortId === cohortId)?.terms;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** text with the PKN words replaced by terms (the current terms when left out). */
export function reword(text: string, terms: Terms | undefined = current): string {
  if (!terms || terms.productInSentence === "proyek perubahan") return text;
  return text
    .replace(/Proyek Perubahan/g, terms.product)
    .replace(/Proyek perubahan/g, upperFirst(terms.productInSentence))
    .replace(/proyek perubahan/g, terms.productInSentence)
    .replace(/\bProyek\b/g, upperFirst(terms.productInSentence))
    .replace(/\bproyek\b/g, terms.productInSentence);
}
