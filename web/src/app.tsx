// The app: the public screens (sign-in, activation), and the signed-in frame
// (header, navigation, get-me) around the screen the path names.
import { useEffect, type ReactNode } from "react";
import { api, ok } from "./api";
import { t } from "./i18n";
import { MeContext, type Me } from "./me";
import { Link, match, navigate, usePath } from "./router";
import { session, useToken } from "./session";
import { Badge, Load, PageTitle, useLoad } from "./ui";
import { Home } from "./pages/Home";
import { Activate, SignIn } from "./pages/SignIn";
import { ProjectPage } from "./pages/participant/ProjectPage";
import { ReviewQueue } from "./pages/mentor/ReviewQueue";
import { DesignReview } from "./pages/mentor/DesignReview";
import { MilestoneReview } from "./pages/mentor/MilestoneReview";
import { EvidenceReview } from "./pages/mentor/EvidenceReview";
import { CohortDashboard } from "./pages/coach/CohortDashboard";
import { CoachingNotes } from "./pages/coach/CoachingNotes";
import { CreateCohort } from "./pages/organizer/CreateCohort";
import { ManageCohort } from "./pages/organizer/ManageCohort";
import { ExamineList } from "./pages/examiner/ExamineList";
import { AssessmentForm } from "./pages/examiner/AssessmentForm";
import { Reminders, RemindersLink } from "./pages/followup/Reminders";
import { Escalations } from "./pages/followup/Escalations";
import { Workload } from "./pages/followup/Workload";
import { TransferScreen } from "./pages/followup/TransferScreen";

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
  ["/pengingat", () => <Reminders />],
  ["/usulan-mentor/:transferId", (p) => <TransferScreen transferId={p.transferId!} />],
  ["/angkatan/:cohortId/eskalasi", (p) => <Escalations cohortId={p.cohortId!} />],
  ["/angkatan/:cohortId/beban-kerja", (p) => <Workload cohortId={p.cohortId!} />],
];

/** The whole app. */
export function App() {
  const path = usePath();
  const token = useToken();

  const publicScreen = path === "/masuk" ? <SignIn /> : path === "/aktivasi" ? <Activate /> : null;
  useEffect(() => {
    if (!token && !publicScreen) {
      const next = path === "/" ? "" : "?next=" + encodeURIComponent(path + location.search);
      navigate("/masuk" + next, true);
    }
  }, [token, publicScreen, path]);

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
  if (!token) return null;
  return <SignedIn path={path} />;
}

function SignedIn({ path }: { path: string }) {
  const me = useLoad(() => ok(api.GET("/v1/me")), []);
  return (
    <Load loaded={me}>
      {(data) => (
        <MeContext.Provider value={{ me: data, reload: me.reload }}>
          <Frame me={data}>{screenFor(path)}</Frame>
        </MeContext.Provider>
      )}
    </Load>
  );
}

function screenFor(path: string): ReactNode {
  for (const [pattern, screen] of routes) {
    const params = match(pattern, path);
    if (params) return screen(params);
  }
  return <PageTitle title={t("common.notFound")} />;
}

function Frame({ me, children }: { me: Me; children: ReactNode }) {
  const reviews = me.roles.some((r) => r.role === "mentor" || r.role === "coach");
  const signOut = async () => {
    await api.POST("/v1/auth/logout").catch(() => undefined);
    session.end();
    navigate("/masuk", true);
  };
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.menu")}>
          <Link href="/">{t("nav.home")}</Link>
          <RemindersLink />
          {reviews && <ReviewQueueLink />}
          <button type="button" className="btn-link" onClick={() => void signOut()}>
            {t("nav.signOut")}
          </button>
        </nav>
        <span className="whoami">{me.user.name}</span>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** The link to the review queue with the number of items waiting. */
function ReviewQueueLink() {
  const path = usePath();
  const queue = useLoad(() => ok(api.GET("/v1/review-queue", { params: { query: { limit: 100 } } })), [path]);
  const count = queue.data?.items.length ?? 0;
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
