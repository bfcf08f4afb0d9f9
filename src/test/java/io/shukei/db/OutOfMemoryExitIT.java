package io.shukei.db;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README's run command ends the process on an OutOfMemoryError, so that whatever restarts it (a person, systemd,
 * an orchestrator) gets a fresh one, rather than a process whose threads died, whose liveness still answers and that
 * no longer stops on SIGTERM. The container image and the Kubernetes example carry the same option (deploy/check.sh).
 */
class OutOfMemoryExitIT {

    private static final Pattern RUN_COMMAND =
            Pattern.compile("(?m)^\\./mvnw [^\\n]*&& java ([^\\n]*?)\\s*-jar target/quarkus-app/quarkus-run\\.jar$");

    @Test
    void theReadmeCommandEndsTheProcessOnOutOfMemory() throws Exception {
        List<String> options = readmeJavaOptions();
        Path log = Files.createTempFile("shukei-oom", ".log");
        Process process = start(options, log);
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM still runs after its heap ran out: " + text(log));
            assertEquals(3, process.exitValue(), text(log));
            assertTrue(text(log).contains("Terminating due to java.lang.OutOfMemoryError"), text(log));
        } finally {
            process.destroyForcibly();
        }
    }

    /** What the option prevents, shown so that the test above cannot pass for another reason. */
    @Test
    void withoutTheOptionTheProcessLivesOnWithADeadThread() throws Exception {
        Path log = Files.createTempFile("shukei-oom", ".log");
        Process process = start(List.of(), log);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> text(log).contains("worker died, process lives on"));
            assertTrue(text(log).contains("java.lang.OutOfMemoryError"), text(log));
            assertTrue(process.isAlive(), "the process ended by itself: " + text(log));
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static List<String> readmeJavaOptions() throws IOException {
        Matcher command = RUN_COMMAND.matcher(Files.readString(Path.of("README.md")));
        assertTrue(command.find(), "README.md has no run command of the form './mvnw … && java … -jar …'");
        return command.group(1).isBlank() ? List.of() : Arrays.asList(command.group(1).trim().split("\\s+"));
    }

    private static Process start(List<String> options, Path log) throws IOException, URISyntaxException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        // A small heap, so that it runs out in a moment; the serial collector, so that no GC thread count matters.
        command.addAll(List.of("-Xmx32m", "-XX:+UseSerialGC", "-cp",
                Path.of(HeapExhaustion.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                HeapExhaustion.class.getName()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String text(Path log) throws IOException {
        return Files.readString(log);
    }
}
