// The organizer's seminar sessions at /angkatan/:cohortId/sesi-seminar: the
// cohort's sessions with their participants, examiners and scores; creating
// a session, assigning participants and examiners, opening a session early,
// determining its result (penetapan) and releasing the seminar's results.
// Every button follows the session's actions; a refusal is said in words.
import { useState, type FormEvent } from "react";
import { api, ok, type Schema } from "../../api";
import { formatDate, formatDateTime, formatNumber } from "../../format";
import { t } from "../../i18n";
import { offers, whyRefused } from "../../offers";
import { Badge, Button, Empty, Field, Load, PageTitle, ProblemAlert, Select, TextArea, useAction, useIdempotencyKeys, useLoad, ScrollRegion } from "../../ui";

type Session = Schema<"SeminarSession">;
type Line = Schema<"ParticipantProgress">;
type StaffMember = Schema<"StaffMember">;

/** The sessions screen of a cohort. */
export function SeminarSessions({ cohortId }: { cohortId: string }) {
  const path = { params: { path: { cohortId } } };
  const loaded = useLoad(async () => {
    const [cohort, sessions, progress, staff] = await Promise.all([
      ok(api.GET("/v1/cohorts/{cohortId}", path)),
      ok(api.GET("/v1/cohorts/{cohortId}/seminar-sessions", path)),
      ok(api.GET("/v1/cohorts/{cohortId}/progress", path)),
      ok(api.GET("/v1/cohorts/{cohortId}/staff", { params: { path: { cohortId }, query: { role: "examiner" } } })),
    ]);
    return { cohort, sessions: sessions.items, lines: progress.items, examiners: staff.items };
  }, [cohortId]);
  const [notice, setNotice] = useState<string>();
  const done = (message: string) => {
    setNotice(message);
    loaded.reload();
  };
  return (
    <>
      <PageTitle title={t("seminar.title")} />
      <Load loaded={loaded}>
        {({ cohort, sessions, lines, examiners }) => (
          <>
            <p className="muted">{t("seminar.intro", { cohort: cohort.name })}</p>
            {notice && (
              <p className="alert alert-ok" role="status">
                {notice}
              </p>
            )}
            {sessions.length === 0 ? (
              <Empty>{t("seminar.none")}</Empty>
            ) : (
              sessions.map((s) => <SessionCard key={s.id} cohortId={cohortId} session={s} lines={lines} examiners={examiners} onChanged={done} />)
            )}
            {offers(cohort, "create-seminar-session") && <CreateSession cohortId={cohortId} lines={lines} examiners={examiners} onCreated={done} />}
            <AppealsBoard cohortId={cohortId} sessions={sessions} lines={lines} onChanged={done} />
          </>
        )}
      </Load>
    </>
  );
}

/** The result of a participant: its score and kualifikasi, or not determined yet. */
function ResultText({ result }: { result: Schema<"DeterminedResult"> | undefined }) {
  if (!result) return <span className="muted">{t("seminar.provisional")}</span>;
  return (
    <strong>
      {t("seminar.resultValue", { score: formatNumber(result.score, 2), predicate: t(`examiner.predicate.${result.predicate}`) })}
    </strong>
  );
}

/** One session with its members and the buttons it offers. */
function SessionCard({ cohortId, session, lines, examiners, onChanged }: {
  cohortId: string;
  session: Session;
  lines: Line[];
  examiners: StaffMember[];
  onChanged: (message: string) => void;
}) {
  const action = useAction();
  const [confirming, setConfirming] = useState(false);
  const sessionPath = { params: { path: { cohortId, sessionId: session.id } } };
  const run = (call: () => Promise<unknown>, message: string) =>
    void action.run(async () => {
      await call();
      setConfirming(false);
      onChanged(message);
    });
  const open = () => run(() => ok(api.POST("/v1/cohorts/{cohortId}/seminar-sessions/{sessionId}/open", sessionPath)), t("seminar.opened"));
  const determine = () =>
    run(() => ok(api.POST("/v1/cohorts/{cohortId}/seminar-sessions/{sessionId}/determination", sessionPath)), t("seminar.determined"));
  const release = () =>
    run(() => ok(api.POST("/v1/cohorts/{cohortId}/results/{seminar}/release", { params: { path: { cohortId, seminar: session.seminar } } })), t("seminar.released"));
  const removeParticipant = (enrollmentId: string) =>
    run(
      () => ok(api.DELETE("/v1/cohorts/{cohortId}/seminar-sessions/{sessionId}/participants/{enrollmentId}", { params: { path: { cohortId, sessionId: session.id, enrollmentId } } })),
      t("seminar.participants"),
    );
  const removeExaminer = (userId: string) =>
    run(
      () => ok(api.DELETE("/v1/cohorts/{cohortId}/seminar-sessions/{sessionId}/examiners/{userId}", { params: { path: { cohortId, sessionId: session.id, userId } } })),
      t("seminar.examiners"),
    );
  const present = new Set(session.participants.map((p) => p.enrollmentId));
  const assigned = new Set(session.examiners.map((e) => e.userId));
  const determineRefused = whyRefused(session, "determine-seminar-session");
  return (
    <section className="card seminar-session" aria-label={`${t(`seminar.kind.${session.seminar}`)} ${formatDate(session.date)}`}>
      <h2>
        {t(`seminar.kind.${session.seminar}`)} — {session.startsAt ? t("seminar.when", { date: formatDate(session.date), time: session.startsAt }) : formatDate(session.date)}
      </h2>
      <p>
        {session.room && (
          <>
            {t("seminar.where")}: {session.room}{" "}
          </>
        )}
        {session.onlineLink && (
          <a href={session.onlineLink} rel="noopener noreferrer" target="_blank">
            {t("seminar.online")}
          </a>
        )}
      </p>
      {session.coachAndMentorAttend && <p className="muted">{t("seminar.coachAndMentor")}</p>}
      {session.openedEarlyAt && <p className="muted">{t("seminar.openedEarly", { at: formatDateTime(session.openedEarlyAt) })}</p>}
      {session.determinedAt && (
        <p>
          <Badge tone="ok">{t("seminar.determinedAt", { at: formatDateTime(session.determinedAt) })}</Badge>
        </p>
      )}
      <h3>{t("seminar.examiners")}</h3>
      {session.examiners.length === 0 ? (
        <Empty>{t("seminar.noExaminers")}</Empty>
      ) : (
        <ul>
          {session.examiners.map((e) => (
            <li key={e.userId}>
              {e.name}{" "}
              {offers(session, "remove-session-examiner") && (
                <button type="button" className="btn btn-small" onClick={() => removeExaminer(e.userId)} disabled={action.busy} aria-label={t("seminar.removeWho", { name: e.name })}>
                  {t("seminar.remove")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {offers(session, "add-session-examiner") && (
        <AddMember
          label={t("seminar.addExaminer")}
          options={examiners.filter((m) => !assigned.has(m.userId)).map((m) => ({ id: m.userId, name: m.name }))}
          onAdd={(userId) =>
            run(() => ok(api.PUT("/v1/cohorts/{cohortId}/seminar-sessions/{sessionId}/examiners/{userId}", { params: { path: { cohortId, sessionId: session.id, userId } } })), t("seminar.examiners"))
          }
        />
      )}
      <h3>{t("seminar.participants")}</h3>
      {session.participants.length === 0 ? (
        <Empty>{t("seminar.noParticipants")}</Empty>
      ) : (
        <ScrollRegion label={t("seminar.participants")}>
          <table className="stack-table">
            <caption className="visually-hidden">{t("seminar.participants")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("examiner.participant")}</th>
                <th scope="col">{t("examiner.project")}</th>
                <th scope="col">{t("seminar.score")}</th>
                <th scope="col">{t("seminar.result")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("seminar.remove")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {session.participants.map((p) => (
                <tr key={p.enrollmentId}>
                  <td>{p.name}</td>
                  <td data-label={t("examiner.project")}>{p.projectTitle || t("common.none")}</td>
                  <td data-label={t("seminar.score")}>{t("seminar.scoresOf", { scored: p.scores.length, required: session.examinersRequired })}</td>
                  <td data-label={t("seminar.result")}>
                    <ResultText result={p.result} />
                  </td>
                  <td>
                    {offers(session, "remove-session-participant") && (
                      <button type="button" className="btn btn-small" onClick={() => removeParticipant(p.enrollmentId)} disabled={action.busy} aria-label={t("seminar.removeWho", { name: p.name })}>
                        {t("seminar.remove")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {offers(session, "add-session-participant") && (
        <AddMember
          label={t("seminar.addParticipant")}
          options={lines.filter((l) => !present.has(l.enrollmentId)).map((l) => ({ id: l.enrollmentId, name: l.participantName }))}
          onAdd={(enrollmentId) =>
            run(
              () => ok(api.PUT("/v1/cohorts/{cohortId}/seminar-sessions/{sessionId}/participants/{enrollmentId}", { params: { path: { cohortId, sessionId: session.id, enrollmentId } } })),
              t("seminar.participants"),
            )
          }
        />
      )}
      <ProblemAlert error={action.error} />
      <div className="actions">
        {offers(session, "open-seminar-session") && (
          <Button type="button" className="btn-small" busy={action.busy} onClick={open}>
            {t("seminar.openEarly")}
          </Button>
        )}
        {offers(session, "determine-seminar-session") &&
          (confirming ? (
            <div className="confirm" role="group" aria-label={t("seminar.determineConfirm")}>
              <p>{t("seminar.determineConfirm")}</p>
              <Button type="button" className="btn-primary btn-small" busy={action.busy} onClick={determine}>
                {t("seminar.determineYes")}
              </Button>
              <Button type="button" className="btn-small" onClick={() => setConfirming(false)} disabled={action.busy}>
                {t("common.cancel")}
              </Button>
            </div>
          ) : (
            <Button type="button" className="btn-primary btn-small" onClick={() => setConfirming(true)}>
              {t("seminar.determine")}
            </Button>
          ))}
        {determineRefused && !session.determinedAt && <p className="muted">{determineRefused}</p>}
        {session.determinedAt && offers(session, "release-results") && (
          <Button type="button" className="btn-small" busy={action.busy} onClick={release}>
            {t("seminar.release")}
          </Button>
        )}
      </div>
    </section>
  );
}

/** A select of people to add and its button. */
function AddMember({ label, options, onAdd }: { label: string; options: { id: string; name: string }[]; onAdd: (id: string) => void }) {
  const [chosen, setChosen] = useState("");
  if (options.length === 0) return null;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) onAdd(chosen);
        setChosen("");
      }}
    >
      <Select label={label} name="member" value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{t("seminar.choose")}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
      <button type="submit" className="btn btn-small" disabled={!chosen}>
        {t("seminar.add")}
      </button>
    </form>
  );
}

/** The form that creates a session with its participants and examiners. */
function CreateSession({ cohortId, lines, examiners, onCreated }: { cohortId: string; lines: Line[]; examiners: StaffMember[]; onCreated: (message: string) => void }) {
  const [seminar, setSeminar] = useState<"design" | "final">("design");
  const [date, setDate] = useState("");
  const [startsAt, setStartsAt] = useState("");
  const [room, setRoom] = useState("");
  const [onlineLink, setOnlineLink] = useState("");
  const [coachAndMentorAttend, setCoachAndMentorAttend] = useState(false);
  const [participants, setParticipants] = useState<string[]>([]);
  const [chosenExaminers, setChosenExaminers] = useState<string[]>([]);
  const action = useAction();
  const keyFor = useIdempotencyKeys();
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const body = {
        seminar,
        date,
        ...(startsAt ? { startsAt } : {}),
        ...(room ? { room } : {}),
        ...(onlineLink ? { onlineLink } : {}),
        coachAndMentorAttend,
        participants,
        examiners: chosenExaminers,
      };
      await ok(api.POST("/v1/cohorts/{cohortId}/seminar-sessions", { params: { path: { cohortId }, header: { "Idempotency-Key": keyFor(body) } }, body }));
      setParticipants([]);
      setChosenExaminers([]);
      onCreated(t("seminar.created"));
    });
  };
  const problem = action.problem;
  return (
    <form className="subpanel" onSubmit={submit}>
      <h2>{t("seminar.create")}</h2>
      <ProblemAlert error={action.error} fieldsShown />
      <Select label={t("seminar.field.seminar")} name="seminar" value={seminar} onChange={(e) => setSeminar(e.target.value as "design" | "final")}>
        <option value="design">{t("seminar.kind.design")}</option>
        <option value="final">{t("seminar.kind.final")}</option>
      </Select>
      <Field label={t("seminar.field.date")} name="date" type="date" required value={date} problem={problem} onChange={(e) => setDate(e.target.value)} />
      <Field label={t("seminar.field.time")} name="startsAt" hint={t("seminar.field.timeHint")} value={startsAt} problem={problem} onChange={(e) => setStartsAt(e.target.value)} />
      <Field label={t("seminar.field.room")} name="room" hint={t("seminar.field.roomHint")} value={room} problem={problem} onChange={(e) => setRoom(e.target.value)} />
      <Field label={t("seminar.field.link")} name="onlineLink" type="url" value={onlineLink} problem={problem} onChange={(e) => setOnlineLink(e.target.value)} />
      <label className="check">
        <input type="checkbox" checked={coachAndMentorAttend} onChange={(e) => setCoachAndMentorAttend(e.target.checked)} /> {t("seminar.coachAndMentor")}
      </label>
      <fieldset>
        <legend>{t("seminar.examiners")}</legend>
        {examiners.map((m) => (
          <label key={m.userId} className="check">
            <input type="checkbox" checked={chosenExaminers.includes(m.userId)} onChange={() => setChosenExaminers(toggle(chosenExaminers, m.userId))} /> {m.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("seminar.participants")}</legend>
        {lines.map((l) => (
          <label key={l.enrollmentId} className="check">
            <input type="checkbox" checked={participants.includes(l.enrollmentId)} onChange={() => setParticipants(toggle(participants, l.enrollmentId))} /> {l.participantName}
          </label>
        ))}
      </fieldset>
      <Button type="submit" className="btn-primary" busy={action.busy}>
        {t("seminar.create")}
      </Button>
    </form>
  );
}

type Appeal = Schema<"Appeal">;

/** The cohort's appeals (keberatan): assigning each to the examiners concerned, and deciding it. */
function AppealsBoard({ cohortId, sessions, lines, onChanged }: { cohortId: string; sessions: Session[]; lines: Line[]; onChanged: (message: string) => void }) {
  const appeals = useLoad(() => ok(api.GET("/v1/cohorts/{cohortId}/appeals", { params: { path: { cohortId } } })), [cohortId]);
  const items = appeals.data?.items ?? [];
  const changed = (message: string) => {
    appeals.reload();
    onChanged(message);
  };
  return (
    <section className="subpanel" aria-labelledby="appeals-board">
      <h2 id="appeals-board">{t("appeal.board")}</h2>
      {items.length === 0 ? (
        <Empty>{t("appeal.none")}</Empty>
      ) : (
        items.map((a) => (
          <AppealCard key={a.id} cohortId={cohortId} appeal={a} session={sessions.find((s) => s.id === a.sessionId)}
            name={lines.find((l) => l.projectId === a.projectId)?.participantName ?? ""} onChanged={changed} />
        ))
      )}
    </section>
  );
}

/** One appeal with what it offers. */
function AppealCard({ cohortId, appeal, session, name, onChanged }: { cohortId: string; appeal: Appeal; session: Session | undefined; name: string; onChanged: (message: string) => void }) {
  const action = useAction();
  const [chosen, setChosen] = useState<string[]>([]);
  const [decision, setDecision] = useState<"granted" | "partly_granted" | "refused">("refused");
  const [note, setNote] = useState("");
  const path = { params: { path: { cohortId, appealId: appeal.id } } };
  const assign = () =>
    void action.run(async () => {
      await ok(api.POST("/v1/cohorts/{cohortId}/appeals/{appealId}/assignment", { ...path, body: { examiners: chosen } }));
      onChanged(t("appeal.assigned"));
    });
  const decide = () =>
    void action.run(async () => {
      await ok(api.POST("/v1/cohorts/{cohortId}/appeals/{appealId}/decision", { ...path, body: { decision, ...(note ? { note } : {}) } }));
      onChanged(t("appeal.decided"));
    });
  const result = (r: Schema<"DeterminedResult">) => ({ score: formatNumber(r.score, 2), predicate: t(`examiner.predicate.${r.predicate}`) });
  return (
    <div className="card">
      <h3>
        {name} — {t(`seminar.kind.${appeal.seminar}`)} <Badge tone="info">{t(`appeal.status.${appeal.status}`)}</Badge>
      </h3>
      <p>{appeal.reasons}</p>
      {appeal.before && <p className="muted">{t("appeal.before", result(appeal.before))}</p>}
      {appeal.after && <p>{t("appeal.after", result(appeal.after))}</p>}
      <ProblemAlert error={action.error} />
      {offers(appeal, "assign-appeal") && session && (
        <fieldset>
          <legend>{t("appeal.assign")}</legend>
          {session.examiners.map((e) => (
            <label key={e.userId} className="check">
              <input type="checkbox" checked={chosen.includes(e.userId)}
                onChange={() => setChosen(chosen.includes(e.userId) ? chosen.filter((x) => x !== e.userId) : [...chosen, e.userId])} /> {e.name}
            </label>
          ))}
          <Button type="button" className="btn-small" busy={action.busy} disabled={chosen.length === 0} onClick={assign}>
            {t("appeal.assign")}
          </Button>
        </fieldset>
      )}
      {offers(appeal, "close-appeal") && (
        <div className="inline-form">
          <Select label={t("appeal.decision")} name="decision" value={decision} onChange={(e) => setDecision(e.target.value as typeof decision)}>
            <option value="granted">{t("appeal.status.granted")}</option>
            <option value="partly_granted">{t("appeal.status.partly_granted")}</option>
            <option value="refused">{t("appeal.status.refused")}</option>
          </Select>
          <TextArea label={t("appeal.note")} name="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={10000} />
          <Button type="button" className="btn-primary btn-small" busy={action.busy} onClick={decide}>
            {t("appeal.decide")}
          </Button>
        </div>
      )}
    </div>
  );
}
