// Problems from the API in the app's language. The API answers RFC 9457
// problems with English titles and messages; every ApiError the client
// makes passes through localizeProblem, which gives each status an
// Indonesian title, explains the statuses people meet most, and translates
// the API's usual field messages. Screens may say more for one operation.
import type { Problem } from "./api";
import { t, type MessageKey } from "./i18n";
import { id as messages } from "./i18n/id";

/** The problem with an Indonesian title, explanation and field messages where known. */
export function localizeProblem(p: Problem): Problem {
  const status = p.status ?? 0;
  if (status === 0) return p; // a network failure has its own text already
  const titleKey = `problem.${status}`;
  const title = titleKey in messages ? t(titleKey as MessageKey) : p.title;
  const errors = p.errors?.map((e) => ({ ...e, message: translate(e.message ?? "") ?? e.message }));
  return { ...p, title, detail: detailOf(p), errors };
}

/** The explanation of a problem: the statuses whose English detail helps nobody get an Indonesian one. */
function detailOf(p: Problem): string | undefined {
  switch (p.status) {
    case 403:
      return t("problem.forbidden");
    case 404:
      return t("problem.notFound");
    case 412:
      return t("problem.stale");
    case 422:
      // The fields carry the messages; the API's summary adds nothing then.
      return p.errors?.length ? undefined : p.detail;
  }
  return p.detail;
}

/** The API's usual field messages, in Indonesian. */
const fieldMessages: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^is required before the design is submitted/, () => t("problem.msg.requiredToSubmit")],
  [/^is required|^must not be empty|^expected length >= 1$|^expected required property/, () => t("problem.msg.required")],
  [/^(?:must have at most|expected length <=) (\d+)(?: characters)?$/, (m) => t("problem.msg.tooLong", { n: m[1] ?? "" })],
  [/^must have at most (\d+) (?:entries|tags)/, (m) => t("problem.msg.tooMany", { n: m[1] ?? "" })],
  [/^expected string to be RFC 3339 date/, () => t("problem.msg.date")],
  [/^expected string to be RFC 5322 email|^is not a valid e-mail address/, () => t("problem.msg.email")],
  [/^must be an http or https address|^expected string to be RFC 3986 uri/, () => t("problem.msg.url")],
  [/^send a file or a url, not both/, () => t("problem.msg.fileOrUrlNotBoth")],
  [/^send a file or a url/, () => t("problem.msg.fileOrUrl")],
  [/^is empty/, () => t("problem.msg.emptyFile")],
  [/^expected number >= (\d+)/, (m) => t("problem.msg.min", { n: m[1] ?? "" })],
  [/^expected number <= (\d+)/, (m) => t("problem.msg.max", { n: m[1] ?? "" })],
  [/^expected integer|^expected number/, () => t("problem.msg.number")],
  [/^expected string to be RFC 4122 uuid/, () => t("problem.msg.uuid")],
];

function translate(message: string): string | undefined {
  for (const [pattern, say] of fieldMessages) {
    const m = message.match(pattern);
    if (m) return say(m);
  }
  return undefined;
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

/** What a screen says instead of the API's words, for one operation. */
export type Wording = {
  /** An explanation per status, replacing the detail. */
  details?: Partial<Record<number, string>>;
  /** A message per request field (e.g. "goal" for body.goal), replacing the API's. */
  fields?: Record<string, string>;
  /** A message per pattern of the API's field message (those the app-wide wording left in English). */
  messages?: [RegExp, string][];
};

/** problem with the explanation and field messages wording has for it. */
export function rewordProblem(p: Problem, wording: Wording): Problem {
  const errors = p.errors?.map((e) => {
    const field = wording.fields?.[(e.location ?? "").replace(/^body\./, "")];
    const pattern = wording.messages?.find(([re]) => re.test(e.message ?? ""));
    const message = field ?? pattern?.[1];
    return message ? { ...e, message } : e;
  });
  return { ...p, detail: wording.details?.[p.status ?? 0] ?? p.detail, errors };
}
