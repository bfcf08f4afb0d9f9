package io.shukei;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Files this process holds open (Linux: /proc/self/fd), for tests that a body's file is closed. */
public final class OpenFiles {

    private OpenFiles() {
    }

    /** Targets of the open descriptors that match; a deleted file's target ends in " (deleted)". */
    public static Set<Path> matching(Predicate<Path> wanted) throws IOException {
        Set<Path> open = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (wanted.test(target)) {
                        open.add(target);
                    }
                } catch (IOException e) {
                    // Closed between the listing and the read.
                }
            }
        }
        return open;
    }

    /** Open files that FileBody.spool wrote for a download. */
    public static Set<Path> downloads() throws IOException {
        return matching(target -> target.getFileName().toString().startsWith("shukei-")
                && target.toString().contains(".download"));
    }
}
