// The home screen: the user's cohorts (list-cohorts), each with the user's
// roles in it and the screens its answer offers (dashboard, escalations,
// workload, management, assessment), and the participant's own project.
import { api, ok, type Schema } from "../api";
import { t } from "../i18n";
import { useMe } from "../me";
import { offers } from "../offers";
import { Link } from "../router";
import { Badge, Empty, Load, PageTitle, statusLabel, useLoad } from "../ui";
import { compareNames, formatDate } from "../format";
import { RemindersPanel } from "./followup/Reminders";
import { NextAgenda } from "./agenda/NextAgenda";
import { StatusBadge } from "./coach/shared";
import { MySeminarSessions } from "./examiner/MySessions";

type Role = Schema<"RoleBody">["role"];

/** The home screen at /. */
export function Home() {
  const me = useMe();
  const cohorts = useLoad(() => ok(api.GET("/v1/cohorts", { params: { query: { limit: 200 } } })), []);
  const byCohort = new Map<string, Role[]>();
  for (const r of me.roles) byCohort.set(r.cohortId, [...(byCohort.get(r.cohortId) ?? []), r.role]);

  return (
    <>
      <PageTitle title={t("home.greeting", { name: me.user.name })}>
        {offers(me, "create-cohort") && (
          <Link href="/angkatan/baru" className="btn btn-primary">
            {t("home.newCohort")}
          </Link>
        )}
      </PageTitle>
      <RemindersPanel />
      <NextAgenda />
      <MySeminarSessions />
      <p>
        <Link href="/etalase">{t("showcase.see")}</Link>
        {offers(me, "create-cohort") && (
          <>
            {" · "}
            <Link href="/templat">{t("templates.nav")}</Link>
          </>
        )}
        {offers(me, "create-unit") && (
          <>
            {" · "}
            <Link href="/instansi">{t("units.nav")}</Link>
          </>
        )}
      </p>
      <h2>{t("home.roles")}</h2>
      <Load loaded={cohorts}>
        {(list) =>
          list.items.length === 0 ? (
            <Empty>{t("home.noRoles")}</Empty>
          ) : (
            <ul className="cards">
              {list.items.map((c) => (
                <li key={c.id} className="card">
                  <h3>{c.name}</h3>
                  <p className="muted">
                    {statusLabel("program", c.program)} · {formatDate(c.startsOn)} – {formatDate(c.endsOn)}
                  </p>
                  <p>
                    {(byCohort.get(c.id) ?? []).map((r) => (
                      <Badge key={r} tone="info">
                        {statusLabel("role", r)}
                      </Badge>
                    ))}
                  </p>
                  <CohortLinks cohort={c} />
                </li>
              ))}
            </ul>
          )
        }
      </Load>
    </>
  );
}

/** The screens of a cohort its answer offers. */
function CohortLinks({ cohort }: { cohort: Schema<"Cohort"> }) {
  const may = (op: Parameters<typeof offers>[1]) => offers(cohort, op);
  return (
    <div className="card-actions">
      {/* Who does not follow the whole cohort takes part in it through their own enrollments. */}
      {!may("get-cohort-progress") && <MyEnrollments cohortId={cohort.id} />}
      {may("get-cohort-progress") && (
        <Link href={`/angkatan/${cohort.id}`} className="btn">
          {t("home.dashboard")}
        </Link>
      )}
      {may("list-cohort-escalations") && (
        <Link href={`/angkatan/${cohort.id}/eskalasi`} className="btn">
          {t("followup.home.escalations")}
        </Link>
      )}
      {may("get-cohort-workload") && (
        <Link href={`/angkatan/${cohort.id}/beban-kerja`} className="btn">
          {t("followup.home.workload")}
        </Link>
      )}
      {may("update-cohort") && (
        <Link href={`/angkatan/${cohort.id}/kelola`} className="btn">
          {t("home.manage")}
        </Link>
      )}
      {may("record-assessment") && (
        <Link href={`/angkatan/${cohort.id}/penilaian`} className="btn">
          {t("home.examine")}
        </Link>
      )}
      {may("list-seminar-sessions") && (
        <Link href={`/angkatan/${cohort.id}/sesi-seminar`} className="btn">
          {t("seminar.homeLink")}
        </Link>
      )}
      {may("record-graduation-scores") && (
        <Link href={`/angkatan/${cohort.id}/kelulusan`} className="btn">
          {t("graduation.homeLink")}
        </Link>
      )}
    </div>
  );
}

/**
 * What the user takes part in through a cohort's enrollments they see:
 * their own project, and the participants they mentor (the enrollments
 * whose mentor they are), each with their project's title, status and link.
 */
function MyEnrollments({ cohortId }: { cohortId: string }) {
  const me = useMe();
  const loaded = useLoad(async () => {
    const list = await ok(api.GET("/v1/cohorts/{cohortId}/enrollments", { params: { path: { cohortId }, query: { limit: 200 } } }));
    const mine = list.items.find((e) => e.participantId === me.user.id);
    // Each enrollment names its participant and their project: one call for all mentees.
    const mentees = list.items.filter((e) => e.mentorId === me.user.id);
    mentees.sort((a, b) => compareNames(a.participantSortName, b.participantSortName));
    return { mine, mentees };
  }, [cohortId, me.user.id]);
  const data = loaded.data;
  if (!data) return null;
  return (
    <>
      {data.mine && (
        <Link href={`/proyek/${data.mine.projectId}`} className="btn btn-primary">
          {t("home.myProject")}
        </Link>
      )}
      {data.mentees.length > 0 && (
        <section className="mentees" aria-label={t("home.mentees")}>
          <h4>{t("home.mentees")}</h4>
          <ul>
            {data.mentees.map((e) => (
              <li key={e.id}>
                <Link href={`/proyek/${e.projectId}`}>{e.participantName}</Link>
                {" — "}
                {e.projectTitle || t("home.noTitleYet")} <StatusBadge status={e.projectStatus} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
