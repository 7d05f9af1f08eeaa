-- Programs as data (issue #20): program templates, each cohort's own copy
-- of its template's values, and co-organized cohorts.
--
-- LAN's four shipped templates (PKN I, PKN II, PKA, PKP) are seeded here,
-- with fixed ids (domain.TemplatePKN1 …); domain.LANTemplates() holds the
-- same values and a persistence test checks that the two agree. A later
-- release changes LAN's templates with a migration of its own. An
-- institution's templates are its organizers' copies (institution_id set).

CREATE TABLE program_templates (
    id                        uuid PRIMARY KEY,
    -- NULL for LAN's shipped templates.
    institution_id            uuid REFERENCES institutions ON DELETE CASCADE,
    program                   text NOT NULL CHECK (program IN ('pkn1', 'pkn2', 'pka', 'pkp')),
    name                      text NOT NULL,
    -- {product, productInSentence, design, report, abbreviation}
    terms                     jsonb NOT NULL,
    -- [{kind, typicalDays}] in order
    agenda                    jsonb NOT NULL DEFAULT '[]',
    -- {design: [{key, name, weight}], final: [...]}
    rubrics                   jsonb NOT NULL,
    -- [{above, predicate}] best first
    thresholds                jsonb NOT NULL,
    -- [{key, name, weight}]
    graduation                jsonb NOT NULL DEFAULT '[]',
    mentor_response_days      integer NOT NULL CHECK (mentor_response_days BETWEEN 1 AND 90),
    report_lead_working_days  integer NOT NULL CHECK (report_lead_working_days BETWEEN 0 AND 60),
    appeal_working_days       integer NOT NULL CHECK (appeal_working_days BETWEEN 0 AND 30),
    examiners_required        integer NOT NULL CHECK (examiners_required BETWEEN 1 AND 5),
    show_examiner_scores      boolean NOT NULL DEFAULT false,
    source_id                 uuid REFERENCES program_templates ON DELETE SET NULL,
    version                   bigint NOT NULL,
    created_at                timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL
);
CREATE INDEX program_templates_institution ON program_templates (institution_id, program, name);

INSERT INTO program_templates (id, institution_id, program, name, terms, agenda, rubrics, thresholds, graduation,
    mentor_response_days, report_lead_working_days, appeal_working_days, examiners_required, show_examiner_scores,
    version, created_at, updated_at) VALUES
('0d3c8a10-5a1e-4c11-9000-000000000001', NULL, 'pkn1', 'PKN Tingkat I (LAN RI)',
 '{"product":"Proyek Perubahan","productInSentence":"proyek perubahan","design":"Rancangan Proyek Perubahan","report":"Laporan Proyek Perubahan","abbreviation":"Proper"}',
 '[{"kind":"mandiri","typicalDays":21},{"kind":"klasikal","typicalDays":10},{"kind":"taking_ownership","typicalDays":7},{"kind":"seminar_rancangan","typicalDays":2},{"kind":"laboratorium","typicalDays":60},{"kind":"visitasi","typicalDays":5},{"kind":"seminar_laporan","typicalDays":4},{"kind":"penutupan","typicalDays":1},{"kind":"evaluasi_pasca","typicalDays":1}]',
 '{"design":[{"key":"strategic_issue","name":"Ketajaman isu strategis dan analisis lingkungan","weight":25},{"key":"change_idea","name":"Gagasan perubahan dan inovasi kebijakan","weight":25},{"key":"milestones","name":"Tahapan dan rencana aksi","weight":20},{"key":"stakeholders","name":"Pemetaan dan strategi pelibatan stakeholder","weight":15},{"key":"presentation","name":"Penyajian dan argumentasi","weight":15}],"final":[{"key":"short_term_results","name":"Capaian tahapan jangka pendek","weight":30},{"key":"strategic_impact","name":"Manfaat dan dampak strategis perubahan","weight":25},{"key":"leadership","name":"Kepemimpinan strategis dan kolaborasi","weight":20},{"key":"sustainability","name":"Keberlanjutan jangka menengah dan panjang","weight":15},{"key":"presentation","name":"Penyajian laporan dan argumentasi","weight":10}]}',
 '[{"above":90,"predicate":"sangat_memuaskan"},{"above":80,"predicate":"memuaskan"},{"above":70,"predicate":"cukup_memuaskan"}]',
 '[{"key":"sikap_perilaku","name":"Sikap perilaku","weight":20},{"key":"akademik","name":"Evaluasi akademik","weight":70},{"key":"kehadiran","name":"Kehadiran","weight":10}]',
 7, 5, 3, 2, false, 1, now(), now()),
('0d3c8a10-5a1e-4c11-9000-000000000002', NULL, 'pkn2', 'PKN Tingkat II (LAN RI)',
 '{"product":"Proyek Perubahan","productInSentence":"proyek perubahan","design":"Rancangan Proyek Perubahan","report":"Laporan Proyek Perubahan","abbreviation":"Proper"}',
 '[{"kind":"mandiri","typicalDays":21},{"kind":"klasikal","typicalDays":10},{"kind":"taking_ownership","typicalDays":7},{"kind":"seminar_rancangan","typicalDays":2},{"kind":"laboratorium","typicalDays":60},{"kind":"visitasi","typicalDays":5},{"kind":"seminar_laporan","typicalDays":4},{"kind":"penutupan","typicalDays":1},{"kind":"evaluasi_pasca","typicalDays":1}]',
 '{"design":[{"key":"issue_analysis","name":"Identifikasi dan analisis isu","weight":25},{"key":"change_idea","name":"Gagasan perubahan dan inovasi","weight":25},{"key":"milestones","name":"Tahapan dan rencana kegiatan","weight":20},{"key":"stakeholders","name":"Pemetaan dan strategi pelibatan stakeholder","weight":15},{"key":"presentation","name":"Penyajian dan argumentasi","weight":15}],"final":[{"key":"short_term_results","name":"Capaian tahapan jangka pendek","weight":30},{"key":"benefits","name":"Manfaat dan dampak perubahan","weight":25},{"key":"leadership","name":"Kepemimpinan dan kolaborasi stakeholder","weight":20},{"key":"sustainability","name":"Keberlanjutan jangka menengah dan panjang","weight":15},{"key":"presentation","name":"Penyajian laporan","weight":10}]}',
 '[{"above":90,"predicate":"sangat_memuaskan"},{"above":80,"predicate":"memuaskan"},{"above":70,"predicate":"cukup_memuaskan"}]',
 '[{"key":"sikap_perilaku","name":"Sikap perilaku","weight":20},{"key":"akademik","name":"Evaluasi akademik","weight":70},{"key":"kehadiran","name":"Kehadiran","weight":10}]',
 7, 5, 3, 2, false, 1, now(), now()),
('0d3c8a10-5a1e-4c11-9000-000000000003', NULL, 'pka', 'PKA (LAN RI)',
 '{"product":"Aksi Perubahan","productInSentence":"aksi perubahan","design":"Rancangan Aksi Perubahan","report":"Laporan Aksi Perubahan","abbreviation":"Aksi Perubahan"}',
 '[{"kind":"mandiri","typicalDays":14},{"kind":"klasikal","typicalDays":10},{"kind":"taking_ownership","typicalDays":5},{"kind":"seminar_rancangan","typicalDays":2},{"kind":"laboratorium","typicalDays":45},{"kind":"seminar_laporan","typicalDays":3},{"kind":"penutupan","typicalDays":1},{"kind":"evaluasi_pasca","typicalDays":1}]',
 '{"design":[{"key":"issue_analysis","name":"Identifikasi dan analisis isu kinerja","weight":30},{"key":"change_idea","name":"Gagasan perubahan","weight":25},{"key":"milestones","name":"Tahapan dan rencana kegiatan","weight":20},{"key":"stakeholders","name":"Pemetaan stakeholder","weight":10},{"key":"presentation","name":"Penyajian dan argumentasi","weight":15}],"final":[{"key":"short_term_results","name":"Capaian tahapan jangka pendek","weight":35},{"key":"benefits","name":"Manfaat perubahan bagi kinerja unit","weight":25},{"key":"leadership","name":"Kepemimpinan kinerja dan kolaborasi","weight":20},{"key":"sustainability","name":"Keberlanjutan","weight":10},{"key":"presentation","name":"Penyajian laporan","weight":10}]}',
 '[{"above":90,"predicate":"sangat_memuaskan"},{"above":80,"predicate":"memuaskan"},{"above":70,"predicate":"cukup_memuaskan"}]',
 '[{"key":"sikap_perilaku","name":"Sikap perilaku","weight":20},{"key":"akademik","name":"Evaluasi akademik","weight":70},{"key":"kehadiran","name":"Kehadiran","weight":10}]',
 7, 5, 3, 1, false, 1, now(), now()),
('0d3c8a10-5a1e-4c11-9000-000000000004', NULL, 'pkp', 'PKP (LAN RI)',
 '{"product":"Aksi Perubahan","productInSentence":"aksi perubahan","design":"Rancangan Aksi Perubahan","report":"Laporan Aksi Perubahan","abbreviation":"Aksi Perubahan"}',
 '[{"kind":"mandiri","typicalDays":14},{"kind":"klasikal","typicalDays":10},{"kind":"taking_ownership","typicalDays":5},{"kind":"seminar_rancangan","typicalDays":2},{"kind":"laboratorium","typicalDays":30},{"kind":"seminar_laporan","typicalDays":3},{"kind":"penutupan","typicalDays":1},{"kind":"evaluasi_pasca","typicalDays":1}]',
 '{"design":[{"key":"issue_analysis","name":"Identifikasi dan analisis isu operasional","weight":30},{"key":"change_idea","name":"Gagasan perubahan","weight":25},{"key":"milestones","name":"Tahapan dan rencana kegiatan","weight":25},{"key":"presentation","name":"Penyajian dan argumentasi","weight":20}],"final":[{"key":"short_term_results","name":"Capaian tahapan jangka pendek","weight":40},{"key":"benefits","name":"Manfaat perubahan bagi pelayanan","weight":25},{"key":"leadership","name":"Kepemimpinan pelayanan","weight":20},{"key":"presentation","name":"Penyajian laporan","weight":15}]}',
 '[{"above":90,"predicate":"sangat_memuaskan"},{"above":80,"predicate":"memuaskan"},{"above":70,"predicate":"cukup_memuaskan"}]',
 '[{"key":"sikap_perilaku","name":"Sikap perilaku","weight":20},{"key":"akademik","name":"Evaluasi akademik","weight":70},{"key":"kehadiran","name":"Kehadiran","weight":10}]',
 7, 5, 3, 1, false, 1, now(), now());

-- A cohort keeps its own copy: later changes to its template change no
-- cohort. Defaults are LAN's values, so that any row written without them
-- still scores and words itself as LAN's template would.
ALTER TABLE cohorts
    ADD COLUMN template_id               uuid REFERENCES program_templates ON DELETE SET NULL,
    ADD COLUMN partner_institution_id    uuid REFERENCES institutions,
    ADD COLUMN terms                     jsonb NOT NULL DEFAULT '{"product":"Proyek Perubahan","productInSentence":"proyek perubahan","design":"Rancangan Proyek Perubahan","report":"Laporan Proyek Perubahan","abbreviation":"Proper"}',
    ADD COLUMN thresholds                jsonb NOT NULL DEFAULT '[{"above":90,"predicate":"sangat_memuaskan"},{"above":80,"predicate":"memuaskan"},{"above":70,"predicate":"cukup_memuaskan"}]',
    ADD COLUMN graduation                jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN examiners_required        integer NOT NULL DEFAULT 2 CHECK (examiners_required BETWEEN 1 AND 5),
    ADD COLUMN show_examiner_scores      boolean NOT NULL DEFAULT false,
    ADD COLUMN appeal_working_days       integer NOT NULL DEFAULT 3 CHECK (appeal_working_days BETWEEN 0 AND 30),
    ADD COLUMN report_lead_working_days  integer NOT NULL DEFAULT 5 CHECK (report_lead_working_days BETWEEN 0 AND 60),
    ADD CONSTRAINT cohorts_partner_not_self CHECK (partner_institution_id <> institution_id);

-- Partner organizers find their co-organized cohorts at sign-in.
CREATE INDEX cohorts_partner ON cohorts (partner_institution_id) WHERE partner_institution_id IS NOT NULL;

-- Existing cohorts get LAN's template of their program.
UPDATE cohorts c SET template_id = t.id, terms = t.terms, thresholds = t.thresholds, graduation = t.graduation,
    examiners_required = t.examiners_required, show_examiner_scores = t.show_examiner_scores,
    appeal_working_days = t.appeal_working_days, report_lead_working_days = t.report_lead_working_days
FROM program_templates t
WHERE t.institution_id IS NULL AND t.program = c.program;
