package io.shukei.unit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.shukei.http.ETags;
import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.language.Language;
import io.shukei.problem.ProblemException;
import io.shukei.security.Access;
import io.shukei.security.AuditService;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UnitService {

    private final UnitRepository units;
    private final Access access;
    private final AuditService audit;
    private final Event<UnitChange> changes;

    UnitService(UnitRepository units, Access access, AuditService audit, Event<UnitChange> changes) {
        this.units = units;
        this.access = access;
        this.audit = audit;
        this.changes = changes;
    }

    /** A unit the caller asked for: 404 when it does not exist or lies outside the caller's scope. */
    public Unit require(long id) {
        Unit unit = load(id);
        access.requireVisible(unit.path, "Unit", id);
        return unit;
    }

    /**
     * A unit the caller writes under (a sheet), as another feature read it with its own statement: 404 when
     * it was not found ({@code unit} null) or lies outside the caller's scope.
     */
    public UnitSummary requireWritable(UnitSummary unit, long id) {
        if (unit == null) {
            throw ProblemException.notFound("Unit", id);
        }
        access.requireVisible(unit.path(), "Unit", id);
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

    /** The nearest unit of the kind above the unit (the unit itself when it is of that kind). */
    public Optional<Unit> enclosing(Unit unit, UnitKind kind) {
        List<Long> line = Arrays.stream(unit.path.substring(1).split("/")).map(Long::valueOf).toList();
        return units.nearestOfKind(line, kind);
    }

    /** Active units of the kind under (not equal to) the unit, in tree order, one page of them. */
    public List<Unit> under(Unit unit, UnitKind kind, int page, int size) {
        return units.activeUnder(unit, kind, page, size);
    }

    public long countUnder(Unit unit, UnitKind kind) {
        return units.countActiveUnder(unit, kind);
    }

    public List<Unit> findAll(Set<Long> ids) {
        return units.findAll(ids);
    }

    /** Holds the unit's row until the transaction ends, so that its writers queue. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Unit unit) {
        units.lock(unit);
    }

    @Transactional
    UnitResponse create(UnitRequests.Create request) {
        Unit parent = null;
        if (request.parentId() == null && !access.caller().global()) {
            throw Access.forbidden("Only a global administrator creates organisations");
        }
        if (request.parentId() != null) {
            parent = units.findById(request.parentId());
            if (parent == null || !access.canSee(parent.path)) {
                throw ProblemException.invalid("parentId", "unit " + request.parentId() + " does not exist");
            }
            if (parent.isArchived()) {
                throw ProblemException.invalid("parentId", "unit " + label(parent) + " is archived");
            }
            // Serialises concurrent creations under one parent so sibling codes stay unique without a 500.
            units.lock(parent);
        }
        UnitKind parentKind = parent == null ? null : parent.kind;
        UnitKind kind = request.kind() != null ? request.kind() : UnitKind.defaultUnder(parentKind);
        requireAllowedUnder(kind, parent);
        requireFreeCode(parent, request.code(), null);
        OffsetDateTime now = now();
        Unit unit = new Unit();
        unit.parentId = request.parentId();
        unit.code = request.code();
        unit.name = request.name().strip();
        unit.headcount = request.headcount();
        unit.kind = kind;
        unit.createdAt = now;
        unit.updatedAt = now;
        unit.revision = 1;
        unit.path = "";
        units.persist(unit);
        unit.path = (parent == null ? "/" : parent.path) + unit.id + "/";
        audit.record("unit.created", "unit", unit.id, unit.id, unit.path, null, unit.revision);
        fire(UnitChange.Type.CREATED, unit, unit.path);
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
        Unit unit = require(id);
        units.refreshLocked(unit);
        ETags.checkIfMatch(ifMatch, unit.revision);
        int before = unit.revision;
        String pathBefore = unit.path;
        boolean changed = false;
        boolean moved = false;
        if (present.contains("parentId") && !Objects.equals(patch.parentId(), unit.parentId)) {
            move(unit, patch.parentId(), present.contains("kind") ? patch.kind() : unit.kind);
            changed = moved = true;
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
        List<Unit> rekinded = List.of();
        if (present.contains("kind") && required("kind", patch.kind()) != unit.kind) {
            rekinded = changeKind(unit, patch.kind());
            changed = true;
        }
        if (changed) {
            requireFreeCode(unit.parentId == null ? null : units.findById(unit.parentId), unit.code, unit.id);
        }
        UnitChange.Type archiving = null;
        if (present.contains("archived")) {
            if (required("archived", patch.archived()) != unit.isArchived()) {
                unit.archivedAt = patch.archived() ? now() : null;
                archiving = patch.archived() ? UnitChange.Type.ARCHIVED : UnitChange.Type.UNARCHIVED;
                changed = true;
            }
        }
        if (changed) {
            unit.revision++;
            unit.updatedAt = now();
            audit.record("unit.updated", "unit", unit.id, unit.id, unit.path, before, unit.revision);
            fire(moved ? UnitChange.Type.MOVED : UnitChange.Type.UPDATED, unit, pathBefore);
            if (archiving != null) {
                fire(archiving, unit, unit.path);
            }
            for (Unit child : rekinded) {
                fire(UnitChange.Type.UPDATED, child, child.path);
            }
        }
        return UnitResponse.of(unit);
    }

    /**
     * Sets a unit's kind where its parent and children allow it. A company at the top that becomes a group
     * makes its direct children (recorded as its sites or departments) member companies: the one change that
     * turns an association kept as one company into what it is.
     *
     * @return the children whose kind changed with it
     */
    private List<Unit> changeKind(Unit unit, UnitKind kind) {
        Unit parent = unit.parentId == null ? null : units.findById(unit.parentId);
        requireAllowedUnder(kind, parent);
        List<Unit> children = units.childrenOf(unit.id);
        boolean membersBecomeCompanies = unit.parentId == null && unit.kind == UnitKind.COMPANY && kind == UnitKind.GROUP;
        List<Unit> rekinded = new java.util.ArrayList<>();
        for (Unit child : children) {
            if (membersBecomeCompanies && child.kind != UnitKind.COMPANY) {
                units.lock(child);
                int childBefore = child.revision;
                child.kind = UnitKind.COMPANY;
                child.revision++;
                child.updatedAt = now();
                audit.record("unit.updated", "unit", child.id, child.id, child.path, childBefore, child.revision);
                rekinded.add(child);
            } else if (!child.kind.allowedUnder(kind)) {
                throw ProblemException.invalid("kind", "a " + kind + " cannot hold " + child.kind + " " + label(child)
                        + "; allowed under a " + kind + ": " + kind.children());
            }
        }
        unit.kind = kind;
        return rekinded;
    }

    @Transactional
    void delete(long id) {
        Unit unit = require(id);
        units.lock(unit);
        if (units.hasChildren(id)) {
            throw ProblemException.conflict("/problems/unit-in-use", "Unit in use",
                    "Unit " + label(unit) + " has child units; delete or move them first, or archive it")
                    .inJapanese(label(unit, Language.JA) + "には下位の部署があります。先に削除か移動をするか、アーカイブしてください。");
        }
        fire(UnitChange.Type.DELETING, unit, unit.path);
        if (units.inUse(id)) {
            throw ProblemException.conflict("/problems/unit-in-use", "Unit in use",
                    "Unit " + label(unit) + " takes part in rounds and keeps their history; archive it instead (PATCH archived=true)")
                    .inJapanese(label(unit, Language.JA) + "は診断に参加しており、その記録が残ります。削除せずにアーカイブしてください(PATCH archived=true)。");
        }
        audit.record("unit.deleted", "unit", unit.id, unit.id, unit.path, unit.revision, null);
        units.delete(unit);
    }

    private void move(Unit unit, Long newParentId, UnitKind kind) {
        if (newParentId == null || unit.parentId == null) {
            throw ProblemException.invalid("parentId", "an organisation cannot be moved, and a unit cannot leave its organisation");
        }
        Unit parent = units.findById(newParentId);
        if (parent == null || !access.canSee(parent.path)) {
            throw ProblemException.invalid("parentId", "unit " + newParentId + " does not exist");
        }
        if (parent.organisationId() != unit.organisationId()) {
            throw ProblemException.invalid("parentId", "the new parent belongs to another organisation");
        }
        if (unit.contains(parent)) {
            throw ProblemException.invalid("parentId", "a unit cannot move under itself or its own descendants");
        }
        if (parent.isArchived()) {
            throw ProblemException.invalid("parentId", "unit " + label(parent) + " is archived");
        }
        if (kind != null && !kind.allowedUnder(parent.kind)) {
            throw ProblemException.invalid("parentId", "a " + kind + " cannot sit under " + parent.kind + " " + label(parent)
                    + "; allowed under it: " + parent.kind.children());
        }
        String newPrefix = parent.path + unit.id + "/";
        units.flush();
        units.movePaths(unit.path, newPrefix);
        unit.path = newPrefix;
        unit.parentId = parent.id;
    }

    private static void requireAllowedUnder(UnitKind kind, Unit parent) {
        if (!kind.allowedUnder(parent == null ? null : parent.kind)) {
            throw ProblemException.invalid("kind", parent == null
                    ? "a unit at the top is a GROUP or a COMPANY"
                    : "a " + kind + " cannot sit under " + parent.kind + " " + label(parent) + "; allowed under it: "
                    + parent.kind.children());
        }
    }

    /** Tells the features that follow units (rounds), in this transaction, after the change reached the database. */
    private void fire(UnitChange.Type type, Unit unit, String oldPath) {
        units.flush();
        changes.fire(new UnitChange(type, unit.id, unit.path, oldPath));
    }

    /** The unit as a message names it: code and name, in English. */
    static String label(Unit unit) {
        return label(unit, Language.EN);
    }

    static String label(Unit unit, Language language) {
        return UnitNamed.label(unit.code, unit.name, language);
    }

    private void requireFreeCode(Unit parent, String code, Long exceptId) {
        Long parentId = parent == null ? null : parent.id;
        if (units.siblingHasCode(parentId, code, exceptId)) {
            throw ProblemException.conflict("/problems/duplicate-code", "Duplicate code",
                    "Another unit " + (parent == null ? "at the top level" : "under " + label(parent))
                            + " already has the code '" + code + "'")
                    .inJapanese((parent == null ? "最上位" : label(parent, Language.JA) + "の下") + "には、コード「" + code
                            + "」の部署がすでにあります。")
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
