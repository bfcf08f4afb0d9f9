package io.shukei.trend;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.shukei.db.Jdbc;
import io.shukei.round.RoundStatus;
import io.shukei.tally.Policy;
import io.shukei.unit.UnitNamed;

/**
 * Set-based reads for a trend: the rounds, then every participant of all of them in one query. Each round is
 * read from its own picture of the organisation, so a closed round's entry stays as it was at the close.
 */
@ApplicationScoped
class TrendRepository {

    private final Jdbc jdbc;

    TrendRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
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
    List<RoundRow> rounds(long nodeId) {
        return jdbc.query("""
                        SELECT r.id, r.title, r.status, r.policy, r.created_at, r.closed_at
                        FROM round r JOIN round_unit n ON n.round_id = r.id AND n.unit_id = ?
                        WHERE EXISTS (SELECT 1 FROM round_participant rp
                                      JOIN round_unit u ON u.round_id = rp.round_id AND u.unit_id = rp.unit_id
                                      WHERE rp.round_id = r.id AND u.path LIKE n.path || '%')
                        ORDER BY r.created_at, r.id""",
                r -> new RoundRow(r.getLong(1), r.getString(2), RoundStatus.valueOf(r.getString(3)),
                        Policy.valueOf(r.getString(4)), r.getObject(5, OffsetDateTime.class),
                        r.getObject(6, OffsetDateTime.class)),
                nodeId);
    }

    List<ParticipantRow> participants(List<Long> roundIds, long nodeId) {
        return jdbc.query("""
                        SELECT rp.round_id, u.unit_id, u.path, u.headcount, s.answers
                        FROM round_participant rp
                        JOIN round_unit u ON u.round_id = rp.round_id AND u.unit_id = rp.unit_id
                        JOIN round_unit n ON n.round_id = rp.round_id AND n.unit_id = ?
                        LEFT JOIN submission s ON s.round_id = rp.round_id AND s.unit_id = rp.unit_id
                        WHERE rp.round_id = ANY (cast(? AS bigint[])) AND u.path LIKE n.path || '%'""",
                r -> new ParticipantRow(r.getLong(1), r.getLong(2), r.getString(3), r.getObject(4, Integer.class),
                        r.getString(5)),
                nodeId, roundIds.toArray(new Long[0]));
    }

    /** A unit named as the round's picture holds it. */
    record NamedRow(long unitId, String code, String name) implements UnitNamed {
    }

    /** The units as the round's picture names them, in the order asked for. */
    List<NamedRow> named(long roundId, List<Long> unitIds) {
        Long[] ids = unitIds.toArray(new Long[0]);
        return jdbc.query("""
                        SELECT unit_id, code, name FROM round_unit WHERE round_id = ?
                        AND unit_id = ANY (cast(? AS bigint[])) ORDER BY array_position(cast(? AS bigint[]), unit_id)""",
                r -> new NamedRow(r.getLong(1), r.getString(2), r.getString(3)), roundId, ids, ids);
    }

    /** The node's direct children in each round's picture. */
    List<ChildRow> children(List<Long> roundIds, long nodeId) {
        return jdbc.query("""
                        SELECT round_id, unit_id, code, name, path FROM round_unit
                        WHERE round_id = ANY (cast(? AS bigint[])) AND parent_id = ? ORDER BY round_id, code, unit_id""",
                r -> new ChildRow(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5)),
                roundIds.toArray(new Long[0]), nodeId);
    }
}
