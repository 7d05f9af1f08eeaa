// Placeholder: replaced by the screen's real implementation.
import { PageTitle } from "../../ui";

/** The CoachingNotes screen. */
export function CoachingNotes({ projectId }: { projectId: string }) {
  return (
    <>
      <PageTitle title="CoachingNotes" />
      <p>{projectId}</p>
    </>
  );
}
