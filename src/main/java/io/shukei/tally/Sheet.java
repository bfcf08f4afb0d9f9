package io.shukei.tally;

import java.util.List;

/**
 * One unit's complete answer sheet, as the tally sees it.
 *
 * @param unitId    the answering unit
 * @param headcount people in the unit, or null when unknown (only HEADCOUNT_MEAN needs it)
 * @param answers   the answers to questions 1..25, in order
 */
public record Sheet(long unitId, Integer headcount, List<Answer> answers) {

    public Sheet {
        boolean complete = answers.size() == Part.QUESTIONS;
        for (int i = 0; complete && i < Part.QUESTIONS; i++) {
            complete = answers.get(i) != null;
        }
        if (!complete) {
            throw new IllegalArgumentException("A sheet has exactly " + Part.QUESTIONS + " answers");
        }
        // An immutable list (as of() builds) is kept as it is, not copied.
        answers = List.copyOf(answers);
    }

    /** Parses the compact form, one letter per question (for example "IIPN…"). */
    public static Sheet of(long unitId, Integer headcount, String letters) {
        // Reports parse every stored sheet of a subtree: plain loops and one array, no streams.
        Answer[] answers = new Answer[letters.length()];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = Answer.ofLetter(letters.charAt(i));
        }
        return new Sheet(unitId, headcount, List.of(answers));
    }

    public Answer answer(int question) {
        return answers.get(question - 1);
    }

    public int score() {
        int sum = 0;
        for (Answer a : answers) {
            sum += a.points();
        }
        return sum;
    }

    public int partScore(Part part) {
        int sum = 0;
        for (int q = part.firstQuestion(); q <= part.lastQuestion(); q++) {
            sum += answer(q).points();
        }
        return sum;
    }

    public String letters() {
        StringBuilder sb = new StringBuilder(Part.QUESTIONS);
        answers.forEach(a -> sb.append(a.letter()));
        return sb.toString();
    }
}
