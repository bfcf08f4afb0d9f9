package io.shukei.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.postgresql.PGConnection;

/**
 * A fresh embedded PostgreSQL holding the database of the previous version (the plain pg_dump of
 * src/test/resources/migration/v852c99f), which the service under test then starts on: Flyway migrates it.
 * The server lives as long as the test JVM, like the suite's own (TestDatabase), and is closed at its end.
 */
public class PreviousVersionDatabase implements QuarkusTestProfile {

    static final String FIXTURE = "/migration/v852c99f/";

    private static EmbeddedPostgres postgres;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", start().getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres");
    }

    private static synchronized EmbeddedPostgres start() {
        if (postgres == null) {
            try {
                Path data = Files.createTempDirectory("shukei-previous-version");
                postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // The JVM is ending; the data directory is removed by the server's own cleanup.
                    }
                }));
                try (Connection c = postgres.getPostgresDatabase().getConnection();
                     InputStream dump = PreviousVersionDatabase.class.getResourceAsStream(FIXTURE + "dump.sql")) {
                    restore(c, new BufferedReader(new InputStreamReader(dump, StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The previous version's database could not be restored", e);
            } catch (SQLException e) {
                throw new IllegalStateException("The previous version's database could not be restored", e);
            }
        }
        return postgres;
    }

    /**
     * Runs a plain pg_dump as psql would: statements end with a semicolon at the end of a line (outside a
     * dollar-quoted body), COPY ... FROM stdin reads the lines up to "\.", psql's own meta-commands
     * (\restrict) are not SQL and are skipped.
     */
    static void restore(Connection connection, BufferedReader dump) throws IOException, SQLException {
        StringBuilder statement = new StringBuilder();
        boolean inBody = false;
        try (Statement sql = connection.createStatement()) {
            for (String line = dump.readLine(); line != null; line = dump.readLine()) {
                if (statement.isEmpty() && (line.isBlank() || line.startsWith("--") || line.startsWith("\\"))) {
                    continue;
                }
                statement.append(line).append('\n');
                if (line.split("\\$\\$", -1).length % 2 == 0) {
                    inBody = !inBody;
                }
                if (inBody || !line.endsWith(";")) {
                    continue;
                }
                String text = statement.toString();
                statement.setLength(0);
                if (text.startsWith("COPY ") && text.strip().endsWith("FROM stdin;")) {
                    StringBuilder rows = new StringBuilder();
                    for (String row = dump.readLine(); !"\\.".equals(row); row = dump.readLine()) {
                        rows.append(row).append('\n');
                    }
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(text, new StringReader(rows.toString()));
                } else {
                    sql.execute(text);
                }
            }
        }
    }
}
