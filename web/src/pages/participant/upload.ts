// Submitting evidence (submit-evidence) with its upload progress: a file
// through the resumable upload routes (tus), a link as a form.
import { Upload as TusUpload, type DetailedError } from "tus-js-client";
import { ApiError, type Problem, type Schema } from "../../api";
import { localizeProblem } from "../../problems";
import { t } from "../../i18n";
import { session } from "../../session";

/** Evidence as the API returns it. */
export type Evidence = Schema<"Evidence">;

/** What the participant sends: a title, a description, and a file or a link. */
export type EvidenceInput = { title: string; description: string; activityId?: string; type?: string } & ({ file: File } | { url: string });

/** The activity and type of input, as form fields or upload metadata (left out when not chosen). */
function namedFields(input: EvidenceInput): Record<string, string> {
  return { ...(input.activityId ? { activityId: input.activityId } : {}), ...(input.type ? { type: input.type } : {}) };
}

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
 * Sends evidence: a file resumably (uploadResumably), a link as
 * multipart/form-data with XMLHttpRequest rather than the
 * typed openapi-fetch client: fetch cannot report how much of a request
 * body has been sent, and evidence (photos, scanned decrees) of up to tens
 * of megabytes is often uploaded from a phone on a slow connection, where
 * the participant needs to see the upload progress. onProgress gets 0–100.
 * Fails with an ApiError holding the API's problem (413, 415, 422, …), or
 * with UploadAborted after abort().
 */
export function submitEvidence(milestoneId: string, input: EvidenceInput, onProgress: (percent: number) => void): Upload {
  if ("file" in input) return uploadResumably(milestoneId, input, onProgress);
  const xhr = new XMLHttpRequest();
  const done = new Promise<Evidence>((resolve, reject) => {
    const form = new FormData();
    // Text fields first: the server reads the parts in the order they come.
    form.append("title", input.title);
    form.append("description", input.description);
    for (const [k, v] of Object.entries(namedFields(input))) form.append(k, v);
    form.append("url", "url" in input ? input.url : "");

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

/** How long to wait before each new try after the connection drops, in ms. */
const retryDelays = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000];

/**
 * Sends a file as a resumable upload (the tus protocol, see the API's
 * description): over a dropped connection it asks the server how much has
 * arrived and sends the rest, retrying with the delays above, and an upload
 * cut off by closing the page resumes from where it was when the same file
 * is chosen again for the same milestone. The server checks everything but
 * the file's type before the first byte; the last chunk's answer is the
 * evidence, or the API's problem (415 for a type not accepted).
 */
function uploadResumably(milestoneId: string, input: EvidenceInput & { file: File }, onProgress: (percent: number) => void): Upload {
  let upload: TusUpload | undefined;
  let aborted = false;
  const done = new Promise<Evidence>((resolve, reject) => {
    const token = session.token();
    upload = new TusUpload(input.file, {
      endpoint: `${window.location.origin}/v1/milestones/${encodeURIComponent(milestoneId)}/evidence/uploads`,
      metadata: { filename: input.file.name, title: input.title, description: input.description, ...namedFields(input) },
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), Accept: "application/json, application/problem+json" },
      chunkSize: 2 << 20,
      retryDelays,
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => {
        if (total > 0) onProgress((sent / total) * 100);
      },
      onSuccess: ({ lastResponse }) => {
        onProgress(100);
        try {
          resolve(JSON.parse(lastResponse.getBody()) as Evidence);
        } catch {
          reject(new ApiError({ status: lastResponse.getStatus(), title: t("common.problem") }));
        }
      },
      onError: (err) => {
        if (aborted) return reject(new UploadAborted());
        const res = (err as DetailedError).originalResponse;
        if (!res) return reject(new ApiError({ status: 0, title: t("common.networkError") }));
        if (res.getStatus() === 401) session.expire();
        reject(new ApiError(localizeProblem(problemOfBody(res.getStatus(), res.getBody()))));
      },
    });
    upload
      .findPreviousUploads()
      .then((previous) => {
        const last = previous[0];
        if (last) upload?.resumeFromPreviousUpload(last);
        upload?.start();
      })
      .catch(() => upload?.start());
  });
  return {
    done,
    abort: () => {
      aborted = true;
      void upload?.abort(true).catch(() => undefined);
      onProgress(0);
    },
  };
}

/** The problem in an answer's body, or one made from its status. */
function problemOfBody(status: number, body: string): Problem {
  try {
    const problem = JSON.parse(body) as Problem;
    if (problem && typeof problem === "object") return { ...problem, status: problem.status ?? status };
  } catch {
    // not JSON: a proxy's error page, say
  }
  return { status, title: t("common.problem") };
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
  await downloadFile(`/v1/evidence/${encodeURIComponent(evidence.id)}/content`, evidence.fileName ?? evidence.title);
}

/**
 * Downloads what path answers (it needs the bearer token, so it is fetched
 * and handed to the browser as a file named name). Fails with an ApiError
 * holding the API's problem.
 */
export async function downloadFile(path: string, name: string): Promise<void> {
  const token = session.token();
  const response = await fetch(path, {
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
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
