// The classes section of the cohort management page: the cohort's classes
// (kelas) with their participants and groups, created, renamed and deleted
// as each class's answer offers (update-class, delete-class; a class with
// participants refuses deletion and says why), and every participant's
// class, changed at once with update-enrollment (classId).
import { useState, type FormEvent } from "react";
import { api, etag, idempotencyKey, ok, type Schema } from "../../api";
import { t } from "../../i18n";
import { offers, whyRefused } from "../../offers";
import { Button, Empty, Field, Load, Select, useAction, useLoad, ScrollRegion } from "../../ui";
import { SaveProblem } from "../organizer/shared";

type Class = Schema<"Class">;
type Enrollment = Schema<"Enrollment">;

/** The section; canCreate is the cohort's offer of create-class; names gives each enrollment's participant. */
export function ClassesSection({
  cohortId,
  canCreate,
  enrollments,
  names,
  reloadRoster,
}: {
  cohortId: string;
  canCreate: boolean;
  enrollments: Enrollment[];
  names: (e: Enrollment) => string;
  reloadRoster: () => void;
}) {
  const classes = useLoad(() => ok(api.GET("/v1/cohorts/{cohortId}/classes", { params: { path: { cohortId } } })), [cohortId]);
  const [notice, setNotice] = useState<string>();
  const done = (message: string) => {
    setNotice(message);
    classes.reload();
  };
  return (
    <>
      <p>{t("classes.intro")}</p>
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      <Load loaded={classes}>
        {(data) => (
          <>
            {data.items.length === 0 ? <Empty>{t("classes.empty")}</Empty> : <ClassList items={data.items} reload={classes.reload} onDone={done} />}
            {canCreate && <CreateClass cohortId={cohortId} onCreated={(c) => done(t("classes.created", { name: c.name }))} />}
            {data.items.length > 0 && (
              <Placement
                classes={data.items}
                enrollments={enrollments}
                names={names}
                onPlaced={(message) => {
                  done(message);
                  reloadRoster();
                }}
              />
            )}
          </>
        )}
      </Load>
    </>
  );
}

function ClassList({ items, reload, onDone }: { items: Class[]; reload: () => void; onDone: (message: string) => void }) {
  const [renaming, setRenaming] = useState<string>();
  const action = useAction();
  const remove = (c: Class) => {
    if (!window.confirm(t("classes.confirmDelete", { name: c.name }))) return;
    void action.run(async () => {
      await ok(api.DELETE("/v1/classes/{classId}", { params: { path: { classId: c.id } } }));
      onDone(t("classes.deleted", { name: c.name }));
    });
  };
  return (
    <>
      <SaveProblem error={action.error} reload={reload} />
      <ul className="class-list">
        {items.map((c) => (
          <li key={c.id}>
            {renaming === c.id ? (
              <RenameClass
                key={c.version}
                item={c}
                reload={reload}
                onCancel={() => setRenaming(undefined)}
                onSaved={(saved) => {
                  setRenaming(undefined);
                  onDone(t("classes.renamed", { name: saved.name }));
                }}
              />
            ) : (
              <>
                <strong>{c.name}</strong> — {t("classes.participants", { count: c.participants })};{" "}
                {c.groups.length > 0 ? t("classes.groups", { groups: c.groups.join(", ") }) : t("classes.noGroups")}
                <span className="actions">
                  {offers(c, "update-class") && (
                    <button type="button" className="btn btn-small" data-action="update-class" onClick={() => setRenaming(c.id)}>
                      {t("classes.rename")}
                      <span className="visually-hidden"> {c.name}</span>
                    </button>
                  )}
                  {offers(c, "delete-class") && (
                    <Button type="button" className="btn-small" data-action="delete-class" busy={action.busy} onClick={() => remove(c)}>
                      {t("classes.delete")}
                      <span className="visually-hidden"> {c.name}</span>
                    </Button>
                  )}
                  {whyRefused(c, "delete-class") && <span className="muted"> {whyRefused(c, "delete-class")}</span>}
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function CreateClass({ cohortId, onCreated }: { cohortId: string; onCreated: (c: Class) => void }) {
  const [name, setName] = useState("");
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const created = await ok(
        api.POST("/v1/cohorts/{cohortId}/classes", {
          params: { path: { cohortId }, header: { "Idempotency-Key": idempotencyKey() } },
          body: { name },
        }),
      );
      setName("");
      onCreated(created);
    });
  };
  return (
    <form className="form-row" onSubmit={submit} noValidate>
      <Field label={t("classes.name")} hint={t("classes.nameHint")} name="name" value={name} problem={action.problem} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      <Button type="submit" busy={action.busy} data-action="create-class">
        {t("classes.create")}
      </Button>
      <SaveProblem error={action.error} reload={() => action.clear()} fieldsShown />
    </form>
  );
}

function RenameClass({ item, reload, onSaved, onCancel }: { item: Class; reload: () => void; onSaved: (c: Class) => void; onCancel: () => void }) {
  const [name, setName] = useState(item.name);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      onSaved(
        await ok(
          api.PATCH("/v1/classes/{classId}", {
            params: { path: { classId: item.id }, header: { "If-Match": etag(item.version) } },
            body: { name },
            headers: { "Content-Type": "application/merge-patch+json" },
          }),
        ),
      );
    });
  };
  return (
    <form className="form-row" onSubmit={submit} noValidate>
      <Field label={t("classes.name")} name="name" value={name} problem={action.problem} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      <Button type="submit" busy={action.busy}>
        {t("classes.renameSave")}
      </Button>
      <button type="button" className="btn" onClick={onCancel}>
        {t("classes.cancel")}
      </button>
      <SaveProblem error={action.error} reload={reload} fieldsShown />
    </form>
  );
}

/** Every participant with a select of the classes, saved when changed. */
function Placement({ classes, enrollments, names, onPlaced }: { classes: Class[]; enrollments: Enrollment[]; names: (e: Enrollment) => string; onPlaced: (message: string) => void }) {
  const action = useAction();
  const place = (e: Enrollment, classId: string) => {
    void action.run(async () => {
      await ok(
        api.PATCH("/v1/enrollments/{enrollmentId}", {
          params: { path: { enrollmentId: e.id }, header: { "If-Match": etag(e.version) } },
          body: { classId: classId || null },
          headers: { "Content-Type": "application/merge-patch+json" },
        }),
      );
      const target = classes.find((c) => c.id === classId);
      onPlaced(target ? t("classes.placed", { name: names(e), class: target.name }) : t("classes.unplaced", { name: names(e) }));
    });
  };
  const placeable = enrollments.filter((e) => offers(e, "update-enrollment"));
  if (placeable.length === 0) return null;
  return (
    <>
      <h3>{t("classes.placement")}</h3>
      <p>{t("classes.placementIntro")}</p>
      <SaveProblem error={action.error} reload={() => action.clear()} />
      <ScrollRegion label={t("classes.placement")}>
        <table className="stack-table">
          <caption className="visually-hidden">{t("classes.placement")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("classes.participant")}</th>
              <th scope="col">{t("classes.filter")}</th>
            </tr>
          </thead>
          <tbody>
            {placeable.map((e) => (
              <tr key={e.id}>
                <td>{names(e)}</td>
                <td data-label={t("classes.filter")}>
                  <Select label={t("classes.filter") + " " + names(e)} name={`kelas-${e.id}`} value={e.classId ?? ""} disabled={action.busy} onChange={(ev) => place(e, ev.target.value)}>
                    <option value="">{t("classes.noClass")}</option>
                    {classes.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </Select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
