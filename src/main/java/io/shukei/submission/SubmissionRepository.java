package io.shukei.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.db.Jdbc;

/**
 * The sheets (table submission, one current sheet per unit and round) and their revisions (table
 * submission_revision, only ever inserted). Storing a sheet is the hot write path, so both tables are read and
 * written as rows, never through the session.
 */
@ApplicationScoped
class SubmissionRepository {

    private static final TypeReference<Map<String, String>> COMMENTS = new TypeReference<>() {
    };
    private static final String REVISION_COLUMNS = "r.revision, r.answers, cast(r.comments AS text), r.score, "
            + "r.respondent, r.catalog_version, r.created_at";

    private final ObjectMapper json;
    private final Jdbc jdbc;

    SubmissionRepository(ObjectMapper json, Jdbc jdbc) {
        this.json = json;
        this.jdbc = jdbc;
    }

    /** A unit's current sheet in a round: its id, its revision and what the revision holds. */
    record CurrentSheet(long id, int revision, String answers, String respondent, OffsetDateTime submittedAt) {
    }

    /**
     * One stored version of a sheet.
     *
     * @param comments by question number (as a string key, the JSON form)
     */
    record Revision(int revision, String answers, Map<String, String> comments, int score, String respondent,
                    String catalogVersion, OffsetDateTime createdAt) {
    }

    /** A current sheet of a round, with its current revision and its unit's code and name in the round. */
    record Listed(long unitId, OffsetDateTime submittedAt, Revision revision, String unitCode, String unitName) {
    }

    Optional<CurrentSheet> find(long roundId, long unitId) {
        return jdbc.one("SELECT id, revision, answers, respondent, created_at FROM submission WHERE round_id = ? AND unit_id = ?",
                row -> new CurrentSheet(row.getLong(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getObject(5, OffsetDateTime.class)),
                roundId, unitId);
    }

    /**
     * Stores a revision as the sheet's current one and appends it, in one statement: an insert when {@code id}
     * is null, otherwise an update of that sheet. Returns the sheet's id.
     */
    long store(Long id, long roundId, long unitId, OffsetDateTime submittedAt, Revision revision) {
        String comments;
        try {
            comments = json.writeValueAsString(revision.comments());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return jdbc.one("""
                        WITH sheet AS (
                            INSERT INTO submission (id, round_id, unit_id, revision, answers, score, respondent,
                                catalog_version, created_at, updated_at)
                            VALUES (COALESCE(?, nextval('submission_seq')), ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (round_id, unit_id) DO UPDATE SET revision = EXCLUDED.revision,
                                answers = EXCLUDED.answers, score = EXCLUDED.score, respondent = EXCLUDED.respondent,
                                catalog_version = EXCLUDED.catalog_version, updated_at = EXCLUDED.updated_at
                            RETURNING id)
                        INSERT INTO submission_revision (id, submission_id, revision, answers, comments, score,
                            respondent, catalog_version, created_at)
                        SELECT nextval('submission_revision_seq'), sheet.id, ?, ?, CAST(? AS jsonb), ?, ?, ?, ? FROM sheet
                        RETURNING submission_id""",
                row -> row.getLong(1),
                id, roundId, unitId, revision.revision(), revision.answers(), revision.score(), revision.respondent(),
                revision.catalogVersion(), submittedAt, revision.createdAt(),
                revision.revision(), revision.answers(), comments, revision.score(), revision.respondent(),
                revision.catalogVersion(), revision.createdAt()).orElseThrow();
    }

    Revision revision(long sheetId, int revision) {
        return jdbc.one("SELECT " + REVISION_COLUMNS + " FROM submission_revision r WHERE r.submission_id = ? AND r.revision = ?",
                this::revision, sheetId, revision).orElseThrow();
    }

    /** One page of a sheet's revisions, oldest first. */
    List<Revision> history(long sheetId, int offset, int limit) {
        return jdbc.query("SELECT " + REVISION_COLUMNS + " FROM submission_revision r WHERE r.submission_id = ? "
                + "ORDER BY r.revision OFFSET ? LIMIT ?", this::revision, sheetId, offset, limit);
    }

    long countHistory(long sheetId) {
        return jdbc.one("SELECT count(*) FROM submission_revision WHERE submission_id = ?", row -> row.getLong(1), sheetId)
                .orElseThrow();
    }

    /**
     * A slice of a round's current sheets under a path prefix (of the units as they are now: the caller's
     * scope), named and ordered as the round's picture holds the units, read in one query whatever its size.
     */
    List<Listed> current(long roundId, String pathPrefix, int offset, int limit) {
        return jdbc.query(CURRENT + " OFFSET ? LIMIT ?", this::listed, roundId, pathPrefix + "%", offset, limit);
    }

    /** Every current sheet of {@link #current}, handed on as it is read; the caller runs in a transaction. */
    void eachCurrent(long roundId, String pathPrefix, Consumer<Listed> each) {
        jdbc.allowLongStatements(java.time.Duration.ofSeconds(EXPORT_SECONDS));
        jdbc.stream(CURRENT, FETCH, this::listed, each, roundId, pathPrefix + "%");
    }

    private static final String CURRENT = "SELECT s.unit_id, s.created_at, " + REVISION_COLUMNS + ", ru.code, ru.name "
            + """
            FROM submission s
            JOIN submission_revision r ON r.submission_id = s.id AND r.revision = s.revision
            JOIN round_unit ru ON ru.round_id = s.round_id AND ru.unit_id = s.unit_id
            JOIN unit u ON u.id = s.unit_id
            WHERE s.round_id = ? AND u.path LIKE ?
            ORDER BY ru.tree_order""";
    /** Rows fetched at a time by an export. */
    private static final int FETCH = 1_000;
    /** How long an export's reads may last (the session's own limit is short). */
    static final int EXPORT_SECONDS = 600;

    private Listed listed(ResultSet row) throws SQLException {
        return new Listed(row.getLong(1), row.getObject(2, OffsetDateTime.class), revision(row, 3),
                row.getString(10), row.getString(11));
    }

    long countCurrent(long roundId, String pathPrefix) {
        return jdbc.one("SELECT count(*) FROM submission s JOIN unit u ON u.id = s.unit_id WHERE s.round_id = ? "
                + "AND u.path LIKE ?", row -> row.getLong(1), roundId, pathPrefix + "%").orElseThrow();
    }

    private Revision revision(ResultSet row) throws SQLException {
        return revision(row, 1);
    }

    /** The revision's columns (REVISION_COLUMNS) from the given column on. */
    private Revision revision(ResultSet row, int first) throws SQLException {
        return new Revision(row.getInt(first), row.getString(first + 1), comments(row.getString(first + 2)),
                row.getInt(first + 3), row.getString(first + 4), row.getString(first + 5),
                row.getObject(first + 6, OffsetDateTime.class));
    }

    private Map<String, String> comments(String text) {
        try {
            return json.readValue(text, COMMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored comments are not a JSON object", e);
        }
    }
}
