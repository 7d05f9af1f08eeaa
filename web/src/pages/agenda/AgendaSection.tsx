// The cohort's agenda on the management page: its dated items (add, change,
// delete, as each answer offers), the steps the cohort refuses outside their
// item, and the calendar file. Problems are shown at the field they name.
import { useState, type FormEvent } from "react";
import { api, etag, idempotencyKey, ok, type Schema } from "../../api";
import { formatDate } from "../../format";
import { agendaKindNames, agendaKinds, agendaText as w, gatedSteps, type AgendaKind, type GatedStep } from "../../i18n/agenda";
import { offers } from "../../offers";
import { Button, Empty, Field, Load, ProblemAlert, Select, TextArea, useAction, useLoad } from "../../ui";
import { SaveProblem } from "../organizer/shared";
import { downloadCohortAgenda } from "./download";

type Agenda = Schema<"CohortAgenda">;
type Item = Schema<"AgendaItem">;

/** The agenda section of cohort cohortId (code names its calendar file). */
export function AgendaSection({ cohortId, code }: { cohortId: string; code: string }) {
  const agenda = useLoad(() => ok(api.GET("/v1/cohorts/{cohortId}/agenda", { params: { path: { cohortId } } })), [cohortId]);
  const download = useAction();
  return (
    <>
      <p>{w.intro}</p>
      <Load loaded={agenda}>
        {(a) => (
          <>
            {offers(a, "draft-agenda") && <DraftButton cohortId={cohortId} reload={agenda.reload} />}
            <ItemList agenda={a} reload={agenda.reload} />
            {offers(a, "create-agenda-item") && <AddItem cohortId={cohortId} reload={agenda.reload} />}
            {offers(a, "update-agenda-rules") && <RulesForm key={a.rulesVersion} cohortId={cohortId} agenda={a} reload={agenda.reload} />}
            {offers(a, "export-cohort-agenda") && (
              <div className="actions">
                <Button type="button" busy={download.busy} onClick={() => void download.run(() => downloadCohortAgenda(cohortId, code))}>
                  {w.download}
                </Button>
                <span className="muted">{w.downloadHint}</span>
              </div>
            )}
            <ProblemAlert error={download.error} />
          </>
        )}
      </Load>
    </>
  );
}

/** Fills the empty agenda from the cohort's program template (draft-agenda). */
function DraftButton({ cohortId, reload }: { cohortId: string; reload: () => void }) {
  const action = useAction();
  const draft = () =>
    void action.run(async () => {
      await ok(api.POST("/v1/cohorts/{cohortId}/agenda/draft", { params: { path: { cohortId } } }));
      reload();
    });
  return (
    <div className="actions">
      <Button type="button" busy={action.busy} onClick={draft}>
        {w.draft}
      </Button>
      <span className="muted">{w.draftHint}</span>
      <ProblemAlert error={action.error} />
    </div>
  );
}

/** The dates of an item: one day, or first – last. */
export function itemDates(startsOn: string, endsOn: string): string {
  return startsOn === endsOn ? formatDate(startsOn) : `${formatDate(startsOn)} – ${formatDate(endsOn)}`;
}

function ItemList({ agenda, reload }: { agenda: Agenda; reload: () => void }) {
  const [editing, setEditing] = useState<string>();
  if (agenda.items.length === 0) return <Empty>{w.empty}</Empty>;
  return (
    <ul className="agenda-list">
      {agenda.items.map((it) =>
        editing === it.id ? (
          <li key={it.id}>
            <ItemForm item={it} onDone={() => (setEditing(undefined), reload())} onCancel={() => setEditing(undefined)} reload={reload} />
          </li>
        ) : (
          <li key={it.id}>
            <ItemRow item={it} onEdit={() => setEditing(it.id)} reload={reload} />
          </li>
        ),
      )}
    </ul>
  );
}

function ItemRow({ item, onEdit, reload }: { item: Item; onEdit: () => void; reload: () => void }) {
  const remove = useAction();
  const del = () => {
    if (!window.confirm(w.removeConfirm.replace("{title}", item.title))) return;
    void remove.run(async () => {
      await ok(api.DELETE("/v1/agenda-items/{itemId}", { params: { path: { itemId: item.id }, header: { "If-Match": etag(item.version) } } }));
      reload();
    });
  };
  return (
    <div className="agenda-item">
      <p>
        <strong>{itemDates(item.startsOn, item.endsOn)}</strong> · {item.title}
        {item.title !== agendaKindNames[item.kind] && <span className="muted"> ({agendaKindNames[item.kind]})</span>}
      </p>
      {(item.place || item.onlineUrl) && (
        <p className="muted">
          {item.place}
          {item.place && item.onlineUrl && " · "}
          {item.onlineUrl && (
            <a href={item.onlineUrl} rel="noopener noreferrer" target="_blank">
              {w.online}
            </a>
          )}
        </p>
      )}
      {item.notes && <p className="muted">{item.notes}</p>}
      <div className="actions">
        {offers(item, "update-agenda-item") && (
          <Button type="button" className="btn-small" onClick={onEdit}>
            {w.edit}
          </Button>
        )}
        {offers(item, "delete-agenda-item") && (
          <Button type="button" className="btn-small" busy={remove.busy} onClick={del}>
            {w.remove}
          </Button>
        )}
      </div>
      <SaveProblem error={remove.error} reload={reload} />
    </div>
  );
}

function AddItem({ cohortId, reload }: { cohortId: string; reload: () => void }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div className="actions">
        <Button type="button" className="btn-primary" onClick={() => setOpen(true)}>
          {w.add}
        </Button>
      </div>
    );
  }
  return <ItemForm cohortId={cohortId} onDone={() => (setOpen(false), reload())} onCancel={() => setOpen(false)} reload={reload} />;
}

/** The form of a new item (cohortId) or of a change to item. */
function ItemForm({ item, cohortId, onDone, onCancel, reload }: { item?: Item; cohortId?: string; onDone: () => void; onCancel: () => void; reload: () => void }) {
  const [kind, setKind] = useState<AgendaKind>(item?.kind ?? "coaching");
  const [title, setTitle] = useState(item && item.title !== agendaKindNames[item.kind] ? item.title : "");
  const [startsOn, setStartsOn] = useState(item?.startsOn ?? "");
  const [endsOn, setEndsOn] = useState(item?.endsOn ?? "");
  const [place, setPlace] = useState(item?.place ?? "");
  const [onlineUrl, setOnlineUrl] = useState(item?.onlineUrl ?? "");
  const [notes, setNotes] = useState(item?.notes ?? "");
  const [key] = useState(idempotencyKey);
  const action = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const body = { kind, title, startsOn, endsOn: endsOn || startsOn, place, onlineUrl, notes };
      if (item) {
        await ok(
          api.PATCH("/v1/agenda-items/{itemId}", {
            params: { path: { itemId: item.id }, header: { "If-Match": etag(item.version) } },
            headers: { "Content-Type": "application/merge-patch+json" },
            body,
          }),
        );
      } else {
        await ok(api.POST("/v1/cohorts/{cohortId}/agenda", { params: { path: { cohortId: cohortId! }, header: { "Idempotency-Key": key } }, body }));
      }
      onDone();
    });
  };

  const problem = action.problem;
  return (
    <form onSubmit={submit} noValidate className="agenda-form" aria-label={item ? item.title : w.adding}>
      <SaveProblem error={action.error} reload={reload} fieldsShown />
      <div className="form-row">
        <Select label={w.kind} name="kind" value={kind} onChange={(e) => setKind(e.target.value as AgendaKind)} problem={problem}>
          {agendaKinds.map((k) => (
            <option key={k} value={k}>
              {agendaKindNames[k]}
            </option>
          ))}
        </Select>
        <Field label={w.title} name="title" value={title} hint={w.titleHint} onChange={(e) => setTitle(e.target.value)} problem={problem} />
      </div>
      <div className="form-row">
        <Field label={w.startsOn} name="startsOn" type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} problem={problem} />
        <Field label={w.endsOn} name="endsOn" type="date" required value={endsOn} onChange={(e) => setEndsOn(e.target.value)} problem={problem} />
      </div>
      <div className="form-row">
        <Field label={w.place} name="place" value={place} onChange={(e) => setPlace(e.target.value)} problem={problem} />
        <Field label={w.onlineUrl} name="onlineUrl" type="url" value={onlineUrl} onChange={(e) => setOnlineUrl(e.target.value)} problem={problem} />
      </div>
      <TextArea label={w.notes} name="notes" value={notes} onChange={(e) => setNotes(e.target.value)} problem={problem} />
      <div className="actions">
        <Button type="submit" className="btn-primary" busy={action.busy}>
          {w.save}
        </Button>
        <Button type="button" onClick={onCancel}>
          {w.cancel}
        </Button>
      </div>
    </form>
  );
}

function RulesForm({ cohortId, agenda, reload }: { cohortId: string; agenda: Agenda; reload: () => void }) {
  const [refuse, setRefuse] = useState<GatedStep[]>(agenda.refuseOutside as GatedStep[]);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void action.run(async () => {
      await ok(
        api.PUT("/v1/cohorts/{cohortId}/agenda/rules", {
          params: { path: { cohortId }, header: { "If-Match": etag(agenda.rulesVersion) } },
          body: { refuseOutside: refuse },
        }),
      );
      setSaved(true);
      reload();
    });
  };
  const toggle = (step: GatedStep, on: boolean) => setRefuse((r) => (on ? [...r, step] : r.filter((s) => s !== step)));
  return (
    <form onSubmit={submit} noValidate>
      <fieldset>
        <legend>{w.rulesTitle}</legend>
        <p className="muted">{w.rulesHint}</p>
        {(Object.keys(gatedSteps) as GatedStep[]).map((step) => (
          <label key={step} className="check">
            <input type="checkbox" checked={refuse.includes(step)} onChange={(e) => toggle(step, e.target.checked)} /> {gatedSteps[step]}
          </label>
        ))}
      </fieldset>
      {saved && (
        <p className="alert alert-ok" role="status">
          {w.rulesSaved}
        </p>
      )}
      <SaveProblem error={action.error} reload={reload} />
      <div className="actions">
        <Button type="submit" busy={action.busy}>
          {w.rulesSave}
        </Button>
      </div>
    </form>
  );
}
