package io.shukei.action;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.shukei.db.Jdbc;

/** Reads rounds for the two-star diagnosis requirement; rounds themselves are written by io.shukei.round. */
@ApplicationScoped
class DiagnosisRepository {

    private final Jdbc jdbc;

    DiagnosisRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A closed round, as the diagnosis requirement names it. */
    record ClosedRound(long id, String title, OffsetDateTime closedAt) {
    }

    /**
     * The company's most recently closed round that covered the whole company: scoped to the company itself
     * or to a group above it in which the company took part (a round scoped to one of its sites does not
     * count). Read from the rounds' own pictures, as the rounds were when closed.
     */
    Optional<ClosedRound> latestClosed(long companyId) {
        return jdbc.one("""
                        SELECT r.id, r.title, r.closed_at FROM round r
                        JOIN round_unit c ON c.round_id = r.id AND c.unit_id = ?
                        JOIN round_unit s ON s.round_id = r.id AND s.unit_id = r.scope_unit_id
                        WHERE r.status = 'CLOSED' AND c.path LIKE s.path || '%'
                        ORDER BY r.closed_at DESC, r.id DESC LIMIT 1""",
                row -> new ClosedRound(row.getLong(1), row.getString(2), row.getObject(3, OffsetDateTime.class)), companyId);
    }
}
