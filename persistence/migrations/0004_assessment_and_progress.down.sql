DROP INDEX milestones_project_progress;
DROP TABLE result_releases;
DROP TABLE assessments;
DROP TABLE rubrics;
