DROP TABLE certificates;
DROP TABLE graduation_results;
DROP TABLE graduation_scores;
DROP TABLE cohort_graduations;
