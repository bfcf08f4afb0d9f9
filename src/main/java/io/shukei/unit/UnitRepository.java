package io.shukei.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.shukei.db.Jdbc;

@ApplicationScoped
class UnitRepository implements PanacheRepository<Unit> {

    private final Jdbc jdbc;

    UnitRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<Unit> children(Long parentId, boolean includeArchived, String scopePrefix, Page page) {
        return childQuery(parentId, includeArchived, scopePrefix).page(page).list();
    }

    long countChildren(Long parentId, boolean includeArchived, String scopePrefix) {
        return childQuery(parentId, includeArchived, scopePrefix).count();
    }

    private io.quarkus.hibernate.orm.panache.PanacheQuery<Unit> childQuery(Long parentId, boolean includeArchived,
                                                                          String scopePrefix) {
        String archived = includeArchived ? "" : " and archivedAt is null";
        Sort sort = Sort.by("code").and("id");
        return parentId == null
                ? find("parentId is null and path like ?1" + archived, sort, scopePrefix + "%")
                : find("parentId = ?1" + archived, sort, parentId);
    }

    boolean siblingHasCode(Long parentId, String code, Long exceptId) {
        String parent = parentId == null ? "parentId is null" : "parentId = :parent";
        var params = io.quarkus.panache.common.Parameters.with("code", code).and("except", exceptId == null ? -1L : exceptId);
        if (parentId != null) {
            params = params.and("parent", parentId);
        }
        return count(parent + " and code = :code and id <> :except", params) > 0;
    }

    /**
     * Ids of the active leaves of a subtree, the default participants of a round, in tree order. Ids
     * only: a round over 10,000 departments needs no entity of theirs in the session.
     */
    List<Long> activeLeafIds(String pathPrefix) {
        return getEntityManager().createQuery("select u.id from Unit u where u.path like ?1 and u.archivedAt is null "
                        + "and not exists (select 1 from Unit c where c.parentId = u.id and c.archivedAt is null) order by u.treeOrder",
                        Long.class)
                .setParameter(1, pathPrefix + "%")
                .getResultList();
    }

    boolean hasChildren(long id) {
        return count("parentId", id) > 0;
    }

    List<Unit> childrenOf(long id) {
        return list("parentId", id);
    }

    List<Unit> findAll(Set<Long> ids) {
        return list("id in ?1", ids);
    }

    /** Of the units with the given ids, the one of the kind deepest in the tree. */
    Optional<Unit> nearestOfKind(List<Long> ids, UnitKind kind) {
        return find("id in ?1 and kind = ?2", Sort.descending("path"), ids, kind).firstResultOptional();
    }

    List<Unit> activeUnder(Unit unit, UnitKind kind, int page, int size) {
        return find(ACTIVE_UNDER, Sort.by("treeOrder"), unit.path + "%", unit.id, kind).page(page, size).list();
    }

    long countActiveUnder(Unit unit, UnitKind kind) {
        return count(ACTIVE_UNDER, unit.path + "%", unit.id, kind);
    }

    private static final String ACTIVE_UNDER = "path like ?1 and id <> ?2 and kind = ?3 and archivedAt is null";

    /** Holds the unit's row until the transaction ends. */
    void lock(Unit unit) {
        getEntityManager().lock(unit, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Reads the unit again and holds its row until the transaction ends. */
    void refreshLocked(Unit unit) {
        getEntityManager().refresh(unit, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Whether rounds refer to the unit (a participant, a member of a round's picture, a round's scope) or it has
     * sheets or action items: such a unit keeps their history and is not deleted. The caller flushes first (units change through
     * the session).
     */
    boolean inUse(long id) {
        return jdbc.one("SELECT (SELECT count(*) FROM round_participant WHERE unit_id = ?)"
                + " + (SELECT count(*) FROM round_unit WHERE unit_id = ?)"
                + " + (SELECT count(*) FROM round WHERE scope_unit_id = ?)"
                + " + (SELECT count(*) FROM submission WHERE unit_id = ?)"
                + " + (SELECT count(*) FROM action_item WHERE unit_id = ?)", row -> row.getLong(1) > 0, id, id, id, id, id)
                .orElseThrow();
    }

    /** A unit of a subtree as an import compares it with the file. */
    record TreeRow(long id, long parentId, String path, String code, String name, Integer headcount, UnitKind kind,
                   boolean archived, int revision) {
    }

    /**
     * Every unit under (not equal to) the unit with the path, archived ones too, parents before children; with
     * {@code lock} their rows are held until the transaction ends, so that no other change lands between an
     * import's reading of the tree and its writing. The caller flushes first.
     */
    /** Renews the planner's statistics of the units (committed with the caller's transaction). */
    void analyze() {
        jdbc.execute("ANALYZE unit");
    }

    /** Units under (not equal to) the unit with the path, archived ones too. */
    long countUnder(String path) {
        return jdbc.one("SELECT count(*) FROM unit WHERE path LIKE ? AND path <> ?", row -> row.getLong(1), path + "%", path)
                .orElseThrow();
    }

    List<TreeRow> subtree(String path, boolean lock) {
        // Fetched in batches: the driver would otherwise hold every row's raw columns beside the records made of
        // them, tens of MB for the largest tree an import plans.
        List<TreeRow> rows = new ArrayList<>();
        jdbc.stream("SELECT id, parent_id, path, code, name, headcount, kind, archived_at IS NOT NULL, revision "
                        + "FROM unit WHERE path LIKE ? AND path <> ? ORDER BY tree_order" + (lock ? " FOR UPDATE" : ""), 5_000,
                row -> new TreeRow(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getObject(6, Integer.class), UnitKind.valueOf(row.getString(7)), row.getBoolean(8), row.getInt(9)),
                rows::add, path + "%", path);
        return rows;
    }

    /** One exported row: a unit, its parent and its parent's code (null right under the exported unit). */
    record ExportRow(long id, long parentId, boolean archived, String code, String name, String parentCode, UnitKind kind,
                     Integer headcount) {
    }

    /** Every unit under (not equal to) the unit with the path, archived ones too, in tree order: parents first. */
    List<ExportRow> tree(String path, long scopeId) {
        return jdbc.query("""
                        SELECT u.id, u.parent_id, u.archived_at IS NOT NULL, u.code, u.name,
                               CASE WHEN p.id = ? THEN NULL ELSE p.code END, u.kind, u.headcount
                        FROM unit u JOIN unit p ON p.id = u.parent_id
                        WHERE u.path LIKE ? AND u.path <> ? ORDER BY u.tree_order""",
                row -> new ExportRow(row.getLong(1), row.getLong(2), row.getBoolean(3), row.getString(4), row.getString(5),
                        row.getString(6), UnitKind.valueOf(row.getString(7)), row.getObject(8, Integer.class)),
                scopeId, path + "%", path);
    }

    /**
     * Lets the statements of this transaction, and the work between them, take longer than the service's limits
     * for a request about one unit: an import reads, locks and writes up to 100,000 units in a few statements and
     * plans the change in between. Reset when the transaction ends.
     */
    void allowLongStatements(java.time.Duration limit) {
        jdbc.allowLongStatements(limit);
    }

    /**
     * Ids for new units, taken from the units' sequence in blocks: each value of the sequence stands for the
     * block of {@value #ID_BLOCK} ids that starts with it, as Hibernate's pooled-lo generator (Quarkus' default,
     * allocationSize 50) reads it, so that ids taken here and ids Hibernate hands out never meet.
     */
    long[] newIds(int count) {
        long[] ids = new long[count];
        int n = 0;
        List<Long> blocks = jdbc.query("SELECT nextval('unit_seq') FROM generate_series(1, ?)", row -> row.getLong(1),
                (count + ID_BLOCK - 1) / ID_BLOCK);
        for (long lo : blocks) {
            for (long id = lo; id < lo + ID_BLOCK && n < count; id++) {
                ids[n++] = id;
            }
        }
        return ids;
    }

    private static final int ID_BLOCK = 50;
    /** Rows one statement of a bulk write carries at most. */
    private static final int CHUNK = 5_000;

    /** A unit to insert (parents before children) or to update, as it is after an import. */
    record Written(long id, long parentId, String path, String code, String name, Integer headcount, UnitKind kind,
                   boolean archived, int revision) {
    }

    /**
     * Inserts new units a few thousand per statement; the list has parents before children (a statement checks
     * its references to units when it ends, so within one the order does not matter).
     */
    void insertAll(List<Written> units, java.time.OffsetDateTime now) {
        for (int from = 0; from < units.size(); from += CHUNK) {
            List<Written> chunk = units.subList(from, Math.min(units.size(), from + CHUNK));
            jdbc.update("""
                            INSERT INTO unit (id, parent_id, path, code, name, headcount, kind, archived_at, created_at,
                                updated_at, revision)
                            SELECT u.id, u.parent_id, u.path, u.code, u.name, u.headcount, u.kind, NULL, ?, ?, 1
                            FROM unnest(cast(? AS bigint[]), cast(? AS bigint[]), cast(? AS varchar[]), cast(? AS varchar[]),
                                        cast(? AS varchar[]), cast(? AS integer[]), cast(? AS varchar[]))
                                AS u(id, parent_id, path, code, name, headcount, kind)""",
                    now, now, ids(chunk), chunk.stream().map(Written::parentId).toArray(Long[]::new),
                    chunk.stream().map(Written::path).toArray(String[]::new),
                    chunk.stream().map(Written::code).toArray(String[]::new),
                    chunk.stream().map(Written::name).toArray(String[]::new),
                    chunk.stream().map(Written::headcount).toArray(Integer[]::new),
                    chunk.stream().map(w -> w.kind().name()).toArray(String[]::new));
        }
    }

    /**
     * Writes existing units as they are after an import: parent, path, name, headcount, kind, archived state and
     * revision ({@code updated_at} only where the revision changed, so that a unit that only followed a moved
     * ancestor keeps its time).
     */
    void updateAll(List<Written> units, java.time.OffsetDateTime now) {
        for (int from = 0; from < units.size(); from += CHUNK) {
            List<Written> chunk = units.subList(from, Math.min(units.size(), from + CHUNK));
            jdbc.update("""
                            UPDATE unit t SET parent_id = u.parent_id, path = u.path, name = u.name, headcount = u.headcount,
                                kind = u.kind,
                                archived_at = CASE WHEN NOT u.archived THEN NULL WHEN t.archived_at IS NULL THEN ?
                                                   ELSE t.archived_at END,
                                updated_at = CASE WHEN u.revision <> t.revision THEN ? ELSE t.updated_at END,
                                revision = u.revision
                            FROM unnest(cast(? AS bigint[]), cast(? AS bigint[]), cast(? AS varchar[]), cast(? AS varchar[]),
                                        cast(? AS integer[]), cast(? AS varchar[]), cast(? AS boolean[]), cast(? AS integer[]))
                                AS u(id, parent_id, path, name, headcount, kind, archived, revision)
                            WHERE t.id = u.id""",
                    now, now, ids(chunk), chunk.stream().map(Written::parentId).toArray(Long[]::new),
                    chunk.stream().map(Written::path).toArray(String[]::new),
                    chunk.stream().map(Written::name).toArray(String[]::new),
                    chunk.stream().map(Written::headcount).toArray(Integer[]::new),
                    chunk.stream().map(w -> w.kind().name()).toArray(String[]::new),
                    chunk.stream().map(Written::archived).toArray(Boolean[]::new),
                    chunk.stream().map(Written::revision).toArray(Integer[]::new));
        }
    }

    private static Long[] ids(List<Written> units) {
        return units.stream().map(Written::id).toArray(Long[]::new);
    }

    /** Rewrites the path prefix of a moved subtree in one statement; the caller flushes first. */
    int movePaths(String oldPrefix, String newPrefix) {
        return jdbc.update("UPDATE unit SET path = ? || substr(path, length(?) + 1) WHERE path LIKE ?",
                newPrefix, oldPrefix, oldPrefix + "%");
    }
}
