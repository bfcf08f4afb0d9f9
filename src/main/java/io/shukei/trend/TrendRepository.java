package io.shukei.trend;

import java.time.OffsetDateTime;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

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

    /**
     * A participant of one of the rounds: the node's child it lies under in that round's picture (null for the node
     * itself); answers is null when it has not submitted.
     */
    record ParticipantRow(long roundId, long unitId, Long childId, Integer headcount, String answers) {
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

    /**
     * Every participant of the rounds under the node, handed on as it is read (a few thousand rows at a time: an
     * association's rounds hold hundreds of thousands); the caller runs in a transaction.
     */
    void participants(List<Long> roundIds, long nodeId, Consumer<ParticipantRow> each) {
        jdbc.allowLongStatements(Duration.ofSeconds(LONG_SECONDS));
        jdbc.stream("""
                        SELECT rp.round_id, u.unit_id,
                               cast(nullif(split_part(substr(u.path, length(n.path) + 1), '/', 1), '') AS bigint),
                               u.headcount, s.answers
                        FROM round_participant rp
                        JOIN round_unit u ON u.round_id = rp.round_id AND u.unit_id = rp.unit_id
                        JOIN round_unit n ON n.round_id = rp.round_id AND n.unit_id = ?
                        LEFT JOIN submission s ON s.round_id = rp.round_id AND s.unit_id = rp.unit_id
                        WHERE rp.round_id = ANY (cast(? AS bigint[])) AND u.path LIKE n.path || '%'""", FETCH,
                r -> new ParticipantRow(r.getLong(1), r.getLong(2), r.getObject(3, Long.class), r.getObject(4, Integer.class),
                        r.getString(5)),
                each, nodeId, roundIds.toArray(new Long[0]));
    }

    /** Rows fetched at a time. */
    private static final int FETCH = 5_000;
    /** How long the trend's reads may last: every round of the largest organisation. */
    static final int LONG_SECONDS = 120;

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
