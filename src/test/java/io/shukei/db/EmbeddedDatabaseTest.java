package io.shukei.db;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.health.HealthCheckResponse;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void embeddedServerIsDurableAndKeepsItsDataAcrossRestarts() throws Exception {
        Path dir = Files.createTempDirectory("shukei-embedded-test");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"), 0);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            assertEquals("on", show(c, "fsync"));
            assertEquals("on", show(c, "full_page_writes"));
            assertEquals("on", show(c, "synchronous_commit"));
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('集計')");
            }
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"), 0);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            rs.next();
            assertEquals("集計", rs.getString(1));
        }
    }

    /** The service boots with the address and login a start fixes before the server runs: they are the server's. */
    @Test
    void aPreparedStartOpensWithTheAddressAndPasswordItNamedBeforehand() throws Exception {
        Path dir = Files.createTempDirectory("shukei-embedded-prepared").resolve("data");
        for (int start = 0; start < 2; start++) {
            EmbeddedDatabase.Launch launch = EmbeddedDatabase.prepare(dir, 0);
            try (EmbeddedDatabase db = launch.start();
                 Connection c = DriverManager.getConnection(launch.jdbcUrl(), launch.username(), launch.password())) {
                assertEquals(db.jdbcUrl(), launch.jdbcUrl());
                assertEquals(db.password(), launch.password());
                assertTrue(c.isValid(2));
            }
        }
    }

    private static long postmasterPid(Path dataDir) throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    @Test
    void theServerRefusesAConnectionWithoutThePassword() throws Exception {
        Path dir = Files.createTempDirectory("shukei-embedded-auth").resolve("data");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "").close());
            assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres").close());
            assertOnlyThePasswordOpens(db);
        }
    }

    /** The password is in a file only its owner reads, and every rule of pg_hba.conf asks for it. */
    private static void assertOnlyThePasswordOpens(EmbeddedDatabase db) throws Exception {
        Path file = db.dataDirectory().resolve(EmbeddedDatabase.PASSWORD_FILE);
        assertEquals(db.password(), Files.readString(file).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement();
             ResultSet rules = s.executeQuery("SELECT DISTINCT auth_method FROM pg_hba_file_rules")) {
            List<String> methods = new java.util.ArrayList<>();
            while (rules.next()) {
                methods.add(rules.getString(1));
            }
            assertEquals(List.of("scram-sha-256"), methods);
        }
    }

    /** A data directory of the version that trusted every local connection is locked on its first start. */
    @Test
    void aTrustingDataDirectoryIsLockedOnItsFirstStartAndKeepsItsData() throws Exception {
        Path dir = Files.createTempDirectory("shukei-embedded-upgrade").resolve("data");
        try (EmbeddedPostgres previous = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
             Connection c = DriverManager.getConnection(previous.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v text)");
            s.execute("INSERT INTO kept VALUES ('前の版')");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "").close());
            assertOnlyThePasswordOpens(db);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
                assertTrue(rs.next());
                assertEquals("前の版", rs.getString(1));
            }
        }
        // and later starts keep asking for it
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "").close());
            DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password()).close();
        }
    }

    /**
     * A lock file left by a crash names a process id that may since belong to another program, even one
     * called postgres: the start leaves that process alone.
     */
    @Test
    void aStaleLockNamingAnotherProcessNeverGetsThatProcessSignalled() throws Exception {
        Path base = Files.createTempDirectory("shukei-embedded-lock");
        Path dir = base.resolve("data");
        EmbeddedDatabase.start(dir, 0).close();
        Path decoyDir = Files.createDirectories(base.resolve("postgres-lookalike"));
        Path decoy = Files.copy(Path.of("/bin/sleep"), decoyDir.resolve("postgres"));
        Process other = new ProcessBuilder(decoy.toString(), "120").start();
        try {
            Files.write(dir.resolve("postmaster.pid"), List.of(String.valueOf(other.pid()), dir.toString(),
                    String.valueOf(System.currentTimeMillis() / 1000), "5432", "/tmp", "localhost", "0 0", "ready"));
            try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
                assertTrue(other.isAlive(), "the other process was not signalled");
            }
        } finally {
            other.destroyForcibly();
        }
    }

    /** The embedded server is supervised: killed, it is started again on its port with its data. */
    @Test
    void aKilledServerIsStartedAgainOnItsPortWithItsData() throws Exception {
        Path dir = Files.createTempDirectory("shukei-embedded-restart").resolve("data");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            String url = db.jdbcUrl();
            try (Connection c = DriverManager.getConnection(url, db.username(), db.password()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('集計')");
            }
            long killed = postmasterPid(dir);
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                try (Connection c = DriverManager.getConnection(url, db.username(), db.password());
                     Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
                    return rs.next() && "集計".equals(rs.getString(1));
                }
            });
            assertTrue(postmasterPid(dir) != killed, "a new server runs");
            // the server answers a moment before the supervisor has recorded it as running
            await().atMost(Duration.ofSeconds(10)).until(() -> db.state() == EmbeddedDatabase.State.RUNNING);
        }
    }

    /** Liveness is down while the server cannot be started again, and up again once it can. */
    @Test
    void livenessIsDownWhileTheServerCannotBeStartedAgain() throws Exception {
        Path dir = Files.createTempDirectory("shukei-embedded-down").resolve("data");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0)) {
            assertEquals(HealthCheckResponse.Status.UP, EmbeddedDatabaseCheck.report(db).getStatus());
            Path config = dir.resolve("postgresql.conf");
            Path aside = dir.resolveSibling("postgresql.conf.aside");
            // A server that has lost its configuration cannot start.
            Files.move(config, aside);
            ProcessHandle.of(postmasterPid(dir)).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).until(() -> db.state() == EmbeddedDatabase.State.FAILED);
            assertEquals(HealthCheckResponse.Status.DOWN, EmbeddedDatabaseCheck.report(db).getStatus());
            Files.move(aside, config);
            await().atMost(Duration.ofSeconds(90)).until(() -> db.state() == EmbeddedDatabase.State.RUNNING);
            assertEquals(HealthCheckResponse.Status.UP, EmbeddedDatabaseCheck.report(db).getStatus());
            DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password()).close();
        }
    }
}
