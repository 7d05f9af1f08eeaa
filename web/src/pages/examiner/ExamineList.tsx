// Placeholder: replaced by the screen's real implementation.
import { PageTitle } from "../../ui";

/** The ExamineList screen. */
export function ExamineList({ cohortId }: { cohortId: string }) {
  return (
    <>
      <PageTitle title="ExamineList" />
      <p>{cohortId}</p>
    </>
  );
}
