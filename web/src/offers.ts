// What the API's answers offer the signed-in user: every resource carries
// actions (the operations they may perform on it now) and refusedActions
// (operations their part allows but its state refuses now, with the
// problem code the operation would answer). Screens show buttons and forms
// from these and say why from the refusals: the rules stay on the server.
import type { Schema } from "./api";
import { wordCode } from "./problems";

/** An operation a resource may offer (its operationId in the spec). */
export type Operation = Schema<"RefusedAction">["action"];

/** An operation refused now, and why. */
export type Refusal = Schema<"RefusedAction">;

/** A resource as answered, with what it offers. */
export type Offering = { actions: readonly string[]; refusedActions?: Refusal[] };

/** Whether resource offers op now. */
export function offers(resource: Offering | null | undefined, op: Operation): boolean {
  return resource?.actions.includes(op) ?? false;
}

/**
 * The refusal of op on resource, if refused. variant picks the refusal of
 * one variant of an operation allowed for the others, by its params (e.g.
 * { seminar: "final" } for record-assessment, { decision: "approve" } for
 * verify-milestone); without it, any refusal of op.
 */
export function refusalOf(resource: Offering | null | undefined, op: Operation, variant?: Record<string, string>): Refusal | undefined {
  return resource?.refusedActions?.find(
    (r) => r.action === op && Object.entries(variant ?? {}).every(([k, v]) => r.params?.[k] === v),
  );
}

/** Why op is refused on resource now, in Indonesian, or undefined when it is not refused. */
export function whyRefused(resource: Offering | null | undefined, op: Operation, variant?: Record<string, string>): string | undefined {
  const r = refusalOf(resource, op, variant);
  return r && (wordCode(r.code, r.params) ?? r.code);
}
