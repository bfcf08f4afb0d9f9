-- Units form a tree; path ('/1/5/12/') makes a subtree one indexed prefix scan.
CREATE SEQUENCE unit_seq INCREMENT BY 50;
CREATE TABLE unit (
    id          BIGINT PRIMARY KEY,
    parent_id   BIGINT REFERENCES unit (id),
    path        VARCHAR(1000) NOT NULL,
    code        VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    headcount   INTEGER CHECK (headcount > 0),
    archived_at TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revision    INTEGER NOT NULL
);
CREATE UNIQUE INDEX unit_sibling_code ON unit (COALESCE(parent_id, 0), code);
CREATE INDEX unit_parent ON unit (parent_id);
CREATE INDEX unit_path ON unit (path text_pattern_ops);

CREATE SEQUENCE round_seq INCREMENT BY 50;
CREATE TABLE round (
    id              BIGINT PRIMARY KEY,
    title           VARCHAR(200) NOT NULL,
    scope_unit_id   BIGINT NOT NULL REFERENCES unit (id),
    policy          VARCHAR(20) NOT NULL,
    status          VARCHAR(10) NOT NULL,
    due_date        DATE,
    catalog_id      VARCHAR(64) NOT NULL,
    catalog_version VARCHAR(64) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE,
    revision        INTEGER NOT NULL
);
CREATE INDEX round_scope ON round (scope_unit_id);

-- The participants are stored with the round: a later re-organisation does not rewrite them.
CREATE TABLE round_participant (
    round_id BIGINT NOT NULL REFERENCES round (id),
    unit_id  BIGINT NOT NULL REFERENCES unit (id),
    PRIMARY KEY (round_id, unit_id)
);
CREATE INDEX round_participant_unit ON round_participant (unit_id);

-- The current sheet of one unit in one round, answers as one letter per question (I, P, N, U).
CREATE SEQUENCE submission_seq INCREMENT BY 50;
CREATE TABLE submission (
    id              BIGINT PRIMARY KEY,
    round_id        BIGINT NOT NULL REFERENCES round (id),
    unit_id         BIGINT NOT NULL REFERENCES unit (id),
    revision        INTEGER NOT NULL,
    answers         VARCHAR(25) NOT NULL CHECK (answers ~ '^[IPNU]{25}$'),
    score           INTEGER NOT NULL,
    respondent      VARCHAR(200),
    catalog_version VARCHAR(64) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT submission_round_unit UNIQUE (round_id, unit_id)
);
CREATE INDEX submission_unit ON submission (unit_id);

-- Every revision ever stored; never updated or deleted.
CREATE SEQUENCE submission_revision_seq INCREMENT BY 50;
CREATE TABLE submission_revision (
    id              BIGINT PRIMARY KEY,
    submission_id   BIGINT NOT NULL REFERENCES submission (id),
    revision        INTEGER NOT NULL,
    answers         VARCHAR(25) NOT NULL CHECK (answers ~ '^[IPNU]{25}$'),
    comments        JSONB NOT NULL,
    score           INTEGER NOT NULL,
    respondent      VARCHAR(200),
    catalog_version VARCHAR(64) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT submission_revision_number UNIQUE (submission_id, revision)
);
