package io.shukei.report;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

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

    /**
     * The previous closed round of a round at a node (parameters: the node, the round): the latest one opened
     * before it, as the trend orders rounds, in which units under the node took part (by that round's picture).
     */
    private static final String PREVIOUS = """
            SELECT p.id FROM round p
            JOIN round_unit n ON n.round_id = p.id AND n.unit_id = ?
            WHERE p.status = 'CLOSED' AND (p.created_at, p.id) < (SELECT c.created_at, c.id FROM round c WHERE c.id = ?)
              AND EXISTS (SELECT 1 FROM round_participant rp
                          JOIN round_unit u ON u.round_id = rp.round_id AND u.unit_id = rp.unit_id
                          WHERE rp.round_id = p.id AND u.path LIKE n.path || '%')
            ORDER BY p.created_at DESC, p.id DESC LIMIT 1""";

    private final ObjectMapper mapper;
    private final Jdbc jdbc;

    ReportRepository(ObjectMapper mapper, Jdbc jdbc) {
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    /** A participant of the round under the node (as the round's picture holds it), with its current sheet when it has one. */
    record ParticipantRow(long unitId, String code, String name, String path, Integer headcount, String answers,
                          Integer revision, String respondent, OffsetDateTime submittedAt, OffsetDateTime revisedAt) {
    }

    /** A submitted sheet with the comments of its current revision, for the exports. */
    record SheetRow(long unitId, String code, String name, String path, Integer headcount, String answers,
                    Map<Integer, String> comments, String respondent, int revision, OffsetDateTime submittedAt,
                    OffsetDateTime revisedAt) {
    }

    /** A unit of the round's picture that does not take part itself: the node, a site, a company above departments. */
    record PictureRow(long unitId, String code, String name, String path) {
    }

    record ChildRow(long unitId, String code, String name, String path) {
    }

    private static final String PARTICIPANTS = """
            SELECT u.unit_id, u.code, u.name, u.path, u.headcount, s.answers, s.revision, s.respondent,
                   s.created_at, s.updated_at
            FROM round_participant rp
            JOIN round_unit u ON u.round_id = rp.round_id AND u.unit_id = rp.unit_id
            LEFT JOIN submission s ON s.round_id = rp.round_id AND s.unit_id = rp.unit_id
            """;

    private static final Jdbc.Row<ParticipantRow> PARTICIPANT = r -> new ParticipantRow(r.getLong(1), r.getString(2),
            r.getString(3), r.getString(4), r.getObject(5, Integer.class), r.getString(6), r.getObject(7, Integer.class),
            r.getString(8), r.getObject(9, OffsetDateTime.class), r.getObject(10, OffsetDateTime.class));

    /** Rows fetched at a time from a streamed read: a few hundred KB. */
    private static final int FETCH = 1_000;

    /**
     * Every participant of the round under the node, in tree order, handed on one at a time as they are read
     * (in the caller's transaction, see {@link Jdbc#stream}); read with plain JDBC, as Hibernate's handling of
     * the rows would cost more than the query.
     */
    void participants(long roundId, String pathPrefix, Consumer<ParticipantRow> each) {
        jdbc.stream(PARTICIPANTS + "WHERE rp.round_id = ? AND u.path LIKE ? ORDER BY u.tree_order", FETCH, PARTICIPANT,
                each, roundId, pathPrefix + "%");
    }

    /**
     * One page of the participants under the node that have submitted, in tree order: at most {@code limit}
     * after the unit whose place in the tree is {@code after} (its tree_order; null for the first page).
     */
    List<ParticipantRow> submitted(long roundId, String pathPrefix, long[] after, int limit) {
        return jdbc.query(PARTICIPANTS + """
                        WHERE rp.round_id = ? AND u.path LIKE ? AND s.answers IS NOT NULL
                          AND (CAST(? AS bigint[]) IS NULL OR u.tree_order > CAST(? AS bigint[]))
                        ORDER BY u.tree_order LIMIT ?""",
                PARTICIPANT, roundId, pathPrefix + "%", after, after, limit);
    }

    /** The caller's transaction reads one snapshot throughout (its first statement). */
    void readOneSnapshot() {
        jdbc.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    }

    /** Statements and the waits between them may last up to the limit in the caller's transaction (an export). */
    void allowLongStatements(java.time.Duration limit) {
        jdbc.allowLongStatements(limit);
    }

    /** The paths of the units in the round's picture, by unit id (those of the ids it holds). */
    Map<Long, String> paths(long roundId, Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("SELECT unit_id, path FROM round_unit WHERE round_id = ? AND unit_id = ANY(?)",
                        r -> new PictureRow(r.getLong(1), null, null, r.getString(2)), roundId,
                        unitIds.stream().mapToLong(Long::longValue).toArray())
                .stream().collect(Collectors.toMap(PictureRow::unitId, PictureRow::path));
    }

    /** The units of the round's picture under (and at) the node that are not participants: the names of its paths. */
    List<PictureRow> others(long roundId, String pathPrefix) {
        return jdbc.query("""
                        SELECT u.unit_id, u.code, u.name, u.path FROM round_unit u
                        WHERE u.round_id = ? AND u.path LIKE ?
                          AND NOT EXISTS (SELECT 1 FROM round_participant rp WHERE rp.round_id = u.round_id AND rp.unit_id = u.unit_id)""",
                r -> new PictureRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4)), roundId, pathPrefix + "%");
    }

    /** Every submitted sheet under the node, in tree order, handed on as read (in the caller's transaction). */
    void sheets(long roundId, String pathPrefix, Consumer<SheetRow> each) {
        jdbc.stream("""
                        SELECT u.unit_id, u.code, u.name, u.path, u.headcount, s.answers, cast(r.comments AS text),
                               s.respondent, s.revision, s.created_at, s.updated_at
                        FROM round_participant rp
                        JOIN round_unit u ON u.round_id = rp.round_id AND u.unit_id = rp.unit_id
                        JOIN submission s ON s.round_id = rp.round_id AND s.unit_id = rp.unit_id
                        JOIN submission_revision r ON r.submission_id = s.id AND r.revision = s.revision
                        WHERE rp.round_id = ? AND u.path LIKE ?
                        ORDER BY u.tree_order""", FETCH,
                r -> new SheetRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getObject(5, Integer.class),
                        r.getString(6), comments(r.getString(7)), r.getString(8), r.getInt(9),
                        r.getObject(10, OffsetDateTime.class), r.getObject(11, OffsetDateTime.class)),
                each, roundId, pathPrefix + "%");
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

    /** The id of the previous closed round of the round at the node (see {@link #PREVIOUS}). */
    Optional<Long> previous(long roundId, long nodeId) {
        return jdbc.one(PREVIOUS, r -> r.getLong(1), nodeId, roundId);
    }

    /**
     * What the report of a round at a node reads (see {@link ReportVersion}); empty when the round does not exist.
     *
     * @param figures   the round and its sheets, and the units it reads
     * @param approvals the approvals of the report at the node
     * @param nodePath  the node's path as the round's picture has it (as it is now outside the picture)
     * @param previous  the previous closed round at the node, if any
     */
    record Version(String figures, String approvals, String nodePath, Long previous) {
    }

    Optional<Version> version(long roundId, long nodeId) {
        return jdbc.one("""
                        SELECT concat_ws('/', r.revision, r.updated_at,
                               (SELECT concat_ws('.', count(*), sum(s.revision)) FROM submission s WHERE s.round_id = r.id),
                               CASE WHEN r.status = 'OPEN' THEN
                                   (SELECT concat_ws('.', count(*), sum(u.revision), max(u.updated_at))
                                    FROM unit u WHERE u.path LIKE '/' || split_part(scope.path, '/', 2) || '/%')
                               ELSE
                                   (SELECT CAST(n.revision AS text) FROM unit n WHERE n.id = ? AND NOT EXISTS
                                       (SELECT 1 FROM round_unit ru WHERE ru.round_id = r.id AND ru.unit_id = n.id))
                               END),
                               (SELECT concat_ws('.', count(*), max(a.id)) FROM report_approval a
                                WHERE a.round_id = r.id AND a.unit_id = ?),
                               COALESCE((SELECT ru.path FROM round_unit ru WHERE ru.round_id = r.id AND ru.unit_id = ?),
                                        (SELECT n.path FROM unit n WHERE n.id = ?)),
                               (""" + PREVIOUS + """
                               )
                        FROM round r JOIN unit scope ON scope.id = r.scope_unit_id
                        WHERE r.id = ?""",
                r -> new Version(r.getString(1), r.getString(2), r.getString(3), r.getObject(4, Long.class)),
                nodeId, nodeId, nodeId, nodeId, nodeId, roundId, roundId);
    }
}
