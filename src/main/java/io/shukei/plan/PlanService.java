package io.shukei.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shukei.http.ETags;
import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.language.Language;
import io.shukei.problem.ProblemException;
import io.shukei.round.Round;
import io.shukei.round.RoundService;
import io.shukei.round.RoundUnit;
import io.shukei.security.Access;
import io.shukei.security.AuditService;
import io.shukei.unit.Unit;
import io.shukei.unit.UnitNamed;
import io.shukei.unit.UnitService;

/**
 * The action plan of a round: items at the round's scope or at any unit of its tree. Reading follows the round's
 * and the unit's visibility (404 outside the caller's scope); changing needs the unit in the caller's scope (403).
 * Items can be written while the round is open and after it closed: the work they plan happens afterwards.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlanService {

    /** Due dates a plan can sensibly name; anything else is a typing error. */
    private static final LocalDate EARLIEST_DUE = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST_DUE = LocalDate.of(2199, 12, 31);

    private final ActionItemRepository items;
    private final RoundService rounds;
    private final UnitService units;
    private final Access access;
    private final AuditService audit;

    PlanService(ActionItemRepository items, RoundService rounds, UnitService units, Access access, AuditService audit) {
        this.items = items;
        this.rounds = rounds;
        this.units = units;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    ActionItemResponse create(long roundId, PlanRequests.Create request) {
        Unit unit = units.require(request.unitId());
        Round round = rounds.require(roundId);
        RoundUnit pictured = rounds.pictured(round.id, unit.id).orElseThrow(() -> ProblemException.unprocessable(
                        "/problems/not-in-round", "Not in the round",
                        "Unit " + UnitNamed.label(unit.code, unit.name, Language.EN) + " is not part of round " + round.id
                                + "'s tree; an action item belongs to the round's scope or a unit under it")
                .inJapanese(UnitNamed.label(unit.code, unit.name, Language.JA) + "は診断 " + round.id
                        + " の対象の組織に含まれていません。対策は診断の対象範囲の部署に登録します。"));
        checkDue(request.dueOn());
        ActionItem item = new ActionItem();
        item.roundId = round.id;
        item.unitId = unit.id;
        item.question = request.question();
        item.action = text(request.action());
        item.owner = request.owner().strip();
        item.dueOn = request.dueOn();
        item.status = request.status() == null ? ActionItemStatus.OPEN : request.status();
        item.revision = 1;
        item.createdAt = now();
        item.updatedAt = item.createdAt;
        items.persist(item);
        audit.record("action-item.created", "action-item", item.id, unit.id, unit.path, null, item.revision);
        return response(item, pictured.code(), pictured.name());
    }

    ActionItemResponse get(long roundId, long id) {
        ActionItem item = visible(roundId, id);
        return response(item);
    }

    /** The items of the round under a unit (every visible one without it), by question, tree order and age. */
    Page<ActionItemResponse> list(long roundId, Long unitId, ActionItemStatus status, PageParams paging) {
        Round round = rounds.require(roundId);
        String prefix = unitId == null ? access.scopePrefix() : units.require(unitId).path;
        List<ActionItemResponse> page = items.page(round.id, prefix, status, paging.offset(), paging.size).stream()
                .map(i -> ActionItemResponse.of(round.id, i)).toList();
        return Page.of(page, paging, items.count(round.id, prefix, status));
    }

    @Transactional
    ActionItemResponse patch(long roundId, long id, PlanRequests.Patch patch, String ifMatch) {
        ActionItem item = writable(roundId, id);
        ETags.checkIfMatch(ifMatch, item.revision);
        if (patch.action() != null && patch.action().isBlank()) {
            throw ProblemException.invalid("action", "must not be blank");
        }
        if (patch.owner() != null && patch.owner().isBlank()) {
            throw ProblemException.invalid("owner", "must not be blank");
        }
        if (patch.dueOn() != null) {
            checkDue(patch.dueOn());
        }
        int question = patch.question() == null ? item.question : patch.question();
        String action = patch.action() == null ? item.action : text(patch.action());
        String owner = patch.owner() == null ? item.owner : patch.owner().strip();
        LocalDate dueOn = patch.dueOn() == null ? item.dueOn : patch.dueOn();
        ActionItemStatus status = patch.status() == null ? item.status : patch.status();
        if (question != item.question || !action.equals(item.action) || !owner.equals(item.owner)
                || !dueOn.equals(item.dueOn) || status != item.status) {
            int before = item.revision;
            item.question = question;
            item.action = action;
            item.owner = owner;
            item.dueOn = dueOn;
            item.status = status;
            item.revision++;
            item.updatedAt = now();
            Unit unit = units.load(item.unitId);
            audit.record("action-item.updated", "action-item", item.id, unit.id, unit.path, before, item.revision);
        }
        return response(item);
    }

    @Transactional
    void delete(long roundId, long id, String ifMatch) {
        ActionItem item = writable(roundId, id);
        ETags.checkIfMatch(ifMatch, item.revision);
        Unit unit = units.load(item.unitId);
        audit.record("action-item.deleted", "action-item", item.id, unit.id, unit.path, item.revision, null);
        items.delete(item);
    }

    /** The round's items under the path of a node the caller may see, for its report. */
    public List<PlannedItem> under(long roundId, String nodePath) {
        return items.under(roundId, nodePath);
    }

    /** What {@link #under} would read, as one short text that changes whenever an item there does. */
    public String fingerprint(long roundId, String nodePath) {
        return items.fingerprint(roundId, nodePath);
    }

    private ActionItem visible(long roundId, long id) {
        Round round = rounds.require(roundId);
        ActionItem item = items.find(round.id, id).orElseThrow(() -> ProblemException.notFound("Action item", id));
        access.requireVisible(units.load(item.unitId).path, "Action item", id);
        return item;
    }

    /** 404 when the round has no such item or its unit lies outside the caller's scope; locked for the change. */
    private ActionItem writable(long roundId, long id) {
        ActionItem item = items.find(roundId, id).orElseThrow(() -> ProblemException.notFound("Action item", id));
        access.requireVisible(units.load(item.unitId).path, "Action item", id);
        items.refreshLocked(item);
        return item;
    }

    private ActionItemResponse response(ActionItem item) {
        RoundUnit pictured = rounds.pictured(item.roundId, item.unitId).orElse(null);
        if (pictured != null) {
            return response(item, pictured.code(), pictured.name());
        }
        Unit unit = units.load(item.unitId);
        return response(item, unit.code, unit.name);
    }

    private static ActionItemResponse response(ActionItem item, String code, String name) {
        return new ActionItemResponse(item.id, item.roundId, item.unitId, code, name, item.question, item.action, item.owner,
                item.dueOn, item.status, item.revision, item.createdAt, item.updatedAt);
    }

    private static void checkDue(LocalDate dueOn) {
        if (dueOn.isBefore(EARLIEST_DUE) || dueOn.isAfter(LATEST_DUE)) {
            throw ProblemException.invalid("dueOn", "must be between " + EARLIEST_DUE + " and " + LATEST_DUE);
        }
    }

    /** Multi-line text with one kind of line break and no surrounding blank space. */
    private static String text(String value) {
        return Objects.requireNonNull(value).replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
