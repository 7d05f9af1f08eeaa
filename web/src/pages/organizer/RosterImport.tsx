// Section c of the management page: importing the roster from a CSV file
// (file input or drop zone), its problems per row and column, and the
// activation codes of the accounts it created, to print or download.
import { useState, type DragEvent } from "react";
import { api, ok, type Problem, type Schema } from "../../api";
import { t, type MessageKey } from "../../i18n";
import { Button, Field, ProblemAlert, ScrollRegion, statusLabel, useAction } from "../../ui";
import { rosterByLine, parseCsv, toCsv, useCsvUrl } from "./csv";
import { rosterProblems } from "./problems";

type ImportResult = Schema<"RosterImportResult">;

/** The roster's columns, as the server names them. */
export const rosterColumns = ["nip", "name", "email", "position", "rank", "agency", "mentor_email", "mentor_name", "coach_email", "group", "unit", "mentor_unit"] as const;

/** A template to fill in: the header row only, so that no example person is imported by mistake. */
const template = toCsv([[...rosterColumns]]);

/** A person whose account the import created, with their one-time code. */
export type CodeRow = { name: string; email: string; role: "participant" | "mentor"; code: string };

type ChosenFile = { name: string; text: string; rows: number };

/** The import form and its outcome; onImported reloads the participant list. */
export function RosterImport({ cohortId, cohortName, cohortCode, onImported }: { cohortId: string; cohortName: string; cohortCode: string; onImported: () => void }) {
  const [file, setFile] = useState<ChosenFile>();
  const [fileError, setFileError] = useState<string>();
  const [outcome, setOutcome] = useState<{ result: ImportResult; codes: CodeRow[] }>();
  const action = useAction();

  const choose = async (f: File | undefined) => {
    setFileError(undefined);
    setFile(undefined);
    action.clear();
    if (!f) return;
    if (!/\.csv$/i.test(f.name) && !f.type.includes("csv")) return setFileError(t("organizer.roster.notCsv"));
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(await f.arrayBuffer());
    } catch {
      return setFileError(t("organizer.roster.notUtf8"));
    }
    if (text.trim() === "") return setFileError(t("organizer.roster.emptyFile"));
    setFile({ name: f.name, text, rows: Math.max(0, parseCsv(text).length - 1) });
  };

  const submit = () => {
    if (!file) return;
    setOutcome(undefined);
    void action.run(async () => {
      const result = await ok(
        api.POST("/v1/cohorts/{cohortId}/roster", {
          params: { path: { cohortId } },
          headers: { "Content-Type": "text/csv" },
          body: file.text,
          bodySerializer: (csv: string) => csv,
        }),
      );
      setOutcome({ result, codes: await activationCodes(result, file.text) });
      setFile(undefined);
      onImported();
    });
  };

  const problem = action.problem;
  const rowProblems = problem?.status === 422 && (problem.errors?.length ?? 0) > 0;
  return (
    <>
      <p>{t("organizer.roster.intro")}</p>
      <ColumnsHelp />
      <DropZone onFile={(f) => void choose(f)} />
      {fileError && (
        <p className="alert alert-error" role="alert">
          {fileError}
        </p>
      )}
      {file && (
        <p className="alert alert-info" role="status">
          {t("organizer.roster.chosen", { file: file.name, rows: file.rows })}
        </p>
      )}
      <div className="actions">
        <Button type="button" className="btn-primary" busy={action.busy} busyLabel={t("organizer.roster.submitting")} disabled={!file} onClick={submit}>
          {t("organizer.roster.submit")}
        </Button>
      </div>
      {problem && rowProblems ? <RosterProblems problem={problem} /> : <ProblemAlert error={action.error} />}
      {outcome && <ImportOutcome result={outcome.result} codes={outcome.codes} cohortName={cohortName} cohortCode={cohortCode} />}
    </>
  );
}

/**
 * The people the import created with their codes. Names and mentors' e-mails
 * come from the file's own rows (the result names rows by line); get-user
 * answers for any row the browser could not read the same way.
 */
async function activationCodes(result: ImportResult, text: string): Promise<CodeRow[]> {
  const lines = rosterByLine(text);
  const person = async (id: string, name: string | undefined, email: string | undefined) => {
    if (name && email) return { name, email };
    const u = await ok(api.GET("/v1/users/{userId}", { params: { path: { userId: id } } }));
    return { name: u.name, email: u.email };
  };
  const codes: CodeRow[] = [];
  for (const r of result.rows) {
    const line = lines.get(r.row);
    if (r.participantActivationCode) {
      codes.push({ ...(await person(r.participantId, line?.name, r.email)), role: "participant", code: r.participantActivationCode });
    }
    if (r.mentorActivationCode) {
      codes.push({ ...(await person(r.mentorId, line?.mentor_name, line?.mentor_email?.toLowerCase())), role: "mentor", code: r.mentorActivationCode });
    }
  }
  return codes;
}

/** What each column holds, the separators, and a template to download. */
function ColumnsHelp() {
  const url = useCsvUrl(template);
  return (
    <div className="subpanel">
      <h3>{t("organizer.roster.columns")}</h3>
      <p>{t("organizer.roster.columnsHint")}</p>
      <ScrollRegion label={t("organizer.roster.columns")}>
        <table className="columns-table">
          <caption className="visually-hidden">{t("organizer.roster.columns")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("organizer.roster.column")}</th>
              <th scope="col">{t("organizer.roster.meaning")}</th>
            </tr>
          </thead>
          <tbody>
            {rosterColumns.map((c) => (
              <tr key={c}>
                <td>
                  <code>{c}</code>
                </td>
                <td>{t(`organizer.roster.col.${c}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p>
        <a className="btn btn-small" href={url} download="templat-daftar-peserta.csv" aria-disabled={!url || undefined}>
          {t("organizer.roster.template")}
        </a>
      </p>
    </div>
  );
}

/** A drop zone for a CSV file, with a file input for everyone who does not drag. */
function DropZone({ onFile }: { onFile: (file: File | undefined) => void }) {
  const [dragging, setDragging] = useState(false);
  const over = (e: DragEvent) => {
    e.preventDefault();
    setDragging(true);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    onFile(e.dataTransfer.files[0]);
  };
  return (
    <div className={"dropzone" + (dragging ? " dragging" : "")} onDragOver={over} onDragEnter={over} onDragLeave={() => setDragging(false)} onDrop={drop}>
      <p>{t("organizer.roster.drop")}</p>
      <Field
        label={t("organizer.roster.file")}
        name="file"
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => {
          onFile(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
    </div>
  );
}

/** A refused roster: every problem, by row and column, and those of the header and the file. */
function RosterProblems({ problem }: { problem: Problem }) {
  const all = rosterProblems(problem);
  const header = all.filter((p) => p.kind === "header");
  const file = all.filter((p) => p.kind === "file");
  const rows = all.flatMap((p) => (p.kind === "row" ? [p] : []));
  return (
    <div className="roster-problems">
      <div className="alert alert-error" role="alert">
        <strong>{t("organizer.roster.failed", { count: all.length })}</strong>
      </div>
      {file.length > 0 && <ProblemList title={t("organizer.roster.fileProblems")} messages={file.map((p) => p.message)} />}
      {header.length > 0 && <ProblemList title={t("organizer.roster.headerProblems")} messages={header.map((p) => p.message)} />}
      {rows.length > 0 && (
        <ScrollRegion label={t("organizer.roster.rowProblems")}>
          <table className="problems-table">
            <caption>{t("organizer.roster.rowProblems")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("organizer.roster.row")}</th>
                <th scope="col">{t("organizer.roster.column")}</th>
                <th scope="col">{t("organizer.roster.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p, i) => (
                <tr key={i}>
                  <td>{p.row}</td>
                  <td>{p.column ? <code>{p.column}</code> : t("organizer.roster.wholeRow")}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}

function ProblemList({ title, messages }: { title: string; messages: string[] }) {
  return (
    <>
      <h3>{title}</h3>
      <ul className="problem-list">
        {messages.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
    </>
  );
}

/** The counts of an import and the activation codes to hand out (print or CSV). */
function ImportOutcome({ result, codes, cohortName, cohortCode }: { result: ImportResult; codes: CodeRow[]; cohortName: string; cohortCode: string }) {
  const csv = codes.length ? toCsv([["nama", "email", "peran", "kode_aktivasi"], ...codes.map((c) => [c.name, c.email, statusLabel("role", c.role), c.code])]) : undefined;
  const url = useCsvUrl(csv);
  return (
    <div className="roster-result">
      <div className="alert alert-ok" role="status">
        <strong>{t("organizer.roster.done")}</strong>
        <p>{t("organizer.roster.counts", { created: result.enrollmentsCreated, updated: result.enrollmentsUpdated, accounts: result.accountsCreated })}</p>
      </div>
      <h3>{t("organizer.roster.codes")}</h3>
      {codes.length === 0 ? (
        <p className="empty">{t("organizer.roster.noCodes")}</p>
      ) : (
        <>
          <p>{t("organizer.roster.codesHint")}</p>
          <div className="actions">
            <button type="button" className="btn" onClick={() => window.print()}>
              {t("organizer.roster.print")}
            </button>
            <a className="btn" href={url} download={`kode-aktivasi-${cohortCode || "angkatan"}.csv`}>
              {t("organizer.roster.downloadCodes")}
            </a>
          </div>
          <div className="print-area">
            <p className="print-only print-title">{t("organizer.roster.printTitle", { name: cohortName })}</p>
            <ScrollRegion label={t("organizer.roster.codes")}>
              <table className="codes-table">
                <caption className="visually-hidden">{t("organizer.roster.codes")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("organizer.col.name")}</th>
                    <th scope="col">{t("organizer.col.email")}</th>
                    <th scope="col">{t("organizer.col.role")}</th>
                    <th scope="col">{t("organizer.codes.code")}</th>
                  </tr>
                </thead>
                <tbody>
                  {codes.map((c) => (
                    <tr key={c.role + c.email}>
                      <td>{c.name}</td>
                      <td>{c.email}</td>
                      <td>{statusLabel("role", c.role)}</td>
                      <td>
                        <code className="code">{c.code}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </div>
        </>
      )}
    </div>
  );
}
