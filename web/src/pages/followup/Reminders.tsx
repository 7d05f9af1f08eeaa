// Reminders (list-reminders): the screen at /pengingat, the compact panel at
// the top of the home screen, and the navigation link with its count.
import { api, ok } from "../../api";
import { formatDate } from "../../format";
import { t } from "../../i18n";
import { useMe } from "../../me";
import { Link, usePath } from "../../router";
import { Badge, Empty, Load, Loading, PageTitle, ProblemAlert, useLoad } from "../../ui";
import { usePaged } from "./paging";
import { MoreButton } from "./shared";
import { dueIn, reminderHref, reminderKind, reminderTone, waited, type Reminder } from "./model";
import "./followup.css";

const pageSize = 50;

function loadReminders(cursor: string | undefined, limit = pageSize) {
  return ok(api.GET("/v1/me/reminders", { params: { query: { limit, cursor } } }));
}

/** The reminders screen at /pengingat: every reminder by date, page by page. */
export function Reminders() {
  const me = useMe();
  const paged = usePaged((cursor) => loadReminders(cursor), []);
  const items = paged.items;
  const late = (items ?? []).filter((r) => r.late || r.kind === "milestone_overdue").length;

  return (
    <div className="fu">
      <PageTitle title={t("followup.reminders.title")} />
      <p className="fu-intro">{t("followup.reminders.intro")}</p>
      {items === undefined ? (
        paged.error ? <ProblemAlert error={paged.error} retry={paged.reload} /> : <Loading />
      ) : (
        <>
          {paged.error && <ProblemAlert error={paged.error} retry={paged.reload} />}
          {items.length === 0 ? (
            <Empty>{t("followup.reminders.empty")}</Empty>
          ) : (
            <>
              <p className="fu-summary">
                {t("followup.reminders.summary", { n: items.length + (paged.hasMore ? "+" : "") })}
                {late > 0 && (
                  <>
                    {" · "}
                    <Badge tone="bad">{t("followup.reminders.lateCount", { n: late })}</Badge>
                  </>
                )}
              </p>
              <ul className="list fu-reminders" aria-label={t("followup.reminders.listLabel")}>
                {items.map((r) => (
                  <ReminderItem key={`${r.kind}-${r.target.id}`} reminder={r} myName={me.user.name} level={2} />
                ))}
              </ul>
              <MoreButton paged={paged} shownLabel={t("followup.reminders.shown", { n: items.length })} />
            </>
          )}
        </>
      )}
    </div>
  );
}

/** One reminder: its kind, title (a link to act on it), whose project, and its date. */
function ReminderItem({ reminder: r, myName, level }: { reminder: Reminder; myName: string; level: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  const mine = r.participantName === myName;
  return (
    <li className="fu-reminder">
      <p className="fu-badges">
        <Badge tone={reminderTone(r)}>{reminderKind(r.kind)}</Badge>
        {r.late && <Badge tone="bad">{t("followup.late")}</Badge>}
      </p>
      <Heading className="fu-item-title">
        <Link href={reminderHref(r)}>{r.title}</Link>
      </Heading>
      {(r.title !== r.projectTitle || !mine) && (
        <p className="muted fu-project">
          {r.title !== r.projectTitle && <span>{r.projectTitle}</span>}
          {!mine && <span>{r.participantName}</span>}
        </p>
      )}
      {r.comment && (
        <p className="review-note">
          <span className="muted">{t("followup.reminders.comment")}</span> {r.comment}
        </p>
      )}
      <p className="fu-when">
        <When reminder={r} />
      </p>
    </li>
  );
}

/** The date of a reminder: when the milestone is due, or since when it waits for you. */
function When({ reminder: r }: { reminder: Reminder }) {
  if (r.dueOn) {
    return (
      <>
        {t("followup.reminders.dueOn", { date: formatDate(r.dueOn) })} · <strong>{dueIn(r.dueOn)}</strong>
      </>
    );
  }
  if (r.waitingSince) {
    return (
      <>
        {t("followup.reminders.waitingSince", { date: formatDate(r.waitingSince) })} · <strong>{waited(r.waitingDays ?? 0)}</strong>
        {r.late && <span className="fu-late-text"> · {t("followup.pastDeadline", { n: r.responseDeadlineDays })}</span>}
      </>
    );
  }
  return null;
}

/** The first reminders, compact, at the top of the home screen, with a link to all of them. */
export function RemindersPanel() {
  const me = useMe();
  const shown = 5;
  const loaded = useLoad(() => loadReminders(undefined, shown), []);
  return (
    <section className="panel fu fu-panel" aria-labelledby="pengingat-h">
      <h2 id="pengingat-h">{t("followup.reminders.title")}</h2>
      <Load loaded={loaded}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t("followup.reminders.empty")}</Empty>
          ) : (
            <>
              <ul className="list fu-reminders fu-compact" aria-label={t("followup.reminders.listLabel")}>
                {page.items.map((r) => (
                  <ReminderItem key={`${r.kind}-${r.target.id}`} reminder={r} myName={me.user.name} level={3} />
                ))}
              </ul>
              <p className="fu-panel-foot">
                <Link href="/pengingat">{page.nextCursor ? t("followup.reminders.seeAllMore") : t("followup.reminders.seeAll")}</Link>
              </p>
            </>
          )
        }
      </Load>
    </section>
  );
}

/** The navigation link to /pengingat with the number of reminders (100+ beyond a page of 100). */
export function RemindersLink() {
  const path = usePath();
  const loaded = useLoad(() => loadReminders(undefined, 100), [path]);
  const count = loaded.data ? (loaded.data.nextCursor ? "100+" : String(loaded.data.items.length)) : "0";
  return (
    <Link href="/pengingat" aria-current={path === "/pengingat" ? "page" : undefined}>
      {t("followup.nav.link")}{" "}
      {count !== "0" && (
        <Badge tone="warn">
          <span aria-hidden="true">{count}</span>
          <span className="visually-hidden">{t("followup.nav.count", { count })}</span>
        </Badge>
      )}
    </Link>
  );
}
