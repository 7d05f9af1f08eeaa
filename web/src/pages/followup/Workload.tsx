// The reviewers' workload at /angkatan/:cohortId/beban-kerja, for the
// cohort's coaches and organizers: per mentor, coach and examiner what waits
// for them (a bar each), how much is late, since when the oldest waits,
// their decisions and median response time; sortable on the client.
import { api, ok } from "../../api";
import { compareNames, formatDate, formatNumber } from "../../format";
import { t } from "../../i18n";
import { setQuery, useQuery } from "../../router";
import { Load, ScrollRegion, Select, useLoad } from "../../ui";
import { ClassSelect } from "../classes/ClassSelect";
import { CohortFollowup } from "./CohortFollowup";
import { daysSince, duration, reviewerRole, waited, type ReviewerLoad } from "./model";

/** The columns the table sorts by, with their query value. */
const columns = ["name", "role", "pending", "late", "oldest", "decisions", "median"] as const;
type Column = (typeof columns)[number];
type Direction = "asc" | "desc";

const roleOrder: Record<ReviewerLoad["role"], number> = { mentor: 0, coach: 1, examiner: 2 };

/** A's place before (negative) or after B by column, ascending; missing values always last. */
function compare(a: ReviewerLoad, b: ReviewerLoad, column: Column): number {
  const missingLast = (x: number | undefined, y: number | undefined) =>
    x === undefined && y === undefined ? 0 : x === undefined ? Infinity : y === undefined ? -Infinity : x - y;
  switch (column) {
    case "name":
      return compareNames(a.sortName, b.sortName);
    case "role":
      return roleOrder[a.role] - roleOrder[b.role];
    case "pending":
      return a.pending - b.pending;
    case "late":
      return a.late - b.late;
    case "decisions":
      return a.decisions - b.decisions;
    case "median":
      return missingLast(a.medianResponseHours, b.medianResponseHours);
    case "oldest":
      // Ascending: the one waiting longest first.
      return missingLast(a.oldestWaitingSince ? Date.parse(a.oldestWaitingSince) : undefined, b.oldestWaitingSince ? Date.parse(b.oldestWaitingSince) : undefined);
  }
}

/** The rows sorted by column in direction; ties by name. Missing values stay last either way. */
export function sortLoads(rows: ReviewerLoad[], column: Column, direction: Direction): ReviewerLoad[] {
  return [...rows].sort((a, b) => {
    const c = compare(a, b, column);
    const signed = Math.abs(c) === Infinity ? Math.sign(c) : direction === "asc" ? c : -c;
    return signed || compareNames(a.sortName, b.sortName) || roleOrder[a.role] - roleOrder[b.role];
  });
}

/** The direction a column sorts in when first chosen: counts largest first, names A–Z, oldest first. */
function firstDirection(column: Column): Direction {
  return column === "name" || column === "role" || column === "oldest" ? "asc" : "desc";
}

/** The workload screen. */
export function Workload({ cohortId }: { cohortId: string }) {
  return (
    <CohortFollowup cohortId={cohortId} titleKey="followup.workload.title" current="beban-kerja">
      {() => <WorkloadTable cohortId={cohortId} />}
    </CohortFollowup>
  );
}

function WorkloadTable({ cohortId }: { cohortId: string }) {
  const query = useQuery();
  const classId = query.get("kelas") ?? "";
  const loaded = useLoad(
    () => ok(api.GET("/v1/cohorts/{cohortId}/workload", { params: { path: { cohortId }, query: { classId: classId || undefined } } })),
    [cohortId, classId],
  );
  const column: Column = (columns as readonly string[]).includes(query.get("urut") ?? "") ? (query.get("urut") as Column) : "pending";
  const direction: Direction = query.get("arah") === "naik" ? "asc" : query.get("arah") === "turun" ? "desc" : firstDirection(column);
  const role = query.get("peran") ?? "";
  const sortBy = (c: Column, d?: Direction) => {
    const next = d ?? (c === column ? (direction === "asc" ? "desc" : "asc") : firstDirection(c));
    setQuery({ urut: c, arah: next === "asc" ? "naik" : "turun" });
  };

  return (
    <Load loaded={loaded}>
      {(data) => {
        const rows = sortLoads(
          data.items.filter((r) => !role || r.role === role),
          column,
          direction,
        );
        const most = Math.max(1, ...rows.map((r) => r.pending));
        const pending = rows.reduce((n, r) => n + r.pending, 0);
        const late = rows.reduce((n, r) => n + r.late, 0);
        return (
          <>
            <p className="fu-intro">{t("followup.workload.intro")}</p>
            <div className="fu-controls">
              <ClassSelect cohortId={cohortId} value={classId} onChange={(v) => setQuery({ kelas: v || undefined })} />
              <Select label={t("followup.workload.role")} name="peran" value={role} onChange={(e) => setQuery({ peran: e.target.value })}>
                <option value="">{t("followup.workload.allRoles")}</option>
                <option value="mentor">{reviewerRole("mentor")}</option>
                <option value="coach">{reviewerRole("coach")}</option>
                <option value="examiner">{reviewerRole("examiner")}</option>
              </Select>
              <Select
                label={t("followup.workload.sortBy")}
                name="urut"
                value={`${column}:${direction}`}
                onChange={(e) => {
                  const [c, d] = e.target.value.split(":") as [Column, Direction];
                  sortBy(c, d);
                }}
              >
                {columns.flatMap((c) =>
                  [firstDirection(c), firstDirection(c) === "asc" ? "desc" : "asc"].map((d) => (
                    <option key={`${c}:${d}`} value={`${c}:${d}`}>
                      {t(`followup.workload.col.${c}`)} — {t(`followup.workload.sort.${d === firstDirection(c) ? "first" : "second"}.${c}`)}
                    </option>
                  )),
                )}
              </Select>
            </div>
            <p className="fu-summary" role="status">
              {t("followup.workload.summary", { people: rows.length, pending, late })}
            </p>
            <p className="fu-legend">
              <span>
                <span className="fu-swatch fu-bar-fill" aria-hidden="true" />
                {t("followup.workload.legendOnTime")}
              </span>
              <span>
                <span className="fu-swatch fu-bar-late" aria-hidden="true" />
                {t("followup.workload.legendLate")}
              </span>
            </p>
            {rows.length === 0 ? (
              <p className="empty">{t("followup.workload.empty")}</p>
            ) : (
              <ScrollRegion label={t("followup.workload.tableLabel")}>
                <table className="fu-table fu-stack fu-workload">
                  <caption className="visually-hidden">{t("followup.workload.tableLabel")}</caption>
                  <thead>
                    <tr>
                      {columns.map((c) => (
                        <th key={c} scope="col" aria-sort={c === column ? (direction === "asc" ? "ascending" : "descending") : undefined}>
                          <button type="button" onClick={() => sortBy(c)}>
                            {t(`followup.workload.col.${c}`)}
                            <span aria-hidden="true" className="fu-sort-mark">
                              {c === column ? (direction === "asc" ? " ▲" : " ▼") : ""}
                            </span>
                          </button>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <LoadRow key={`${r.userId}-${r.role}`} load={r} most={most} />
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </>
        );
      }}
    </Load>
  );
}

/** One reviewer's line, with a bar of their pending items (the late part marked). */
function LoadRow({ load: r, most }: { load: ReviewerLoad; most: number }) {
  const onTime = r.pending - r.late;
  return (
    <tr>
      <th scope="row" data-label={t("followup.workload.col.name")}>
        {r.name}
      </th>
      <td data-label={t("followup.workload.col.role")}>{reviewerRole(r.role)}</td>
      <td data-label={t("followup.workload.col.pending")} className="fu-bar-cell">
        <span className="fu-bar-number">{formatNumber(r.pending)}</span>
        <span className="fu-bar" aria-hidden="true">
          <span className="fu-bar-late" style={{ width: `${(r.late / most) * 100}%` }} />
          <span className="fu-bar-fill" style={{ width: `${(onTime / most) * 100}%` }} />
        </span>
      </td>
      <td data-label={t("followup.workload.col.late")}>{r.late > 0 ? <strong className="fu-late-text">{formatNumber(r.late)}</strong> : formatNumber(r.late)}</td>
      <td data-label={t("followup.workload.col.oldest")}>
        {r.oldestWaitingSince ? (
          <>
            {formatDate(r.oldestWaitingSince)}
            <br />
            <span className="muted">{waited(daysSince(r.oldestWaitingSince))}</span>
          </>
        ) : (
          <span className="muted">{t("followup.workload.nothingWaits")}</span>
        )}
      </td>
      <td data-label={t("followup.workload.col.decisions")}>{formatNumber(r.decisions)}</td>
      <td data-label={t("followup.workload.col.median")}>
        {r.medianResponseHours !== undefined ? duration(r.medianResponseHours) : <span className="muted">{t("followup.workload.noDecisions")}</span>}
      </td>
    </tr>
  );
}
