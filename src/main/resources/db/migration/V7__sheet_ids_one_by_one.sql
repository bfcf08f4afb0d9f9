-- Sheets are stored by one SQL statement that draws its ids with nextval(), so the two sequences now
-- step by one. Every id handed out so far, in blocks of 50, stays below the new start.
SELECT setval('submission_seq', GREATEST((SELECT COALESCE(max(id), 0) FROM submission), last_value) + 50)
FROM submission_seq;
ALTER SEQUENCE submission_seq INCREMENT BY 1;
SELECT setval('submission_revision_seq', GREATEST((SELECT COALESCE(max(id), 0) FROM submission_revision), last_value) + 50)
FROM submission_revision_seq;
ALTER SEQUENCE submission_revision_seq INCREMENT BY 1;
