package io.shukei.report;

import static io.shukei.Api.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shukei.Api;

@QuarkusTest
class ReportCacheFilesTest {

    @Inject
    ReportCache cache;

    private Set<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(cache.directory())) {
            return list.collect(Collectors.toSet());
        }
    }

    private static Response report(long round) {
        Response response = json().get("/api/v1/rounds/" + round + "/report");
        assertEquals(200, response.statusCode());
        assertEquals(response.asByteArray().length, Long.parseLong(response.header("Content-Length")),
                "the whole cached body is served");
        return response;
    }

    private Path onlyNewFile(Set<Path> before) throws IOException {
        Set<Path> added = difference(files(), before);
        assertEquals(1, added.size(), "one file per built report: " + added);
        return added.iterator().next();
    }

    @Test
    void aCachedReportIsOneFileReplacedWhenTheRoundChanges() throws IOException {
        long org = Api.unit("Org", null, null);
        long a = Api.unit("A", org, 10);
        long b = Api.unit("B", org, 10);
        long round = Api.round(org);
        Api.submit(round, a, "I".repeat(25)).statusCode(201);

        Set<Path> before = files();
        byte[] built = report(round).asByteArray();
        Path first = onlyNewFile(before);
        assertArrayEquals(built, Files.readAllBytes(first), "the file holds the body that was served");
        assertArrayEquals(built, report(round).asByteArray(), "a repeated request is served from the file");
        assertEquals(Set.of(first), difference(files(), before), "and builds nothing new");

        Api.submit(round, b, "N".repeat(25)).statusCode(201);
        Response changed = report(round);
        assertEquals(2, changed.jsonPath().getInt("coverage.submitted"));
        Path second = onlyNewFile(before);
        assertFalse(Files.exists(first), "the stale body's file is deleted");
        assertTrue(Files.size(second) > 0);
    }

    @Test
    void aBodyOrDirectoryRemovedFromOutsideIsBuiltAgain() throws IOException {
        long org = Api.unit("Org", null, null);
        long a = Api.unit("A", org, 10);
        long round = Api.round(org);
        Api.submit(round, a, "P".repeat(25)).statusCode(201);

        Set<Path> before = files();
        report(round);
        Files.delete(onlyNewFile(before));
        assertEquals(1, report(round).jsonPath().getInt("coverage.submitted"), "a removed file is a miss, not an error");

        // What a temporary-files cleaner does to a directory left alone for long enough.
        try (Stream<Path> list = Files.list(cache.directory())) {
            for (Path file : list.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(cache.directory());
        assertEquals(1, report(round).jsonPath().getInt("coverage.submitted"));
        assertEquals(1, files().size(), "the directory is made again for the next body");
    }

    @Test
    void headAnswersTheBodysHeadersAndLeavesNoFileOpen() throws IOException {
        long org = Api.unit("Org", null, null);
        long a = Api.unit("A", org, 10);
        long round = Api.round(org);
        Api.submit(round, a, "I".repeat(25)).statusCode(201);
        Response get = report(round);

        for (int i = 0; i < 3; i++) {
            Response head = json().head("/api/v1/rounds/" + round + "/report");
            assertEquals(200, head.statusCode());
            assertEquals(get.header("Content-Length"), head.header("Content-Length"), "the length of the body GET sends");
            assertEquals(get.header("ETag"), head.header("ETag"));
            assertEquals(0, head.asByteArray().length);
        }
        assertEquals(Set.of(), openCacheFiles(), "HEAD opens no body it does not send");
    }

    /** Descriptors of this process open on a file of the cache's directory (Linux: /proc/self/fd). */
    private Set<Path> openCacheFiles() throws IOException {
        Set<Path> open = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(cache.directory())) {
                        open.add(target);
                    }
                } catch (IOException e) {
                    // Closed between the listing and the read.
                }
            }
        }
        return open;
    }

    private static Set<Path> difference(Set<Path> all, Set<Path> before) {
        Set<Path> rest = new HashSet<>(all);
        rest.removeAll(before);
        return rest;
    }
}
