-- pgbench script: the SQL one sheet correction runs in the service (PUT /rounds/{r}/submissions/{u}),
-- statement for statement (as PostgreSQL logs them with log_statement=all): look up the caller's key
-- (outside the transaction, as the service authenticates before it begins), lock the round for share
-- and the participant for update and read the unit (one statement), read the current sheet, store the
-- sheet with its new revision, append the audit event, record the webhook event for any subscription
-- (none in the benchmark). Variables: rid, lo, hi, prefix and kid (the key's prefix and id) (-D).
-- Run with -M prepared, as the JDBC driver prepares statements it repeats. Difference: the answers are
-- drawn here with md5/translate instead of by the client.
\set uid random(:lo, :hi)
\set seed random(0, 2147483647)
SELECT k.id, k.name, k.role, k.unit_id, k.secret_hash, k.expires_at, k.revoked_at, u.path FROM api_key k LEFT JOIN unit u ON u.id = k.unit_id WHERE k.prefix = :prefix;
BEGIN;
WITH r AS (SELECT id, status, catalog_version, scope_unit_id, revision FROM round WHERE id = :rid FOR SHARE)
SELECT r.status, r.catalog_version, r.scope_unit_id, r.revision,
       EXISTS (SELECT 1 FROM round_participant rp WHERE rp.round_id = r.id AND rp.unit_id = :uid FOR UPDATE),
       u.id AS u_id, u.code AS u_code, u.name AS u_name, u.path AS u_path
FROM r LEFT JOIN unit u ON u.id = :uid \gset
SELECT id, revision, answers, score, respondent, catalog_version, created_at, updated_at FROM submission WHERE round_id = :rid AND unit_id = :uid \gset p_
WITH sheet AS (
    INSERT INTO submission (id, round_id, unit_id, revision, answers, score, respondent, catalog_version, created_at, updated_at)
    VALUES (COALESCE(:p_id, nextval('submission_seq')), :rid, :uid, :p_revision + 1, translate(substr(md5(:seed::text), 1, 25), '0123456789abcdef', 'IPNUIPNUIPNUIPNU'), 50, 'bench', 'tmg-handbook-2024', now(), now())
    ON CONFLICT (round_id, unit_id) DO UPDATE SET revision = EXCLUDED.revision,
        answers = EXCLUDED.answers, score = EXCLUDED.score, respondent = EXCLUDED.respondent,
        catalog_version = EXCLUDED.catalog_version, updated_at = EXCLUDED.updated_at
    RETURNING id)
INSERT INTO submission_revision (id, submission_id, revision, answers, comments, score, respondent, catalog_version, created_at)
SELECT nextval('submission_revision_seq'), sheet.id, :p_revision + 1, translate(substr(md5(:seed::text), 1, 25), '0123456789abcdef', 'IPNUIPNUIPNUIPNU'), CAST('{}' AS jsonb), 50, 'bench', 'tmg-handbook-2024', now() FROM sheet
RETURNING submission_id;
INSERT INTO audit_event (occurred_at, actor_type, actor_id, actor_name, remote_address, action, resource_type, resource_id, unit_id, unit_path, revision_before, revision_after)
VALUES (now(), 'API_KEY', :kid::text, 'bench respondent', '127.0.0.1', 'submission.updated', 'submission', :rid::text || '/' || :uid::text, :uid, :u_path, :p_revision, :p_revision + 1);
WITH targets AS (
    SELECT s.id FROM webhook_subscription s JOIN unit u ON u.id = s.unit_id
    WHERE 'submission.updated' = ANY (s.events) AND (:u_path LIKE u.path || '%' OR (false AND u.path LIKE :u_path || '%'))),
event AS (
    INSERT INTO webhook_event (id, type, payload, created_at)
    SELECT 'evt_' || replace(gen_random_uuid()::text, '-', ''), 'submission.updated', '{}', now()
    WHERE EXISTS (SELECT 1 FROM targets)
    RETURNING id)
INSERT INTO webhook_delivery (subscription_id, event_id, status, attempts, next_attempt_at, created_at)
SELECT t.id, e.id, 'PENDING', 0, now(), now() FROM targets t CROSS JOIN event e;
END;
