// Problems from the API in the app's language. Every problem and every
// field error carries a stable code; the app words each from the one
// catalogue (i18n/codes.ts, generated from the server's, domain/catalogue.go)
// with the problem's params, and titles the problem by its status. Screens
// may say more for one operation (rewordProblem), by code or by status.
import type { Problem } from "./api";
import { t, type MessageKey } from "./i18n";
import { id as messages } from "./i18n/id";
import { codes } from "./i18n/codes";
import { reword } from "./i18n/terms";

type Params = Record<string, unknown> | undefined;

/** The catalogue's wording of code with its {params} filled in, or undefined for a code it does not know. */
export function wordCode(code: string | undefined, params: Params): string | undefined {
  const text = code ? codes[code] : undefined;
  return text === undefined ? undefined : reword(text).replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

/** The problem with an Indonesian title, explanation and field messages. */
export function localizeProblem(p: Problem): Problem {
  const status = p.status ?? 0;
  if (status === 0) return p; // a network failure has its own text already
  const titleKey = `problem.${status}`;
  const title = titleKey in messages ? t(titleKey as MessageKey) : p.title;
  const errors = p.errors?.map((e) => ({ ...e, message: wordCode(e.code, e.params) ?? e.message }));
  // The fields carry the messages of a 422; its summary adds nothing then.
  const detail = status === 422 && errors?.length ? undefined : (wordCode(p.code, p.params) ?? p.detail);
  return { ...p, title, detail, errors };
}

/**
 * The problem of a form whose required fields (by request field name) are
 * empty, shaped like the API's own 422, or undefined when all are filled:
 * checked before sending so a form that cannot pass makes no request.
 */
export function requiredProblem(values: Record<string, string>): Problem | undefined {
  const errors = Object.entries(values)
    .filter(([, v]) => v.trim() === "")
    .map(([field]) => ({ location: "body." + field, message: t("problem.msg.required") }));
  return errors.length ? { status: 422, title: t("problem.422"), errors } : undefined;
}

/** What a screen says instead of the catalogue's words, for one operation. */
export type Wording = {
  /** An explanation per status, replacing the detail. */
  details?: Partial<Record<number, string>>;
  /** A message per request field (e.g. "goal" for body.goal), replacing the catalogue's. */
  fields?: Record<string, string>;
  /** A message per code, for the problem's detail and its field errors. */
  codes?: Record<string, string>;
};

/** problem with the explanation and field messages wording has for it. */
export function rewordProblem(p: Problem, wording: Wording): Problem {
  const errors = p.errors?.map((e) => {
    const message = wording.fields?.[(e.location ?? "").replace(/^body\./, "")] ?? wording.codes?.[e.code ?? ""];
    return message ? { ...e, message } : e;
  });
  const detail = wording.codes?.[p.code ?? ""] ?? wording.details?.[p.status ?? 0] ?? p.detail;
  return { ...p, detail, errors };
}
