// The head of the project screen: status, design round, the reviewers'
// request for revision, released seminar results, and the project-wide
// steps the answer offers (start implementation, submit the final report,
// the design review, the coaching notes, the assessment).
import { useState } from "react";
import { api, ok } from "../../api";
import { formatNumber } from "../../format";
import { t, type MessageKey } from "../../i18n";
import { offers } from "../../offers";
import { Link } from "../../router";
import { Badge, Button, ProblemAlert, statusLabel, useAction } from "../../ui";
import { projectTone, shortTermProgress, type Milestone, type Project } from "./model";
import { AppealPanel } from "./AppealPanel";

type Props = {
  project: Project;
  milestones: Milestone[] | undefined;
  onChanged: (project: Project) => void;
};

/** The project's summary with its status and the project-wide steps the caller may take. */
export function ProjectHeader({ project, milestones, onChanged }: Props) {
  return (
    <section className="panel project-summary" aria-label={t("participant.summary")}>
      <Workplace project={project} />
      <p className="project-meta">
        <span>
          <span className="muted">{t("participant.status")}</span> <Badge tone={projectTone(project.status)}>{statusLabel("status", project.status)}</Badge>
        </span>
        {project.designRound > 0 && (
          <span>
            <span className="muted">{t("participant.designRound")}</span> {project.designRound}
          </span>
        )}
        {offers(project, "list-coaching-notes") && (
          <Link href={`/proyek/${project.id}/catatan`} data-action="list-coaching-notes">
            {t("participant.coachingNotes")}
          </Link>
        )}
      </p>
      {project.revisionRequested && (
        <div className="alert alert-warn revision">
          <strong>{t("participant.revision.title")}</strong>
          <p>{project.revisionComment || t("participant.revision.noComment")}</p>
        </div>
      )}
      <p className="muted">{t(statusHint(project))}</p>
      <Results project={project} />
      {(offers(project, "review-design") || offers(project, "record-assessment")) && (
        <p className="actions">
          {offers(project, "review-design") && (
            <Link href={`/telaah/rancangan/${project.id}`} className="btn btn-primary" data-action="review-design">
              {t("participant.reviewDesign")}
            </Link>
          )}
          {offers(project, "record-assessment") && (
            <Link href={`/penilaian/${project.id}`} className="btn" data-action="record-assessment">
              {t("participant.assess")}
            </Link>
          )}
        </p>
      )}
      {offers(project, "start-implementation") && <StartImplementation project={project} onChanged={onChanged} />}
      {offers(project, "submit-final") && <SubmitFinal project={project} milestones={milestones} onChanged={onChanged} />}
    </section>
  );
}

/** Where the participant works: unit kerja, agency, kabupaten/kota and province (get-project's participant). */
function Workplace({ project }: { project: Project }) {
  const w = project.participant;
  if (!w || (!w.agencyName && !w.unitName)) return null;
  return (
    <p className="project-meta project-workplace" aria-label={t("units.workplace")}>
      {w.unitName && (
        <span>
          <span className="muted">{t("units.unit")}</span> {w.unitName}
        </span>
      )}
      {w.agencyName && <span>{[w.agencyName, w.region].filter(Boolean).join(", ")}</span>}
    </p>
  );
}

/** What each status means for a reader who has no step to take in it. */
const statusHints: Record<Project["status"], MessageKey> = {
  draft: "participant.hint.draftOther",
  design_submitted: "participant.hint.designSubmitted",
  design_approved: "participant.hint.designApprovedOther",
  implementing: "participant.hint.implementing",
  final_submitted: "participant.hint.finalSubmitted",
  completed: "participant.hint.completed",
};

/** What the status means for the reader now: the step the answer offers them, or the status's meaning. */
function statusHint(project: Project): MessageKey {
  if (offers(project, "submit-design")) return "participant.hint.draft";
  if (offers(project, "start-implementation")) return "participant.hint.designApproved";
  return statusHints[project.status];
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
            <span className="muted">{t("participant.results.examiners", { count: r.examiners })}</span>{" "}
            {r.determined ? <Badge tone="info">{t("seminar.resultDetermined")}</Badge> : <span className="muted">{t("seminar.resultProvisional")}</span>}
          </li>
        ))}
      </ul>
      <AppealPanel project={project} />
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
      <ProblemAlert error={action.error} />
      <Button className="btn-primary" data-action="start-implementation" busy={action.busy} busyLabel={t("participant.working")} onClick={() => void start()}>
        {t("participant.start.button")}
      </Button>
    </div>
  );
}

/** submit-final, after a confirmation that names unachieved short-term milestones. */
function SubmitFinal({ project, milestones, onChanged }: { project: Project; milestones: Milestone[] | undefined; onChanged: (p: Project) => void }) {
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const progress = shortTermProgress(milestones ?? []);
  const open = progress.total - progress.achieved;
  const submit = () =>
    action.run(async () => {
      onChanged(await ok(api.POST("/v1/projects/{projectId}/final/submit", { params: { path: { projectId: project.id } } })));
      setConfirming(false);
    });
  return (
    <div className="project-action">
      <ProblemAlert error={action.error} />
      {!confirming ? (
        <Button className="btn-primary" data-action="submit-final" onClick={() => setConfirming(true)}>
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
