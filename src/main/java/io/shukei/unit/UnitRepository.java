package io.shukei.unit;

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

    /** Rewrites the path prefix of a moved subtree in one statement; the caller flushes first. */
    int movePaths(String oldPrefix, String newPrefix) {
        return jdbc.update("UPDATE unit SET path = ? || substr(path, length(?) + 1) WHERE path LIKE ?",
                newPrefix, oldPrefix, oldPrefix + "%");
    }
}
