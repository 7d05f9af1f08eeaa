// Section b of the management page: the cohort's organizers, coaches and
// examiners; adding someone found by search (or a new account), removing.
import { useState, type FormEvent } from "react";
import { api, ok, type Schema } from "../../api";
import { formatDate } from "../../format";
import { t } from "../../i18n";
import { Badge, Button, Empty, Field, Load, ProblemAlert, Select, statusLabel, useAction, useIdempotencyKeys, type Loaded, ScrollRegion } from "../../ui";
import { PersonSearch, type User } from "../../PersonSearch";
import { CodeBox } from "./shared";

type StaffMember = Schema<"StaffMember">;
type StaffRole = StaffMember["role"];
const staffRoles: StaffRole[] = ["coach", "examiner", "organizer"];

/** The staff list with its add and remove actions. */
export function StaffSection({ cohortId, institutionId, staff }: { cohortId: string; institutionId?: string; staff: Loaded<Schema<"StaffListOutputBody">> }) {
  const [notice, setNotice] = useState<string>();
  const done = (message: string) => {
    setNotice(message);
    staff.reload();
  };
  return (
    <>
      <p>{t("organizer.staff.intro")}</p>
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      <Load loaded={staff}>
        {(list) =>
          list.items.length === 0 ? (
            <Empty>{t("organizer.staff.empty")}</Empty>
          ) : (
            <ScrollRegion label={t("organizer.staff.title")}>
              <table className="staff-table stack-table">
                <caption className="visually-hidden">{t("organizer.staff.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("organizer.col.name")}</th>
                    <th scope="col">{t("organizer.col.email")}</th>
                    <th scope="col">{t("organizer.col.role")}</th>
                    <th scope="col">{t("organizer.staff.since")}</th>
                    <th scope="col">{t("organizer.col.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((m) => (
                    <tr key={m.userId + m.role}>
                      <td>{m.name}</td>
                      <td data-label={t("organizer.col.email")}>{m.email}</td>
                      <td data-label={t("organizer.col.role")}>
                        <Badge tone="info">{statusLabel("role", m.role)}</Badge>
                      </td>
                      <td data-label={t("organizer.staff.since")}>{formatDate(m.addedAt)}</td>
                      <td>
                        <RemoveStaff cohortId={cohortId} member={m} onRemoved={done} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )
        }
      </Load>
      <AddStaff cohortId={cohortId} institutionId={institutionId} onAdded={done} />
    </>
  );
}

/** Remove, then a confirmation in place before the role is taken. */
function RemoveStaff({ cohortId, member, onRemoved }: { cohortId: string; member: StaffMember; onRemoved: (message: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const role = statusLabel("role", member.role);
  const remove = () =>
    void action.run(async () => {
      await ok(api.DELETE("/v1/cohorts/{cohortId}/staff/{userId}", { params: { path: { cohortId, userId: member.userId }, query: { role: member.role } } }));
      setConfirming(false);
      onRemoved(t("organizer.staff.removed", { name: member.name, role }));
    });
  if (!confirming) {
    return (
      <button type="button" className="btn btn-small btn-danger" onClick={() => setConfirming(true)}>
        {t("organizer.staff.remove")}
        <span className="visually-hidden"> {t("organizer.staff.removeWho", { name: member.name, role })}</span>
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={t("organizer.staff.removeConfirm", { name: member.name, role })}>
      <p>{t("organizer.staff.removeConfirm", { name: member.name, role })}</p>
      <ProblemAlert error={action.error} />
      <div className="actions">
        <Button type="button" className="btn-small btn-danger" busy={action.busy} busyLabel={t("organizer.staff.removing")} onClick={remove}>
          {t("organizer.staff.removeYes")}
        </Button>
        <Button type="button" className="btn-small" onClick={() => setConfirming(false)} disabled={action.busy}>
          {t("common.cancel")}
        </Button>
      </div>
    </div>
  );
}

/** Finding a person (or creating their account) and giving them a staff role. */
function AddStaff({ cohortId, institutionId, onAdded }: { cohortId: string; institutionId?: string; onAdded: (message: string) => void }) {
  const [person, setPerson] = useState<User>();
  const [role, setRole] = useState<StaffRole>("coach");
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; code: string }>();
  const action = useAction();
  const keyFor = useIdempotencyKeys();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!person) return;
    void action.run(async () => {
      const body = { userId: person.id, role };
      await ok(api.POST("/v1/cohorts/{cohortId}/staff", { params: { path: { cohortId }, header: { "Idempotency-Key": keyFor(body) } }, body }));
      onAdded(t("organizer.staff.added", { name: person.name, role: statusLabel("role", role) }));
      setPerson(undefined);
      setCreated(undefined);
    });
  };

  return (
    <div className="subpanel">
      <h3>{t("organizer.staff.add")}</h3>
      {person ? (
        <div className="chosen">
          <p>
            {t("organizer.staff.person")}: <strong>{person.name}</strong> <span className="muted">({person.email})</span>
          </p>
          <button type="button" className="btn btn-small" onClick={() => setPerson(undefined)}>
            {t("organizer.search.change")}
          </button>
        </div>
      ) : (
        <PersonSearch
          label={t("organizer.search.label")}
          onPick={(u) => {
            setPerson(u);
            action.clear();
          }}
          notFound={
            !creating && (
              <button type="button" className="btn-link" onClick={() => setCreating(true)}>
                {t("organizer.user.notFound")}
              </button>
            )
          }
        />
      )}
      {creating && !person && (
        <CreateUser
          institutionId={institutionId}
          onCreated={(u) => {
            setCreated({ name: u.name, code: u.activationCode ?? "" });
            setPerson(u);
            setCreating(false);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {created && created.code && <CodeBox name={created.name} code={created.code} />}
      <form onSubmit={submit} noValidate>
        <ProblemAlert error={action.error} fieldsShown={false} />
        <Select label={t("organizer.staff.roleLabel")} name="role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
          {staffRoles.map((r) => (
            <option key={r} value={r}>
              {statusLabel("role", r)}
            </option>
          ))}
        </Select>
        {!person && <p className="hint">{t("organizer.staff.pickFirst")}</p>}
        <Button type="submit" className="btn-primary" busy={action.busy} busyLabel={t("organizer.staff.adding")} disabled={!person}>
          {t("organizer.staff.addSubmit")}
        </Button>
      </form>
    </div>
  );
}

/** A small form for a person without an account; the answer holds their one-time activation code. */
function CreateUser({
  institutionId,
  onCreated,
  onCancel,
}: {
  institutionId?: string;
  onCreated: (user: Schema<"UserCreated">) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [nip, setNip] = useState("");
  const [position, setPosition] = useState("");
  const [rank, setRank] = useState("");
  const action = useAction();
  const keyFor = useIdempotencyKeys();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      // The cohort's institution registers the account: its organizers may
      // correct it and reissue its code until the person activates it.
      const body: Schema<"UserCreate"> = { name, email, institutionId };
      if (nip.trim()) body.nip = nip.trim();
      if (position.trim()) body.position = position.trim();
      if (rank.trim()) body.rank = rank.trim();
      onCreated(await ok(api.POST("/v1/users", { params: { header: { "Idempotency-Key": keyFor(body) } }, body })));
    });
  };

  return (
    <form onSubmit={submit} noValidate className="subpanel create-user">
      <h4>{t("organizer.user.title")}</h4>
      <ProblemAlert error={action.error} fieldsShown />
      <Field label={t("organizer.user.name")} name="name" required value={name} onChange={(e) => setName(e.target.value)} problem={action.problem} />
      <Field label={t("organizer.col.email")} name="email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} problem={action.problem} />
      <div className="form-row">
        <Field label={t("organizer.user.nip")} name="nip" inputMode="numeric" hint={t("organizer.user.nipHint")} value={nip} onChange={(e) => setNip(e.target.value)} problem={action.problem} />
        <Field label={t("organizer.user.rank")} name="rank" value={rank} onChange={(e) => setRank(e.target.value)} problem={action.problem} />
      </div>
      <Field label={t("organizer.user.position")} name="position" value={position} onChange={(e) => setPosition(e.target.value)} problem={action.problem} />
      <div className="actions">
        <Button type="submit" className="btn-primary" busy={action.busy} busyLabel={t("organizer.user.submitting")}>
          {t("organizer.user.submit")}
        </Button>
        <Button type="button" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
