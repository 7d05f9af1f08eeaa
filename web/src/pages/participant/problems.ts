// Problems of the project screen: which field a problem names exactly.
import type { Problem } from "../../api";

/** Whether problem names exactly the field (body.<field>), not one of its items. */
export function namesField(problem: Problem | undefined, field: string): string | undefined {
  return problem?.errors?.find((e) => e.location === "body." + field || e.location === field)?.message;
}
