// The cohort's response deadline (responseDeadlineDays, 1–90 days) as a
// field of the organizer's cohort forms, with the API's problem translated.
import { ApiError, type Problem } from "../../api";
import { t } from "../../i18n";
import { Field, reword } from "../../ui";
import "./followup.css";

/** A number field for responseDeadlineDays; value is the typed text. */
export function DeadlineField({ value, onChange, problem }: { value: string; onChange: (value: string) => void; problem: Problem | undefined }) {
  const shown = problem ? reword(new ApiError(problem))?.problem : undefined;
  return (
    <div className="fu-deadline-field">
      <Field
        label={t("followup.deadline.label")}
        name="responseDeadlineDays"
        type="number"
        inputMode="numeric"
        min={1}
        max={90}
        step={1}
        hint={t("followup.deadline.hint")}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        problem={shown}
      />
    </div>
  );
}
