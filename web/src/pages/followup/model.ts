// The follow-up screens' view of the API: reminders, escalations, workload
// and mentor transfers, where each item leads, and how long things took,
// in the words Indonesian readers use ("2 hari 4 jam").
import type { Schema } from "../../api";
import { today } from "../../format";
import { t, type MessageKey } from "../../i18n";

export type Reminder = Schema<"Reminder">;
export type Escalation = Schema<"Escalation">;
export type ReviewerLoad = Schema<"ReviewerLoad">;
export type MentorTransfer = Schema<"MentorTransfer">;
export type Tone = "ok" | "warn" | "bad" | "info" | "muted";

/** The screen of the app where a reminder is acted on. */
export function reminderHref(r: Reminder): string {
  switch (r.kind) {
    case "milestone_due_soon":
    case "milestone_overdue":
    case "revise_design":
    case "replace_evidence":
    case "rework_milestone":
      return `/proyek/${r.projectId}`;
    case "review_design":
      return `/telaah/rancangan/${r.projectId}`;
    case "verify_milestone":
      return `/telaah/tahapan/${r.target.id}`;
    case "review_evidence":
      return `/telaah/bukti/${r.target.id}`;
    case "accept_mentor_transfer":
    case "confirm_mentor_transfer":
      return `/usulan-mentor/${r.target.id}`;
  }
}

/** What a reminder is, as a short label. */
export function reminderKind(kind: Reminder["kind"]): string {
  return t(`followup.kind.${kind}` as MessageKey);
}

/** The badge tone of a reminder's kind. */
export function reminderTone(r: Reminder): Tone {
  if (r.kind === "milestone_overdue") return "bad";
  if (r.kind === "milestone_due_soon") return "warn";
  return "info";
}

/** What an escalated item is (design, milestone claim, evidence). */
export function escalationKind(kind: Escalation["kind"]): string {
  return t(`followup.escalations.kind.${kind}` as MessageKey);
}

/** A reviewer's role in the workload and escalations. */
export function reviewerRole(role: ReviewerLoad["role"]): string {
  return t(`role.${role}` as MessageKey);
}

/** Whole days from the API date a to b (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b + "T00:00:00Z") - Date.parse(a + "T00:00:00Z")) / 86_400_000);
}

/** "hari ini", "3 hari lagi" or "terlambat 2 hari" for a milestone due on dueOn. */
export function dueIn(dueOn: string): string {
  const days = daysBetween(today(), dueOn);
  if (days === 0) return t("followup.due.today");
  if (days > 0) return t("followup.due.inDays", { n: days });
  return t("followup.due.overdue", { n: -days });
}

/** A number of whole days waited: "kurang dari 1 hari", "1 hari", "9 hari". */
export function waited(days: number): string {
  return days < 1 ? t("followup.waited.lessThanDay") : t("followup.waited.days", { n: days });
}

/** A duration in hours as "2 hari 4 jam", "5 jam", "1 hari" or "kurang dari 1 jam". */
export function duration(hours: number): string {
  let whole = Math.round(hours);
  if (whole < 1) return t("followup.duration.lessThanHour");
  const days = Math.floor(whole / 24);
  whole -= days * 24;
  if (days === 0) return t("followup.duration.hours", { h: whole });
  if (whole === 0) return t("followup.duration.days", { d: days });
  return t("followup.duration.daysHours", { d: days, h: whole });
}

/** Whole days since an instant, as the API counts waiting (floor). */
export function daysSince(instant: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(instant)) / 86_400_000));
}

/** The badge tone of a mentor transfer's status. */
export function transferTone(status: MentorTransfer["status"]): Tone {
  return ({ awaiting_organizer: "warn", pending: "warn", accepted: "ok", declined: "bad", refused: "bad", cancelled: "muted" } as const)[status];
}

/** A mentor transfer's status in words. */
export function transferStatus(status: MentorTransfer["status"]): string {
  return t(`followup.transfer.status.${status}` as MessageKey);
}
