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

    /** One page of a subscription's deliveries (of one status, or all when null), newest first, with their events. */
    List<Delivery> of(long subscriptionId, DeliveryStatus status, int page, int size) {
        var found = status == null
                ? find("from Delivery d join fetch d.event where d.subscriptionId = ?1 order by d.id desc", subscriptionId)
                : find("from Delivery d join fetch d.event where d.subscriptionId = ?1 and d.status = ?2 order by d.id desc",
                        subscriptionId, status);
        return found.page(page, size).list();
    }

    long countOf(long subscriptionId, DeliveryStatus status) {
        return status == null ? count("subscriptionId", subscriptionId)
                : count("subscriptionId = ?1 and status = ?2", subscriptionId, status);
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
        jdbc.execute("SELECT pg_advisory_xact_lock(hashtext('webhook.round.completed'), cast(? % 2147483647 AS integer))",
                roundId);
        return jdbc.one("""
                        SELECT NOT EXISTS (SELECT 1 FROM round_participant rp WHERE rp.round_id = ?
                            AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.round_id = rp.round_id AND s.unit_id = rp.unit_id))""",
                row -> row.getBoolean(1), roundId).orElseThrow();
    }

    /**
     * Claims up to {@code limit} due deliveries by moving their next attempt to {@code leaseUntil}:
     * another instance skips the locked rows now and sees them as not due after the commit. If this
     * instance dies while sending, the lease runs out and the delivery is tried again.
     */
    List<Claimed> claim(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        List<Long> ids = jdbc.query("""
                        UPDATE webhook_delivery SET next_attempt_at = ? WHERE id IN (
                            SELECT d.id FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                            WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND NOT s.paused
                            ORDER BY d.next_attempt_at LIMIT ? FOR UPDATE OF d SKIP LOCKED)
                        RETURNING id""",
                row -> row.getLong(1), leaseUntil, now, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                        SELECT d.id, d.attempts, s.url, s.secret, e.id AS event_id, e.payload FROM webhook_delivery d
                        JOIN webhook_subscription s ON s.id = d.subscription_id JOIN webhook_event e ON e.id = d.event_id
                        WHERE d.id = ANY (cast(? AS bigint[]))""",
                row -> new Claimed(row.getLong(1), leaseUntil, row.getInt(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6)),
                (Object) ids.toArray(new Long[0]));
    }
}
