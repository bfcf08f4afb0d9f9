package io.shukei.trend;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.shukei.db.SqlValues;
import io.shukei.round.RoundStatus;
import io.shukei.tally.Policy;
import io.shukei.unit.UnitNamed;

/**
 * Set-based reads for a trend: the rounds, then every participant of all of them in one query. Each round is
 * read from its own picture of the organisation, so a closed round's entry stays as it was at the close.
 */
@ApplicationScoped
class TrendRepository {

    private final EntityManager em;

    TrendRepository(EntityManager em) {
        this.em = em;
    }

    record RoundRow(long id, String title, RoundStatus status, Policy policy, OffsetDateTime createdAt,
                    OffsetDateTime closedAt) {
    }

    /** A participant of one of the rounds; answers is null when it has not submitted. */
    record ParticipantRow(long roundId, long unitId, String path, Integer headcount, String answers) {
    }

    record ChildRow(long roundId, long unitId, String code, String name, String path) {
    }

    /** Rounds in which some unit of the node's subtree takes part (as each round's picture has it), oldest first. */
    @SuppressWarnings("unchecked")
    List<RoundRow> rounds(long nodeId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT r.id, r.title, r.status, r.policy, r.created_at, r.closed_at
                        FROM round r JOIN round_unit n ON n.round_id = r.id AND n.unit_id = :node
                        WHERE EXISTS (SELECT 1 FROM round_participant rp
                                      JOIN round_unit u ON u.round_id = rp.round_id AND u.unit_id = rp.unit_id
                                      WHERE rp.round_id = r.id AND u.path LIKE n.path || '%')
                        ORDER BY r.created_at, r.id""")
                .setParameter("node", nodeId)
                .getResultList();
        return rows.stream().map(r -> new RoundRow(((Number) r[0]).longValue(), (String) r[1],
                RoundStatus.valueOf((String) r[2]), Policy.valueOf((String) r[3]), SqlValues.time(r[4]),
                SqlValues.time(r[5]))).toList();
    }

    @SuppressWarnings("unchecked")
    List<ParticipantRow> participants(List<Long> roundIds, long nodeId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT rp.round_id, u.unit_id, u.path, u.headcount, s.answers
                        FROM round_participant rp
                        JOIN round_unit u ON u.round_id = rp.round_id AND u.unit_id = rp.unit_id
                        JOIN round_unit n ON n.round_id = rp.round_id AND n.unit_id = :node
                        LEFT JOIN submission s ON s.round_id = rp.round_id AND s.unit_id = rp.unit_id
                        WHERE rp.round_id = ANY (cast(:rounds AS bigint[])) AND u.path LIKE n.path || '%'""")
                .setParameter("rounds", roundIds.toArray(new Long[0]))
                .setParameter("node", nodeId)
                .getResultList();
        return rows.stream().map(r -> new ParticipantRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], SqlValues.integer(r[3]), (String) r[4])).toList();
    }

    /** A unit named as the round's picture holds it. */
    record NamedRow(long unitId, String code, String name) implements UnitNamed {
    }

    /** The units as the round's picture names them, in the order asked for. */
    @SuppressWarnings("unchecked")
    List<NamedRow> named(long roundId, List<Long> unitIds) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT unit_id, code, name FROM round_unit WHERE round_id = :round
                        AND unit_id = ANY (cast(:units AS bigint[])) ORDER BY array_position(cast(:units AS bigint[]), unit_id)""")
                .setParameter("round", roundId).setParameter("units", unitIds.toArray(new Long[0])).getResultList();
        return rows.stream().map(r -> new NamedRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2])).toList();
    }

    /** The node's direct children in each round's picture. */
    @SuppressWarnings("unchecked")
    List<ChildRow> children(List<Long> roundIds, long nodeId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT round_id, unit_id, code, name, path FROM round_unit
                        WHERE round_id = ANY (cast(:rounds AS bigint[])) AND parent_id = :node ORDER BY round_id, code, unit_id""")
                .setParameter("rounds", roundIds.toArray(new Long[0])).setParameter("node", nodeId).getResultList();
        return rows.stream().map(r -> new ChildRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], (String) r[4])).toList();
    }
}
