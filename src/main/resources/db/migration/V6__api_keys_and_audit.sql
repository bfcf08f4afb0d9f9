-- API keys: only a SHA-256 of the secret is stored; prefix is the public part used to find the row.
CREATE SEQUENCE api_key_seq INCREMENT BY 50;
CREATE TABLE api_key (
    id          BIGINT PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    unit_id     BIGINT REFERENCES unit (id),
    prefix      VARCHAR(32)  NOT NULL UNIQUE,
    secret_hash BYTEA        NOT NULL,
    created_by  VARCHAR(300) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_key_unit ON api_key (unit_id);

-- Who changed what, when and from where. Append-only: the trigger refuses updates and deletes.
CREATE TABLE audit_event (
    id              BIGSERIAL PRIMARY KEY,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_type      VARCHAR(20)  NOT NULL,
    actor_id        VARCHAR(300) NOT NULL,
    actor_name      VARCHAR(300),
    remote_address  VARCHAR(100),
    action          VARCHAR(60)  NOT NULL,
    resource_type   VARCHAR(40)  NOT NULL,
    resource_id     VARCHAR(100) NOT NULL,
    unit_id         BIGINT,
    unit_path       VARCHAR(1000),
    revision_before INTEGER,
    revision_after  INTEGER
);
CREATE INDEX audit_event_unit_path ON audit_event (unit_path text_pattern_ops, occurred_at);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
