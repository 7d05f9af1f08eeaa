// The table of the cohort dashboard: one row per participant with their
// project, overall progress, milestones per horizon, pending evidence,
// overdue milestones and last activity. On a phone each row is a card.
import type { Schema } from "../../api";
import { formatDateTime } from "../../format";
import { t, type MessageKey } from "../../i18n";
import { offers } from "../../offers";
import { Link } from "../../router";
import { Badge, ProgressBar, statusLabel } from "../../ui";
import { sortDirections, StatusBadge, type SortKey } from "./shared";

type Line = Schema<"ParticipantProgress">;
type Horizon = Schema<"HorizonProgress">;

/** The order the table shows: an API sort key, possibly reversed. */
export type TableSort = { key: SortKey; reversed: boolean };

/** The direction a column is sorted in, for aria-sort. */
function direction(sort: TableSort): "ascending" | "descending" {
  const natural = sortDirections[sort.key];
  if (!sort.reversed) return natural;
  return natural === "ascending" ? "descending" : "ascending";
}

/** A column header that sorts the table by key when pressed. */
function SortHeader({ label, sortKey, sort, onSort }: { label: MessageKey; sortKey: SortKey; sort: TableSort; onSort: (key: SortKey) => void }) {
  const active = sort.key === sortKey;
  const dir = active ? direction(sort) : undefined;
  return (
    <th scope="col" aria-sort={dir ?? "none"}>
      <button type="button" className="coach-sort" onClick={() => onSort(sortKey)}>
        {t(label)}
        <span aria-hidden="true" className="coach-sort-icon">
          {dir === "ascending" ? "▲" : dir === "descending" ? "▼" : "↕"}
        </span>
      </button>
    </th>
  );
}

const horizonNames = { short: "coach.horizonShortName", mid: "coach.horizonMidName", long: "coach.horizonLongName" } as const;

/** One horizon's milestones: a small bar of achieved of total, with what waits and what is late. */
function HorizonCell({ name, horizon }: { name: "short" | "mid" | "long"; horizon: Horizon }) {
  const pct = horizon.total > 0 ? (horizon.achieved / horizon.total) * 100 : 0;
  const counts = { achieved: horizon.achieved, total: horizon.total };
  return (
    <div className="coach-horizon">
      <span className="coach-horizon-name">
        <span aria-hidden="true">{t(horizonNames[name])}</span>
        <span className="visually-hidden">{statusLabel("horizon", name)}</span>
      </span>
      <span className="coach-meter" aria-hidden="true">
        <span className="coach-meter-fill" style={{ width: `${pct}%` }} />
      </span>
      {horizon.total > 0 ? (
        <span className="coach-horizon-count">
          <span aria-hidden="true">{t("coach.horizonFraction", counts)}</span>
          <span className="visually-hidden">{t("coach.horizonAchieved", counts)}</span>
        </span>
      ) : (
        <span className="coach-horizon-count">{t("coach.horizonNone")}</span>
      )}
      {(horizon.awaitingVerification > 0 || horizon.overdue > 0) && (
        <span className="coach-horizon-flags">
          {horizon.awaitingVerification > 0 && <Badge tone="info">{t("coach.awaiting", { count: horizon.awaitingVerification })}</Badge>}
          {horizon.overdue > 0 && <Badge tone="bad">{t("coach.overdueCount", { count: horizon.overdue })}</Badge>}
        </span>
      )}
    </div>
  );
}

/** The overdue milestones of a line, all horizons. */
export function overdueOf(line: Line): number {
  return line.short.overdue + line.mid.overdue + line.long.overdue;
}

function ParticipantRow({ line }: { line: Line }) {
  const overdue = overdueOf(line);
  return (
    <tr>
      <th scope="row" data-label={t("coach.colName")}>
        <Link href={`/proyek/${line.projectId}`}>{line.participantName}</Link>
        <small className="muted coach-block">{t("coach.mentor", { name: line.mentorName })}</small>
        {offers(line, "list-coaching-notes") && (
          <Link href={`/proyek/${line.projectId}/catatan`} className="coach-block" data-action="list-coaching-notes">
            {t("coach.notesTitle")}
          </Link>
        )}
      </th>
      <td data-label={t("coach.colGroup")} className="coach-group">{line.group}</td>
      <td data-label={t("coach.colProject")} className="coach-project">
        <span className="coach-block">{line.projectTitle}</span>
        <StatusBadge status={line.projectStatus} />
      </td>
      <td data-label={t("coach.colProgress")} className="coach-progress">
        <ProgressBar value={line.progress} label={t("coach.progressLabel", { name: line.participantName })} />
        <small className="muted coach-block">{t("coach.progressBasis", { achieved: line.progressBasis.achieved, total: line.progressBasis.total })}</small>
      </td>
      <td data-label={t("coach.colHorizons")} className="coach-horizons">
        <HorizonCell name="short" horizon={line.short} />
        <HorizonCell name="mid" horizon={line.mid} />
        <HorizonCell name="long" horizon={line.long} />
      </td>
      <td data-label={t("coach.colPending")} className="coach-num coach-half">
        {line.pendingEvidence > 0 ? <Badge tone="warn">{line.pendingEvidence}</Badge> : line.pendingEvidence}
      </td>
      <td data-label={t("coach.colOverdue")} className="coach-num coach-half">
        {overdue > 0 ? <Badge tone="bad">{overdue}</Badge> : overdue}
      </td>
      <td data-label={t("coach.colActivity")} className="coach-activity">{formatDateTime(line.lastActivityAt)}</td>
    </tr>
  );
}

/** The participants' table; sorting by a column header calls onSort with its key. */
export function ProgressTable({ lines, sort, onSort, busy }: { lines: Line[]; sort: TableSort; onSort: (key: SortKey) => void; busy: boolean }) {
  return (
    <div className="table-wrap coach-table-wrap">
      <table className="coach-table" aria-busy={busy || undefined}>
        <caption className="visually-hidden">{t("coach.tableCaption")}</caption>
        <thead>
          <tr>
            <SortHeader label="coach.colName" sortKey="name" sort={sort} onSort={onSort} />
            <th scope="col">{t("coach.colGroup")}</th>
            <th scope="col">{t("coach.colProject")}</th>
            <SortHeader label="coach.colProgress" sortKey="progress" sort={sort} onSort={onSort} />
            <th scope="col">{t("coach.colHorizons")}</th>
            <th scope="col">{t("coach.colPending")}</th>
            <th scope="col">{t("coach.colOverdue")}</th>
            <SortHeader label="coach.colActivity" sortKey="lastActivityAt" sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <ParticipantRow key={line.enrollmentId} line={line} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
