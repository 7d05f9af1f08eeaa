// The API's validation messages are English (Huma's and the domain's); the
// coach screens show them in Indonesian next to the fields they name.
import { ApiError, type Problem } from "../../api";
import { t, type MessageKey } from "../../i18n";

const own: MessageKey[] = ["coach.errRequired", "coach.errDate", "coach.errTooLong", "coach.errInvalid"];

/** An Indonesian message for one field error of the API. */
function fieldText(message: string | undefined, location: string | undefined): string {
  if (message && own.some((k) => t(k) === message)) return message;
  const m = (message ?? "").toLowerCase();
  let key: MessageKey = "coach.errInvalid";
  if (m.includes("required") || m.includes("length >= 1")) key = "coach.errRequired";
  else if (m.includes("length <=")) key = "coach.errTooLong";
  else if (m.includes("date") && (location ?? "").toLowerCase().includes("on")) key = "coach.errDate";
  return t(key);
}

/**
 * The error with its field messages in Indonesian and, for a validation
 * failure, an Indonesian title instead of "Unprocessable Entity".
 */
export function localizeError(error: ApiError | undefined, invalidTitle: MessageKey): ApiError | undefined {
  if (!error || !error.problem.errors?.length) return error;
  const p = error.problem;
  const problem: Problem = {
    ...p,
    title: p.status === 422 ? t(invalidTitle) : p.title,
    detail: p.status === 422 ? undefined : p.detail,
    errors: p.errors?.map((e) => ({ ...e, message: fieldText(e.message, e.location) })),
  };
  return new ApiError(problem);
}

/**
 * A validation problem found before calling the API (required fields left
 * empty), shaped like the API's own, or undefined when there is none.
 */
export function missingFields(values: Record<string, string>, invalidTitle: MessageKey): ApiError | undefined {
  const errors = Object.entries(values)
    .filter(([, v]) => v.trim() === "")
    .map(([field]) => ({ location: "body." + field, message: t("coach.errRequired") }));
  if (errors.length === 0) return undefined;
  return new ApiError({ status: 422, title: t(invalidTitle), errors });
}
