// Pieces the follow-up screens share: the "load more" foot of a paged list
// and the scroll region of a wide table.
import type { ReactNode } from "react";
import { t } from "../../i18n";
import { Button, ProblemAlert } from "../../ui";
import type { Paged } from "./paging";

/** The foot of a paged list: how many are shown, and a button for the next page while there is one. */
export function MoreButton<T>({ paged, shownLabel }: { paged: Paged<T>; shownLabel: string }) {
  return (
    <div className="fu-more">
      <p className="muted" role="status">
        {shownLabel}
      </p>
      <ProblemAlert error={paged.moreError} />
      {paged.hasMore && (
        <Button busy={paged.loadingMore} busyLabel={t("common.loading")} onClick={paged.loadMore}>
          {t("followup.more")}
        </Button>
      )}
    </div>
  );
}

