// Problems of the follow-up screens in Bahasa Indonesia: the API explains in
// English, so each status gets an Indonesian explanation (or the screen's
// own for the operation) and the usual field messages are translated.
import { ApiError, type Problem } from "../../api";
import { t } from "../../i18n";

/** What to say instead of the API's English for one operation. */
export type Wording = {
  /** An explanation per status, replacing the API's detail. */
  details?: Partial<Record<number, string>>;
  /** A message per API message pattern, tried before the usual ones. */
  messages?: [RegExp, string][];
};

/** The error with an Indonesian explanation and field messages (the title comes from ProblemAlert). */
export function localize(error: ApiError | undefined, wording: Wording = {}): ApiError | undefined {
  if (!error) return undefined;
  const p = error.problem;
  const status = p.status ?? 0;
  if (status === 0) return error;
  const errors = p.errors?.map((e) => {
    const message = translate(e.message ?? "", wording.messages ?? []);
    return message ? { ...e, message } : e;
  });
  const problem: Problem = { ...p, detail: wording.details?.[status] ?? defaultDetail(p), errors };
  return new ApiError(problem);
}

function defaultDetail(p: Problem): string | undefined {
  switch (p.status) {
    case 403:
      return t("followup.problem.forbidden");
    case 404:
      return t("followup.problem.notFound");
    case 412:
      return t("followup.problem.stale");
    case 422:
      return p.errors?.length ? undefined : p.detail;
  }
  return p.detail;
}

const usual: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^is required|^expected required property/, () => t("followup.msg.required")],
  [/^expected number >= (\d+)/, (m) => t("followup.msg.min", { n: m[1] ?? "" })],
  [/^expected number <= (\d+)/, (m) => t("followup.msg.max", { n: m[1] ?? "" })],
  [/^expected integer|^expected number/, () => t("followup.msg.number")],
  [/^(?:must have at most|expected length <=) (\d+)/, (m) => t("followup.msg.tooLong", { n: m[1] ?? "" })],
  [/^expected string to be RFC 4122 uuid/, () => t("followup.msg.uuid")],
];

function translate(message: string, own: [RegExp, string][]): string | undefined {
  for (const [pattern, say] of own) if (pattern.test(message)) return say;
  for (const [pattern, say] of usual) {
    const m = message.match(pattern);
    if (m) return say(m);
  }
  return undefined;
}
