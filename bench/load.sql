-- Synthetic organisation under an existing organisation unit (created over the API): :sites sites and
-- :n departments (the leaf units), inserted into the same tables and with the same invariants the
-- service keeps (V1__core_schema.sql): ids taken from unit_seq as one reserved block (so they never
-- collide with the blocks of 50 Hibernate fetches), path '/org/site/dept/', revision 1.
-- The departments get contiguous ids so that the load generators can pick one at random.
\set ON_ERROR_STOP on
BEGIN;
SELECT nextval('unit_seq') AS base \gset
SELECT setval('unit_seq', :base + 50 * ((:sites + :n) / 50 + 2));
INSERT INTO unit (id, parent_id, path, code, name, headcount, kind, created_at, updated_at, revision)
SELECT :base + s, :org, '/' || :org || '/' || (:base + s) || '/', 'site-' || lpad(s::text, 4, '0'),
       '拠点 ' || s, NULL, 'SITE', now(), now(), 1
FROM generate_series(1, :sites) AS s;
INSERT INTO unit (id, parent_id, path, code, name, headcount, kind, created_at, updated_at, revision)
SELECT :base + :sites + d, :base + 1 + (d - 1) % :sites,
       '/' || :org || '/' || (:base + 1 + (d - 1) % :sites) || '/' || (:base + :sites + d) || '/',
       'dept-' || lpad(d::text, 6, '0'), '部署 ' || d, 5 + d % 200, 'DEPARTMENT', now(), now(), 1
FROM generate_series(1, :n) AS d;
COMMIT;
SELECT :base + :sites + 1 AS lo, :base + :sites + :n AS hi \gset
\echo LOADED :lo :hi
