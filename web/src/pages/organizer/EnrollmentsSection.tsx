// Section d of the management page: every participant with their mentor,
// coach and group, each changeable (update-enrollment, merge patch, If-Match).
import { Fragment, useState, type FormEvent } from "react";
import { api, etag, ok, type Problem, type Schema } from "../../api";
import { t } from "../../i18n";
import { offers } from "../../offers";
import { Button, Empty, Field, Select, useAction, ScrollRegion } from "../../ui";
import type { Roster } from "./ManageCohort";
import { PersonSearch, type User } from "../../PersonSearch";
import { SaveProblem } from "./shared";

type Enrollment = Schema<"Enrollment">;
type StaffMember = Schema<"StaffMember">;

/** The participants' table; reload reads enrollments and names again. */
export function EnrollmentsSection({ roster, staff, reload }: { roster: Roster; staff: StaffMember[]; reload: () => void }) {
  const [editing, setEditing] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const coaches = uniqueCoaches(staff);
  const coachName = (id: string | undefined) => (id ? coaches.find((c) => c.userId === id)?.name ?? t("organizer.unknownPerson") : t("organizer.enrollments.noCoachShort"));
  const names = (e: Enrollment) => roster.names.get(e.id) ?? { participant: t("organizer.unknownPerson"), mentor: t("organizer.unknownPerson") };

  if (roster.enrollments.length === 0) return <Empty>{t("organizer.enrollments.empty")}</Empty>;
  return (
    <>
      <p>{t("organizer.enrollments.count", { count: roster.enrollments.length })}</p>
      {coaches.length === 0 && <p className="alert alert-info">{t("organizer.enrollments.noCoaches")}</p>}
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      <ScrollRegion label={t("organizer.enrollments.title")}>
        <table className="enrollments-table stack-table">
          <caption className="visually-hidden">{t("organizer.enrollments.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("role.participant")}</th>
              <th scope="col">{t("role.mentor")}</th>
              <th scope="col">{t("role.coach")}</th>
              <th scope="col">{t("organizer.col.group")}</th>
              <th scope="col">{t("organizer.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {roster.enrollments.map((e) => {
              const n = names(e);
              return (
                <Fragment key={e.id}>
                  <tr>
                    <td>{n.participant}</td>
                    <td data-label={t("role.mentor")}>{n.mentor}</td>
                    <td data-label={t("role.coach")}>{coachName(e.coachId)}</td>
                    <td data-label={t("organizer.col.group")}>{e.group || t("common.none")}</td>
                    <td>
                      {offers(e, "update-enrollment") && (
                        <button
                          type="button"
                          className="btn btn-small"
                          data-action="update-enrollment"
                          aria-expanded={editing === e.id}
                          aria-controls={`ubah-${e.id}`}
                          onClick={() => {
                            setNotice(undefined);
                            setEditing(editing === e.id ? undefined : e.id);
                          }}
                        >
                          {t("organizer.enrollments.edit")}
                          <span className="visually-hidden"> {n.participant}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                  {editing === e.id && (
                    <tr className="edit-row">
                      <td colSpan={5} id={`ubah-${e.id}`}>
                        <EditEnrollment
                          key={e.version}
                          enrollment={e}
                          participant={n.participant}
                          mentor={n.mentor}
                          coaches={coaches}
                          reload={reload}
                          onSaved={() => {
                            setEditing(undefined);
                            setNotice(t("organizer.enrollments.saved", { name: n.participant }));
                            reload();
                          }}
                          onCancel={() => setEditing(undefined)}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

/** The cohort's coaches, once each. */
function uniqueCoaches(staff: StaffMember[]): StaffMember[] {
  const seen = new Set<string>();
  return staff.filter((m) => m.role === "coach" && !seen.has(m.userId) && seen.add(m.userId));
}

type EditProps = {
  enrollment: Enrollment;
  participant: string;
  mentor: string;
  coaches: StaffMember[];
  reload: () => void;
  onSaved: () => void;
  onCancel: () => void;
};

/** The form changing one participant's mentor, coach and group. */
function EditEnrollment({ enrollment, participant, mentor, coaches, reload, onSaved, onCancel }: EditProps) {
  const [newMentor, setNewMentor] = useState<User>();
  const [coachId, setCoachId] = useState(enrollment.coachId ?? "");
  const [group, setGroup] = useState(enrollment.group);
  const action = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const patch: Schema<"EnrollmentPatch"> = {};
      if (newMentor && newMentor.id !== enrollment.mentorId) patch.mentorId = newMentor.id;
      if (coachId !== (enrollment.coachId ?? "")) patch.coachId = coachId || null;
      if (group !== enrollment.group) patch.group = group;
      if (Object.keys(patch).length > 0) {
        await ok(
          api.PATCH("/v1/enrollments/{enrollmentId}", {
            params: { path: { enrollmentId: enrollment.id }, header: { "If-Match": etag(enrollment.version) } },
            headers: { "Content-Type": "application/merge-patch+json" },
            body: patch,
          }),
        );
      }
      onSaved();
    });
  };

  return (
    <div className="edit-enrollment">
      <h3>{t("organizer.enrollments.editTitle", { name: participant })}</h3>
      <SaveProblem error={action.error} reload={reload} fieldsShown />
      <p>{newMentor ? t("organizer.enrollments.newMentor", { name: newMentor.name }) : t("organizer.enrollments.currentMentor", { name: mentor })}</p>
      {newMentor ? (
        <button type="button" className="btn btn-small" onClick={() => setNewMentor(undefined)}>
          {t("organizer.enrollments.keepMentor")}
        </button>
      ) : (
        <PersonSearch label={t("organizer.enrollments.changeMentor")} onPick={setNewMentor} />
      )}
      {action.problem && <MentorProblem problem={action.problem} />}
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <Select label={t("role.coach")} name="coachId" value={coachId} onChange={(e) => setCoachId(e.target.value)} problem={action.problem}>
            <option value="">{t("organizer.enrollments.noCoach")}</option>
            {enrollment.coachId && !coaches.some((c) => c.userId === enrollment.coachId) && <option value={enrollment.coachId}>{t("organizer.unknownPerson")}</option>}
            {coaches.map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.name}
              </option>
            ))}
          </Select>
          <Field label={t("organizer.col.group")} name="group" value={group} onChange={(e) => setGroup(e.target.value)} problem={action.problem} />
        </div>
        <div className="actions">
          <Button type="submit" className="btn-primary" busy={action.busy}>
            {t("common.save")}
          </Button>
          <Button type="button" onClick={onCancel} disabled={action.busy}>
            {t("common.cancel")}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** The API's message about the new mentor (body.mentorId), shown at the mentor search. */
function MentorProblem({ problem }: { problem: Problem }) {
  const messages = (problem.errors ?? []).filter((e) => e.location === "body.mentorId").map((e) => e.message);
  return (
    <>
      {messages.map((m, i) => (
        <p key={i} className="field-error" role="alert">
          {m}
        </p>
      ))}
    </>
  );
}
