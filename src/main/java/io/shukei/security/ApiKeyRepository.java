package io.shukei.security;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.shukei.db.Jdbc;

@ApplicationScoped
class ApiKeyRepository implements PanacheRepository<ApiKey> {

    private final Jdbc jdbc;

    ApiKeyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** What authenticating by a key needs of its row, with the path of its unit (null for a global key). */
    record Found(long id, String name, Role role, Long unitId, byte[] secretHash, OffsetDateTime expiresAt,
                 OffsetDateTime revokedAt, String scopePath) {

        boolean usableAt(OffsetDateTime now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /**
     * One statement on every request with a stored key, by plain JDBC: its connection goes back to the pool
     * as soon as the row is read, before the request's transaction takes one (AccessMatrixOnOneConnectionTest).
     */
    Found findByPrefix(String prefix) {
        return jdbc.query("SELECT k.id, k.name, k.role, k.unit_id, k.secret_hash, k.expires_at, k.revoked_at, u.path "
                        + "FROM api_key k LEFT JOIN unit u ON u.id = k.unit_id WHERE k.prefix = ?",
                ApiKeyRepository::found, prefix)
                .stream().findFirst().orElse(null);
    }

    /** A key by id with its unit's path, unless it has been revoked or has expired. */
    Found findUsableById(long id, OffsetDateTime now) {
        return jdbc.one("SELECT k.id, k.name, k.role, k.unit_id, k.secret_hash, k.expires_at, k.revoked_at, u.path "
                        + "FROM api_key k LEFT JOIN unit u ON u.id = k.unit_id WHERE k.id = ?",
                ApiKeyRepository::found, id).filter(k -> k.usableAt(now)).orElse(null);
    }

    private static Found found(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Found(row.getLong(1), row.getString(2), Role.valueOf(row.getString(3)),
                row.getObject(4, Long.class), row.getBytes(5), row.getObject(6, OffsetDateTime.class),
                row.getObject(7, OffsetDateTime.class), row.getString(8));
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
