-- The action plan of a round at a unit: what will be done about a question, by whom, by when, and how it went.
-- Items stay editable after the round closes (the work is done in the months that follow); a round's report
-- shows its own items and those of the previous closed round with their status.
CREATE SEQUENCE action_item_seq INCREMENT BY 50;
CREATE TABLE action_item (
    id         BIGINT PRIMARY KEY,
    round_id   BIGINT        NOT NULL REFERENCES round (id),
    unit_id    BIGINT        NOT NULL REFERENCES unit (id),
    question   INTEGER       NOT NULL CHECK (question BETWEEN 1 AND 25),
    action     VARCHAR(1000) NOT NULL,
    owner      VARCHAR(200)  NOT NULL,
    due_on     DATE          NOT NULL,
    status     VARCHAR(10)   NOT NULL CHECK (status IN ('OPEN', 'DONE', 'DROPPED')),
    revision   INTEGER       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX action_item_round_unit ON action_item (round_id, unit_id);
CREATE INDEX action_item_unit ON action_item (unit_id);

-- The sign-off of a closed round's report at a unit: who approved it, as what, with which comment, and the
-- version of the report's figures they saw. A later change of those figures (the round reopened) leaves the
-- approval in place, shown as superseded. Approvals are only ever inserted.
CREATE SEQUENCE report_approval_seq INCREMENT BY 50;
CREATE TABLE report_approval (
    id             BIGINT PRIMARY KEY,
    round_id       BIGINT        NOT NULL REFERENCES round (id),
    unit_id        BIGINT        NOT NULL REFERENCES unit (id),
    approver_name  VARCHAR(100)  NOT NULL,
    approver_title VARCHAR(100)  NOT NULL,
    comment        VARCHAR(2000),
    report_version VARCHAR(64)   NOT NULL,
    score          NUMERIC(6, 2),
    approved_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX report_approval_round_unit ON report_approval (round_id, unit_id);
CREATE INDEX report_approval_unit ON report_approval (unit_id);
