package io.shukei.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import io.shukei.db.Jdbc;

/**
 * Action items one by one as entities, and the items of a round under a unit as rows. A unit is found under the
 * node by its place in the round's picture (round_unit), or by its place now when the picture no longer holds it
 * (an open round whose participants changed).
 */
@ApplicationScoped
class ActionItemRepository implements PanacheRepository<ActionItem> {

    /** The items' columns with the unit as the round's picture names it, joined to the picture or to the unit. */
    private static final String ITEMS = """
            SELECT i.id, i.unit_id, COALESCE(ru.code, u.code), COALESCE(ru.name, u.name), COALESCE(ru.path, u.path),
                   i.question, i.action, i.owner, i.due_on, i.status, i.revision, i.created_at, i.updated_at
            FROM action_item i
            LEFT JOIN round_unit ru ON ru.round_id = i.round_id AND ru.unit_id = i.unit_id
            JOIN unit u ON u.id = i.unit_id
            WHERE i.round_id = ? AND COALESCE(ru.path, u.path) LIKE ?""";

    private final Jdbc jdbc;

    ActionItemRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ActionItem> find(long roundId, long id) {
        return find("roundId = ?1 and id = ?2", roundId, id).firstResultOptional();
    }

    /** Reads the item again and holds its row until the transaction ends, so a concurrent change is not lost. */
    void refreshLocked(ActionItem item) {
        getEntityManager().refresh(item, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The items of the round under the path, by question, then the units' place in the tree, then age. */
    List<PlannedItem> under(long roundId, String pathPrefix) {
        return jdbc.query(ITEMS + " ORDER BY i.question, COALESCE(ru.tree_order, u.tree_order), i.id",
                ActionItemRepository::item,
                roundId, pathPrefix + "%");
    }

    /** One page of the items under the path, optionally of one status, in the order of {@link #under}. */
    List<PlannedItem> page(long roundId, String pathPrefix, ActionItemStatus status, int offset, int limit) {
        return jdbc.query(ITEMS + " AND (CAST(? AS text) IS NULL OR i.status = ?)"
                        + " ORDER BY i.question, COALESCE(ru.tree_order, u.tree_order), i.id OFFSET ? LIMIT ?",
                ActionItemRepository::item,
                roundId, pathPrefix + "%", status == null ? null : status.name(), status == null ? null : status.name(),
                offset, limit);
    }

    long count(long roundId, String pathPrefix, ActionItemStatus status) {
        return jdbc.one("SELECT count(*) FROM (" + ITEMS + " AND (CAST(? AS text) IS NULL OR i.status = ?)) x",
                r -> r.getLong(1), roundId, pathPrefix + "%", status == null ? null : status.name(),
                status == null ? null : status.name()).orElseThrow();
    }

    /**
     * What the items under the path are now, as one text: their count, the sum of their ids (a deleted item and a
     * new one never leave it as it was) and of their revisions (every change raises one).
     */
    String fingerprint(long roundId, String pathPrefix) {
        return jdbc.one("SELECT concat_ws('.', count(*), sum(x.id), sum(x.revision)) FROM (" + ITEMS + ") x",
                r -> r.getString(1), roundId, pathPrefix + "%").orElseThrow();
    }

    private static PlannedItem item(ResultSet r) throws SQLException {
        return new PlannedItem(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
                r.getInt(6), r.getString(7), r.getString(8), r.getObject(9, LocalDate.class),
                ActionItemStatus.valueOf(r.getString(10)), r.getInt(11), r.getObject(12, OffsetDateTime.class),
                r.getObject(13, OffsetDateTime.class));
    }
}
