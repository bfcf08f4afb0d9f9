package io.shukei.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shukei.catalog.BandView;
import io.shukei.catalog.Catalog;
import io.shukei.http.QueryParams;
import io.shukei.language.Language;
import io.shukei.problem.ProblemException;
import io.shukei.round.Round;
import io.shukei.round.RoundService;
import io.shukei.round.RoundUnit;
import io.shukei.security.Access;
import io.shukei.tally.Part;
import io.shukei.tally.Policy;
import io.shukei.tally.Sheet;
import io.shukei.tally.Tally;
import io.shukei.unit.Unit;
import io.shukei.unit.UnitNamed;
import io.shukei.unit.UnitService;

/** Reads the sheets of a subtree in bulk and hands them to the pure tally. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportService {

    private static final int LOWEST = 5;

    private final ReportRepository repository;
    private final RoundService rounds;
    private final UnitService units;
    private final Catalog catalog;
    private final ReportMetrics metrics;
    private final Access access;

    ReportService(ReportRepository repository, RoundService rounds, UnitService units, Catalog catalog,
                  ReportMetrics metrics, Access access) {
        this.repository = repository;
        this.rounds = rounds;
        this.units = units;
        this.catalog = catalog;
        this.metrics = metrics;
        this.access = access;
    }

    /**
     * The node a report is tallied at, after every check: the round and the node must be visible to
     * the caller and the node part of the round's tree. Callers of a cached report resolve it first,
     * so the cache never answers for a node the caller may not see.
     */
    long node(long roundId, Long unitId) {
        return resolveNode(rounds.require(roundId), unitId).unit().id;
    }

    /**
     * The node as the round sees it (from its picture: as it was at the close for a closed round), and the
     * unit as it is now (for the drift of an open round). A node outside the picture has no participant under
     * it and is named as it is now.
     */
    private record Node(Unit unit, long id, String code, String name, String path) {
    }

    private Node resolveNode(Round round, Long unitId) {
        Unit scope = units.load(round.scopeUnitId);
        Unit node = unitId != null ? units.require(unitId) : defaultNode(scope);
        Optional<RoundUnit> pictured = rounds.pictured(round.id, node.id);
        if (pictured.isPresent()) {
            RoundUnit p = pictured.get();
            return new Node(node, p.unitId(), p.code(), p.name(), p.path());
        }
        if (node.organisationId() != scope.organisationId() || !(scope.contains(node) || node.contains(scope))) {
            throw ProblemException.invalid("unitId", "unit " + UnitNamed.label(node.code, node.name, Language.EN)
                    + " is not part of round " + round.id + "'s tree");
        }
        return new Node(node, node.id, node.code, node.name, node.path);
    }

    public ReportResponse report(long roundId, Long unitId, String policyParam) {
        Round round = rounds.require(roundId);
        Node node = resolveNode(round, unitId);
        Policy policy = policyParam == null || policyParam.isBlank() ? round.policy
                : QueryParams.parse(Policy.class, policyParam, "policy");

        List<ReportRepository.ParticipantRow> rows = repository.participants(roundId, node.path());
        // Each stored sheet is parsed once and serves the tally, the unit rows and the children.
        Map<Long, ReportRepository.ParticipantRow> byId = new HashMap<>(rows.size() * 4 / 3 + 1);
        Map<Long, Sheet> sheetById = new HashMap<>(rows.size() * 4 / 3 + 1);
        List<Sheet> sheets = new ArrayList<>(rows.size());
        for (ReportRepository.ParticipantRow row : rows) {
            byId.put(row.unitId(), row);
            if (row.answers() != null) {
                Sheet sheet = Sheet.of(row.unitId(), row.headcount(), row.answers());
                sheets.add(sheet);
                sheetById.put(row.unitId(), sheet);
            }
        }
        Map<Policy, ReportResponse.PolicyScore> policies = new EnumMap<>(Policy.class);
        Tally.Result result = null;
        Tally.Counted counted = Tally.count(sheets);
        for (Policy p : Policy.values()) {
            try {
                Tally.Result r = counted.tally(p);
                policies.put(p, new ReportResponse.PolicyScore(r.score() == null ? null : r.score().shown(),
                        BandView.of(r.band()), r.score() == null ? "no sheet submitted yet" : null, null, null));
                if (p == policy) {
                    result = r;
                }
            } catch (Tally.MissingHeadcountException e) {
                List<ReportResponse.UnitRef> named = e.unitIds().stream().map(id -> unitRef(id, byId)).toList();
                policies.put(p, new ReportResponse.PolicyScore(null, null,
                        "units without a headcount: " + UnitNamed.list(named, Language.EN), e.unitIds(), named));
                if (p == policy) {
                    throw UnitNamed.missingHeadcount(e.unitIds(), named);
                }
            }
        }

        List<ReportResponse.QuestionResult> questions = result.questions().stream()
                .map(q -> question(q, byId)).toList();
        List<ReportResponse.PartResult> parts = result.parts().stream().map(p -> new ReportResponse.PartResult(
                p.part().number(), catalog.partTitle(p.part().number()),
                p.score() == null ? null : p.score().rounded(), p.part().maxPoints())).toList();
        List<ReportResponse.UnknownAnswer> unknowns = new ArrayList<>(
                result.questions().stream().mapToInt(q -> q.unknownUnits().size()).sum());
        for (Tally.QuestionResult q : result.questions()) {
            for (Long id : q.unknownUnits()) {
                ReportRepository.ParticipantRow row = byId.get(id);
                unknowns.add(new ReportResponse.UnknownAnswer(q.number(), id, row.code(), row.name()));
            }
        }
        List<ReportResponse.UnitResult> unitResults = rows.stream().filter(r -> r.answers() != null).map(r -> {
            Sheet sheet = sheetById.get(r.unitId());
            return new ReportResponse.UnitResult(r.unitId(), r.code(), r.name(), r.headcount(), sheet.score(),
                    BandView.of(io.shukei.tally.Band.of(io.shukei.tally.Score.of(sheet.score()))), r.revision(),
                    r.submittedAt(), r.revisedAt());
        }).toList();

        RoundService.Drift drift = rounds.drift(round, node.unit());
        metrics.served();
        return new ReportResponse(round.id, round.title, round.status, node.id(), node.code(), node.name(), policy,
                result.score() == null ? null : result.score().shown(), BandView.of(result.band()), policies,
                coverage(rows, drift), parts, questions, unitResults, children(round.id, node, rows, sheetById, policy),
                unknowns,
                // The same objects as in questions (numbered 1 to 25 in order): no second list of unknown units.
                result.lowest(LOWEST).stream().map(q -> questions.get(q.number() - 1)).toList(),
                round.catalogId, round.catalogVersion,
                // A closed round's report is the same whenever it is asked for, its time included.
                round.isOpen() ? OffsetDateTime.now(ZoneOffset.UTC) : round.closedAt);
    }

    private static ReportResponse.UnitRef unitRef(long id, Map<Long, ReportRepository.ParticipantRow> byId) {
        ReportRepository.ParticipantRow row = byId.get(id);
        return new ReportResponse.UnitRef(id, row.code(), row.name());
    }

    /** The report with what the file formats need beside it: the organisation's name and every submitted sheet. */
    ReportDocument document(long roundId, Long unitId, String policyParam) {
        ReportResponse report = report(roundId, unitId, policyParam);
        Node node = resolveNode(rounds.require(roundId), report.unitId());
        long organisationId = node.unit().organisationId();
        String organisation = rounds.pictured(roundId, organisationId).map(RoundUnit::name)
                .orElseGet(() -> units.load(organisationId).name);
        return new ReportDocument(report, organisation, repository.sheets(roundId, node.path()));
    }

    /** The round's scope, or for a caller who may not see it (a department head) the caller's own unit. */
    private Unit defaultNode(Unit scope) {
        Long own = access.caller().unitId();
        return access.canSee(scope.path) || own == null ? scope : units.require(own);
    }

    record ReportDocument(ReportResponse report, String organisationName, List<ReportRepository.SheetRow> sheets) {
    }

    private ReportResponse.QuestionResult question(Tally.QuestionResult q, Map<Long, ReportRepository.ParticipantRow> byId) {
        List<ReportResponse.UnitRef> unknown = q.unknownUnits().stream().map(id -> unitRef(id, byId)).toList();
        return new ReportResponse.QuestionResult(q.number(), Part.of(q.number()).number(), catalog.question(q.number()),
                q.answer(), q.value() == null ? null : q.value().rounded(), q.distribution(), unknown);
    }

    /** Coverage of the rows; with the drift for the report's own node, without it (null) for a child. */
    private static ReportResponse.Coverage coverage(List<ReportRepository.ParticipantRow> rows, RoundService.Drift drift) {
        List<ReportResponse.MissingUnit> missing = rows.stream().filter(r -> r.answers() == null)
                .map(r -> new ReportResponse.MissingUnit(r.unitId(), r.code(), r.name())).toList();
        return new ReportResponse.Coverage(rows.size(), rows.size() - missing.size(), missing,
                drift == null ? null : drift.notParticipating(), drift == null ? null : drift.participantsWithChildren());
    }

    /** One row per direct child subtree that has participants, tallied under the same policy. */
    private List<ReportResponse.ChildResult> children(long roundId, Node node, List<ReportRepository.ParticipantRow> rows,
                                                      Map<Long, Sheet> sheetById, Policy policy) {
        List<ReportResponse.ChildResult> children = new ArrayList<>();
        // The rows grouped by the child subtree they lie in, in one pass (a child's path is the node's path
        // plus one segment), instead of a scan of every row for every child.
        Map<String, List<ReportRepository.ParticipantRow>> byChild = new HashMap<>();
        for (ReportRepository.ParticipantRow r : rows) {
            int end = r.path().indexOf('/', node.path().length());
            if (r.path().startsWith(node.path()) && end > 0) {
                byChild.computeIfAbsent(r.path().substring(0, end + 1), k -> new ArrayList<>()).add(r);
            }
        }
        for (ReportRepository.ChildRow child : repository.children(roundId, node.id())) {
            List<ReportRepository.ParticipantRow> under = byChild.getOrDefault(child.path(), List.of());
            if (under.isEmpty()) {
                continue;
            }
            List<Sheet> sheets = under.stream().filter(r -> r.answers() != null).map(r -> sheetById.get(r.unitId())).toList();
            Tally.Result r;
            try {
                r = Tally.of(sheets, policy);
            } catch (Tally.MissingHeadcountException e) {
                r = null;
            }
            children.add(new ReportResponse.ChildResult(child.unitId(), child.code(), child.name(),
                    r == null || r.score() == null ? null : r.score().shown(), r == null ? null : BandView.of(r.band()),
                    coverage(under, null)));
        }
        return children;
    }
}
