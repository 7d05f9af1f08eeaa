-- The design as the document it is (issue #22 parts 2 and 3): its
-- structured sections, activities with ids that evidence names, the
-- evidence's type, and the mentor's reason for verifying a milestone whose
-- activities lack approved evidence.

-- The design's structured sections: success indicators (with stable ids),
-- the tim efektif and governance, risks with mitigation, resources and
-- budget, and the strategic alignment (RPJMD/Renstra reference).
ALTER TABLE projects
    ADD COLUMN success_indicators  jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN team                jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN risks               jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN resources           jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN strategic_alignment text NOT NULL DEFAULT '';

-- Every activity gets an id, by which evidence names the activity it proves.
UPDATE milestones m SET activities = (
    SELECT jsonb_agg(a || jsonb_build_object('id', gen_random_uuid()) ORDER BY n)
      FROM jsonb_array_elements(m.activities) WITH ORDINALITY AS t(a, n))
 WHERE jsonb_array_length(m.activities) > 0;

-- Evidence names the activity it proves and its type; evidence from before
-- has neither and still reads.
ALTER TABLE evidence
    ADD COLUMN activity_id   uuid,
    ADD COLUMN evidence_type text CHECK (evidence_type IN ('sk', 'notula', 'daftar_hadir', 'foto', 'berita_acara',
        'mou_pks', 'perwal_perbup', 'screenshot', 'tautan', 'lainnya'));
CREATE INDEX evidence_activity ON evidence (activity_id) WHERE activity_id IS NOT NULL;

-- Why the mentor verified a milestone although some of its activities have
-- no approved evidence ('' when every activity had).
ALTER TABLE milestones ADD COLUMN missing_evidence_reason text NOT NULL DEFAULT '';
