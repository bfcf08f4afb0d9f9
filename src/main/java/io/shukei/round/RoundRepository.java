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

    /** Participants under a path prefix that have not submitted, with their names, in tree order. */
    @SuppressWarnings("unchecked")
    List<Object[]> missing(long roundId, String pathPrefix) {
        return getEntityManager().createNativeQuery(
                        "SELECT u.id, u.code, u.name FROM round_participant rp JOIN unit u ON u.id = rp.unit_id "
                                + "WHERE rp.round_id = :round AND u.path LIKE :prefix AND NOT EXISTS (SELECT 1 FROM submission s "
                                + "WHERE s.round_id = rp.round_id AND s.unit_id = rp.unit_id) ORDER BY u.tree_order")
                .setParameter("round", roundId).setParameter("prefix", pathPrefix + "%").getResultList();
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
