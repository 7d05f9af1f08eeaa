// The design's structured sections (success indicators, tim efektif, risks,
// resources and budget, strategic alignment): editable lists of rows in the
// design form, and read-only tables in the design's view.
import type { Problem } from "../../api";
import { t, type MessageKey } from "../../i18n";
import { Empty, Field, TextArea, ScrollRegion } from "../../ui";
import type { Project } from "./model";
import { namesField } from "./problems";

/** One editable column of a section: its field in the API, its label, and whether it is a paragraph or a number. */
type Column = { field: string; label: MessageKey; kind?: "area" | "number" };

/** A row being edited: its fields as text, a key that stays while rows move, and the id the API gave it (indicators). */
export type Row = { key: number; id?: string; values: Record<string, string> };

let nextKey = 1;

/** The sections' editable state. */
export type SectionsDraft = {
  successIndicators: Row[];
  sponsor: string;
  mentor: string;
  projectLeader: string;
  members: Row[];
  risks: Row[];
  resources: Row[];
  strategicAlignment: string;
};

const indicatorColumns: Column[] = [
  { field: "name", label: "participant.indicator.name" },
  { field: "baseline", label: "participant.indicator.baseline" },
  { field: "target", label: "participant.indicator.target" },
  { field: "unit", label: "participant.indicator.unit" },
];
const memberColumns: Column[] = [
  { field: "name", label: "participant.team.memberName" },
  { field: "role", label: "participant.team.memberRole" },
];
const riskColumns: Column[] = [
  { field: "description", label: "participant.risk.description", kind: "area" },
  { field: "mitigation", label: "participant.risk.mitigation", kind: "area" },
];
const resourceColumns: Column[] = [
  { field: "name", label: "participant.resource.name" },
  { field: "source", label: "participant.resource.source" },
  { field: "amountRupiah", label: "participant.resource.amount", kind: "number" },
];

function rowsOf(items: object[], columns: Column[]): Row[] {
  return items.map((item) => {
    const record = item as Record<string, unknown>;
    const values: Record<string, string> = {};
    for (const c of columns) values[c.field] = String(record[c.field] ?? "");
    return { key: nextKey++, id: typeof record.id === "string" ? record.id : undefined, values };
  });
}

/** The editable state of p's sections. */
export function sectionsDraftOf(p: Project): SectionsDraft {
  return {
    successIndicators: rowsOf(p.successIndicators, indicatorColumns),
    sponsor: p.team.sponsor,
    mentor: p.team.mentor,
    projectLeader: p.team.projectLeader,
    members: rowsOf(p.team.members, memberColumns),
    risks: rowsOf(p.risks, riskColumns),
    resources: rowsOf(p.resources, resourceColumns),
    strategicAlignment: p.strategicAlignment,
  };
}

/** A row's field as text, "" when unset. */
const val = (r: Row, field: string) => r.values[field] ?? "";

/** The sections as the API takes them (update-project), from the editable state. */
export function sectionsOf(d: SectionsDraft) {
  return {
    successIndicators: d.successIndicators.map((r) => ({ ...(r.id ? { id: r.id } : {}), name: val(r, "name"), baseline: val(r, "baseline"), target: val(r, "target"), unit: val(r, "unit") })),
    team: { sponsor: d.sponsor, mentor: d.mentor, projectLeader: d.projectLeader, members: d.members.map((r) => ({ name: val(r, "name"), role: val(r, "role") })) },
    risks: d.risks.map((r) => ({ description: val(r, "description"), mitigation: val(r, "mitigation") })),
    resources: d.resources.map((r) => ({ name: val(r, "name"), source: val(r, "source"), amountRupiah: Number(val(r, "amountRupiah").replace(/\D/g, "")) || 0 })),
    strategicAlignment: d.strategicAlignment,
  };
}

/** The sections of p as the API answered them, shaped as sectionsOf shapes them, to tell what changed. */
export function storedSections(p: Project) {
  return sectionsOf(sectionsDraftOf(p));
}

/** An editable list of rows of one section: add and remove rows. */
function RowsEditor({ name, legend, itemLabel, addLabel, columns, rows, onChange, problem }: {
  name: string;
  legend: string;
  itemLabel: MessageKey;
  addLabel: MessageKey;
  columns: Column[];
  rows: Row[];
  onChange: (rows: Row[]) => void;
  problem: Problem | undefined;
}) {
  const set = (i: number, field: string, value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, values: { ...r.values, [field]: value } } : r)));
  const add = () => onChange([...rows, { key: nextKey++, values: Object.fromEntries(columns.map((c) => [c.field, c.kind === "number" ? "0" : ""])) }]);
  const remove = (i: number) => onChange(rows.filter((_, j) => j !== i));
  const listMessage = namesField(problem, name);
  return (
    <fieldset className="stakeholders design-section">
      <legend>{legend}</legend>
      {listMessage && (
        <p className="field-error" role="alert">
          {listMessage}
        </p>
      )}
      {rows.map((row, i) => (
        <fieldset key={row.key} className="stakeholder-row">
          <legend>{t(itemLabel, { n: i + 1 })}</legend>
          <div className="form-row">
            {columns.map((c) =>
              c.kind === "area" ? (
                <TextArea key={c.field} label={t(c.label)} name={`${name}[${i}].${c.field}`} problem={problem} rows={2} value={row.values[c.field] ?? ""} onChange={(e) => set(i, c.field, e.target.value)} />
              ) : (
                <Field key={c.field} label={t(c.label)} name={`${name}[${i}].${c.field}`} problem={problem} value={row.values[c.field] ?? ""} inputMode={c.kind === "number" ? "numeric" : undefined} maxLength={200} onChange={(e) => set(i, c.field, e.target.value)} />
              ),
            )}
            <div className="row-remove">
              <button type="button" className="btn btn-small btn-danger" onClick={() => remove(i)}>
                {t("participant.remove")} <span className="visually-hidden">{t(itemLabel, { n: i + 1 })}</span>
              </button>
            </div>
          </div>
        </fieldset>
      ))}
      <button type="button" className="btn btn-small" onClick={add}>
        {t(addLabel)}
      </button>
    </fieldset>
  );
}

/** The editable structured sections of the design form. */
export function SectionsEditor({ draft, onChange, problem }: { draft: SectionsDraft; onChange: (change: Partial<SectionsDraft>) => void; problem: Problem | undefined }) {
  return (
    <>
      <RowsEditor name="successIndicators" legend={t("participant.design.indicators")} itemLabel="participant.indicator.n" addLabel="participant.indicator.add"
        columns={indicatorColumns} rows={draft.successIndicators} onChange={(successIndicators) => onChange({ successIndicators })} problem={problem} />
      <fieldset className="stakeholders design-section">
        <legend>{t("participant.design.team")}</legend>
        <div className="form-row">
          <Field label={t("participant.team.sponsor")} name="team.sponsor" problem={problem} value={draft.sponsor} maxLength={200} onChange={(e) => onChange({ sponsor: e.target.value })} />
          <Field label={t("participant.team.mentor")} name="team.mentor" problem={problem} value={draft.mentor} maxLength={200} onChange={(e) => onChange({ mentor: e.target.value })} />
          <Field label={t("participant.team.projectLeader")} name="team.projectLeader" problem={problem} value={draft.projectLeader} maxLength={200} onChange={(e) => onChange({ projectLeader: e.target.value })} />
        </div>
        <RowsEditor name="team.members" legend={t("participant.team.members")} itemLabel="participant.team.memberN" addLabel="participant.team.addMember"
          columns={memberColumns} rows={draft.members} onChange={(members) => onChange({ members })} problem={problem} />
      </fieldset>
      <RowsEditor name="risks" legend={t("participant.design.risks")} itemLabel="participant.risk.n" addLabel="participant.risk.add"
        columns={riskColumns} rows={draft.risks} onChange={(risks) => onChange({ risks })} problem={problem} />
      <RowsEditor name="resources" legend={t("participant.design.resources")} itemLabel="participant.resource.n" addLabel="participant.resource.add"
        columns={resourceColumns} rows={draft.resources} onChange={(resources) => onChange({ resources })} problem={problem} />
      <TextArea label={t("participant.design.alignment")} name="strategicAlignment" problem={problem} value={draft.strategicAlignment} hint={t("participant.design.alignmentHint")} onChange={(e) => onChange({ strategicAlignment: e.target.value })} />
    </>
  );
}

/** A section as a read-only table. */
function RowsTable({ caption, columns, items }: { caption: string; columns: Column[]; items: object[] }) {
  if (items.length === 0) return <Empty>{t("participant.design.notFilled")}</Empty>;
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.field} scope="col">
                {t(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item, i) => (
            <tr key={i}>
              {columns.map((c) => {
                const value = (item as Record<string, unknown>)[c.field];
                return <td key={c.field}>{c.kind === "number" ? formatRupiah(Number(value)) : String(value ?? "")}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** An amount in rupiah as Indonesians write it: "Rp25.000.000". */
export function formatRupiah(amount: number): string {
  return "Rp" + new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 }).format(amount);
}

/** The structured sections of the design, read-only. */
export function SectionsView({ project: p }: { project: Project }) {
  return (
    <>
      <h3>{t("participant.design.indicators")}</h3>
      <RowsTable caption={t("participant.design.indicators")} columns={indicatorColumns} items={p.successIndicators} />
      <h3>{t("participant.design.team")}</h3>
      <dl>
        {([["participant.team.sponsor", p.team.sponsor], ["participant.team.mentor", p.team.mentor], ["participant.team.projectLeader", p.team.projectLeader]] as [MessageKey, string][]).map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{value || <span className="muted">{t("participant.design.notFilled")}</span>}</dd>
          </div>
        ))}
      </dl>
      <RowsTable caption={t("participant.team.members")} columns={memberColumns} items={p.team.members} />
      <h3>{t("participant.design.risks")}</h3>
      <RowsTable caption={t("participant.design.risks")} columns={riskColumns} items={p.risks} />
      <h3>{t("participant.design.resources")}</h3>
      <RowsTable caption={t("participant.design.resources")} columns={resourceColumns} items={p.resources} />
      <h3>{t("participant.design.alignment")}</h3>
      <p>{p.strategicAlignment || <span className="muted">{t("participant.design.notFilled")}</span>}</p>
    </>
  );
}
