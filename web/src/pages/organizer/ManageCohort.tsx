// Managing a cohort: its details and phases, its staff, the roster import,
// the participants' mentors, coaches and groups, and new activation codes.
// One page of sections with headings, reachable through in-page links.
import { useContext, type ReactNode } from "react";
import { api, ok, type Schema } from "../../api";
import { t } from "../../i18n";
import { hasRole, MeContext, useMe, type Me } from "../../me";
import { Link } from "../../router";
import { Load, Loading, PageTitle, ProblemAlert, useLoad, type Loaded } from "../../ui";
import { ActivationSection } from "./ActivationSection";
import { CohortDetails } from "./CohortDetails";
import { EnrollmentsSection } from "./EnrollmentsSection";
import { RosterImport } from "./RosterImport";
import { StaffSection } from "./StaffSection";
import "./organizer.css";

/** The cohort's participants: enrollments with the names of participant and mentor (from get-cohort-progress). */
export type Roster = {
  enrollments: Schema<"Enrollment">[];
  /** Participant and mentor names by enrollment id. */
  names: Map<string, { participant: string; mentor: string }>;
};

/** Every enrollment of the cohort (all pages) and, in one more call, the names to show with them. */
async function loadRoster(cohortId: string): Promise<Roster> {
  const enrollments: Schema<"Enrollment">[] = [];
  const progress = ok(api.GET("/v1/cohorts/{cohortId}/progress", { params: { path: { cohortId } } }));
  let cursor: string | undefined;
  do {
    const page = await ok(api.GET("/v1/cohorts/{cohortId}/enrollments", { params: { path: { cohortId }, query: { limit: 200, cursor } } }));
    enrollments.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const names = new Map((await progress).items.map((p) => [p.enrollmentId, { participant: p.participantName, mentor: p.mentorName }]));
  return { enrollments, names };
}

const mayManage = (me: Me, cohortId: string) => me.platformAdmin || hasRole(me, cohortId, "organizer");

/** The cohort management screen at /angkatan/:cohortId/kelola, for the cohort's organizers and platform admins. */
export function ManageCohort({ cohortId }: { cohortId: string }) {
  const me = useMe();
  const meContext = useContext(MeContext);
  const known = mayManage(me, cohortId);
  // A cohort created a moment ago is not yet in the frame's get-me: ask again.
  const fresh = useLoad(async () => {
    if (known) return me;
    const again = await ok(api.GET("/v1/me"));
    if (mayManage(again, cohortId)) meContext?.reload();
    return again;
  }, [known, cohortId]);

  if (!fresh.data) {
    return (
      <>
        <PageTitle title={t("organizer.manage.titleLoading")} />
        {fresh.error ? <ProblemAlert error={fresh.error} retry={fresh.reload} /> : <Loading />}
      </>
    );
  }
  if (!mayManage(fresh.data, cohortId)) {
    return (
      <>
        <PageTitle title={t("organizer.manage.titleLoading")} />
        <p className="alert alert-info">{t("organizer.manage.notAllowed")}</p>
      </>
    );
  }
  return <ManageSections cohortId={cohortId} />;
}

const sections = [
  ["detail", "organizer.details.title"],
  ["staf", "organizer.staff.title"],
  ["impor", "organizer.roster.title"],
  ["peserta", "organizer.enrollments.title"],
  ["kode-aktivasi", "organizer.activation.title"],
] as const;

function ManageSections({ cohortId }: { cohortId: string }) {
  const cohort = useLoad(() => ok(api.GET("/v1/cohorts/{cohortId}", { params: { path: { cohortId } } })), [cohortId]);
  const staff = useLoad(() => ok(api.GET("/v1/cohorts/{cohortId}/staff", { params: { path: { cohortId } } })), [cohortId]);
  const roster = useLoad(() => loadRoster(cohortId), [cohortId]);
  const title = cohort.data ? t("organizer.manage.title", { name: cohort.data.name }) : t("organizer.manage.titleLoading");

  return (
    <div className="org manage">
      <PageTitle title={title}>
        <Link href={`/angkatan/${cohortId}`} className="btn">
          {t("organizer.manage.dashboard")}
        </Link>
      </PageTitle>
      <nav aria-label={t("organizer.manage.toc")} className="toc">
        <ul>
          {sections.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Section id="detail" title={t("organizer.details.title")}>
        <Load loaded={cohort}>{(c) => <CohortDetails cohort={c} reload={cohort.reload} />}</Load>
      </Section>
      <Section id="staf" title={t("organizer.staff.title")}>
        <StaffSection cohortId={cohortId} institutionId={cohort.data?.institutionId} staff={staff} />
      </Section>
      <Section id="impor" title={t("organizer.roster.title")}>
        <RosterImport cohortId={cohortId} cohortName={cohort.data?.name ?? ""} cohortCode={cohort.data?.code ?? ""} onImported={roster.reload} />
      </Section>
      <Section id="peserta" title={t("organizer.enrollments.title")}>
        <RosterLoad roster={roster} staff={staff}>
          {(r, s) => <EnrollmentsSection roster={r} staff={s.items} reload={roster.reload} />}
        </RosterLoad>
      </Section>
      <Section id="kode-aktivasi" title={t("organizer.activation.title")}>
        <Load loaded={roster}>{(r) => <ActivationSection roster={r} />}</Load>
      </Section>
    </div>
  );
}

/** The roster and the staff, once both are loaded. */
function RosterLoad({ roster, staff, children }: { roster: Loaded<Roster>; staff: Loaded<Schema<"StaffListOutputBody">>; children: (r: Roster, s: Schema<"StaffListOutputBody">) => ReactNode }) {
  return <Load loaded={roster}>{(r) => <Load loaded={staff}>{(s) => children(r, s)}</Load>}</Load>;
}

/** A section of the page with its h2 heading and an anchor id. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="panel manage-section" aria-labelledby={id + "-title"}>
      <h2 id={id + "-title"}>{title}</h2>
      {children}
    </section>
  );
}
