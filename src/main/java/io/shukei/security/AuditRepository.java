package io.shukei.security;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.shukei.db.Jdbc;

@ApplicationScoped
class AuditRepository implements PanacheRepository<AuditEvent> {

    private final Jdbc jdbc;

    AuditRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** An event to append, made by the actor. */
    record Entry(OffsetDateTime occurredAt, Caller actor, String action, String resourceType, String resourceId,
                 Long unitId, String unitPath, Integer revisionBefore, Integer revisionAfter) {
    }

    /** Appends one event as a row (every write records one); its id comes from the table's own sequence. */
    void append(Entry e) {
        jdbc.update("""
                        INSERT INTO audit_event (occurred_at, actor_type, actor_id, actor_name, remote_address, action,
                            resource_type, resource_id, unit_id, unit_path, revision_before, revision_after)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.occurredAt(), e.actor().actorType(), e.actor().actorId(), e.actor().actorName(),
                e.actor().remoteAddress(), e.action(), e.resourceType(), e.resourceId(), e.unitId(), e.unitPath(),
                e.revisionBefore(), e.revisionAfter());
    }

    /** One unit's change among many recorded together. */
    record UnitEntry(long unitId, String unitPath, Integer revisionBefore, Integer revisionAfter) {
    }

    /** Rows a statement of {@link #appendEach} inserts at most. */
    private static final int CHUNK = 5_000;

    /**
     * Appends one event per unit, all of one action by one actor at one time, a few thousand rows per
     * statement: an import of 100,000 units records each without 100,000 round trips.
     */
    void appendEach(OffsetDateTime at, Caller actor, String action, String resourceType, List<UnitEntry> units) {
        for (int from = 0; from < units.size(); from += CHUNK) {
            List<UnitEntry> chunk = units.subList(from, Math.min(units.size(), from + CHUNK));
            jdbc.update("""
                            INSERT INTO audit_event (occurred_at, actor_type, actor_id, actor_name, remote_address, action,
                                resource_type, resource_id, unit_id, unit_path, revision_before, revision_after)
                            SELECT ?, ?, ?, ?, ?, ?, ?, cast(u.id AS varchar), u.id, u.path, u.before, u.after
                            FROM unnest(cast(? AS bigint[]), cast(? AS varchar[]), cast(? AS integer[]), cast(? AS integer[]))
                                AS u(id, path, before, after)""",
                    at, actor.actorType(), actor.actorId(), actor.actorName(), actor.remoteAddress(), action, resourceType,
                    chunk.stream().map(UnitEntry::unitId).toArray(Long[]::new),
                    chunk.stream().map(UnitEntry::unitPath).toArray(String[]::new),
                    chunk.stream().map(UnitEntry::revisionBefore).toArray(Integer[]::new),
                    chunk.stream().map(UnitEntry::revisionAfter).toArray(Integer[]::new));
        }
    }

    /** Events under a unit path (or every event, for a global view), newest first. */
    PanacheQuery<AuditEvent> under(String pathPrefix, boolean includeGlobal, OffsetDateTime since) {
        return find("from AuditEvent e where (e.unitPath like :prefix or (:global = true and e.unitPath is null)) "
                        + "and e.occurredAt >= :since order by e.occurredAt desc, e.id desc",
                Parameters.with("prefix", pathPrefix + "%").and("global", includeGlobal).and("since", since));
    }

    List<AuditEvent> page(PanacheQuery<AuditEvent> query, int page, int size) {
        return query.page(page, size).list();
    }
}
