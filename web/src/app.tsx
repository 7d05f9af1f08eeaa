// The app: the public screens (sign-in, activation), and the signed-in frame
// (header, navigation, get-me) around the screen the path names.
import { lazy, Suspense, useEffect, type ReactNode } from "react";
import { api, ok } from "./api";
import { t } from "./i18n";
import { commonTerms, setCurrentTerms } from "./i18n/terms";
import { MeContext, type Me } from "./me";
import { Link, match, navigate, usePath, useQuery } from "./router";
import { session, useToken } from "./session";
import { Badge, Load, Loading, PageTitle, useLoad } from "./ui";
import { Home } from "./pages/Home";
import { Activate, SignIn } from "./pages/SignIn";
import { Reminders, RemindersLink } from "./pages/followup/Reminders";

// Each role's screens are loaded when first opened, so a phone signing in
// downloads the frame and its own screens, not everyone's.
const ProjectPage = lazy(() => import("./pages/participant/ProjectPage").then((m) => ({ default: m.ProjectPage })));
const ReviewQueue = lazy(() => import("./pages/mentor/ReviewQueue").then((m) => ({ default: m.ReviewQueue })));
const DesignReview = lazy(() => import("./pages/mentor/DesignReview").then((m) => ({ default: m.DesignReview })));
const MilestoneReview = lazy(() => import("./pages/mentor/MilestoneReview").then((m) => ({ default: m.MilestoneReview })));
const EvidenceReview = lazy(() => import("./pages/mentor/EvidenceReview").then((m) => ({ default: m.EvidenceReview })));
const CohortDashboard = lazy(() => import("./pages/coach/CohortDashboard").then((m) => ({ default: m.CohortDashboard })));
const CoachingNotes = lazy(() => import("./pages/coach/CoachingNotes").then((m) => ({ default: m.CoachingNotes })));
const CreateCohort = lazy(() => import("./pages/organizer/CreateCohort").then((m) => ({ default: m.CreateCohort })));
const ManageCohort = lazy(() => import("./pages/organizer/ManageCohort").then((m) => ({ default: m.ManageCohort })));
const ExamineList = lazy(() => import("./pages/examiner/ExamineList").then((m) => ({ default: m.ExamineList })));
const SeminarSessions = lazy(() => import("./pages/organizer/SeminarSessions").then((m) => ({ default: m.SeminarSessions })));
const AssessmentForm = lazy(() => import("./pages/examiner/AssessmentForm").then((m) => ({ default: m.AssessmentForm })));
const Escalations = lazy(() => import("./pages/followup/Escalations").then((m) => ({ default: m.Escalations })));
const Workload = lazy(() => import("./pages/followup/Workload").then((m) => ({ default: m.Workload })));
const TransferScreen = lazy(() => import("./pages/followup/TransferScreen").then((m) => ({ default: m.TransferScreen })));
const ProgramTemplates = lazy(() => import("./pages/organizer/ProgramTemplates").then((m) => ({ default: m.ProgramTemplates })));
const Agencies = lazy(() => import("./pages/organizer/Agencies").then((m) => ({ default: m.Agencies })));
const AgencyUnits = lazy(() => import("./pages/organizer/Agencies").then((m) => ({ default: m.AgencyUnits })));
const GraduationScreen = lazy(() => import("./pages/graduation/Graduation").then((m) => ({ default: m.GraduationScreen })));
const ShowcaseSearch = lazy(() => import("./pages/showcase/ShowcaseSearch").then((m) => ({ default: m.ShowcaseSearch })));
const ShowcaseEntry = lazy(() => import("./pages/showcase/ShowcaseEntry").then((m) => ({ default: m.ShowcaseEntry })));

type Route = [pattern: string, screen: (params: Record<string, string>) => ReactNode];

/** The signed-in screens by path. Paths are in Indonesian, as users see them. */
const routes: Route[] = [
  ["/", () => <Home />],
  ["/proyek/:projectId", (p) => <ProjectPage projectId={p.projectId!} />],
  ["/proyek/:projectId/catatan", (p) => <CoachingNotes projectId={p.projectId!} />],
  ["/telaah", () => <ReviewQueue />],
  ["/telaah/rancangan/:projectId", (p) => <DesignReview projectId={p.projectId!} />],
  ["/telaah/tahapan/:milestoneId", (p) => <MilestoneReview milestoneId={p.milestoneId!} />],
  ["/telaah/bukti/:evidenceId", (p) => <EvidenceReview evidenceId={p.evidenceId!} />],
  ["/angkatan/baru", () => <CreateCohort />],
  ["/angkatan/:cohortId", (p) => <CohortDashboard cohortId={p.cohortId!} />],
  ["/angkatan/:cohortId/kelola", (p) => <ManageCohort cohortId={p.cohortId!} />],
  ["/angkatan/:cohortId/penilaian", (p) => <ExamineList cohortId={p.cohortId!} />],
  ["/penilaian/:projectId", (p) => <AssessmentForm projectId={p.projectId!} />],
  ["/angkatan/:cohortId/sesi-seminar", (p) => <SeminarSessions cohortId={p.cohortId!} />],
  ["/angkatan/:cohortId/kelulusan", (p) => <GraduationScreen cohortId={p.cohortId!} />],
  ["/pengingat", () => <Reminders />],
  ["/usulan-mentor/:transferId", (p) => <TransferScreen transferId={p.transferId!} />],
  ["/angkatan/:cohortId/eskalasi", (p) => <Escalations cohortId={p.cohortId!} />],
  ["/angkatan/:cohortId/beban-kerja", (p) => <Workload cohortId={p.cohortId!} />],
  ["/templat", () => <ProgramTemplates />],
  ["/instansi", () => <Agencies />],
  ["/instansi/:agencyId", (p) => <AgencyUnits agencyId={p.agencyId!} />],
];

/** The screens anyone may open, signed in (in the signed-in frame) or not (in the public frame). */
const publicRoutes: Route[] = [
  ["/etalase", () => <ShowcaseSearch />],
  ["/etalase/:publicationId", (p) => <ShowcaseEntry publicationId={p.publicationId!} />],
];

/** The whole app. */
export function App() {
  const path = usePath();
  const token = useToken();

  const publicScreen = path === "/masuk" ? <SignIn /> : path === "/aktivasi" ? <Activate /> : null;
  const openScreen = publicRoutes.some(([pattern]) => match(pattern, path));
  useEffect(() => {
    if (!token && !publicScreen && !openScreen) {
      const next = path === "/" ? "" : "?next=" + encodeURIComponent(path + location.search);
      navigate("/masuk" + next, true);
    }
  }, [token, publicScreen, openScreen, path]);

  if (publicScreen) {
    return (
      <main id="main" className="public">
        <p className="brand brand-public">
          {t("app.name")} <span>{t("app.tagline")}</span>
        </p>
        {publicScreen}
      </main>
    );
  }
  if (!token) return openScreen ? <PublicFrame path={path} /> : null;
  return <SignedIn path={path} />;
}

/** A public screen for a visitor who is not signed in: the brand and a way to sign in. */
function PublicFrame({ path }: { path: string }) {
  const query = useQuery().toString();
  const here = path + (query ? "?" + query : "");
  const nav = (
    <>
      <Link href="/etalase">{t("showcase.nav")}</Link>
      <Link href={"/masuk?next=" + encodeURIComponent(here)}>{t("showcase.signIn")}</Link>
    </>
  );
  return (
    <Shell home="/etalase" nav={nav}>
      {screenIn(publicRoutes, path)}
    </Shell>
  );
}

/** The page around every screen but sign-in: a skip link, the top bar with its navigation, the main content. */
function Shell({ home, nav, after, children }: { home: string; nav: ReactNode; after?: ReactNode; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="topbar">
        <Link href={home} className="brand">
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.menu")}>{nav}</nav>
        {after}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** The signed-in frame: get-me, then the screen the path names. */
function SignedIn({ path }: { path: string }) {
  const me = useLoad(() => ok(api.GET("/v1/me")), []);
  return (
    <Load loaded={me}>
      {(data) => {
        // The words of the user's cohorts, when they share them (a PKA
        // participant's screens say Aksi Perubahan); a project's screen
        // narrows them to its cohort's.
        setCurrentTerms(commonTerms(data.cohortTerms));
        return (
          <MeContext.Provider value={{ me: data, reload: me.reload }}>
            <Frame me={data}>{screenFor(path)}</Frame>
          </MeContext.Provider>
        );
      }}
    </Load>
  );
}

/** The screen for path among every route, public ones included. */
function screenFor(path: string): ReactNode {
  return screenIn([...routes, ...publicRoutes], path);
}

/** The first screen of list whose pattern matches path, loading while its code arrives; else "not found". */
function screenIn(list: Route[], path: string): ReactNode {
  for (const [pattern, screen] of list) {
    const params = match(pattern, path);
    if (params) return <Suspense fallback={<Loading />}>{screen(params)}</Suspense>;
  }
  return <PageTitle title={t("common.notFound")} />;
}

/** The signed-in page: navigation, who is signed in, sign-out. */
function Frame({ me, children }: { me: Me; children: ReactNode }) {
  const signOut = async () => {
    await api.POST("/v1/auth/logout").catch(() => undefined);
    session.end();
    navigate("/masuk", true);
  };
  const nav = (
    <>
      <Link href="/">{t("nav.home")}</Link>
      <Link href="/etalase">{t("showcase.nav")}</Link>
      <RemindersLink />
      <ReviewQueueLink />
      <button type="button" className="btn-link" onClick={() => void signOut()}>
        {t("nav.signOut")}
      </button>
    </>
  );
  return (
    <Shell home="/" nav={nav} after={<span className="whoami">{me.user.name}</span>}>
      {children}
    </Shell>
  );
}

/**
 * The link to the review queue with the number of items waiting, while
 * something waits for the user's review (or the queue is open): the queue
 * is everyone's, empty for whom reviews nothing.
 */
function ReviewQueueLink() {
  const path = usePath();
  const queue = useLoad(() => ok(api.GET("/v1/review-queue", { params: { query: { limit: 100 } } })), [path]);
  const count = queue.data?.items.length ?? 0;
  if (count === 0 && !path.startsWith("/telaah")) return null;
  return (
    <Link href="/telaah">
      {t("nav.reviewQueue")}{" "}
      {count > 0 && (
        <Badge tone="warn">
          <span aria-label={t("nav.reviewCount", { count: queue.data?.nextCursor ? "100+" : count })}>{queue.data?.nextCursor ? "100+" : count}</span>
        </Badge>
      )}
    </Link>
  );
}
