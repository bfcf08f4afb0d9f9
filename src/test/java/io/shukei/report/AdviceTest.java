package io.shukei.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.catalog.Catalog;
import io.shukei.tally.Part;

class AdviceTest {

    private final Advice advice = new Advice(new ObjectMapper());

    /** The points of IPA's own guidance that each question's advice must carry, in both languages. */
    private static final Map<Integer, List<String>> POINTS = Map.of(
            1, List.of("サポートが終了", "ended support"),
            3, List.of("多要素認証", "multi-factor authentication"),
            4, List.of("必要な人だけ", "whose work needs it"),
            7, List.of("BCC", "BCC"),
            9, List.of("管理画面のパスワード", "administrator password", "公衆無線LAN", "public Wi-Fi"),
            11, List.of("複数の世代", "several generations", "オフライン", "offline"),
            24, List.of("報告", "reports to whom", "復旧", "restore"));

    @Test
    void adviceCarriesIpasPointsInBothLanguages() {
        POINTS.forEach((question, words) -> {
            Catalog.Text text = advice.forQuestion(question);
            for (String word : words) {
                assertTrue(text.ja().contains(word) || text.en().contains(word), question + ": " + word);
            }
        });
    }

    @Test
    void everyQuestionAndDontKnowHaveAdviceInBothLanguages() {
        for (int q = 1; q <= Part.QUESTIONS; q++) {
            assertTrue(!advice.forQuestion(q).ja().isBlank() && !advice.forQuestion(q).en().isBlank(), "question " + q);
        }
        assertTrue(advice.unknown().ja().contains("回答し直し"));
        assertTrue(advice.unknown().en().contains("answer the question again"));
    }
}
