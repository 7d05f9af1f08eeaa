// The milestones of a project grouped by horizon, each with its activities
// and evidence; the participant adds, changes, starts, deletes and claims them.
import { useState } from "react";
import { api, etag, ok, type Problem } from "../../api";
import { formatDate } from "../../format";
import { t } from "../../i18n";
import { Badge, Button, Empty, ProblemAlert, ProgressBar, reword, statusLabel, useAction } from "../../ui";
import { EvidenceList } from "./EvidenceList";
import { MilestoneForm } from "./MilestoneForm";
import { acceptsEvidence, designApproved, horizons, latestReview, milestoneTone, type Horizon, type Milestone, type Project, type TimelineEntry } from "./model";
import { namesField } from "./problems";

type Props = {
  project: Project;
  milestones: Milestone[];
  timeline: TimelineEntry[] | undefined;
  isParticipant: boolean;
  /** submit-design's problem, which may say a short-term milestone is missing. */
  designProblem: Problem | undefined;
  onChanged: () => void;
};

/** The milestones section's content: progress, the add form and the horizons. */
export function Milestones({ project, milestones, timeline, isParticipant, designProblem, onChanged }: Props) {
  const [adding, setAdding] = useState<Horizon>();
  const short = milestones.filter((m) => m.horizon === "short");
  const achieved = short.filter((m) => m.status === "achieved").length;
  // submit-design's "no short-term milestone", until one is added.
  const missing = short.length === 0 ? namesField(designProblem, "milestones") : undefined;
  return (
    <>
      {short.length > 0 && (
        <div className="short-progress">
          <p>{t("participant.milestones.progress", { achieved, total: short.length })}</p>
          <ProgressBar value={(achieved / short.length) * 100} label={t("participant.milestones.progressLabel")} />
        </div>
      )}
      {missing && (
        <p className="field-error" role="alert">
          {missing}
        </p>
      )}
      {isParticipant &&
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
            <button type="button" className="btn btn-primary" onClick={() => setAdding("short")}>
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
                  <MilestoneCard key={m.id} milestone={m} project={project} timeline={timeline} isParticipant={isParticipant} onChanged={onChanged} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

type CardProps = { milestone: Milestone; project: Project; timeline: TimelineEntry[] | undefined; isParticipant: boolean; onChanged: () => void };

/** One milestone with its activities, evidence and actions. */
function MilestoneCard({ milestone: m, project, timeline, isParticipant, onChanged }: CardProps) {
  const [editing, setEditing] = useState(false);
  const returned = m.status === "in_progress" ? latestReview(timeline, m.id, ["milestone.returned", "milestone.verified"]) : undefined;
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
    <li className="card milestone" aria-labelledby={`milestone-${m.id}`}>
      <h4 id={`milestone-${m.id}`}>{m.title}</h4>
      <p className="milestone-meta">
        <Badge tone={milestoneTone(m.status)}>{statusLabel("milestoneStatus", m.status)}</Badge>
        {m.overdue && <Badge tone="bad">{t("overdue")}</Badge>}
        <span className="muted">{t("participant.milestone.due", { date: formatDate(m.dueOn) })}</span>
      </p>
      {m.description && <p>{m.description}</p>}
      {returned?.action === "milestone.returned" && (
        <p className="review-note review-rejected">
          <span className="muted">{t("participant.milestone.returned")}</span> {returned.summary}
        </p>
      )}
      <Activities milestone={m} />
      {isParticipant && <MilestoneActions milestone={m} project={project} onEdit={() => setEditing(true)} onChanged={onChanged} />}
      {designApproved(project) && (
        <EvidenceList
          milestoneId={m.id}
          milestoneTitle={m.title}
          isParticipant={isParticipant}
          canUpload={acceptsEvidence(project) && m.status !== "achieved"}
          timeline={timeline}
          onChanged={onChanged}
        />
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

/** The participant's actions on a milestone: start, change, delete, claim. */
function MilestoneActions({ milestone: m, project, onEdit, onChanged }: { milestone: Milestone; project: Project; onEdit: () => void; onChanged: () => void }) {
  const [confirm, setConfirm] = useState<Confirm>();
  const [pending, setPending] = useState<"start" | Confirm>();
  const action = useAction();
  const editable = m.status === "planned" || m.status === "in_progress";
  const claimable = editable && designApproved(project);

  const ask = (which: Confirm) => {
    action.clear();
    setConfirm(which);
  };
  const run = (which: "start" | Confirm, call: () => Promise<unknown>) => {
    setPending(which);
    void action.run(async () => {
      // The confirmation closes either way; a refusal shows above the buttons.
      await call().finally(() => setConfirm(undefined));
      onChanged();
    });
  };
  const start = () =>
    run("start", () =>
      ok(
        api.PATCH("/v1/milestones/{milestoneId}", {
          params: { path: { milestoneId: m.id }, header: { "If-Match": etag(m.version) } },
          body: { status: "in_progress" },
          headers: { "Content-Type": "application/merge-patch+json" },
        }),
      ),
    );
  const remove = () => run("delete", () => ok(api.DELETE("/v1/milestones/{milestoneId}", { params: { path: { milestoneId: m.id }, header: { "If-Match": etag(m.version) } } })));
  const claim = () => run("claim", () => ok(api.POST("/v1/milestones/{milestoneId}/claim", { params: { path: { milestoneId: m.id } } })));

  const details = { 409: pending === "claim" ? t("participant.claim.refused") : pending === "delete" ? t("participant.milestone.deleteRefused") : t("participant.milestone.editRefused") };
  if (!editable) return null;
  return (
    <div className="milestone-actions">
      <ProblemAlert error={reword(action.error, { details })} />
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
          {m.status === "planned" && (
            <Button className="btn-small" busy={action.busy && pending === "start"} busyLabel={t("participant.working")} disabled={action.busy} onClick={start}>
              {t("participant.milestone.start")}
            </Button>
          )}
          <Button className="btn-small" onClick={onEdit} disabled={action.busy}>
            {t("participant.milestone.edit")}
          </Button>
          {m.status === "planned" && (
            <Button className="btn-small btn-danger" onClick={() => ask("delete")} disabled={action.busy}>
              {t("participant.milestone.delete")}
            </Button>
          )}
          {claimable && (
            <Button className="btn-small btn-ok" onClick={() => ask("claim")} disabled={action.busy}>
              {t("participant.claim.button")}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
