// Placeholder: replaced by the screen's real implementation.
import { PageTitle } from "../../ui";

/** The ProjectPage screen. */
export function ProjectPage({ projectId }: { projectId: string }) {
  return (
    <>
      <PageTitle title="ProjectPage" />
      <p>{projectId}</p>
    </>
  );
}
