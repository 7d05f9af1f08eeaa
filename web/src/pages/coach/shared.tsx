// Small pieces the coach screens share: the project status badge and the
// query parameters of the progress views.
import type { Schema } from "../../api";
import { Badge, statusLabel } from "../../ui";

/** A project's status. */
export type ProjectStatus = Schema<"Project">["status"];

/** Every project status, in the order a project goes through them. */
export const projectStatuses: ProjectStatus[] = ["draft", "design_submitted", "design_approved", "implementing", "final_submitted", "completed"];

/** The orders get-cohort-progress knows. */
export type SortKey = "name" | "progress" | "lastActivityAt";

/** The sort keys, each with the direction the API sorts it in. */
export const sortDirections: Record<SortKey, "ascending" | "descending"> = {
  name: "ascending",
  progress: "descending",
  lastActivityAt: "descending",
};

/** Whether value is a project status. */
export function isProjectStatus(value: string | null): value is ProjectStatus {
  return projectStatuses.includes(value as ProjectStatus);
}

/** Whether value is a sort key of the API. */
export function isSortKey(value: string | null): value is SortKey {
  return value === "name" || value === "progress" || value === "lastActivityAt";
}

const tones: Record<ProjectStatus, "ok" | "warn" | "info" | "muted"> = {
  draft: "muted",
  design_submitted: "warn",
  design_approved: "info",
  implementing: "info",
  final_submitted: "warn",
  completed: "ok",
};

/** A project's status as a badge (the text names it; the colour only helps). */
export function StatusBadge({ status }: { status: ProjectStatus }) {
  return <Badge tone={tones[status]}>{statusLabel("status", status)}</Badge>;
}
