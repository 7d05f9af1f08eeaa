// The cohort dashboard at /angkatan/:cohortId, for coaches (the participants
// they coach: the API scopes it) and organizers (everyone): the cohort, its
// totals, the mean progress per group, and a table of every participant with
// filters and sorting kept in the URL, and the CSV export.
import type { ChangeEvent } from "react";
import { api, ok, type ApiError, type Schema } from "../../api";
import { formatDate, formatNumber } from "../../format";
import { t, type MessageKey } from "../../i18n";
import { setQuery, useQuery } from "../../router";
import { Button, Empty, Field, Load, PageTitle, ProblemAlert, Select, statusLabel, useLoad, type Loaded } from "../../ui";
import { ExportButtons } from "./ExportButtons";
import { ClassSelect } from "../classes/ClassSelect";
import { GroupChart, groupMeans } from "./GroupChart";
import { ProgressTable, type TableSort } from "./ProgressTable";
import { isProjectStatus, isSortKey, projectStatuses, StatusBadge, type ProjectStatus, type SortKey } from "./shared";
import "./coach.css";

type Progress = Schema<"CohortProgress">;

/** The dashboard's view as the URL keeps it: ?kelas=&kelompok=&status=&urut=&arah=balik&cari=. */
type View = { classId: string; group: string; status: ProjectStatus | undefined; sort: TableSort; search: string };

function useView(): View {
  const q = useQuery();
  const status = q.get("status");
  const sort = q.get("urut");
  return {
    classId: q.get("kelas") ?? "",
    group: q.get("kelompok") ?? "",
    status: isProjectStatus(status) ? status : undefined,
    sort: { key: isSortKey(sort) ? sort : "name", reversed: q.get("arah") === "balik" },
    search: q.get("cari") ?? "",
  };
}

/** The cohort dashboard screen. */
export function CohortDashboard({ cohortId }: { cohortId: string }) {
  const view = useView();
  const cohort = useLoad(() => ok(api.GET("/v1/cohorts/{cohortId}", { params: { path: { cohortId } } })), [cohortId]);
  // The whole (coach-scoped) cohort: totals, chart and the group list.
  const all = useLoad(() => ok(api.GET("/v1/cohorts/{cohortId}/progress", { params: { path: { cohortId } } })), [cohortId]);
  // The table: the API filters by group and status and sorts.
  const lines = useLoad(
    () =>
      ok(
        api.GET("/v1/cohorts/{cohortId}/progress", {
          params: { path: { cohortId }, query: { classId: view.classId || undefined, group: view.group || undefined, status: view.status, sort: view.sort.key } },
        }),
      ),
    [cohortId, view.classId, view.group, view.status, view.sort.key],
  );
  const refreshing = all.loading || lines.loading;

  return (
    <>
      <PageTitle title={cohort.data?.name ?? t("coach.dashboard")}>
        <Button
          type="button"
          busy={refreshing}
          busyLabel={t("coach.refreshing")}
          onClick={() => {
            all.reload();
            lines.reload();
          }}
        >
          {t("coach.refresh")}
        </Button>
      </PageTitle>
      {cohort.error && <ProblemAlert error={cohort.error} retry={cohort.reload} />}
      {cohort.data && (
        <p className="muted">
          {t("coach.cohortInfo", {
            program: statusLabel("program", cohort.data.program),
            code: cohort.data.code,
            from: formatDate(cohort.data.startsOn),
            to: formatDate(cohort.data.endsOn),
          })}
        </p>
      )}

      <Load loaded={all}>
        {(data) => (
          <div className="coach-overview">
            <section className="panel" aria-labelledby="coach-summary">
              <h2 id="coach-summary">{t("coach.summary")}</h2>
              <Totals totals={data.totals} />
            </section>
            <section className="panel" aria-labelledby="coach-chart">
              <h2 id="coach-chart">{t("coach.chartTitle")}</h2>
              <GroupChart lines={data.items} />
            </section>
          </div>
        )}
      </Load>

      <section aria-labelledby="coach-participants">
        <h2 id="coach-participants">{t("coach.participants")}</h2>
        <Filters cohortId={cohortId} view={view} all={all.data} problem={lines.error} />
        {cohort.data && (
          <>
            <ExportButtons cohortId={cohortId} code={cohort.data.code} filters={{ classId: view.classId || undefined, group: view.group || undefined, status: view.status, sort: view.sort.key }} />
            <p className="muted coach-hint">{t("coach.exportHint")}</p>
          </>
        )}
        <Participants lines={lines} all={all.data} view={view} />
      </section>
    </>
  );
}

/** The cohort's totals: participants, mean progress, overdue milestones and participants per status. */
function Totals({ totals }: { totals: Progress["totals"] }) {
  return (
    <>
      <p className="muted coach-hint">{t("coach.summaryScope")}</p>
      <dl className="coach-stats">
        <div>
          <dt>{t("coach.totalParticipants")}</dt>
          <dd>{formatNumber(totals.participants)}</dd>
        </div>
        <div>
          <dt>{t("coach.totalMean")}</dt>
          <dd>{formatNumber(totals.meanProgress, 1)}%</dd>
        </div>
        <div>
          <dt>{t("coach.totalOverdue")}</dt>
          <dd>{formatNumber(totals.overdue)}</dd>
        </div>
      </dl>
      <h3>{t("coach.byStatus")}</h3>
      <ul className="coach-status-counts">
        {projectStatuses
          .filter((s) => (totals.byStatus[s] ?? 0) > 0)
          .map((s) => (
            <li key={s}>
              <StatusBadge status={s} /> <strong>{totals.byStatus[s]}</strong>
            </li>
          ))}
      </ul>
    </>
  );
}

const sortOptions: { value: string; key: SortKey; reversed: boolean; label: MessageKey }[] = [
  { value: "name", key: "name", reversed: false, label: "coach.sortName" },
  { value: "name:balik", key: "name", reversed: true, label: "coach.sortNameDesc" },
  { value: "progress", key: "progress", reversed: false, label: "coach.sortProgress" },
  { value: "progress:balik", key: "progress", reversed: true, label: "coach.sortProgressAsc" },
  { value: "lastActivityAt", key: "lastActivityAt", reversed: false, label: "coach.sortActivity" },
  { value: "lastActivityAt:balik", key: "lastActivityAt", reversed: true, label: "coach.sortActivityAsc" },
];

/** Puts a sort into the URL. */
function setSort(key: SortKey, reversed: boolean) {
  setQuery({ urut: key === "name" ? undefined : key, arah: reversed ? "balik" : undefined });
}

/** The group, status, sort and name filters; each change goes into the URL. */
function Filters({ cohortId, view, all, problem }: { cohortId: string; view: View; all: Progress | undefined; problem: ApiError | undefined }) {
  const groups = all ? groupMeans(all.items).map((g) => g.group) : [];
  if (view.group && !groups.includes(view.group)) groups.push(view.group);
  const counts = all?.totals.byStatus ?? {};
  const active = view.classId || view.group || view.status || view.search || view.sort.key !== "name" || view.sort.reversed;
  const onSort = (e: ChangeEvent<HTMLSelectElement>) => {
    const o = sortOptions.find((s) => s.value === e.target.value) ?? sortOptions[0]!;
    setSort(o.key, o.reversed);
  };
  return (
    <form className="coach-filters" role="search" aria-label={t("coach.filters")} onSubmit={(e) => e.preventDefault()}>
      <div className="form-row">
        <ClassSelect cohortId={cohortId} value={view.classId} onChange={(v) => setQuery({ kelas: v || undefined })} />
        <Select label={t("coach.filterGroup")} name="group" value={view.group} problem={problem?.problem} onChange={(e) => setQuery({ kelompok: e.target.value })}>
          <option value="">{t("coach.filterAll")}</option>
          {groups.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </Select>
        <Select label={t("coach.filterStatus")} name="status" value={view.status ?? ""} problem={problem?.problem} onChange={(e) => setQuery({ status: e.target.value })}>
          <option value="">{t("coach.filterAll")}</option>
          {projectStatuses.map((s) => (
            <option key={s} value={s}>
              {t("coach.filterStatusOption", { status: statusLabel("status", s), count: counts[s] ?? 0 })}
            </option>
          ))}
        </Select>
        <Select label={t("coach.sortBy")} name="sort" value={view.sort.key + (view.sort.reversed ? ":balik" : "")} problem={problem?.problem} onChange={onSort}>
          {sortOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {t(o.label)}
            </option>
          ))}
        </Select>
        <Field label={t("coach.search")} name="cari" type="search" value={view.search} autoComplete="off" onChange={(e) => setQuery({ cari: e.target.value })} />
      </div>
      {active && (
        <button type="button" className="btn btn-small" onClick={() => setQuery({ kelas: undefined, kelompok: undefined, status: undefined, urut: undefined, arah: undefined, cari: undefined })}>
          {t("coach.clearFilters")}
        </button>
      )}
    </form>
  );
}

/** The participants' table as filtered and sorted, with its count, loading and empty states. */
function Participants({ lines, all, view }: { lines: Loaded<Progress>; all: Progress | undefined; view: View }) {
  const onSort = (key: SortKey) => setSort(key, key === view.sort.key ? !view.sort.reversed : false);
  return (
    <Load loaded={lines}>
      {(data) => {
        const needle = view.search.trim().toLocaleLowerCase("id");
        let shown = needle ? data.items.filter((l) => l.participantName.toLocaleLowerCase("id").includes(needle)) : data.items;
        if (view.sort.reversed) shown = [...shown].reverse();
        const total = all?.totals.participants ?? data.totals.participants;
        return (
          <>
            <p className="coach-count" role="status" aria-live="polite">
              {lines.loading ? t("common.loading") : t("coach.showing", { shown: shown.length, total })}
            </p>
            {shown.length === 0 ? (
              <Empty>{total === 0 ? t("coach.noParticipants") : t("coach.noMatch")}</Empty>
            ) : (
              <ProgressTable lines={shown} sort={view.sort} onSort={onSort} busy={lines.loading} />
            )}
          </>
        );
      }}
    </Load>
  );
}
