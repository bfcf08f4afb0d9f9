package io.shukei.idempotency;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.shukei.config.ShukeiConfig;
import io.shukei.db.Jdbc;

/** Keys and the answers stored under them (table idempotency_key), kept for shukei.idempotency.retention. */
@ApplicationScoped
class IdempotencyRepository {

    private final Jdbc jdbc;
    private final Duration retention;

    IdempotencyRepository(Jdbc jdbc, ShukeiConfig config) {
        this.jdbc = jdbc;
        this.retention = config.idempotency().retention();
    }

    /** The answer kept for a key: the request it answered (by hash) and what to replay. */
    record Stored(String requestHash, int status, String contentType, String location, String etag, byte[] body,
                  boolean secretWithheld) {
    }

    /**
     * Takes the key's lock for the rest of the transaction, unless another transaction holds it: only one
     * request per key runs at a time, and a repeat that finds it taken is answered at once instead of waiting.
     */
    boolean tryLock(String scope, String key) {
        return jdbc.one("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))", row -> row.getBoolean(1),
                scope + "\n" + key).orElseThrow();
    }

    /** The answer stored under the key within the retention. */
    Optional<Stored> find(String scope, String key) {
        return jdbc.one("SELECT request_hash, status, content_type, location, etag, body, secret_withheld "
                        + "FROM idempotency_key WHERE scope = ? AND idem_key = ? AND created_at >= now() - make_interval(secs => ?)",
                row -> new Stored(row.getString(1), row.getInt(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getBytes(6), row.getBoolean(7)),
                scope, key, retention.toSeconds());
    }

    /** Stores the answer under the key, replacing an expired one. */
    void store(String scope, String key, Stored answer) {
        jdbc.update("INSERT INTO idempotency_key (scope, idem_key, request_hash, status, content_type, location, etag, "
                        + "body, secret_withheld, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now()) "
                        + "ON CONFLICT (scope, idem_key) DO UPDATE SET request_hash = EXCLUDED.request_hash, "
                        + "status = EXCLUDED.status, content_type = EXCLUDED.content_type, location = EXCLUDED.location, "
                        + "etag = EXCLUDED.etag, body = EXCLUDED.body, secret_withheld = EXCLUDED.secret_withheld, "
                        + "created_at = EXCLUDED.created_at",
                scope, key, answer.requestHash(), answer.status(), answer.contentType(), answer.location(), answer.etag(),
                answer.body(), answer.secretWithheld());
    }

    void purgeExpired() {
        jdbc.update("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?)", retention.toSeconds());
    }
}
