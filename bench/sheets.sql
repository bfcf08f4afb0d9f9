-- One current sheet (revision 1, with its revision row) for every participant of round :rid, answers
-- drawn at random, score computed with IPA's points (I 4, P 2, N 0, U -1) as the service does;
-- ids from one reserved block of each sequence (so they never collide with the blocks of 50 Hibernate takes).
\set ON_ERROR_STOP on
BEGIN;
SELECT nextval('submission_seq') AS sbase, nextval('submission_revision_seq') AS rbase \gset
SELECT setval('submission_seq', :sbase + 50 * (:n / 50 + 2)), setval('submission_revision_seq', :rbase + 50 * (:n / 50 + 2));
CREATE TEMP TABLE bench_sheet ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY rp.unit_id) AS k, rp.unit_id,
       (SELECT string_agg(substr('IIIPPNU', 1 + floor(random() * 7)::int + (rp.unit_id * 0)::int, 1), '' ORDER BY g)
        FROM generate_series(1, 25) g) AS answers
FROM round_participant rp WHERE rp.round_id = :rid;
INSERT INTO submission (id, round_id, unit_id, revision, answers, score, respondent, catalog_version, created_at, updated_at)
SELECT :sbase + k, :rid, unit_id, 1, answers,
       4 * (25 - length(replace(answers, 'I', ''))) + 2 * (25 - length(replace(answers, 'P', '')))
         - (25 - length(replace(answers, 'U', ''))),
       'bench', 'tmg-handbook-2024', now(), now()
FROM bench_sheet;
INSERT INTO submission_revision (id, submission_id, revision, answers, comments, score, respondent, catalog_version, created_at)
SELECT :rbase + k, :sbase + k, 1, answers, '{}'::jsonb,
       4 * (25 - length(replace(answers, 'I', ''))) + 2 * (25 - length(replace(answers, 'P', '')))
         - (25 - length(replace(answers, 'U', ''))),
       'bench', 'tmg-handbook-2024', now()
FROM bench_sheet;
COMMIT;
