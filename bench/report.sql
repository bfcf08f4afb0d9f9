-- The report's aggregation as one SQL query: the participants under a node with their current sheet,
-- answers counted per question, the CONSOLIDATED and MEAN scores and the coverage.
-- psql variables: rid (round id), prefix (the node's path followed by %).
WITH p AS (
    SELECT u.id, u.headcount, s.answers
    FROM round_participant rp
    JOIN unit u ON u.id = rp.unit_id
    LEFT JOIN submission s ON s.round_id = rp.round_id AND s.unit_id = rp.unit_id
    WHERE rp.round_id = :rid AND u.path LIKE :'prefix'
), q AS (
    SELECT g.q,
           count(*) FILTER (WHERE substr(p.answers, g.q, 1) = 'I') AS i,
           count(*) FILTER (WHERE substr(p.answers, g.q, 1) = 'P') AS pa,
           count(*) FILTER (WHERE substr(p.answers, g.q, 1) = 'N') AS n,
           count(*) FILTER (WHERE substr(p.answers, g.q, 1) = 'U') AS u,
           avg(CASE substr(p.answers, g.q, 1) WHEN 'I' THEN 4 WHEN 'P' THEN 2 WHEN 'N' THEN 0 ELSE -1 END) AS mean
    FROM p CROSS JOIN generate_series(1, 25) AS g(q)
    WHERE p.answers IS NOT NULL
    GROUP BY g.q
)
SELECT (SELECT count(*) FROM p) AS expected,
       (SELECT count(answers) FROM p) AS submitted,
       sum(CASE WHEN u > 0 THEN -1 WHEN pa + n = 0 THEN 4 WHEN i + pa = 0 THEN 0 ELSE 2 END) AS consolidated,
       round(sum(mean), 2) AS mean,
       json_agg(json_build_array(q, i, pa, n, u) ORDER BY q)::text AS distribution
FROM q;
