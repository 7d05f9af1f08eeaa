// Placeholder: replaced by the screen's real implementation.
import { PageTitle } from "../../ui";

/** The ReviewQueue screen. */
export function ReviewQueue() {
  return (
    <>
      <PageTitle title="ReviewQueue" />
      
    </>
  );
}
