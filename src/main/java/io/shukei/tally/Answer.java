package io.shukei.tally;

/** The four answers of IPA's sheet and the points IPA gives each. */
public enum Answer {
    IMPLEMENTED(4, "実施している", "Implemented"),
    PARTIAL(2, "一部実施している", "Partly implemented"),
    NOT_IMPLEMENTED(0, "実施していない", "Not implemented"),
    UNKNOWN(-1, "わからない", "Don't know");

    private final int points;
    private final String labelJa;
    private final String labelEn;

    Answer(int points, String labelJa, String labelEn) {
        this.points = points;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    public int points() {
        return points;
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }

    /** One-letter code (I, P, N, U) used to store a whole sheet compactly. */
    public char letter() {
        return name().charAt(0);
    }

    public static Answer ofLetter(char letter) {
        // A switch rather than a scan of values(), which copies the array: reports parse every stored letter.
        return switch (letter) {
            case 'I' -> IMPLEMENTED;
            case 'P' -> PARTIAL;
            case 'N' -> NOT_IMPLEMENTED;
            case 'U' -> UNKNOWN;
            default -> throw new IllegalArgumentException("No answer for letter " + letter);
        };
    }
}
