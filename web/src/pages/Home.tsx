// The home screen: the user's roles per cohort, each with the screens it
// opens (my project, review queue, cohort dashboard, management, assessment).
import { api, ok, type Schema } from "../api";
import { t } from "../i18n";
import { useMe } from "../me";
import { Link } from "../router";
import { Badge, Empty, Load, PageTitle, statusLabel, useLoad } from "../ui";
import { formatDate } from "../format";
import { RemindersPanel } from "./followup/Reminders";

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
        {me.institutions.length > 0 && (
          <Link href="/angkatan/baru" className="btn btn-primary">
            {t("home.newCohort")}
          </Link>
        )}
      </PageTitle>
      <RemindersPanel />
      <p>
        <Link href="/etalase">{t("showcase.see")}</Link>
      </p>
      <h2>{t("home.roles")}</h2>
      {byCohort.size === 0 && !me.platformAdmin && <Empty>{t("home.noRoles")}</Empty>}
      <Load loaded={cohorts}>
        {(list) => (
          <ul className="cards">
            {list.items
              .filter((c) => byCohort.has(c.id) || me.platformAdmin)
              .map((c) => (
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
                  <CohortLinks cohort={c} roles={byCohort.get(c.id) ?? []} admin={me.platformAdmin} />
                </li>
              ))}
          </ul>
        )}
      </Load>
    </>
  );
}

function CohortLinks({ cohort, roles, admin }: { cohort: Schema<"Cohort">; roles: Role[]; admin: boolean }) {
  const has = (r: Role) => roles.includes(r);
  return (
    <div className="card-actions">
      {has("participant") && <MyProjectLink cohortId={cohort.id} />}
      {(has("mentor") || has("coach")) && (
        <Link href="/telaah" className="btn">
          {t("home.reviews")}
        </Link>
      )}
      {(has("coach") || has("organizer") || admin) && (
        <Link href={`/angkatan/${cohort.id}`} className="btn">
          {t("home.dashboard")}
        </Link>
      )}
      {(has("coach") || has("organizer") || admin) && (
        <>
          <Link href={`/angkatan/${cohort.id}/eskalasi`} className="btn">
            {t("followup.home.escalations")}
          </Link>
          <Link href={`/angkatan/${cohort.id}/beban-kerja`} className="btn">
            {t("followup.home.workload")}
          </Link>
        </>
      )}
      {(has("organizer") || admin) && (
        <Link href={`/angkatan/${cohort.id}/kelola`} className="btn">
          {t("home.manage")}
        </Link>
      )}
      {has("examiner") && (
        <Link href={`/angkatan/${cohort.id}/penilaian`} className="btn">
          {t("home.examine")}
        </Link>
      )}
    </div>
  );
}

/** The participant's own project in a cohort: their one enrollment's project. */
function MyProjectLink({ cohortId }: { cohortId: string }) {
  const mine = useLoad(() => ok(api.GET("/v1/cohorts/{cohortId}/enrollments", { params: { path: { cohortId } } })), [cohortId]);
  const me = useMe();
  const enrollment = mine.data?.items.find((e) => e.participantId === me.user.id);
  if (!enrollment) return mine.loading ? null : <span className="muted">{t("home.noProject")}</span>;
  return (
    <Link href={`/proyek/${enrollment.projectId}`} className="btn btn-primary">
      {t("home.myProject")}
    </Link>
  );
}
