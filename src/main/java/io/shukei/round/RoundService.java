package io.shukei.round;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.shukei.catalog.Catalog;
import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.language.Language;
import io.shukei.problem.Problem;
import io.shukei.problem.ProblemException;
import io.shukei.security.Access;
import io.shukei.security.AuditService;
import io.shukei.tally.Policy;
import io.shukei.unit.Unit;
import io.shukei.unit.UnitNamed;
import io.shukei.unit.UnitService;
import io.shukei.unit.UnitSummary;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RoundService {

    private final RoundRepository rounds;
    private final RoundUnitRepository pictures;
    private final UnitService units;
    private final Catalog catalog;
    private final Access access;
    private final AuditService audit;
    private final Event<RoundChange> changes;

    RoundService(RoundRepository rounds, RoundUnitRepository pictures, UnitService units, Catalog catalog, Access access,
                 AuditService audit, Event<RoundChange> changes) {
        this.rounds = rounds;
        this.pictures = pictures;
        this.units = units;
        this.catalog = catalog;
        this.access = access;
        this.audit = audit;
        this.changes = changes;
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

    /**
     * A round the service itself needs, whoever asks (the previous round of a report, the round a write names
     * before its scope is checked): 404 only when missing.
     */
    public Round load(long id) {
        Round round = rounds.findById(id);
        if (round == null) {
            throw ProblemException.notFound("Round", id);
        }
        return round;
    }

    private boolean visible(Round round) {
        return access.canSee(units.load(round.scopeUnitId).path) || rounds.hasParticipantUnder(round.id, access.scopePrefix());
    }

    /**
     * A round the caller wants to change: 404 like a missing one when the caller cannot see it, 403 when it
     * sees the round (through a participant) but the round's scope lies outside its own.
     */
    private Round requireWritable(long id) {
        Round round = require(id);
        rounds.refreshLocked(round);
        if (!access.canSee(units.load(round.scopeUnitId).path)) {
            throw Access.forbidden("Round " + id + " covers units outside your scope");
        }
        return round;
    }

    /**
     * A round in which the caller wants to change something of the participants in its scope (their invitations),
     * locked until the transaction ends: 404, like a missing one, when none of it lies in the caller's scope.
     */
    public Round requireForParticipants(long id) {
        Round round = require(id);
        rounds.refreshLocked(round);
        return round;
    }

    /** An open round the caller wants to change; a closed one keeps the organisation as it was (409). */
    private Round requireOpen(long id, String toDo) {
        Round round = requireWritable(id);
        if (!round.isOpen()) {
            throw ProblemException.conflict("/problems/round-closed", "Round closed",
                            "Round " + id + " is closed; reopen it to " + toDo)
                    .inJapanese("診断 " + id + " は締め切られています。変更するには再開してください。");
        }
        return round;
    }

    /** A unit as the round's own picture holds it: as it is while the round is open, as it was at the close. */
    public Optional<RoundUnit> pictured(long roundId, long unitId) {
        return pictures.find(roundId, unitId);
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
        // A visible unit taking part makes the round visible; otherwise the round must be visible on its own
        // before anything about it (closed, participants) or about the unit is told.
        boolean visibleParticipant = round.participant() && round.unit() != null && access.canSee(round.unit().path());
        if (!visibleParticipant && !access.canSee(units.load(round.scopeUnitId()).path)
                && !rounds.hasParticipantUnder(roundId, access.scopePrefix())) {
            throw ProblemException.notFound("Round", roundId);
        }
        UnitSummary unit = units.requireWritable(round.unit(), unitId);
        if (round.status() != RoundStatus.OPEN) {
            throw ProblemException.conflict("/problems/round-closed", "Round closed",
                            "Round " + roundId + " is closed; sheets can be changed only while it is open")
                    .inJapanese("診断 " + roundId + " は締め切られています。回答を変更できるのは受付中だけです。");
        }
        if (!round.participant()) {
            throw ProblemException.unprocessable("/problems/not-a-participant", "Not a participant",
                            "Unit " + UnitNamed.label(unit.code(), unit.name(), Language.EN) + " is not a participant of round "
                                    + roundId + "; an administrator can add it (POST /api/v1/rounds/" + roundId + "/participants)")
                    .inJapanese(UnitNamed.label(unit.code(), unit.name(), Language.JA) + "は診断 " + roundId
                            + " の対象ではありません。管理者が対象に加えられます(POST /api/v1/rounds/" + roundId + "/participants)。");
        }
        return new SheetAdmission(roundId, round.status(), round.catalogVersion(), round.scopeUnitId(), round.revision(), unit);
    }

    @Transactional
    RoundResponse create(RoundRequests.Create request) {
        Unit scope = units.require(request.scopeUnitId());
        Round source = request.copyFromRoundId() == null ? null : copySource(request);
        boolean autoEnrol = request.autoEnrol() == null || request.autoEnrol();
        List<Long> participants;
        RoundResponse.CopiedFrom copied = null;
        if (source != null) {
            Set<Long> earlier = new HashSet<>(rounds.participantIds(source.id));
            participants = new ArrayList<>(units.findAll(earlier).stream()
                    .filter(u -> scope.contains(u) && !u.isArchived()).map(u -> u.id).sorted().toList());
            // Units created since the earlier round opened have appeared since; older ones it did not have were
            // left out then and stay out unless named.
            List<RoundResponse.DriftUnit> added = new ArrayList<>();
            List<RoundResponse.DriftUnit> notAdded = new ArrayList<>();
            for (RoundRepository.Absent absent : rounds.absentFrom(source.id, scope.path)) {
                (autoEnrol && absent.newer() ? added : notAdded).add(absent.unit());
            }
            added.forEach(u -> participants.add(u.unitId()));
            copied = new RoundResponse.CopiedFrom(source.id, added, notAdded);
        } else if (request.participantIds() != null) {
            participants = checkedParticipants(scope, request.participantIds(), "participantIds");
        } else {
            participants = units.activeLeafIds(scope);
        }
        if (participants.isEmpty()) {
            throw ProblemException.unprocessable("/problems/no-participants", "No participants",
                    "Unit " + label(scope, Language.EN) + " has no active units to take part; create units or name participantIds")
                    .inJapanese(label(scope, Language.JA) + "には対象にできる部署がありません。部署を作るか participantIds で指定してください。");
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
        round.autoEnrol = autoEnrol;
        rounds.persist(round);
        rounds.flush();
        rounds.addParticipants(round.id, participants);
        pictures.sync(List.of(round.id));
        audit.record("round.created", "round", round.id, scope.id, scope.path, null, round.revision);
        changes.fire(RoundChange.of(RoundChange.Type.OPENED, round));
        return view(round, copied);
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

    public RoundResponse get(long id) {
        return view(require(id), null);
    }

    public Page<RoundResponse> list(Long scopeUnitId, Long participantId, RoundStatus status, PageParams paging) {
        String scopePath = scopeUnitId == null ? null : units.require(scopeUnitId).path;
        if (participantId != null) {
            units.require(participantId);
        }
        var found = rounds.listed(scopePath, participantId, status, access.caller().global() ? null : access.scopePrefix());
        List<Round> page = found.page(paging.page, paging.size).list();
        Map<Long, RoundRepository.Counts> counts = rounds.progressCounts(page.stream().map(r -> r.id).toList(),
                access.scopePrefix());
        List<RoundResponse> items = page.stream().map(r -> {
            RoundRepository.Counts c = counts.getOrDefault(r.id, new RoundRepository.Counts(r.id, 0, 0));
            return RoundResponse.of(r, new RoundResponse.Progress(c.expected(), c.submitted(), null, null, null));
        }).toList();
        return Page.of(items, paging, found.count());
    }

    @Transactional
    RoundResponse patch(long id, RoundRequests.Patch patch) {
        Round round = requireOpen(id, "change it");
        if (patch.title() != null && patch.title().isBlank()) {
            throw ProblemException.invalid("title", "must not be blank");
        }
        int before = round.revision;
        boolean changed = false;
        if (patch.title() != null && !patch.title().strip().equals(round.title)) {
            round.title = patch.title().strip();
            changed = true;
        }
        if (patch.dueDate() != null && !patch.dueDate().equals(round.dueDate)) {
            round.dueDate = patch.dueDate();
            changed = true;
        }
        if (patch.autoEnrol() != null && patch.autoEnrol() != round.autoEnrol) {
            round.autoEnrol = patch.autoEnrol();
            changed = true;
        }
        if (changed) {
            touch(round);
            Unit scope = units.load(round.scopeUnitId);
            audit.record("round.updated", "round", round.id, scope.id, scope.path, before, round.revision);
        }
        return view(round, null);
    }

    /**
     * Closes or reopens. Closing freezes the round's picture of the organisation; reopening brings it up to
     * date with the units as they are now (audited as round.resynced when that changed anything).
     */
    @Transactional
    public RoundResponse setStatus(long id, RoundStatus target) {
        Round round = requireWritable(id);
        if (round.status != target) {
            int before = round.revision;
            round.status = target;
            round.closedAt = target == RoundStatus.CLOSED ? now() : null;
            touch(round);
            Unit scope = units.load(round.scopeUnitId);
            audit.record(target == RoundStatus.CLOSED ? "round.closed" : "round.reopened", "round", round.id,
                    scope.id, scope.path, before, round.revision);
            if (target == RoundStatus.OPEN && pictures.sync(List.of(round.id)) > 0) {
                audit.record("round.resynced", "round", round.id, scope.id, scope.path, round.revision, round.revision);
            }
            changes.fire(RoundChange.of(target == RoundStatus.CLOSED ? RoundChange.Type.CLOSED
                    : RoundChange.Type.REOPENED, round));
        }
        return view(round, null);
    }

    @Transactional
    RoundResponse replaceParticipants(long id, List<Long> unitIds) {
        Round round = requireOpen(id, "change its participants");
        Unit scope = units.load(round.scopeUnitId);
        List<Long> participants = checkedParticipants(scope, unitIds, "unitIds");
        Set<Long> before = new LinkedHashSet<>(rounds.participantIds(id));
        rounds.removeParticipantsExcept(id, participants);
        rounds.addParticipants(id, participants);
        List<Long> added = participants.stream().filter(u -> !before.contains(u)).sorted().toList();
        List<Long> removed = before.stream().filter(u -> !participants.contains(u)).sorted().toList();
        participantsChanged(round, scope, "round.participants-replaced", added, removed);
        return view(round, null);
    }

    /** Adds units to an open round; units that already take part are left as they are. */
    @Transactional
    RoundResponse addParticipants(long id, List<Long> unitIds) {
        Round round = requireOpen(id, "change its participants");
        Unit scope = units.load(round.scopeUnitId);
        List<Long> wanted = checkedParticipants(scope, unitIds, "unitIds");
        Set<Long> before = new HashSet<>(rounds.participantIds(id));
        List<Long> added = wanted.stream().filter(u -> !before.contains(u)).sorted().toList();
        rounds.addParticipants(id, added);
        participantsChanged(round, scope, "round.participants-added", added, List.of());
        return view(round, null);
    }

    /** Takes a unit out of an open round; a sheet it gave is kept but no longer counted. */
    @Transactional
    RoundResponse removeParticipant(long id, long unitId) {
        Round round = requireOpen(id, "change its participants");
        Unit scope = units.load(round.scopeUnitId);
        Set<Long> before = new HashSet<>(rounds.participantIds(id));
        if (!before.contains(unitId)) {
            throw ProblemException.notFound("Participant", unitId);
        }
        if (before.size() == 1) {
            Unit unit = units.load(unitId);
            throw ProblemException.unprocessable("/problems/no-participants", "No participants",
                            "Unit " + label(unit, Language.EN) + " is the last participant of round " + id
                                    + "; a round keeps at least one")
                    .inJapanese(label(unit, Language.JA) + "は診断 " + id + " の最後の対象です。対象は一つ以上必要です。");
        }
        rounds.removeParticipants(id, List.of(unitId));
        participantsChanged(round, scope, "round.participants-removed", List.of(), List.of(unitId));
        return view(round, null);
    }

    /** Records a change of the participant set: picture, revision, audit trail and announcement, in this transaction. */
    void participantsChanged(Round round, Unit scope, String action, List<Long> added, List<Long> removed) {
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        pictures.sync(List.of(round.id));
        int before = round.revision;
        touch(round);
        audit.record(action, "round", round.id, scope.id, scope.path, before, round.revision);
        changes.fire(RoundChange.participants(round, added, removed));
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
            } else if (unit == null || !access.canSee(unit.path)) {
                errors.add(new Problem.FieldError(at, "unit " + id + " does not exist"));
            } else if (!scope.contains(unit)) {
                errors.add(new Problem.FieldError(at, "unit " + label(unit, Language.EN) + " is outside the round's scope ("
                        + label(scope, Language.EN) + ")"));
            } else if (unit.isArchived()) {
                errors.add(new Problem.FieldError(at, "unit " + label(unit, Language.EN) + " is archived"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return List.copyOf(distinct);
    }

    /** Units that should take part in the open round but do not, and participants that are no longer leaves. */
    public record Drift(List<RoundResponse.DriftUnit> notParticipating, List<RoundResponse.DriftUnit> participantsWithChildren) {
        static final Drift NONE = new Drift(List.of(), List.of());
    }

    /**
     * The drift of the round under a unit (by the units as they are now): none once the round is closed,
     * since a closed round is compared with nothing.
     */
    public Drift drift(Round round, Unit under) {
        if (!round.isOpen()) {
            return Drift.NONE;
        }
        Unit scope = units.load(round.scopeUnitId);
        String prefix = scope.contains(under) ? under.path : scope.path;
        if (!access.caller().global() && !prefix.startsWith(access.scopePrefix())) {
            prefix = access.scopePrefix();
        }
        return new Drift(rounds.notParticipating(round.id, prefix), rounds.participantsWithChildren(round.id, prefix));
    }

    /** The round with its progress and drift, counted over the participants the caller may see. */
    private RoundResponse view(Round round, RoundResponse.CopiedFrom copied) {
        String prefix = access.scopePrefix();
        RoundRepository.Counts counts = rounds.progressCounts(List.of(round.id), prefix)
                .getOrDefault(round.id, new RoundRepository.Counts(round.id, 0, 0));
        Drift drift = drift(round, units.load(round.scopeUnitId));
        return RoundResponse.of(round, new RoundResponse.Progress(counts.expected(), counts.submitted(),
                rounds.missing(round.id, prefix), drift.notParticipating(), drift.participantsWithChildren()), copied);
    }

    private static String label(Unit unit, Language language) {
        return UnitNamed.label(unit.code, unit.name, language);
    }

    static void touch(Round round) {
        round.revision++;
        round.updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
