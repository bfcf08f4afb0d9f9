-- The report's own read (ReportRepository.participants): every participant under the node, as the round's
-- picture of the organisation holds it, with its current sheet, one row each. psql variables: rid (round
-- id), prefix (node path + %).
SELECT u.unit_id, u.code, u.name, u.path, u.headcount, s.answers, s.revision, s.created_at, s.updated_at
FROM round_participant rp
JOIN round_unit u ON u.round_id = rp.round_id AND u.unit_id = rp.unit_id
LEFT JOIN submission s ON s.round_id = rp.round_id AND s.unit_id = rp.unit_id
WHERE rp.round_id = :rid AND u.path LIKE :'prefix'
ORDER BY u.tree_order;
