// The API client of the web app: the typed openapi-fetch client generated
// from the spec (../openapi/ts), with the signed-in user's token added to
// every request, and helpers that turn RFC 9457 problems into errors the
// screens can show next to the fields they name.
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "../../openapi/ts/src/schema";
import { t } from "./i18n";
import { localizeProblem } from "./problems";
import { session } from "./session";

export type { components, paths } from "../../openapi/ts/src/schema";

/** Schemas of the API by name, e.g. Schema<"Project">. */
export type Schema<N extends keyof components["schemas"]> = components["schemas"][N];

/**
 * An RFC 9457 problem, the body of every error answer; the app also makes
 * its own (a network failure, a form checked before sending), which have no
 * code from the server.
 */
export type Problem = Omit<Schema<"ErrorModel">, "type" | "code" | "errors"> & {
  type?: string;
  code?: Schema<"ErrorModel">["code"];
  errors?: (Omit<Schema<"ErrorDetail">, "code"> & { code?: Schema<"ErrorDetail">["code"] })[];
};

/** A failed call: the problem the server answered, or a network failure. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? t("common.problem"));
    this.name = "ApiError";
  }

  /** The message for one request field (e.g. "title" for body.title), if any. */
  fieldMessage(field: string): string | undefined {
    return fieldMessage(this.problem, field);
  }
}

/** The message of problem for field, matched on its location (body.x, query.x, …). */
export function fieldMessage(problem: Problem | undefined, field: string): string | undefined {
  const hit = problem?.errors?.find((e) => {
    const loc = e.location ?? "";
    return loc === field || loc.endsWith("." + field) || loc.startsWith("body." + field + "[") || loc.startsWith("body." + field + ".");
  });
  return hit?.message;
}

const withToken: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && request.headers.has("Authorization")) session.expire();
    return response;
  },
};

/** The typed client of Proper's API on the origin that served the app. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(withToken);

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * The data of a call, or an ApiError with its problem. Use it as
 * `const project = await ok(api.GET("/v1/projects/{projectId}", …))`.
 */
export async function ok<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError({ title: t("common.networkError"), status: 0 });
  }
  if (result.error !== undefined || !result.response.ok) {
    const problem = (result.error ?? {}) as Problem;
    throw new ApiError(localizeProblem({ status: result.response.status, ...problem }));
  }
  return result.data as T;
}

/** The ETag of a versioned resource, for If-Match. */
export function etag(version: number): string {
  return `"${version}"`;
}

/** A fresh Idempotency-Key for a create that may be retried. */
export function idempotencyKey(): string {
  // crypto.randomUUID needs a secure context; plain http on a LAN is not one.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
