// Section e of the management page: a new one-time activation code for a
// participant or mentor who lost theirs (issue-activation).
import { useState, type FormEvent } from "react";
import { api, ok, type Schema } from "../../api";
import { compareNames } from "../../format";
import { t } from "../../i18n";
import { Button, Empty, ProblemAlert, Select, statusLabel, useAction } from "../../ui";
import type { Roster } from "./ManageCohort";
import { CodeBox } from "./shared";

type Person = { id: string; name: string; sortName: string; role: "participant" | "mentor" };

/** The cohort's participants and mentors, each once, by name. */
function people(roster: Roster): Person[] {
  const byId = new Map<string, Person>();
  for (const e of roster.enrollments) {
    const n = roster.names.get(e.id);
    if (!byId.has(e.participantId))
      byId.set(e.participantId, { id: e.participantId, name: n?.participant ?? e.participantId, sortName: n?.participantSortName ?? "", role: "participant" });
    if (!byId.has(e.mentorId)) byId.set(e.mentorId, { id: e.mentorId, name: n?.mentor ?? e.mentorId, sortName: n?.mentorSortName ?? "", role: "mentor" });
  }
  return [...byId.values()].sort((a, b) => compareNames(a.sortName, b.sortName));
}

/** Choosing a participant or mentor and issuing them a new code. */
export function ActivationSection({ roster }: { roster: Roster }) {
  const list = people(roster);
  const [userId, setUserId] = useState("");
  const [issued, setIssued] = useState<{ name: string } & Schema<"ActivationBody">>();
  const action = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const person = list.find((p) => p.id === userId);
    if (!person) return;
    setIssued(undefined);
    void action.run(async () => {
      const code = await ok(api.POST("/v1/users/{userId}/activation", { params: { path: { userId: person.id } } }));
      setIssued({ name: person.name, ...code });
    });
  };

  if (list.length === 0) return <Empty>{t("organizer.activation.empty")}</Empty>;
  return (
    <form onSubmit={submit} noValidate>
      <p>{t("organizer.activation.intro")}</p>
      <ProblemAlert error={action.error} />
      <Select label={t("organizer.activation.person")} name="userId" value={userId} onChange={(e) => setUserId(e.target.value)}>
        <option value="">{t("organizer.field.choose")}</option>
        {list.map((p) => (
          <option key={p.id} value={p.id}>
            {t("organizer.activation.option", { name: p.name, role: statusLabel("role", p.role) })}
          </option>
        ))}
      </Select>
      <Button type="submit" className="btn-primary" busy={action.busy} busyLabel={t("organizer.activation.submitting")} disabled={!userId}>
        {t("organizer.activation.submit")}
      </Button>
      {issued?.delivery === "returned" && issued.code && <CodeBox name={issued.name} code={issued.code} expiresAt={issued.expiresAt} />}
      {issued?.delivery === "email" && (
        <p className="alert alert-ok" role="status">
          {t("organizer.activation.emailed", { name: issued.name })}
        </p>
      )}
    </form>
  );
}
