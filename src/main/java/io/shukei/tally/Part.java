package io.shukei.tally;

import java.util.List;

/** One of the sheet's three parts: a contiguous range of questions. */
public record Part(int number, int firstQuestion, int lastQuestion) {

    /** IPA's parts: 1–5 基本的対策, 6–18 従業員としての対策, 19–25 組織としての対策. */
    public static final List<Part> ALL = List.of(new Part(1, 1, 5), new Part(2, 6, 18), new Part(3, 19, 25));

    public static final int QUESTIONS = 25;

    public int maxPoints() {
        return (lastQuestion - firstQuestion + 1) * Answer.IMPLEMENTED.points();
    }

    public boolean contains(int question) {
        return question >= firstQuestion && question <= lastQuestion;
    }

    public static Part of(int question) {
        return ALL.stream().filter(p -> p.contains(question)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No question " + question));
    }
}
