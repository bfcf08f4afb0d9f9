package io.shukei.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The tally of any set of sheets, under every policy: within the instrument's bounds (each question 4 to -1
 * points), parts adding up to the total, the weakest policy never above another, every answer counted once and
 * every わからない named; a missing headcount is refused by name under HEADCOUNT_MEAN only.
 * Seeds in TallyFuzzTestInputs.
 */
class TallyFuzzTest {

    private static final char[] LETTERS = {'I', 'P', 'N', 'U'};
    /** The largest headcount a unit may have (UnitRequests). */
    private static final int MAX_HEADCOUNT = 10_000_000;

    @FuzzTest(maxDuration = "20s")
    void everyPolicyTalliesWithinTheInstrumentsBounds(FuzzedDataProvider data) {
        int count = data.consumeInt(0, 40);
        List<Sheet> sheets = new ArrayList<>();
        List<Long> withoutHeadcount = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long unit = data.consumeLong(1, Long.MAX_VALUE);
            Integer headcount = data.consumeBoolean() ? data.consumeInt(0, MAX_HEADCOUNT) : null;
            StringBuilder letters = new StringBuilder();
            for (int q = 0; q < Part.QUESTIONS; q++) {
                letters.append(data.pickValue(LETTERS));
            }
            sheets.add(Sheet.of(unit, headcount, letters.toString()));
            if (headcount == null || headcount == 0) {
                withoutHeadcount.add(unit);
            }
        }
        Tally.Counted counted = Tally.count(sheets);
        Map<Policy, Score> scores = new EnumMap<>(Policy.class);
        for (Policy policy : Policy.values()) {
            Tally.Result result;
            try {
                result = counted.tally(policy);
            } catch (Tally.MissingHeadcountException missing) {
                assertEquals(Policy.HEADCOUNT_MEAN, policy);
                assertEquals(withoutHeadcount, missing.unitIds());
                continue;
            }
            assertTrue(policy != Policy.HEADCOUNT_MEAN || withoutHeadcount.isEmpty(), "tallied without headcounts");
            if (sheets.isEmpty()) {
                assertNull(result.score());
                continue;
            }
            assertTrue(result.score().atLeast(-Part.QUESTIONS) && !result.score().atLeast(101), policy + " " + result.score());
            Score parts = result.parts().stream().map(Tally.PartResult::score).reduce(Score.of(0), Score::plus);
            assertEquals(0, parts.compareTo(result.score()), policy + ": parts " + parts + ", total " + result.score());
            for (Tally.QuestionResult question : result.questions()) {
                assertEquals(sheets.size(), question.distribution().values().stream().mapToInt(Integer::intValue).sum());
                List<Long> unknown = sheets.stream().filter(s -> s.answer(question.number()) == Answer.UNKNOWN)
                        .map(Sheet::unitId).toList();
                assertEquals(unknown, List.copyOf(question.unknownUnits()));
            }
            scores.put(policy, result.score());
        }
        Score weakest = scores.get(Policy.WEAKEST);
        scores.forEach((policy, score) -> assertTrue(weakest == null || score.compareTo(weakest) >= 0,
                "WEAKEST " + weakest + " above " + policy + " " + score));
        if (sheets.size() == 1) {
            scores.forEach((policy, score) -> assertEquals(0, score.compareTo(Score.of(sheets.get(0).score())), policy.name()));
        }
    }
}
