// The frame of a cohort's follow-up screens (escalations, workload): the
// cohort's name in the title, who may see them, the response deadline, and
// links between the two screens and back to the cohort.
import type { ReactNode } from "react";
import { api, ok, type Schema } from "../../api";
import { t } from "../../i18n";
import { hasRole, useMe } from "../../me";
import { Link } from "../../router";
import { Loading, PageTitle, ProblemAlert, useLoad } from "../../ui";
import { followsCohort } from "./model";
import "./followup.css";

type Cohort = Schema<"Cohort">;

/**
 * A cohort follow-up screen titled title ({name} is the cohort's name):
 * a notice for people who may not see it, else children with the cohort.
 */
export function CohortFollowup({ cohortId, titleKey, current, children }: {
  cohortId: string;
  titleKey: "followup.escalations.title" | "followup.workload.title";
  current: "eskalasi" | "beban-kerja";
  children: (cohort: Cohort) => ReactNode;
}) {
  const me = useMe();
  const allowed = followsCohort(me, cohortId);
  const cohort = useLoad(async () => (allowed ? ok(api.GET("/v1/cohorts/{cohortId}", { params: { path: { cohortId } } })) : undefined), [cohortId, allowed]);
  const title = cohort.data ? t(titleKey, { name: cohort.data.name }) : t(`${titleKey}Plain`);

  if (!allowed) {
    return (
      <div className="fu">
        <PageTitle title={title} />
        <p className="alert alert-info">{t("followup.cohort.notAllowed")}</p>
      </div>
    );
  }
  const organizer = me.platformAdmin || hasRole(me, cohortId, "organizer");
  return (
    <div className="fu">
      <PageTitle title={title}>
        <nav className="fu-cohort-nav" aria-label={t("followup.cohort.nav")}>
          <Link href={`/angkatan/${cohortId}`} className="btn">
            {t("followup.cohort.dashboard")}
          </Link>
          {current === "eskalasi" ? (
            <Link href={`/angkatan/${cohortId}/beban-kerja`} className="btn">
              {t("followup.workload.link")}
            </Link>
          ) : (
            <Link href={`/angkatan/${cohortId}/eskalasi`} className="btn">
              {t("followup.escalations.link")}
            </Link>
          )}
        </nav>
      </PageTitle>
      {cohort.data ? (
        <>
          <p className="fu-deadline">
            {t("followup.cohort.deadline", { n: cohort.data.responseDeadlineDays })}{" "}
            {organizer && (
              <Link href={`/angkatan/${cohortId}/kelola#detail`}>{t("followup.cohort.changeDeadline")}</Link>
            )}
          </p>
          {children(cohort.data)}
        </>
      ) : cohort.error ? (
        <ProblemAlert error={cohort.error} retry={cohort.reload} />
      ) : (
        <Loading />
      )}
    </div>
  );
}
