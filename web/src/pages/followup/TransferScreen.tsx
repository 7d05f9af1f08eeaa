// One mentor transfer at /usulan-mentor/:transferId: the proposed mentor
// accepts it (becoming the mentor at once) or declines it with an optional
// comment; the participant may cancel it while it waits.
import { useContext, useState, type FormEvent } from "react";
import { api, ok } from "../../api";
import { formatDateTime } from "../../format";
import { t } from "../../i18n";
import { MeContext, useMe } from "../../me";
import { offers } from "../../offers";
import { Link } from "../../router";
import { Badge, Button, Load, PageTitle, ProblemAlert, reword, TextArea, useAction, useLoad } from "../../ui";
import { transferStatus, transferTone, type MentorTransfer } from "./model";
import "./followup.css";

/** The 409 of a decision: the proposal no longer waits. */
export const decidedAlready = { details: { 409: t("followup.transfer.notPending") } };

/** The mentor transfer screen. */
export function TransferScreen({ transferId }: { transferId: string }) {
  const me = useMe();
  const loaded = useLoad(() => ok(api.GET("/v1/mentor-transfers/{transferId}", { params: { path: { transferId } } })), [transferId]);
  // The transfer as answered by a decision, until a reload brings it again.
  const [decided, setDecided] = useState<MentorTransfer>();
  const transfer = decided?.id === transferId && (!loaded.data || decided.version >= loaded.data.version) ? decided : loaded.data;
  const invited = transfer?.mentorId === me.user.id;
  const title = transfer && !invited ? t("followup.transfer.titleParticipant") : t("followup.transfer.title");

  return (
    <div className="fu">
      <PageTitle title={title} />
      <Load loaded={{ ...loaded, data: transfer }}>
        {(tr) => (
          <>
            <TransferFacts transfer={tr} invited={tr.mentorId === me.user.id} />
            {offers(tr, "confirm-mentor-transfer") && <ConfirmTransfer transfer={tr} onDecided={setDecided} reload={loaded.reload} />}
            {offers(tr, "accept-mentor-transfer") && <Decide transfer={tr} onDecided={setDecided} reload={loaded.reload} />}
            {offers(tr, "cancel-mentor-transfer") && <CancelTransfer transfer={tr} onCancelled={setDecided} reload={loaded.reload} />}
            {tr.status === "accepted" && (tr.mentorId === me.user.id || tr.participantId === me.user.id) && (
              <p>
                <Link href={`/proyek/${tr.projectId}`} className="btn btn-primary">
                  {t("followup.transfer.openProject")}
                </Link>
              </p>
            )}
          </>
        )}
      </Load>
    </div>
  );
}

/** What was proposed, by whom, and what became of it. */
export function TransferFacts({ transfer: tr, invited }: { transfer: MentorTransfer; invited: boolean }) {
  return (
    <section className="panel" aria-labelledby="usulan-h">
      <h2 id="usulan-h">{invited ? t("followup.transfer.askedYou", { name: tr.participantName }) : t("followup.transfer.proposedTo", { name: tr.mentorName })}</h2>
      <p>
        <Badge tone={transferTone(tr.status)}>{transferStatus(tr.status)}</Badge>
        {tr.decidedAt && <span className="muted">{formatDateTime(tr.decidedAt)}</span>}
      </p>
      <dl className="fu-facts">
        <div>
          <dt>{t("followup.transfer.participant")}</dt>
          <dd>{tr.participantName}</dd>
        </div>
        <div>
          <dt>{t("followup.transfer.project")}</dt>
          <dd>{tr.projectTitle || t("followup.transfer.untitled")}</dd>
        </div>
        <div>
          <dt>{t("followup.transfer.previousMentor")}</dt>
          <dd>{tr.previousMentorName}</dd>
        </div>
        <div>
          <dt>{t("followup.transfer.newMentor")}</dt>
          <dd>{tr.mentorName}</dd>
        </div>
        <div>
          <dt>{t("followup.transfer.proposedAt")}</dt>
          <dd>{formatDateTime(tr.createdAt)}</dd>
        </div>
        {tr.note && (
          <div className="fu-wide">
            <dt>{t("followup.transfer.note")}</dt>
            <dd className="fu-text">{tr.note}</dd>
          </div>
        )}
        {tr.comment && (
          <div className="fu-wide">
            <dt>{t("followup.transfer.comment")}</dt>
            <dd className="fu-text">{tr.comment}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** The proposed mentor's answer: accept (after a confirmation) or decline with a comment. */
function Decide({ transfer: tr, onDecided, reload }: { transfer: MentorTransfer; onDecided: (t: MentorTransfer) => void; reload: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [comment, setComment] = useState("");
  const meContext = useContext(MeContext);
  const accept = useAction();
  const decline = useAction();
  const busy = accept.busy || decline.busy;

  const doAccept = () =>
    accept.run(async () => {
      onDecided(await ok(api.POST("/v1/mentor-transfers/{transferId}/accept", { params: { path: { transferId: tr.id } } })));
      // Now a mentor in the cohort: the frame shows the review queue.
      meContext?.reload();
    });
  const doDecline = (e: FormEvent) => {
    e.preventDefault();
    void decline.run(async () => {
      const body = comment.trim() ? { comment: comment.trim() } : {};
      onDecided(await ok(api.POST("/v1/mentor-transfers/{transferId}/decline", { params: { path: { transferId: tr.id } }, body })));
    });
  };
  const stale = accept.error?.problem.status === 409 || decline.error?.problem.status === 409;

  return (
    <section className="panel" aria-labelledby="jawaban-h">
      <h2 id="jawaban-h">{t("followup.transfer.answer")}</h2>
      <p>{t("followup.transfer.acceptMeans", { previous: tr.previousMentorName })}</p>
      <ProblemAlert error={reword(accept.error, decidedAlready)} retry={stale ? reload : undefined} />
      {!confirming ? (
        <div className="actions">
          <Button className="btn-ok" onClick={() => setConfirming(true)} disabled={busy}>
            {t("followup.transfer.accept")}
          </Button>
        </div>
      ) : (
        <div className="fu-confirm" role="group" aria-label={t("followup.transfer.accept")}>
          <p>{t("followup.transfer.acceptConfirm", { name: tr.participantName })}</p>
          <div className="actions">
            <Button className="btn-ok" busy={accept.busy} busyLabel={t("followup.working")} onClick={() => void doAccept()} disabled={decline.busy}>
              {t("followup.transfer.acceptYes")}
            </Button>
            <Button onClick={() => setConfirming(false)} disabled={busy}>
              {t("common.cancel")}
            </Button>
          </div>
        </div>
      )}
      <SayNo title={t("followup.transfer.declineTitle")} submit={t("followup.transfer.decline")} action={decline} otherBusy={accept.busy}
        comment={comment} setComment={setComment} onSubmit={doDecline} retry={stale ? reload : undefined} />
    </section>
  );
}

/** An organizer's answer to a proposed mentor from outside the participant's agency: confirm (the mentor is then asked) or refuse with a comment. */
function ConfirmTransfer({ transfer: tr, onDecided, reload }: { transfer: MentorTransfer; onDecided: (t: MentorTransfer) => void; reload: () => void }) {
  const [comment, setComment] = useState("");
  const confirm = useAction();
  const refuse = useAction();
  const stale = confirm.error?.problem.status === 409 || refuse.error?.problem.status === 409;
  const doConfirm = () =>
    confirm.run(async () => onDecided(await ok(api.POST("/v1/mentor-transfers/{transferId}/confirm", { params: { path: { transferId: tr.id } } }))));
  const doRefuse = (e: FormEvent) => {
    e.preventDefault();
    void refuse.run(async () => {
      const body = comment.trim() ? { comment: comment.trim() } : {};
      onDecided(await ok(api.POST("/v1/mentor-transfers/{transferId}/refuse", { params: { path: { transferId: tr.id } }, body })));
    });
  };
  return (
    <section className="panel" aria-labelledby="konfirmasi-h">
      <h2 id="konfirmasi-h">{t("followup.transfer.organizerTitle")}</h2>
      <p>{t("followup.transfer.organizerMeans", { name: tr.mentorName })}</p>
      <ProblemAlert error={reword(confirm.error, decidedAlready)} retry={stale ? reload : undefined} />
      <div className="actions">
        <Button className="btn-ok" busy={confirm.busy} busyLabel={t("followup.working")} onClick={() => void doConfirm()} disabled={refuse.busy}>
          {t("followup.transfer.confirm")}
        </Button>
      </div>
      <SayNo title={t("followup.transfer.refuseTitle")} submit={t("followup.transfer.refuse")} action={refuse} otherBusy={confirm.busy}
        comment={comment} setComment={setComment} onSubmit={doRefuse} retry={stale ? reload : undefined} />
    </section>
  );
}

/** A "no" with an optional reason for the participant: the proposed mentor's decline, or an organizer's refusal. */
function SayNo(props: {
  title: string;
  submit: string;
  action: ReturnType<typeof useAction>;
  otherBusy: boolean;
  comment: string;
  setComment: (comment: string) => void;
  onSubmit: (e: FormEvent) => void;
  retry?: () => void;
}) {
  const { action } = props;
  return (
    <form onSubmit={props.onSubmit} noValidate className="fu-decline">
      <h3>{props.title}</h3>
      <ProblemAlert error={reword(action.error, decidedAlready)} retry={props.retry} fieldsShown />
      <TextArea
        label={t("followup.transfer.declineComment")}
        name="comment"
        hint={t("followup.transfer.declineHint")}
        maxLength={10000}
        rows={3}
        value={props.comment}
        onChange={(e) => props.setComment(e.target.value)}
        problem={action.error?.problem}
      />
      <Button type="submit" className="btn-danger" busy={action.busy} busyLabel={t("followup.working")} disabled={props.otherBusy}>
        {props.submit}
      </Button>
    </form>
  );
}

/** The participant takes back a waiting proposal, after a confirmation. */
export function CancelTransfer({ transfer: tr, onCancelled, reload }: { transfer: MentorTransfer; onCancelled: (t: MentorTransfer) => void; reload: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const cancel = () =>
    action.run(async () => {
      onCancelled(await ok(api.POST("/v1/mentor-transfers/{transferId}/cancel", { params: { path: { transferId: tr.id } } })));
      setConfirming(false);
    });
  return (
    <div className="fu-cancel">
      <ProblemAlert error={reword(action.error, decidedAlready)} retry={action.error?.problem.status === 409 ? reload : undefined} />
      {!confirming ? (
        <Button className="btn-danger" onClick={() => setConfirming(true)}>
          {t("followup.transfer.cancel")}
        </Button>
      ) : (
        <div className="fu-confirm" role="group" aria-label={t("followup.transfer.cancel")}>
          <p>{t("followup.transfer.cancelConfirm", { name: tr.mentorName })}</p>
          <div className="actions">
            <Button className="btn-danger" busy={action.busy} busyLabel={t("followup.working")} onClick={() => void cancel()}>
              {t("followup.transfer.cancelYes")}
            </Button>
            <Button onClick={() => setConfirming(false)} disabled={action.busy}>
              {t("followup.transfer.keep")}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
