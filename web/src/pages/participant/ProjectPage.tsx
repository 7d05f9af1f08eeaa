// The project screen at /proyek/:projectId: the design (a form while the
// answer offers update-project), the milestones with their evidence, the
// showcase and the timeline. The participant, their mentor and coach,
// organizers and examiners all open it; each sees the controls their
// answers offer (actions), and why a step waits (refusedActions).
import { useState } from "react";
import { api, ok, type Problem } from "../../api";
import { t } from "../../i18n";
import { commonTerms, setCurrentTerms, termsOfCohort } from "../../i18n/terms";
import { useMe } from "../../me";
import { offers } from "../../offers";
import { Load, type Loaded, PageTitle, useLoad } from "../../ui";
import { DesignForm } from "./DesignForm";
import { DesignDownloads } from "./DesignDownloads";
import { DesignView } from "./DesignView";
import { Milestones } from "./Milestones";
import { ChangeRequests } from "./ChangeRequests";
import { ProjectHeader } from "./ProjectHeader";
import { Timeline } from "./Timeline";
import { designFolded, type Project } from "./model";
import { PublishPanel } from "./PublishPanel";
import { MyGraduation } from "../graduation/Graduation";
import { SimilarProjects } from "../examiner/SimilarProjects";
import { MentorChange } from "../followup/MentorChange";
import { ReportSection } from "../report/ReportSection";
import "./participant.css";

/** The project screen. */
export function ProjectPage({ projectId }: { projectId: string }) {
  const loaded = useLoad(() => ok(api.GET("/v1/projects/{projectId}", { params: { path: { projectId } } })), [projectId]);
  const milestones = useLoad(() => ok(api.GET("/v1/projects/{projectId}/milestones", { params: { path: { projectId }, query: { limit: 200 } } })), [projectId]);
  const timeline = useLoad(() => ok(api.GET("/v1/projects/{projectId}/timeline", { params: { path: { projectId }, query: { limit: 100 } } })), [projectId]);
  // The project as last answered by a change, until a reload brings a newer one.
  const [changed, setChanged] = useState<Project>();
  const [formRound, setFormRound] = useState(0);
  const [designProblem, setDesignProblem] = useState<Problem>();
  const me = useMe();

  const project = newest(loaded.data, changed?.id === projectId ? changed : undefined);
  const shown: Loaded<Project> = { ...loaded, data: project };

  /** After any change: the milestones, the timeline and the project again. */
  const refresh = () => {
    milestones.reload();
    timeline.reload();
    loaded.reload();
  };
  const onProjectChanged = (p: Project) => {
    setChanged(p);
    timeline.reload();
  };
  /** After a 412: the stored design replaces the form's edits. */
  const reloadDesign = async () => {
    const fresh = await ok(api.GET("/v1/projects/{projectId}", { params: { path: { projectId } } })).catch(() => undefined);
    if (fresh) setChanged(fresh);
    setFormRound((r) => r + 1);
  };

  if (!project && loaded.error)
    return (
      <>
        <PageTitle title={t("participant.pageTitle")} />
        <Load loaded={shown}>{() => null}</Load>
      </>
    );
  return (
    <Load loaded={shown}>
      {(p) => {
        // The project's cohort's words: Aksi Perubahan for PKA and PKP.
        setCurrentTerms(termsOfCohort(me.cohortTerms, p.cohortId) ?? commonTerms(me.cohortTerms));
        return (
          <div className="project-page">
            <PageTitle title={p.title || t("participant.untitled")} />
            <nav className="page-nav" aria-label={t("participant.nav")}>
              <a href="#rancangan">{t("participant.design.heading")}</a>
              <a href="#tahapan">{t("participant.milestones.heading")}</a>
              <a href="#laporan">{t("report.nav")}</a>
              <a href="#linimasa">{t("participant.timeline.heading")}</a>
            </nav>
            <ProjectHeader project={p} milestones={milestones.data?.items} onChanged={onProjectChanged} />
            <MentorChange project={p} onChanged={timeline.reload} />

            <section id="rancangan" className="panel" aria-labelledby="rancangan-h">
              <h2 id="rancangan-h">{t("participant.design.heading")}</h2>
              <DesignDownloads project={p} />
              {offers(p, "update-project") ? (
                <DesignForm
                  key={`${p.id}-${formRound}`}
                  project={p}
                  hasShortMilestone={(milestones.data?.items ?? []).some((m) => m.horizon === "short")}
                  onSaved={onProjectChanged} onProblem={setDesignProblem} reload={() => void reloadDesign()} />
              ) : !designFolded(p.status) ? (
                <DesignView project={p} />
              ) : (
                <details className="design-details">
                  <summary>{t("participant.design.show")}</summary>
                  <DesignView project={p} />
                </details>
              )}
            </section>

            <section id="tahapan" className="panel" aria-labelledby="tahapan-h">
              <h2 id="tahapan-h">{t("participant.milestones.heading")}</h2>
              <Load loaded={milestones}>
                {(list) => (
                  <Milestones
                    project={p}
                    milestones={list.items}
                    timeline={timeline.data?.items}
                    designProblem={offers(p, "submit-design") ? designProblem : undefined}
                    onChanged={refresh}
                  />
                )}
              </Load>
              <ChangeRequests project={p} milestones={milestones.data?.items ?? []} onChanged={refresh} />
            </section>

            <ReportSection project={p} milestones={milestones.data?.items ?? []} onChanged={timeline.reload} />

            <MyGraduation cohortId={p.cohortId} enrollmentId={p.enrollmentId} />
            <PublishPanel project={p} milestones={milestones.data?.items} onChanged={timeline.reload} />
            {offers(p, "list-similar-projects") && <SimilarProjects projectId={p.id} />}

            <section id="linimasa" className="panel" aria-labelledby="linimasa-h">
              <h2 id="linimasa-h">{t("participant.timeline.heading")}</h2>
              <Load loaded={timeline}>
                {(page) => <Timeline projectId={p.id} entries={page.items} nextCursor={page.nextCursor} />}
              </Load>
            </section>
          </div>
        );
      }}
    </Load>
  );
}

/** The newer of two copies of the project, by version. */
function newest(a: Project | undefined, b: Project | undefined): Project | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.version > a.version ? b : a;
}
