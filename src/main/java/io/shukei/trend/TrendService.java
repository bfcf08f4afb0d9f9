package io.shukei.trend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import io.shukei.catalog.BandView;
import io.shukei.http.QueryParams;
import io.shukei.tally.Policy;
import io.shukei.tally.Score;
import io.shukei.tally.Sheet;
import io.shukei.tally.Tally;
import io.shukei.unit.Unit;
import io.shukei.unit.UnitNamed;
import io.shukei.unit.UnitService;

/** Tallies a node in every round it took part in, and compares each round with the one before. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TrendService {

    /** Units named at most when a round's HEADCOUNT_MEAN lacks headcounts (all are counted). */
    private static final int NAMED = 10;

    private final TrendRepository repository;
    private final UnitService units;

    TrendService(TrendRepository repository, UnitService units) {
        this.repository = repository;
        this.units = units;
    }

    /**
     * @param policyParam the policy for every round; defaults to the latest round's, so the last point
     *                    equals that round's report
     */
    @Transactional
    @TransactionConfiguration(timeout = TrendRepository.LONG_SECONDS)
    public TrendResponse trend(long unitId, String policyParam) {
        Unit node = units.require(unitId);
        List<TrendRepository.RoundRow> rounds = repository.rounds(node.id);
        Policy requested = QueryParams.parse(Policy.class, policyParam, "policy");
        Policy policy = requested != null ? requested
                : rounds.isEmpty() ? Policy.CONSOLIDATED : rounds.get(rounds.size() - 1).policy();
        List<Long> roundIds = rounds.stream().map(TrendRepository.RoundRow::id).toList();
        Map<Long, Counts> byRound = new HashMap<>();
        roundIds.forEach(id -> byRound.put(id, new Counts()));
        // Sheets are counted as they are read: what the trend holds grows with rounds and children, not units.
        repository.participants(roundIds, node.id, row -> byRound.get(row.roundId()).add(row));
        Map<Long, List<TrendRepository.ChildRow>> childrenByRound = repository.children(roundIds, node.id).stream()
                .collect(Collectors.groupingBy(TrendRepository.ChildRow::roundId));

        List<TrendResponse.RoundPoint> points = new ArrayList<>();
        Tally.Result previous = null;
        Map<Long, Score> previousChildren = Map.of();
        for (TrendRepository.RoundRow round : rounds) {
            Counts counts = byRound.get(round.id());
            Tally.Result result;
            try {
                result = counts.node.tally(policy);
            } catch (Tally.MissingHeadcountException e) {
                throw UnitNamed.missingHeadcount(e.unitIds(), repository.named(round.id(), e.unitIds()), e.count());
            }
            List<TrendResponse.QuestionPoint> questions = new ArrayList<>();
            for (Tally.QuestionResult q : result.questions()) {
                Score before = previous == null ? null : previous.questions().get(q.number() - 1).value();
                questions.add(new TrendResponse.QuestionPoint(q.number(), q.answer(), rounded(q.value()), change(q.value(), before)));
            }
            Map<Long, Score> childScores = new HashMap<>();
            List<TrendResponse.ChildPoint> childPoints = new ArrayList<>();
            for (TrendRepository.ChildRow child : childrenByRound.getOrDefault(round.id(), List.of())) {
                Tally.Counted under = counts.children.get(child.unitId());
                if (under == null) {
                    continue;
                }
                Score score = childScore(under, policy);
                childScores.put(child.unitId(), score);
                childPoints.add(new TrendResponse.ChildPoint(child.unitId(), child.code(), child.name(), shown(score),
                        change(score, previousChildren.get(child.unitId()))));
            }
            points.add(new TrendResponse.RoundPoint(round.id(), round.title(), round.status(), round.createdAt(),
                    round.closedAt(), shown(result.score()), BandView.of(result.band()),
                    change(result.score(), previous == null ? null : previous.score()), counts.participants,
                    counts.node.units(), questions, childPoints));
            previous = result;
            previousChildren = childScores;
        }
        return new TrendResponse(node.id, node.code, node.name, policy, points);
    }

    /** One round's counts: the node's, and each child's that a participant lies under. */
    private static final class Counts {
        final Tally.Counted node = Tally.counting(NAMED);
        final Map<Long, Tally.Counted> children = new HashMap<>();
        long participants;

        void add(TrendRepository.ParticipantRow row) {
            participants++;
            // A child with participants is listed even before any of them has submitted (without a score).
            Tally.Counted child = row.childId() == null ? null
                    : children.computeIfAbsent(row.childId(), id -> Tally.counting(0));
            if (row.answers() == null) {
                return;
            }
            Sheet sheet = Sheet.of(row.unitId(), row.headcount(), row.answers());
            node.add(sheet);
            if (child != null) {
                child.add(sheet);
            }
        }
    }

    /** A child without every headcount has no HEADCOUNT_MEAN score; the node's own score already refuses it. */
    private static Score childScore(Tally.Counted counted, Policy policy) {
        try {
            return counted.tally(policy).score();
        } catch (Tally.MissingHeadcountException e) {
            return null;
        }
    }

    private static BigDecimal rounded(Score score) {
        return score == null ? null : score.rounded();
    }

    /** A total beside its band (Score#shown). */
    private static BigDecimal shown(Score score) {
        return score == null ? null : score.shown();
    }

    /** Computed on the exact scores and rounded once, so a change is never off by a rounding step. */
    private static BigDecimal change(Score now, Score before) {
        return now == null || before == null ? null : now.minus(before).rounded();
    }
}
