-- Webhooks: subscriptions, a transactional outbox of events, and one delivery per subscription and
-- event. Events are inserted in the transaction of the change that caused them, so none is lost and
-- none is sent for a change that was rolled back.

CREATE SEQUENCE webhook_subscription_seq INCREMENT BY 50;
CREATE TABLE webhook_subscription (
    id          BIGINT PRIMARY KEY,
    unit_id     BIGINT NOT NULL REFERENCES unit (id),
    url         VARCHAR(2000) NOT NULL,
    events      VARCHAR(40)[] NOT NULL,
    description VARCHAR(500),
    -- Kept readable (not hashed): every delivery is signed with it.
    secret      VARCHAR(100) NOT NULL,
    paused      BOOLEAN NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revision    INTEGER NOT NULL
);
CREATE INDEX webhook_subscription_unit ON webhook_subscription (unit_id);

-- The outbox; id is the webhook-id receivers de-duplicate on, payload the exact bytes signed.
CREATE TABLE webhook_event (
    id         VARCHAR(40) PRIMARY KEY,
    type       VARCHAR(40) NOT NULL,
    payload    TEXT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Deliveries are created in bulk by SQL (fan-out at insert time), hence an identity column.
CREATE TABLE webhook_delivery (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id  BIGINT NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         VARCHAR(40) NOT NULL REFERENCES webhook_event (id),
    status           VARCHAR(16) NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INTEGER NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_status_code INTEGER,
    last_error       VARCHAR(500),
    response_excerpt VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, id);
