// A typed walk through the API: log in, take the first cohort, its first
// enrollment, and print the milestones of that enrollment's project.
//
// Every call returns { data, error, response }: exactly one of data and error
// is set, both typed from the spec; error is the RFC 9457 problem body.
import { createProperClient, type components, type Problem } from "./client.js";

type Milestone = components["schemas"]["Milestone"];

/** A failed call, with the problem the server answered. */
export class ProblemError extends Error {
  constructor(
    readonly operation: string,
    readonly problem: Problem,
    readonly response: Response,
  ) {
    super(formatProblem(operation, problem, response));
    this.name = "ProblemError";
  }
}

/** One line for the problem, then one per field error. */
export function formatProblem(operation: string, problem: Problem, response: Response): string {
  const status = problem.status ?? response.status;
  const title = problem.title ?? response.statusText;
  const lines = [`${operation} failed: ${status} ${title}`];
  if (problem.detail !== undefined) {
    lines.push(`  ${problem.detail}`);
  }
  for (const e of problem.errors ?? []) {
    const got = e.value === undefined ? "" : ` (got ${JSON.stringify(e.value)})`;
    lines.push(`  - ${e.location ?? "(request)"}: ${e.message ?? "invalid"}${got}`);
  }
  return lines.join("\n");
}

export function formatMilestone(m: Milestone): string {
  const overdue = m.overdue ? " OVERDUE" : "";
  return `${m.title} [${m.horizon}] ${m.status}${overdue}`;
}

/** Runs the walk against baseUrl (e.g. "http://localhost:8080"). */
export async function runExample(
  baseUrl: string,
  email: string,
  password: string,
  log: (line: string) => void = console.log,
): Promise<void> {
  // (a) Log in without a token; the session's token authorizes the rest.
  const login = await createProperClient(baseUrl).POST("/v1/auth/login", {
    body: { email, password },
  });
  if (login.error) {
    throw new ProblemError("login", login.error, login.response);
  }
  const api = createProperClient(baseUrl, login.data.token);
  log(`logged in as ${login.data.user.email}`);

  // (b) The cohorts this account can see (first page).
  const cohorts = await api.GET("/v1/cohorts", { params: { query: { limit: 20 } } });
  if (cohorts.error) {
    throw new ProblemError("list-cohorts", cohorts.error, cohorts.response);
  }
  const cohort = cohorts.data.items[0];
  if (cohort === undefined) {
    log("no cohorts");
    return;
  }
  log(`cohort ${cohort.code}: ${cohort.name} (${cohort.program})`);

  // (c) The first enrollment of that cohort, then its project's milestones.
  const enrollments = await api.GET("/v1/cohorts/{cohortId}/enrollments", {
    params: { path: { cohortId: cohort.id } },
  });
  if (enrollments.error) {
    throw new ProblemError("list-enrollments", enrollments.error, enrollments.response);
  }
  const enrollment = enrollments.data.items[0];
  if (enrollment === undefined) {
    log("no enrollments");
    return;
  }

  const milestones = await api.GET("/v1/projects/{projectId}/milestones", {
    params: { path: { projectId: enrollment.projectId } },
  });
  if (milestones.error) {
    throw new ProblemError("list-milestones", milestones.error, milestones.response);
  }
  log(`project ${enrollment.projectId}: ${milestones.data.items.length} milestone(s)`);
  for (const m of milestones.data.items) {
    log(`  ${formatMilestone(m)}`);
  }
  if (milestones.data.nextCursor !== undefined) {
    log("  … more on the next page (cursor: nextCursor)");
  }
}
