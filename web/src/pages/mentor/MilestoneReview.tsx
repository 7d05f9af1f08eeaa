// The verification of a claimed milestone at /telaah/tahapan/:milestoneId:
// the milestone, its evidence (each opening the evidence review), and the
// mentor's decision (verify as achieved, or return with a comment).
import { useState } from "react";
import { api, ok, type Schema } from "../../api";
import { formatDate, formatDateTime } from "../../format";
import { t } from "../../i18n";
import { Link } from "../../router";
import { offers, whyRefused } from "../../offers";
import { Badge, Empty, Load, PageTitle, statusLabel, TextArea, useLoad } from "../../ui";
import { evidenceTone, milestoneTone } from "../participant/model";
import { BackToQueue, DecisionForm, Outcome, type Decision } from "./review";
import "./mentor.css";

type Milestone = Schema<"Milestone">;
type Evidence = Schema<"Evidence">;

/** The milestone verification screen at /telaah/tahapan/:milestoneId, for the participant's mentor. */
export function MilestoneReview({ milestoneId }: { milestoneId: string }) {
  const path = { params: { path: { milestoneId } } };
  const loaded = useLoad(async () => {
    const [milestone, evidence] = await Promise.all([
      ok(api.GET("/v1/milestones/{milestoneId}", path)),
      ok(api.GET("/v1/milestones/{milestoneId}/evidence", { params: { path: { milestoneId }, query: { limit: 200 } } })),
    ]);
    return { milestone, evidence: evidence.items };
  }, [milestoneId]);
  const [decided, setDecided] = useState<{ milestone: Milestone; decision: Decision }>();
  const [missingReason, setMissingReason] = useState("");

  const decide = async (decision: Decision, comment: string) => {
    const body: Schema<"Verification"> =
      decision === "approve"
        ? { decision: "approve", ...(comment.trim() ? { comment } : {}), ...(missingReason.trim() ? { missingEvidenceReason: missingReason } : {}) }
        : { decision: "return", comment };
    setDecided({ milestone: await ok(api.POST("/v1/milestones/{milestoneId}/verification", { ...path, body })), decision });
  };

  return (
    <>
      <BackToQueue />
      <PageTitle title={t("mentor.milestoneTitle")} />
      <Load loaded={loaded}>
        {({ milestone: read, evidence }) => {
          const milestone = decided?.milestone ?? read;
          const refused = whyRefused(milestone, "verify-milestone");
          return (
            <>
              <MilestoneFacts milestone={milestone} />
              <EvidenceList evidence={evidence} />
              {decided ? (
                <Outcome tone="ok" current={milestoneId} message={decided.decision === "approve" ? t("mentor.milestoneVerified") : t("mentor.milestoneReturned")} />
              ) : offers(milestone, "verify-milestone") ? (
                <>
                {milestone.activities.length > 0 && (
                  <TextArea label={t("mentor.missingEvidenceReason")} name="missingEvidenceReason" hint={t("mentor.missingEvidenceHint")} rows={2}
                    value={missingReason} onChange={(e) => setMissingReason(e.target.value)} />
                )}
                <DecisionForm
                  approveLabel={t("mentor.verify")}
                  declineLabel={t("mentor.returnMilestone")}
                  hint={t("mentor.commentHintReturn")}
                  approveBlocked={whyRefused(milestone, "verify-milestone", { decision: "approve" })}
                  decide={decide}
                />
                </>
              ) : (
                refused && <p className="alert alert-info">{refused}</p>
              )}
            </>
          );
        }}
      </Load>
    </>
  );
}

/** The milestone: title, horizon, due date (marked when overdue), status, description and activities. */
function MilestoneFacts({ milestone }: { milestone: Milestone }) {
  return (
    <section className="panel review-panel" aria-labelledby="milestone-heading">
      <h2 id="milestone-heading">{milestone.title}</h2>
      <dl className="review-meta">
        <dt>{t("mentor.horizon")}</dt>
        <dd>{statusLabel("horizon", milestone.horizon)}</dd>
        <dt>{t("mentor.dueOn")}</dt>
        <dd>
          {formatDate(milestone.dueOn)} {milestone.overdue && <Badge tone="bad">{t("overdue")}</Badge>}
        </dd>
        <dt>{t("mentor.status")}</dt>
        <dd>
          <Badge tone={milestoneTone(milestone.status)}>
            {statusLabel("milestoneStatus", milestone.status)}
          </Badge>
        </dd>
      </dl>
      {milestone.description.trim() && (
        <div className="review-section">
          <h3>{t("mentor.description")}</h3>
          <p className="review-text">{milestone.description}</p>
        </div>
      )}
      <div className="review-section">
        <h3>{t("mentor.activities")}</h3>
        {milestone.activities.length === 0 ? (
          <Empty>{t("mentor.noActivities")}</Empty>
        ) : (
          <ul>
            {milestone.activities.map((a, i) => (
              <li key={i}>
                {a.title}
                {a.output && <span className="muted"> — {t("mentor.activityOutput", { output: a.output })}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** The milestone's evidence with its status, each opening the evidence review. */
function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  return (
    <section className="panel review-panel" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t("mentor.evidenceList")}</h2>
      {evidence.length === 0 ? (
        <Empty>{t("mentor.noEvidence")}</Empty>
      ) : (
          <ul className="list">
            {evidence.map((e) => (
              <li key={e.id} className="queue-item">
                <div className="queue-main">
                  <Link href={`/telaah/bukti/${encodeURIComponent(e.id)}`}>{e.title}</Link>{" "}
                  <span className="muted">({e.kind === "link" ? t("mentor.link") : e.fileName ?? e.mediaType})</span>
                </div>
                <p>
                  <Badge tone={evidenceTone(e.status)}>{statusLabel("evidenceStatus", e.status)}</Badge>{" "}
                  <span className="muted">{t("mentor.submittedOn", { date: formatDateTime(e.submittedAt) })}</span>
                </p>
              </li>
            ))}
          </ul>
      )}
    </section>
  );
}
