package io.shukei.invitation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.shukei.db.Jdbc;

@ApplicationScoped
class InvitationRepository implements PanacheRepository<Invitation> {

    private final Jdbc jdbc;

    InvitationRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The link a secret belongs to, with what deciding its state needs. */
    record Found(long id, long roundId, long unitId, String unitPath, boolean revoked, boolean roundOpen,
                 OffsetDateTime closedAt) {
    }

    Optional<Found> findByHash(byte[] tokenHash) {
        return jdbc.one("""
                        SELECT i.id, i.round_id, i.unit_id, u.path, i.revoked_at IS NOT NULL, r.status = 'OPEN', r.closed_at
                        FROM invitation i JOIN round r ON r.id = i.round_id JOIN unit u ON u.id = i.unit_id
                        WHERE i.token_hash = ?""",
                row -> new Found(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4), row.getBoolean(5),
                        row.getBoolean(6), row.getObject(7, OffsetDateTime.class)), tokenHash);
    }

    /** The unit's usable link in the round, locked until the transaction ends. */
    Optional<Invitation> usableLocked(long roundId, long unitId) {
        return find("roundId = ?1 and unitId = ?2 and revokedAt is null", roundId, unitId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    Invitation requireInRound(long roundId, long id) {
        return find("id = ?1 and roundId = ?2", id, roundId).firstResult();
    }

    String unitPath(long unitId) {
        return jdbc.one("SELECT path FROM unit WHERE id = ?", row -> row.getString(1), unitId).orElseThrow();
    }

    /** Participants of the round under a path prefix (the caller's scope), in tree order, with whether they have a usable link. */
    record Participant(long unitId, String path, boolean hasLink) {
    }

    List<Participant> participants(long roundId, String pathPrefix) {
        return jdbc.query("""
                        SELECT rp.unit_id, u.path, EXISTS (SELECT 1 FROM invitation i WHERE i.round_id = rp.round_id
                            AND i.unit_id = rp.unit_id AND i.revoked_at IS NULL)
                        FROM round_participant rp JOIN unit u ON u.id = rp.unit_id
                        LEFT JOIN round_unit ru ON ru.round_id = rp.round_id AND ru.unit_id = rp.unit_id
                        WHERE rp.round_id = ? AND u.path LIKE ? ORDER BY ru.tree_order, rp.unit_id""",
                row -> new Participant(row.getLong(1), row.getString(2), row.getBoolean(3)), roundId, pathPrefix + "%");
    }

    /** An invitation with the names the round gives its unit and that unit's parent. */
    record Listed(long id, long roundId, long unitId, String unitCode, String unitName, String parentName, String email,
                  boolean revoked, boolean roundOpen, OffsetDateTime closedAt, OffsetDateTime createdAt,
                  OffsetDateTime issuedAt, OffsetDateTime revokedAt, OffsetDateTime mailedAt, String mailError) {
    }

    private static final String LISTED = """
            SELECT i.id, i.round_id, i.unit_id, COALESCE(ru.code, u.code), COALESCE(ru.name, u.name), pu.name, i.email,
                i.revoked_at IS NOT NULL, r.status = 'OPEN', r.closed_at, i.created_at, i.issued_at, i.revoked_at,
                i.mailed_at, i.mail_error
            FROM invitation i JOIN round r ON r.id = i.round_id JOIN unit u ON u.id = i.unit_id
            LEFT JOIN round_unit ru ON ru.round_id = i.round_id AND ru.unit_id = i.unit_id
            LEFT JOIN round_unit pu ON pu.round_id = i.round_id AND pu.unit_id = ru.parent_id
            """;

    private static Listed listed(ResultSet row) throws SQLException {
        return new Listed(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getBoolean(8), row.getBoolean(9),
                row.getObject(10, OffsetDateTime.class), row.getObject(11, OffsetDateTime.class),
                row.getObject(12, OffsetDateTime.class), row.getObject(13, OffsetDateTime.class),
                row.getObject(14, OffsetDateTime.class), row.getString(15));
    }

    /** One page of a round's invitations (revoked ones too) under a path prefix, in tree order, newest link first. */
    List<Listed> listed(long roundId, String pathPrefix, long offset, int limit) {
        return jdbc.query(LISTED + " WHERE i.round_id = ? AND u.path LIKE ? ORDER BY ru.tree_order, i.issued_at DESC, i.id DESC"
                + " LIMIT ? OFFSET ?", InvitationRepository::listed, roundId, pathPrefix + "%", limit, offset);
    }

    /** Every invitation of {@link #listed}, handed on as it is read; the caller runs in a transaction. */
    void eachListed(long roundId, String pathPrefix, Consumer<Listed> each) {
        jdbc.allowLongStatements(java.time.Duration.ofSeconds(LONG_SECONDS));
        jdbc.stream(LISTED + " WHERE i.round_id = ? AND u.path LIKE ? ORDER BY ru.tree_order, i.issued_at DESC, i.id DESC",
                1_000, InvitationRepository::listed, each, roundId, pathPrefix + "%");
    }

    /** How long the reads of a whole round's list may last (the session's own limit is short). */
    static final int LONG_SECONDS = 300;

    long count(long roundId, String pathPrefix) {
        return jdbc.one("SELECT count(*) FROM invitation i JOIN unit u ON u.id = i.unit_id WHERE i.round_id = ? "
                + "AND u.path LIKE ?", row -> row.getLong(1), roundId, pathPrefix + "%").orElse(0L);
    }

    Listed one(long id) {
        return jdbc.one(LISTED + " WHERE i.id = ?", InvitationRepository::listed, id).orElseThrow();
    }

    /** A participant as the manager's progress page shows it: its sheet, if any, and its newest link, if any. */
    record Progress(long unitId, String code, String name, String parentName, OffsetDateTime submittedAt,
                    OffsetDateTime revisedAt, Integer revision, Integer score, Long invitationId, boolean revoked,
                    String email, OffsetDateTime issuedAt, OffsetDateTime mailedAt, String mailError) {
    }

    List<Progress> progress(long roundId, String pathPrefix) {
        return jdbc.query("""
                        SELECT rp.unit_id, ru.code, ru.name, pu.name, s.created_at, s.updated_at, s.revision, s.score,
                            i.id, i.revoked_at IS NOT NULL, i.email, i.issued_at, i.mailed_at, i.mail_error
                        FROM round_participant rp JOIN unit u ON u.id = rp.unit_id
                        JOIN round_unit ru ON ru.round_id = rp.round_id AND ru.unit_id = rp.unit_id
                        LEFT JOIN round_unit pu ON pu.round_id = rp.round_id AND pu.unit_id = ru.parent_id
                        LEFT JOIN submission s ON s.round_id = rp.round_id AND s.unit_id = rp.unit_id
                        LEFT JOIN LATERAL (SELECT * FROM invitation x WHERE x.round_id = rp.round_id
                            AND x.unit_id = rp.unit_id ORDER BY x.revoked_at IS NULL DESC, x.issued_at DESC LIMIT 1) i ON true
                        WHERE rp.round_id = ? AND u.path LIKE ? ORDER BY ru.tree_order""",
                row -> new Progress(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getObject(5, OffsetDateTime.class), row.getObject(6, OffsetDateTime.class),
                        row.getObject(7, Integer.class), row.getObject(8, Integer.class), row.getObject(9, Long.class),
                        row.getBoolean(10), row.getString(11), row.getObject(12, OffsetDateTime.class),
                        row.getObject(13, OffsetDateTime.class), row.getString(14)),
                roundId, pathPrefix + "%");
    }

    /** What a mail about a link says: the round, its due date and the unit as the round names it. */
    record MailFacts(String roundTitle, LocalDate dueDate, String unitName, String parentName) {
    }

    MailFacts mailFacts(long invitationId) {
        return jdbc.one("""
                        SELECT r.title, r.due_date, COALESCE(ru.name, u.name), pu.name
                        FROM invitation i JOIN round r ON r.id = i.round_id JOIN unit u ON u.id = i.unit_id
                        LEFT JOIN round_unit ru ON ru.round_id = i.round_id AND ru.unit_id = i.unit_id
                        LEFT JOIN round_unit pu ON pu.round_id = i.round_id AND pu.unit_id = ru.parent_id
                        WHERE i.id = ?""",
                row -> new MailFacts(row.getString(1), row.getObject(2, LocalDate.class), row.getString(3),
                        row.getString(4)), invitationId).orElseThrow();
    }

    /** A usable, mailed-to link of a unit that has not answered an open round that has a due date. */
    record Reminder(long id, LocalDate dueDate, Integer remindedFor, long unitId, String unitPath) {
    }

    /**
     * Links whose unit still has to answer, due on or after {@code today}, locked for this transaction; links another
     * instance holds are skipped (it is reminding them).
     */
    List<Reminder> remindable(LocalDate today) {
        return jdbc.query("""
                        SELECT i.id, r.due_date, i.reminded_for, i.unit_id, u.path FROM invitation i
                        JOIN round r ON r.id = i.round_id JOIN unit u ON u.id = i.unit_id
                        JOIN round_participant rp ON rp.round_id = i.round_id AND rp.unit_id = i.unit_id
                        WHERE i.revoked_at IS NULL AND i.email IS NOT NULL AND r.status = 'OPEN' AND r.due_date >= ?
                          AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.round_id = i.round_id AND s.unit_id = i.unit_id)
                        ORDER BY i.id FOR UPDATE OF i SKIP LOCKED""",
                row -> new Reminder(row.getLong(1), row.getObject(2, LocalDate.class), row.getObject(3, Integer.class),
                        row.getLong(4), row.getString(5)), today);
    }

    void recordMail(long id, OffsetDateTime mailedAt, String error) {
        jdbc.update("UPDATE invitation SET mailed_at = COALESCE(?, mailed_at), mail_error = ? WHERE id = ?",
                mailedAt, error, id);
    }
}
