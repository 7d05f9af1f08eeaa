// Placeholder: replaced by the screen's real implementation.
import { PageTitle } from "../../ui";

/** The EvidenceReview screen. */
export function EvidenceReview({ evidenceId }: { evidenceId: string }) {
  return (
    <>
      <PageTitle title="EvidenceReview" />
      <p>{evidenceId}</p>
    </>
  );
}
