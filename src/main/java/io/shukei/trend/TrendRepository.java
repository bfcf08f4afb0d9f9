package io.shukei.trend;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.shukei.db.SqlValues;
import io.shukei.round.RoundStatus;
import io.shukei.tally.Policy;

/** Set-based reads for a trend: the rounds, then every participant of all of them in one query. */
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

    record ChildRow(long unitId, String code, String name, String path) {
    }

    /** Rounds in which some unit of the subtree takes part, oldest first. */
    @SuppressWarnings("unchecked")
    List<RoundRow> rounds(String pathPrefix) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT r.id, r.title, r.status, r.policy, r.created_at, r.closed_at
                        FROM round r
                        WHERE EXISTS (SELECT 1 FROM round_participant rp JOIN unit u ON u.id = rp.unit_id
                                      WHERE rp.round_id = r.id AND u.path LIKE :prefix)
                        ORDER BY r.created_at, r.id""")
                .setParameter("prefix", pathPrefix + "%")
                .getResultList();
        return rows.stream().map(r -> new RoundRow(((Number) r[0]).longValue(), (String) r[1],
                RoundStatus.valueOf((String) r[2]), Policy.valueOf((String) r[3]), SqlValues.time(r[4]),
                SqlValues.time(r[5]))).toList();
    }

    @SuppressWarnings("unchecked")
    List<ParticipantRow> participants(List<Long> roundIds, String pathPrefix) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT rp.round_id, u.id, u.path, u.headcount, s.answers
                        FROM round_participant rp
                        JOIN unit u ON u.id = rp.unit_id
                        LEFT JOIN submission s ON s.round_id = rp.round_id AND s.unit_id = rp.unit_id
                        WHERE rp.round_id = ANY (cast(:rounds AS bigint[])) AND u.path LIKE :prefix""")
                .setParameter("rounds", roundIds.toArray(new Long[0]))
                .setParameter("prefix", pathPrefix + "%")
                .getResultList();
        return rows.stream().map(r -> new ParticipantRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], SqlValues.integer(r[3]), (String) r[4])).toList();
    }

    @SuppressWarnings("unchecked")
    List<ChildRow> children(long unitId) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, code, name, path FROM unit WHERE parent_id = :unit ORDER BY code, id")
                .setParameter("unit", unitId).getResultList();
        return rows.stream().map(r -> new ChildRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }
}
