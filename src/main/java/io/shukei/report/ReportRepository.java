package io.shukei.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.db.Jdbc;

/** Set-based reads for the report: one query per piece, whatever the number of units. */
@ApplicationScoped
class ReportRepository {

    private static final TypeReference<Map<Integer, String>> COMMENTS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final Jdbc jdbc;

    ReportRepository(ObjectMapper mapper, Jdbc jdbc) {
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    /** A participant of the round under the node (as the round's picture holds it), with its current sheet when it has one. */
    record ParticipantRow(long unitId, String code, String name, String path, Integer headcount, String answers,
                          Integer revision, OffsetDateTime submittedAt, OffsetDateTime revisedAt) {
    }

    /** A submitted sheet with the comments of its current revision, for the exports. */
    record SheetRow(long unitId, String code, String name, String answers, Map<Integer, String> comments,
                    String respondent, int revision, OffsetDateTime revisedAt) {
    }

    record ChildRow(long unitId, String code, String name, String path) {
    }

    /** Read with plain JDBC: at 10,000 participants Hibernate's handling of the rows costs more than the query. */
    List<ParticipantRow> participants(long roundId, String pathPrefix) {
        return jdbc.query("""
                        SELECT u.unit_id, u.code, u.name, u.path, u.headcount, s.answers, s.revision, s.created_at, s.updated_at
                        FROM round_participant rp
                        JOIN round_unit u ON u.round_id = rp.round_id AND u.unit_id = rp.unit_id
                        LEFT JOIN submission s ON s.round_id = rp.round_id AND s.unit_id = rp.unit_id
                        WHERE rp.round_id = ? AND u.path LIKE ?
                        ORDER BY u.tree_order""",
                r -> new ParticipantRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getObject(5, Integer.class), r.getString(6), r.getObject(7, Integer.class),
                        r.getObject(8, OffsetDateTime.class), r.getObject(9, OffsetDateTime.class)),
                roundId, pathPrefix + "%");
    }

    List<SheetRow> sheets(long roundId, String pathPrefix) {
        return jdbc.query("""
                        SELECT u.unit_id, u.code, u.name, s.answers, cast(r.comments AS text), s.respondent, s.revision, s.updated_at
                        FROM round_participant rp
                        JOIN round_unit u ON u.round_id = rp.round_id AND u.unit_id = rp.unit_id
                        JOIN submission s ON s.round_id = rp.round_id AND s.unit_id = rp.unit_id
                        JOIN submission_revision r ON r.submission_id = s.id AND r.revision = s.revision
                        WHERE rp.round_id = ? AND u.path LIKE ?
                        ORDER BY u.tree_order""",
                r -> new SheetRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), comments(r.getString(5)),
                        r.getString(6), r.getInt(7), r.getObject(8, OffsetDateTime.class)),
                roundId, pathPrefix + "%");
    }

    private Map<Integer, String> comments(String json) {
        try {
            return mapper.readValue(json, COMMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored comments are not a JSON object", e);
        }
    }

    /** The node's direct children in the round's picture. */
    List<ChildRow> children(long roundId, long unitId) {
        return jdbc.query("SELECT unit_id, code, name, path FROM round_unit WHERE round_id = ? AND parent_id = ? "
                        + "ORDER BY code, unit_id",
                r -> new ChildRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4)), roundId, unitId);
    }

    /**
     * What the report of the round at the node reads, as one text (see {@link ReportVersion}); empty when the
     * round does not exist.
     */
    Optional<String> version(long roundId, Long nodeId) {
        return jdbc.one("""
                        SELECT concat_ws('/', r.revision, r.updated_at,
                               (SELECT concat_ws('.', count(*), sum(s.revision)) FROM submission s WHERE s.round_id = r.id),
                               CASE WHEN r.status = 'OPEN' THEN
                                   (SELECT concat_ws('.', count(*), sum(u.revision), max(u.updated_at))
                                    FROM unit u WHERE u.path LIKE '/' || split_part(scope.path, '/', 2) || '/%')
                               ELSE
                                   (SELECT CAST(n.revision AS text) FROM unit n WHERE n.id = ? AND NOT EXISTS
                                       (SELECT 1 FROM round_unit ru WHERE ru.round_id = r.id AND ru.unit_id = n.id))
                               END)
                        FROM round r JOIN unit scope ON scope.id = r.scope_unit_id
                        WHERE r.id = ?""",
                r -> r.getString(1), nodeId, roundId);
    }
}
