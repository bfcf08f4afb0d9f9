package io.shukei.unit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class UnitRepository implements PanacheRepository<Unit> {

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

    /** Rewrites the path prefix of a moved subtree in one statement. */
    int movePaths(String oldPrefix, String newPrefix) {
        return getEntityManager().createNativeQuery(
                        "UPDATE unit SET path = :newPrefix || substr(path, length(:oldPrefix) + 1) WHERE path LIKE :like")
                .setParameter("newPrefix", newPrefix)
                .setParameter("oldPrefix", oldPrefix)
                .setParameter("like", oldPrefix + "%")
                .executeUpdate();
    }
}
