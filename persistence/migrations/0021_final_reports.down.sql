DROP TABLE report_endorsements;
DROP TABLE report_files;
DROP TABLE project_reports;
