-- Personal links for answering one unit's sheet in one round. A link's secret is stored only as its
-- SHA-256; "issued_at" is when the current secret was made (a new link replaces the secret of the row).
CREATE SEQUENCE invitation_seq INCREMENT BY 50;
CREATE TABLE invitation (
    id           BIGINT PRIMARY KEY,
    round_id     BIGINT NOT NULL REFERENCES round (id),
    unit_id      BIGINT NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
    token_hash   BYTEA NOT NULL UNIQUE,
    email        VARCHAR(254),
    base_url     VARCHAR(500) NOT NULL,
    created_by   VARCHAR(300) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    mailed_at    TIMESTAMP WITH TIME ZONE,
    mail_error   VARCHAR(500),
    -- The fewest days before the due date for which a reminder (or the invitation itself) was mailed.
    reminded_for INTEGER
);
CREATE INDEX invitation_round ON invitation (round_id, unit_id);
-- One usable link per unit and round at most.
CREATE UNIQUE INDEX invitation_usable ON invitation (round_id, unit_id) WHERE revoked_at IS NULL;

-- Signed-in people of the manager's pages. The cookie's value is stored only as its SHA-256; the CSRF token
-- is compared with the one every form sends. A key's session follows the key (revoked, expired); an
-- identity provider's keeps the role and unit its token had at sign-in.
CREATE TABLE web_session (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash   BYTEA NOT NULL UNIQUE,
    csrf_token   VARCHAR(64) NOT NULL,
    actor_type   VARCHAR(20) NOT NULL,
    actor_id     VARCHAR(300) NOT NULL,
    actor_name   VARCHAR(300),
    api_key_id   BIGINT REFERENCES api_key (id),
    role         VARCHAR(20) NOT NULL,
    unit_id      BIGINT REFERENCES unit (id) ON DELETE CASCADE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX web_session_expires ON web_session (expires_at);
