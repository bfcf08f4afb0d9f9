package io.shukei.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TallyTest {

    private static final String ALL_I = "I".repeat(25);
    private static final String ALL_N = "N".repeat(25);
    private static final String ALL_P = "P".repeat(25);

    private static BigDecimal score(List<Sheet> sheets, Policy policy) {
        return Tally.of(sheets, policy).score().rounded();
    }

    @Test
    void firstWorkedExampleGivesDomainFigures() {
        List<Sheet> sheets = List.of(Sheet.of(1, 10, ALL_I), Sheet.of(2, 10, ALL_I), Sheet.of(3, 80, ALL_N));
        assertEquals(new BigDecimal("50.00"), score(sheets, Policy.CONSOLIDATED));
        assertEquals(new BigDecimal("0.00"), score(sheets, Policy.WEAKEST));
        assertEquals(new BigDecimal("66.67"), score(sheets, Policy.MEAN));
        assertEquals(new BigDecimal("20.00"), score(sheets, Policy.HEADCOUNT_MEAN));
        Tally.Result consolidated = Tally.of(sheets, Policy.CONSOLIDATED);
        assertTrue(consolidated.questions().stream().allMatch(q -> q.answer() == Answer.PARTIAL));
    }

    @Test
    void secondWorkedExampleGivesDomainFiguresAndUnknownList() {
        List<Sheet> sheets = List.of(Sheet.of(1, null, "I".repeat(24) + "U"), Sheet.of(2, null, ALL_I),
                Sheet.of(3, null, ALL_P));
        assertEquals(95, sheets.get(0).score());
        assertEquals(new BigDecimal("47.00"), score(sheets, Policy.CONSOLIDATED));
        assertEquals(new BigDecimal("47.00"), score(sheets, Policy.WEAKEST));
        assertEquals(new BigDecimal("81.67"), score(sheets, Policy.MEAN));
        Tally.Result result = Tally.of(sheets, Policy.CONSOLIDATED);
        assertEquals(Answer.UNKNOWN, result.questions().get(24).answer());
        assertEquals(List.of(1L), result.questions().get(24).unknownUnits());
        for (int q = 1; q <= 24; q++) {
            assertTrue(result.questions().get(q - 1).unknownUnits().isEmpty());
        }
    }

    @Test
    void headcountMeanNamesUnitsWithoutHeadcount() {
        List<Sheet> sheets = List.of(Sheet.of(7, 10, ALL_I), Sheet.of(8, null, ALL_N), Sheet.of(9, 0, ALL_N));
        Tally.MissingHeadcountException e = assertThrows(Tally.MissingHeadcountException.class,
                () -> Tally.of(sheets, Policy.HEADCOUNT_MEAN));
        assertEquals(List.of(8L, 9L), e.unitIds());
    }

    @Test
    void aShownTotalNeverRoundsAcrossABandThreshold() {
        // Just under a threshold: cut, so that the figure stays in the band the exact value is in.
        assertEquals(new BigDecimal("69.99"), new Score(13_999, 200).shown());
        assertEquals(new BigDecimal("70.00"), new Score(13_999, 200).rounded());
        assertEquals(Band.INSUFFICIENT, Band.of(new Score(13_999, 200)));
        assertEquals(new BigDecimal("99.99"), new Score(19_999, 200).shown());
        assertEquals(new BigDecimal("49.99"), new Score(99_999, 2_000).shown());
        // Elsewhere: half up, as before.
        assertEquals(new BigDecimal("70.01"), new Score(70_009, 1_000).shown());
        assertEquals(new BigDecimal("69.99"), new Score(69_994, 1_000).shown());
        assertEquals(new BigDecimal("81.67"), new Score(245, 3).shown());
        assertEquals(new BigDecimal("-0.33"), new Score(-1, 3).shown());
    }

    @Test
    void noSheetsGiveNoScoreRatherThanZero() {
        for (Policy policy : Policy.values()) {
            Tally.Result result = Tally.of(List.of(), policy);
            assertNull(result.score());
            assertNull(result.band());
            assertTrue(result.lowest(5).isEmpty());
            assertTrue(result.parts().stream().allMatch(p -> p.score() == null));
        }
    }

    @Test
    void consolidatedAgreementKeepsTheCommonAnswer() {
        List<Sheet> allNot = List.of(Sheet.of(1, 1, ALL_N), Sheet.of(2, 1, ALL_N));
        assertEquals(Answer.NOT_IMPLEMENTED, Tally.of(allNot, Policy.CONSOLIDATED).questions().get(0).answer());
        List<Sheet> allPartial = List.of(Sheet.of(1, 1, ALL_P), Sheet.of(2, 1, ALL_P));
        assertEquals(new BigDecimal("50.00"), score(allPartial, Policy.CONSOLIDATED));
    }

    @Test
    void partSubtotalsAddUpToTheScoreAndRespectMaxima() {
        List<Sheet> sheets = List.of(Sheet.of(1, 3, "IIIIIPPPPPPPPPPPPPNNNNNNN"));
        Tally.Result result = Tally.of(sheets, Policy.CONSOLIDATED);
        assertEquals(List.of(Score.of(20), Score.of(26), Score.of(0)),
                result.parts().stream().map(Tally.PartResult::score).toList());
        assertEquals(List.of(20, 52, 28), Part.ALL.stream().map(Part::maxPoints).toList());
        assertEquals(Score.of(46), result.score());
    }

    @Test
    void lowestQuestionsAreOrderedByPointsThenNumber() {
        Tally.Result result = Tally.of(List.of(Sheet.of(1, 1, "IIIIINIIIIIIUIIIIIIPIIIIN")), Policy.WEAKEST);
        assertEquals(List.of(13, 6, 25, 20, 1),
                result.lowest(5).stream().map(Tally.QuestionResult::number).toList());
    }

    @Test
    void bandsApplyToTheUnroundedScore() {
        assertEquals(Band.ENTRY_LEVEL_ACHIEVED, Band.of(Score.of(100)));
        assertEquals(Band.PARTLY_INSUFFICIENT, Band.of(new Score(29999, 300)));
        assertEquals(new BigDecimal("100.00"), new Score(29999, 300).rounded());
        assertEquals(Band.PARTLY_INSUFFICIENT, Band.of(Score.of(70)));
        assertEquals(Band.INSUFFICIENT, Band.of(new Score(20999, 300)));
        assertEquals(Band.INSUFFICIENT, Band.of(Score.of(50)));
        assertEquals(Band.CRITICAL, Band.of(new Score(14999, 300)));
        assertEquals(Band.CRITICAL, Band.of(Score.of(-25)));
    }

    @Test
    void randomSheetsKeepTheScoringInvariants() {
        Random random = new Random(20261126L);
        Answer[] answers = Answer.values();
        for (int round = 0; round < 500; round++) {
            int units = 1 + random.nextInt(8);
            List<Sheet> sheets = new ArrayList<>();
            for (int u = 0; u < units; u++) {
                List<Answer> sheet = new ArrayList<>();
                for (int q = 0; q < Part.QUESTIONS; q++) {
                    sheet.add(answers[random.nextInt(answers.length)]);
                }
                sheets.add(new Sheet(u, 1 + random.nextInt(200), sheet));
            }
            Tally.Result consolidated = Tally.of(sheets, Policy.CONSOLIDATED);
            Tally.Result weakest = Tally.of(sheets, Policy.WEAKEST);
            Tally.Result mean = Tally.of(sheets, Policy.MEAN);
            Tally.Result headcount = Tally.of(sheets, Policy.HEADCOUNT_MEAN);
            for (Tally.Result integral : List.of(consolidated, weakest)) {
                assertTrue(integral.score().isInteger());
                assertTrue(integral.score().compareTo(Score.of(-25)) >= 0);
                assertTrue(integral.score().compareTo(Score.of(100)) <= 0);
            }
            assertTrue(weakest.score().compareTo(mean.score()) <= 0, "WEAKEST never exceeds MEAN");
            for (int q = 1; q <= Part.QUESTIONS; q++) {
                int question = q;
                int low = sheets.stream().mapToInt(s -> s.answer(question).points()).min().orElseThrow();
                int high = sheets.stream().mapToInt(s -> s.answer(question).points()).max().orElseThrow();
                for (Tally.Result means : List.of(mean, headcount)) {
                    Score value = means.questions().get(q - 1).value();
                    assertTrue(value.compareTo(Score.of(low)) >= 0 && value.compareTo(Score.of(high)) <= 0,
                            "mean of question " + q + " lies between the lowest and highest points");
                }
            }
            Sheet single = sheets.get(0);
            for (Policy policy : Policy.values()) {
                assertEquals(Score.of(single.score()), Tally.of(List.of(single), policy).score(),
                        "a single unit gives its own score under " + policy);
            }
        }
    }

    /**
     * The API allows 100,000 participants of up to 10,000,000 people each: headcount-weighted points then have
     * denominators near 10^12, and neither adding questions up nor comparing them may overflow (it was a 500).
     */
    @Test
    void headcountMeanOfTheLargestOrganisationTheApiAllowsIsExact() {
        List<Sheet> sheets = new ArrayList<>();
        Random random = new Random(26);
        for (int u = 0; u < 1_000; u++) {
            StringBuilder letters = new StringBuilder();
            for (int q = 0; q < Part.QUESTIONS; q++) {
                letters.append("IPNU".charAt(random.nextInt(4)));
            }
            sheets.add(Sheet.of(u, 10_000_000 - u, letters.toString()));
        }
        Tally.Result result = Tally.of(sheets, Policy.HEADCOUNT_MEAN);
        assertTrue(result.score().compareTo(Score.of(-25)) >= 0 && result.score().compareTo(Score.of(100)) <= 0);
        assertEquals(5, result.lowest(5).size());
        Score parts = result.parts().stream().map(Tally.PartResult::score).reduce(Score.of(0), Score::plus);
        assertEquals(0, parts.compareTo(result.score()));
    }
}
