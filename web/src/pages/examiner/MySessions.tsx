// The examiner's seminar sessions on their home page (list-my-seminar-sessions,
// one call): each session's participants with the examiner's own latest
// score, a link to score when the participant offers it, and otherwise why
// not (not open yet, determined, the project past the seminar), as the
// server says.
import { api, ok, type Schema } from "../../api";
import { formatDate, formatNumber } from "../../format";
import { t } from "../../i18n";
import { useMe } from "../../me";
import { offers, whyRefused } from "../../offers";
import { Link } from "../../router";
import { Badge, useLoad } from "../../ui";

type Session = Schema<"SeminarSession">;

/** The sessions the signed-in user examines; nothing when they examine none. */
export function MySeminarSessions() {
  const me = useMe();
  const loaded = useLoad(() => ok(api.GET("/v1/me/seminar-sessions")), []);
  const sessions = loaded.data?.items ?? [];
  if (sessions.length === 0) return null;
  return (
    <section className="my-sessions" aria-labelledby="my-sessions-title">
      <h2 id="my-sessions-title">{t("seminar.mine")}</h2>
      <p className="muted">{t("seminar.mineIntro")}</p>
      {sessions.map((s) => (
        <SessionLines key={s.id} session={s} examinerId={me.user.id} />
      ))}
    </section>
  );
}

/** One session's participants as the examiner sees them. */
function SessionLines({ session, examinerId }: { session: Session; examinerId: string }) {
  return (
    <div className="card">
      <h3>
        {t(`seminar.kind.${session.seminar}`)} — {session.startsAt ? t("seminar.when", { date: formatDate(session.date), time: session.startsAt }) : formatDate(session.date)}
        {session.room ? ` · ${session.room}` : ""}
      </h3>
      {session.determinedAt && <Badge tone="ok">{t("seminar.determined")}</Badge>}
      <ul>
        {session.participants.map((p) => {
          const mine = p.scores.find((sc) => sc.examinerId === examinerId);
          const why = whyRefused(p, "record-assessment");
          return (
            <li key={p.enrollmentId}>
              <strong>{p.name}</strong> — {p.projectTitle || t("common.none")}.{" "}
              {t("seminar.yourScore")}:{" "}
              {mine ? `${formatNumber(mine.total, 2)} (${t(`examiner.predicate.${mine.predicate}`)})` : t("seminar.notScored")}
              {mine && mine.revisions > 0 && <span className="muted"> · {t("seminar.revisions", { count: mine.revisions })}</span>}{" "}
              {offers(p, "record-assessment") ? (
                <Link href={`/penilaian/${encodeURIComponent(p.projectId)}`} className="btn btn-small">
                  {mine ? t("seminar.scoreAgain") : t("seminar.score")}
                </Link>
              ) : (
                why && <span className="muted">{why}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
