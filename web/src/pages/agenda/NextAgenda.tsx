// "Agenda berikutnya" on the home screen: what is next for the signed-in
// person (get-my-agenda), the items of their cohorts' agendas and their own
// deadlines, with dates in Indonesian, and their calendar file.
import { api, ok, type Schema } from "../../api";
import { today } from "../../format";
import { agendaKindNames, agendaText as w, deadlineNames } from "../../i18n/agenda";
import { Badge, Button, Load, ProblemAlert, useAction, useLoad } from "../../ui";
import { itemDates } from "./AgendaSection";
import { downloadMyAgenda } from "./download";

type Entry = Schema<"AgendaEntry">;

/** How many entries the home screen shows. */
const shown = 5;

/** The next entries of the person's agenda; nothing when they have none. */
export function NextAgenda() {
  const mine = useLoad(() => ok(api.GET("/v1/me/agenda")), []);
  const download = useAction();
  return (
    <Load loaded={mine}>
      {(a) =>
        a.items.length === 0 ? null : (
          <section className="panel next-agenda" aria-labelledby="next-agenda-title">
            <h2 id="next-agenda-title">{w.nextTitle}</h2>
            <ul>
              {a.items.slice(0, shown).map((e) => (
                <li key={entryKey(e)}>
                  <EntryLine entry={e} />
                </li>
              ))}
            </ul>
            <Button type="button" className="btn-small" busy={download.busy} onClick={() => void download.run(downloadMyAgenda)}>
              {w.downloadMine}
            </Button>
            <ProblemAlert error={download.error} />
          </section>
        )
      }
    </Load>
  );
}

function entryKey(e: Entry): string {
  return e.item ? e.item.id : `${e.deadline}-${e.projectId}`;
}

function EntryLine({ entry: e }: { entry: Entry }) {
  const now = today();
  if (e.item) {
    const it = e.item;
    const running = it.startsOn <= now && now <= it.endsOn;
    return (
      <>
        <strong>{itemDates(it.startsOn, it.endsOn)}</strong> · {it.title}
        {running && <Badge tone="info">{w.today}</Badge>}
        <span className="muted">
          {" "}
          — {e.cohortName}
          {it.place && ` · ${it.place}`}
        </span>
        {it.title !== agendaKindNames[it.kind] && <span className="muted"> ({agendaKindNames[it.kind]})</span>}
      </>
    );
  }
  return (
    <>
      <strong>{itemDates(e.dueOn ?? "", e.dueOn ?? "")}</strong> · {e.deadline ? deadlineNames[e.deadline] : ""}
      {e.projectTitle && ` “${e.projectTitle}”`}
      {e.overdue && <Badge tone="bad">{w.overdue}</Badge>}
      <span className="muted"> — {e.cohortName}</span>
    </>
  );
}
