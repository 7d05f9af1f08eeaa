// The examiner's list at /angkatan/:cohortId/penilaian: the cohort's
// participants and their projects (from get-cohort-progress, which
// examiners read for the whole cohort), each linking to its assessment.
import { useState } from "react";
import { api, ok, type Schema } from "../../api";
import { formatNumber } from "../../format";
import { t } from "../../i18n";
import { useMe } from "../../me";
import { Link } from "../../router";
import { Empty, Field, Load, PageTitle, useLoad, ScrollRegion } from "../../ui";
import { StatusBadge } from "../coach/shared";
import "./examiner.css";

type Line = Schema<"ParticipantProgress">;
type Assessment = Schema<"Assessment">;

/** What the examiner already scored in a project: their latest assessment of each seminar, design first. */
export function ownScores(items: Assessment[], examinerId: string): Assessment[] {
  const latest = new Map<string, Assessment>();
  for (const a of items) {
    if (a.examinerId !== examinerId) continue;
    const had = latest.get(a.seminar);
    if (!had || had.recordedAt < a.recordedAt) latest.set(a.seminar, a);
  }
  return [...latest.values()].sort((a, b) => a.seminar.localeCompare(b.seminar));
}

/** The examiner's scores as "Seminar rancangan: 84,5 (Sangat Memuaskan)", or "belum dinilai". */
export function OwnScores({ scores }: { scores: Assessment[] | undefined }) {
  if (!scores) return null;
  if (scores.length === 0) return <span className="muted">{t("examiner.notScoredYet")}</span>;
  return (
    <ul className="exam-own">
      {scores.map((a) => (
        <li key={a.seminar}>
          {t(`examiner.seminar.${a.seminar}`)}: {formatNumber(a.total, 2)} ({t(`examiner.predicate.${a.predicate}`)})
        </li>
      ))}
    </ul>
  );
}

/** The examiner's list of a cohort's projects at /angkatan/:cohortId/penilaian. */
export function ExamineList({ cohortId }: { cohortId: string }) {
  const loaded = useLoad(async () => {
    const path = { params: { path: { cohortId } } };
    const [cohort, progress] = await Promise.all([ok(api.GET("/v1/cohorts/{cohortId}", path)), ok(api.GET("/v1/cohorts/{cohortId}/progress", path))]);
    return { cohort, lines: progress.items };
  }, [cohortId]);
  const [search, setSearch] = useState("");
  const me = useMe();
  // What the examiner already scored, per project: their own assessments
  // in the cohort, in one call (list-my-assessments).
  const scored = useLoad(async () => {
    const mine = await ok(api.GET("/v1/cohorts/{cohortId}/my-assessments", { params: { path: { cohortId } } }));
    const byProject = new Map<string, Assessment[]>();
    for (const a of mine.items) byProject.set(a.projectId, [...(byProject.get(a.projectId) ?? []), a]);
    return new Map((loaded.data?.lines ?? []).map((l) => [l.projectId, ownScores(byProject.get(l.projectId) ?? [], me.user.id)] as const));
  }, [loaded.data, me.user.id, cohortId]);

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
                  {shown.length === 0 ? <Empty>{t("examiner.noMatch")}</Empty> : <ProjectTable lines={shown} scored={scored.data} />}
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
function ProjectTable({ lines, scored }: { lines: Line[]; scored: Map<string, Assessment[]> | undefined }) {
  return (
    <ScrollRegion label={t("examiner.listTitle")} className="exam-stack">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("examiner.participant")}</th>
            <th scope="col">{t("examiner.group")}</th>
            <th scope="col">{t("examiner.project")}</th>
            <th scope="col">{t("examiner.status")}</th>
            <th scope="col">{t("examiner.yourScores")}</th>
            <th scope="col">{t("examiner.assess")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.enrollmentId}>
              <td data-label={t("examiner.participant")}>
                <Link href={`/proyek/${encodeURIComponent(l.projectId)}`}>{l.participantName}</Link>
              </td>
              <td data-label={t("examiner.group")} className="exam-nowrap">{l.group}</td>
              <td data-label={t("examiner.project")}>{l.projectTitle || t("common.none")}</td>
              <td data-label={t("examiner.status")}>
                <StatusBadge status={l.projectStatus} />
              </td>
              <td data-label={t("examiner.yourScores")}>
                <OwnScores scores={scored?.get(l.projectId)} />
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
    </ScrollRegion>
  );
}
