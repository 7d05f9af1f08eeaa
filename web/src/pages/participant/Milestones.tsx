// The milestones of a project grouped by horizon, each with its activities
// and evidence, and the steps each milestone's answer offers: change,
// delete and claim it (the participant), verify it (the mentor), with the
// reason a claim or an upload waits when the answer refuses it.
import { useState } from "react";
import { api, etag, ok, type Problem } from "../../api";
import { formatDate } from "../../format";
import { t } from "../../i18n";
import { offers, whyRefused, type Operation } from "../../offers";
import { Link } from "../../router";
import { Badge, Button, Empty, ProblemAlert, ProgressBar, statusLabel, useAction } from "../../ui";
import { EvidenceList } from "./EvidenceList";
import { MilestoneForm } from "./MilestoneForm";
import { horizons, latestReview, milestoneTone, shortTermProgress, type Horizon, type Milestone, type Project, type TimelineEntry } from "./model";
import { namesField } from "./problems";

type Props = {
  project: Project;
  milestones: Milestone[];
  timeline: TimelineEntry[] | undefined;
  /** submit-design's problem, which may say a short-term milestone is missing. */
  designProblem: Problem | undefined;
  onChanged: () => void;
};

/** The milestones section's content: progress, the add form and the horizons. */
export function Milestones({ project, milestones, timeline, designProblem, onChanged }: Props) {
  const [adding, setAdding] = useState<Horizon>();
  const { achieved, total } = shortTermProgress(milestones);
  // submit-design's "no short-term milestone", until one is added.
  const missing = total === 0 ? namesField(designProblem, "milestones") : undefined;
  return (
    <>
      {total > 0 && (
        <div className="short-progress">
          <p>{t("participant.milestones.progress", { achieved, total })}</p>
          <ProgressBar value={(achieved / total) * 100} label={t("participant.milestones.progressLabel")} />
        </div>
      )}
      {missing && (
        <p className="field-error" role="alert">
          {missing}
        </p>
      )}
      {offers(project, "create-milestone") &&
        (adding ? (
          <MilestoneForm
            projectId={project.id}
            horizon={adding}
            onDone={() => {
              setAdding(undefined);
              onChanged();
            }}
            onCancel={() => setAdding(undefined)}
          />
        ) : (
          <div className="actions">
            <button type="button" className="btn btn-primary" data-action="create-milestone" onClick={() => setAdding("short")}>
              {t("participant.milestones.add")}
            </button>
          </div>
        ))}
      {horizons.map((h) => {
        const items = milestones.filter((m) => m.horizon === h);
        return (
          <section key={h} className="horizon" aria-labelledby={`horizon-${h}`}>
            <h3 id={`horizon-${h}`}>
              {statusLabel("horizon", h)} <span className="muted count">({items.length})</span>
            </h3>
            {items.length === 0 ? (
              <Empty>{t(`participant.milestones.empty.${h}`)}</Empty>
            ) : (
              <ul className="milestones">
                {items.map((m) => (
                  <MilestoneCard key={m.id} milestone={m} project={project} timeline={timeline} onChanged={onChanged} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

type CardProps = { milestone: Milestone; project: Project; timeline: TimelineEntry[] | undefined; onChanged: () => void };

/**
 * Refusals a card leaves unsaid: the milestone's status badge already says
 * why a claimed or achieved milestone takes no new claim or evidence.
 */
const saidByStatus = new Set(["milestone.not_open", "milestone.achieved"]);

/** Why the participant's next step on the milestone waits: the first refusal of an upload or a claim the badge does not already explain. */
function waitingReason(m: Milestone): { op: Operation; text: string } | undefined {
  for (const op of ["submit-evidence", "claim-milestone"] as const) {
    const refusal = m.refusedActions.find((r) => r.action === op);
    if (refusal && !saidByStatus.has(refusal.code)) return { op, text: whyRefused(m, op)! };
  }
  return undefined;
}

/** One milestone with its activities, evidence and the steps its answer offers. */
function MilestoneCard({ milestone: m, project, timeline, onChanged }: CardProps) {
  const [editing, setEditing] = useState(false);
  // The mentor's last word on the milestone, unless it was claimed again since.
  const latest = latestReview(timeline, m.id, ["milestone.returned", "milestone.verified", "milestone.claimed"]);
  const waiting = waitingReason(m);
  const evidenceCount = m.evidence.submitted + m.evidence.approved + m.evidence.rejected + m.evidence.withdrawn;
  if (editing)
    return (
      <li className="card milestone">
        <MilestoneForm
          projectId={project.id}
          milestone={m}
          onDone={() => {
            setEditing(false);
            onChanged();
          }}
          onCancel={() => {
            setEditing(false);
            onChanged();
          }}
        />
      </li>
    );
  return (
    <li className="card milestone" aria-labelledby={`milestone-${m.id}`} data-milestone={m.id}>
      <h4 id={`milestone-${m.id}`}>{m.title}</h4>
      <p className="milestone-meta">
        <Badge tone={milestoneTone(m.status)}>{statusLabel("milestoneStatus", m.status)}</Badge>
        {m.overdue && <Badge tone="bad">{t("overdue")}</Badge>}
        <span className="muted">{t("participant.milestone.due", { date: formatDate(m.dueOn) })}</span>
      </p>
      {m.description && <p>{m.description}</p>}
      {latest?.action === "milestone.returned" && (
        <p className="review-note review-rejected">
          <span className="muted">{t("participant.milestone.returned")}</span> {latest.details.comment ?? m.reviewComment}
        </p>
      )}
      {m.missingEvidenceReason && (
        <p className="review-note">{t("participant.milestone.missingEvidence", { reason: m.missingEvidenceReason })}</p>
      )}
      <Activities milestone={m} />
      <MilestoneActions milestone={m} onEdit={() => setEditing(true)} onChanged={onChanged} />
      {waiting && (
        <p className="muted milestone-waiting" data-refused={waiting.op}>
          {waiting.text}
        </p>
      )}
      {(evidenceCount > 0 || offers(m, "submit-evidence")) && (
        <EvidenceList milestone={m} onChanged={onChanged} />
      )}
    </li>
  );
}

function Activities({ milestone }: { milestone: Milestone }) {
  return (
    <div className="activities-view">
      <h5>{t("participant.milestone.activities")}</h5>
      {milestone.activities.length === 0 ? (
        <Empty>{t("participant.milestone.noActivities")}</Empty>
      ) : (
        <ul>
          {milestone.activities.map((a, i) => (
            <li key={i}>
              {a.title}
              {a.output && (
                <>
                  {" "}
                  <span className="muted">— {t("participant.activity.outputIs", { output: a.output })}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type Confirm = "delete" | "claim";

/** The steps on a milestone its answer offers: change, delete, start and claim it (the participant), verify it (the mentor). */
function MilestoneActions({ milestone: m, onEdit, onChanged }: { milestone: Milestone; onEdit: () => void; onChanged: () => void }) {
  const [confirm, setConfirm] = useState<Confirm>();
  const action = useAction();
  const may = (op: Operation) => offers(m, op);

  const ask = (which: Confirm) => {
    action.clear();
    setConfirm(which);
  };
  const run = (call: () => Promise<unknown>) =>
    void action.run(async () => {
      // The confirmation closes either way; a refusal shows above the buttons.
      await call().finally(() => setConfirm(undefined));
      onChanged();
    });
  const remove = () => run(() => ok(api.DELETE("/v1/milestones/{milestoneId}", { params: { path: { milestoneId: m.id }, header: { "If-Match": etag(m.version) } } })));
  const claim = () => run(() => ok(api.POST("/v1/milestones/{milestoneId}/claim", { params: { path: { milestoneId: m.id } } })));
  const start = () => run(() => ok(api.POST("/v1/milestones/{milestoneId}/start", { params: { path: { milestoneId: m.id } } })));

  if (!may("update-milestone") && !may("delete-milestone") && !may("start-milestone") && !may("claim-milestone") && !may("verify-milestone") && !action.error) return null;
  return (
    <div className="milestone-actions">
      <ProblemAlert error={action.error} />
      {confirm ? (
        <div className="confirm" role="group" aria-label={confirm === "claim" ? t("participant.claim.button") : t("participant.milestone.delete")}>
          <p>{confirm === "claim" ? t("participant.claim.confirm", { title: m.title }) : t("participant.milestone.deleteConfirm", { title: m.title })}</p>
          <div className="actions">
            <Button
              className={confirm === "claim" ? "btn-primary" : "btn-danger"}
              busy={action.busy}
              busyLabel={t("participant.working")}
              onClick={confirm === "claim" ? claim : remove}
            >
              {confirm === "claim" ? t("participant.claim.yes") : t("participant.milestone.deleteYes")}
            </Button>
            <Button onClick={() => setConfirm(undefined)} disabled={action.busy}>
              {t("common.cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <div className="actions">
          {may("update-milestone") && (
            <Button className="btn-small" data-action="update-milestone" onClick={onEdit} disabled={action.busy}>
              {t("participant.milestone.edit")}
            </Button>
          )}
          {may("delete-milestone") && (
            <Button className="btn-small btn-danger" data-action="delete-milestone" onClick={() => ask("delete")} disabled={action.busy}>
              {t("participant.milestone.delete")}
            </Button>
          )}
          {may("start-milestone") && (
            <Button className="btn-small" data-action="start-milestone" onClick={start} busy={action.busy} busyLabel={t("participant.working")}>
              {t("participant.milestone.start")}
            </Button>
          )}
          {may("claim-milestone") && (
            <Button className="btn-small btn-ok" data-action="claim-milestone" onClick={() => ask("claim")} disabled={action.busy}>
              {t("participant.claim.button")}
            </Button>
          )}
          {may("verify-milestone") && (
            <Link href={`/telaah/tahapan/${encodeURIComponent(m.id)}`} className="btn btn-small btn-primary" data-action="verify-milestone">
              {t("participant.milestone.verify")}
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
