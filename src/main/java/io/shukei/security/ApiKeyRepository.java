package io.shukei.security;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

@ApplicationScoped
class ApiKeyRepository implements PanacheRepository<ApiKey> {

    /** A key with the path of its unit (null for a global key): one query on every authenticated request. */
    record Found(ApiKey key, String scopePath) {
    }

    Found findByPrefix(String prefix) {
        return getEntityManager().createQuery("select k, u.path from ApiKey k left join Unit u on u.id = k.unitId "
                        + "where k.prefix = :prefix", Object[].class)
                .setParameter("prefix", prefix).getResultStream()
                .map(row -> new Found((ApiKey) row[0], (String) row[1])).findFirst().orElse(null);
    }

    private static final String IN_SCOPE = "from ApiKey k where (:global = true or exists "
            + "(select 1 from Unit u where u.id = k.unitId and u.path like :prefix))";

    List<ApiKey> inScope(boolean global, String pathPrefix, Page page) {
        return find(IN_SCOPE + " order by k.id", io.quarkus.panache.common.Parameters.with("global", global)
                .and("prefix", pathPrefix + "%")).page(page).list();
    }

    long countInScope(boolean global, String pathPrefix) {
        return find(IN_SCOPE, io.quarkus.panache.common.Parameters.with("global", global)
                .and("prefix", pathPrefix + "%")).count();
    }

    boolean anyGlobalAdmin() {
        return count("unitId is null and role = ?1 and revokedAt is null", Role.ADMIN) > 0;
    }
}
