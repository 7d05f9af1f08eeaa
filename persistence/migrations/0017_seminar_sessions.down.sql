DROP TABLE appeals;
ALTER TABLE assessments DROP COLUMN reason, DROP COLUMN replaces, DROP COLUMN session_id;
DROP TABLE seminar_results;
DROP TABLE seminar_session_examiners;
DROP TABLE seminar_session_participants;
DROP TABLE seminar_sessions;
