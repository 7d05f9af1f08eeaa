// The building blocks every screen uses: loading and empty states, problems
// from the API (next to the field they name), form fields, badges and bars.
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { ApiError, fieldMessage, idempotencyKey, type Problem } from "./api";
import { t, type MessageKey } from "./i18n";
import { rewordProblem, type Wording } from "./problems";

/** The state of data loaded for a screen. */
export type Loaded<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Loads again (after a change), keeping the old data on screen meanwhile. */
  reload: () => void;
};

/** Loads data with load() when the component mounts and whenever deps change. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    run().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState((s) => ({ ...s, error: asApiError(error), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [run, round]);
  return { data: state.data, error: state.error, loading: state.loading, reload: () => setRound((r) => r + 1) };
}

/** The error with a screen's own wording for its operation (see problems.ts). */
export function reword(error: ApiError | undefined, wording: Wording = {}): ApiError | undefined {
  return error && new ApiError(rewordProblem(error.problem, wording));
}

/** Any thrown value as an ApiError. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ title: error instanceof Error ? error.message : String(error) });
}

/**
 * Runs an action (a form's submit, a button's click) with its busy state and
 * problem: run(async () => …) clears the last problem, and keeps the new one.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, problem: error?.problem, run, clear: () => setError(undefined) };
}

/** The title of a screen: the page heading and the document title. */
export function PageTitle({ children, title }: { children?: ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} — Proper`;
  }, [title]);
  return (
    <div className="page-title">
      <h1>{title}</h1>
      {children}
    </div>
  );
}

/** A loading indicator that screen readers announce. */
export function Loading({ label }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t("common.loading")}
    </p>
  );
}

/** What a list shows when it has nothing. */
export function Empty({ children }: { children?: ReactNode }) {
  return <p className="empty">{children ?? t("common.empty")}</p>;
}

/**
 * A problem from the API: its title and detail, and (unless the form shows
 * them at its fields) the field errors.
 */
export function ProblemAlert({ error, retry, fieldsShown }: { error: ApiError | undefined; retry?: () => void; fieldsShown?: boolean }) {
  if (!error) return null;
  const p = error.problem;
  const fieldErrors = p.errors ?? [];
  return (
    <div className="alert alert-error" role="alert">
      <strong>{p.status === 0 ? t("common.networkError") : p.title ?? t("common.problem")}</strong>
      {p.detail && p.detail !== p.title && <p>{p.detail}</p>}
      {fieldsShown && fieldErrors.length > 0 && <p>{t("common.fieldProblem")}</p>}
      {!fieldsShown && fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((e, i) => (
            <li key={i}>
              {e.location ? <code>{e.location}</code> : null} {e.message}
            </li>
          ))}
        </ul>
      )}
      {retry && (
        <button type="button" className="btn btn-small" onClick={retry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}

/** A screen's data: the loading state, its problem with a retry, or the content. */
export function Load<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.data === undefined) {
    if (loaded.error) return <ProblemAlert error={loaded.error} retry={loaded.reload} />;
    return <Loading />;
  }
  return (
    <>
      {loaded.error && <ProblemAlert error={loaded.error} retry={loaded.reload} />}
      {children(loaded.data)}
    </>
  );
}

type FieldProps = {
  label: string;
  /** The request field it edits, to show the API's message for it. */
  name: string;
  problem?: Problem | undefined;
  hint?: string;
};

function FieldFrame({ label, message, hint, id, children }: { label: string; message: string | undefined; hint?: string | undefined; id: string; children: ReactNode }) {
  return (
    <div className={"field" + (message ? " field-invalid" : "")}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <small id={id + "-hint"} className="hint">
          {hint}
        </small>
      )}
      {message && (
        <small id={id + "-error"} className="field-error" role="alert">
          {message}
        </small>
      )}
    </div>
  );
}

function describedBy(id: string, hint: string | undefined, invalid: boolean) {
  return [hint ? id + "-hint" : "", invalid ? id + "-error" : ""].filter(Boolean).join(" ") || undefined;
}

/**
 * The API's message for field name in problem, until the person edits the
 * field: then it is gone (the next answer judges the new value), and comes
 * back only with a new problem (a form clears its problem when it sends
 * again; a problem with other content counts as new too). edited wraps the
 * field's onChange.
 */
function useFieldMessage<E>(problem: Problem | undefined, name: string, onChange: ((e: E) => void) | undefined) {
  const [editedAfter, setEditedAfter] = useState<string>();
  const key = problem && JSON.stringify(problem);
  if (key === undefined && editedAfter !== undefined) setEditedAfter(undefined);
  const message = key !== undefined && editedAfter === key ? undefined : fieldMessage(problem, name);
  const edited = (e: E) => {
    if (message !== undefined) setEditedAfter(key);
    onChange?.(e);
  };
  return { message, edited };
}

/** A labelled input with the API's message for its field. */
export function Field({ label, name, problem, hint, onChange, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const { message, edited } = useFieldMessage(problem, name, onChange);
  const invalid = message !== undefined;
  return (
    <FieldFrame label={label} message={message} hint={hint} id={id}>
      <input id={id} name={name} aria-invalid={invalid || undefined} aria-describedby={describedBy(id, hint, invalid)} onChange={edited} {...input} />
    </FieldFrame>
  );
}

/** A labelled text area with the API's message for its field. */
export function TextArea({ label, name, problem, hint, onChange, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const { message, edited } = useFieldMessage(problem, name, onChange);
  const invalid = message !== undefined;
  return (
    <FieldFrame label={label} message={message} hint={hint} id={id}>
      <textarea id={id} name={name} rows={4} aria-invalid={invalid || undefined} aria-describedby={describedBy(id, hint, invalid)} onChange={edited} {...input} />
    </FieldFrame>
  );
}

/** A labelled select with the API's message for its field. */
export function Select({ label, name, problem, hint, children, onChange, ...input }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  const { message, edited } = useFieldMessage(problem, name, onChange);
  const invalid = message !== undefined;
  return (
    <FieldFrame label={label} message={message} hint={hint} id={id}>
      <select id={id} name={name} aria-invalid={invalid || undefined} aria-describedby={describedBy(id, hint, invalid)} onChange={edited} {...input}>
        {children}
      </select>
    </FieldFrame>
  );
}

/** A button that shows it is working and cannot be pressed twice meanwhile. */
export function Button({ busy, busyLabel, children, className, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean; busyLabel?: string }) {
  return (
    <button className={"btn " + (className ?? "")} disabled={busy || rest.disabled} aria-busy={busy || undefined} {...rest}>
      {busy ? busyLabel ?? t("common.saving") : children}
    </button>
  );
}

/** A progress bar from 0 to 100 with its label. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const v = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={v} aria-label={label}>
      <div className="progress-fill" style={{ width: `${v}%` }} />
      <span className="progress-text">{v}%</span>
    </div>
  );
}

/** A coloured badge for a state (project, milestone or evidence status). */
export function Badge({ tone, children }: { tone?: "ok" | "warn" | "bad" | "info" | "muted"; children: ReactNode }) {
  return <span className={`badge badge-${tone ?? "muted"}`}>{children}</span>;
}

/** The label of a status under a message prefix, e.g. statusLabel("status", "draft"). */
export function statusLabel(prefix: "status" | "milestoneStatus" | "evidenceStatus" | "horizon" | "program" | "role", value: string): string {
  return t(`${prefix}.${value}` as MessageKey);
}

/** Moves focus to the element when it appears (e.g. a problem after submit). */
export function useFocusOnShow<T extends HTMLElement>(shown: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  return ref;
}

/**
 * Idempotency-Keys for a form: the same body sent again (a retry after a
 * network failure) reuses its key; a changed body gets a fresh one.
 */
export function useIdempotencyKeys(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string }>(undefined);
  return (body) => {
    const json = JSON.stringify(body);
    if (last.current?.body !== json) last.current = { body: json, key: idempotencyKey() };
    return last.current.key;
  };
}

/**
 * A table that may scroll sideways on a phone: a labelled region keyboard
 * users can focus to scroll it (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={"table-wrap" + (className ? " " + className : "")} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
