// Sign-in with e-mail and password, and activation of a new account with the
// one-time code the organizer handed out.
import { useState, type FormEvent } from "react";
import { api, ok } from "../api";
import { t } from "../i18n";
import { Link, navigate } from "../router";
import { session } from "../session";
import { Button, Field, PageTitle, ProblemAlert, useAction } from "../ui";

/** The sign-in screen at /masuk. */
export function SignIn() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const action = useAction();
  const expired = session.expired();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const s = await ok(api.POST("/v1/auth/login", { body: { email, password } }));
      session.start(s.token, s.expiresAt);
      navigate(new URLSearchParams(location.search).get("next") ?? "/", true);
    });
  };

  return (
    <div className="auth-card">
      <PageTitle title={t("auth.signIn")} />
      {expired && !action.error && <p className="alert alert-info">{t("common.sessionExpired")}</p>}
      <ProblemAlert error={action.error} fieldsShown />
      <form onSubmit={submit} noValidate>
        <Field label={t("auth.email")} name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} problem={action.problem} />
        <Field label={t("auth.password")} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} problem={action.problem} />
        <Button type="submit" className="btn-primary btn-block" busy={action.busy} busyLabel={t("auth.signingIn")}>
          {t("auth.signIn")}
        </Button>
      </form>
      <p className="auth-switch">
        <Link href="/aktivasi">{t("auth.haveCode")}</Link>
      </p>
      <p className="auth-switch">
        <Link href="/etalase">{t("showcase.see")}</Link>
      </p>
    </div>
  );
}

/** The activation screen at /aktivasi: code, e-mail and a new password. */
export function Activate() {
  const [code, setCode] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const action = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const s = await ok(api.POST("/v1/auth/activate", { body: { code, email, password } }));
      session.start(s.token, s.expiresAt);
      navigate("/", true);
    });
  };

  return (
    <div className="auth-card">
      <PageTitle title={t("auth.activate")} />
      <ProblemAlert error={action.error} fieldsShown />
      <form onSubmit={submit} noValidate>
        <Field label={t("auth.code")} name="code" hint={t("auth.codeHint")} autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.target.value)} problem={action.problem} />
        <Field label={t("auth.email")} name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} problem={action.problem} />
        <Field label={t("auth.newPassword")} name="password" type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} problem={action.problem} />
        <Button type="submit" className="btn-primary btn-block" busy={action.busy} busyLabel={t("auth.activating")}>
          {t("auth.activate")}
        </Button>
      </form>
      <p className="auth-switch">
        <Link href="/masuk">{t("auth.haveAccount")}</Link>
      </p>
    </div>
  );
}
