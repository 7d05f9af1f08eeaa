// Placeholder: replaced by the screen's real implementation.
import { PageTitle } from "../../ui";

/** The AssessmentForm screen. */
export function AssessmentForm({ projectId }: { projectId: string }) {
  return (
    <>
      <PageTitle title="AssessmentForm" />
      <p>{projectId}</p>
    </>
  );
}
