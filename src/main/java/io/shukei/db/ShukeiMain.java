package io.shukei.db;

import java.nio.file.Path;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the embedded PostgreSQL before Quarkus when no datasource URL is configured, so that one
 * command runs the whole service on a machine that has nothing but a JDK.
 */
@QuarkusMain
public class ShukeiMain {

    public static void main(String... args) throws Exception {
        if (setting("quarkus.datasource.jdbc.url", null) != null) {
            Quarkus.run(args);
            return;
        }
        if (!Boolean.parseBoolean(setting("shukei.embedded-db.enabled", "true"))) {
            // Straight to stderr: logging is not set up before Quarkus starts, and a logger here prints nothing.
            System.err.println("Shukei cannot start: no database configured. Set QUARKUS_DATASOURCE_JDBC_URL, "
                    + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD (the embedded database is disabled "
                    + "by SHUKEI_EMBEDDED_DB_ENABLED=false).");
            System.exit(2);
        }
        Path dir = Path.of(setting("shukei.embedded-db.dir", "data"));
        int port = Integer.parseInt(setting("shukei.embedded-db.port", "0"));
        EmbeddedDatabase database = EmbeddedDatabase.start(dir, port);
        EmbeddedDatabaseHolder.hold(database);
        System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", database.username());
        System.setProperty("quarkus.datasource.password", database.password());
        System.setProperty("shukei.embedded-db.active-dir", database.dataDirectory().toString());
        Quarkus.run(args);
    }

    /**
     * Reads a setting before Quarkus' configuration exists: a system property, else its environment
     * variable (dots and dashes become underscores, upper case), else the default.
     */
    static String setting(String key, String defaultValue) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
