// Problems of the project screen in Bahasa Indonesia: the API answers with
// English titles and messages, so the screen gives each status an
// Indonesian title and, where it knows the operation, an Indonesian
// explanation and field messages.
import { ApiError, type Problem } from "../../api";
import { t, type MessageKey } from "../../i18n";

const titles: Record<number, MessageKey> = {
  400: "participant.problem.400",
  401: "participant.problem.401",
  403: "participant.problem.403",
  404: "participant.problem.404",
  409: "participant.problem.409",
  412: "participant.problem.412",
  413: "participant.problem.413",
  415: "participant.problem.415",
  422: "participant.problem.422",
  429: "participant.problem.429",
  500: "participant.problem.500",
  503: "participant.problem.503",
};

/** What to say instead of the API's English, for one operation. */
export type Wording = {
  /** An explanation per status, replacing the API's detail. */
  details?: Partial<Record<number, string>>;
  /** A message per request field (e.g. "goal"), replacing the API's. */
  fields?: Record<string, string>;
};

/**
 * The error with an Indonesian title and, where wording has them, an
 * Indonesian explanation and field messages. A stale version (412) always
 * gets the explanation that someone else changed the data.
 */
export function localize(error: ApiError | undefined, wording: Wording = {}): ApiError | undefined {
  if (!error) return undefined;
  const p = error.problem;
  const status = p.status ?? 0;
  if (status === 0) return error; // the network failure has its own text
  const key = titles[status];
  const detail = wording.details?.[status] ?? defaultDetail(p);
  const errors = p.errors?.map((e) => {
    const field = (e.location ?? "").replace(/^body\./, "");
    const message = wording.fields?.[field] ?? translate(e.message ?? "");
    return message ? { ...e, message } : e;
  });
  const problem: Problem = { ...p, title: key ? t(key) : p.title, detail, errors };
  return new ApiError(problem);
}

/** The explanation of a problem without one of its own in the wording. */
function defaultDetail(p: Problem): string | undefined {
  switch (p.status) {
    case 403:
      return t("participant.problem.forbidden");
    case 404:
      return t("participant.problem.notFound");
    case 412:
      return t("participant.problem.stale");
    case 422:
      // The fields carry the messages; the API's summary adds nothing.
      return p.errors?.length ? undefined : p.detail;
  }
  return p.detail;
}

/** The API's usual field messages, in Indonesian; undefined for others. */
const messages: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^is required before the design is submitted/, () => t("participant.msg.requiredToSubmit")],
  [/^is required|^must not be empty|^expected length >= 1$/, () => t("participant.msg.required")],
  [/^(?:must have at most|expected length <=) (\d+)(?: characters)?$/, (m) => t("participant.msg.tooLong", { n: m[1] ?? "" })],
  [/^must have at most (\d+) (?:entries|tags)/, (m) => t("participant.msg.tooMany", { n: m[1] ?? "" })],
  [/^expected string to be RFC 3339 date/, () => t("participant.msg.date")],
  [/^must be an http or https address|^expected string to be RFC 3986 uri/, () => t("participant.msg.url")],
  [/^send a file or a url, not both/, () => t("participant.msg.fileOrUrlNotBoth")],
  [/^send a file or a url/, () => t("participant.msg.fileOrUrl")],
  [/^is empty/, () => t("participant.msg.emptyFile")],
];

function translate(message: string): string | undefined {
  for (const [pattern, say] of messages) {
    const m = message.match(pattern);
    if (m) return say(m);
  }
  return undefined;
}

/** Whether problem names exactly the field (body.<field>), not one of its items. */
export function namesField(problem: Problem | undefined, field: string): string | undefined {
  return problem?.errors?.find((e) => e.location === "body." + field || e.location === field)?.message;
}
