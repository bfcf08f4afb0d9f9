package io.shukei.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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
import io.shukei.plan.PlanService;
import io.shukei.plan.PlannedItem;
import io.shukei.problem.ProblemException;
import io.shukei.round.Round;
import io.shukei.round.RoundService;
import io.shukei.round.RoundUnit;
import io.shukei.security.Access;
import io.shukei.tally.Answer;
import io.shukei.tally.Band;
import io.shukei.tally.Part;
import io.shukei.tally.Policy;
import io.shukei.tally.Score;
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
    private static final int TO_IMPROVE = 5;
    private static final int HOLDING_DOWN = 10;
    private static final String PATH_SEPARATOR = " / ";

    private final ReportRepository repository;
    private final ReportApprovalRepository approvals;
    private final ReportVersion versions;
    private final RoundService rounds;
    private final UnitService units;
    private final PlanService plan;
    private final Catalog catalog;
    private final ReportMetrics metrics;
    private final Access access;

    ReportService(ReportRepository repository, ReportApprovalRepository approvals, ReportVersion versions,
                  RoundService rounds, UnitService units, PlanService plan, Catalog catalog, ReportMetrics metrics,
                  Access access) {
        this.repository = repository;
        this.approvals = approvals;
        this.versions = versions;
        this.rounds = rounds;
        this.units = units;
        this.plan = plan;
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
    record Node(Unit unit, long id, String code, String name, String path) {
    }

    Node resolveNode(Round round, Long unitId) {
        Unit scope = units.load(round.scopeUnitId);
        Unit node = unitId != null ? units.require(unitId) : defaultNode(scope);
        return pictured(round, node).orElseGet(() -> {
            if (node.organisationId() != scope.organisationId() || !(scope.contains(node) || node.contains(scope))) {
                throw ProblemException.invalid("unitId", "unit " + UnitNamed.label(node.code, node.name, Language.EN)
                        + " is not part of round " + round.id + "'s tree");
            }
            return new Node(node, node.id, node.code, node.name, node.path);
        });
    }

    private Optional<Node> pictured(Round round, Unit node) {
        return rounds.pictured(round.id, node.id).map(p -> new Node(node, p.unitId(), p.code(), p.name(), p.path()));
    }

    /** The round's scope, or for a caller who may not see it (a department head) the caller's own unit. */
    private Unit defaultNode(Unit scope) {
        Long own = access.caller().unitId();
        return access.canSee(scope.path) || own == null ? scope : units.require(own);
    }

    public ReportResponse report(long roundId, Long unitId, String policyParam) {
        return build(roundId, unitId, policyParam).report();
    }

    /** The report with what the file formats need beside it: whom it is for, every submitted sheet, the units' paths. */
    ReportDocument document(long roundId, Long unitId, String policyParam) {
        Built built = build(roundId, unitId, policyParam);
        Tallied t = built.tallied();
        long organisationId = t.node.unit().organisationId();
        Optional<RoundUnit> organisation = rounds.pictured(roundId, organisationId);
        String organisationPath = organisation.map(RoundUnit::path).orElseGet(() -> units.load(organisationId).path);
        // Human forms name the organisation only for a caller who may see it.
        String organisationName = !access.canSee(organisationPath) ? null
                : organisation.map(RoundUnit::name).orElseGet(() -> units.load(organisationId).name);
        List<ReportDocument.SheetLine> sheets = repository.sheets(roundId, t.node.path()).stream().map(s -> {
            String path = t.label(s.path());
            String site = t.site(s.path());
            return new ReportDocument.SheetLine(s, path, site,
                    site == null ? path : path.substring(site.length() + PATH_SEPARATOR.length()));
        }).toList();
        return new ReportDocument(built.report(), organisationName, sheets);
    }

    private record Built(ReportResponse report, Tallied tallied) {
    }

    private Built build(long roundId, Long unitId, String policyParam) {
        Round round = rounds.require(roundId);
        Node node = resolveNode(round, unitId);
        Policy policy = policyParam == null || policyParam.isBlank() ? round.policy
                : QueryParams.parse(Policy.class, policyParam, "policy");
        Tallied t = tally(round, node);

        Map<Policy, ReportResponse.PolicyScore> policies = new EnumMap<>(Policy.class);
        Tally.Result result = null;
        for (Policy p : Policy.values()) {
            try {
                Tally.Result r = t.counted.tally(p);
                policies.put(p, new ReportResponse.PolicyScore(shown(r.score()), BandView.of(r.band()),
                        r.score() == null ? "no sheet submitted yet" : null, null, null));
                if (p == policy) {
                    result = r;
                }
            } catch (Tally.MissingHeadcountException e) {
                List<ReportResponse.UnitRef> named = e.unitIds().stream().map(t::unitRef).toList();
                policies.put(p, new ReportResponse.PolicyScore(null, null,
                        "units without a headcount: " + UnitNamed.list(named, Language.EN), e.unitIds(), named));
                if (p == policy) {
                    throw UnitNamed.missingHeadcount(e.unitIds(), named);
                }
            }
        }

        List<ReportResponse.QuestionResult> questions = result.questions().stream().map(q -> question(q, t)).toList();
        List<ReportResponse.PartResult> parts = result.parts().stream().map(p -> new ReportResponse.PartResult(
                p.part().number(), catalog.partTitle(p.part().number()), rounded(p.score()), p.part().maxPoints())).toList();
        List<ReportResponse.UnknownAnswer> unknowns = new ArrayList<>(
                result.questions().stream().mapToInt(q -> q.unknownUnits().size()).sum());
        List<ReportResponse.FindOut> toFindOut = new ArrayList<>();
        for (Tally.QuestionResult q : result.questions()) {
            for (Long id : q.unknownUnits()) {
                ReportRepository.ParticipantRow row = t.byId.get(id);
                unknowns.add(new ReportResponse.UnknownAnswer(q.number(), id, row.code(), row.name(), t.label(row.path())));
            }
            if (!q.unknownUnits().isEmpty()) {
                toFindOut.add(new ReportResponse.FindOut(q.number(), q.unknownUnits().size()));
            }
        }
        List<ReportResponse.UnitResult> unitResults = t.rows.stream().filter(r -> r.answers() != null).map(r -> {
            Sheet sheet = t.sheetById.get(r.unitId());
            return new ReportResponse.UnitResult(r.unitId(), r.code(), r.name(), t.label(r.path()), r.headcount(),
                    sheet.score(), BandView.of(Band.of(Score.of(sheet.score()))), r.revision(), r.respondent(),
                    r.submittedAt(), r.revisedAt());
        }).toList();
        Map<Long, Score> childScores = new HashMap<>();
        List<ReportResponse.ChildResult> children = children(t, policy, childScores);

        YearOnYear previous = previous(t, policy, result, childScores);
        Tallied before = previous == null ? null : previous.tallied();
        List<ReportResponse.PlanItem> actionItems = plan.under(round.id, node.path()).stream()
                .map(i -> planItem(i, t.label(i.unitPath()), null, t.points(i.unitPath(), i.question(), policy))).toList();
        List<ReportResponse.PlanItem> previousItems = before == null ? List.of()
                : plan.under(before.round.id, before.node.path()).stream()
                .map(i -> planItem(i, before.label(i.unitPath()), before.points(i.unitPath(), i.question(), policy),
                        t.pathOf(i.unitId()).map(path -> t.points(path, i.question(), policy)).orElse(null)))
                .toList();

        RoundService.Drift drift = rounds.drift(round, node.unit());
        metrics.served();
        ReportResponse report = new ReportResponse(round.id, round.title, round.status, node.id(), node.code(), node.name(),
                policy, shown(result.score()), BandView.of(result.band()), policies, belowEveryUnit(result, t),
                coverage(t, t.rows, drift), parts, questions, unitResults, children, unknowns,
                // The same objects as in questions (numbered 1 to 25 in order): no second list of unknown units.
                result.lowest(LOWEST).stream().map(q -> questions.get(q.number() - 1)).toList(),
                improvements(result, t), toFindOut, previous == null ? null : previous.view(), actionItems, previousItems,
                approvals(round, node), round.catalogId, round.catalogVersion,
                // A closed round's figures are the same whenever they are asked for, their time included.
                round.isOpen() ? OffsetDateTime.now(ZoneOffset.UTC) : round.closedAt);
        return new Built(report, t);
    }

    private Tallied tally(Round round, Node node) {
        return new Tallied(round, node, repository.participants(round.id, node.path()),
                repository.others(round.id, node.path()));
    }

    /**
     * A round's participants under a node, each stored sheet parsed once and counted once, with the names of the
     * round's picture to write each unit's path below the node.
     */
    private static final class Tallied {

        final Round round;
        final Node node;
        final List<ReportRepository.ParticipantRow> rows;
        final Map<Long, ReportRepository.ParticipantRow> byId;
        final Map<Long, Sheet> sheetById;
        final Tally.Counted counted;
        /** Names and paths of the units of the picture that do not take part (the node, sites). */
        private final Map<Long, ReportRepository.PictureRow> others = new HashMap<>();
        private final Map<String, Optional<Tally.Result>> bySubtree = new HashMap<>();

        Tallied(Round round, Node node, List<ReportRepository.ParticipantRow> rows,
                List<ReportRepository.PictureRow> others) {
            this.round = round;
            this.node = node;
            this.rows = rows;
            this.byId = new HashMap<>(rows.size() * 4 / 3 + 1);
            this.sheetById = new HashMap<>(rows.size() * 4 / 3 + 1);
            List<Sheet> sheets = new ArrayList<>(rows.size());
            for (ReportRepository.ParticipantRow row : rows) {
                byId.put(row.unitId(), row);
                if (row.answers() != null) {
                    Sheet sheet = Sheet.of(row.unitId(), row.headcount(), row.answers());
                    sheets.add(sheet);
                    sheetById.put(row.unitId(), sheet);
                }
            }
            this.counted = Tally.count(sheets);
            others.forEach(o -> this.others.put(o.unitId(), o));
        }

        ReportResponse.UnitRef unitRef(long id) {
            ReportRepository.ParticipantRow row = byId.get(id);
            return new ReportResponse.UnitRef(id, row.code(), row.name());
        }

        private String name(long unitId) {
            ReportRepository.ParticipantRow row = byId.get(unitId);
            if (row != null) {
                return row.name();
            }
            ReportRepository.PictureRow other = others.get(unitId);
            return other != null ? other.name() : String.valueOf(unitId);
        }

        /** The units between the node and the one at the path, by name ("東京本社 / 総務部"); the node's own name for it. */
        String label(String path) {
            if (!path.startsWith(node.path()) || path.length() == node.path().length()) {
                return node.name();
            }
            StringBuilder label = new StringBuilder();
            for (String id : path.substring(node.path().length(), path.length() - 1).split("/")) {
                if (!label.isEmpty()) {
                    label.append(PATH_SEPARATOR);
                }
                label.append(name(Long.parseLong(id)));
            }
            return label.toString();
        }

        /** The name of the node's child a unit deeper down lies under (its site); null for the node and its children. */
        String site(String path) {
            int end = path.indexOf('/', node.path().length());
            if (!path.startsWith(node.path()) || end < 0 || end == path.length() - 1) {
                return null;
            }
            return name(Long.parseLong(path.substring(node.path().length(), end)));
        }

        /** The unit's path in this round's picture, if it is there under the node. */
        Optional<String> pathOf(long unitId) {
            ReportRepository.ParticipantRow row = byId.get(unitId);
            if (row != null) {
                return Optional.of(row.path());
            }
            return Optional.ofNullable(others.get(unitId)).map(ReportRepository.PictureRow::path);
        }

        /** The question's points over the sheets under the path; null without a sheet there or a score for the policy. */
        BigDecimal points(String path, int question, Policy policy) {
            return bySubtree.computeIfAbsent(path, p -> {
                List<Sheet> under = rows.stream().filter(r -> r.answers() != null && r.path().startsWith(p))
                        .map(r -> sheetById.get(r.unitId())).toList();
                try {
                    return under.isEmpty() ? Optional.empty() : Optional.of(Tally.of(under, policy));
                } catch (Tally.MissingHeadcountException e) {
                    return Optional.empty();
                }
            }).map(r -> rounded(r.questions().get(question - 1).value())).orElse(null);
        }
    }

    private ReportResponse.QuestionResult question(Tally.QuestionResult q, Tallied t) {
        List<ReportResponse.UnitRef> unknown = q.unknownUnits().stream().map(t::unitRef).toList();
        return new ReportResponse.QuestionResult(q.number(), Part.of(q.number()).number(), catalog.question(q.number()),
                q.answer(), rounded(q.value()), q.distribution(), unknown);
    }

    /** Coverage of the rows; with the drift for the report's own node, without it (null) for a child. */
    private static ReportResponse.Coverage coverage(Tallied t, List<ReportRepository.ParticipantRow> rows,
                                                    RoundService.Drift drift) {
        List<ReportResponse.MissingUnit> missing = rows.stream().filter(r -> r.answers() == null)
                .map(r -> new ReportResponse.MissingUnit(r.unitId(), r.code(), r.name(), t.label(r.path()))).toList();
        return new ReportResponse.Coverage(rows.size(), rows.size() - missing.size(), missing,
                drift == null ? null : drift.notParticipating(), drift == null ? null : drift.participantsWithChildren());
    }

    /**
     * One row per direct child subtree that has participants, tallied under the same policy; their exact scores
     * go to {@code scores} for the year on year.
     */
    private List<ReportResponse.ChildResult> children(Tallied t, Policy policy, Map<Long, Score> scores) {
        List<ReportResponse.ChildResult> children = new ArrayList<>();
        // The rows grouped by the child subtree they lie in, in one pass (a child's path is the node's path
        // plus one segment), instead of a scan of every row for every child.
        Map<String, List<ReportRepository.ParticipantRow>> byChild = new HashMap<>();
        String nodePath = t.node.path();
        for (ReportRepository.ParticipantRow r : t.rows) {
            int end = r.path().indexOf('/', nodePath.length());
            if (r.path().startsWith(nodePath) && end > 0) {
                byChild.computeIfAbsent(r.path().substring(0, end + 1), k -> new ArrayList<>()).add(r);
            }
        }
        for (ReportRepository.ChildRow child : repository.children(t.round.id, t.node.id())) {
            List<ReportRepository.ParticipantRow> under = byChild.getOrDefault(child.path(), List.of());
            if (under.isEmpty()) {
                continue;
            }
            List<Sheet> sheets = under.stream().filter(r -> r.answers() != null).map(r -> t.sheetById.get(r.unitId())).toList();
            Tally.Result r;
            try {
                r = Tally.of(sheets, policy);
            } catch (Tally.MissingHeadcountException e) {
                r = null;
            }
            if (r != null && r.score() != null) {
                scores.put(child.unitId(), r.score());
            }
            int unknown = (int) under.stream().filter(u -> u.answers() != null)
                    .flatMapToInt(u -> u.answers().chars()).filter(c -> c == Answer.UNKNOWN.letter()).count();
            children.add(new ReportResponse.ChildResult(child.unitId(), child.code(), child.name(),
                    r == null ? null : shown(r.score()), r == null ? null : BandView.of(r.band()), coverage(t, under, null),
                    unknown));
        }
        return children;
    }

    /**
     * The questions to improve first: ranked by the mean points of the answers other than わからない (those are
     * to find out, not to improve), lowest first; a question every such answer implements is never among them.
     */
    private List<ReportResponse.Improvement> improvements(Tally.Result result, Tallied t) {
        record Candidate(Tally.QuestionResult question, Score knownMean, int below) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Tally.QuestionResult q : result.questions()) {
            int implemented = q.distribution().get(Answer.IMPLEMENTED);
            int partial = q.distribution().get(Answer.PARTIAL);
            int known = implemented + partial + q.distribution().get(Answer.NOT_IMPLEMENTED);
            if (known > implemented) {
                candidates.add(new Candidate(q, new Score((long) Answer.IMPLEMENTED.points() * implemented
                        + (long) Answer.PARTIAL.points() * partial, known), known - implemented));
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparing(Candidate::knownMean).thenComparingInt(c -> c.question().number()))
                .limit(TO_IMPROVE)
                .map(c -> {
                    int number = c.question().number();
                    List<ReportResponse.UnitAnswer> holding = new ArrayList<>();
                    for (Answer wanted : List.of(Answer.NOT_IMPLEMENTED, Answer.PARTIAL)) {
                        for (ReportRepository.ParticipantRow r : t.rows) {
                            Sheet sheet = t.sheetById.get(r.unitId());
                            if (holding.size() < HOLDING_DOWN && sheet != null && sheet.answer(number) == wanted) {
                                holding.add(new ReportResponse.UnitAnswer(r.unitId(), r.code(), r.name(), t.label(r.path()), wanted));
                            }
                        }
                    }
                    return new ReportResponse.Improvement(number, Part.of(number).number(), catalog.question(number),
                            c.question().answer(), rounded(c.question().value()), c.knownMean().rounded(), c.below(), holding);
                }).toList();
    }

    /** Whether the score is lower than every unit's own (two units at least), which the human forms explain. */
    private static boolean belowEveryUnit(Tally.Result result, Tallied t) {
        return result.score() != null && t.sheetById.size() >= 2
                && t.sheetById.values().stream().allMatch(s -> result.score().compareTo(Score.of(s.score())) < 0);
    }

    /** The previous closed round at the node, tallied under the same policy, and the view the report shows of it. */
    private record YearOnYear(Tallied tallied, ReportResponse.YearOnYear view) {
    }

    private YearOnYear previous(Tallied current, Policy policy, Tally.Result now, Map<Long, Score> childScores) {
        Optional<Long> previousId = repository.previous(current.round.id, current.node.id());
        if (previousId.isEmpty()) {
            return null;
        }
        Round before = rounds.load(previousId.get());
        Tallied t = tally(before, pictured(before, current.node.unit()).orElseThrow());
        Tally.Result then;
        try {
            then = t.counted.tally(policy);
        } catch (Tally.MissingHeadcountException e) {
            then = null;
        }
        List<ReportResponse.PartChange> parts = new ArrayList<>();
        List<ReportResponse.QuestionChange> questions = new ArrayList<>();
        if (then != null) {
            for (int p = 0; p < Part.ALL.size(); p++) {
                Score previous = then.parts().get(p).score();
                parts.add(new ReportResponse.PartChange(p + 1, rounded(previous), change(now.parts().get(p).score(), previous)));
            }
            for (Tally.QuestionResult q : then.questions()) {
                questions.add(new ReportResponse.QuestionChange(q.number(), q.answer(), rounded(q.value()),
                        change(now.questions().get(q.number() - 1).value(), q.value())));
            }
        }
        Map<Long, Score> previousScores = new HashMap<>();
        List<ReportResponse.ChildChange> children = children(t, policy, previousScores).stream()
                .map(c -> new ReportResponse.ChildChange(c.unitId(), c.code(), c.name(), c.score(),
                        change(childScores.get(c.unitId()), previousScores.get(c.unitId())), c.coverage().expected(),
                        c.coverage().submitted()))
                .toList();
        long expected = t.rows.size();
        long submitted = t.sheetById.size();
        boolean differs = expected != current.rows.size() || submitted != current.sheetById.size();
        return new YearOnYear(t, new ReportResponse.YearOnYear(before.id, before.title, before.closedAt,
                then == null ? null : shown(then.score()), then == null ? null : BandView.of(then.band()),
                then == null ? null : change(now.score(), then.score()), expected, submitted, differs, parts, questions,
                children));
    }

    private static ReportResponse.PlanItem planItem(PlannedItem i, String path, BigDecimal before, BigDecimal now) {
        return new ReportResponse.PlanItem(i.id(), i.unitId(), i.unitCode(), i.unitName(), path, i.question(), i.action(),
                i.owner(), i.dueOn(), i.status(), before, now);
    }

    /** The approvals at the node, each current while the figures are still those it approved. */
    private List<ReportResponse.Approval> approvals(Round round, Node node) {
        List<ReportApproval> all = this.approvals.all(round.id, node.id());
        if (all.isEmpty()) {
            return List.of();
        }
        String figures = versions.figures(round.id, node.id());
        return all.stream().map(a -> new ReportResponse.Approval(a.id, a.approverName, a.approverTitle, a.comment, a.score,
                a.approvedAt, a.reportVersion.equals(figures))).toList();
    }

    private static BigDecimal rounded(Score score) {
        return score == null ? null : score.rounded();
    }

    /** A total beside its band (Score#shown). */
    private static BigDecimal shown(Score score) {
        return score == null ? null : score.shown();
    }

    /** Computed on the exact scores and rounded once, as the trend does, so both say the same. */
    private static BigDecimal change(Score now, Score before) {
        return now == null || before == null ? null : now.minus(before).rounded();
    }
}
