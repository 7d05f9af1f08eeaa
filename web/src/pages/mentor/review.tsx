// Pieces the review screens share: the labels of what waits, how long it has
// waited, the decision form (comment with approve and a negative decision)
// and the outcome shown once the decision is made.
import { useState, type FormEvent, type ReactNode } from "react";
import { api, ok, type Schema } from "../../api";
import { t } from "../../i18n";
import { Link } from "../../router";
import { Button, ProblemAlert, TextArea, useAction, useFocusOnShow, useLoad } from "../../ui";

/** The kind of a review-queue item. */
export type QueueKind = Schema<"ReviewQueueItem">["kind"];

/** The label of a kind of review-queue item ("Rancangan proyek", …). */
export function kindLabel(kind: QueueKind): string {
  return t(`mentor.kind.${kind}`);
}

/**
 * The screen that reviews a queue item: items carry the id of the design's
 * project, the milestone or the evidence; a change request is decided on its
 * project's screen, beside the plan it changes.
 */
export function reviewPath(item: Pick<Schema<"ReviewQueueItem">, "kind" | "id" | "projectId">): string {
  const base = { design: "/telaah/rancangan/", milestone: "/telaah/tahapan/", evidence: "/telaah/bukti/", change_request: "" }[item.kind];
  return base ? base + encodeURIComponent(item.id) : "/proyek/" + encodeURIComponent(item.projectId) + "#tahapan";
}

/** How long something submitted at since has waited by now: "menunggu 3 hari". */
export function waitedLabel(since: string, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
  if (minutes >= 24 * 60) return t("mentor.waitedDays", { count: Math.floor(minutes / (24 * 60)) });
  if (minutes >= 60) return t("mentor.waitedHours", { count: Math.floor(minutes / 60) });
  if (minutes >= 1) return t("mentor.waitedMinutes", { count: minutes });
  return t("mentor.waitedJustNow");
}

/** The two decisions a review form offers: approve, or the negative one (return or reject). */
export type Decision = "approve" | "decline";

/**
 * The decision on a design, milestone or evidence: a comment (required by the
 * API for the negative decision; its problem shows next to the field) and
 * the two buttons. The comment stays when a call fails.
 */
export function DecisionForm({
  approveLabel,
  declineLabel,
  hint,
  approveBlocked,
  decide,
}: {
  approveLabel: string;
  declineLabel: string;
  hint: string;
  /** Why approving cannot succeed yet, if so: shown, and the button disabled. */
  approveBlocked?: string | undefined;
  decide: (decision: Decision, comment: string) => Promise<void>;
}) {
  const [comment, setComment] = useState("");
  const [pending, setPending] = useState<Decision>("approve");
  const action = useAction();
  const submit = (decision: Decision) => {
    setPending(decision);
    void action.run(() => decide(decision, comment));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit("approve");
  };
  return (
    <section className="panel review-panel" aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t("mentor.decision")}</h2>
      {approveBlocked && <p className="alert alert-info">{approveBlocked}</p>}
      <ProblemAlert error={action.error} fieldsShown />
      <form onSubmit={onSubmit} noValidate>
        <TextArea label={t("common.comment")} name="comment" hint={hint} value={comment} onChange={(e) => setComment(e.target.value)} problem={action.problem} maxLength={10000} />
        <div className="actions">
          <Button type="submit" className="btn-ok" busy={action.busy && pending === "approve"} disabled={action.busy || approveBlocked !== undefined}>
            {approveLabel}
          </Button>
          <Button type="button" className="btn-danger" busy={action.busy && pending === "decline"} disabled={action.busy} onClick={() => submit("decline")}>
            {declineLabel}
          </Button>
        </div>
      </form>
    </section>
  );
}

/**
 * What a decision did, with the way onwards: the next item of the review
 * queue (or the queue, when nothing else waits), back to the queue, and
 * more. current is the id of the item just decided, which the queue may
 * still list for a moment.
 */
export function Outcome({ tone, message, current, children }: { tone: "ok" | "info"; message: string; current: string; children?: ReactNode }) {
  const heading = useFocusOnShow<HTMLHeadingElement>(true);
  return (
    <section className={`alert alert-${tone}`} aria-labelledby="review-outcome-heading">
      <h2 id="review-outcome-heading" ref={heading} tabIndex={-1} className="review-outcome-heading">
        {t("mentor.outcome")}
      </h2>
      <p role="status">{message}</p>
      <div className="actions">
        <NextReview current={current} />
        {children}
        <Link href="/telaah" className="btn">
          {t("mentor.backToQueue")}
        </Link>
      </div>
    </section>
  );
}

/** "Telaah berikutnya": the oldest item still waiting in the reader's review queue, or the queue when it is empty. */
function NextReview({ current }: { current: string }) {
  const queue = useLoad(() => ok(api.GET("/v1/review-queue", { params: { query: { limit: 20 } } })), []);
  if (queue.loading && !queue.data) return null;
  const next = queue.data?.items.find((item) => item.id !== current);
  return (
    <Link href={next ? reviewPath(next) : "/telaah"} className="btn btn-primary" data-next-review={next ? reviewPath(next) : "/telaah"}>
      {t("mentor.nextReview")}
      {next && <span className="visually-hidden">{`: ${kindLabel(next.kind)} — ${next.title} (${next.participantName})`}</span>}
      {!next && <span className="visually-hidden">{`: ${t("mentor.queueEmpty")}`}</span>}
    </Link>
  );
}

/** The link back to the queue, shown above a review. */
export function BackToQueue() {
  return (
    <p className="review-back">
      <Link href="/telaah">← {t("mentor.backToQueue")}</Link>
    </p>
  );
}
