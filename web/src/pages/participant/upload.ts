// Submitting evidence (submit-evidence) with its upload progress.
import { ApiError, type Problem, type Schema } from "../../api";
import { localizeProblem } from "../../problems";
import { t } from "../../i18n";
import { session } from "../../session";

/** Evidence as the API returns it. */
export type Evidence = Schema<"Evidence">;

/** What the participant sends: a title, a description, and a file or a link. */
export type EvidenceInput = { title: string; description: string } & ({ file: File } | { url: string });

/** A running upload: its outcome, and a way to stop it. */
export type Upload = { done: Promise<Evidence>; abort: () => void };

/** The error an upload the user stopped ends with. */
export class UploadAborted extends Error {
  constructor() {
    super("upload aborted");
    this.name = "UploadAborted";
  }
}

/**
 * Sends evidence as multipart/form-data with XMLHttpRequest rather than the
 * typed openapi-fetch client: fetch cannot report how much of a request
 * body has been sent, and evidence (photos, scanned decrees) of up to tens
 * of megabytes is often uploaded from a phone on a slow connection, where
 * the participant needs to see the upload progress. onProgress gets 0–100.
 * Fails with an ApiError holding the API's problem (413, 415, 422, …), or
 * with UploadAborted after abort().
 */
export function submitEvidence(milestoneId: string, input: EvidenceInput, onProgress: (percent: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Evidence>((resolve, reject) => {
    const form = new FormData();
    // Text fields first: the server reads the parts in the order they come.
    form.append("title", input.title);
    form.append("description", input.description);
    if ("file" in input) form.append("file", input.file, input.file.name);
    else form.append("url", input.url);

    xhr.open("POST", `${window.location.origin}/v1/milestones/${encodeURIComponent(milestoneId)}/evidence`);
    const token = session.token();
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.setRequestHeader("Accept", "application/json, application/problem+json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress((e.loaded / e.total) * 100);
    };
    xhr.onload = () => {
      if (xhr.status === 201 || xhr.status === 200) {
        onProgress(100);
        try {
          resolve(JSON.parse(xhr.responseText) as Evidence);
        } catch {
          reject(new ApiError({ status: xhr.status, title: t("common.problem") }));
        }
        return;
      }
      if (xhr.status === 401) session.expire();
      reject(new ApiError(localizeProblem(problemOf(xhr))));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, title: t("common.networkError") }));
    xhr.onabort = () => reject(new UploadAborted());
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

/** The problem of a failed answer, or one made from its status line. */
function problemOf(xhr: XMLHttpRequest): Problem {
  try {
    const body = JSON.parse(xhr.responseText) as Problem;
    if (body && typeof body === "object") return { ...body, status: body.status ?? xhr.status };
  } catch {
    // not JSON: a proxy's error page, say
  }
  return { status: xhr.status, title: xhr.statusText || t("common.problem") };
}

/**
 * Downloads an evidence file (download-evidence) with the signed-in user's
 * token, which a plain link cannot send, and saves it under its name.
 */
export async function downloadEvidence(evidence: Evidence): Promise<void> {
  const token = session.token();
  const response = await fetch(`/v1/evidence/${encodeURIComponent(evidence.id)}/content`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  }).catch(() => {
    throw new ApiError({ status: 0, title: t("common.networkError") });
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Problem;
    throw new ApiError({ ...problem, status: response.status });
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = evidence.fileName ?? evidence.title;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
