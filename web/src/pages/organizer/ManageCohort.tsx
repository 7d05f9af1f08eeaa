// Managing a cohort: its details and phases, its staff, the roster import,
// the participants' mentors, coaches and groups, and new activation codes.
// One page of sections with headings, reachable through in-page links, for
// whom the cohort's answer offers update-cohort; each section as its
// operation is offered.
import type { ReactNode } from "react";
import { api, ok, type Schema } from "../../api";
import { t, type MessageKey } from "../../i18n";
import { offers, type Operation } from "../../offers";
import { Link } from "../../router";
import { Load, Loading, PageTitle, ProblemAlert, useLoad, type Loaded } from "../../ui";
import { AgendaSection } from "../agenda/AgendaSection";
import { ClassesSection } from "../classes/ClassesSection";
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
  names: Map<string, { participant: string; mentor: string; participantSortName: string; mentorSortName: string }>;
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
  const names = new Map(
    (await progress).items.map((p) => [
      p.enrollmentId,
      { participant: p.participantName, mentor: p.mentorName, participantSortName: p.participantSortName, mentorSortName: p.mentorSortName },
    ]),
  );
  return { enrollments, names };
}

type Cohort = Schema<"Cohort">;

/** The cohort management screen at /angkatan/:cohortId/kelola, for the cohort's organizers and platform admins. */
export function ManageCohort({ cohortId }: { cohortId: string }) {
  const cohort = useLoad(() => ok(api.GET("/v1/cohorts/{cohortId}", { params: { path: { cohortId } } })), [cohortId]);
  if (!cohort.data) {
    return (
      <>
        <PageTitle title={t("organizer.manage.titleLoading")} />
        {cohort.error && cohort.error.problem.status !== 404 ? (
          <ProblemAlert error={cohort.error} retry={cohort.reload} />
        ) : cohort.error ? (
          <p className="alert alert-info">{t("organizer.manage.notAllowed")}</p>
        ) : (
          <Loading />
        )}
      </>
    );
  }
  if (!offers(cohort.data, "update-cohort")) {
    return (
      <>
        <PageTitle title={t("organizer.manage.titleLoading")} />
        <p className="alert alert-info">{t("organizer.manage.notAllowed")}</p>
      </>
    );
  }
  return <ManageSections cohort={cohort.data} reload={cohort.reload} />;
}

/** The page's sections: anchor, title, and the operation that offers it (none: shown on the page). */
const sections: [id: string, title: MessageKey, op: Operation | undefined][] = [
  ["detail", "organizer.details.title", "update-cohort"],
  // The agenda's own answer offers its operations (list-agenda-items).
  ["agenda", "organizer.agenda.title", "update-cohort"],
  ["staf", "organizer.staff.title", "add-cohort-staff"],
  ["impor", "organizer.roster.title", "import-roster"],
  ["peserta", "organizer.enrollments.title", "enroll-participant"],
  // Codes are issued per account (issue-activation), which no cohort answer offers.
  ["kode-aktivasi", "organizer.activation.title", undefined],
  // The classes (kelas): the cohort offers list-classes to its people, create-class to its organizers.
  ["kelas", "classes.title", "list-classes"],
];

function ManageSections({ cohort, reload }: { cohort: Cohort; reload: () => void }) {
  const cohortId = cohort.id;
  const staff = useLoad(() => ok(api.GET("/v1/cohorts/{cohortId}/staff", { params: { path: { cohortId } } })), [cohortId]);
  const roster = useLoad(() => loadRoster(cohortId), [cohortId]);
  const shown = sections.filter(([, , op]) => !op || offers(cohort, op));
  const has = (id: string) => shown.some(([s]) => s === id);

  return (
    <div className="org manage">
      <PageTitle title={t("organizer.manage.title", { name: cohort.name })}>
        {offers(cohort, "get-cohort-progress") && (
          <Link href={`/angkatan/${cohortId}`} className="btn">
            {t("organizer.manage.dashboard")}
          </Link>
        )}
      </PageTitle>
      <nav aria-label={t("organizer.manage.toc")} className="toc">
        <ul>
          {shown.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {has("detail") && (
        <Section id="detail" title={t("organizer.details.title")}>
          <CohortDetails cohort={cohort} reload={reload} />
        </Section>
      )}
      {has("agenda") && (
        <Section id="agenda" title={t("organizer.agenda.title")}>
          <AgendaSection cohortId={cohortId} code={cohort.code} />
        </Section>
      )}
      {has("staf") && (
        <Section id="staf" title={t("organizer.staff.title")}>
          <StaffSection cohortId={cohortId} institutionId={cohort.institutionId} staff={staff} />
        </Section>
      )}
      {has("impor") && (
        <Section id="impor" title={t("organizer.roster.title")}>
          <RosterImport cohortId={cohortId} cohortName={cohort.name} cohortCode={cohort.code} onImported={roster.reload} />
        </Section>
      )}
      {has("peserta") && (
        <Section id="peserta" title={t("organizer.enrollments.title")}>
          <RosterLoad roster={roster} staff={staff}>
            {(r, s) => <EnrollmentsSection roster={r} staff={s.items} reload={roster.reload} />}
          </RosterLoad>
        </Section>
      )}
      {has("kelas") && (
        <Section id="kelas" title={t("classes.title")}>
          <Load loaded={roster}>
            {(r) => (
              <ClassesSection
                cohortId={cohortId}
                canCreate={offers(cohort, "create-class")}
                enrollments={r.enrollments}
                names={(e) => r.names.get(e.id)?.participant ?? t("organizer.unknownPerson")}
                reloadRoster={roster.reload}
              />
            )}
          </Load>
        </Section>
      )}
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
