// The frame of a cohort's follow-up screens (escalations, workload): the
// cohort's name in the title, a notice when the cohort's answer does not
// offer the screen, the response deadline, and links between the screens
// it offers and back to the cohort.
import type { ReactNode } from "react";
import { api, ok, type Schema } from "../../api";
import { t } from "../../i18n";
import { offers } from "../../offers";
import { Link } from "../../router";
import { Loading, PageTitle, ProblemAlert, useLoad } from "../../ui";
import "./followup.css";

type Cohort = Schema<"Cohort">;

/**
 * A cohort follow-up screen titled title ({name} is the cohort's name):
 * a notice when the cohort's answer does not offer it, else children with the cohort.
 */
export function CohortFollowup({ cohortId, titleKey, current, children }: {
  cohortId: string;
  titleKey: "followup.escalations.title" | "followup.workload.title";
  current: "eskalasi" | "beban-kerja";
  children: (cohort: Cohort) => ReactNode;
}) {
  const cohort = useLoad(() => ok(api.GET("/v1/cohorts/{cohortId}", { params: { path: { cohortId } } })), [cohortId]);
  const title = cohort.data ? t(titleKey, { name: cohort.data.name }) : t(`${titleKey}Plain`);
  const shows = (screen: typeof current) => offers(cohort.data, screen === "eskalasi" ? "list-cohort-escalations" : "get-cohort-workload");

  if (cohort.error || (cohort.data && !shows(current))) {
    return (
      <div className="fu">
        <PageTitle title={title} />
        {cohort.error && cohort.error.problem.status !== 404 ? (
          <ProblemAlert error={cohort.error} retry={cohort.reload} />
        ) : (
          <p className="alert alert-info">{t("followup.cohort.notAllowed")}</p>
        )}
      </div>
    );
  }
  const other = current === "eskalasi" ? "beban-kerja" : "eskalasi";
  return (
    <div className="fu">
      <PageTitle title={title}>
        <nav className="fu-cohort-nav" aria-label={t("followup.cohort.nav")}>
          {offers(cohort.data, "get-cohort-progress") && (
            <Link href={`/angkatan/${cohortId}`} className="btn">
              {t("followup.cohort.dashboard")}
            </Link>
          )}
          {shows(other) && (
            <Link href={`/angkatan/${cohortId}/${other}`} className="btn">
              {other === "beban-kerja" ? t("followup.workload.link") : t("followup.escalations.link")}
            </Link>
          )}
        </nav>
      </PageTitle>
      {cohort.data ? (
        <>
          <p className="fu-deadline">
            {t("followup.cohort.deadline", { n: cohort.data.responseDeadlineDays })}{" "}
            {offers(cohort.data, "update-cohort") && (
              <Link href={`/angkatan/${cohortId}/kelola#detail`}>{t("followup.cohort.changeDeadline")}</Link>
            )}
          </p>
          {children(cohort.data)}
        </>
      ) : (
        <Loading />
      )}
    </div>
  );
}
