// Placeholder: replaced by the screen's real implementation.
import { PageTitle } from "../../ui";

/** The ManageCohort screen. */
export function ManageCohort({ cohortId }: { cohortId: string }) {
  return (
    <>
      <PageTitle title="ManageCohort" />
      <p>{cohortId}</p>
    </>
  );
}
