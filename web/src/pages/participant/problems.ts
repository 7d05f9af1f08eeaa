// Problems of the project screen: the wording its operations need beyond
// the app-wide Indonesian titles and messages of ../../problems.ts.
import { ApiError, type Problem } from "../../api";

/** What to say instead of the API's words, for one operation. */
export type Wording = {
  /** An explanation per status, replacing the API's detail. */
  details?: Partial<Record<number, string>>;
  /** A message per request field (e.g. "goal"), replacing the API's. */
  fields?: Record<string, string>;
};

/**
 * The error with the explanation and field messages wording has for its
 * status and fields; the rest stays as localizeProblem (../../problems.ts)
 * made it.
 */
export function localize(error: ApiError | undefined, wording: Wording = {}): ApiError | undefined {
  if (!error) return undefined;
  const p = error.problem;
  const detail = wording.details?.[p.status ?? 0] ?? p.detail;
  const errors = p.errors?.map((e) => {
    const message = wording.fields?.[(e.location ?? "").replace(/^body\./, "")];
    return message ? { ...e, message } : e;
  });
  const problem: Problem = { ...p, detail, errors };
  return new ApiError(problem);
}

/** Whether problem names exactly the field (body.<field>), not one of its items. */
export function namesField(problem: Problem | undefined, field: string): string | undefined {
  return problem?.errors?.find((e) => e.location === "body." + field || e.location === field)?.message;
}
