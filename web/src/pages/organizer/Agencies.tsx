// Agencies and their work units (unit kerja, OPD): /instansi lists agencies
// by name, /instansi/:agencyId shows one with its province, kabupaten/kota
// and units. Organizers and platform admins (as get-me's actions say) change
// the name and place and add and rename units; everyone else reads.
import { useState, type FormEvent } from "react";
import { api, etag, ok, type Problem, type Schema } from "../../api";
import { t } from "../../i18n";
import { useMe } from "../../me";
import { offers } from "../../offers";
import { Link, setQuery, useQuery } from "../../router";
import { Button, Empty, Field, Load, PageTitle, ProblemAlert, Select, useAction, useLoad } from "../../ui";

type Agency = Schema<"Agency">;
type Unit = Schema<"Unit">;

/** The list of agencies at /instansi, searched by name. */
export function Agencies() {
  const query = useQuery();
  const q = query.get("q") ?? "";
  const [text, setText] = useState(q);
  const agencies = useLoad(() => ok(api.GET("/v1/agencies", { params: { query: { q: q || undefined, limit: 100 } } })), [q]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ q: text.trim() || undefined });
  };
  return (
    <>
      <PageTitle title={t("units.title")} />
      <p>{t("units.intro")}</p>
      <form role="search" className="panel" onSubmit={submit}>
        <div className="form-row">
          <Field label={t("units.search")} name="q" type="search" hint={t("units.searchHint")} maxLength={100} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <Button type="submit" className="btn-primary">
            {t("units.search")}
          </Button>
        </div>
      </form>
      <Load loaded={agencies}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t("units.none")}</Empty>
          ) : (
            <ul className="list">
              {page.items.map((a) => (
                <li key={a.id}>
                  <Link href={`/instansi/${a.id}`}>{a.name}</Link> <span className="muted">{a.region || t("units.noPlace")}</span>
                </li>
              ))}
            </ul>
          )
        }
      </Load>
    </>
  );
}

/** One agency at /instansi/:agencyId: its place and its work units. */
export function AgencyUnits({ agencyId }: { agencyId: string }) {
  const me = useMe();
  const agency = useLoad(() => ok(api.GET("/v1/agencies/{agencyId}", { params: { path: { agencyId } } })), [agencyId]);
  const units = useLoad(() => ok(api.GET("/v1/agencies/{agencyId}/units", { params: { path: { agencyId }, query: { limit: 200 } } })), [agencyId]);
  const kinds = useLoad(() => ok(api.GET("/v1/unit-kinds")), []);
  const kindList = kinds.data?.items ?? [];
  return (
    <Load loaded={agency}>
      {(a) => (
        <>
          <PageTitle title={a.name} />
          <p>
            <Link href="/instansi">{t("units.back")}</Link>
          </p>
          <p>
            <span className="muted">{t("units.place")}</span> {a.region || t("units.noPlace")}
          </p>
          {offers(me, "update-agency") && <PlaceForm agency={a} onSaved={agency.reload} />}
          <h2>{t("units.list")}</h2>
          <Load loaded={units}>
            {(page) =>
              page.items.length === 0 ? (
                <Empty>{t("units.noUnits")}</Empty>
              ) : (
                <ul className="list">
                  {page.items.map((u) => (
                    <UnitRow key={u.id + u.version} unit={u} kinds={kindList} onSaved={units.reload} />
                  ))}
                </ul>
              )
            }
          </Load>
          {offers(me, "create-unit") && <AddUnit agencyId={a.id} kinds={kindList} onAdded={units.reload} />}
        </>
      )}
    </Load>
  );
}

/** Changes the agency's name, province and kabupaten/kota (update-agency). */
function PlaceForm({ agency, onSaved }: { agency: Agency; onSaved: () => void }) {
  const [f, setF] = useState({ name: agency.name, province: agency.province, regency: agency.regency });
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void action.run(async () => {
      await ok(
        api.PATCH("/v1/agencies/{agencyId}", {
          params: { path: { agencyId: agency.id }, header: { "If-Match": etag(agency.version) } },
          headers: { "Content-Type": "application/merge-patch+json" },
          body: { name: f.name.trim(), province: f.province.trim(), regency: f.regency.trim() },
        }),
      );
      setSaved(true);
      onSaved();
    });
  };
  const problem = action.error?.problem;
  return (
    <details className="panel">
      <summary>{t("units.editPlace")}</summary>
      <form onSubmit={save}>
        <ProblemAlert error={action.error} fieldsShown={problem?.status === 422} />
        {saved && <p className="alert alert-info" role="status">{t("units.placeSaved")}</p>}
        <Field label={t("units.agencyName")} name="name" required maxLength={200} value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} problem={problem} />
        <div className="form-row">
          <Field label={t("units.province")} name="province" hint={t("units.provinceHint")} maxLength={200} value={f.province} onChange={(e) => setF({ ...f, province: e.currentTarget.value })} problem={problem} />
          <Field label={t("units.regency")} name="regency" hint={t("units.regencyHint")} maxLength={200} value={f.regency} onChange={(e) => setF({ ...f, regency: e.currentTarget.value })} problem={problem} />
        </div>
        <Button type="submit" className="btn-primary" busy={action.busy}>
          {t("common.save")}
        </Button>
      </form>
    </details>
  );
}

type Kind = Schema<"UnitKindEntry">;

/** The kind choices of a unit form. */
function KindSelect({ value, kinds, onChange, problem, guess }: { value: string; kinds: Kind[]; onChange: (v: string) => void; problem: Problem | undefined; guess?: boolean }) {
  return (
    <Select label={t("units.kind")} name="kind" value={value} onChange={(e) => onChange(e.currentTarget.value)} problem={problem}>
      {guess && <option value="">{t("units.kindGuess")}</option>}
      {kinds.map((k) => (
        <option key={k.kind} value={k.kind}>
          {k.label}
        </option>
      ))}
    </Select>
  );
}

/** One unit: its name and kind, renamed in place when its answer offers update-unit. */
function UnitRow({ unit, kinds, onSaved }: { unit: Unit; kinds: Kind[]; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const [f, setF] = useState({ name: unit.name, kind: unit.kind as string });
  const action = useAction();
  const save = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await ok(
        api.PATCH("/v1/units/{unitId}", {
          params: { path: { unitId: unit.id }, header: { "If-Match": etag(unit.version) } },
          headers: { "Content-Type": "application/merge-patch+json" },
          body: { name: f.name.trim(), kind: f.kind },
        }),
      );
      setEditing(false);
      onSaved();
    });
  };
  if (!editing) {
    return (
      <li>
        {unit.name} <span className="muted">({unit.kindLabel})</span>{" "}
        {offers(unit, "update-unit") && (
          <button type="button" className="btn-link" data-action="update-unit" onClick={() => setEditing(true)}>
            {t("units.rename")}
          </button>
        )}
      </li>
    );
  }
  const problem = action.error?.problem;
  return (
    <li>
      <form onSubmit={save}>
        <ProblemAlert error={action.error} fieldsShown={problem?.status === 422} />
        <div className="form-row">
          <Field label={t("units.unitName")} name="name" required maxLength={200} value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} problem={problem} />
          <KindSelect value={f.kind} kinds={kinds} onChange={(kind) => setF({ ...f, kind })} problem={problem} />
        </div>
        <div className="actions">
          <Button type="submit" className="btn-primary" busy={action.busy}>
            {t("common.save")}
          </Button>
          <Button type="button" onClick={() => setEditing(false)} disabled={action.busy}>
            {t("common.cancel")}
          </Button>
        </div>
      </form>
    </li>
  );
}

/** Adds a unit to the agency (create-unit); the kind may be left to the server's guess. */
function AddUnit({ agencyId, kinds, onAdded }: { agencyId: string; kinds: Kind[]; onAdded: () => void }) {
  const [f, setF] = useState({ name: "", kind: "" });
  const [added, setAdded] = useState<string>();
  const action = useAction();
  const add = (e: FormEvent) => {
    e.preventDefault();
    setAdded(undefined);
    void action.run(async () => {
      const unit = await ok(
        api.POST("/v1/agencies/{agencyId}/units", { params: { path: { agencyId } }, body: { name: f.name.trim(), kind: f.kind || undefined } }),
      );
      setAdded(unit.name);
      setF({ name: "", kind: "" });
      onAdded();
    });
  };
  const problem = action.error?.problem;
  return (
    <form className="panel" onSubmit={add} aria-label={t("units.add")}>
      <h3>{t("units.add")}</h3>
      <ProblemAlert error={action.error} fieldsShown={problem?.status === 422 || problem?.status === 409} />
      {added && <p className="alert alert-info" role="status">{t("units.added", { name: added })}</p>}
      <div className="form-row">
        <Field label={t("units.unitName")} name="name" required hint={t("units.unitNameHint")} maxLength={200} value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} problem={problem} />
        <KindSelect value={f.kind} kinds={kinds} onChange={(kind) => setF({ ...f, kind })} problem={problem} guess />
      </div>
      <Button type="submit" className="btn-primary" busy={action.busy} data-action="create-unit">
        {t("units.add")}
      </Button>
    </form>
  );
}
