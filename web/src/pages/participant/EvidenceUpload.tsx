// Adding evidence to a milestone: a file dropped on the dropzone, picked,
// or photographed with the phone's camera, or a link; the upload shows its
// progress and the API's problems (413 too large, 415 type not accepted).
import { useEffect, useRef, useState, type DragEvent, type FormEvent } from "react";
import { ApiError } from "../../api";
import { formatSize } from "../../format";
import { t } from "../../i18n";
import { asApiError, Button, Field, ProblemAlert, ProgressBar, reword, Select, TextArea, useAction } from "../../ui";
import type { Activity } from "./model";
import { mayShrink, shrinkPhoto } from "./photo";
import { UploadAborted, submitEvidence, type Upload } from "./upload";

/** The file types the API accepts, for the file picker. */
const accept = ".pdf,image/*,.heic,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.txt,.csv,.zip";

/** The wording of submit-evidence's problems. */
function wording(params: Record<string, unknown> | undefined) {
  const limit = params?.max === undefined ? undefined : String(params.max);
  return {
    details: {
      409: t("participant.upload.refused"),
      413: limit ? t("participant.upload.tooLargeLimit", { limit }) : t("participant.upload.tooLarge"),
      415: t("participant.upload.unsupported"),
    },
  };
}

type Props = { milestoneId: string; milestoneTitle: string; activities: Activity[]; onUploaded: () => void };

/** The types of evidence, as the API names them (their words: evidenceType.*). */
export const evidenceTypes = ["sk", "notula", "daftar_hadir", "foto", "berita_acara", "mou_pks", "perwal_perbup", "screenshot", "tautan", "lainnya"] as const;

/** The upload form of one milestone, opened by a button. */
export function EvidenceUpload({ milestoneId, milestoneTitle, activities, onUploaded }: Props) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  if (!open)
    return (
      <div className="actions">
        <button type="button" className="btn btn-small" data-action="submit-evidence" onClick={() => {
            setOpen(true);
            setDone(false);
          }}>
          {t("participant.upload.open")} <span className="visually-hidden">{milestoneTitle}</span>
        </button>
        {done && (
          <p className="alert alert-ok upload-done" role="status">
            {t("participant.upload.done")}
          </p>
        )}
      </div>
    );
  return (
    <UploadForm
      milestoneId={milestoneId}
      milestoneTitle={milestoneTitle}
      activities={activities}
      onCancel={() => setOpen(false)}
      onUploaded={() => {
        setOpen(false);
        setDone(true);
        onUploaded();
      }}
    />
  );
}

function UploadForm({ milestoneId, milestoneTitle, activities, onCancel, onUploaded }: Props & { onCancel: () => void }) {
  const [kind, setKind] = useState<"file" | "link">("file");
  // The activity proved: the first by default, as evidence of a milestone with activities must name one.
  const [activityId, setActivityId] = useState(activities[0]?.id ?? "");
  const [type, setType] = useState("");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [url, setUrl] = useState("");
  const [file, setFile] = useState<File>();
  // The smaller photo of file (undefined while none), whether it is being made, and whether the original goes instead.
  const [smaller, setSmaller] = useState<File>();
  const [shrinking, setShrinking] = useState(false);
  const [keepOriginal, setKeepOriginal] = useState(false);
  const picked = useRef<File>(undefined);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number>();
  const upload = useRef<Upload>(undefined);
  const action = useAction();
  const error = reword(action.error, wording(action.error?.problem.params));
  const problem = error?.problem;
  const titleInput = useRef<HTMLFormElement>(null);

  useEffect(() => {
    titleInput.current?.querySelector<HTMLInputElement>("input[name=title]")?.focus();
  }, []);
  // Stop a running upload when the form goes away.
  useEffect(() => () => upload.current?.abort(), []);

  const pick = (files: FileList | null) => {
    const f = files?.[0];
    if (f) {
      setFile(f);
      setSmaller(undefined);
      action.clear();
      picked.current = f;
      if (mayShrink(f)) {
        setShrinking(true);
        void shrinkPhoto(f).then((small) => {
          if (picked.current !== f) return; // another file was picked meanwhile
          setSmaller(small);
          setShrinking(false);
        });
      } else setShrinking(false);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    pick(e.dataTransfer.files);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      if (kind === "file" && !file) throw new ApiError({ status: 422, title: t("problem.422"), errors: [{ location: "body.file", message: t("participant.upload.chooseFile") }] });
      setProgress(0);
      const sent = smaller && !keepOriginal ? smaller : file;
      const named = { activityId: activityId || undefined, type: type || undefined };
      const input = kind === "file" && sent ? { title, description, ...named, file: sent } : { title, description, ...named, url };
      upload.current = submitEvidence(milestoneId, input, setProgress);
      try {
        await upload.current.done;
        onUploaded();
      } catch (err) {
        if (err instanceof UploadAborted) return;
        throw asApiError(err);
      } finally {
        upload.current = undefined;
        setProgress(undefined);
      }
    });
  };

  const fileMessage = problem?.errors?.find((e) => e.location === "body.file")?.message;
  return (
    <form ref={titleInput} className="upload-form" onSubmit={submit} noValidate aria-label={t("participant.upload.formLabel", { title: milestoneTitle })}>
      <fieldset className="kind-choice">
        <legend>{t("participant.upload.kind")}</legend>
        <label>
          <input type="radio" name="kind" value="file" checked={kind === "file"} onChange={() => setKind("file")} /> {t("participant.upload.kindFile")}
        </label>
        <label>
          <input type="radio" name="kind" value="link" checked={kind === "link"} onChange={() => setKind("link")} /> {t("participant.upload.kindLink")}
        </label>
      </fieldset>
      {activities.length > 0 && (
        <Select label={t("participant.upload.activity")} name="activityId" problem={problem} value={activityId} onChange={(e) => setActivityId(e.target.value)}>
          {activities.map((a) => (
            <option key={a.id} value={a.id}>
              {a.output ? `${a.title} (${a.output})` : a.title}
            </option>
          ))}
        </Select>
      )}
      <Select label={t("participant.upload.type")} name="type" problem={problem} value={type} onChange={(e) => setType(e.target.value)}>
        <option value="">{t("participant.upload.typeAuto")}</option>
        {evidenceTypes.map((v) => (
          <option key={v} value={v}>
            {t(`evidenceType.${v}`)}
          </option>
        ))}
      </Select>
      <Field label={t("participant.upload.title")} name="title" problem={problem} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      <TextArea label={t("participant.upload.description")} name="description" problem={problem} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      {kind === "file" ? (
        <div
          className={"dropzone" + (dragging ? " dragging" : "") + (fileMessage ? " dropzone-invalid" : "")}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>{t("participant.upload.drop")}</p>
          <div className="pickers">
            <Field label={t("participant.upload.pick")} name="file" type="file" accept={accept} onChange={(e) => pick(e.target.files)} />
            <Field label={t("participant.upload.camera")} name="photo" type="file" accept="image/*" capture="environment" onChange={(e) => pick(e.target.files)} />
          </div>
          <p className="hint">{t("participant.upload.types")}</p>
          {file && (
            <p className="chosen" aria-live="polite">
              {t("participant.upload.chosen")} <strong className="file-name">{file.name}</strong> ({formatSize(file.size)})
            </p>
          )}
          {file && shrinking && <p className="hint">{t("participant.upload.shrinking")}</p>}
          {file && smaller && (
            <div className="photo-smaller">
              <p aria-live="polite">{t("participant.upload.shrunk", { from: formatSize(file.size), to: formatSize(smaller.size) })}</p>
              <label className="checkbox">
                <input type="checkbox" checked={keepOriginal} onChange={(e) => setKeepOriginal(e.target.checked)} /> {t("participant.upload.keepOriginal")}
              </label>
            </div>
          )}
          {fileMessage && (
            <p className="field-error" role="alert">
              {fileMessage}
            </p>
          )}
        </div>
      ) : (
        <Field label={t("participant.upload.url")} name="url" problem={problem} type="url" inputMode="url" placeholder="https://" value={url} maxLength={2048} onChange={(e) => setUrl(e.target.value)} />
      )}
      {progress !== undefined && <ProgressBar value={progress} label={t("participant.upload.progress")} />}
      <ProblemAlert error={error} fieldsShown />
      <div className="actions">
        <Button type="submit" className="btn-primary" busy={action.busy} busyLabel={t("participant.upload.sending")} disabled={shrinking || action.busy}>
          {t("participant.upload.send")}
        </Button>
        {action.busy ? (
          <Button type="button" onClick={() => upload.current?.abort()}>
            {t("participant.upload.abort")}
          </Button>
        ) : (
          <Button type="button" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
