package io.shukei.round;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.shukei.db.Jdbc;
import io.shukei.unit.UnitSummary;

@ApplicationScoped
class RoundRepository implements PanacheRepository<Round> {

    private final Jdbc jdbc;

    RoundRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void addParticipants(long roundId, Collection<Long> unitIds) {
        getEntityManager().createNativeQuery(
                        "INSERT INTO round_participant (round_id, unit_id) SELECT :round, unnest(cast(:units AS bigint[])) "
                                + "ON CONFLICT DO NOTHING")
                .setParameter("round", roundId)
                .setParameter("units", unitIds.toArray(new Long[0]))
                .executeUpdate();
    }

    void removeParticipantsExcept(long roundId, Collection<Long> keep) {
        getEntityManager().createNativeQuery(
                        "DELETE FROM round_participant WHERE round_id = :round AND NOT (unit_id = ANY (cast(:keep AS bigint[])))")
                .setParameter("round", roundId)
                .setParameter("keep", keep.toArray(new Long[0]))
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    List<Long> participantIds(long roundId) {
        return ((List<Number>) getEntityManager()
                .createNativeQuery("SELECT unit_id FROM round_participant WHERE round_id = :round ORDER BY unit_id")
                .setParameter("round", roundId).getResultList()).stream().map(Number::longValue).toList();
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

    private static RoundResponse.DriftUnit driftUnit(java.sql.ResultSet row) throws java.sql.SQLException {
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
    @SuppressWarnings("unchecked")
    List<Participation> enrolAppeared(String subtreePath, String previousPath) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        INSERT INTO round_participant (round_id, unit_id)
                        SELECT r.id, u.id FROM round r JOIN unit scope ON scope.id = r.scope_unit_id
                        JOIN unit u ON u.path LIKE :subtree
                        WHERE r.status = 'OPEN' AND r.auto_enrol AND u.path LIKE scope.path || '%'
                          AND (cast(:previous AS varchar) IS NULL OR NOT cast(:previous AS varchar) LIKE scope.path || '%')
                          AND\s""" + ACTIVE_LEAF + """

                        ON CONFLICT DO NOTHING
                        RETURNING round_id, unit_id""")
                .setParameter("subtree", subtreePath + "%")
                .setParameter("previous", previousPath)
                .getResultList();
        return rows.stream().map(r -> new Participation(((Number) r[0]).longValue(), ((Number) r[1]).longValue())).toList();
    }

    /** Takes the participants of a moved subtree out of the open rounds whose scope they have left. */
    @SuppressWarnings("unchecked")
    List<Participation> removeOutsideScope(String subtreePath) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        DELETE FROM round_participant rp USING round r, unit scope, unit u
                        WHERE rp.round_id = r.id AND r.status = 'OPEN' AND scope.id = r.scope_unit_id AND u.id = rp.unit_id
                          AND u.path LIKE :subtree AND NOT u.path LIKE scope.path || '%'
                        RETURNING rp.round_id, rp.unit_id""")
                .setParameter("subtree", subtreePath + "%")
                .getResultList();
        return rows.stream().map(r -> new Participation(((Number) r[0]).longValue(), ((Number) r[1]).longValue())).toList();
    }

    /** Takes a unit out of the open rounds in which it gave no sheet. */
    @SuppressWarnings("unchecked")
    List<Participation> removeWithoutSheet(long unitId) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        DELETE FROM round_participant rp USING round r
                        WHERE rp.round_id = r.id AND r.status = 'OPEN' AND rp.unit_id = :unit
                          AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.round_id = rp.round_id AND s.unit_id = rp.unit_id)
                        RETURNING rp.round_id, rp.unit_id""")
                .setParameter("unit", unitId)
                .getResultList();
        return rows.stream().map(r -> new Participation(((Number) r[0]).longValue(), ((Number) r[1]).longValue())).toList();
    }

    void removeParticipants(long roundId, Collection<Long> unitIds) {
        getEntityManager().createNativeQuery(
                        "DELETE FROM round_participant WHERE round_id = :round AND unit_id = ANY (cast(:units AS bigint[]))")
                .setParameter("round", roundId)
                .setParameter("units", unitIds.toArray(new Long[0]))
                .executeUpdate();
    }

    boolean hasParticipantUnder(long roundId, String pathPrefix) {
        return !getEntityManager().createNativeQuery("SELECT 1 FROM round_participant rp JOIN unit u ON u.id = rp.unit_id "
                        + "WHERE rp.round_id = :round AND u.path LIKE :prefix LIMIT 1")
                .setParameter("round", roundId).setParameter("prefix", pathPrefix + "%").getResultList().isEmpty();
    }

    /** Expected and submitted counts of the participants under a path prefix, for several rounds in one query. */
    @SuppressWarnings("unchecked")
    Map<Long, long[]> progressCounts(Collection<Long> roundIds, String pathPrefix) {
        Map<Long, long[]> counts = new HashMap<>();
        if (roundIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "SELECT rp.round_id, count(*), count(s.id) FROM round_participant rp JOIN unit u ON u.id = rp.unit_id "
                                + "LEFT JOIN submission s ON s.round_id = rp.round_id AND s.unit_id = rp.unit_id "
                                + "WHERE rp.round_id = ANY (cast(:rounds AS bigint[])) AND u.path LIKE :prefix GROUP BY rp.round_id")
                .setParameter("rounds", roundIds.toArray(new Long[0])).setParameter("prefix", pathPrefix + "%").getResultList();
        for (Object[] row : rows) {
            counts.put(((Number) row[0]).longValue(), new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
        }
        return counts;
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
        return jdbc.query("""
                        WITH r AS (SELECT id, status, catalog_version, scope_unit_id, revision FROM round WHERE id = ? FOR SHARE)
                        SELECT r.status, r.catalog_version, r.scope_unit_id, r.revision,
                               EXISTS (SELECT 1 FROM round_participant rp WHERE rp.round_id = r.id AND rp.unit_id = ? FOR UPDATE),
                               u.id, u.code, u.name, u.path
                        FROM r LEFT JOIN unit u ON u.id = ?""",
                row -> new SheetLock(RoundStatus.valueOf(row.getString(1)), row.getString(2), row.getLong(3),
                        row.getInt(4), row.getBoolean(5), row.getObject(6) == null ? null
                        : new UnitSummary(row.getLong(6), row.getString(7), row.getString(8), row.getString(9))),
                roundId, unitId, unitId).stream().findFirst();
    }
}
