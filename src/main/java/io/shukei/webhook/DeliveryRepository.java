package io.shukei.webhook;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.shukei.db.Jdbc;

@ApplicationScoped
class DeliveryRepository implements PanacheRepository<Delivery> {

    private final Jdbc jdbc;

    DeliveryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A claimed delivery with what sending it needs, and the lease that marks this claim. */
    record Claimed(long id, OffsetDateTime lease, int attempts, String url, String secret, String eventId, String payload) {
    }

    /**
     * Inserts the event and one pending delivery for each matching subscription (paused ones too:
     * they get their backlog on resume), in one statement; an event nobody subscribed to is not stored.
     */
    int record(EventType type, String unitPath, String payload, OffsetDateTime now) {
        return jdbc.update("""
                        WITH targets AS (
                            SELECT s.id FROM webhook_subscription s JOIN unit u ON u.id = s.unit_id
                            WHERE ? = ANY (s.events) AND (? LIKE u.path || '%' OR (? AND u.path LIKE ? || '%'))),
                        event AS (
                            INSERT INTO webhook_event (id, type, payload, created_at)
                            SELECT 'evt_' || replace(gen_random_uuid()::text, '-', ''), ?, ?, ?
                            WHERE EXISTS (SELECT 1 FROM targets)
                            RETURNING id)
                        INSERT INTO webhook_delivery (subscription_id, event_id, status, attempts, next_attempt_at, created_at)
                        SELECT t.id, e.id, 'PENDING', 0, ?, ? FROM targets t CROSS JOIN event e""",
                type.wire, unitPath, type.reachesSubtree, unitPath, type.wire, payload, now, now, now);
    }

    /**
     * True when every participant of the round has a sheet. The advisory lock serialises this check
     * per round, so of two last sheets stored at once the second sees the first and exactly one of
     * them completes the round.
     */
    boolean roundComplete(long roundId) {
        getEntityManager().flush();
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('webhook.round.completed'), cast(:round % 2147483647 AS integer))")
                .setParameter("round", roundId).getSingleResult();
        return (Boolean) getEntityManager().createNativeQuery("""
                        SELECT NOT EXISTS (SELECT 1 FROM round_participant rp WHERE rp.round_id = :round
                            AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.round_id = rp.round_id AND s.unit_id = rp.unit_id))""")
                .setParameter("round", roundId).getSingleResult();
    }

    /**
     * Claims up to {@code limit} due deliveries by moving their next attempt to {@code leaseUntil}:
     * another instance skips the locked rows now and sees them as not due after the commit. If this
     * instance dies while sending, the lease runs out and the delivery is tried again.
     */
    @SuppressWarnings("unchecked")
    List<Claimed> claim(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        List<Number> ids = getEntityManager().createNativeQuery("""
                        UPDATE webhook_delivery SET next_attempt_at = :lease WHERE id IN (
                            SELECT d.id FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                            WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND NOT s.paused
                            ORDER BY d.next_attempt_at LIMIT :limit FOR UPDATE OF d SKIP LOCKED)
                        RETURNING id""")
                .setParameter("lease", leaseUntil).setParameter("now", now).setParameter("limit", limit).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        SELECT d.id, d.attempts, s.url, s.secret, e.id AS event_id, e.payload FROM webhook_delivery d
                        JOIN webhook_subscription s ON s.id = d.subscription_id JOIN webhook_event e ON e.id = d.event_id
                        WHERE d.id = ANY (cast(:ids AS bigint[]))""")
                .setParameter("ids", ids.stream().map(Number::longValue).toArray(Long[]::new)).getResultList();
        return rows.stream().map(r -> new Claimed(((Number) r[0]).longValue(), leaseUntil, ((Number) r[1]).intValue(),
                (String) r[2], (String) r[3], (String) r[4], (String) r[5])).toList();
    }
}
