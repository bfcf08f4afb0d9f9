-- Tree order: the ids of the path as numbers, so that siblings follow one another in the order they were
-- created at every level (the path as text put unit 10 before unit 9). Kept by PostgreSQL on every insert
-- and on every path rewrite of a moved subtree.
ALTER TABLE unit ADD COLUMN tree_order BIGINT[] GENERATED ALWAYS AS (CAST(string_to_array(btrim(path, '/'), '/') AS BIGINT[])) STORED;
