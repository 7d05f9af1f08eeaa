// Placeholder: replaced by the screen's real implementation.
import { PageTitle } from "../../ui";

/** The CohortDashboard screen. */
export function CohortDashboard({ cohortId }: { cohortId: string }) {
  return (
    <>
      <PageTitle title="CohortDashboard" />
      <p>{cohortId}</p>
    </>
  );
}
