// The CSV export of the cohort's progress: export-cohort-progress needs the
// bearer token, so the file is fetched by the API client (which adds the
// Authorization header) and handed to the browser as a Blob download.
import { useState } from "react";
import { api, ok } from "../../api";
import { t } from "../../i18n";
import { Button, ProblemAlert, useAction } from "../../ui";
import type { ProjectStatus, SortKey } from "./shared";

/** The filters of the export, as get-cohort-progress takes them. */
export type ExportFilters = { group?: string; classId?: string; status?: ProjectStatus; sort: SortKey };

type Separator = "," | ";";

/** Saves blob as a file named name through a temporary <a download>. */
function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before freeing it.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Two buttons: the CSV as the API writes it (commas), and the variant for
 * Excel in an Indonesian locale (semicolons, with a UTF-8 byte order mark so
 * Excel reads names with accents correctly).
 */
export function ExportButtons({ cohortId, code, filters }: { cohortId: string; code: string; filters: ExportFilters }) {
  const action = useAction();
  const [running, setRunning] = useState<Separator>();

  const download = (sep: Separator) => {
    setRunning(sep);
    void action.run(async () => {
      const blob = await ok(
        api.GET("/v1/cohorts/{cohortId}/progress.csv", {
          params: { path: { cohortId }, query: { ...filters, sep } },
          parseAs: "blob",
        }),
      );
      const file = sep === ";" ? new Blob(["\uFEFF", blob], { type: "text/csv;charset=utf-8" }) : blob;
      saveFile(file, `progres-${code}.csv`);
    });
  };

  return (
    <div className="coach-export">
      <div className="actions">
        <Button type="button" className="btn-primary" busy={action.busy && running === ","} busyLabel={t("coach.exporting")} disabled={action.busy} onClick={() => download(",")}>
          {t("coach.export")}
        </Button>
        <Button type="button" busy={action.busy && running === ";"} busyLabel={t("coach.exporting")} disabled={action.busy} onClick={() => download(";")}>
          {t("coach.exportExcel")}
        </Button>
      </div>
      <ProblemAlert error={action.error} />
    </div>
  );
}
