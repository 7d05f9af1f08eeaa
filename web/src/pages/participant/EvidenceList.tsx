// The evidence of one milestone (list-evidence): each with its status, file
// or link, the mentor's review (as the timeline tells it, naming the
// reviewer, or else the evidence's own review comment), and for the
// participant the withdrawal of evidence still waiting for review.
import { useState } from "react";
import { api, ok } from "../../api";
import { formatDateTime, formatSize } from "../../format";
import { t } from "../../i18n";
import { Badge, Button, Empty, Load, ProblemAlert, reword, statusLabel, useAction, useLoad } from "../../ui";
import { EvidenceUpload } from "./EvidenceUpload";
import { evidenceTone, latestReview, type TimelineEntry } from "./model";
import { downloadEvidence, type Evidence } from "./upload";

type Props = {
  milestoneId: string;
  milestoneTitle: string;
  isParticipant: boolean;
  /** Whether the participant may add evidence to this milestone now. */
  canUpload: boolean;
  timeline: TimelineEntry[] | undefined;
  /** Called after evidence was added or withdrawn. */
  onChanged: () => void;
};

/** The milestone's evidence with, for its participant, the upload form. */
export function EvidenceList({ milestoneId, milestoneTitle, isParticipant, canUpload, timeline, onChanged }: Props) {
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
            <ul className="list evidence-list">
              {data.items.map((e) => (
                <EvidenceItem key={e.id} evidence={e} isParticipant={isParticipant} timeline={timeline} onChanged={changed} />
              ))}
            </ul>
          )
        }
      </Load>
      {isParticipant && canUpload && <EvidenceUpload milestoneId={milestoneId} milestoneTitle={milestoneTitle} onUploaded={changed} />}
    </div>
  );
}

function EvidenceItem({ evidence: e, isParticipant, timeline, onChanged }: { evidence: Evidence; isParticipant: boolean; timeline: TimelineEntry[] | undefined; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const withdraw = useAction();
  const download = useAction();
  const reviewed = e.status === "approved" || e.status === "rejected";
  const review = reviewed ? (latestReview(timeline, e.id, ["evidence.rejected", "evidence.approved"])?.summary ?? e.reviewComment) : undefined;
  const doWithdraw = () =>
    withdraw.run(async () => {
      await ok(api.DELETE("/v1/evidence/{evidenceId}", { params: { path: { evidenceId: e.id } } }));
      setConfirming(false);
      onChanged();
    });
  return (
    <li className="evidence-item">
      <div className="evidence-head">
        <strong>{e.title}</strong> <Badge tone={evidenceTone(e.status)}>{statusLabel("evidenceStatus", e.status)}</Badge>
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
        <p className={"review-note" + (e.status === "rejected" ? " review-rejected" : "")}>
          <span className="muted">{t("participant.evidence.review")}</span> {review}
        </p>
      )}
      <ProblemAlert error={reword(withdraw.error, { details: { 409: t("participant.evidence.withdrawRefused") } }) ?? download.error} />
      <div className="actions">
        {e.kind === "file" && (
          <Button className="btn-small" busy={download.busy} busyLabel={t("participant.working")} onClick={() => void download.run(() => downloadEvidence(e))}>
            {t("participant.evidence.download")} <span className="visually-hidden">{e.fileName ?? e.title}</span>
          </Button>
        )}
        {isParticipant && e.status === "submitted" && !confirming && (
          <Button className="btn-small btn-danger" onClick={() => setConfirming(true)}>
            {t("participant.evidence.withdraw")} <span className="visually-hidden">{e.title}</span>
          </Button>
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
