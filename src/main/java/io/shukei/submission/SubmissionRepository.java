package io.shukei.submission;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.shukei.db.Jdbc;

@ApplicationScoped
class SubmissionRepository implements PanacheRepository<Submission> {

    private final ObjectMapper json;
    private final Jdbc jdbc;

    SubmissionRepository(ObjectMapper json, Jdbc jdbc) {
        this.json = json;
        this.jdbc = jdbc;
    }

    /** The current sheet of a unit in a round, read as a plain value (not managed by the session). */
    Optional<Submission> find(long roundId, long unitId) {
        return jdbc.query("""
                        SELECT id, revision, answers, score, respondent, catalog_version, created_at, updated_at
                        FROM submission WHERE round_id = ? AND unit_id = ?""",
                row -> {
                    Submission s = new Submission();
                    s.id = row.getLong(1);
                    s.roundId = roundId;
                    s.unitId = unitId;
                    s.revision = row.getInt(2);
                    s.answers = row.getString(3);
                    s.score = row.getInt(4);
                    s.respondent = row.getString(5);
                    s.catalogVersion = row.getString(6);
                    s.createdAt = row.getObject(7, OffsetDateTime.class);
                    s.updatedAt = row.getObject(8, OffsetDateTime.class);
                    return s;
                }, roundId, unitId).stream().findFirst();
    }

    /**
     * Stores the sheet as its current revision and appends that revision, in one statement: an insert
     * when {@code sheet.id} is null (the new id is set on it), otherwise an update of that row.
     */
    void store(Submission sheet, Map<String, String> comments) {
        String commentsJson;
        try {
            commentsJson = json.writeValueAsString(comments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sheet.id = jdbc.query("""
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
                sheet.id, sheet.roundId, sheet.unitId, sheet.revision, sheet.answers, sheet.score, sheet.respondent,
                sheet.catalogVersion, sheet.createdAt, sheet.updatedAt,
                sheet.revision, sheet.answers, commentsJson, sheet.score, sheet.respondent, sheet.catalogVersion,
                sheet.updatedAt).get(0);
    }

    /** A current sheet with its current revision (for the comments) and its unit's code and name in the round. */
    record Current(Submission submission, SubmissionRevision revision, String unitCode, String unitName) {
    }

    private static final TypeReference<Map<String, String>> COMMENTS = new TypeReference<>() {
    };

    /**
     * A slice of a round's current sheets under a path prefix (of the units as they are now: the caller's
     * scope), named and ordered as the round's picture holds the units, read in one query whatever its size.
     */
    List<Current> current(long roundId, String pathPrefix, int offset, int limit) {
        return jdbc.query("""
                        SELECT s.id, s.unit_id, s.revision, s.created_at, r.answers, cast(r.comments AS text), r.score,
                               r.respondent, r.catalog_version, r.created_at, ru.code, ru.name
                        FROM submission s
                        JOIN submission_revision r ON r.submission_id = s.id AND r.revision = s.revision
                        JOIN round_unit ru ON ru.round_id = s.round_id AND ru.unit_id = s.unit_id
                        JOIN unit u ON u.id = s.unit_id
                        WHERE s.round_id = ? AND u.path LIKE ?
                        ORDER BY ru.tree_order
                        OFFSET ? LIMIT ?""",
                row -> {
                    Submission s = new Submission();
                    s.id = row.getLong(1);
                    s.roundId = roundId;
                    s.unitId = row.getLong(2);
                    s.revision = row.getInt(3);
                    s.createdAt = row.getObject(4, OffsetDateTime.class);
                    SubmissionRevision r = new SubmissionRevision();
                    r.submissionId = s.id;
                    r.revision = s.revision;
                    r.answers = row.getString(5);
                    r.comments = comments(row.getString(6));
                    r.score = row.getInt(7);
                    r.respondent = row.getString(8);
                    r.catalogVersion = row.getString(9);
                    r.createdAt = row.getObject(10, OffsetDateTime.class);
                    return new Current(s, r, row.getString(11), row.getString(12));
                }, roundId, pathPrefix + "%", offset, limit);
    }

    private Map<String, String> comments(String text) {
        try {
            return json.readValue(text, COMMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored comments are not a JSON object", e);
        }
    }

    long countCurrent(long roundId, String pathPrefix) {
        return jdbc.query("SELECT count(*) FROM submission s JOIN unit u ON u.id = s.unit_id WHERE s.round_id = ? "
                + "AND u.path LIKE ?", row -> row.getLong(1), roundId, pathPrefix + "%").get(0);
    }
}
