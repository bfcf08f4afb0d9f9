package io.shukei.security;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

@ApplicationScoped
class ApiKeyRepository implements PanacheRepository<ApiKey> {

    ApiKey findByPrefix(String prefix) {
        return find("prefix", prefix).firstResult();
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
