package io.shukei.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.problem.ProblemException;

/** Records every write in the transaction that makes it, so the trail and the data never disagree. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditService {

    private final AuditRepository events;
    private final Access access;
    private final UnitPathRepository unitPaths;

    AuditService(AuditRepository events, Access access, UnitPathRepository unitPaths) {
        this.events = events;
        this.access = access;
        this.unitPaths = unitPaths;
    }

    /**
     * @param unitId   the unit the resource belongs to (null for global resources)
     * @param unitPath that unit's path, which scopes who may read the event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String resourceType, Object resourceId, Long unitId, String unitPath,
                       Integer revisionBefore, Integer revisionAfter) {
        events.append(new AuditRepository.Entry(OffsetDateTime.now(ZoneOffset.UTC), access.caller(), action, resourceType,
                String.valueOf(resourceId), unitId, unitPath, revisionBefore, revisionAfter));
    }

    /** A unit's revisions before and after a change recorded by {@link #recordEach}. */
    public record UnitRevision(long unitId, String unitPath, Integer revisionBefore, Integer revisionAfter) {
    }

    /** Records one event per unit changed together (an import), as {@link #record} would for each. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEach(String action, List<UnitRevision> units) {
        events.appendEach(OffsetDateTime.now(ZoneOffset.UTC), access.caller(), action, "unit", units.stream()
                .map(u -> new AuditRepository.UnitEntry(u.unitId(), u.unitPath(), u.revisionBefore(), u.revisionAfter()))
                .toList());
    }

    /** One page of the events of a unit's subtree (the caller's scope when no unit is named): 404 for a unit not seen. */
    Page<AuditEventResponse> list(Long unitId, OffsetDateTime since, PageParams paging) {
        String unitPath = unitId == null ? access.scopePrefix() : unitPaths.find(unitId)
                .filter(access::canSee).orElseThrow(() -> ProblemException.notFound("Unit", unitId));
        var query = events.under(unitPath, unitPath.equals("/") && access.caller().global(),
                since == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : since);
        List<AuditEventResponse> items = events.page(query, paging.page, paging.size).stream()
                .map(AuditEventResponse::of).toList();
        return Page.of(items, paging, query.count());
    }
}
