// Placeholder: replaced by the screen's real implementation.
import { PageTitle } from "../../ui";

/** The DesignReview screen. */
export function DesignReview({ projectId }: { projectId: string }) {
  return (
    <>
      <PageTitle title="DesignReview" />
      <p>{projectId}</p>
    </>
  );
}
