package io.shukei.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.db.Jdbc;
import io.shukei.db.SqlValues;

/** Set-based reads for the report: one query per piece, whatever the number of units. */
@ApplicationScoped
class ReportRepository {

    private static final TypeReference<Map<Integer, String>> COMMENTS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Jdbc jdbc;

    ReportRepository(EntityManager em, ObjectMapper mapper, Jdbc jdbc) {
        this.em = em;
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

    @SuppressWarnings("unchecked")
    List<SheetRow> sheets(long roundId, String pathPrefix) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT u.unit_id, u.code, u.name, s.answers, cast(r.comments AS text), s.respondent, s.revision, s.updated_at
                        FROM round_participant rp
                        JOIN round_unit u ON u.round_id = rp.round_id AND u.unit_id = rp.unit_id
                        JOIN submission s ON s.round_id = rp.round_id AND s.unit_id = rp.unit_id
                        JOIN submission_revision r ON r.submission_id = s.id AND r.revision = s.revision
                        WHERE rp.round_id = :round AND u.path LIKE :prefix
                        ORDER BY u.tree_order""")
                .setParameter("round", roundId)
                .setParameter("prefix", pathPrefix + "%")
                .getResultList();
        return rows.stream().map(r -> new SheetRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], comments((String) r[4]), (String) r[5], ((Number) r[6]).intValue(), SqlValues.time(r[7]))).toList();
    }

    private Map<Integer, String> comments(String json) {
        try {
            return mapper.readValue(json, COMMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored comments are not a JSON object", e);
        }
    }

    /** The node's direct children in the round's picture. */
    @SuppressWarnings("unchecked")
    List<ChildRow> children(long roundId, long unitId) {
        List<Object[]> rows = em.createNativeQuery("SELECT unit_id, code, name, path FROM round_unit "
                        + "WHERE round_id = :round AND parent_id = :unit ORDER BY code, unit_id")
                .setParameter("round", roundId).setParameter("unit", unitId).getResultList();
        return rows.stream().map(r -> new ChildRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }
}
