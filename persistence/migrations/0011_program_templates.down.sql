DROP INDEX IF EXISTS cohorts_partner;
ALTER TABLE cohorts
    DROP CONSTRAINT IF EXISTS cohorts_partner_not_self,
    DROP COLUMN IF EXISTS template_id,
    DROP COLUMN IF EXISTS partner_institution_id,
    DROP COLUMN IF EXISTS terms,
    DROP COLUMN IF EXISTS thresholds,
    DROP COLUMN IF EXISTS graduation,
    DROP COLUMN IF EXISTS examiners_required,
    DROP COLUMN IF EXISTS show_examiner_scores,
    DROP COLUMN IF EXISTS appeal_working_days,
    DROP COLUMN IF EXISTS report_lead_working_days;
DROP TABLE IF EXISTS program_templates;
