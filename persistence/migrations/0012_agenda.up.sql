-- A cohort's agenda as data (issue #20): dated items of the agenda kinds
-- (domain.AgendaKinds), several of a kind allowed. The agenda is the one
-- source of the cohort's schedule: cohorts.phases stays as a projection of
-- it (domain.Agenda.Phases), kept by the trigger below, for the queries
-- that read the implementation start in SQL (progress, similarity).
CREATE TABLE agenda_items (
    id          uuid PRIMARY KEY,
    cohort_id   uuid NOT NULL REFERENCES cohorts ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('mandiri', 'jarak_jauh', 'klasikal', 'taking_ownership', 'seminar_rancangan',
                    'laboratorium', 'coaching', 'visitasi', 'seminar_laporan', 'penutupan', 'evaluasi_pasca')),
    title       text NOT NULL,
    starts_on   date NOT NULL,
    ends_on     date NOT NULL CHECK (ends_on >= starts_on),
    place       text NOT NULL DEFAULT '',
    online_url  text NOT NULL DEFAULT '',
    notes       text NOT NULL DEFAULT '',
    version     bigint NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX agenda_items_cohort ON agenda_items (cohort_id, starts_on, ends_on);

-- The steps a cohort refuses outside their agenda item (domain.AgendaRules);
-- a cohort without a row refuses none.
CREATE TABLE agenda_rules (
    cohort_id       uuid PRIMARY KEY REFERENCES cohorts ON DELETE CASCADE,
    refuse_outside  text[] NOT NULL DEFAULT '{}',
    version         bigint NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- agenda_phases derives a cohort's phases from its agenda: each phase from
-- the first day of the first item of its kind to the last day of the last.
CREATE FUNCTION agenda_phases(cohort uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object('kind', s.phase, 'startsOn', to_char(s.first, 'YYYY-MM-DD'),
                                                 'endsOn', to_char(s.last, 'YYYY-MM-DD')) ORDER BY s.ord), '[]'::jsonb)
    FROM (SELECT m.phase, m.ord, min(a.starts_on) AS first, max(a.ends_on) AS last
          FROM (VALUES ('taking_ownership', 'design', 1), ('seminar_rancangan', 'design_seminar', 2),
                       ('laboratorium', 'implementation', 3), ('seminar_laporan', 'final_seminar', 4)) AS m(kind, phase, ord)
          JOIN agenda_items a ON a.kind = m.kind AND a.cohort_id = cohort
          GROUP BY m.phase, m.ord) s
$$;

CREATE FUNCTION agenda_items_project_phases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE cohorts SET phases = agenda_phases(OLD.cohort_id) WHERE id = OLD.cohort_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE cohorts SET phases = agenda_phases(NEW.cohort_id) WHERE id = NEW.cohort_id;
    END IF;
    RETURN NULL;
END
$$;

-- Existing cohorts: their phases become agenda items, titled with the
-- kind's Indonesian name (domain.AgendaKind.Name).
INSERT INTO agenda_items (id, cohort_id, kind, title, starts_on, ends_on, version, created_at, updated_at)
SELECT gen_random_uuid(), c.id, m.kind, m.title, (ph->>'startsOn')::date, (ph->>'endsOn')::date, 1, c.updated_at, c.updated_at
FROM cohorts c
CROSS JOIN LATERAL jsonb_array_elements(c.phases) ph
JOIN (VALUES ('design', 'taking_ownership', 'Taking ownership'), ('design_seminar', 'seminar_rancangan', 'Seminar rancangan'),
             ('implementation', 'laboratorium', 'Laboratorium kepemimpinan'), ('final_seminar', 'seminar_laporan', 'Seminar laporan'))
     AS m(phase, kind, title) ON m.phase = ph->>'kind';

CREATE TRIGGER agenda_items_phases AFTER INSERT OR UPDATE OR DELETE ON agenda_items
    FOR EACH ROW EXECUTE FUNCTION agenda_items_project_phases();

-- The progress dashboard counts a cohort's steps flagged early or late.
CREATE INDEX events_agenda_timing ON events (cohort_id) WHERE (details->>'timing') IS NOT NULL;
