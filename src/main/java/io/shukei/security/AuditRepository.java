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
