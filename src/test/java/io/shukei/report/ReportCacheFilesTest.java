package io.shukei.report;

import static io.shukei.Api.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.shukei.Api;
import io.shukei.OpenFiles;

@QuarkusTest
class ReportCacheFilesTest {

    @Inject
    ReportCache cache;

    private Set<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(cache.directory())) {
            return list.collect(Collectors.toSet());
        }
    }

    /** A request that sends the given Accept-Encoding and reads the body as it comes, undecoded. */
    private static RequestSpecification encoding(String acceptEncoding) {
        return json().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", acceptEncoding);
    }

    private static Response report(long round) {
        Response response = encoding("identity").get("/api/v1/rounds/" + round + "/report");
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

    /** A round over units A and B, A having submitted the given answer to every question. */
    private record Round(long id, long unsubmitted) {
    }

    private static Round round(String letter) {
        long org = Api.unit("Org", null, null);
        long a = Api.unit("A", org, 10);
        long b = Api.unit("B", org, 10);
        long round = Api.round(org);
        Api.submit(round, a, letter.repeat(25)).statusCode(201);
        return new Round(round, b);
    }

    @Test
    void aCachedReportIsOneFileReplacedWhenTheRoundChanges() throws IOException {
        Round r = round("I");
        long round = r.id();

        Set<Path> before = files();
        byte[] built = report(round).asByteArray();
        Path first = onlyNewFile(before);
        assertArrayEquals(built, Files.readAllBytes(first), "the file holds the body that was served");
        assertArrayEquals(built, report(round).asByteArray(), "a repeated request is served from the file");
        assertEquals(Set.of(first), difference(files(), before), "and builds nothing new");

        Api.submit(round, r.unsubmitted(), "N".repeat(25)).statusCode(201);
        Response changed = report(round);
        assertEquals(2, changed.jsonPath().getInt("coverage.submitted"));
        Path second = onlyNewFile(before);
        assertFalse(Files.exists(first), "the stale body's file is deleted");
        assertTrue(Files.size(second) > 0);
    }

    @Test
    void aBodyOrDirectoryRemovedFromOutsideIsBuiltAgain() throws IOException {
        long round = round("P").id();

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
        long round = round("I").id();
        Response get = report(round);

        for (int i = 0; i < 3; i++) {
            Response head = encoding("identity").head("/api/v1/rounds/" + round + "/report");
            assertEquals(200, head.statusCode());
            assertEquals(get.header("Content-Length"), head.header("Content-Length"), "the length of the body GET sends");
            assertEquals(get.header("ETag"), head.header("ETag"));
            assertEquals(0, head.asByteArray().length);
        }
        assertEquals(Set.of(), openCacheFiles(), "HEAD opens no body it does not send");
    }

    @Test
    void gzipIsACompressedCopyKeptBesideTheBodyUnderItsOwnTag() throws IOException {
        Round r = round("U");
        long round = r.id();
        String path = "/api/v1/rounds/" + round + "/report";

        Set<Path> before = files();
        Response plain = report(round);
        Response gzip = encoding("gzip, deflate").get(path);
        assertEquals(200, gzip.statusCode());
        assertEquals("gzip", gzip.header("Content-Encoding"));
        assertTrue(gzip.header("Vary").contains("Accept-Encoding"), gzip.header("Vary"));
        byte[] compressed = gzip.asByteArray();
        assertEquals(compressed.length, Long.parseLong(gzip.header("Content-Length")));
        assertTrue(compressed.length < plain.asByteArray().length / 2, "compressed: " + compressed.length);
        assertArrayEquals(plain.asByteArray(), gunzip(compressed), "the same JSON, compressed");
        String plainTag = plain.header("ETag");
        String gzipTag = gzip.header("ETag");
        assertEquals(plainTag.substring(0, plainTag.length() - 1) + "-gzip\"", gzipTag);
        Set<Path> kept = difference(files(), before);
        assertEquals(2, kept.size(), "the body and its compressed copy");

        assertArrayEquals(compressed, encoding("gzip").get(path).asByteArray(), "a repeat is served from the copy");
        assertEquals(2, difference(files(), before).size(), "and makes no new copy");
        encoding("gzip").header("If-None-Match", gzipTag).get(path).then().statusCode(304).header("ETag", gzipTag);
        encoding("identity").header("If-None-Match", gzipTag).get(path).then().statusCode(200);
        encoding("gzip").header("If-None-Match", plainTag).get(path).then().statusCode(200);
        encoding("gzip;q=0, identity").get(path).then().statusCode(200).header("ETag", plainTag);

        Api.submit(round, r.unsubmitted(), "I".repeat(25)).statusCode(201);
        Response changed = encoding("gzip").get(path);
        assertEquals(2, new JsonPath(new ByteArrayInputStream(gunzip(changed.asByteArray()))).getInt("coverage.submitted"));
        assertTrue(kept.stream().noneMatch(Files::exists), "the stale body and its copy are deleted");
        assertEquals(2, difference(files(), before).size(), "the new body and its copy are kept");
        assertEquals(Set.of(), openCacheFiles());
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    /** Descriptors of this process open on a file of the cache's directory. */
    private Set<Path> openCacheFiles() throws IOException {
        return OpenFiles.matching(target -> target.startsWith(cache.directory()));
    }

    private static Set<Path> difference(Set<Path> all, Set<Path> before) {
        Set<Path> rest = new HashSet<>(all);
        rest.removeAll(before);
        return rest;
    }
}
