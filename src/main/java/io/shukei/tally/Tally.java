package io.shukei.tally;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

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
        return count(sheets).tally(policy);
    }

    /**
     * Counts the sheets once per question; every policy's result follows from the counts, so a report
     * that shows all four policies reads each answer once, not four times.
     */
    public static Counted count(List<Sheet> sheets) {
        Counted counted = new Counted(Integer.MAX_VALUE);
        sheets.forEach(counted::add);
        return counted;
    }

    /**
     * Counts to which sheets are added one at a time (as they are read from a stream of rows), naming at most
     * {@code named} units per question that answered わからない and at most as many without a headcount: what it
     * holds does not grow with the number of sheets beyond that.
     */
    public static Counted counting(int named) {
        return new Counted(named);
    }

    /** The sheets counted per question: answers, the units that answered わからない, headcount-weighted points. */
    public static final class Counted {

        private final int named;
        private int units;
        private final int[][] counts = new int[Part.QUESTIONS][ANSWERS.length];
        // Unit ids by question as plain longs: a report over 10,000 units holds tens of thousands of them,
        // and the tallies of its child subtrees never read them.
        private final long[][] unknownUnits = new long[Part.QUESTIONS][];
        private final int[] unknownCount = new int[Part.QUESTIONS];
        private final List<Long> withoutHeadcount = new ArrayList<>();
        private int withoutHeadcountCount;
        private final long[] headcountPoints = new long[Part.QUESTIONS];
        private long headcount;

        private Counted(int named) {
            this.named = named;
        }

        /** Counts one more sheet. */
        public void add(Sheet s) {
            units++;
            Integer h = s.headcount();
            boolean weighted = h != null && h > 0;
            if (weighted) {
                headcount = Math.addExact(headcount, h);
            } else {
                withoutHeadcountCount++;
                if (withoutHeadcount.size() < named) {
                    withoutHeadcount.add(s.unitId());
                }
            }
            for (int q = 0; q < Part.QUESTIONS; q++) {
                Answer a = s.answer(q + 1);
                counts[q][a.ordinal()]++;
                if (a == Answer.UNKNOWN && unknownCount[q] < named) {
                    addUnknown(q, s.unitId());
                }
                if (weighted) {
                    headcountPoints[q] = Math.addExact(headcountPoints[q], Math.multiplyExact((long) h, a.points()));
                }
            }
        }

        /** The number of sheets counted. */
        public int units() {
            return units;
        }

        private void addUnknown(int q, long unitId) {
            long[] ids = unknownUnits[q];
            if (ids == null || unknownCount[q] == ids.length) {
                unknownUnits[q] = ids = ids == null ? new long[8] : Arrays.copyOf(ids, ids.length * 2);
            }
            ids[unknownCount[q]++] = unitId;
        }

        /**
         * The result under one policy.
         *
         * @throws MissingHeadcountException for HEADCOUNT_MEAN when a unit has no headcount
         */
        public Result tally(Policy policy) {
            if (policy == Policy.HEADCOUNT_MEAN && withoutHeadcountCount > 0) {
                throw new MissingHeadcountException(withoutHeadcount, withoutHeadcountCount);
            }
            List<QuestionResult> questions = new ArrayList<>(Part.QUESTIONS);
            for (int q = 1; q <= Part.QUESTIONS; q++) {
                questions.add(question(q, policy));
            }
            Score total = units == 0 ? null : sum(questions, 1, Part.QUESTIONS);
            List<PartResult> parts = Part.ALL.stream()
                    .map(p -> new PartResult(p, units == 0 ? null : sum(questions, p.firstQuestion(), p.lastQuestion())))
                    .toList();
            return new Result(policy, total, questions, parts);
        }

        private QuestionResult question(int q, Policy policy) {
            int[] count = counts[q - 1];
            Map<Answer, Integer> distribution = new EnumMap<>(Answer.class);
            Answer weakest = null;
            long points = 0;
            for (Answer a : ANSWERS) {
                distribution.put(a, count[a.ordinal()]);
                if (count[a.ordinal()] > 0 && (weakest == null || a.points() < weakest.points())) {
                    weakest = a;
                }
                points += (long) count[a.ordinal()] * a.points();
            }
            List<Long> unknown = new UnitIds(unknownUnits[q - 1], unknownCount[q - 1]);
            if (units == 0) {
                return new QuestionResult(q, null, null, distribution, unknown);
            }
            Answer answer = switch (policy) {
                case CONSOLIDATED -> consolidated(count, units);
                case WEAKEST -> weakest;
                case MEAN, HEADCOUNT_MEAN -> null;
            };
            Score value = switch (policy) {
                case CONSOLIDATED, WEAKEST -> Score.of(answer.points());
                case MEAN -> new Score(points, units);
                case HEADCOUNT_MEAN -> new Score(headcountPoints[q - 1], headcount);
            };
            return new QuestionResult(q, answer, value, distribution, unknown);
        }
    }

    /** An unmodifiable view of the first {@code size} ids, boxed only when read. */
    private static final class UnitIds extends AbstractList<Long> implements RandomAccess {
        private final long[] ids;
        private final int size;

        UnitIds(long[] ids, int size) {
            this.ids = ids;
            this.size = size;
        }

        @Override
        public Long get(int index) {
            Objects.checkIndex(index, size);
            return ids[index];
        }

        @Override
        public int size() {
            return size;
        }
    }

    private static Answer consolidated(int[] count, int units) {
        if (count[Answer.UNKNOWN.ordinal()] > 0) {
            return Answer.UNKNOWN;
        }
        if (count[Answer.IMPLEMENTED.ordinal()] == units) {
            return Answer.IMPLEMENTED;
        }
        if (count[Answer.NOT_IMPLEMENTED.ordinal()] == units) {
            return Answer.NOT_IMPLEMENTED;
        }
        return Answer.PARTIAL;
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
     * @param answer       the organisation's answer for CONSOLIDATED and WEAKEST; null for the means
     * @param value        the points the question contributes; null when no sheet took part
     * @param unknownUnits the units that answered わからない, the first ones counted up to the limit the counts
     *                     were made with (their number is the distribution's UNKNOWN)
     */
    public record QuestionResult(int number, Answer answer, Score value, Map<Answer, Integer> distribution,
                                 List<Long> unknownUnits) {
    }

    public record PartResult(Part part, Score score) {
    }

    /** HEADCOUNT_MEAN over units of which some have no headcount: never given a silent weight. */
    public static final class MissingHeadcountException extends RuntimeException {
        private final List<Long> unitIds;
        private final int count;

        /** The first units without a headcount, of {@code count} in all. */
        public MissingHeadcountException(List<Long> unitIds, int count) {
            super("Units without headcount: " + count + ", first " + unitIds);
            this.unitIds = List.copyOf(unitIds);
            this.count = count;
        }

        /** The units without a headcount, the first ones counted when they were many. */
        public List<Long> unitIds() {
            return unitIds;
        }

        public int count() {
            return count;
        }
    }
}
