-- pgbench script: the SQL one sheet correction runs in the service (PUT /rounds/{r}/submissions/{u}),
-- statement for statement as Hibernate issues it (read with quarkus.hibernate-orm.log.sql=true):
-- lock the round FOR SHARE, read the unit, lock the participant FOR UPDATE, read the current sheet,
-- insert the new revision, update the sheet (a changed sheet does not read its current revision; the
-- unchanged-sheet check needs it only when answers and respondent are equal). Variables: rid, lo, hi (-D).
-- Run with -M prepared, as the JDBC driver prepares statements it repeats. Differences: the answers are
-- drawn here with md5/translate instead of by the client, and each insert calls nextval() (Hibernate
-- fetches one value per 50 ids).
\set uid random(:lo, :hi)
\set seed random(0, 2147483647)
BEGIN;
select r1_0.id, r1_0.catalog_id, r1_0.catalog_version, r1_0.closed_at, r1_0.created_at, r1_0.due_date, r1_0.policy, r1_0.revision, r1_0.scope_unit_id, r1_0.status, r1_0.title, r1_0.updated_at from round r1_0 where r1_0.id = :rid for share of r1_0;
select u1_0.id, u1_0.archived_at, u1_0.code, u1_0.created_at, u1_0.headcount, u1_0.name, u1_0.parent_id, u1_0.path, u1_0.revision, u1_0.updated_at from unit u1_0 where u1_0.id = :uid;
SELECT 1 FROM round_participant WHERE round_id = :rid AND unit_id = :uid FOR UPDATE;
select s1_0.id, s1_0.answers, s1_0.catalog_version, s1_0.created_at, s1_0.respondent, s1_0.revision, s1_0.round_id, s1_0.score, s1_0.unit_id, s1_0.updated_at from submission s1_0 where s1_0.round_id = :rid and s1_0.unit_id = :uid fetch first 1 rows only \gset p_
insert into submission_revision (answers, catalog_version, comments, created_at, respondent, revision, score, submission_id, id) values (translate(substr(md5(:seed::text), 1, 25), '0123456789abcdef', 'IPNUIPNUIPNUIPNU'), 'tmg-handbook-2024', '{}'::jsonb, now(), 'bench', :p_revision + 1, 50, :p_id, nextval('submission_revision_seq'));
update submission set answers = translate(substr(md5(:seed::text), 1, 25), '0123456789abcdef', 'IPNUIPNUIPNUIPNU'), catalog_version = 'tmg-handbook-2024', created_at = :p_created_at, respondent = 'bench', revision = :p_revision + 1, round_id = :rid, score = 50, unit_id = :uid, updated_at = now() where id = :p_id;
END;
