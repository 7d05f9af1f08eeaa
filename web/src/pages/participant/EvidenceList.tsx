// The evidence of one milestone (list-evidence): each with its status, file
// or link, the mentor's review comment, and the steps each
// answer offers: the withdrawal of evidence still waiting for review (the
// participant), its review (the mentor), and the upload of more.
import { useState } from "react";
import { api, ok } from "../../api";
import { formatDateTime, formatSize } from "../../format";
import { t } from "../../i18n";
import { offers } from "../../offers";
import { Link } from "../../router";
import { Badge, Button, Empty, Load, ProblemAlert, statusLabel, useAction, useLoad } from "../../ui";
import { EvidenceUpload } from "./EvidenceUpload";
import { evidenceTone, type Milestone } from "./model";
import { downloadEvidence, type Evidence } from "./upload";

type Props = {
  milestone: Milestone;
  /** Called after evidence was added or withdrawn. */
  onChanged: () => void;
};

/** The milestone's evidence with the upload form, when the milestone's answer offers submit-evidence. */
export function EvidenceList({ milestone, onChanged }: Props) {
  const milestoneId = milestone.id;
  const [round, setRound] = useState(0);
  const list = useLoad(() => ok(api.GET("/v1/milestones/{milestoneId}/evidence", { params: { path: { milestoneId }, query: { limit: 200 } } })), [milestoneId, round]);
  const changed = () => {
    setRound((r) => r + 1);
    onChanged();
  };
  return (
    <div className="evidence">
      <h5>{t("participant.evidence.title")}</h5>
      <Load loaded={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("participant.evidence.none")}</Empty>
          ) : (
            groupsOf(milestone, data.items).map((g) => (
              <div key={g.key} className="evidence-group">
                {g.heading && <h6>{g.heading}</h6>}
                {g.output && <p className="muted">{g.output}</p>}
                {g.items.length === 0 ? (
                  <Empty>{t("participant.evidence.none")}</Empty>
                ) : (
                  <ul className="list evidence-list">
                    {g.items.map((e) => (
                      <EvidenceItem key={e.id} evidence={e} onChanged={changed} />
                    ))}
                  </ul>
                )}
              </div>
            ))
          )
        }
      </Load>
      {offers(milestone, "submit-evidence") && <EvidenceUpload milestoneId={milestoneId} milestoneTitle={milestone.title} activities={milestone.activities} onUploaded={changed} />}
    </div>
  );
}

/** A milestone's evidence by activity: one group per activity (with its expected output), then the evidence that names none. */
function groupsOf(milestone: Milestone, items: Evidence[]) {
  const ids = new Set(milestone.activities.map((a) => a.id));
  const groups = milestone.activities.map((a) => ({
    key: a.id ?? a.title,
    heading: t("participant.evidence.activity", { title: a.title }),
    output: a.output ? t("participant.evidence.output", { output: a.output }) : "",
    items: items.filter((e) => e.activityId === a.id),
  }));
  const others = items.filter((e) => !e.activityId || !ids.has(e.activityId));
  if (others.length > 0) groups.push({ key: "others", heading: milestone.activities.length > 0 ? t("participant.evidence.noActivity") : "", output: "", items: others });
  return groups;
}

function EvidenceItem({ evidence: e, onChanged }: { evidence: Evidence; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const withdraw = useAction();
  const download = useAction();
  // Only reviewed evidence has a review comment.
  const review = e.reviewComment;
  const doWithdraw = () =>
    withdraw.run(async () => {
      await ok(api.DELETE("/v1/evidence/{evidenceId}", { params: { path: { evidenceId: e.id } } }));
      setConfirming(false);
      onChanged();
    });
  return (
    <li className="evidence-item" data-evidence={e.id} id={`bukti-${e.id}`}>
      <div className="evidence-head">
        <strong>{e.title}</strong> {e.type && <Badge tone="muted">{t(`evidenceType.${e.type}`)}</Badge>} <Badge tone={evidenceTone(e.status)}>{statusLabel("evidenceStatus", e.status)}</Badge>
      </div>
      <p className="muted evidence-meta">
        {e.kind === "file" ? (
          <>
            <span className="file-name">{e.fileName}</span>
            {e.size != null && <> · {formatSize(e.size)}</>}
          </>
        ) : (
          <>
            {t("participant.evidence.link")}:{" "}
            <a href={e.url ?? undefined} target="_blank" rel="noopener noreferrer" className="file-name">
              {e.url}
            </a>
          </>
        )}{" "}
        · {t("participant.evidence.submittedAt", { at: formatDateTime(e.submittedAt) })}
      </p>
      {e.description && <p className="evidence-description">{e.description}</p>}
      {review && (
        <p className={"review-note" + (evidenceTone(e.status) === "bad" ? " review-rejected" : "")}>
          <span className="muted">{t("participant.evidence.review")}</span> {review}
        </p>
      )}
      <ProblemAlert error={withdraw.error ?? download.error} />
      <div className="actions">
        {e.kind === "file" && (
          <Button className="btn-small" busy={download.busy} busyLabel={t("participant.working")} onClick={() => void download.run(() => downloadEvidence(e))}>
            {t("participant.evidence.download")} <span className="visually-hidden">{e.fileName ?? e.title}</span>
          </Button>
        )}
        {offers(e, "withdraw-evidence") && !confirming && (
          <Button className="btn-small btn-danger" data-action="withdraw-evidence" onClick={() => setConfirming(true)}>
            {t("participant.evidence.withdraw")} <span className="visually-hidden">{e.title}</span>
          </Button>
        )}
        {offers(e, "review-evidence") && (
          <Link href={`/telaah/bukti/${encodeURIComponent(e.id)}`} className="btn btn-small btn-primary" data-action="review-evidence">
            {t("participant.evidence.reviewIt")} <span className="visually-hidden">{e.title}</span>
          </Link>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="group" aria-label={t("participant.evidence.withdraw")}>
          <p>{t("participant.evidence.withdrawConfirm", { title: e.title })}</p>
          <div className="actions">
            <Button className="btn-small btn-danger" busy={withdraw.busy} busyLabel={t("participant.working")} onClick={() => void doWithdraw()}>
              {t("participant.evidence.withdrawYes")}
            </Button>
            <Button className="btn-small" onClick={() => setConfirming(false)} disabled={withdraw.busy}>
              {t("common.cancel")}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}
