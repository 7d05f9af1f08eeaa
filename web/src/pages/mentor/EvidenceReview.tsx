// The review of evidence at /telaah/bukti/:evidenceId: its facts, the file
// shown inline (images and PDFs; other types to download) or the link, and
// the mentor's decision (approve, or reject with a comment).
import { useEffect, useState } from "react";
import { api, ok, type Schema } from "../../api";
import { formatDateTime, formatSize } from "../../format";
import { t } from "../../i18n";
import { Link } from "../../router";
import { offers, whyRefused } from "../../offers";
import { Badge, Load, PageTitle, statusLabel, useLoad } from "../../ui";
import { evidenceTone } from "../participant/model";
import { BackToQueue, DecisionForm, Outcome, type Decision } from "./review";
import "./mentor.css";

type Evidence = Schema<"Evidence">;

/** Image types a browser shows in an <img> (HEIC it does not). */
const inlineImages = ["image/png", "image/jpeg", "image/gif", "image/webp"];

/** The evidence review screen at /telaah/bukti/:evidenceId, for the participant's mentor. */
export function EvidenceReview({ evidenceId }: { evidenceId: string }) {
  const loaded = useLoad(async () => {
    const evidence = await ok(api.GET("/v1/evidence/{evidenceId}", { params: { path: { evidenceId } } }));
    const milestone = await ok(api.GET("/v1/milestones/{milestoneId}", { params: { path: { milestoneId: evidence.milestoneId } } }));
    const project = await ok(api.GET("/v1/projects/{projectId}", { params: { path: { projectId: milestone.projectId } } }));
    const participant = await ok(api.GET("/v1/users/{userId}", { params: { path: { userId: project.participantId } } }));
    return { evidence, milestone, project, participant };
  }, [evidenceId]);
  const [decided, setDecided] = useState<{ evidence: Evidence; decision: Decision }>();

  const decide = async (decision: Decision, comment: string) => {
    const body: Schema<"EvidenceReview"> =
      decision === "approve" ? { decision: "approve", ...(comment.trim() ? { comment } : {}) } : { decision: "reject", comment };
    setDecided({ evidence: await ok(api.POST("/v1/evidence/{evidenceId}/reviews", { params: { path: { evidenceId } }, body })), decision });
  };

  return (
    <>
      <BackToQueue />
      <PageTitle title={t("mentor.evidenceTitle")} />
      <Load loaded={loaded}>
        {({ evidence: read, milestone, project, participant }) => {
          const evidence = decided?.evidence ?? read;
          const refused = whyRefused(evidence, "review-evidence");
          const milestoneHref = `/telaah/tahapan/${encodeURIComponent(milestone.id)}`;
          return (
            <>
              <EvidenceFacts evidence={evidence} milestone={milestone} milestoneHref={milestoneHref} project={project} participantName={participant.name} />
              <section className="panel review-panel review-viewer" aria-labelledby="viewer-heading">
                <h2 id="viewer-heading">{t("mentor.viewer")}</h2>
                {evidence.kind === "link" ? <EvidenceLink url={evidence.url} /> : <FileViewer evidence={evidence} />}
              </section>
              {decided ? (
                <Outcome tone="ok" current={evidenceId} message={decided.decision === "approve" ? t("mentor.evidenceApproved") : t("mentor.evidenceRejected")}>
                  <Link href={milestoneHref} className="btn">
                    {t("mentor.toMilestone")}
                  </Link>
                </Outcome>
              ) : offers(evidence, "review-evidence") ? (
                <DecisionForm
                  approveLabel={t("mentor.approveEvidence")}
                  declineLabel={t("mentor.rejectEvidence")}
                  hint={t("mentor.commentHintReject")}
                  decide={decide}
                />
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

/** The evidence's facts: title, description, file, status, and the milestone it proves. */
function EvidenceFacts({
  evidence,
  milestone,
  milestoneHref,
  project,
  participantName,
}: {
  evidence: Evidence;
  milestone: Schema<"Milestone">;
  milestoneHref: string;
  project: Schema<"Project">;
  participantName: string;
}) {
  return (
    <section className="panel review-panel" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{evidence.title}</h2>
      <dl className="review-meta">
        <dt>{t("mentor.participant")}</dt>
        <dd>{participantName}</dd>
        <dt>{t("mentor.project")}</dt>
        <dd>
          <Link href={`/proyek/${encodeURIComponent(project.id)}`}>{project.title || t("mentor.notFilled")}</Link>
        </dd>
        <dt>{t("mentor.evidenceOf")}</dt>
        <dd>
          <Link href={milestoneHref}>{milestone.title}</Link>
        </dd>
        <dt>{t("mentor.description")}</dt>
        <dd className="review-text">{evidence.description.trim() || t("common.none")}</dd>
        {evidence.kind === "file" ? (
          <>
            <dt>{t("mentor.fileName")}</dt>
            <dd>{evidence.fileName ?? t("common.none")}</dd>
            <dt>{t("mentor.size")}</dt>
            <dd>{evidence.size !== undefined ? formatSize(evidence.size) : t("common.none")}</dd>
            <dt>{t("mentor.mediaType")}</dt>
            <dd>{evidence.mediaType ?? t("common.none")}</dd>
          </>
        ) : (
          <>
            <dt>{t("mentor.link")}</dt>
            <dd className="review-link">{evidence.url ?? t("common.none")}</dd>
          </>
        )}
        <dt>{t("mentor.submittedAt")}</dt>
        <dd>{formatDateTime(evidence.submittedAt)}</dd>
        <dt>{t("mentor.status")}</dt>
        <dd>
          <Badge tone={evidenceTone(evidence.status)}>{statusLabel("evidenceStatus", evidence.status)}</Badge>
          {evidence.reviewedAt && (
            <span className="muted">
              {" "}
              {t("mentor.reviewedAt")} {formatDateTime(evidence.reviewedAt)}
            </span>
          )}
        </dd>
        {evidence.reviewComment && (
          <>
            <dt>{t("mentor.reviewComment")}</dt>
            <dd>{evidence.reviewComment}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** A link evidence: the URL, opened in a new tab (only http and https are made links). */
function EvidenceLink({ url }: { url: string | undefined }) {
  if (!url) return <p className="empty">{t("common.none")}</p>;
  const safe = /^https?:\/\//i.test(url);
  return (
    <p className="review-link">
      {safe ? (
        <a href={url} target="_blank" rel="noopener noreferrer">
          {url} <span className="muted">({t("mentor.openLink")})</span>
        </a>
      ) : (
        url
      )}
    </p>
  );
}

/**
 * The file of the evidence, fetched with the bearer token into a Blob and
 * shown from an object URL: images in an <img>, PDFs in an <iframe>, other
 * types as a download. The URL is revoked when the viewer goes away.
 */
function FileViewer({ evidence }: { evidence: Evidence }) {
  const file = useLoad(
    () => ok(api.GET("/v1/evidence/{evidenceId}/content", { params: { path: { evidenceId: evidence.id } }, parseAs: "blob" })),
    [evidence.id],
  );
  const url = useObjectUrl(file.data, evidence.mediaType);
  const type = evidence.mediaType ?? "";
  return (
    <Load loaded={file}>
      {() =>
        url ? (
          <>
            {inlineImages.includes(type) ? (
              <img src={url} alt={evidence.title} />
            ) : type === "application/pdf" ? (
              <iframe src={url} title={evidence.title} />
            ) : (
              <p>{t("mentor.noPreview")}</p>
            )}
            <div className="actions">
              <a href={url} download={evidence.fileName ?? "bukti"} className="btn">
                {t("mentor.download")}
              </a>
            </div>
          </>
        ) : (
          <p className="muted">{t("mentor.loadingFile")}</p>
        )
      }
    </Load>
  );
}

/** An object URL for blob (as the given media type), revoked when it changes or on unmount. */
function useObjectUrl(blob: Blob | undefined, type: string | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return;
    const typed = type && blob.type !== type ? new Blob([blob], { type }) : blob;
    const u = URL.createObjectURL(typed);
    setUrl(u);
    return () => {
      URL.revokeObjectURL(u);
      setUrl(undefined);
    };
  }, [blob, type]);
  return url;
}
