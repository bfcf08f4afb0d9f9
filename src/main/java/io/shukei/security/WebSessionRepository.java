package io.shukei.security;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.shukei.db.Jdbc;

/** Sessions of the manager's pages, by SQL: one statement finds a session on each page request. */
@ApplicationScoped
class WebSessionRepository {

    private final Jdbc jdbc;

    WebSessionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A session as stored: who signed in and until when it lasts. */
    record Row(long id, String csrfToken, String actorType, String actorId, String actorName, Long apiKeyId, Role role,
               Long unitId, OffsetDateTime lastSeenAt, OffsetDateTime expiresAt) {
    }

    long insert(byte[] tokenHash, String csrfToken, Caller caller, Long apiKeyId, OffsetDateTime now,
                OffsetDateTime expiresAt) {
        return jdbc.query("""
                        INSERT INTO web_session (token_hash, csrf_token, actor_type, actor_id, actor_name, api_key_id,
                            role, unit_id, created_at, last_seen_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                row -> row.getLong(1), tokenHash, csrfToken, caller.actorType(), caller.actorId(), caller.actorName(),
                apiKeyId, caller.role().name(), caller.unitId(), now, now, expiresAt).get(0);
    }

    /** The session of a cookie, unless it has ended (expired, or idle since {@code idleSince}). */
    Optional<Row> findUsable(byte[] tokenHash, OffsetDateTime now, OffsetDateTime idleSince) {
        return jdbc.query("""
                        SELECT id, csrf_token, actor_type, actor_id, actor_name, api_key_id, role, unit_id, last_seen_at,
                            expires_at
                        FROM web_session WHERE token_hash = ? AND expires_at > ? AND last_seen_at > ?""",
                row -> new Row(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getObject(6, Long.class), Role.valueOf(row.getString(7)), row.getObject(8, Long.class),
                        row.getObject(9, OffsetDateTime.class), row.getObject(10, OffsetDateTime.class)),
                tokenHash, now, idleSince).stream().findFirst();
    }

    void touch(long id, OffsetDateTime now) {
        jdbc.update("UPDATE web_session SET last_seen_at = ? WHERE id = ?", now, id);
    }

    /** Ends a session; true when there was one. */
    boolean delete(byte[] tokenHash) {
        return jdbc.update("DELETE FROM web_session WHERE token_hash = ?", tokenHash) > 0;
    }

    /** Forgets sessions that have ended, by expiry or by idleness. */
    void deleteEnded(OffsetDateTime now, OffsetDateTime idleSince) {
        jdbc.update("DELETE FROM web_session WHERE expires_at <= ? OR last_seen_at <= ?", now, idleSince);
    }
}
