package io.shukei.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact rational score. Means are kept as fractions so that bands are decided on the
 * unrounded value and the two-decimal display is rounded exactly once.
 */
public record Score(long numerator, long denominator) implements Comparable<Score> {

    public Score {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
        long g = gcd(Math.abs(numerator), denominator);
        if (g > 1) {
            numerator /= g;
            denominator /= g;
        }
    }

    public static Score of(long whole) {
        return new Score(whole, 1);
    }

    /**
     * Over the least common denominator: headcount-weighted points share the total headcount as denominator
     * (up to 10^12 for the largest round the API allows), whose square would not fit in a long.
     */
    public Score plus(Score other) {
        long common = Math.multiplyExact(denominator / gcd(denominator, other.denominator), other.denominator);
        return new Score(Math.addExact(Math.multiplyExact(numerator, common / denominator),
                Math.multiplyExact(other.numerator, common / other.denominator)), common);
    }

    public Score minus(Score other) {
        return plus(new Score(-other.numerator, other.denominator));
    }

    /** Two decimals, half up: subtotals, question points and changes, which have no bands. */
    public BigDecimal rounded() {
        return BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    /**
     * A total as it is shown beside its band: two decimals, half up, except that a value below a band's
     * threshold is cut to two decimals rather than rounded up onto it (69.995 shows as 69.99, in the band
     * below 70, as the band decided on the exact value says). So a shown score never contradicts its band.
     */
    public BigDecimal shown() {
        BigDecimal rounded = rounded();
        Band band = Band.of(this);
        return Band.of(Score.ofDecimal(rounded)) == band ? rounded
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.FLOOR);
    }

    private static Score ofDecimal(BigDecimal value) {
        return new Score(value.unscaledValue().longValueExact(), BigDecimal.ONE.scaleByPowerOfTen(value.scale()).longValueExact());
    }

    public boolean isInteger() {
        return denominator == 1;
    }

    /** Whether this score is at least the whole number, without building a Score for it. */
    public boolean atLeast(long whole) {
        return numerator >= Math.multiplyExact(whole, denominator);
    }

    @Override
    public int compareTo(Score other) {
        // The cross products as 128-bit numbers: high halves signed, low halves unsigned.
        long a = numerator;
        long b = other.numerator;
        int high = Long.compare(Math.multiplyHigh(a, other.denominator), Math.multiplyHigh(b, denominator));
        return high != 0 ? high : Long.compareUnsigned(a * other.denominator, b * denominator);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }
}
