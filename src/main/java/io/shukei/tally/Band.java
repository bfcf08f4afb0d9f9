package io.shukei.tally;

/** IPA's interpretation of a total, applied to the unrounded score (DOMAIN §3). */
public enum Band {
    ENTRY_LEVEL_ACHIEVED(100,
            "入門レベルのセキュリティ対策は達成", "Entry-level security measures achieved",
            "さらに強化", "Strengthen further"),
    PARTLY_INSUFFICIENT(70,
            "部分的な対策が不十分", "Some measures are insufficient",
            "100点満点への挑戦", "Aim for a full 100 points"),
    INSUFFICIENT(50,
            "対策が不十分", "Measures are insufficient",
            "低い項目から改善", "Improve the lowest-scoring items first"),
    CRITICAL(Integer.MIN_VALUE,
            "事故がいつ起きても不思議ではない", "An incident could happen at any time",
            "早急に改善", "Improve urgently");

    private final int lowerBound;
    private final String situationJa;
    private final String situationEn;
    private final String nextStepJa;
    private final String nextStepEn;

    Band(int lowerBound, String situationJa, String situationEn, String nextStepJa, String nextStepEn) {
        this.lowerBound = lowerBound;
        this.situationJa = situationJa;
        this.situationEn = situationEn;
        this.nextStepJa = nextStepJa;
        this.nextStepEn = nextStepEn;
    }

    // values() copies its array on every call, and a report bands every unit's sheet.
    private static final Band[] ALL = values();

    public static Band of(Score score) {
        for (Band band : ALL) {
            if (band.lowerBound == Integer.MIN_VALUE || score.atLeast(band.lowerBound)) {
                return band;
            }
        }
        throw new IllegalStateException("bands cover every score");
    }

    /** The lowest total in the band (inclusive); null for the lowest band, which has none. */
    public Integer threshold() {
        return lowerBound == Integer.MIN_VALUE ? null : lowerBound;
    }

    public String situationJa() {
        return situationJa;
    }

    public String situationEn() {
        return situationEn;
    }

    public String nextStepJa() {
        return nextStepJa;
    }

    public String nextStepEn() {
        return nextStepEn;
    }
}
