// The project screen's view of the API's resources: their types and how
// each status looks. What the screen offers comes from the answers'
// actions (see offers.ts), never from the statuses.
import type { Schema } from "../../api";

export type Project = Schema<"Project">;
export type Milestone = Schema<"Milestone">;
export type Stakeholder = Schema<"Stakeholder">;
export type Activity = Schema<"Activity">;
export type TimelineEntry = Schema<"TimelineEntry">;
export type Horizon = Milestone["horizon"];
export type Tone = "ok" | "warn" | "bad" | "info" | "muted";

/** The horizons in the order the screen shows them. */
export const horizons: Horizon[] = ["short", "mid", "long"];

/** How a project in each status looks: its badge's tone, and whether its design is folded away (once implementation begins). */
const projectLooks: Record<Project["status"], { tone: Tone; designFolded: boolean }> = {
  draft: { tone: "muted", designFolded: false },
  design_submitted: { tone: "info", designFolded: false },
  design_approved: { tone: "ok", designFolded: false },
  implementing: { tone: "info", designFolded: true },
  final_submitted: { tone: "info", designFolded: true },
  completed: { tone: "ok", designFolded: true },
};

/** The badge tone of a project status. */
export function projectTone(status: Project["status"]): Tone {
  return projectLooks[status].tone;
}

/** Whether the project's design is shown folded (a long text that matters less once implementation begins). */
export function designFolded(status: Project["status"]): boolean {
  return projectLooks[status].designFolded;
}

/** The badge tone of a milestone status. */
export function milestoneTone(status: Milestone["status"]): Tone {
  return (
    { planned: "muted", in_progress: "info", awaiting_verification: "warn", achieved: "ok", not_achieved: "muted", continued: "info" } as const
  )[status];
}

/** The badge tone of an evidence status. */
export function evidenceTone(status: Schema<"Evidence">["status"]): Tone {
  return ({ submitted: "warn", approved: "ok", rejected: "bad", withdrawn: "muted" } as const)[status];
}

/** The short-term milestones and how many of them are achieved: the progress the screen shows. */
export function shortTermProgress(milestones: Milestone[]): { achieved: number; total: number } {
  const short = milestones.filter((m) => m.horizon === "short");
  return { achieved: short.filter((m) => m.status === "achieved").length, total: short.length };
}

/**
 * The latest of the given events of a target in the timeline (a milestone
 * returned, verified or claimed again): it tells whether a return is still
 * the last word, with the reviewer's comment in its details.
 */
export function latestReview(timeline: TimelineEntry[] | undefined, targetId: string, actions: string[]): TimelineEntry | undefined {
  // The timeline is newest first.
  return timeline?.find((e) => e.targetId === targetId && actions.includes(e.action));
}
