// The arithmetic of an assessment, previewed in the browser while the
// examiner types. The server computes the real total and predicate.
import type { Schema } from "../../api";

/** A predicate (kualifikasi) of a seminar score. */
export type Predicate = Schema<"Assessment">["predicate"];

/** A criterion of a rubric. */
export type Criterion = Schema<"Criterion">;

/**
 * A typed score as a number: 0–100 with at most one decimal, written with a
 * comma (Indonesian) or a point; undefined when it is not one.
 */
export function parseScore(text: string): number | undefined {
  const s = text.trim().replace(",", ".");
  if (!/^\d{1,3}(\.\d)?$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 0 && n <= 100 ? n : undefined;
}

/**
 * The weighted total of scores (by criterion key) against criteria, or
 * undefined while a score is missing. It mirrors the server
 * (domain/assessment.go, Rubric.score): scores in tenths times weights in
 * percent are summed as integers and rounded half up once, to hundredths.
 * The server stays the authority: what it answers on saving is the result.
 */
export function weightedTotal(criteria: Criterion[], scores: Record<string, number | undefined>): number | undefined {
  let weighted = 0; // thousandths of a point
  for (const c of criteria) {
    const score = scores[c.key];
    if (score === undefined) return undefined;
    weighted += Math.round(score * 10) * c.weight;
  }
  return Math.floor((weighted + 5) / 10) / 100;
}

/**
 * The predicate a total earns. It mirrors the server (domain/assessment.go,
 * PredicateOf with the LAN thresholds every program uses): above 90 sangat
 * memuaskan, above 80 memuaskan, above 70 cukup memuaskan, else kurang
 * memuaskan. The server stays the authority.
 */
export function predicateOf(total: number): Predicate {
  if (total > 90) return "sangat_memuaskan";
  if (total > 80) return "memuaskan";
  if (total > 70) return "cukup_memuaskan";
  return "kurang_memuaskan";
}
