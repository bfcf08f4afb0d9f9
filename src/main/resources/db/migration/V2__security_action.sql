-- SECURITY ACTION belongs to an organisation (a root unit); every row is only ever inserted, so
-- the history of what the organisation recorded, and when, is kept.

-- The one-star commitment to the 情報セキュリティ5か条; the latest one is shown.
CREATE SEQUENCE action_commitment_seq INCREMENT BY 50;
CREATE TABLE action_commitment (
    id              BIGINT PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES unit (id),
    committed_by    VARCHAR(200) NOT NULL,
    committed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX action_commitment_organisation ON action_commitment (organisation_id);

-- Each version of the 情報セキュリティ基本方針; sections as a JSON array of {heading, text}.
CREATE SEQUENCE basic_policy_seq INCREMENT BY 50;
CREATE TABLE basic_policy (
    id                   BIGINT PRIMARY KEY,
    organisation_id      BIGINT NOT NULL REFERENCES unit (id),
    version              INTEGER NOT NULL CHECK (version > 0),
    company_name         VARCHAR(200) NOT NULL,
    representative_title VARCHAR(100) NOT NULL,
    representative_name  VARCHAR(100) NOT NULL,
    enacted_on           DATE NOT NULL,
    preamble             VARCHAR(4000) NOT NULL,
    sections             JSONB NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT basic_policy_organisation_version UNIQUE (organisation_id, version)
);

-- Where and when the organisation says it published its policy, and which version it was.
CREATE SEQUENCE policy_publication_seq INCREMENT BY 50;
CREATE TABLE policy_publication (
    id              BIGINT PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES unit (id),
    url             VARCHAR(2000) NOT NULL,
    published_on    DATE NOT NULL,
    policy_version  INTEGER NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX policy_publication_organisation ON policy_publication (organisation_id);
