package io.shukei.export;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.shukei.config.ShukeiConfig;
import io.shukei.problem.ProblemException;

/**
 * Turns for the large builds (reports in every form, the submissions export), shared out per caller. At most
 * shukei.max-concurrent-builds (one by default) run at a time: such a build holds a whole subtree's rows and
 * results until it is written (tens of MB over 10,000 units), and without a bound a dozen requests arriving
 * together exhausted a 96 MB heap. Each caller runs one build at a time, and a free turn goes to the caller
 * who has waited longest since its last turn, so one caller's queue of builds (a department head's script, say)
 * never stands before another caller's report: the other waits for at most the builds already running. A
 * caller with shukei.max-waiting-builds builds already waiting is told to come back (429) rather than queued.
 */
@ApplicationScoped
public class BuildTurns {

    private final int concurrent;
    private final int maxWaiting;
    /** Callers with builds waiting, in the order their turns come; each caller appears once. */
    private final Deque<String> callers = new ArrayDeque<>();
    private final Map<String, Integer> waiting = new HashMap<>();
    /** Callers with a build running now. */
    private final Set<String> runningFor = new HashSet<>();
    private int running;

    @Inject
    BuildTurns(ShukeiConfig config) {
        this(config.maxConcurrentBuilds(), config.maxWaitingBuilds());
    }

    BuildTurns(int concurrent, int maxWaiting) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("shukei.max-concurrent-builds must be at least 1, not " + concurrent);
        }
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("shukei.max-waiting-builds must be at least 1, not " + maxWaiting);
        }
        this.concurrent = concurrent;
        this.maxWaiting = maxWaiting;
    }

    /**
     * Runs the build in the caller's turn.
     *
     * @param caller who asks (an API key, an OIDC subject): builds of one caller queue behind each other
     */
    public <T> T run(String caller, Supplier<T> build) {
        take(caller);
        try {
            return build.get();
        } finally {
            give(caller);
        }
    }

    /** A build that writes a file as it goes. */
    @FunctionalInterface
    public interface Writing {
        void run() throws IOException;
    }

    /** Runs a build that writes, in the caller's turn. */
    public void write(String caller, Writing build) throws IOException {
        take(caller);
        try {
            build.run();
        } finally {
            give(caller);
        }
    }

    private synchronized void take(String caller) {
        int ahead = waiting.getOrDefault(caller, 0);
        if (ahead >= maxWaiting) {
            throw new ProblemException(429, "/problems/too-many-builds", "Too many builds",
                    "You have " + ahead + " reports or exports waiting to be built; ask again once they are done", null)
                    .inJapanese("作成待ちのレポート・出力が " + ahead + " 件あります。終わってから再度お試しください。")
                    .withHeader("Retry-After", "5");
        }
        waiting.put(caller, ahead + 1);
        if (ahead == 0 && !runningFor.contains(caller)) {
            callers.addLast(caller);
        }
        boolean interrupted = false;
        while (!(running < concurrent && caller.equals(callers.peekFirst()))) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        callers.removeFirst();
        waiting.merge(caller, -1, Integer::sum);
        waiting.remove(caller, 0);
        runningFor.add(caller);
        running++;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        notifyAll();
    }

    private synchronized void give(String caller) {
        running--;
        runningFor.remove(caller);
        // The caller's next build, if any, waits behind everyone who waited meanwhile.
        if (waiting.containsKey(caller)) {
            callers.addLast(caller);
        }
        notifyAll();
    }

    /** Builds of the caller waiting for a turn (for tests). */
    synchronized int waiting(String caller) {
        return waiting.getOrDefault(caller, 0);
    }

    /** Builds running now (for tests). */
    synchronized int running() {
        return running;
    }
}
