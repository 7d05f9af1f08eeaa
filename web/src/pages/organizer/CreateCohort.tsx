// Placeholder: replaced by the screen's real implementation.
import { PageTitle } from "../../ui";

/** The CreateCohort screen. */
export function CreateCohort() {
  return (
    <>
      <PageTitle title="CreateCohort" />
      
    </>
  );
}
