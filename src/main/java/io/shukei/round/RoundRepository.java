package io.shukei.round;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.shukei.db.Jdbc;
import io.shukei.unit.UnitSummary;

@ApplicationScoped
class RoundRepository implements PanacheRepository<Round> {

    private final Jdbc jdbc;

    RoundRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Rounds, newest first: under a scope path (null: anywhere), with a participant (null: any), of a status
     * (null: any), and visible under a path (null: every round), as a round is visible by its scope or by one
     * of its participants.
     */
    PanacheQuery<Round> listed(String scopePath, Long participantId, RoundStatus status, String visiblePath) {
        StringBuilder query = new StringBuilder("from Round r where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (scopePath != null) {
            query.append(" and exists (select 1 from Unit u where u.id = r.scopeUnitId and u.path like :prefix)");
            params.put("prefix", scopePath + "%");
        }
        if (participantId != null) {
            query.append(" and r.id in (select p.roundId from RoundParticipant p where p.unitId = :participant)");
            params.put("participant", participantId);
        }
        if (status != null) {
            query.append(" and r.status = :status");
            params.put("status", status);
        }
        if (visiblePath != null) {
            query.append(" and (exists (select 1 from Unit s where s.id = r.scopeUnitId and s.path like :visible)"
                    + " or exists (select 1 from RoundParticipant p, Unit pu where p.roundId = r.id and pu.id = p.unitId"
                    + " and pu.path like :visible))");
            params.put("visible", visiblePath + "%");
        }
        return find(query + " order by r.createdAt desc, r.id desc", params);
    }

    /** Reads the round again and holds its row until the transaction ends: its writers queue. */
    void refreshLocked(Round round) {
        getEntityManager().refresh(round, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Holds the round's row until the transaction ends. */
    void lock(Round round) {
        getEntityManager().lock(round, LockModeType.PESSIMISTIC_WRITE);
    }

    void addParticipants(long roundId, Collection<Long> unitIds) {
        jdbc.update("INSERT INTO round_participant (round_id, unit_id) SELECT ?, unnest(cast(? AS bigint[])) "
                + "ON CONFLICT DO NOTHING", roundId, unitIds.toArray(new Long[0]));
    }

    void removeParticipantsExcept(long roundId, Collection<Long> keep) {
        jdbc.update("DELETE FROM round_participant WHERE round_id = ? AND NOT (unit_id = ANY (cast(? AS bigint[])))",
                roundId, keep.toArray(new Long[0]));
    }

    List<Long> participantIds(long roundId) {
        return jdbc.query("SELECT unit_id FROM round_participant WHERE round_id = ? ORDER BY unit_id",
                row -> row.getLong(1), roundId);
    }

    /**
     * Participants under a path prefix (of the units as they are now: the caller's scope) that have not
     * submitted, named as the round's picture holds them, in its tree order.
     */
    List<RoundResponse.MissingUnit> missing(long roundId, String pathPrefix) {
        return jdbc.query("""
                        SELECT ru.unit_id, ru.code, ru.name FROM round_participant rp
                        JOIN round_unit ru ON ru.round_id = rp.round_id AND ru.unit_id = rp.unit_id
                        JOIN unit u ON u.id = rp.unit_id
                        WHERE rp.round_id = ? AND u.path LIKE ? AND NOT EXISTS (SELECT 1 FROM submission s
                            WHERE s.round_id = rp.round_id AND s.unit_id = rp.unit_id)
                        ORDER BY ru.tree_order""",
                row -> new RoundResponse.MissingUnit(row.getLong(1), row.getString(2), row.getString(3)),
                roundId, pathPrefix + "%");
    }

    /** The names from the organisation down to the unit, for people to place it. */
    private static final String NAME_PATH = "(SELECT string_agg(a.name, ' / ' ORDER BY a.tree_order) FROM unit a "
            + "WHERE a.id = ANY (u.tree_order))";
    private static final String ACTIVE_LEAF = "u.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM unit c "
            + "WHERE c.parent_id = u.id AND c.archived_at IS NULL)";

    /** Active leaf units under the prefix (as units are now) that do not take part in the round, in tree order. */
    List<RoundResponse.DriftUnit> notParticipating(long roundId, String pathPrefix) {
        return jdbc.query("SELECT u.id, u.code, u.name, " + NAME_PATH + " FROM unit u WHERE u.path LIKE ? AND "
                        + ACTIVE_LEAF + " AND NOT EXISTS (SELECT 1 FROM round_participant rp WHERE rp.round_id = ? "
                        + "AND rp.unit_id = u.id) ORDER BY u.tree_order",
                RoundRepository::driftUnit, pathPrefix + "%", roundId);
    }

    /** An active leaf that an earlier round did not have, and whether it was created after that round opened. */
    record Absent(RoundResponse.DriftUnit unit, boolean newer) {
    }

    /** Active leaf units under the prefix that the round does not have, each told whether it is newer than the round. */
    List<Absent> absentFrom(long roundId, String pathPrefix) {
        return jdbc.query("SELECT u.id, u.code, u.name, " + NAME_PATH + ", u.created_at > r.created_at FROM unit u, round r "
                        + "WHERE r.id = ? AND u.path LIKE ? AND " + ACTIVE_LEAF + " AND NOT EXISTS (SELECT 1 FROM "
                        + "round_participant rp WHERE rp.round_id = r.id AND rp.unit_id = u.id) ORDER BY u.tree_order",
                row -> new Absent(driftUnit(row), row.getBoolean(5)), roundId, pathPrefix + "%");
    }

    /** Participants under the prefix that have active units under them now, in tree order. */
    List<RoundResponse.DriftUnit> participantsWithChildren(long roundId, String pathPrefix) {
        return jdbc.query("SELECT u.id, u.code, u.name, " + NAME_PATH + " FROM round_participant rp "
                        + "JOIN unit u ON u.id = rp.unit_id WHERE rp.round_id = ? AND u.path LIKE ? AND EXISTS "
                        + "(SELECT 1 FROM unit c WHERE c.parent_id = u.id AND c.archived_at IS NULL) ORDER BY u.tree_order",
                RoundRepository::driftUnit, roundId, pathPrefix + "%");
    }

    private static RoundResponse.DriftUnit driftUnit(ResultSet row) throws SQLException {
        return new RoundResponse.DriftUnit(row.getLong(1), row.getString(2), row.getString(3), row.getString(4));
    }

    /** A participant a unit change added to or removed from an open round. */
    record Participation(long roundId, long unitId) {
    }

    /**
     * Enrols the active leaves of a subtree that just appeared in the scope of open rounds that enrol by
     * themselves: moved in from outside the scope ({@code previousPath} not in it), or created or unarchived
     * there ({@code previousPath} null).
     */
    List<Participation> enrolAppeared(String subtreePath, String previousPath) {
        return jdbc.query("""
                        INSERT INTO round_participant (round_id, unit_id)
                        SELECT r.id, u.id FROM round r JOIN unit scope ON scope.id = r.scope_unit_id
                        JOIN unit u ON u.path LIKE ?
                        WHERE r.status = 'OPEN' AND r.auto_enrol AND u.path LIKE scope.path || '%'
                          AND (cast(? AS varchar) IS NULL OR NOT cast(? AS varchar) LIKE scope.path || '%')
                          AND\s""" + ACTIVE_LEAF + """

                        ON CONFLICT DO NOTHING
                        RETURNING round_id, unit_id""",
                RoundRepository::participation, subtreePath + "%", previousPath, previousPath);
    }

    /** Takes the participants of a moved subtree out of the open rounds whose scope they have left. */
    List<Participation> removeOutsideScope(String subtreePath) {
        return jdbc.query("""
                        DELETE FROM round_participant rp USING round r, unit scope, unit u
                        WHERE rp.round_id = r.id AND r.status = 'OPEN' AND scope.id = r.scope_unit_id AND u.id = rp.unit_id
                          AND u.path LIKE ? AND NOT u.path LIKE scope.path || '%'
                        RETURNING rp.round_id, rp.unit_id""",
                RoundRepository::participation, subtreePath + "%");
    }

    /** Takes a unit out of the open rounds in which it gave no sheet. */
    List<Participation> removeWithoutSheet(long unitId) {
        return jdbc.query("""
                        DELETE FROM round_participant rp USING round r
                        WHERE rp.round_id = r.id AND r.status = 'OPEN' AND rp.unit_id = ?
                          AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.round_id = rp.round_id AND s.unit_id = rp.unit_id)
                        RETURNING rp.round_id, rp.unit_id""",
                RoundRepository::participation, unitId);
    }

    private static Participation participation(ResultSet row) throws SQLException {
        return new Participation(row.getLong(1), row.getLong(2));
    }

    void removeParticipants(long roundId, Collection<Long> unitIds) {
        jdbc.update("DELETE FROM round_participant WHERE round_id = ? AND unit_id = ANY (cast(? AS bigint[]))",
                roundId, unitIds.toArray(new Long[0]));
    }

    boolean hasParticipantUnder(long roundId, String pathPrefix) {
        return jdbc.one("SELECT 1 FROM round_participant rp JOIN unit u ON u.id = rp.unit_id "
                + "WHERE rp.round_id = ? AND u.path LIKE ? LIMIT 1", row -> true, roundId, pathPrefix + "%").isPresent();
    }

    /** How many of a round's participants there are and how many have submitted. */
    record Counts(long roundId, long expected, long submitted) {
    }

    /** The counts of the participants under a path prefix, for several rounds in one query, by round. */
    Map<Long, Counts> progressCounts(Collection<Long> roundIds, String pathPrefix) {
        if (roundIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("SELECT rp.round_id, count(*), count(s.id) FROM round_participant rp JOIN unit u ON u.id = rp.unit_id "
                                + "LEFT JOIN submission s ON s.round_id = rp.round_id AND s.unit_id = rp.unit_id "
                                + "WHERE rp.round_id = ANY (cast(? AS bigint[])) AND u.path LIKE ? GROUP BY rp.round_id",
                        row -> new Counts(row.getLong(1), row.getLong(2), row.getLong(3)),
                        roundIds.toArray(new Long[0]), pathPrefix + "%")
                .stream().collect(Collectors.toMap(Counts::roundId, c -> c));
    }

    /** The round as a sheet write sees it, whether the unit takes part, and the unit (null when it does not exist). */
    record SheetLock(RoundStatus status, String catalogVersion, long scopeUnitId, int revision, boolean participant,
                     UnitSummary unit) {
    }

    /**
     * Reads what storing a sheet needs of its round and its unit, in one statement (one round trip less
     * per sheet) that locks the round for share (a concurrent close waits) and the participant row for
     * update (writers of one sheet queue); empty when the round does not exist. The unit is read from the
     * statement's snapshot, which is enough: a sheet write changes nothing of it.
     */
    Optional<SheetLock> lockForSheet(long roundId, long unitId) {
        return jdbc.one("""
                        WITH r AS (SELECT id, status, catalog_version, scope_unit_id, revision FROM round WHERE id = ? FOR SHARE)
                        SELECT r.status, r.catalog_version, r.scope_unit_id, r.revision,
                               EXISTS (SELECT 1 FROM round_participant rp WHERE rp.round_id = r.id AND rp.unit_id = ? FOR UPDATE),
                               u.id, u.code, u.name, u.path
                        FROM r LEFT JOIN unit u ON u.id = ?""",
                row -> new SheetLock(RoundStatus.valueOf(row.getString(1)), row.getString(2), row.getLong(3),
                        row.getInt(4), row.getBoolean(5), row.getObject(6) == null ? null
                        : new UnitSummary(row.getLong(6), row.getString(7), row.getString(8), row.getString(9))),
                roundId, unitId, unitId);
    }
}
