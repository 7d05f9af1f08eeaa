// Who is signed in: get-me, loaded once per session and shared by every
// screen through useMe().
import { createContext, useContext } from "react";
import type { Schema } from "./api";

/** The signed-in user with their roles per cohort. */
export type Me = Schema<"MeBody">;

/** The signed-in user's roles; Signed-in screens are only rendered with it. */
export const MeContext = createContext<{ me: Me; reload: () => void } | null>(null);

/** The signed-in user. Only for screens under the signed-in frame. */
export function useMe(): Me {
  const value = useContext(MeContext);
  if (!value) throw new Error("useMe outside the signed-in frame");
  return value.me;
}

/** The cohorts where the user holds role, in the order get-me lists them. */
export function cohortsWithRole(me: Me, role: Schema<"RoleBody">["role"]): string[] {
  return me.roles.filter((r) => r.role === role).map((r) => r.cohortId);
}

/** Whether the user holds role in cohortId (a platform admin holds every role's reading rights). */
export function hasRole(me: Me, cohortId: string, role: Schema<"RoleBody">["role"]): boolean {
  return me.roles.some((r) => r.cohortId === cohortId && r.role === role);
}
