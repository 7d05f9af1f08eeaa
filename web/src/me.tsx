// Who is signed in: get-me, loaded once per session and shared by every
// screen through useMe().
import { createContext, useContext } from "react";
import type { Schema } from "./api";

/** The signed-in user with their roles per cohort and what they may do across the installation (actions). */
export type Me = Schema<"MeBody">;

/** The signed-in user's roles; Signed-in screens are only rendered with it. */
export const MeContext = createContext<{ me: Me; reload: () => void } | null>(null);

/** The signed-in user. Only for screens under the signed-in frame. */
export function useMe(): Me {
  const value = useContext(MeContext);
  if (!value) throw new Error("useMe outside the signed-in frame");
  return value.me;
}
