-- The report's aggregation as one SQL query: the participants under a node with their current sheet,
-- answers counted per question (unnest: about twice as fast as 25 substr() filters per row), the
-- CONSOLIDATED and MEAN scores and the coverage. psql variables: rid (round id), prefix (node path + %).
WITH p AS (
    SELECT u.unit_id, s.answers
    FROM round_participant rp
    JOIN round_unit u ON u.round_id = rp.round_id AND u.unit_id = rp.unit_id
    LEFT JOIN submission s ON s.round_id = rp.round_id AND s.unit_id = rp.unit_id
    WHERE rp.round_id = :rid AND u.path LIKE :'prefix'
), d AS (
    SELECT a.q, a.letter, count(*) AS c
    FROM p, unnest(string_to_array(p.answers, NULL)) WITH ORDINALITY AS a(letter, q)
    GROUP BY a.q, a.letter
), q AS (
    SELECT q, sum(c) FILTER (WHERE letter = 'I') AS i, sum(c) FILTER (WHERE letter = 'P') AS pa,
           sum(c) FILTER (WHERE letter = 'N') AS n, sum(c) FILTER (WHERE letter = 'U') AS u,
           sum(c * CASE letter WHEN 'I' THEN 4 WHEN 'P' THEN 2 WHEN 'N' THEN 0 ELSE -1 END)::numeric / sum(c) AS mean
    FROM d GROUP BY q
)
SELECT (SELECT count(*) FROM p) AS expected, (SELECT count(answers) FROM p) AS submitted,
       sum(CASE WHEN coalesce(u, 0) > 0 THEN -1 WHEN coalesce(pa, 0) + coalesce(n, 0) = 0 THEN 4
                WHEN coalesce(i, 0) + coalesce(pa, 0) = 0 THEN 0 ELSE 2 END) AS consolidated,
       round(sum(mean), 2) AS mean,
       json_agg(json_build_array(q, coalesce(i, 0), coalesce(pa, 0), coalesce(n, 0), coalesce(u, 0)) ORDER BY q)::text
FROM q;
