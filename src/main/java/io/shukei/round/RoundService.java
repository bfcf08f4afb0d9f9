package io.shukei.round;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.shukei.api.Page;
import io.shukei.api.PageParams;
import io.shukei.api.Problem;
import io.shukei.api.ProblemException;
import io.shukei.catalog.Catalog;
import io.shukei.security.Access;
import io.shukei.security.AuditService;
import io.shukei.tally.Policy;
import io.shukei.unit.Unit;
import io.shukei.unit.UnitService;
import io.shukei.unit.UnitSummary;
import io.shukei.webhook.WebhookEvents;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RoundService {

    private final RoundRepository rounds;
    private final UnitService units;
    private final Catalog catalog;
    private final Access access;
    private final AuditService audit;
    private final WebhookEvents events;

    RoundService(RoundRepository rounds, UnitService units, Catalog catalog, Access access, AuditService audit,
                 WebhookEvents events) {
        this.rounds = rounds;
        this.units = units;
        this.catalog = catalog;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    /**
     * A round the caller asked for. It is visible to callers whose scope holds its scope unit, and to
     * those with a participant in their scope (a department head sees the round it answers in);
     * otherwise it does not exist for them (404).
     */
    public Round require(long id) {
        Round round = rounds.findById(id);
        if (round == null || !visible(round)) {
            throw ProblemException.notFound("Round", id);
        }
        return round;
    }

    private boolean visible(Round round) {
        return access.canSee(units.load(round.scopeUnitId).path) || rounds.hasParticipantUnder(round.id, access.scopePrefix());
    }

    /** A round the caller wants to change: its scope unit must lie in the caller's scope (else 403). */
    private Round requireWritable(long id) {
        Round round = rounds.findById(id);
        if (round == null) {
            throw ProblemException.notFound("Round", id);
        }
        rounds.getEntityManager().refresh(round, LockModeType.PESSIMISTIC_WRITE);
        access.requireWritable(units.load(round.scopeUnitId).path);
        return round;
    }

    /** What a sheet write knows of its open round and of the participant it writes for. */
    public record SheetAdmission(long roundId, RoundStatus status, String catalogVersion, long scopeUnitId,
                                 int revision, UnitSummary unit) {
    }

    /**
     * Admits one sheet write: the round must be open and the unit one of its participants. Locks the
     * round for share (a concurrent close waits) and the participant row for update (writers of one
     * sheet queue), so the caller's write is consistent with both.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SheetAdmission admitSheet(long roundId, long unitId) {
        RoundRepository.SheetLock round = rounds.lockForSheet(roundId, unitId)
                .orElseThrow(() -> ProblemException.notFound("Round", roundId));
        UnitSummary unit = units.requireWritable(round.unit(), unitId);
        if (round.status() != RoundStatus.OPEN) {
            throw ProblemException.conflict("/problems/round-closed", "Round closed",
                    "Round " + roundId + " is closed; sheets can be changed only while it is open");
        }
        if (!round.participant()) {
            throw ProblemException.unprocessable("/problems/not-a-participant", "Not a participant",
                    "Unit " + unitId + " is not a participant of round " + roundId);
        }
        return new SheetAdmission(roundId, round.status(), round.catalogVersion(), round.scopeUnitId(), round.revision(), unit);
    }

    @Transactional
    RoundResponse create(RoundRequests.Create request) {
        Unit scope = units.requireWritable(request.scopeUnitId());
        Round source = request.copyFromRoundId() == null ? null : copySource(request);
        List<Long> participants;
        if (source != null) {
            participants = units.findAll(new HashSet<>(rounds.participantIds(source.id))).stream()
                    .filter(u -> scope.contains(u) && !u.isArchived()).map(u -> u.id).sorted().toList();
        } else if (request.participantIds() != null) {
            participants = checkedParticipants(scope, request.participantIds(), "participantIds");
        } else {
            participants = units.activeLeafIds(scope);
        }
        if (participants.isEmpty()) {
            throw ProblemException.unprocessable("/problems/no-participants", "No participants",
                    "Unit " + scope.id + " has no active units to take part; create units or name participantIds");
        }
        OffsetDateTime now = now();
        Round round = new Round();
        round.title = request.title().strip();
        round.scopeUnitId = scope.id;
        round.policy = request.policy() != null ? request.policy() : source != null ? source.policy : Policy.CONSOLIDATED;
        round.status = RoundStatus.OPEN;
        round.dueDate = request.dueDate();
        round.catalogId = catalog.id();
        round.catalogVersion = catalog.version();
        round.createdAt = now;
        round.updatedAt = now;
        round.revision = 1;
        rounds.persist(round);
        rounds.flush();
        rounds.addParticipants(round.id, participants);
        audit.record("round.created", "round", round.id, scope.id, scope.path, null, round.revision);
        events.roundOpened(round);
        return view(round);
    }

    private Round copySource(RoundRequests.Create request) {
        if (request.participantIds() != null) {
            throw ProblemException.invalid("copyFromRoundId", "give either participantIds or copyFromRoundId, not both");
        }
        Round source = rounds.findById(request.copyFromRoundId());
        if (source == null || !visible(source)) {
            throw ProblemException.invalid("copyFromRoundId", "round " + request.copyFromRoundId() + " does not exist");
        }
        return source;
    }

    RoundResponse get(long id) {
        return view(require(id));
    }

    Page<RoundResponse> list(Long scopeUnitId, Long participantId, RoundStatus status, PageParams paging) {
        StringBuilder query = new StringBuilder("from Round r where 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (scopeUnitId != null) {
            Unit scope = units.require(scopeUnitId);
            query.append(" and exists (select 1 from Unit u where u.id = r.scopeUnitId and u.path like :prefix)");
            params.put("prefix", scope.path + "%");
        }
        if (participantId != null) {
            units.require(participantId);
            query.append(" and r.id in (select p.roundId from RoundParticipant p where p.unitId = :participant)");
            params.put("participant", participantId);
        }
        if (status != null) {
            query.append(" and r.status = :status");
            params.put("status", status);
        }
        if (!access.caller().global()) {
            query.append(" and (exists (select 1 from Unit s where s.id = r.scopeUnitId and s.path like :visible)"
                    + " or exists (select 1 from RoundParticipant p, Unit pu where p.roundId = r.id and pu.id = p.unitId"
                    + " and pu.path like :visible))");
            params.put("visible", access.scopePrefix() + "%");
        }
        var found = rounds.find(query + " order by r.createdAt desc, r.id desc", params);
        List<Round> page = found.page(paging.page, paging.size).list();
        Map<Long, long[]> counts = rounds.progressCounts(page.stream().map(r -> r.id).toList(), access.scopePrefix());
        List<RoundResponse> items = page.stream().map(r -> {
            long[] c = counts.getOrDefault(r.id, new long[2]);
            return RoundResponse.of(r, new RoundResponse.Progress(c[0], c[1], null));
        }).toList();
        return Page.of(items, paging, found.count());
    }

    @Transactional
    RoundResponse setStatus(long id, RoundStatus target) {
        Round round = requireWritable(id);
        if (round.status != target) {
            int before = round.revision;
            round.status = target;
            round.closedAt = target == RoundStatus.CLOSED ? now() : null;
            touch(round);
            audit.record(target == RoundStatus.CLOSED ? "round.closed" : "round.reopened", "round", round.id,
                    round.scopeUnitId, units.load(round.scopeUnitId).path, before, round.revision);
            events.roundStatusChanged(round);
        }
        return view(round);
    }

    @Transactional
    RoundResponse replaceParticipants(long id, List<Long> unitIds) {
        Round round = requireWritable(id);
        if (!round.isOpen()) {
            throw ProblemException.conflict("/problems/round-closed", "Round closed",
                    "Round " + id + " is closed; reopen it to change its participants");
        }
        Unit scope = units.load(round.scopeUnitId);
        List<Long> participants = checkedParticipants(scope, unitIds, "unitIds");
        rounds.removeParticipantsExcept(id, participants);
        rounds.addParticipants(id, participants);
        int before = round.revision;
        touch(round);
        audit.record("round.participants-replaced", "round", round.id, scope.id, scope.path, before, round.revision);
        return view(round);
    }

    private List<Long> checkedParticipants(Unit scope, List<Long> ids, String field) {
        Set<Long> distinct = new LinkedHashSet<>(ids);
        Map<Long, Unit> found = new java.util.HashMap<>();
        units.findAll(distinct).forEach(u -> found.put(u.id, u));
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            Unit unit = found.get(id);
            String at = field + "[" + i + "]";
            if (!seen.add(id)) {
                errors.add(new Problem.FieldError(at, "unit " + id + " is listed twice"));
            } else if (unit == null) {
                errors.add(new Problem.FieldError(at, "unit " + id + " does not exist"));
            } else if (!scope.contains(unit)) {
                errors.add(new Problem.FieldError(at, "unit " + id + " is outside the round's scope (unit " + scope.id + ")"));
            } else if (unit.isArchived()) {
                errors.add(new Problem.FieldError(at, "unit " + id + " is archived"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return List.copyOf(distinct);
    }

    /** The round with its progress, counted over the participants the caller may see. */
    private RoundResponse view(Round round) {
        String prefix = access.scopePrefix();
        long[] counts = rounds.progressCounts(List.of(round.id), prefix).getOrDefault(round.id, new long[2]);
        List<RoundResponse.MissingUnit> missing = rounds.missing(round.id, prefix).stream()
                .map(row -> new RoundResponse.MissingUnit(((Number) row[0]).longValue(), (String) row[1], (String) row[2]))
                .toList();
        return RoundResponse.of(round, new RoundResponse.Progress(counts[0], counts[1], missing));
    }

    private static void touch(Round round) {
        round.revision++;
        round.updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
