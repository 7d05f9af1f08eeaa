// "Ganti mentor" on the participant's project screen: the current mentor,
// a proposal of a new one (who must accept), the waiting proposal with a way
// to take it back, and the earlier proposals with their outcome.
import { useState, type FormEvent } from "react";
import { api, fieldMessage, idempotencyKey, ok, type Problem, type Schema } from "../../api";
import { formatDateTime } from "../../format";
import { t } from "../../i18n";
import { useMe } from "../../me";
import { offers } from "../../offers";
import { Link } from "../../router";
import { Badge, Button, Field, Load, ProblemAlert, reword, TextArea, useAction, useLoad } from "../../ui";
import { transferStatus, transferTone, type MentorTransfer } from "./model";
import { PersonSearch } from "../../PersonSearch";
import { CancelTransfer } from "./TransferScreen";
import "./followup.css";

type Project = Schema<"Project">;
type User = Schema<"User">;

/** The messages of propose-mentor-transfer, in Indonesian. */
const proposeWording = {
  details: { 409: t("followup.propose.onePending") },
  codes: {
    "transfer.mentor_required": t("followup.propose.mentorRequired"),
    "transfer.mentor_email_unknown": t("followup.propose.noUser"),
    "transfer.same_mentor": t("followup.propose.already"),
    "enrollment.self": t("followup.propose.notYourself"),
  },
};

/** Every proposal of the enrollment, oldest first (all pages). */
async function loadTransfers(enrollmentId: string): Promise<MentorTransfer[]> {
  const all: MentorTransfer[] = [];
  let cursor: string | undefined;
  do {
    const page = await ok(api.GET("/v1/enrollments/{enrollmentId}/mentor-transfers", { params: { path: { enrollmentId }, query: { limit: 200, cursor } } }));
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** The project's enrollment (whose answer says who may propose a new mentor), with the current mentor's name. */
async function loadEnrollment(enrollmentId: string): Promise<{ enrollment: Schema<"Enrollment">; mentorName: string }> {
  const enrollment = await ok(api.GET("/v1/enrollments/{enrollmentId}", { params: { path: { enrollmentId } } }));
  const mentor = await ok(api.GET("/v1/users/{userId}", { params: { path: { userId: enrollment.mentorId } } }));
  return { enrollment, mentorName: mentor.name };
}

/** The mentor panel of the project screen, when the enrollment's answer offers propose-mentor-transfer (to its participant). */
export function MentorChange({ project, onChanged }: { project: Project; onChanged: () => void }) {
  const [round, setRound] = useState(0);
  const enrollment = useLoad(() => loadEnrollment(project.enrollmentId), [project.enrollmentId, round]);
  if (!offers(enrollment.data?.enrollment, "propose-mentor-transfer")) return null;
  const changed = () => {
    setRound((r) => r + 1);
    onChanged();
  };
  return <MentorPanel project={project} mentorName={enrollment.data?.mentorName} onChanged={changed} />;
}

/** The current mentor, the proposal of a new one or the one waiting, and the earlier proposals. */
function MentorPanel({ project, mentorName, onChanged }: { project: Project; mentorName: string | undefined; onChanged: () => void }) {
  const transfers = useLoad(() => loadTransfers(project.enrollmentId), [project.enrollmentId]);
  const [done, setDone] = useState<string>();
  const changed = (message: string) => {
    setDone(message);
    transfers.reload();
    onChanged();
  };

  return (
    <section id="mentor" className="panel fu fu-mentor" aria-labelledby="mentor-h">
      <h2 id="mentor-h">{t("followup.propose.heading")}</h2>
      <p>
        <span className="muted">{t("followup.propose.current")}</span> <strong>{mentorName ?? t("common.none")}</strong>
      </p>
      {done && (
        <p className="alert alert-ok" role="status">
          {done}
        </p>
      )}
      <Load loaded={transfers}>
        {(list) => {
          // The proposal still open is the one that may be cancelled.
          const pending = list.find((x) => offers(x, "cancel-mentor-transfer"));
          const earlier = list.filter((x) => x !== pending).reverse();
          return (
            <>
              {pending ? (
                <PendingTransfer transfer={pending} reload={transfers.reload} onCancelled={() => changed(t("followup.propose.cancelled"))} />
              ) : (
                <ProposeForm project={project} onProposed={(x) => changed(t("followup.propose.sent", { name: x.mentorName }))} onOpen={() => setDone(undefined)} />
              )}
              {earlier.length > 0 && <EarlierTransfers transfers={earlier} />}
            </>
          );
        }}
      </Load>
    </section>
  );
}

/** The proposal waiting for the proposed mentor's answer, and cancelling it. */
function PendingTransfer({ transfer: tr, reload, onCancelled }: { transfer: MentorTransfer; reload: () => void; onCancelled: () => void }) {
  return (
    <div className="fu-pending">
      <p>
        <Badge tone={transferTone(tr.status)}>{transferStatus(tr.status)}</Badge>{" "}
        {t("followup.propose.waiting", { name: tr.mentorName, date: formatDateTime(tr.createdAt) })}
      </p>
      {tr.note && (
        <p className="fu-text">
          <span className="muted">{t("followup.transfer.note")}:</span> {tr.note}
        </p>
      )}
      <p>
        <Link href={`/usulan-mentor/${tr.id}`}>{t("followup.propose.details")}</Link>
      </p>
      <CancelTransfer transfer={tr} reload={reload} onCancelled={onCancelled} />
    </div>
  );
}

/** The proposal form, opened by a button: the new mentor (searched by organizers, else by e-mail) and a note. */
function ProposeForm({ project, onProposed, onOpen }: { project: Project; onProposed: (t: MentorTransfer) => void; onOpen: () => void }) {
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<User>();
  const [mentorEmail, setMentorEmail] = useState("");
  const [note, setNote] = useState("");
  const [key, setKey] = useState<{ body: string; key: string }>();
  const action = useAction();
  // Who may search accounts chooses the mentor by name; others type the e-mail address.
  const search = offers(me, "list-users");
  const problem = reword(action.error, proposeWording);

  if (!open) {
    return (
      <div>
        <p className="muted">{t("followup.propose.intro")}</p>
        <Button
          onClick={() => {
            onOpen();
            setOpen(true);
          }}
        >
          {t("followup.propose.open")}
        </Button>
      </div>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const mentor = search ? (chosen ? { mentorId: chosen.id } : {}) : { mentorEmail: mentorEmail.trim() };
      const body = { ...mentor, ...(note.trim() ? { note: note.trim() } : {}) };
      // The same body sent again (a retry) keeps its Idempotency-Key.
      const json = JSON.stringify(body);
      const k = key?.body === json ? key.key : idempotencyKey();
      setKey({ body: json, key: k });
      const created = await ok(
        api.POST("/v1/enrollments/{enrollmentId}/mentor-transfers", {
          params: { path: { enrollmentId: project.enrollmentId }, header: { "Idempotency-Key": k } },
          body,
        }),
      );
      onProposed(created);
    });
  };

  return (
    <form onSubmit={submit} noValidate className="fu-propose" aria-labelledby="usul-h">
      <h3 id="usul-h">{t("followup.propose.formTitle")}</h3>
      <p className="muted">{t("followup.propose.intro")}</p>
      <ProblemAlert error={problem} fieldsShown />
      {search ? (
        <ChosenOrSearch chosen={chosen} onChoose={setChosen} problem={problem?.problem} />
      ) : (
        <Field
          label={t("followup.propose.mentorEmail")}
          name="mentorEmail"
          type="email"
          hint={t("followup.propose.mentorEmailHint")}
          autoComplete="off"
          spellCheck={false}
          value={mentorEmail}
          onChange={(e) => setMentorEmail(e.target.value)}
          problem={problem?.problem}
        />
      )}
      <TextArea
        label={t("followup.propose.note")}
        name="note"
        hint={t("followup.propose.noteHint")}
        rows={3}
        maxLength={10000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        problem={problem?.problem}
      />
      <div className="actions">
        <Button type="submit" className="btn-primary" busy={action.busy} busyLabel={t("followup.working")}>
          {t("followup.propose.submit")}
        </Button>
        <Button type="button" onClick={() => setOpen(false)} disabled={action.busy}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}

/** The chosen person with a way to choose again, or the search to choose one. */
function ChosenOrSearch({ chosen, onChoose, problem }: { chosen: User | undefined; onChoose: (u: User | undefined) => void; problem: Problem | undefined }) {
  const message = fieldMessage(problem, "mentorId");
  if (!chosen) {
    return (
      <>
        <PersonSearch label={t("followup.propose.search")} onPick={onChoose} />
        {message && (
          <p className="field-error" role="alert">
            {message}
          </p>
        )}
      </>
    );
  }
  return (
    <div className="fu-chosen">
      <p>
        <span className="muted">{t("followup.propose.chosen")}</span> <strong>{chosen.name}</strong> <span className="muted">{chosen.email}</span>
      </p>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      <button type="button" className="btn btn-small" onClick={() => onChoose(undefined)}>
        {t("followup.propose.chooseAgain")}
      </button>
    </div>
  );
}

/** The decided proposals, newest first, each with its outcome and the mentor's comment. */
function EarlierTransfers({ transfers }: { transfers: MentorTransfer[] }) {
  return (
    <details className="fu-earlier">
      <summary>{t("followup.propose.earlier", { n: transfers.length })}</summary>
      <ul className="list">
        {transfers.map((x) => (
          <li key={x.id}>
            <Badge tone={transferTone(x.status)}>{transferStatus(x.status)}</Badge> <strong>{x.mentorName}</strong>{" "}
            <span className="muted">
              {t("followup.propose.proposedOn", { date: formatDateTime(x.createdAt) })}
              {x.decidedAt && ` · ${t("followup.propose.decidedOn", { date: formatDateTime(x.decidedAt) })}`}
            </span>
            {x.comment && (
              <p className="fu-text">
                <span className="muted">{t("followup.transfer.comment")}:</span> {x.comment}
              </p>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
