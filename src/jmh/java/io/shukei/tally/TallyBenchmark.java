package io.shukei.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pure scoring code alone, at the sizes of the service benchmark: what a report over N units spends
 * on parsing the stored sheets and on tallying them, without the database, JSON or HTTP around it.
 * Run with {@code bash bench/tally.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TallyBenchmark {

    @Param({"100", "1000", "10000"})
    int units;

    private String[] letters;
    private Integer[] headcounts;
    private List<Sheet> sheets;

    @Setup
    public void randomSheets() {
        // A fixed seed: every run measures the same sheets, answers drawn as the service benchmark draws them.
        Random random = new Random(42);
        letters = new String[units];
        headcounts = new Integer[units];
        sheets = new ArrayList<>(units);
        for (int u = 0; u < units; u++) {
            char[] sheet = new char[Part.QUESTIONS];
            for (int q = 0; q < sheet.length; q++) {
                sheet[q] = "IPNU".charAt(random.nextInt(4));
            }
            letters[u] = new String(sheet);
            headcounts[u] = 1 + random.nextInt(200);
            sheets.add(Sheet.of(u, headcounts[u], letters[u]));
        }
    }

    /** Parsing every stored sheet from its letters, as a report does once per participant. */
    @Benchmark
    public void parse(Blackhole blackhole) {
        for (int u = 0; u < units; u++) {
            blackhole.consume(Sheet.of(u, headcounts[u], letters[u]));
        }
    }

    /** Counting the answers once and tallying them under every policy, as a report does at its node. */
    @Benchmark
    public void tallyEveryPolicy(Blackhole blackhole) {
        Tally.Counted counted = Tally.count(sheets);
        for (Policy policy : Policy.values()) {
            blackhole.consume(counted.tally(policy));
        }
    }
}
