-- The first response to each POST sent with an Idempotency-Key, replayed for retries of that request.
CREATE TABLE idempotency_key (
    scope        VARCHAR(300)  NOT NULL,
    idem_key     VARCHAR(200)  NOT NULL,
    request_hash VARCHAR(64)   NOT NULL,
    status       INTEGER,
    content_type VARCHAR(200),
    location     VARCHAR(1000),
    etag         VARCHAR(100),
    body         BYTEA,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
