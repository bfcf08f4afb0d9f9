package io.shukei.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

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
    /** Units named per question that answered わからない, and units named without a headcount. */
    private static final int NAMED = 10;
    /** Missing units and わからない answers listed at the node (all are counted); per child, missing units listed. */
    private static final int LISTED = 100;
    private static final int LISTED_PER_CHILD = 10;
    /** The longest an export's transaction may stream rows (a workbook of 100,000 units takes tens of seconds). */
    private static final int EXPORT_SECONDS = 600;
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

    /**
     * The report at the node: its size and what it takes to build do not grow with the number of units under it
     * (the rows are counted as they stream from the database; per-unit lists are the first ones, and counted).
     */
    @Transactional
    public ReportResponse report(long roundId, Long unitId, String policyParam) {
        return build(roundId, unitId, policyParam).report();
    }

    /**
     * Writes the report in a file form: the writer gets the report and every submitted sheet under the node, read
     * from the database in tree order while it writes (so within this call's transaction), never held whole.
     */
    @Transactional
    @TransactionConfiguration(timeout = EXPORT_SECONDS)
    <T> T document(long roundId, Long unitId, String policyParam, Function<ReportDocument, T> writer) {
        // One snapshot for the tally and every row read after it: the file's summary counts the units it lists.
        repository.readOneSnapshot();
        // A large organisation's file takes longer to write, reading its rows again for each part, than the
        // session's idle limit allows.
        repository.allowLongStatements(java.time.Duration.ofSeconds(EXPORT_SECONDS));
        Built built = build(roundId, unitId, policyParam);
        Pass t = built.pass();
        long organisationId = t.node.unit().organisationId();
        Optional<RoundUnit> organisation = rounds.pictured(roundId, organisationId);
        String organisationPath = organisation.map(RoundUnit::path).orElseGet(() -> units.load(organisationId).path);
        // Human forms name the organisation only for a caller who may see it.
        String organisationName = !access.canSee(organisationPath) ? null
                : organisation.map(RoundUnit::name).orElseGet(() -> units.load(organisationId).name);
        ReportDocument.Sheets sheets = each -> repository.sheets(roundId, t.node.path(), s -> {
            String path = t.label(s.path(), s.unitId(), s.name());
            String site = t.site(s.path());
            each.accept(new ReportDocument.SheetLine(s, path, site,
                    site == null ? path : path.substring(site.length() + PATH_SEPARATOR.length())));
        });
        return writer.apply(new ReportDocument(built.report(), organisationName, sheets));
    }

    /**
     * One page of the units under the node that have submitted, in tree order, after the cursor (null: from the
     * first); the page holds at most {@code limit} units, and the cursor of the next page when there is one.
     */
    UnitPage units(long roundId, long nodeId, String cursor, int limit) {
        Round round = rounds.require(roundId);
        Node node = resolveNode(round, nodeId);
        List<ReportRepository.ParticipantRow> rows = repository.submitted(roundId, node.path(), ReportCursor.decode(cursor),
                limit + 1);
        Map<Long, String> names = new HashMap<>();
        repository.others(roundId, node.path()).forEach(o -> names.put(o.unitId(), o.name()));
        List<ReportResponse.UnitResult> page = rows.stream().limit(limit).map(r -> {
            Sheet sheet = Sheet.of(r.unitId(), r.headcount(), r.answers());
            return new ReportResponse.UnitResult(r.unitId(), r.code(), r.name(),
                    label(node, r.path(), id -> id == r.unitId() ? r.name() : names.get(id)), r.headcount(), sheet.score(),
                    BandView.of(Band.of(Score.of(sheet.score()))), r.revision(), r.respondent(), r.submittedAt(), r.revisedAt());
        }).toList();
        String next = rows.size() > limit ? ReportCursor.encode(rows.get(limit - 1).path()) : null;
        return new UnitPage(page, next);
    }

    /** A page of units and the cursor of the next one (null on the last). */
    record UnitPage(List<ReportResponse.UnitResult> units, String next) {
    }

    private record Built(ReportResponse report, Pass pass) {
    }

    private Built build(long roundId, Long unitId, String policyParam) {
        Round round = rounds.require(roundId);
        Node node = resolveNode(round, unitId);
        Policy policy = policyParam == null || policyParam.isBlank() ? round.policy
                : QueryParams.parse(Policy.class, policyParam, "policy");

        // What the plans need counted besides the node (their units' subtrees) is known before the rows are read.
        Round before = repository.previous(round.id, node.id()).map(rounds::load).orElse(null);
        Node beforeNode = before == null ? null : pictured(before, node.unit()).orElseThrow();
        List<PlannedItem> items = plan.under(round.id, node.path());
        List<PlannedItem> beforeItems = before == null ? List.of() : plan.under(before.id, beforeNode.path());
        Map<Long, String> pathsNow = repository.paths(round.id, beforeItems.stream().map(PlannedItem::unitId).toList());
        Set<String> subtrees = new HashSet<>(pathsNow.values());
        items.forEach(i -> subtrees.add(i.unitPath()));
        Pass t = pass(round, node, subtrees);

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
                policies.put(p, new ReportResponse.PolicyScore(null, null, "units without a headcount: "
                        + UnitNamed.list(named, Language.EN) + UnitNamed.more(named, e.count(), Language.EN), e.unitIds(), named));
                if (p == policy) {
                    throw UnitNamed.missingHeadcount(e.unitIds(), named, e.count());
                }
            }
        }

        List<ReportResponse.QuestionResult> questions = result.questions().stream().map(q -> question(q, t)).toList();
        List<ReportResponse.PartResult> parts = result.parts().stream().map(p -> new ReportResponse.PartResult(
                p.part().number(), catalog.partTitle(p.part().number()), rounded(p.score()), p.part().maxPoints())).toList();
        List<ReportResponse.FindOut> toFindOut = new ArrayList<>();
        for (Tally.QuestionResult q : result.questions()) {
            int unknown = q.distribution().get(Answer.UNKNOWN);
            if (unknown > 0) {
                toFindOut.add(new ReportResponse.FindOut(q.number(), unknown));
            }
        }
        Map<Long, Score> childScores = new HashMap<>();
        List<ReportResponse.ChildResult> children = children(t, policy, childScores);

        Pass b = before == null ? null : pass(before, beforeNode,
                beforeItems.stream().map(PlannedItem::unitPath).collect(Collectors.toSet()));
        ReportResponse.YearOnYear previous = b == null ? null : previous(t, b, policy, result, childScores);
        List<ReportResponse.PlanItem> actionItems = items.stream()
                .map(i -> planItem(i, t.label(i.unitPath()), null, t.points(i.unitPath(), i.question(), policy))).toList();
        List<ReportResponse.PlanItem> previousItems = b == null ? List.of() : beforeItems.stream()
                .map(i -> planItem(i, b.label(i.unitPath()), b.points(i.unitPath(), i.question(), policy),
                        pathsNow.containsKey(i.unitId()) ? t.points(pathsNow.get(i.unitId()), i.question(), policy) : null))
                .toList();

        RoundService.Drift drift = rounds.drift(round, node.unit());
        metrics.served();
        ReportResponse report = new ReportResponse(round.id, round.title, round.status, node.id(), node.code(), node.name(),
                policy, shown(result.score()), BandView.of(result.band()), policies, belowEveryUnit(result, t),
                coverage(t.expected, t.counted.units(), t.missing, drift), parts, questions, null, null, children,
                t.unknowns(), t.unknownAnswers,
                // The same objects as in questions (numbered 1 to 25 in order): no second list of unknown units.
                result.lowest(LOWEST).stream().map(q -> questions.get(q.number() - 1)).toList(),
                improvements(result, t), toFindOut, previous, actionItems, previousItems,
                approvals(round, node), round.catalogId, round.catalogVersion,
                // A closed round's figures are the same whenever they are asked for, their time included.
                round.isOpen() ? OffsetDateTime.now(ZoneOffset.UTC) : round.closedAt);
        return new Built(report, t);
    }

    /** Reads the round's participants under the node once, counting them into a pass. */
    private Pass pass(Round round, Node node, Set<String> subtrees) {
        Pass pass = new Pass(round, node, repository.others(round.id, node.path()),
                repository.children(round.id, node.id()), subtrees);
        repository.participants(round.id, node.path(), pass::add);
        return pass;
    }

    /**
     * The units between the node and the one at the path, by name ("東京本社 / 総務部"); the node's own name for it.
     * A unit whose name is not known (not in the round's picture) is written by its id.
     */
    private static String label(Node node, String path, LongFunction<String> name) {
        if (!path.startsWith(node.path()) || path.length() == node.path().length()) {
            return node.name();
        }
        StringBuilder label = new StringBuilder();
        for (String id : path.substring(node.path().length(), path.length() - 1).split("/")) {
            if (!label.isEmpty()) {
                label.append(PATH_SEPARATOR);
            }
            String named = name.apply(Long.parseLong(id));
            label.append(named != null ? named : id);
        }
        return label.toString();
    }

    /** A child subtree's participants counted as they are read. */
    private static final class Child {
        final ReportRepository.ChildRow row;
        final Tally.Counted counted = Tally.counting(0);
        final List<ReportResponse.MissingUnit> missing = new ArrayList<>();
        long expected;
        int unknownAnswers;

        Child(ReportRepository.ChildRow row) {
            this.row = row;
        }
    }

    /**
     * A round's participants under a node, counted as they stream from the database in tree order: the node's
     * counts, each child subtree's, those of the subtrees the plans name, the first missing units and わからない
     * answers, the units named in the counts, the first units that hold each question down, and the lowest score
     * of a unit. Nothing in it grows with the number of participants beyond those bounds.
     */
    private static final class Pass {

        final Round round;
        final Node node;
        final Tally.Counted counted = Tally.counting(NAMED);
        long expected;
        final List<ReportResponse.MissingUnit> missing = new ArrayList<>();
        long unknownAnswers;
        Integer lowestScore;
        final Map<String, Child> children = new LinkedHashMap<>();
        /** Names and paths of the units of the picture that do not take part (the node, sites). */
        private final Map<Long, ReportRepository.PictureRow> others = new HashMap<>();
        private final Map<String, Tally.Counted> subtrees = new HashMap<>();
        /** Names of the participants the plans name (their paths are among the subtrees), by id. */
        private final Map<Long, String> planned = new HashMap<>();
        /** The units named in the counts (わからない, no headcount), by id. */
        private final Map<Long, ReportResponse.UnitRef> named = new HashMap<>();
        private final int[] namedUnknown = new int[Part.QUESTIONS];
        private int namedWithoutHeadcount;
        private final List<List<ReportResponse.UnknownAnswer>> unknowns = new ArrayList<>(Part.QUESTIONS);
        private final List<List<ReportResponse.UnitAnswer>> notImplemented = new ArrayList<>(Part.QUESTIONS);
        private final List<List<ReportResponse.UnitAnswer>> partial = new ArrayList<>(Part.QUESTIONS);

        Pass(Round round, Node node, List<ReportRepository.PictureRow> others, List<ReportRepository.ChildRow> children,
             Set<String> subtrees) {
            this.round = round;
            this.node = node;
            others.forEach(o -> this.others.put(o.unitId(), o));
            children.forEach(c -> this.children.put(c.path(), new Child(c)));
            subtrees.forEach(p -> this.subtrees.put(p, Tally.counting(0)));
            for (int q = 0; q < Part.QUESTIONS; q++) {
                unknowns.add(new ArrayList<>());
                notImplemented.add(new ArrayList<>());
                partial.add(new ArrayList<>());
            }
        }

        void add(ReportRepository.ParticipantRow row) {
            expected++;
            String path = row.path();
            int end = path.startsWith(node.path()) ? path.indexOf('/', node.path().length()) : -1;
            Child child = end > 0 ? children.get(path.substring(0, end + 1)) : null;
            if (child != null) {
                child.expected++;
            }
            if (subtrees.containsKey(path)) {
                planned.put(row.unitId(), row.name());
            }
            if (row.answers() == null) {
                boolean listed = missing.size() < LISTED;
                boolean listedInChild = child != null && child.missing.size() < LISTED_PER_CHILD;
                if (listed || listedInChild) {
                    ReportResponse.MissingUnit unit = new ReportResponse.MissingUnit(row.unitId(), row.code(), row.name(),
                            label(path, row));
                    if (listed) {
                        missing.add(unit);
                    }
                    if (listedInChild) {
                        child.missing.add(unit);
                    }
                }
                return;
            }
            Sheet sheet = Sheet.of(row.unitId(), row.headcount(), row.answers());
            counted.add(sheet);
            if (child != null) {
                child.counted.add(sheet);
            }
            if (!subtrees.isEmpty()) {
                for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
                    Tally.Counted under = subtrees.get(path.substring(0, slash + 1));
                    if (under != null) {
                        under.add(sheet);
                    }
                }
            }
            lowestScore = lowestScore == null ? sheet.score() : Math.min(lowestScore, sheet.score());
            if ((row.headcount() == null || row.headcount() <= 0) && namedWithoutHeadcount++ < NAMED) {
                name(row);
            }
            for (int q = 1; q <= Part.QUESTIONS; q++) {
                Answer answer = sheet.answer(q);
                if (answer == Answer.UNKNOWN) {
                    unknownAnswers++;
                    if (child != null) {
                        child.unknownAnswers++;
                    }
                    if (namedUnknown[q - 1]++ < NAMED) {
                        name(row);
                    }
                    List<ReportResponse.UnknownAnswer> listed = unknowns.get(q - 1);
                    if (listed.size() < LISTED) {
                        listed.add(new ReportResponse.UnknownAnswer(q, row.unitId(), row.code(), row.name(), label(path, row)));
                    }
                } else if (answer == Answer.NOT_IMPLEMENTED || answer == Answer.PARTIAL) {
                    List<ReportResponse.UnitAnswer> holding = (answer == Answer.NOT_IMPLEMENTED ? notImplemented : partial)
                            .get(q - 1);
                    if (holding.size() < HOLDING_DOWN) {
                        holding.add(new ReportResponse.UnitAnswer(row.unitId(), row.code(), row.name(), label(path, row), answer));
                    }
                }
            }
        }

        private void name(ReportRepository.ParticipantRow row) {
            named.putIfAbsent(row.unitId(), new ReportResponse.UnitRef(row.unitId(), row.code(), row.name()));
        }

        private String label(String path, ReportRepository.ParticipantRow row) {
            return label(path, row.unitId(), row.name());
        }

        /** The path's label for a unit of the pass, whose own name the caller has. */
        String label(String path, long unitId, String unitName) {
            return ReportService.label(node, path, id -> id == unitId ? unitName : name(id));
        }

        ReportResponse.UnitRef unitRef(long id) {
            return named.get(id);
        }

        /** The first わからない answers, by question then tree order. */
        List<ReportResponse.UnknownAnswer> unknowns() {
            return unknowns.stream().flatMap(List::stream).limit(LISTED).toList();
        }

        /** The first units that answered 実施していない to the question, then those that answered 一部実施している. */
        List<ReportResponse.UnitAnswer> holdingDown(int question) {
            return Stream.concat(notImplemented.get(question - 1).stream(), partial.get(question - 1).stream())
                    .limit(HOLDING_DOWN).toList();
        }

        private String name(long unitId) {
            ReportRepository.PictureRow other = others.get(unitId);
            return other != null ? other.name() : planned.get(unitId);
        }

        /** The units between the node and the one at the path, by name; the node's own name for it. */
        String label(String path) {
            return ReportService.label(node, path, this::name);
        }

        /** The name of the node's child a unit deeper down lies under (its site); null for the node and its children. */
        String site(String path) {
            int end = path.indexOf('/', node.path().length());
            if (!path.startsWith(node.path()) || end < 0 || end == path.length() - 1) {
                return null;
            }
            return label(path.substring(0, end + 1));
        }

        /** The question's points over the sheets under the path; null without a sheet there or a score for the policy. */
        BigDecimal points(String path, int question, Policy policy) {
            Tally.Counted under = subtrees.get(path);
            if (under == null || under.units() == 0) {
                return null;
            }
            try {
                return rounded(under.tally(policy).questions().get(question - 1).value());
            } catch (Tally.MissingHeadcountException e) {
                return null;
            }
        }
    }

    private ReportResponse.QuestionResult question(Tally.QuestionResult q, Pass t) {
        List<ReportResponse.UnitRef> unknown = q.unknownUnits().stream().map(t::unitRef).toList();
        return new ReportResponse.QuestionResult(q.number(), Part.of(q.number()).number(), catalog.question(q.number()),
                q.answer(), rounded(q.value()), q.distribution(), unknown);
    }

    /** Coverage: with the drift for the report's own node, without it (null) for a child. */
    private static ReportResponse.Coverage coverage(long expected, long submitted, List<ReportResponse.MissingUnit> missing,
                                                    RoundService.Drift drift) {
        return new ReportResponse.Coverage(expected, submitted, missing,
                drift == null ? null : drift.notParticipating(), drift == null ? null : drift.participantsWithChildren());
    }

    /**
     * One row per direct child subtree that has participants, tallied under the same policy; their exact scores
     * go to {@code scores} for the year on year.
     */
    private static List<ReportResponse.ChildResult> children(Pass t, Policy policy, Map<Long, Score> scores) {
        List<ReportResponse.ChildResult> children = new ArrayList<>();
        for (Child child : t.children.values()) {
            if (child.expected == 0) {
                continue;
            }
            Tally.Result r;
            try {
                r = child.counted.tally(policy);
            } catch (Tally.MissingHeadcountException e) {
                r = null;
            }
            if (r != null && r.score() != null) {
                scores.put(child.row.unitId(), r.score());
            }
            children.add(new ReportResponse.ChildResult(child.row.unitId(), child.row.code(), child.row.name(),
                    r == null ? null : shown(r.score()), r == null ? null : BandView.of(r.band()),
                    coverage(child.expected, child.counted.units(), child.missing, null), child.unknownAnswers));
        }
        return children;
    }

    /**
     * The questions to improve first: ranked by the mean points of the answers other than わからない (those are
     * to find out, not to improve), lowest first; a question every such answer implements is never among them.
     */
    private List<ReportResponse.Improvement> improvements(Tally.Result result, Pass t) {
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
                    List<ReportResponse.UnitAnswer> holding = t.holdingDown(number);
                    return new ReportResponse.Improvement(number, Part.of(number).number(), catalog.question(number),
                            c.question().answer(), rounded(c.question().value()), c.knownMean().rounded(), c.below(), holding);
                }).toList();
    }

    /** Whether the score is lower than every unit's own (two units at least), which the human forms explain. */
    private static boolean belowEveryUnit(Tally.Result result, Pass t) {
        return result.score() != null && t.counted.units() >= 2 && result.score().compareTo(Score.of(t.lowestScore)) < 0;
    }

    /** The previous closed round at the node (its pass), tallied under the same policy, as the report shows it. */
    private static ReportResponse.YearOnYear previous(Pass current, Pass t, Policy policy, Tally.Result now,
                                                      Map<Long, Score> childScores) {
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
        long expected = t.expected;
        long submitted = t.counted.units();
        boolean differs = expected != current.expected || submitted != current.counted.units();
        return new ReportResponse.YearOnYear(t.round.id, t.round.title, t.round.closedAt,
                then == null ? null : shown(then.score()), then == null ? null : BandView.of(then.band()),
                then == null ? null : change(now.score(), then.score()), expected, submitted, differs, parts, questions,
                children);
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
