// The examiner's list at /angkatan/:cohortId/penilaian: the cohort's
// participants and their projects (from get-cohort-progress, which
// examiners read for the whole cohort), each linking to its assessment.
import { useState } from "react";
import { api, ok, type Schema } from "../../api";
import { t } from "../../i18n";
import { Link } from "../../router";
import { Empty, Field, Load, PageTitle, useLoad } from "../../ui";
import { StatusBadge } from "../coach/shared";
import "./examiner.css";

type Line = Schema<"ParticipantProgress">;

/** The examiner's list of a cohort's projects at /angkatan/:cohortId/penilaian. */
export function ExamineList({ cohortId }: { cohortId: string }) {
  const loaded = useLoad(async () => {
    const path = { params: { path: { cohortId } } };
    const [cohort, progress] = await Promise.all([ok(api.GET("/v1/cohorts/{cohortId}", path)), ok(api.GET("/v1/cohorts/{cohortId}/progress", path))]);
    return { cohort, lines: progress.items };
  }, [cohortId]);
  const [search, setSearch] = useState("");

  return (
    <>
      <PageTitle title={t("examiner.listTitle")} />
      <Load loaded={loaded}>
        {({ cohort, lines }) => {
          const q = search.trim().toLowerCase();
          const shown = q ? lines.filter((l) => (l.participantName + " " + l.projectTitle + " " + l.group).toLowerCase().includes(q)) : lines;
          return (
            <>
              <p className="muted">{t("examiner.listIntro", { cohort: cohort.name })}</p>
              {lines.length === 0 ? (
                <Empty>{t("examiner.noParticipants")}</Empty>
              ) : (
                <>
                  <div className="exam-search">
                    <Field label={t("examiner.search")} name="q" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
                  </div>
                  {shown.length === 0 ? <Empty>{t("examiner.noMatch")}</Empty> : <ProjectTable lines={shown} />}
                </>
              )}
            </>
          );
        }}
      </Load>
    </>
  );
}

/** The projects as a table: participant, group, project, status, and the link to assess. */
function ProjectTable({ lines }: { lines: Line[] }) {
  return (
    <div className="table-wrap exam-stack" tabIndex={0} role="region" aria-label={t("examiner.listTitle")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("examiner.participant")}</th>
            <th scope="col">{t("examiner.group")}</th>
            <th scope="col">{t("examiner.project")}</th>
            <th scope="col">{t("examiner.status")}</th>
            <th scope="col">{t("examiner.assess")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.enrollmentId}>
              <td data-label={t("examiner.participant")}>{l.participantName}</td>
              <td data-label={t("examiner.group")} className="exam-nowrap">{l.group}</td>
              <td data-label={t("examiner.project")}>{l.projectTitle || t("common.none")}</td>
              <td data-label={t("examiner.status")}>
                <StatusBadge status={l.projectStatus} />
              </td>
              <td data-label={t("examiner.assess")}>
                {/* The rows carry no offers: the form says whether each seminar may be scored yet. */}
                <Link href={`/penilaian/${encodeURIComponent(l.projectId)}`} className="btn btn-small" aria-label={t("examiner.assessProject", { title: l.projectTitle })}>
                  {t("examiner.assess")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
