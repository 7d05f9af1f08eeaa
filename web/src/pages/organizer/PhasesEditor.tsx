// The schedule of a cohort as an editable list of phases (kind, start, end),
// with a default spread of the four phases over the training's dates, and
// the API's problems shown at the row they name (body.phases[1].endsOn).
import type { Problem, Schema } from "../../api";
import { t, type MessageKey } from "../../i18n";
import { Button, Field, Select } from "../../ui";
import { messagesAt, problemUnder } from "./problems";

/** The kind of a phase. */
export type PhaseKind = Schema<"Phase">["kind"];

/** The phases in the order a cohort runs them. */
export const phaseKinds: PhaseKind[] = ["design", "design_seminar", "implementation", "final_seminar"];

/** A phase being edited; key keeps React's rows stable while editing. */
export type PhaseRow = Schema<"Phase"> & { key: number };

/** The Indonesian name of a phase kind. */
export function phaseLabel(kind: PhaseKind): string {
  return t(`organizer.phase.${kind}` as MessageKey);
}

const dayMs = 24 * 60 * 60 * 1000;
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s + "T00:00:00Z"));
const toDay = (s: string) => Date.parse(s + "T00:00:00Z") / dayMs;
const fromDay = (d: number) => new Date(d * dayMs).toISOString().slice(0, 10);

/** Shares of the training's days per phase, in phaseKinds order (the last takes the rest). */
const shares = [0.25, 0.05, 0.6];

/**
 * The four phases one after another over startsOn…endsOn (a quarter for the
 * design, a short design seminar, most of the time for implementation, the
 * rest for the final seminar); none when the dates do not allow it.
 */
export function spreadPhases(startsOn: string, endsOn: string): PhaseRow[] {
  if (!isDate(startsOn) || !isDate(endsOn)) return [];
  const first = toDay(startsOn);
  const days = toDay(endsOn) - first + 1;
  if (days < phaseKinds.length) return [];
  const lengths = shares.map((s) => Math.max(1, Math.round(days * s)));
  while (lengths.reduce((a, b) => a + b, 0) > days - 1) lengths[2]!--;
  lengths.push(days - lengths.reduce((a, b) => a + b, 0));
  let next = first;
  return phaseKinds.map((kind, i) => {
    const row = { key: i, kind, startsOn: fromDay(next), endsOn: fromDay(next + lengths[i]! - 1) };
    next += lengths[i]!;
    return row;
  });
}

/** The phases of rows as the API takes them. */
export function phasesBody(rows: PhaseRow[]): Schema<"Phase">[] {
  return rows.map(({ kind, startsOn, endsOn }) => ({ kind, startsOn, endsOn }));
}

/** rows with a stable key each, for editing. */
export function withKeys(phases: Schema<"Phase">[]): PhaseRow[] {
  return phases.map((p, i) => ({ ...p, key: i }));
}

/**
 * The editable list of phases. onRespread (when given) offers to spread the
 * four phases over the training's dates again.
 */
export function PhasesEditor({ rows, onChange, problem, onRespread }: { rows: PhaseRow[]; onChange: (rows: PhaseRow[]) => void; problem: Problem | undefined; onRespread?: () => void }) {
  const set = (i: number, change: Partial<Schema<"Phase">>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const missing = phaseKinds.filter((k) => !rows.some((r) => r.kind === k));
  const add = () => {
    const last = rows[rows.length - 1];
    const kind = missing[0] ?? "design";
    onChange([...rows, { key: Math.max(-1, ...rows.map((r) => r.key)) + 1, kind, startsOn: last?.endsOn ?? "", endsOn: last?.endsOn ?? "" }]);
  };
  const listMessages = messagesAt(problem, "body.phases");

  return (
    <fieldset className="phases">
      <legend>{t("organizer.phases.title")}</legend>
      <p className="hint">{t("organizer.phases.hint")}</p>
      {listMessages.map((m, i) => (
        <p key={i} className="field-error" role="alert">
          {m}
        </p>
      ))}
      {rows.length === 0 && <p className="empty">{t("organizer.phases.empty")}</p>}
      <ol className="phase-list">
        {rows.map((row, i) => {
          const rowProblem = problemUnder(problem, `body.phases[${i}]`);
          const rowMessages = messagesAt(problem, `body.phases[${i}]`);
          return (
            <li key={row.key} className={"phase-row" + (rowMessages.length ? " phase-invalid" : "")}>
              <fieldset>
                <legend>{t("organizer.phases.row", { n: i + 1 })}</legend>
                <div className="phase-fields">
                  <Select label={t("organizer.phases.kind")} name="kind" value={row.kind} onChange={(e) => set(i, { kind: e.target.value as PhaseKind })} problem={rowProblem}>
                    {phaseKinds.map((k) => (
                      <option key={k} value={k}>
                        {phaseLabel(k)}
                      </option>
                    ))}
                  </Select>
                  <Field label={t("organizer.phases.startsOn")} name="startsOn" type="date" value={row.startsOn} onChange={(e) => set(i, { startsOn: e.target.value })} problem={rowProblem} />
                  <Field label={t("organizer.phases.endsOn")} name="endsOn" type="date" value={row.endsOn} onChange={(e) => set(i, { endsOn: e.target.value })} problem={rowProblem} />
                  <div className="phase-remove">
                    <Button type="button" className="btn-small btn-danger" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                      {t("organizer.phases.remove")}
                      <span className="visually-hidden"> {t("organizer.phases.row", { n: i + 1 })}</span>
                    </Button>
                  </div>
                </div>
                {rowMessages.map((m, j) => (
                  <p key={j} className="field-error" role="alert">
                    {m}
                  </p>
                ))}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <Button type="button" className="btn-small" onClick={add} disabled={rows.length >= phaseKinds.length}>
          {t("organizer.phases.add")}
        </Button>
        {onRespread && (
          <Button type="button" className="btn-small" onClick={onRespread}>
            {t("organizer.phases.respread")}
          </Button>
        )}
      </div>
    </fieldset>
  );
}
