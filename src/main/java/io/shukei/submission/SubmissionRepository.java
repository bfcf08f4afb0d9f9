package io.shukei.submission;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.shukei.db.Jdbc;
import io.shukei.unit.Unit;

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

    /** A current sheet with its current revision (for the comments) and its unit. */
    record Current(Submission submission, SubmissionRevision revision, Unit unit) {
    }

    /** A slice of a round's current sheets under a path prefix in tree order, read in one query whatever its size. */
    List<Current> current(long roundId, String pathPrefix, int offset, int limit) {
        return getEntityManager().createQuery(
                        "select s, r, u from Submission s, SubmissionRevision r, Unit u where r.submissionId = s.id "
                                + "and r.revision = s.revision and u.id = s.unitId and s.roundId = :round "
                                + "and u.path like :prefix order by u.treeOrder",
                        Object[].class)
                .setParameter("round", roundId)
                .setParameter("prefix", pathPrefix + "%")
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> new Current((Submission) row[0], (SubmissionRevision) row[1], (Unit) row[2]))
                .toList();
    }

    long countCurrent(long roundId, String pathPrefix) {
        return getEntityManager().createQuery("select count(s) from Submission s, Unit u where u.id = s.unitId "
                        + "and s.roundId = :round and u.path like :prefix", Long.class)
                .setParameter("round", roundId).setParameter("prefix", pathPrefix + "%").getSingleResult();
    }
}
