// Small pieces the organizer's screens share: the problem of a save (with
// the 412 "someone changed it" case), an activation code to hand out, and
// a scrollable table region.
import { type ReactNode } from "react";
import type { ApiError } from "../../api";
import { formatDateTime } from "../../format";
import { t } from "../../i18n";
import { ProblemAlert } from "../../ui";

/**
 * The problem of a save: a 412 (the resource changed since it was read) as
 * an explanation with a reload button, anything else as a ProblemAlert.
 */
export function SaveProblem({ error, reload, fieldsShown }: { error: ApiError | undefined; reload: () => void; fieldsShown?: boolean }) {
  if (!error) return null;
  if (error.problem.status === 412) {
    return (
      <div className="alert alert-error" role="alert">
        <strong>{t("organizer.conflictTitle")}</strong>
        <p>{t("organizer.conflict")}</p>
        <button type="button" className="btn btn-small" onClick={reload}>
          {t("organizer.reload")}
        </button>
      </div>
    );
  }
  return <ProblemAlert error={error} fieldsShown={fieldsShown} />;
}

/** A one-time activation code for name, with how to hand it out. */
export function CodeBox({ name, code, expiresAt }: { name: string; code: string; expiresAt?: string }) {
  return (
    <div className="alert alert-ok code-box" role="status">
      <p>
        <strong>{t("organizer.code.label", { name })}</strong>
      </p>
      <p className="code">{code}</p>
      <p>
        {t("organizer.code.hint")} {expiresAt && t("organizer.code.expires", { date: formatDateTime(expiresAt) })}
      </p>
    </div>
  );
}

