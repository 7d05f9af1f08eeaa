// The project screen's view of the API's resources: their types, the tone
// of each status badge, and the rules the screen needs to decide what to
// offer (the API stays the judge: it refuses what is not allowed).
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

/** The badge tone of a project status. */
export function projectTone(status: Project["status"]): Tone {
  switch (status) {
    case "draft":
      return "muted";
    case "design_approved":
    case "completed":
      return "ok";
    default:
      return "info";
  }
}

/** The badge tone of a milestone status. */
export function milestoneTone(status: Milestone["status"]): Tone {
  return { planned: "muted", in_progress: "info", awaiting_verification: "warn", achieved: "ok" }[status] as Tone;
}

/** The badge tone of an evidence status. */
export function evidenceTone(status: Schema<"Evidence">["status"]): Tone {
  return { submitted: "warn", approved: "ok", rejected: "bad", withdrawn: "muted" }[status] as Tone;
}

/** Whether the design is approved, from when evidence and claims count. */
export function designApproved(project: Project): boolean {
  return project.status !== "draft" && project.status !== "design_submitted";
}

/** Whether the participant may add evidence to milestones now. */
export function acceptsEvidence(project: Project): boolean {
  return project.status === "design_approved" || project.status === "implementing";
}

/**
 * The latest review of a target (evidence rejected or approved, milestone
 * returned or verified) in the timeline, whose sentence carries the
 * reviewer's comment: the Evidence and Milestone resources have no field for it.
 */
export function latestReview(timeline: TimelineEntry[] | undefined, targetId: string, actions: string[]): TimelineEntry | undefined {
  // The timeline is newest first.
  return timeline?.find((e) => e.targetId === targetId && actions.includes(e.action));
}
