ALTER TABLE enrollments DROP COLUMN class_id;
DROP TABLE class_coaches;
DROP TABLE classes;
