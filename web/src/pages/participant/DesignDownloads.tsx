// The design's PDFs (download-design-pdf, download-evidence-index-pdf), for
// everyone who reads the project, which is everyone who sees this page: the
// project's actions do not list them, so the buttons carry no data-action.
import { t } from "../../i18n";
import { Button, ProblemAlert, useAction } from "../../ui";
import type { Project } from "./model";
import { downloadFile } from "./upload";

/** Buttons that download the Rancangan and the evidence index as PDFs. */
export function DesignDownloads({ project }: { project: Project }) {
  const design = useAction();
  const index = useAction();
  const base = `/v1/projects/${encodeURIComponent(project.id)}`;
  return (
    <div className="actions design-downloads">
      <Button className="btn-small" busy={design.busy} busyLabel={t("participant.working")}
        onClick={() => void design.run(() => downloadFile(`${base}/design.pdf`, `rancangan-${project.id}.pdf`))}>
        {t("participant.design.downloadPdf")}
      </Button>
      <Button className="btn-small" busy={index.busy} busyLabel={t("participant.working")}
        onClick={() => void index.run(() => downloadFile(`${base}/evidence-index.pdf`, `daftar-bukti-dukung-${project.id}.pdf`))}>
        {t("participant.design.downloadIndex")}
      </Button>
      <ProblemAlert error={design.error ?? index.error} />
    </div>
  );
}
