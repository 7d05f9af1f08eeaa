// The class filter of the progress and workload screens: a select of the
// cohort's classes (list-classes) that keeps its choice in the URL as
// ?kelas=<classId>. A cohort without classes shows no filter.
import { api, ok } from "../../api";
import { t } from "../../i18n";
import { Select, useLoad } from "../../ui";

/** The select of the cohort's classes; value is a class id, "" for all. */
export function ClassSelect({ cohortId, value, onChange }: { cohortId: string; value: string; onChange: (classId: string) => void }) {
  const classes = useLoad(() => ok(api.GET("/v1/cohorts/{cohortId}/classes", { params: { path: { cohortId } } })), [cohortId]);
  const items = classes.data?.items ?? [];
  if (items.length === 0 && !value) return null;
  return (
    <Select label={t("classes.filter")} name="kelas" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t("classes.filterAll")}</option>
      {items.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </Select>
  );
}
