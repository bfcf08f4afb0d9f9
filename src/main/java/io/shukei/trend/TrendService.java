package io.shukei.trend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
    public TrendResponse trend(long unitId, String policyParam) {
        Unit node = units.require(unitId);
        List<TrendRepository.RoundRow> rounds = repository.rounds(node.id);
        Policy requested = QueryParams.parse(Policy.class, policyParam, "policy");
        Policy policy = requested != null ? requested
                : rounds.isEmpty() ? Policy.CONSOLIDATED : rounds.get(rounds.size() - 1).policy();
        List<Long> roundIds = rounds.stream().map(TrendRepository.RoundRow::id).toList();
        Map<Long, List<TrendRepository.ParticipantRow>> byRound = repository.participants(roundIds, node.id).stream()
                .collect(Collectors.groupingBy(TrendRepository.ParticipantRow::roundId));
        Map<Long, List<TrendRepository.ChildRow>> childrenByRound = repository.children(roundIds, node.id).stream()
                .collect(Collectors.groupingBy(TrendRepository.ChildRow::roundId));

        List<TrendResponse.RoundPoint> points = new ArrayList<>();
        Tally.Result previous = null;
        Map<Long, Score> previousChildren = Map.of();
        for (TrendRepository.RoundRow round : rounds) {
            List<TrendRepository.ParticipantRow> rows = byRound.getOrDefault(round.id(), List.of());
            Tally.Result result;
            try {
                result = Tally.of(sheets(rows), policy);
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
                List<TrendRepository.ParticipantRow> under = rows.stream().filter(r -> r.path().startsWith(child.path())).toList();
                if (under.isEmpty()) {
                    continue;
                }
                Score score = childScore(under, policy);
                childScores.put(child.unitId(), score);
                childPoints.add(new TrendResponse.ChildPoint(child.unitId(), child.code(), child.name(), shown(score),
                        change(score, previousChildren.get(child.unitId()))));
            }
            points.add(new TrendResponse.RoundPoint(round.id(), round.title(), round.status(), round.createdAt(),
                    round.closedAt(), shown(result.score()), BandView.of(result.band()),
                    change(result.score(), previous == null ? null : previous.score()), rows.size(),
                    rows.stream().filter(r -> r.answers() != null).count(), questions, childPoints));
            previous = result;
            previousChildren = childScores;
        }
        return new TrendResponse(node.id, node.code, node.name, policy, points);
    }

    private static List<Sheet> sheets(List<TrendRepository.ParticipantRow> rows) {
        return rows.stream().filter(r -> r.answers() != null)
                .map(r -> Sheet.of(r.unitId(), r.headcount(), r.answers())).toList();
    }

    /** A child without every headcount has no HEADCOUNT_MEAN score; the node's own score already refuses it. */
    private static Score childScore(List<TrendRepository.ParticipantRow> rows, Policy policy) {
        try {
            return Tally.of(sheets(rows), policy).score();
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
