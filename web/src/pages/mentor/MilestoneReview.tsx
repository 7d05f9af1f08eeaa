// Placeholder: replaced by the screen's real implementation.
import { PageTitle } from "../../ui";

/** The MilestoneReview screen. */
export function MilestoneReview({ milestoneId }: { milestoneId: string }) {
  return (
    <>
      <PageTitle title="MilestoneReview" />
      <p>{milestoneId}</p>
    </>
  );
}
