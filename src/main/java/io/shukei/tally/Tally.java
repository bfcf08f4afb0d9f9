package io.shukei.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Combines the sheets of several units into one organisation-wide result, per question first and
 * then summed, as IPA tells the responsible person to (DOMAIN §4). Site totals are never added up.
 */
public final class Tally {

    private static final Answer[] ANSWERS = Answer.values();

    private Tally() {
    }

    /**
     * Tallies the given sheets under one policy.
     *
     * @throws MissingHeadcountException for HEADCOUNT_MEAN when a unit has no headcount
     */
    public static Result of(List<Sheet> sheets, Policy policy) {
        if (policy == Policy.HEADCOUNT_MEAN) {
            List<Long> missing = sheets.stream()
                    .filter(s -> s.headcount() == null || s.headcount() <= 0)
                    .map(Sheet::unitId).toList();
            if (!missing.isEmpty()) {
                throw new MissingHeadcountException(missing);
            }
        }
        List<QuestionResult> questions = new ArrayList<>(Part.QUESTIONS);
        for (int q = 1; q <= Part.QUESTIONS; q++) {
            questions.add(question(sheets, q, policy));
        }
        Score total = sheets.isEmpty() ? null : sum(questions, 1, Part.QUESTIONS);
        List<PartResult> parts = Part.ALL.stream()
                .map(p -> new PartResult(p, sheets.isEmpty() ? null : sum(questions, p.firstQuestion(), p.lastQuestion())))
                .toList();
        return new Result(policy, total, questions, parts);
    }

    private static QuestionResult question(List<Sheet> sheets, int q, Policy policy) {
        // One pass over the sheets with plain counters (a report over 10,000 units runs this 25 times per policy).
        int[] counts = new int[ANSWERS.length];
        Answer weakest = null;
        List<Long> unknownUnits = new ArrayList<>();
        for (Sheet s : sheets) {
            Answer a = s.answer(q);
            counts[a.ordinal()]++;
            if (weakest == null || a.points() < weakest.points()) {
                weakest = a;
            }
            if (a == Answer.UNKNOWN) {
                unknownUnits.add(s.unitId());
            }
        }
        Map<Answer, Integer> distribution = new EnumMap<>(Answer.class);
        for (Answer a : ANSWERS) {
            distribution.put(a, counts[a.ordinal()]);
        }
        if (sheets.isEmpty()) {
            return new QuestionResult(q, null, null, distribution, unknownUnits);
        }
        Answer answer = switch (policy) {
            case CONSOLIDATED -> consolidated(distribution, sheets.size());
            case WEAKEST -> weakest;
            case MEAN, HEADCOUNT_MEAN -> null;
        };
        Score value = switch (policy) {
            case CONSOLIDATED, WEAKEST -> Score.of(answer.points());
            case MEAN -> weightedMean(sheets, q, s -> 1L);
            case HEADCOUNT_MEAN -> weightedMean(sheets, q, s -> (long) s.headcount());
        };
        return new QuestionResult(q, answer, value, distribution, unknownUnits);
    }

    private static Answer consolidated(Map<Answer, Integer> distribution, int units) {
        if (distribution.get(Answer.UNKNOWN) > 0) {
            return Answer.UNKNOWN;
        }
        if (distribution.get(Answer.IMPLEMENTED) == units) {
            return Answer.IMPLEMENTED;
        }
        if (distribution.get(Answer.NOT_IMPLEMENTED) == units) {
            return Answer.NOT_IMPLEMENTED;
        }
        return Answer.PARTIAL;
    }

    private static Score weightedMean(List<Sheet> sheets, int q, Function<Sheet, Long> weight) {
        long weighted = 0;
        long total = 0;
        for (Sheet s : sheets) {
            long w = weight.apply(s);
            weighted = Math.addExact(weighted, Math.multiplyExact(w, s.answer(q).points()));
            total = Math.addExact(total, w);
        }
        return new Score(weighted, total);
    }

    private static Score sum(List<QuestionResult> questions, int first, int last) {
        Score sum = Score.of(0);
        for (int q = first; q <= last; q++) {
            sum = sum.plus(questions.get(q - 1).value());
        }
        return sum;
    }

    /** The organisation's result under one policy; {@code score} is null when no sheet took part. */
    public record Result(Policy policy, Score score, List<QuestionResult> questions, List<PartResult> parts) {

        public Band band() {
            return score == null ? null : Band.of(score);
        }

        /** The questions with the fewest points, lowest first; ties keep question order. */
        public List<QuestionResult> lowest(int count) {
            if (score == null) {
                return List.of();
            }
            return questions.stream()
                    .sorted(Comparator.comparing(QuestionResult::value).thenComparingInt(QuestionResult::number))
                    .limit(count).toList();
        }
    }

    /**
     * One question's organisation-wide result.
     *
     * @param answer the organisation's answer for CONSOLIDATED and WEAKEST; null for the means
     * @param value  the points the question contributes; null when no sheet took part
     */
    public record QuestionResult(int number, Answer answer, Score value, Map<Answer, Integer> distribution,
                                 List<Long> unknownUnits) {
    }

    public record PartResult(Part part, Score score) {
    }

    /** HEADCOUNT_MEAN over units of which some have no headcount: never given a silent weight. */
    public static final class MissingHeadcountException extends RuntimeException {
        private final List<Long> unitIds;

        public MissingHeadcountException(List<Long> unitIds) {
            super("Units without headcount: " + unitIds);
            this.unitIds = List.copyOf(unitIds);
        }

        public List<Long> unitIds() {
            return unitIds;
        }
    }
}
