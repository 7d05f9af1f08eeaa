-- cohorts.phases keeps the last projection of each agenda.
DROP INDEX events_agenda_timing;
DROP TRIGGER agenda_items_phases ON agenda_items;
DROP FUNCTION agenda_items_project_phases();
DROP FUNCTION agenda_phases(uuid);
DROP TABLE agenda_rules;
DROP TABLE agenda_items;
