-- Stored answers are now written in the transaction of the change they report, so a key is never left
-- claimed without its answer. Answers that carried a secret shown once are no longer kept: a repeat gets
-- a problem naming what was created, and the secrets kept so far are removed.
ALTER TABLE idempotency_key ADD COLUMN secret_withheld BOOLEAN NOT NULL DEFAULT false;
UPDATE idempotency_key SET body = NULL, content_type = NULL, secret_withheld = true
 WHERE status BETWEEN 200 AND 299
   AND (scope LIKE '% POST /api/v1/api-keys' OR scope LIKE '% POST /api/v1/webhooks');
DELETE FROM idempotency_key WHERE status IS NULL;
ALTER TABLE idempotency_key ALTER COLUMN status SET NOT NULL;
