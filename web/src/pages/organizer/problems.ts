// Helpers that route the API's field problems to the right place on the
// organizer's screens: top-level fields, phase rows, roster rows.
import type { Problem } from "../../api";

/** problem with only the field errors whose location passes keep. */
export function problemWhere(problem: Problem | undefined, keep: (location: string) => boolean): Problem | undefined {
  if (!problem) return undefined;
  return { ...problem, errors: (problem.errors ?? []).filter((e) => keep(e.location ?? "")) };
}

/**
 * The field errors under prefix (e.g. "body.phases[1]") re-rooted at
 * "body.", so that the fields of one row match their plain names
 * ("body.phases[1].endsOn" becomes "body.endsOn").
 */
export function problemUnder(problem: Problem | undefined, prefix: string): Problem | undefined {
  if (!problem) return undefined;
  const errors = (problem.errors ?? []).flatMap((e) => {
    const loc = e.location ?? "";
    return loc.startsWith(prefix + ".") ? [{ ...e, location: "body." + loc.slice(prefix.length + 1) }] : [];
  });
  return { ...problem, errors };
}

/** The messages of problem located exactly at location (e.g. "body.phases[2]"). */
export function messagesAt(problem: Problem | undefined, location: string): string[] {
  return (problem?.errors ?? []).filter((e) => e.location === location).map((e) => e.message ?? "");
}

/** One problem of a roster import, by where the server located it. */
export type RosterProblem =
  | { kind: "row"; row: number; column?: string; message: string }
  | { kind: "header"; message: string }
  | { kind: "file"; message: string };

const rowLocation = /^body\.rows\[(\d+)\](?:\.(.+))?$/;

/**
 * The problems of a refused roster: body.rows[<line>].<column> for a cell
 * (the column named as the file's header wrote it, "Email Mentor" or "mentor_email"),
 * body.rows[<line>] for a whole row, body.header for the column names, and
 * anything else (body.roster) for the file. Rows come sorted by line.
 */
export function rosterProblems(problem: Problem): RosterProblem[] {
  const out: RosterProblem[] = (problem.errors ?? []).map((e) => {
    const loc = e.location ?? "";
    const message = e.message ?? "";
    const m = rowLocation.exec(loc);
    if (m) return { kind: "row", row: Number(m[1]), column: m[2], message };
    if (loc === "body.header") return { kind: "header", message };
    return { kind: "file", message };
  });
  return out.sort((a, b) => (a.kind === "row" && b.kind === "row" ? a.row - b.row : 0));
}
