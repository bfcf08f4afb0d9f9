-- What a unit is: a group of companies or an association (GROUP), a company (COMPANY: it declares
-- SECURITY ACTION), a site or a department. Existing trees are read by their evident shape: a root is a
-- company, a child of the root that has children of its own a site, every other unit a department.
ALTER TABLE unit ADD COLUMN kind VARCHAR(12);
UPDATE unit u SET kind = CASE
    WHEN cardinality(u.tree_order) = 1 THEN 'COMPANY'
    WHEN cardinality(u.tree_order) = 2 AND EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = u.id) THEN 'SITE'
    ELSE 'DEPARTMENT' END;
ALTER TABLE unit ALTER COLUMN kind SET NOT NULL;
ALTER TABLE unit ADD CONSTRAINT unit_kind CHECK (kind IN ('GROUP', 'COMPANY', 'SITE', 'DEPARTMENT'));

-- Whether units that appear in the round's scope while it is open join it by themselves. Rounds opened
-- before this choice existed keep the participants they were given.
ALTER TABLE round ADD COLUMN auto_enrol BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE round ALTER COLUMN auto_enrol DROP DEFAULT;

-- Each round's own picture of the organisation: every unit that takes part or has a sheet in it, every
-- unit above those, and the scope with the units above it, as they are while the round is open and as
-- they were when it was closed. Reports, trends and sheet lists of a round read names, codes, places in
-- the tree and headcounts from here, so that a later re-organisation never rewrites a closed round.
CREATE TABLE round_unit (
    round_id   BIGINT        NOT NULL REFERENCES round (id),
    unit_id    BIGINT        NOT NULL REFERENCES unit (id),
    parent_id  BIGINT,
    path       VARCHAR(1000) NOT NULL,
    tree_order BIGINT[] GENERATED ALWAYS AS (CAST(string_to_array(btrim(path, '/'), '/') AS BIGINT[])) STORED,
    code       VARCHAR(64)   NOT NULL,
    name       VARCHAR(200)  NOT NULL,
    headcount  INTEGER,
    kind       VARCHAR(12)   NOT NULL,
    PRIMARY KEY (round_id, unit_id)
);
CREATE INDEX round_unit_unit ON round_unit (unit_id);
CREATE INDEX round_unit_path ON round_unit (round_id, path text_pattern_ops);
CREATE INDEX round_unit_parent ON round_unit (round_id, parent_id);

-- Rounds closed before this migration get the picture of the organisation as it is now: the best record
-- there is of how it was when they were closed.
INSERT INTO round_unit (round_id, unit_id, parent_id, path, code, name, headcount, kind)
SELECT x.round_id, u.id, u.parent_id, u.path, u.code, u.name, u.headcount, u.kind
FROM (SELECT rp.round_id, unnest(m.tree_order) AS unit_id FROM round_participant rp JOIN unit m ON m.id = rp.unit_id
      UNION
      SELECT s.round_id, unnest(m.tree_order) FROM submission s JOIN unit m ON m.id = s.unit_id
      UNION
      SELECT r.id, unnest(m.tree_order) FROM round r JOIN unit m ON m.id = r.scope_unit_id) x
JOIN unit u ON u.id = x.unit_id;
