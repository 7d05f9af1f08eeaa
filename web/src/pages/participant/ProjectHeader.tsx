// The head of the project screen: status, design round, the reviewers'
// request for revision, released seminar results, and the project-wide
// steps the participant takes (start implementation, submit the final report).
import { useState } from "react";
import { api, ok } from "../../api";
import { formatNumber } from "../../format";
import { t } from "../../i18n";
import { Link } from "../../router";
import { Badge, Button, ProblemAlert, reword, statusLabel, useAction } from "../../ui";
import { projectTone, type Milestone, type Project } from "./model";

type Props = {
  project: Project;
  milestones: Milestone[] | undefined;
  isParticipant: boolean;
  /** Whether the user may read coaching notes (not examiners). */
  readsNotes: boolean;
  onChanged: (project: Project) => void;
};

/** The project's summary with its status and the participant's project-wide actions. */
export function ProjectHeader({ project, milestones, isParticipant, readsNotes, onChanged }: Props) {
  return (
    <section className="panel project-summary" aria-label={t("participant.summary")}>
      <p className="project-meta">
        <span>
          <span className="muted">{t("participant.status")}</span> <Badge tone={projectTone(project.status)}>{statusLabel("status", project.status)}</Badge>
        </span>
        {project.designRound > 0 && (
          <span>
            <span className="muted">{t("participant.designRound")}</span> {project.designRound}
          </span>
        )}
        {readsNotes && (
          <Link href={`/proyek/${project.id}/catatan`}>{t("participant.coachingNotes")}</Link>
        )}
      </p>
      {project.revisionRequested && project.status === "draft" && (
        <div className="alert alert-warn revision">
          <strong>{t("participant.revision.title")}</strong>
          <p>{project.revisionComment || t("participant.revision.noComment")}</p>
        </div>
      )}
      <StatusHint project={project} isParticipant={isParticipant} />
      <Results project={project} />
      {isParticipant && project.status === "design_approved" && <StartImplementation project={project} onChanged={onChanged} />}
      {isParticipant && project.status === "implementing" && <SubmitFinal project={project} milestones={milestones} onChanged={onChanged} />}
    </section>
  );
}

/** What the status means for the reader now. */
function StatusHint({ project, isParticipant }: { project: Project; isParticipant: boolean }) {
  const key = (() => {
    switch (project.status) {
      case "draft":
        return isParticipant ? "participant.hint.draft" : "participant.hint.draftOther";
      case "design_submitted":
        return "participant.hint.designSubmitted";
      case "design_approved":
        return isParticipant ? "participant.hint.designApproved" : "participant.hint.designApprovedOther";
      case "implementing":
        return "participant.hint.implementing";
      case "final_submitted":
        return "participant.hint.finalSubmitted";
      case "completed":
        return "participant.hint.completed";
    }
  })();
  return <p className="muted">{t(key)}</p>;
}

/** The seminar results released to the reader (score and predicate). */
function Results({ project }: { project: Project }) {
  const results = project.results ?? [];
  if (results.length === 0) return null;
  return (
    <div className="results">
      <h2 className="results-title">{t("participant.results.title")}</h2>
      <ul className="list">
        {results.map((r) => (
          <li key={r.seminar}>
            <strong>{t(`participant.seminar.${r.seminar}`)}</strong>: {t("participant.results.score", { score: formatNumber(r.score, 2) })}{" "}
            <Badge tone={r.predicate === "kurang_memuaskan" ? "warn" : "ok"}>{t(`participant.predicate.${r.predicate}`)}</Badge>{" "}
            <span className="muted">{t("participant.results.examiners", { count: r.examiners })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** start-implementation: before the cohort's implementation phase begins. */
function StartImplementation({ project, onChanged }: { project: Project; onChanged: (p: Project) => void }) {
  const action = useAction();
  const start = () =>
    action.run(async () => {
      onChanged(await ok(api.POST("/v1/projects/{projectId}/implementation/start", { params: { path: { projectId: project.id } } })));
    });
  return (
    <div className="project-action">
      <ProblemAlert error={reword(action.error, { details: { 409: t("participant.start.refused") } })} />
      <Button className="btn-primary" busy={action.busy} busyLabel={t("participant.working")} onClick={() => void start()}>
        {t("participant.start.button")}
      </Button>
    </div>
  );
}

/** submit-final, after a confirmation that names unachieved short-term milestones. */
function SubmitFinal({ project, milestones, onChanged }: { project: Project; milestones: Milestone[] | undefined; onChanged: (p: Project) => void }) {
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const open = (milestones ?? []).filter((m) => m.horizon === "short" && m.status !== "achieved").length;
  const submit = () =>
    action.run(async () => {
      onChanged(await ok(api.POST("/v1/projects/{projectId}/final/submit", { params: { path: { projectId: project.id } } })));
      setConfirming(false);
    });
  return (
    <div className="project-action">
      <ProblemAlert error={reword(action.error, { details: { 409: t("participant.final.refused") } })} />
      {!confirming ? (
        <Button className="btn-primary" onClick={() => setConfirming(true)}>
          {t("participant.final.button")}
        </Button>
      ) : (
        <div className="confirm" role="group" aria-label={t("participant.final.button")}>
          <p>{t("participant.final.confirm")}</p>
          {open > 0 && <p className="field-error">{t("participant.final.openMilestones", { count: open })}</p>}
          <div className="actions">
            <Button className="btn-primary" busy={action.busy} busyLabel={t("participant.working")} onClick={() => void submit()}>
              {t("participant.final.yes")}
            </Button>
            <Button onClick={() => setConfirming(false)} disabled={action.busy}>
              {t("common.cancel")}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
