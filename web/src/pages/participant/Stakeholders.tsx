// The stakeholder map of a design: an editable list of rows (name,
// internal/external, power and interest high/low) and its read-only table.
import type { Problem } from "../../api";
import { t } from "../../i18n";
import { Empty, Field, Select, ScrollRegion } from "../../ui";
import type { Stakeholder } from "./model";
import { namesField } from "./problems";

/** A stakeholder row being edited, with a key that stays while rows move. */
export type StakeholderRow = Stakeholder & { key: number };

let nextKey = 1;

/** Rows for editing from the project's stakeholders. */
export function toRows(stakeholders: Stakeholder[]): StakeholderRow[] {
  return stakeholders.map((s) => ({ ...s, key: nextKey++ }));
}

/** The stakeholders to send, without the editing keys. */
export function fromRows(rows: StakeholderRow[]): Stakeholder[] {
  return rows.map(({ name, kind, power, interest }) => ({ name, kind, power, interest }));
}

/** The editable stakeholder list: add and remove rows. */
export function StakeholderEditor({ rows, onChange, problem }: { rows: StakeholderRow[]; onChange: (rows: StakeholderRow[]) => void; problem: Problem | undefined }) {
  const set = (i: number, change: Partial<Stakeholder>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const add = () => onChange([...rows, { key: nextKey++, name: "", kind: "internal", power: "high", interest: "high" }]);
  const remove = (i: number) => onChange(rows.filter((_, j) => j !== i));
  const listMessage = namesField(problem, "stakeholders");
  return (
    <fieldset className="stakeholders">
      <legend>{t("participant.design.stakeholders")}</legend>
      <p className="hint">{t("participant.design.stakeholdersHint")}</p>
      {listMessage && (
        <p className="field-error" role="alert">
          {listMessage}
        </p>
      )}
      {rows.length === 0 && <Empty>{t("participant.design.noStakeholders")}</Empty>}
      {rows.map((row, i) => (
        <fieldset key={row.key} className="stakeholder-row">
          <legend>{t("participant.design.stakeholderN", { n: i + 1 })}</legend>
          <div className="form-row">
            <Field label={t("participant.stakeholder.name")} name={`stakeholders[${i}].name`} problem={problem} value={row.name} maxLength={200} onChange={(e) => set(i, { name: e.target.value })} />
            <Select label={t("participant.stakeholder.kind")} name={`stakeholders[${i}].kind`} problem={problem} value={row.kind} onChange={(e) => set(i, { kind: e.target.value as Stakeholder["kind"] })}>
              <option value="internal">{t("participant.stakeholder.internal")}</option>
              <option value="external">{t("participant.stakeholder.external")}</option>
            </Select>
            <Select label={t("participant.stakeholder.power")} name={`stakeholders[${i}].power`} problem={problem} value={row.power} onChange={(e) => set(i, { power: e.target.value as Stakeholder["power"] })}>
              <option value="high">{t("participant.level.high")}</option>
              <option value="low">{t("participant.level.low")}</option>
            </Select>
            <Select label={t("participant.stakeholder.interest")} name={`stakeholders[${i}].interest`} problem={problem} value={row.interest} onChange={(e) => set(i, { interest: e.target.value as Stakeholder["interest"] })}>
              <option value="high">{t("participant.level.high")}</option>
              <option value="low">{t("participant.level.low")}</option>
            </Select>
            <div className="row-remove">
              <button type="button" className="btn btn-small btn-danger" onClick={() => remove(i)}>
                {t("participant.remove")} <span className="visually-hidden">{t("participant.design.stakeholderN", { n: i + 1 })}</span>
              </button>
            </div>
          </div>
        </fieldset>
      ))}
      <button type="button" className="btn btn-small" onClick={add}>
        {t("participant.design.addStakeholder")}
      </button>
    </fieldset>
  );
}

/** How to treat a stakeholder by power and interest (Mendelow's grid). */
function strategy(s: Stakeholder): string {
  if (s.power === "high") return s.interest === "high" ? t("participant.strategy.manage") : t("participant.strategy.satisfy");
  return s.interest === "high" ? t("participant.strategy.inform") : t("participant.strategy.monitor");
}

/** The stakeholder map as a table. */
export function StakeholderTable({ stakeholders }: { stakeholders: Stakeholder[] }) {
  if (stakeholders.length === 0) return <Empty>{t("participant.design.noStakeholders")}</Empty>;
  return (
    // Focusable, so that a keyboard can scroll it on a narrow screen.
    <ScrollRegion label={t("participant.design.stakeholderMap")}>
      <table>
        <caption className="visually-hidden">{t("participant.design.stakeholders")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("participant.stakeholder.name")}</th>
            <th scope="col">{t("participant.stakeholder.kind")}</th>
            <th scope="col">{t("participant.stakeholder.power")}</th>
            <th scope="col">{t("participant.stakeholder.interest")}</th>
            <th scope="col">{t("participant.stakeholder.strategy")}</th>
          </tr>
        </thead>
        <tbody>
          {stakeholders.map((s, i) => (
            <tr key={i}>
              <td>{s.name}</td>
              <td>{t(`participant.stakeholder.${s.kind}`)}</td>
              <td>{t(`participant.level.${s.power}`)}</td>
              <td>{t(`participant.level.${s.interest}`)}</td>
              <td>{strategy(s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
