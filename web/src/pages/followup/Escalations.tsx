// The escalations of a cohort at /angkatan/:cohortId/eskalasi, for its
// coaches and organizers: what has waited for a reviewer past the cohort's
// response deadline, oldest first, one line per item and reviewer.
import { api, ok } from "../../api";
import { formatDate } from "../../format";
import { t } from "../../i18n";
import { Link } from "../../router";
import { Badge, Empty, Loading, ProblemAlert, ScrollRegion } from "../../ui";
import { CohortFollowup } from "./CohortFollowup";
import { escalationKind, reviewerRole, waited, type Escalation } from "./model";
import { usePaged } from "./paging";
import { MoreButton } from "./shared";

/** The escalations screen. */
export function Escalations({ cohortId }: { cohortId: string }) {
  return (
    <CohortFollowup cohortId={cohortId} titleKey="followup.escalations.title" current="eskalasi">
      {() => <EscalationList cohortId={cohortId} />}
    </CohortFollowup>
  );
}

function EscalationList({ cohortId }: { cohortId: string }) {
  const paged = usePaged(
    (cursor) => ok(api.GET("/v1/cohorts/{cohortId}/escalations", { params: { path: { cohortId }, query: { limit: 50, cursor } } })),
    [cohortId],
  );
  const items = paged.items;
  if (items === undefined) return paged.error ? <ProblemAlert error={paged.error} retry={paged.reload} /> : <Loading />;
  return (
    <>
      <p className="fu-intro">{t("followup.escalations.intro")}</p>
      {paged.error && <ProblemAlert error={paged.error} retry={paged.reload} />}
      {items.length === 0 ? (
        <p className="alert alert-ok fu-none">{t("followup.escalations.empty")}</p>
      ) : (
        <>
          <ScrollRegion label={t("followup.escalations.tableLabel")}>
            <table className="fu-table fu-stack">
              <caption className="visually-hidden">{t("followup.escalations.tableLabel")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("followup.escalations.col.item")}</th>
                  <th scope="col">{t("followup.escalations.col.participant")}</th>
                  <th scope="col">{t("followup.escalations.col.reviewer")}</th>
                  <th scope="col">{t("followup.escalations.col.since")}</th>
                  <th scope="col">{t("followup.escalations.col.waiting")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <EscalationRow key={`${e.kind}-${e.id}-${e.reviewerId}`} item={e} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <MoreButton paged={paged} shownLabel={t("followup.escalations.shown", { n: items.length })} />
        </>
      )}
    </>
  );
}

/** One escalated item and the reviewer who owes an answer. */
function EscalationRow({ item: e }: { item: Escalation }) {
  const over = Math.max(0, e.waitingDays - e.responseDeadlineDays);
  return (
    <tr>
      <td data-label={t("followup.escalations.col.item")}>
        <Badge tone="info">{escalationKind(e.kind)}</Badge>
        <br />
        <Link href={`/proyek/${e.projectId}`}>{e.title}</Link>
      </td>
      <td data-label={t("followup.escalations.col.participant")}>
        {e.participantName}
        <br />
        <span className="muted">{e.group}</span>
      </td>
      <td data-label={t("followup.escalations.col.reviewer")}>
        {e.reviewerName}
        <br />
        <span className="muted">{reviewerRole(e.reviewerRole)}</span>
      </td>
      <td data-label={t("followup.escalations.col.since")}>{formatDate(e.waitingSince)}</td>
      <td data-label={t("followup.escalations.col.waiting")}>
        <strong>{waited(e.waitingDays)}</strong>
        <br />
        <Badge tone="bad">{t("followup.escalations.over", { n: over })}</Badge>
      </td>
    </tr>
  );
}
