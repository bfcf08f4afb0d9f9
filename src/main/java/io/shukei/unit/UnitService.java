package io.shukei.unit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.shukei.api.ETags;
import io.shukei.api.Page;
import io.shukei.api.PageParams;
import io.shukei.api.ProblemException;
import io.shukei.security.Access;
import io.shukei.security.AuditService;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UnitService {

    private final UnitRepository units;
    private final EntityManager em;
    private final Access access;
    private final AuditService audit;

    UnitService(UnitRepository units, EntityManager em, Access access, AuditService audit) {
        this.units = units;
        this.em = em;
        this.access = access;
        this.audit = audit;
    }

    /** A unit the caller asked for: 404 when it does not exist or lies outside the caller's scope. */
    public Unit require(long id) {
        Unit unit = load(id);
        access.requireVisible(unit.path, "Unit", id);
        return unit;
    }

    /** A unit the caller wants to change: 404 when it does not exist, 403 outside the caller's scope. */
    public Unit requireWritable(long id) {
        Unit unit = load(id);
        access.requireWritable(unit.path);
        return unit;
    }

    /**
     * A unit the caller writes under (a sheet), as another feature read it with its own statement: 404 when
     * it was not found ({@code unit} null), 403 outside the caller's scope.
     */
    public UnitSummary requireWritable(UnitSummary unit, long id) {
        if (unit == null) {
            throw ProblemException.notFound("Unit", id);
        }
        access.requireWritable(unit.path());
        return unit;
    }

    /** A unit the service itself needs, whoever asks (for example a round's scope): 404 only when missing. */
    public Unit load(long id) {
        Unit unit = units.findById(id);
        if (unit == null) {
            throw ProblemException.notFound("Unit", id);
        }
        return unit;
    }

    /** Ids of the active leaves under (or equal to) the given unit, in tree order. */
    public List<Long> activeLeafIds(Unit scope) {
        return units.activeLeafIds(scope.path);
    }

    public List<Unit> findAll(Set<Long> ids) {
        return units.list("id in ?1", ids);
    }

    @Transactional
    UnitResponse create(UnitRequests.Create request) {
        Unit parent = null;
        if (request.parentId() == null && !access.caller().global()) {
            throw Access.forbidden("Only a global administrator creates organisations");
        }
        if (request.parentId() != null) {
            parent = units.findById(request.parentId());
            if (parent == null) {
                throw ProblemException.invalid("parentId", "unit " + request.parentId() + " does not exist");
            }
            access.requireWritable(parent.path);
            if (parent.isArchived()) {
                throw ProblemException.invalid("parentId", "unit " + request.parentId() + " is archived");
            }
            // Serialises concurrent creations under one parent so sibling codes stay unique without a 500.
            em.lock(parent, LockModeType.PESSIMISTIC_WRITE);
        }
        requireFreeCode(request.parentId(), request.code(), null);
        OffsetDateTime now = now();
        Unit unit = new Unit();
        unit.parentId = request.parentId();
        unit.code = request.code();
        unit.name = request.name().strip();
        unit.headcount = request.headcount();
        unit.createdAt = now;
        unit.updatedAt = now;
        unit.revision = 1;
        unit.path = "";
        units.persist(unit);
        unit.path = (parent == null ? "/" : parent.path) + unit.id + "/";
        audit.record("unit.created", "unit", unit.id, unit.id, unit.path, null, unit.revision);
        return UnitResponse.of(unit);
    }

    UnitResponse get(long id) {
        return UnitResponse.of(require(id));
    }

    Page<UnitResponse> list(Long parentId, boolean includeArchived, PageParams paging) {
        if (parentId != null) {
            require(parentId);
        }
        // Children of a visible unit are visible; of the organisations, only those in the caller's scope.
        String scope = access.scopePrefix();
        List<UnitResponse> items = units.children(parentId, includeArchived, scope,
                        io.quarkus.panache.common.Page.of(paging.page, paging.size))
                .stream().map(UnitResponse::of).toList();
        return Page.of(items, paging, units.countChildren(parentId, includeArchived, scope));
    }

    @Transactional
    UnitResponse patch(long id, UnitRequests.Patch patch, Set<String> present, String ifMatch) {
        Unit unit = requireWritable(id);
        em.refresh(unit, LockModeType.PESSIMISTIC_WRITE);
        ETags.checkIfMatch(ifMatch, unit.revision);
        int before = unit.revision;
        boolean changed = false;
        if (present.contains("parentId") && !Objects.equals(patch.parentId(), unit.parentId)) {
            move(unit, patch.parentId());
            changed = true;
        }
        if (present.contains("name")) {
            String name = required("name", patch.name()).strip();
            changed |= !name.equals(unit.name);
            unit.name = name;
        }
        if (present.contains("code")) {
            String code = required("code", patch.code());
            changed |= !code.equals(unit.code);
            unit.code = code;
        }
        if (present.contains("headcount") && !Objects.equals(patch.headcount(), unit.headcount)) {
            unit.headcount = patch.headcount();
            changed = true;
        }
        if (changed) {
            requireFreeCode(unit.parentId, unit.code, unit.id);
        }
        if (present.contains("archived")) {
            if (required("archived", patch.archived()) != unit.isArchived()) {
                unit.archivedAt = patch.archived() ? now() : null;
                changed = true;
            }
        }
        if (changed) {
            unit.revision++;
            unit.updatedAt = now();
            audit.record("unit.updated", "unit", unit.id, unit.id, unit.path, before, unit.revision);
        }
        return UnitResponse.of(unit);
    }

    @Transactional
    void delete(long id) {
        Unit unit = requireWritable(id);
        em.lock(unit, LockModeType.PESSIMISTIC_WRITE);
        if (units.hasChildren(id)) {
            throw ProblemException.conflict("/problems/unit-in-use", "Unit in use",
                    "Unit " + id + " has child units; delete or move them first, or archive it");
        }
        Number uses = (Number) em.createNativeQuery("SELECT (SELECT count(*) FROM round_participant WHERE unit_id = :id)"
                        + " + (SELECT count(*) FROM round WHERE scope_unit_id = :id)"
                        + " + (SELECT count(*) FROM submission WHERE unit_id = :id)")
                .setParameter("id", id).getSingleResult();
        if (uses.longValue() > 0) {
            throw ProblemException.conflict("/problems/unit-in-use", "Unit in use",
                    "Unit " + id + " takes part in rounds and keeps their history; archive it instead (PATCH archived=true)");
        }
        audit.record("unit.deleted", "unit", unit.id, unit.id, unit.path, unit.revision, null);
        units.delete(unit);
    }

    private void move(Unit unit, Long newParentId) {
        if (newParentId == null || unit.parentId == null) {
            throw ProblemException.invalid("parentId", "an organisation cannot be moved, and a unit cannot leave its organisation");
        }
        Unit parent = units.findById(newParentId);
        if (parent == null) {
            throw ProblemException.invalid("parentId", "unit " + newParentId + " does not exist");
        }
        if (parent.organisationId() != unit.organisationId()) {
            throw ProblemException.invalid("parentId", "the new parent belongs to another organisation");
        }
        if (unit.contains(parent)) {
            throw ProblemException.invalid("parentId", "a unit cannot move under itself or its own descendants");
        }
        if (parent.isArchived()) {
            throw ProblemException.invalid("parentId", "unit " + newParentId + " is archived");
        }
        access.requireWritable(parent.path);
        String newPrefix = parent.path + unit.id + "/";
        em.flush();
        units.movePaths(unit.path, newPrefix);
        unit.path = newPrefix;
        unit.parentId = parent.id;
    }

    private void requireFreeCode(Long parentId, String code, Long exceptId) {
        if (units.siblingHasCode(parentId, code, exceptId)) {
            throw ProblemException.conflict("/problems/duplicate-code", "Duplicate code",
                    "Another unit " + (parentId == null ? "at the top level" : "under unit " + parentId)
                            + " already has the code '" + code + "'")
                    .with("field", "code");
        }
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw ProblemException.invalid(field, "must not be null");
        }
        return value;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
